// Certificates, CRLs and keys as the signing code handles them: DER or PEM in, pkijs objects out, and the
// few facts a person reads off a certificate (name, issuer, validity). WebCrypto only (no node:crypto), so
// this file and cms.ts / verify.ts also run in the browser when the extension takes them over.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Bytes as an ArrayBuffer of exactly their length (asn1js and WebCrypto take ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The DER blocks of a PEM text with the given label (CERTIFICATE, X509 CRL, ...), or the bytes themselves when DER. */
export function derBlocks(input: Uint8Array | string, label: string): Uint8Array[] {
  const text = typeof input === 'string' ? input : looksLikePem(input) ? new TextDecoder().decode(input) : undefined;
  if (text === undefined) return [input as Uint8Array];
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((m) => base64ToBytes(m[1].replace(/\s+/g, '')));
}

function looksLikePem(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(0, 64)).includes('-----BEGIN ');
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array | ArrayBuffer): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = bytesToBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function parseCertificate(der: Uint8Array | ArrayBuffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** Every certificate of a PEM bundle or one DER certificate. */
export function readCertificates(input: Uint8Array | string): pkijs.Certificate[] {
  return derBlocks(input, 'CERTIFICATE').map(parseCertificate);
}

/** Every CRL of a PEM bundle or one DER CRL. */
export function readCrls(input: Uint8Array | string): pkijs.CertificateRevocationList[] {
  return derBlocks(input, 'X509 CRL').map((der) => pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)));
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

const NAME_TYPES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.17': 'postalCode',
  '2.5.4.65': 'pseudonym'
};

/** A distinguished name as people read it: most specific first (CN=…, OU=…, O=…, C=…). */
export function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${NAME_TYPES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

/** The common name of a distinguished name (an Indian DSC's holder name), or the whole name when it has none. */
export function commonName(name: pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.find((tv) => tv.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : nameText(name);
}

export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return equalBytes(new Uint8Array(a.toSchema().toBER(false)), new Uint8Array(b.toSchema().toBER(false)));
}

export function serialHex(cert: pkijs.Certificate): string {
  return [...cert.serialNumber.valueBlock.valueHexView].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** What a person is shown of a certificate. */
export interface CertificateSummary {
  /** The holder's name from the certificate (its CN). */
  name: string;
  subject: string;
  issuer: string;
  /** The issuing CA's name (its CN). */
  issuerName: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

export function summarise(cert: pkijs.Certificate): CertificateSummary {
  return {
    name: commonName(cert.subject),
    subject: nameText(cert.subject),
    issuer: nameText(cert.issuer),
    issuerName: commonName(cert.issuer),
    serialNumber: serialHex(cert),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString()
  };
}

/** The signing certificate, then its issuers as far as the file holds them, then any other certificate. */
export function orderChain(signer: pkijs.Certificate, certs: pkijs.Certificate[]): pkijs.Certificate[] {
  const rest = certs.filter((c) => !equalBytes(certificateDer(c), certificateDer(signer)));
  const chain = [signer];
  for (let current = signer; chain.length <= certs.length; ) {
    if (sameName(current.subject, current.issuer)) break;
    const issuer = rest.find((c) => !chain.includes(c) && sameName(c.subject, current.issuer));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return [...chain, ...rest.filter((c) => !chain.includes(c))];
}

// ------------------------------------------------------------------ keys and signature algorithms

export type KeyKind = 'RSA' | 'EC';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  prime256v1: '1.2.840.10045.3.1.7',
  secp384r1: '1.3.132.0.34'
} as const;

/** The key kind of a certificate's public key (Indian DSCs: RSA 2048; EC P-256/P-384 also accepted). */
export function keyKind(cert: pkijs.Certificate): KeyKind {
  const oid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === OID.rsaEncryption) return 'RSA';
  if (oid === OID.ecPublicKey) return 'EC';
  throw new Error(`Unsupported key algorithm ${oid} in the certificate of ${commonName(cert.subject)}`);
}

function namedCurve(cert: pkijs.Certificate): 'P-256' | 'P-384' {
  const params = cert.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
  const oid = params?.valueBlock?.toString();
  if (oid === OID.prime256v1) return 'P-256';
  if (oid === OID.secp384r1) return 'P-384';
  throw new Error(`Unsupported elliptic curve ${oid}`);
}

/** WebCrypto's parameters for the certificate's key with SHA-256. */
export function webCryptoAlgorithm(cert: pkijs.Certificate): RsaHashedImportParams | EcKeyImportParams {
  return keyKind(cert) === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: namedCurve(cert) };
}

/** An ECDSA signature as CMS carries it (DER SEQUENCE of r, s) from WebCrypto's and PKCS#11's r‖s. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.subarray(i);
    const value = trimmed[0] & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed;
    return new asn1js.Integer({ valueHex: toArrayBuffer(value) });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [integer(raw.subarray(0, half)), integer(raw.subarray(half))] }).toBER(false));
}

/** The reverse: r‖s of the curve's size from a DER ECDSA signature (undefined when it is not one). */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence) || parsed.result.valueBlock.value.length !== 2) return undefined;
  const out = new Uint8Array(size * 2);
  for (const [i, item] of parsed.result.valueBlock.value.entries()) {
    if (!(item instanceof asn1js.Integer)) return undefined;
    let bytes = item.valueBlock.valueHexView;
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    out.set(bytes, i * size + size - bytes.length);
  }
  return out;
}

export function curveSize(cert: pkijs.Certificate): number {
  return namedCurve(cert) === 'P-256' ? 32 : 48;
}
