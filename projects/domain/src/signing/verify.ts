// Verifies a detached CMS signature (cms.ts, or any CAdES-BES / plain CMS SignedData with SHA-256) over
// bytes, against the department's trusted roots and CRLs, and says what a reader needs to know in one of
// five states (issue 18): valid (who, which CA, when), changed after signing, signer unknown (no chain to a
// trusted root), expired, revoked. WebCrypto and pkijs only, so the extension can run the same checks.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256, signingCertificateHashes } from './cms';
import {
  CertificateSummary,
  OID,
  certificateDer,
  commonName,
  curveSize,
  ecdsaDerToRaw,
  equalBytes,
  keyKind,
  sameName,
  summarise,
  toArrayBuffer,
  webCryptoAlgorithm
} from './x509';

export type SignatureStatus = 'valid' | 'changed' | 'unknown-signer' | 'expired' | 'revoked';

export interface VerificationResult {
  status: SignatureStatus;
  /** Why, in a sentence for the details of the state. */
  reason: string;
  /** The signing certificate, when the signature names one it carries. */
  signer?: CertificateSummary;
  /** The signing time the signature claims (the signer's clock). */
  signingTime?: string;
  /** The certificates from the signer's up to the trusted root, when there is such a chain. */
  chain?: CertificateSummary[];
  /** True when a CRL of each issuer in the chain was at hand (and verified); false: revocation not known. */
  revocationChecked?: boolean;
}

export interface TrustStore {
  /** The department's trusted roots (config/trust/). */
  roots: pkijs.Certificate[];
  /** CRLs the department uploads; a CRL counts only when its issuer's signature on it verifies. */
  crls?: pkijs.CertificateRevocationList[];
  /** CA certificates to complete chains that signatures do not carry in full. */
  intermediates?: pkijs.Certificate[];
}

export interface VerifyOptions {
  /**
   * When the signature is known to have existed (the repository's record of when it was stored). Without
   * it the signer's own claimed signing time is used, and a revocation at any date counts, since a claimed
   * time can be back-dated by whoever holds a revoked key.
   */
  trustedTime?: Date;
  /** Now, for signatures that claim no signing time (tests pass a fixed date). */
  now?: Date;
}

const MAX_CHAIN = 8;
const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';

export async function verifyDetached(
  content: Uint8Array,
  signature: Uint8Array,
  trust: TrustStore,
  options: VerifyOptions = {}
): Promise<VerificationResult> {
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(signature);
  } catch (e) {
    return { status: 'changed', reason: `The signature is damaged: ${(e as Error).message}` };
  }
  if (signedData.signerInfos.length !== 1) return { status: 'changed', reason: 'The signature does not have exactly one signer' };
  const [info] = signedData.signerInfos;
  const carried = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCert = findSigner(info, carried);
  if (!signerCert) return { status: 'unknown-signer', reason: 'The signature does not carry its signer’s certificate' };
  const signer = summarise(signerCert);

  // 1. The bytes and the signed attributes are as signed, by the key of this certificate.
  const integrity = await checkIntegrity(content, info, signerCert);
  const signingTime = integrity.signingTime?.toISOString();
  if (integrity.problem) return { status: 'changed', reason: integrity.problem, signer, signingTime };

  // 2. The certificate leads to one of the department's trusted roots.
  const chain = await buildChain(signerCert, [...carried, ...(trust.intermediates ?? [])], trust.roots);
  if (!chain)
    return {
      status: 'unknown-signer',
      reason: `The certificate of ${signer.name}, issued by ${signer.issuerName}, does not lead to a trusted root`,
      signer,
      signingTime
    };
  const chainSummary = chain.map(summarise);
  if (!forSignatures(signerCert))
    return {
      status: 'unknown-signer',
      reason: `The certificate of ${signer.name} is not one for signing documents (its key usage)`,
      signer,
      signingTime,
      chain: chainSummary
    };

  // 3. Every certificate of the chain was valid when the note was signed.
  const at = options.trustedTime ?? integrity.signingTime ?? options.now ?? new Date();
  for (const cert of chain) {
    if (at < cert.notBefore.value || at > cert.notAfter.value) {
      const whose = cert === signerCert ? `The certificate of ${signer.name}` : `The CA certificate ${commonName(cert.subject)}`;
      return {
        status: 'expired',
        reason: `${whose} was not valid at the signing time ${at.toISOString()} (valid ${cert.notBefore.value.toISOString()} to ${cert.notAfter.value.toISOString()})`,
        signer,
        signingTime,
        chain: chainSummary
      };
    }
  }

  // 4. No certificate of the chain (below the root) is revoked by a CRL its issuer signed.
  let revocationChecked = true;
  for (let i = 0; i < chain.length - 1; i++) {
    const crls = await crlsOf(chain[i + 1], trust.crls ?? []);
    if (!crls.length) revocationChecked = false;
    for (const crl of crls) {
      const entry = revocation(crl, chain[i]);
      if (!entry) continue;
      if (options.trustedTime && entry.revocationDate.value > options.trustedTime) continue;
      const whose = i === 0 ? `The certificate of ${signer.name}` : `The CA certificate ${commonName(chain[i].subject)}`;
      return {
        status: 'revoked',
        reason: `${whose} was revoked on ${entry.revocationDate.value.toISOString()} (CRL of ${commonName(crl.issuer)})`,
        signer,
        signingTime,
        chain: chainSummary,
        revocationChecked: true
      };
    }
  }
  return {
    status: 'valid',
    reason: `Signed by ${signer.name} with a certificate issued by ${signer.issuerName}`,
    signer,
    signingTime,
    chain: chainSummary,
    revocationChecked
  };
}

