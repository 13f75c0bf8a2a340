// Note signatures through the public REST API (docs/signatures.md): storing one as the extension does
// (tests and seed-demo sign as an officer would), and `npx eoffice verify <file number>`, which checks every
// signature of a file off the browser against the department's trust (config/trust by default).
import { SearchApi } from '@alfresco/js-api';
import {
  APPROVAL_SIGNATURE_FORMAT,
  NOTE_TYPE,
  SIGNATURES_FOLDER,
  SIGNATURE_MIME_TYPE,
  SIGNATURE_TYPE,
  NOTES_FOLDER,
  quote,
  signatureFromNode,
  signatureNodeBody,
  signaturesOfNote,
  type NoteToSign,
  type SignatureNode,
  type StoredSignature
} from '@eoffice/domain';
import {
  signApproval,
  signNote,
  toStore,
  trustFromFiles,
  verifyNoteSignature,
  type Signer,
  type SignatureStatus,
  type TrustStore,
  type VerificationResult
} from '@eoffice/domain/src/signing';
import type { Acs } from './acs';
import { statusOf } from './acs';
import type { TrustConfig } from './trust';

type Props = Record<string, unknown>;
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Where a node's content is read and written, with the session's ticket (js-api's clients move text). */
function contentUrl(acs: Acs, nodeId: string, query = ''): string {
  const ticket = acs.api.getTicketEcm();
  return `${acs.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/${encodeURIComponent(nodeId)}/content?alf_ticket=${encodeURIComponent(ticket)}${query}`;
}

/** An error as js-api gives one (status, the JSON body as message), so callers treat both alike. */
async function failed(r: Response): Promise<never> {
  throw Object.assign(new Error(await r.text()), { status: r.status });
}

/** A file node's content as bytes. */
export async function readBytes(acs: Acs, nodeId: string): Promise<Uint8Array> {
  const r = await fetch(contentUrl(acs, nodeId));
  if (!r.ok) return failed(r);
  return new Uint8Array(await r.arrayBuffer());
}

/** Replaces a node's content with bytes of the given type (PUT /nodes/{id}/content, a minor version). */
export async function writeBytes(acs: Acs, nodeId: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const r = await fetch(contentUrl(acs, nodeId, '&majorVersion=false'), {
    method: 'PUT',
    headers: { 'Content-Type': mimeType },
    body: bytes as BodyInit
  });
  if (!r.ok) return failed(r);
}

/** What is signed for a note: its file's number, its number, the post it was signed in, its stored content. */
export async function noteToSign(acs: Acs, fileId: string, noteId: string): Promise<{ note: NoteToSign; props: Props; name: string }> {
  const [file, node, content] = await Promise.all([
    acs.nodes.getNode(fileId, { include: ['properties'] }),
    acs.nodes.getNode(noteId, { include: ['properties'] }),
    readBytes(acs, noteId)
  ]);
  const props = (node.entry.properties ?? {}) as Props;
  return {
    name: node.entry.name,
    props,
    note: {
      fileNumber: text((file.entry.properties as Props)?.['eo:fileNumber']),
      noteNumber: Number(props['eo:noteNumber']),
      signerPost: text(props['eo:signedByPost']),
      content: new TextDecoder().decode(content),
      mimeType: node.entry.content?.mimeType
    }
  };
}

/**
 * Signs a confirmed note as its signer does (the extension's NoteSigningService does the same steps): the
 * canonical bytes of the note as stored, the CMS from `signer`, an eo:signature in the file's Signatures/
 * readable by the note's readers and written by nobody but its owner, then its content. Answers its node id.
 */
export async function storeNoteSignature(acs: Acs, fileId: string, noteId: string, signer: Signer): Promise<string> {
  const [{ note, props, name }, perms, folder] = await Promise.all([
    noteToSign(acs, fileId, noteId),
    acs.nodes.getNode(noteId, { include: ['permissions'] }),
    acs.nodes.getNode(fileId, { relativePath: SIGNATURES_FOLDER })
  ]);
  const signed = await signNote(signer, note);
  const body = signatureNodeBody(
    toStore(signed, { id: noteId, name, version: text(props['cm:versionLabel']) }, note.signerPost, perms.entry.permissions as never)
  );
  return storeSignature(acs, folder.entry.id, body, signed.signature);
}

/**
 * Signs a draft's approval as the approver does on approving it (the extension's NoteSigningService.signApproval
 * does the same steps): the canonical form of `version` of the draft (its content as stored), signed in
 * `post` (the approving post's group), stored as an eo:signature of the draft in Signatures/.
 */
export async function storeApprovalSignature(
  acs: Acs,
  fileId: string,
  draftId: string,
  version: string,
  post: string,
  signer: Signer
): Promise<string> {
  const [file, draft, perms, folder, content] = await Promise.all([
    acs.nodes.getNode(fileId, { include: ['properties'] }),
    acs.nodes.getNode(draftId, { include: ['properties'] }),
    acs.nodes.getNode(draftId, { include: ['permissions'] }),
    acs.nodes.getNode(fileId, { relativePath: SIGNATURES_FOLDER }),
    readVersionBytes(acs, draftId, version)
  ]);
  const props = (draft.entry.properties ?? {}) as Props;
  const signed = await signApproval(signer, {
    fileNumber: text((file.entry.properties as Props)?.['eo:fileNumber']),
    draftNumber: Number(props['eo:draftNumber']),
    version,
    content: new TextDecoder().decode(content),
    signerPost: post
  });
  const body = signatureNodeBody(
    toStore(signed, { id: draftId, name: draft.entry.name, version }, post, perms.entry.permissions as never, APPROVAL_SIGNATURE_FORMAT)
  );
  return storeSignature(acs, folder.entry.id, body, signed.signature);
}

/** A version's content as bytes (GET /nodes/{id}/versions/{label}/content). */
export async function readVersionBytes(acs: Acs, nodeId: string, version: string): Promise<Uint8Array> {
  const ticket = acs.api.getTicketEcm();
  const r = await fetch(
    `${acs.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/${encodeURIComponent(nodeId)}/versions/${encodeURIComponent(version)}/content?alf_ticket=${encodeURIComponent(ticket)}`
  );
  if (!r.ok) return failed(r);
  return new Uint8Array(await r.arrayBuffer());
}

/**
 * Made, then closed to the post in a second request (ACS takes no permissions when it creates a node from a
 * multipart form, and a JSON create answers the same here), with the properties written again so that
 * nothing a colleague wrote in between stays; only then the signature itself.
 */
async function storeSignature(acs: Acs, folderId: string, body: ReturnType<typeof signatureNodeBody>, der: Uint8Array): Promise<string> {
  const { permissions, ...create } = body;
  const created = await acs.nodes.createNode(folderId, create as never);
  await acs.nodes.updateNode(created.entry.id, { properties: body.properties, permissions } as never);
  await writeBytes(acs, created.entry.id, der, SIGNATURE_MIME_TYPE);
  return created.entry.id;
}

// ------------------------------------------------------------------ verifying a file

export interface NoteVerification {
  noteNumber: number;
  noteId: string;
  /** The officer the note names as its signer (eo:signedByUser). */
  signedBy: string;
  /** 'unsigned': no signature of its signer is stored for it. */
  status: SignatureStatus | 'unsigned';
  reason: string;
  signature?: StoredSignature;
  result?: VerificationResult;
}

/** The file whose number is `fileNumber` (eo:fileNumber is untokenised: one exact match), or undefined. */
export async function findFile(acs: Acs, fileNumber: string): Promise<{ id: string; number: string } | undefined> {
  const search = new SearchApi(acs.api);
  const r = await search.search({
    query: { query: `TYPE:"eo:file" AND =eo:fileNumber:${quote(fileNumber)}`, language: 'afts' },
    include: ['properties'],
    paging: { maxItems: 2, skipCount: 0 }
  } as never);
  const hit = r.list?.entries?.map((e) => e.entry).find((e) => text((e.properties as Props)?.['eo:fileNumber']) === fileNumber);
  return hit ? { id: hit.id, number: fileNumber } : undefined;
}

async function listChildren(acs: Acs, fileId: string, folder: string): Promise<SignatureNode[]> {
  const out: SignatureNode[] = [];
  for (let skipCount = 0; ; ) {
    let page;
    try {
      page = await acs.nodes.listNodeChildren(fileId, { relativePath: folder, include: ['properties'], skipCount, maxItems: 500 });
    } catch (e) {
      if (statusOf(e) === 404) return out;
      throw e;
    }
    const entries = (page.list?.entries ?? []).map((e) => e.entry as unknown as SignatureNode);
    out.push(...entries);
    skipCount += entries.length;
    if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
  }
}

/** Every green note of a file with the state of its latest signature by its signer. */
export async function verifyFile(acs: Acs, fileId: string, trust: TrustStore, now?: Date): Promise<NoteVerification[]> {
  const [notes, stored] = await Promise.all([listChildren(acs, fileId, NOTES_FOLDER), listChildren(acs, fileId, SIGNATURES_FOLDER)]);
  const signatures = stored.filter((n) => n.nodeType === SIGNATURE_TYPE).map(signatureFromNode);
  const green = notes
    .filter((n) => n.nodeType === NOTE_TYPE && n.properties?.['eo:noteColour'] === 'green')
    .sort((a, b) => Number(a.properties?.['eo:noteNumber']) - Number(b.properties?.['eo:noteNumber']));
  const out: NoteVerification[] = [];
  for (const n of green) {
    const p = n.properties ?? {};
    const signedBy = text(p['eo:signedByUser']);
    const base = { noteNumber: Number(p['eo:noteNumber']), noteId: n.id, signedBy };
    const latest = signaturesOfNote({ id: n.id, signedByUser: signedBy }, signatures)[0];
    if (!latest) {
      out.push({ ...base, status: 'unsigned', reason: 'No digital signature of its signer is stored for this note' });
      continue;
    }
    const [{ note }, der] = await Promise.all([noteToSign(acs, fileId, n.id), readBytes(acs, latest.id)]);
    // The post the signature names (its canonical form holds it); the note's own may have been rewritten.
    const result = await verifyNoteSignature({ ...note, signerPost: latest.post || note.signerPost }, latest, der, trust, now);
    out.push({ ...base, status: result.status, reason: result.reason, signature: latest, result });
  }
  return out;
}

const WORDS: Record<NoteVerification['status'], string> = {
  valid: 'valid',
  changed: 'CHANGED AFTER SIGNING',
  'unknown-signer': 'SIGNER UNKNOWN',
  expired: 'EXPIRED',
  revoked: 'REVOKED',
  unsigned: 'not signed'
};

/**
 * `npx eoffice verify <file number>`: one line per green note; exit code 0 when every signature found is
 * valid (unsigned notes are listed, not failed: whether they must be signed is the department's rule,
 * which the movement workflow enforces), 1 when one is not, 2 for no such file.
 */
export async function verifyCommand(acs: Acs, fileNumber: string, config: TrustConfig, out: (line: string) => void): Promise<number> {
  const { trust, problems } = trustFromFiles(config.roots, config.crls, config.intermediates);
  for (const p of problems) out(`trust: ${p}`);
  if (!trust.roots.length) out('trust: no trusted root (config/trust/roots/*.pem): no signature can verify');
  const file = await findFile(acs, fileNumber);
  if (!file) {
    out(`No file numbered ${fileNumber}`);
    return 2;
  }
  const results = await verifyFile(acs, file.id, trust);
  out(`File ${fileNumber}: ${results.length} green note(s)`);
  for (const r of results) {
    const who = r.result?.signer ? `${r.result.signer.name} (issuer ${r.result.signer.issuerName})` : r.signedBy;
    const when = r.result?.signingTime ? `, signed ${r.result.signingTime}` : '';
    out(`  Note ${r.noteNumber}: ${WORDS[r.status]}: ${who}${when}${r.status === 'valid' ? '' : ` (${r.reason})`}`);
  }
  const bad = results.filter((r) => r.status !== 'valid' && r.status !== 'unsigned').length;
  const unsigned = results.filter((r) => r.status === 'unsigned').length;
  out(`${results.length - bad - unsigned} valid, ${bad} not valid, ${unsigned} unsigned`);
  return bad ? 1 : 0;
}
