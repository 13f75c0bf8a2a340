import { Injectable, Injector, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodeEntry, NodesApi } from '@alfresco/js-api';
import {
  APPROVAL_SIGNATURE_FORMAT,
  SIGNATURES_FOLDER,
  SIGNATURE_MIME_TYPE,
  SIGNATURE_TYPE,
  signatureFromNode,
  signatureNodeBody,
  signaturesOfApproval,
  signaturesOfNote,
  type Note,
  type SignatureNode,
  type StoredSignature
} from '@eoffice/domain';
import {
  openPkcs12,
  signApproval,
  signNote,
  summarise,
  toStore,
  trustFromFiles,
  verifyApprovalSignature,
  verifyNoteSignature,
  verifyPdf,
  type CertificateSummary,
  type SignatureStatus,
  type Signer,
  type TrustStore
} from '@eoffice/domain/src/signing';
import { DeskService } from '../../desk/desk.service';
import { NodeTextApi } from '../../shared/api/node-text-api';
import { openBridgeSigner } from '@eoffice/domain/src/signing';

/** Where `install` puts the department's trust (config/trust/): roots, CA certificates, CRLs. */
export const TRUST_PATH = 'Data Dictionary/eOffice/Trust';
const TRUST_KINDS = ['roots', 'intermediates', 'crls'] as const;
/** Notes checked at once (each reads the note's content and its signature). */
const CHECKS_AT_ONCE = 4;

/** The officer's key for this signing session: a certificate file opened here, or his token through the bridge. */
export interface SigningSession {
  kind: 'file' | 'token';
  certificate: CertificateSummary;
  signer: Signer;
}

/** A note's digital signature as the notesheet shows it. */
export interface NoteSignatureView {
  status: SignatureStatus | 'unsigned';
  /** The signer's certificate (name, issuer) when the signature carries it. */
  signer?: CertificateSummary;
  /** The signing time the signature claims. */
  signingTime?: string;
  /** The verifier's sentence (English), for the details. */
  reason?: string;
}

/**
 * Digital signatures of notes (docs/signatures.md): signs a confirmed note with the officer's key (a PKCS#12
 * certificate file opened in this browser for the session, its key imported into WebCrypto as not
 * extractable, or his DSC token through the local signer bridge) and stores the signature in the file's
 * Signatures/, then checks every green note's signature against the department's trust from the
 * repository (Data Dictionary/eOffice/Trust). The key never leaves the browser or the token; the repository
 * gets the signature only.
 */
@Injectable({ providedIn: 'root' })
export class NoteSigningService {
  // Reached when a signature is checked or made, not when a notesheet is built: a notesheet whose
  // signatures cannot be read still shows its notes (check() then fails, and the states are left out).
  private readonly injector = inject(Injector);
  private get apiService(): AlfrescoApiService {
    return this.injector.get(AlfrescoApiService);
  }
  private get deskService(): DeskService {
    return this.injector.get(DeskService);
  }

  readonly session = signal<SigningSession | null>(null);
  private trust?: Promise<TrustStore>;

