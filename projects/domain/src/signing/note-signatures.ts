// Signing and verifying a note as it is stored (../note-signature.ts): the same steps in the extension (on
// confirming a note, in the notesheet) and in `npx eoffice verify`, so both sign and check the same bytes.
// The domain by its name: this is another entry point (ng-packagr builds it apart from the package's index).
import {
  canonicalApprovalBytes,
  canonicalNoteBytes,
  hexOf,
  type ApprovalToSign,
  type NoteToSign,
  type SignatureToStore,
  type StoredSignature
} from '@eoffice/domain';
import { sha256 } from './cms';
import type { Signer } from './signer';
import { verifyDetached, type TrustStore, type VerificationResult } from './verify';
import { readCertificates, readCrls, summarise, type CertificateSummary } from './x509';

/** A note signed: the DER to store as the signature's content and what its node records beside it. */
export interface SignedNote {
  signature: Uint8Array;
  digest: string;
  certificate: CertificateSummary;
  signingTime: Date;
}

/** Signs a note's canonical bytes with `signer` (the officer confirms on his token or has opened his file). */
export async function signNote(signer: Signer, note: NoteToSign): Promise<SignedNote> {
  return signCanonical(signer, canonicalNoteBytes(note));
}

/** Signs the canonical form of the draft version an approver approves (note-canonical.ts, "a draft's approval"). */
export async function signApproval(signer: Signer, approval: ApprovalToSign): Promise<SignedNote> {
  return signCanonical(signer, canonicalApprovalBytes(approval));
}

async function signCanonical(signer: Signer, bytes: Uint8Array): Promise<SignedNote> {
  const [certificates, digest] = await Promise.all([signer.certificates(), sha256(bytes)]);
  if (!certificates.length) throw new Error('The signer holds no certificate');
  const signature = await signer.sign(bytes);
  return { signature, digest: hexOf(digest), certificate: summarise(certificates[0]), signingTime: new Date() };
}

/** What the signature node records of a signed note (signatureNodeBody takes it). */
export function toStore(
  signed: SignedNote,
  note: { id: string; name: string; version: string },
  post: string,
  permissions?: SignatureToStore['permissions'],
  form?: string
): SignatureToStore {
  const c = signed.certificate;
  return {
    note,
    form,
    digest: signed.digest,
    post,
    signer: { subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber },
    signingTime: signed.signingTime,
    permissions
  };
}

/**
 * Checks a stored signature against the note as it is stored now: rebuilds the canonical bytes from the
 * note's content and verifies the CMS against the department's trust, revocation judged at the time the
 * repository stored the signature (a signer cannot back-date past it).
 */
export async function verifyNoteSignature(
  note: NoteToSign,
  stored: Pick<StoredSignature, 'storedAt'>,
  der: Uint8Array,
  trust: TrustStore,
  now?: Date
): Promise<VerificationResult> {
  return verifyCanonical(() => canonicalNoteBytes(note), 'The note cannot be read as signed', stored, der, trust, now);
}

/** Checks an approval's stored signature against the approved version's content as stored now. */
export async function verifyApprovalSignature(
  approval: ApprovalToSign,
  stored: Pick<StoredSignature, 'storedAt'>,
  der: Uint8Array,
  trust: TrustStore,
  now?: Date
): Promise<VerificationResult> {
  return verifyCanonical(() => canonicalApprovalBytes(approval), 'The draft cannot be read as approved', stored, der, trust, now);
}

/**
 * Verifies a detached CMS over canonical bytes rebuilt from what is stored now; content that can no longer be
 * put in canonical form (unreadable) is reported as changed after signing, with `unreadable` and the reason.
 */
async function verifyCanonical(
  canonical: () => Uint8Array,
  unreadable: string,
  stored: Pick<StoredSignature, 'storedAt'>,
  der: Uint8Array,
  trust: TrustStore,
  now?: Date
): Promise<VerificationResult> {
  let bytes: Uint8Array;
  try {
    bytes = canonical();
  } catch (e) {
    return { status: 'changed', reason: `${unreadable}: ${(e as Error).message}` };
  }
  const trustedTime = stored.storedAt ? new Date(stored.storedAt) : undefined;
  return verifyDetached(bytes, der, trust, {
    trustedTime: trustedTime && !Number.isNaN(trustedTime.getTime()) ? trustedTime : undefined,
    now
  });
}

/**
 * The department's trust from its files (config/trust/roots/*.pem, intermediates/*.pem, crls/*.crl, or their
 * copies in Data Dictionary/eOffice/Trust): certificates as PEM text, CRLs as PEM text or DER. A file that
 * cannot be parsed is named in `problems` and adds nothing.
 */
export function trustFromFiles(
  roots: TrustFileText[],
  crls: TrustFileText[] = [],
  intermediates: TrustFileText[] = []
): {
  trust: TrustStore & { crls: NonNullable<TrustStore['crls']>; intermediates: NonNullable<TrustStore['intermediates']> };
  problems: string[];
} {
  const trust = {
    roots: [] as TrustStore['roots'],
    crls: [] as NonNullable<TrustStore['crls']>,
    intermediates: [] as NonNullable<TrustStore['intermediates']>
  };
  const problems: string[] = [];
  const read = <T>(files: TrustFileText[], parse: (data: Uint8Array | string) => T[], into: T[]) => {
    for (const f of files)
      try {
        into.push(...parse(f.text));
      } catch (e) {
        problems.push(`${f.name}: ${(e as Error).message}`);
      }
  };
  read(roots, readCertificates, trust.roots);
  read(intermediates, readCertificates, trust.intermediates);
  read(crls, readCrls, trust.crls);
  return { trust, problems };
}

/** A trust file as config/trust and the repository's Trust folder hold it. */
export interface TrustFileText {
  name: string;
  text: Uint8Array | string;
}