function parseSignedData(signature: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(toArrayBuffer(signature));
  if (asn1.offset === -1) throw new Error(asn1.result.error || 'not DER');
  if (asn1.offset !== signature.byteLength) throw new Error('bytes after the signature');
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.encapContentInfo.eContent) throw new Error('not a detached signature');
  return signedData;
}

function findSigner(info: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  if (!(info.sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  const sid = info.sid;
  return certs.find((c) => sameName(c.issuer, sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
}

async function checkIntegrity(
  content: Uint8Array,
  info: pkijs.SignerInfo,
  cert: pkijs.Certificate
): Promise<{ problem?: string; signingTime?: Date }> {
  if (info.digestAlgorithm.algorithmId !== OID.sha256) return { problem: `Unsupported digest ${info.digestAlgorithm.algorithmId}` };
  const attrs = info.signedAttrs?.attributes;
  if (!attrs || !info.signedAttrs) return { problem: 'The signature has no signed attributes' };
  const value = (type: string) => attrs.find((a) => a.type === type)?.values[0];
  const timeValue = value(OID.signingTime);
  const signingTime = timeValue instanceof asn1js.UTCTime || timeValue instanceof asn1js.GeneralizedTime ? timeValue.toDate() : undefined;

  const digest = value(OID.messageDigest);
  if (!(digest instanceof asn1js.OctetString)) return { problem: 'The signature has no message digest', signingTime };
  if (!equalBytes(new Uint8Array(digest.valueBlock.valueHexView), await sha256(content)))
    return { problem: 'The note was changed after it was signed', signingTime };
  const contentType = value(OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data)
    return { problem: 'The signature is not over data', signingTime };

  const signed = new Uint8Array(info.signedAttrs.encodedValue);
  if (!(await verifyWithCertificate(cert, signed, new Uint8Array(info.signature.valueBlock.valueHexView))))
    return { problem: 'The signature does not match the note and its signed details (changed after signing)', signingTime };

  const certValue = value(OID.signingCertificateV2);
  if (certValue) {
    const hashes = signingCertificateHashes(certValue);
    const own = await sha256(certificateDer(cert));
    if (!hashes?.some((h) => equalBytes(h, own)))
      return { problem: 'The certificate in the signature is not the one it was signed with', signingTime };
  }
  return { signingTime };
}

async function verifyWithCertificate(cert: pkijs.Certificate, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    const algorithm = webCryptoAlgorithm(cert);
    const key = await crypto.subtle.importKey('spki', cert.subjectPublicKeyInfo.toSchema().toBER(false), algorithm, false, ['verify']);
    if (keyKind(cert) === 'RSA') return await crypto.subtle.verify(algorithm, key, toArrayBuffer(signature), toArrayBuffer(data));
    const raw = ecdsaDerToRaw(signature, curveSize(cert));
    return !!raw && (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, toArrayBuffer(raw), toArrayBuffer(data)));
  } catch {
    return false;
  }
}

/** The certificates from `cert` up to a trusted root (inclusive), each signed by the next, each issuer a CA. */
async function buildChain(
  cert: pkijs.Certificate,
  pool: pkijs.Certificate[],
  roots: pkijs.Certificate[]
): Promise<pkijs.Certificate[] | undefined> {
  const rootDer = roots.map(certificateDer);
  const isRoot = (c: pkijs.Certificate) => rootDer.some((d) => equalBytes(d, certificateDer(c)));
  const chain = [cert];
  for (let current = cert; chain.length <= MAX_CHAIN; ) {
    if (isRoot(current)) return chain;
    // Trusted roots first: a carried copy of a root proves nothing, the configured one does.
    const candidates = [...roots, ...pool].filter((c) => sameName(c.subject, current.issuer) && isCa(c) && !chain.includes(c));
    let next: pkijs.Certificate | undefined;
    for (const candidate of candidates) {
      if (await verifiedBy(current, candidate)) {
        next = candidate;
        break;
      }
    }
    if (!next) return undefined;
    chain.push(next);
    current = next;
  }
  return undefined;
}

async function verifiedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

/** A certificate whose key usage, when it states one, includes digital signature or non-repudiation (a CA's does not). */
function forSignatures(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === KEY_USAGE);
  if (!ext) return true;
  const bits = (ext.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView;
  // Bit 0 digitalSignature, bit 1 nonRepudiation (contentCommitment): the first byte's two high bits.
  return !!bits && (bits[0] & 0xc0) !== 0;
}

function isCa(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS);
  return !!(ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA;
}

async function crlsOf(issuer: pkijs.Certificate, crls: pkijs.CertificateRevocationList[]): Promise<pkijs.CertificateRevocationList[]> {
  const own: pkijs.CertificateRevocationList[] = [];
  for (const crl of crls) {
    if (!sameName(crl.issuer, issuer.subject)) continue;
    try {
      if (await crl.verify({ issuerCertificate: issuer })) own.push(crl);
    } catch {
      // A CRL whose signature cannot be checked says nothing.
    }
  }
  return own;
}

function revocation(crl: pkijs.CertificateRevocationList, cert: pkijs.Certificate): pkijs.RevokedCertificate | undefined {
  return crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(cert.serialNumber));
}