  private get nodes(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  /**
   * Whether the department requires green notes to be signed before a file is sent (hierarchy.json
   * signatures.requireSignedNotes; the movement workflow enforces it): confirming then asks for the key.
   */
  async signedNotesRequired(): Promise<boolean> {
    const desk = await Promise.resolve()
      .then(() => this.deskService.desk())
      .catch(() => null);
    return desk?.hierarchy.signatures?.requireSignedNotes === true;
  }

  /**
   * Whether the department requires a letter's approval to be signed by its approver (hierarchy.json
   * signatures.requireSignedApprovals; the movement workflow enforces it when the file is handed on).
   */
  async signedApprovalsRequired(): Promise<boolean> {
    const desk = await Promise.resolve()
      .then(() => this.deskService.desk())
      .catch(() => null);
    return desk?.hierarchy.signatures?.requireSignedApprovals === true;
  }

  /** Opens a PKCS#12 file (.p12, .pfx) for this session; the password opens it and is not kept. */
  async openCertificateFile(file: Blob, password: string): Promise<SigningSession> {
    const signer = await openPkcs12(new Uint8Array(await file.arrayBuffer()), password);
    const [certificate] = await signer.certificates();
    return this.begin({ kind: 'file', signer, certificate: summarise(certificate) });
  }

  /** Connects to the signer bridge on this computer (`npx eoffice signer`). */
  async connectToken(url?: string): Promise<SigningSession> {
    const { signer, certificate } = await openBridgeSigner(url);
    return this.begin({ kind: 'token', signer, certificate });
  }

  /** Closes the session: a certificate file's key is forgotten, a token's session stays the bridge's. */
  async endSession(): Promise<void> {
    const current = this.session();
    this.session.set(null);
    await current?.signer.close();
  }

  private async begin(session: SigningSession): Promise<SigningSession> {
    await this.endSession();
    this.session.set(session);
    return session;
  }

  /**
   * Signs a confirmed (green) note as it is stored now, with the session's key, and stores the signature:
   * an eo:signature in the file's Signatures/ naming the note and its version, closed to the post in the
   * request after it is made (only its signer, its owner, writes it; the workflow takes it over when the
   * file moves on), then its content, the DER.
   */
  async sign(file: { id: string; fileNumber: string }, noteId: string): Promise<NoteSignatureView> {
    const session = this.session();
    if (!session) throw new Error('No certificate is open for signing');
    const nodes = this.nodes;
    const [node, content] = await Promise.all([
      nodes.getNode(noteId, { include: ['properties', 'permissions'] }),
      new NodeTextApi(this.apiService.getInstance()).getNodeContent(noteId) as Promise<unknown>
    ]);
    const entry = node.entry;
    const props = (entry.properties ?? {}) as Record<string, unknown>;
    const post = String(props['eo:signedByPost'] ?? '');
    const note = {
      fileNumber: file.fileNumber,
      noteNumber: Number(props['eo:noteNumber']),
      signerPost: post,
      content: String(content ?? ''),
      mimeType: entry.content?.mimeType
    };
    const signed = await signNote(session.signer, note);
    const body = signatureNodeBody(
      toStore(signed, { id: noteId, name: entry.name, version: String(props['cm:versionLabel'] ?? '') }, post, entry.permissions as never)
    );
    await this.store(file.id, body, signed.signature);
    return { status: 'valid', signer: signed.certificate, signingTime: signed.signingTime.toISOString() };
  }

  /**
   * Signs a draft's approval (docs/signatures.md, "Approvals"): the canonical form of the version approved,
   * in the approving post, stored as an eo:signature of the draft in Signatures/ bound to that version, as a
   * note's is. The approver signs before the approval is written, so a declined signature approves nothing.
   */
  async signApproval(
    file: { id: string; fileNumber: string },
    draft: { id: string; number: number },
    version: string,
    post: string
  ): Promise<NoteSignatureView> {
    const session = this.session();
    if (!session) throw new Error('No certificate is open for signing');
    const [node, content] = await Promise.all([
      this.nodes.getNode(draft.id, { include: ['permissions'] }),
      this.versionText(draft.id, version)
    ]);
    const signed = await signApproval(session.signer, {
      fileNumber: file.fileNumber,
      draftNumber: draft.number,
      version,
      content,
      signerPost: post
    });
    const body = signatureNodeBody(
      toStore(signed, { id: draft.id, name: node.entry.name, version }, post, node.entry.permissions as never, APPROVAL_SIGNATURE_FORMAT)
    );
    await this.store(file.id, body, signed.signature);
    return { status: 'valid', signer: signed.certificate, signingTime: signed.signingTime.toISOString() };
  }

  /**
   * The state of each approved (or issued) draft's approval signature, by draft id: its approver's latest
   * signature of the version approved, checked against that version's content and the department's trust.
   */
  async checkApprovals(
    file: { id: string; fileNumber: string },
    drafts: { id: string; number: number; approvedVersion?: string; approvedBy?: string; approvedByUser?: string }[]
  ): Promise<Map<string, NoteSignatureView>> {
    const out = new Map<string, NoteSignatureView>();
    const approved = drafts.filter((d) => d.approvedVersion && d.approvedBy);
    if (!approved.length) return out;
    const stored = await this.stored(file.id);
    const trust = stored.length ? await this.trustStore() : { roots: [] };
    for (const draft of approved) {
      const latest = signaturesOfApproval(draft, stored)[0];
      if (!latest) {
        out.set(draft.id, { status: 'unsigned' });
        continue;
      }
      const view = await Promise.all([this.versionText(draft.id, draft.approvedVersion!), this.bytes(latest.id)])
        .then(([content, der]) =>
          verifyApprovalSignature(
            { fileNumber: file.fileNumber, draftNumber: draft.number, version: draft.approvedVersion!, content, signerPost: latest.post },
            latest,
            der,
            trust
          )
        )
        .then(
          (r): NoteSignatureView => ({ status: r.status, signer: r.signer, signingTime: r.signingTime, reason: r.reason }),
          (e): NoteSignatureView => ({ status: 'changed', reason: `The signature could not be read: ${(e as Error).message}` })
        );
      out.set(draft.id, view);
    }
    return out;
  }

  /**
   * The state of each issued letter's PAdES signature (the office copies in the correspondence), by node id:
   * the letter's first signature checked as a PDF reader does (verifyPdf: the byte range, the CMS, the trust).
   * Letters issued without a signature are left out; two letters are read at a time.
   */
  async checkLetters(
    entries: { id: string; kind: string; mimeType?: string }[],
    onEach?: (id: string, view: NoteSignatureView) => void
  ): Promise<Map<string, NoteSignatureView>> {
    const letters = entries.filter((e) => e.kind === 'issue' && (!e.mimeType || e.mimeType === 'application/pdf'));
    const out = new Map<string, NoteSignatureView>();
    let next = 0;
    const worker = async () => {
      while (next < letters.length) {
        const letter = letters[next++];
        const bytes = await this.bytes(letter.id).catch(() => null);
        // A cheap look before pdf-lib and the trust: an unsigned letter has no signature dictionary.
        if (!bytes || !new TextDecoder('latin1').decode(bytes).includes('/ByteRange')) continue;
        const view = await this.trustStore()
          .then((trust) => verifyPdf(bytes, trust))
          .then(
            ([first]): NoteSignatureView | null =>
              first
                ? { status: first.status, signer: first.signer, signingTime: first.signingTime ?? first.claimedTime, reason: first.reason }
                : null,
            (e): NoteSignatureView => ({ status: 'changed', reason: `The letter's signature could not be read: ${(e as Error).message}` })
          );
        if (!view) continue;
        out.set(letter.id, view);
        onEach?.(letter.id, view);
      }
    };
    await Promise.all(Array.from({ length: Math.min(2, letters.length) }, worker));
    return out;
  }

  /** Whether the approver's signature of the version approved is stored (presence, as the workflow checks it). */
  async approvalSigned(
    file: { id: string },
    draft: { id: string; approvedVersion?: string; approvedBy?: string; approvedByUser?: string }
  ): Promise<boolean> {
    return signaturesOfApproval(draft, await this.stored(file.id)).some((s) => (s.size ?? 0) > 0);
  }

  /**
   * Stores a signature: made, then closed to the post in the next request (inheritance off, the signed
   * node's readers as Consumer, the properties written again), only then its content, the DER.
   */
  private async store(fileId: string, body: ReturnType<typeof signatureNodeBody>, der: Uint8Array): Promise<void> {
    const nodes = this.nodes;
    const { permissions, ...create } = body;
    const created = await nodes.createNode(fileId, { ...create, relativePath: SIGNATURES_FOLDER } as never);
    await nodes.updateNode(created.entry.id, { properties: body.properties, permissions } as never);
    await nodes.put<NodeEntry>({
      path: '/nodes/{nodeId}/content',
      pathParams: { nodeId: created.entry.id },
      queryParams: { majorVersion: false },
      contentTypes: [SIGNATURE_MIME_TYPE],
      bodyParam: new Blob([der as BlobPart], { type: SIGNATURE_MIME_TYPE }),
      returnType: NodeEntry
    });
  }

  /** A version's content as stored, as text (GET /nodes/{id}/versions/{label}/content). */
  private async versionText(nodeId: string, version: string): Promise<string> {
    const body: unknown = await this.nodes.get({
      path: '/nodes/{nodeId}/versions/{versionId}/content',
      pathParams: { nodeId, versionId: version },
      accepts: ['application/octet-stream'],
      returnType: 'blob'
    });
    if (body instanceof Blob) return new TextDecoder().decode(await body.arrayBuffer());
    if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
    return String(body ?? '');
  }

  /**
   * The state of each green note's signature, by note id: its signer's latest signature checked against
   * the note as stored now and the department's trust. `onEach` hears each note as its check ends.
   */
  async check(
    file: { id: string; fileNumber: string },
    notes: Note[],
    onEach?: (noteId: string, view: NoteSignatureView) => void
  ): Promise<Map<string, NoteSignatureView>> {
    const green = notes.filter((n) => n.colour === 'green');
    const out = new Map<string, NoteSignatureView>();
    if (!green.length) return out;
    const stored = await this.stored(file.id);
    // Without any signature in the file there is nothing to check and no trust to read.
    const trust = stored.length ? await this.trustStore() : { roots: [] };
    let next = 0;
    const worker = async () => {
      while (next < green.length) {
        const note = green[next++];
        const view = await this.checkOne(file, note, stored, trust).catch(
          (e): NoteSignatureView => ({ status: 'changed', reason: `The signature could not be read: ${(e as Error).message}` })
        );
        out.set(note.id, view);
        onEach?.(note.id, view);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHECKS_AT_ONCE, green.length) }, worker));
    return out;
  }

  private async checkOne(
    file: { fileNumber: string },
    note: Note,
    stored: StoredSignature[],
    trust: TrustStore
  ): Promise<NoteSignatureView> {
    const latest = signaturesOfNote({ id: note.id, signedByUser: note.signature?.user }, stored)[0];
    if (!latest) return { status: 'unsigned' };
    const [content, der] = await Promise.all([
      new NodeTextApi(this.apiService.getInstance()).getNodeContent(note.id) as Promise<unknown>,
      this.bytes(latest.id)
    ]);
    const result = await verifyNoteSignature(
      {
        fileNumber: file.fileNumber,
        noteNumber: note.number,
        signerPost: latest.post || note.signature?.post || '',
        content: String(content ?? ''),
        mimeType: note.mimeType
      },
      latest,
      der,
      trust
    );
    return { status: result.status, signer: result.signer, signingTime: result.signingTime, reason: result.reason };
  }

  /** The signatures stored in a file's Signatures/ (none before the file's first movement made the folder). */
  private async stored(fileId: string): Promise<StoredSignature[]> {
    const out: StoredSignature[] = [];
    for (let skipCount = 0; ; ) {
      const page = await this.nodes
        .listNodeChildren(fileId, { relativePath: SIGNATURES_FOLDER, include: ['properties'], skipCount, maxItems: 500 })
        .catch((e: { status?: number }) => {
          if (e?.status === 404) return null;
          throw e;
        });
      if (!page) return out;
      const entries = (page.list?.entries ?? []).map((e) => e.entry as unknown as SignatureNode);
      out.push(...entries.filter((n) => n.nodeType === SIGNATURE_TYPE).map(signatureFromNode));
      skipCount += entries.length;
      if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
    }
  }

  private async bytes(nodeId: string): Promise<Uint8Array> {
    const body: unknown = await this.nodes.getNodeContent(nodeId);
    if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
    if (body instanceof ArrayBuffer) return new Uint8Array(body);
    throw new Error('The signature is not binary content');
  }

  /** The department's trust, read once per session from the repository (a failed read is tried again next time). */
  trustStore(): Promise<TrustStore> {
    this.trust ??= this.readTrust().catch((e) => {
      this.trust = undefined;
      throw e;
    });
    return this.trust;
  }

  private async readTrust(): Promise<TrustStore> {
    const text = new NodeTextApi(this.apiService.getInstance());
    // The Trust folder's own listing first, so that a kind the department has no file of is not asked for.
    const folders = await this.nodes
      .listNodeChildren('-root-', { relativePath: TRUST_PATH, where: '(isFolder=true)', maxItems: 20 })
      .catch((e: { status?: number }) => (e?.status === 404 ? null : Promise.reject(e)));
    const folderOf = new Map((folders?.list?.entries ?? []).map((e) => [e.entry.name, e.entry.id]));
    const files = async (kind: (typeof TRUST_KINDS)[number]) => {
      const folder = folderOf.get(kind);
      const page = folder ? await this.nodes.listNodeChildren(folder, { maxItems: 200 }) : null;
      const entries = (page?.list?.entries ?? []).filter((e) => e.entry.isFile);
      return Promise.all(entries.map(async (e) => ({ name: e.entry.name, text: String((await text.getNodeContent(e.entry.id)) ?? '') })));
    };
    const [roots, intermediates, crls] = await Promise.all(TRUST_KINDS.map(files));
    return trustFromFiles(roots, crls, intermediates).trust;
  }
}
