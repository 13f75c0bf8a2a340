// A detached CMS SignedData (RFC 5652) of the CAdES-BES profile (ETSI EN 319 122-1): the content is not
// inside, the signed attributes carry its SHA-256 digest, the content type, the signing time and the
// signing certificate's hash (signing-certificate-v2, so the certificate cannot be swapped for another with
// the same key), and the certificates are the signer's and its chain. Every signer (token, certificate file,
// later eSign) produces it through createDetachedSignature; only the raw signature over the signed
// attributes comes from the key.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, certificateDer, keyKind, toArrayBuffer } from './x509';

/** Signs the DER of the signed attributes with SHA-256: RSA PKCS#1 v1.5, or ECDSA as a DER SEQUENCE of r, s. */
export type RawSign = (toBeSigned: Uint8Array) => Promise<Uint8Array>;

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toArrayBuffer(bytes)));
}

/**
 * The CMS ContentInfo (DER) of a detached signature over `content`, by the key of `chain[0]`; the rest of
 * `chain` (intermediate CAs, possibly the root) travels with it so a verifier needs only its trusted roots.
 */
export async function createDetachedSignature(options: {
  content: Uint8Array;
  chain: pkijs.Certificate[];
  sign: RawSign;
  signingTime?: Date;
  /**
   * PAdES (ETSI EN 319 142-1, pades.ts): no signing-time attribute, the PDF's signature dictionary carries
   * the time (/M) instead.
   */
  pades?: boolean;
}): Promise<Uint8Array> {
  const [signer] = options.chain;
  if (!signer) throw new Error('No signing certificate');
  const signingTime = options.signingTime ?? new Date();
  // UTCTime holds whole seconds; the same value goes into the attribute and is read back.
  signingTime.setMilliseconds(0);
  const digest = await sha256(options.content);
  const attributes = sortedSet([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    ...(options.pades ? [] : [attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: signingTime }))]),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })),
    attribute(OID.signingCertificateV2, await signingCertificateV2(signer))
  ]);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  // The signature covers the attributes as a DER SET OF (tag 0x31), not as the [0] they are stored under.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toBeSigned[0] = 0x31;
  const signature = await options.sign(toBeSigned);
  const ec = keyKind(signer) === 'EC';

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      ec ? { algorithmId: OID.ecdsaWithSHA256 } : { algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) })
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: options.chain,
    signerInfos: [signerInfo]
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/**
 * DER writes a SET OF in the order of its members' encodings; verifiers such as OpenSSL encode the signed
 * attributes again before checking the signature, so any other order would not verify there.
 */
function sortedSet(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => {
    for (let i = 0; i < Math.min(x.der.length, y.der.length); i++) if (x.der[i] !== y.der[i]) return x.der[i] - y.der[i];
    return x.der.length - y.der.length;
  });
  return encoded.map((e) => e.a);
}

/**
 * SigningCertificateV2 (RFC 5035): SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, one ESSCertIDv2 =
 * SEQUENCE { certHash OCTET STRING (SHA-256, the default algorithm, so omitted), issuerSerial SEQUENCE {
 * issuer GeneralNames (one directoryName), serialNumber } }.
 */
async function signingCertificateV2(cert: pkijs.Certificate): Promise<asn1js.Sequence> {
  const hash = await sha256(certificateDer(cert));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: cert.issuer }).toSchema()] }),
      new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) })
    ]
  });
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(hash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
}

/** The certHash values of a signing-certificate-v2 attribute value (SHA-256 ones only), for the verifier. */
export function signingCertificateHashes(value: asn1js.AsnType): Uint8Array[] | undefined {
  if (!(value instanceof asn1js.Sequence)) return undefined;
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return undefined;
  const hashes: Uint8Array[] = [];
  for (const id of certs.valueBlock.value) {
    if (!(id instanceof asn1js.Sequence)) return undefined;
    const [first] = id.valueBlock.value;
    // An AlgorithmIdentifier first means a hash other than the default SHA-256: not written by this code.
    if (!(first instanceof asn1js.OctetString)) return undefined;
    hashes.push(new Uint8Array(first.valueBlock.valueHexView));
  }
  return hashes;
}
