// A note's digital signature as the repository keeps it (docs/signatures.md, "Where a signature is kept"):
// an eo:signature node in the file's Signatures/ folder whose content is the detached CMS (DER) over the
// note's canonical form and whose properties bind it to the note and its version. Its signer stores it,
// read-only to every other post from the first request; the movement workflow takes it over when the
// file is sent on (lib.js eoSealSignatures) and, where the department requires it, refuses to send a file
// whose green notes are not signed for their current version (eoUnsignedNotes). The cryptography is
// checked by the verifier (./signing), in the notesheet and by `npx eoffice verify`.
import type { NodeEntryLike } from './node-entry';
import { APPROVAL_SIGNATURE_FORMAT, NOTE_SIGNATURE_FORMAT } from './note-canonical';
import type { NotePermissionEntry } from './note';

export const SIGNATURES_FOLDER = 'Signatures';
export const SIGNATURE_TYPE = 'eo:signature';
/** RFC 5751's type for a detached CMS signature. */
export const SIGNATURE_MIME_TYPE = 'application/pkcs7-signature';

/** A signature node as the nodes API lists it (include properties); createdByUser is the repository's. */
export type SignatureNode = NodeEntryLike & { createdByUser?: { id?: string }; content?: { mimeType?: string; sizeInBytes?: number } };

export interface StoredSignature {
  id: string;
  name: string;
  /** The signed note's node id. */
  noteId: string;
  /** The note's version label when it was signed (cm:versionLabel). */
  version: string;
  /** SHA-256 (hex) of the canonical bytes signed, as the signer's client computed them. */
  digest: string;
  form: string;
  /** The post group the note was signed in. */
  post: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  /** The signing time the signer's clock claims. */
  signingTime?: string;
  /** Who stored it (the repository's record, not the client's): only the note's signer's counts. */
  storedBy: string;
  /** When the repository stored it: the trusted time a verifier checks revocation against. */
  storedAt?: string;
  size?: number;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : v ? String(v) : undefined);
/** d:noderef values come back as ids, or as `workspace://SpacesStore/<id>`. */
const nodeId = (v: unknown): string => text(Array.isArray(v) ? v[0] : v).replace(/^workspace:\/\/SpacesStore\//, '');

export function signatureFromNode(node: SignatureNode): StoredSignature {
  const p = node.properties ?? {};
  return {
    id: node.id,
    name: node.name,
    noteId: nodeId(p['eo:signatureOf']),
    version: text(p['eo:signedVersion']),
    digest: text(p['eo:signedDigest']),
    form: text(p['eo:signatureForm']),
    post: text(p['eo:signerPost']),
    subject: text(p['eo:signerSubject']),
    issuer: text(p['eo:signerIssuer']),
    serialNumber: text(p['eo:signerSerial']),
    signingTime: iso(p['eo:signingTime']),
    storedBy: text(node.createdByUser?.id),
    storedAt: iso(node.createdAt),
    size: node.content?.sizeInBytes
  };
}

/**
 * The signatures that count for a note: those naming it, stored by the officer the note names as its
 * signer (a colleague of the same post may put a node in Signatures/, but not in the signer's name), the
 * latest first. An empty list: the note is not digitally signed.
 */
export function signaturesOfNote(note: { id: string; signedByUser?: string }, all: StoredSignature[]): StoredSignature[] {
  const signer = text(note.signedByUser).toLowerCase();
  if (!signer) return [];
  return all
    .filter((s) => s.noteId === note.id && s.storedBy.toLowerCase() === signer)
    .sort((a, b) => text(b.storedAt).localeCompare(text(a.storedAt)) || b.name.localeCompare(a.name));
}

/**
 * The signatures that count for a draft's approval (docs/signatures.md, "Approvals"): approval signatures
 * naming the draft and the version approved, made in the approving post and stored by the approver (the
 * repository's record), the latest first. The movement workflow (lib.js eoUnsignedApprovals) checks the same.
 */
export function signaturesOfApproval(
  draft: { id: string; approvedVersion?: string; approvedBy?: string; approvedByUser?: string },
  all: StoredSignature[]
): StoredSignature[] {
  const approver = text(draft.approvedByUser).toLowerCase();
  if (!draft.approvedVersion || !draft.approvedBy || !approver) return [];
  return all
    .filter(
      (s) =>
        s.noteId === draft.id &&
        s.form === APPROVAL_SIGNATURE_FORMAT &&
        s.version === draft.approvedVersion &&
        s.post === draft.approvedBy &&
        s.storedBy.toLowerCase() === approver
    )
    .sort((a, b) => text(b.storedAt).localeCompare(text(a.storedAt)) || b.name.localeCompare(a.name));
}

export interface SignatureToStore {
  /** What is signed: a note, or (form APPROVAL_SIGNATURE_FORMAT) the draft whose version was approved. */
  note: { id: string; name: string; version: string };
  /** The canonical form signed; a note's when absent. */
  form?: string;
  /** SHA-256 (hex) of the canonical bytes. */
  digest: string;
  post: string;
  signer: { subject: string; issuer: string; serialNumber: string };
  signingTime: Date;
  /**
   * The note's permissions now (include=permissions): the signature is read by whoever reads the note and
   * written by nobody but its owner, its signer, from the first request on.
   */
  permissions?: { inherited?: NotePermissionEntry[]; locallySet?: NotePermissionEntry[] };
}

/** The JSON body that creates a signature node (its content, the DER, is stored next: PUT content). */
export function signatureNodeBody(s: SignatureToStore): {
  name: string;
  nodeType: string;
  properties: Record<string, string>;
  permissions: { isInheritanceEnabled: false; locallySet: { authorityId: string; name: 'Consumer'; accessStatus: 'ALLOWED' }[] };
} {
  const readers = new Set<string>();
  for (const e of [...(s.permissions?.inherited ?? []), ...(s.permissions?.locallySet ?? [])])
    if (e.authorityId && (e.accessStatus ?? 'ALLOWED') === 'ALLOWED') readers.add(e.authorityId);
  // Unique per note, version, certificate and millisecond: two officers (a forger among them) or a retry after
  // a failed upload may sign the same version within one second, and a clash would refuse the signature (409).
  const stamp = s.signingTime.toISOString().replace(/[-:.]/g, '');
  const serial = s.signer.serialNumber.replace(/[^0-9A-Za-z]/g, '').slice(-8) || '0';
  return {
    name: `${s.note.name}-v${s.note.version || '0'}-${stamp}-${serial}.p7s`,
    nodeType: SIGNATURE_TYPE,
    properties: {
      'eo:signatureOf': s.note.id,
      'eo:signatureForm': s.form ?? NOTE_SIGNATURE_FORMAT,
      'eo:signedVersion': s.note.version,
      'eo:signedDigest': s.digest,
      'eo:signerPost': s.post,
      'eo:signerSubject': s.signer.subject,
      'eo:signerIssuer': s.signer.issuer,
      'eo:signerSerial': s.signer.serialNumber,
      'eo:signingTime': s.signingTime.toISOString()
    },
    permissions: {
      isInheritanceEnabled: false,
      locallySet: [...readers].sort().map((authorityId) => ({ authorityId, name: 'Consumer' as const, accessStatus: 'ALLOWED' as const }))
    }
  };
}

/** Lower-case hex of bytes (digests as properties keep them). */
export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
