import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, PeopleApi, UploadApi, VersionsApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import {
  MovementRefusal,
  NumberedNodeBody,
  NumberingNodes,
  claimNext,
  intakeFolder,
  intakeName,
  issueNumber,
  postGroup,
  postOfGroup,
  registryPosts
} from '@eoffice/domain';
import { CorrespondenceEntry, EFile, toCorrespondenceEntry } from '../model/file.model';
import {
  CORRESPONDENCE_FOLDER,
  DISPATCHES_FOLDER,
  DRAFTS_FOLDER,
  Dispatch,
  DispatchRequest,
  Draft,
  DraftStatus,
  DraftVersion,
  approvalSeals,
  draftError,
  draftErrorOf,
  issuesOfDay,
  sealOf,
  statusOf,
  toDispatch,
  toDraft,
  toDraftVersion
} from './draft.model';
import { isBlankDraft, sanitiseDraftHtml } from './draft-sanitiser';
import { DraftLanguage, findTemplate, renderTemplate } from './draft-templates';
import { IssuedLetter, IssuedLetterService, withIssueNumber } from './issued-letter';
import type { Signer } from '@eoffice/domain/src/signing';
import { NoteSigningService } from '../signatures/note-signing.service';
import { RegistrationService } from '../../movement/services/registration.service';

export interface NewDraft {
  /** Template kind (letter, officeMemorandum …). */
  kind: string;
  language: DraftLanguage;
}

export interface Issued {
  dispatch: Dispatch;
  /** The office copy, the file's next correspondence entry (kind issue, flag = issue number). */
  entry: CorrespondenceEntry;
}

interface NodeWithProps {
  id: string;
  name: string;
  modifiedAt?: unknown;
  properties?: Record<string, unknown>;
  allowableOperations?: string[];
}

/** A draft is read with what the repository lets the officer do with it (ACS's allowableOperations): see Draft.changeable. */
const DRAFT_INCLUDE = ['properties', 'allowableOperations'];
const MOVEMENTS_FOLDER = 'Movements';

/** How many letters one file may issue in a day: the bound of the retry loop (a loser of a race takes the next index). */
const MAX_ISSUES_A_DAY = 99;

/**
 * Drafts for approval and their dispatch, in the file's Drafts/, Dispatches/ and Correspondence/.
 * The repository decides who may write (the movement workflow gives the holding post write access):
 * this service checks the status rules first so the officer gets a reason instead of a bare 403, and
 * turns every refusal into a DraftError with a translation key.
 */
@Injectable({ providedIn: 'root' })
export class DraftService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);
  private readonly letters = inject(IssuedLetterService);
  private readonly signing = inject(NoteSigningService);
  private readonly registration = inject(RegistrationService);

  private get nodes(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  private get versionsApi(): VersionsApi {
    return new VersionsApi(this.apiService.getInstance());
  }

  private get uploads(): UploadApi {
    return new UploadApi(this.apiService.getInstance());
  }

  /**
   * The file's drafts, newest first, each with its version history and, once a hand-over recorded its approval,
   * that record (read from Movements/ only when some draft was approved: two more requests then).
   */
  async list(file: EFile): Promise<Draft[]> {
    try {
      const nodes = await this.children(file.id, DRAFTS_FOLDER, DRAFT_INCLUDE);
      const drafts = await Promise.all(nodes.map(async (node) => toDraft(node, await this.versions(node.id))));
      if (drafts.some((d) => d.approvedVersion)) {
        const seals = approvalSeals(await this.children(file.id, MOVEMENTS_FOLDER));
        for (const draft of drafts) draft.approvalSeal = sealOf(draft, seals);
      }
      return drafts.sort((a, b) => b.number - a.number);
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  /** The file's dispatches, newest first. */
  async listDispatches(file: EFile): Promise<Dispatch[]> {
    try {
      return (await this.children(file.id, DISPATCHES_FOLDER)).map(toDispatch).sort((a, b) => b.name.localeCompare(a.name));
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  /** Version history of a draft, newest first. */
  async versions(draftId: string): Promise<DraftVersion[]> {
    const page = await this.versionsApi.listVersionHistory(draftId, { skipCount: 0, maxItems: 100 });
    return (page.list?.entries ?? []).map((e) => toDraftVersion(e.entry as never));
  }

  /** The (sanitised) text of a draft: its current version, or the version named. */
  async content(draftId: string, version?: string): Promise<string> {
    try {
      const body = version ? await this.versionContent(draftId, version) : await this.nodes.getNodeContent(draftId);
      return sanitiseDraftHtml(plainSpaces(await asText(body)));
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  /** A new draft from a template, its first version filled in from the file, numbered race-free in Drafts/. */
  async create(file: EFile, request: NewDraft, now = new Date()): Promise<Draft> {
    this.requireWrite(file);
    const template = findTemplate(request.kind);
    if (!template) throw draftError('UNKNOWN_TEMPLATE');
    const html = sanitiseDraftHtml(
      renderTemplate(template, request.language, { fileNumber: file.fileNumber, subject: file.subject, date: now })
    );
    const title = `${template.name[request.language === 'hi' ? 'hi' : 'en']}: ${file.subject}`.slice(0, 250);
    try {
      let created: NodeWithProps | undefined;
      await claimNext(
        this.contentNodes(htmlBlob(html), 'Created from a template', (node) => (created = node)),
        {
          parentId: file.id,
          folder: DRAFTS_FOLDER,
          body: (n) => ({
            nodeType: 'eo:draft',
            properties: { 'cm:title': title, 'eo:draftNumber': n, 'eo:draftKind': template.kind, 'eo:draftStatus': 'draft' }
          })
        }
      );
      return toDraft(created!, await this.versions(created!.id));
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  /**
   * Saves the edited text as a new minor version with the officer's comment. A draft approved earlier
   * needs approval again: its status returns to "for approval" (the approved version stays recorded).
   */
  async saveVersion(file: EFile, draft: Draft, html: string, comment: string): Promise<Draft> {
    this.requireWrite(file);
    const current = await this.read(draft.id);
    this.requireStatus(current, ['draft', 'forApproval', 'approved']);
    this.requireChangeable(current);
    const clean = sanitiseDraftHtml(plainSpaces(html));
    if (isBlankDraft(clean)) throw draftError('EMPTY');
    try {
      await this.putHtml(draft.id, clean, comment.trim() || 'Edited');
      if (current.status === 'approved') await this.setStatus(draft.id, 'forApproval');
      return await this.get(draft.id);
    } catch (error) {
      throw changeRefusal(error, current);
    }
  }

  /** Puts a draft up for approval. */
  async markForApproval(file: EFile, draft: Draft): Promise<Draft> {
    this.requireWrite(file);
    const current = await this.read(draft.id);
    this.requireStatus(current, ['draft']);
    this.requireChangeable(current);
    return this.update(current, { 'eo:draftStatus': 'forApproval' });
  }

  /**
   * Approves the version the approver read (`draft.version`): only the post holding the file, at Section
   * Officer level or above. If someone saved a newer version meanwhile, the approver must read that first.
   */
  async approve(file: EFile, draft: Draft, now = new Date()): Promise<Draft> {
    this.requireWrite(file);
    const desk = await this.deskService.desk();
    const holder = postOfGroup(desk.hierarchy, file.currentHolder);
    if (!holder || !desk.posts.includes(file.currentHolder) || holder.level < 2) throw draftError('APPROVER_LEVEL');
    const current = await this.read(draft.id);
    this.requireStatus(current, ['draft', 'forApproval']);
    this.requireChangeable(current);
    if (current.version !== draft.version) throw draftError('CHANGED_SINCE_READ');
    // With a key open (a certificate file or his token) the approver signs the version he approves, before the
    // approval is written: a declined or failed signature approves nothing. Where the department requires
    // signed approvals (the movement workflow refuses to hand on a file with a letter issued otherwise) he
    // must open one first.
    if (this.signing.session()) {
      try {
        await this.signing.signApproval(file, current, current.version, file.currentHolder);
      } catch {
        throw draftError('APPROVAL_NOT_SIGNED');
      }
    } else if (await this.signing.signedApprovalsRequired()) throw draftError('APPROVAL_SIGNATURE_REQUIRED');
    const me = await new PeopleApi(this.apiService.getInstance()).getPerson('-me-').catch((error) => Promise.reject(draftErrorOf(error)));
    return this.update(current, {
      'eo:draftStatus': 'approved',
      'eo:approvedVersion': current.version,
      'eo:approvedBy': file.currentHolder,
      'eo:approvedByUser': me.entry.id,
      'eo:approvedAt': now.toISOString()
    });
  }

  /** Discards a draft that was not issued (it stays in the file, marked discarded). */
  async discard(file: EFile, draft: Draft): Promise<Draft> {
    this.requireWrite(file);
    const current = await this.read(draft.id);
    this.requireStatus(current, ['draft', 'forApproval', 'approved']);
    this.requireChangeable(current);
    return this.update(current, { 'eo:draftStatus': 'discarded' });
  }

  /**
   * Issues an approved draft. Its approved version (and only that), as a PDF whose number line carries
   * the issue number (issued-letter.ts), becomes:
   * 1. an eo:dispatch in Dispatches/ named `<day>-<n>` (its issue number: see issueNumber in
   *    domain/file-number.ts), by self = Issued & Sent at once, by CRU = pending until the CRU
   *    dispatches it (markDispatched), and the draft's status becomes issued: both written by the
   *    repository (eoRegister's issue, which checks the holder, the approval and its signature first;
   *    the post only reads Dispatches/), from the PDF made here in the post's intake folder;
   * 2. the office copy, the next serial of Correspondence/ (kind issue, flag = the issue number).
   * Steps run in that order, so a failure after step 1 leaves a dispatch record to explain the number
   * taken, never an office copy of something not issued.
   */
  async dispatch(file: EFile, draft: Draft, request: DispatchRequest, now = new Date()): Promise<Issued> {
    this.requireWrite(file);
    const addressees = request.addressees.map((a) => a.trim()).filter(Boolean);
    if (!addressees.length) throw draftError('NO_ADDRESSEE');
    if (!request.deliveryMode) throw draftError('NO_DELIVERY_MODE');
    const current = await this.read(draft.id);
    if (current.status !== 'approved' || !current.approvedVersion) throw draftError('NOT_APPROVED');
    if (current.version !== current.approvedVersion) throw draftError('CHANGED_AFTER_APPROVAL');
    // The workflow refuses to hand on a file holding a letter issued on an unsigned approval; say so before
    // the letter goes out rather than after (the approver, who may no longer hold the file, would have to sign).
    if (
      (await this.signing.signedApprovalsRequired()) &&
      !(await this.signing.approvalSigned(file, current).catch((error) => Promise.reject(draftErrorOf(error))))
    )
      throw draftError('APPROVAL_UNSIGNED');
    try {
      const html = sanitiseDraftHtml(plainSpaces(await asText(await this.versionContent(draft.id, current.approvedVersion))));
      const { dispatch, letter } = await this.createDispatch(file, current, html, { ...request, addressees }, now);
      let copy: NodeWithProps | undefined;
      await claimNext(
        this.contentNodes(letter, '', (node) => (copy = node)),
        {
          parentId: file.id,
          folder: CORRESPONDENCE_FOLDER,
          body: (n) => ({
            nodeType: 'cm:content',
            properties: {
              'cm:title': dispatch.issueNumber,
              'cm:description': file.subject,
              'eo:correspondenceSerial': n,
              'eo:correspondenceKind': 'issue',
              'eo:correspondenceFlag': dispatch.issueNumber
            }
          })
        }
      );
      return { dispatch, entry: toCorrespondenceEntry(copy!) };
    } catch (error) {
      if (error instanceof MovementRefusal) throw issueRefusal(error);
      throw draftErrorOf(error);
    }
  }

  /**
   * A pending dispatch "by CRU" went out: Issued & Dispatched. The repository records it (eoRegister's
   * dispatch), as the Central Registry's post from its register, or as the post holding `file` from the drafts
   * panel, after checking the letter and, where the department requires it, its approval's signature (the
   * letter is read-only to the CRU). A refusal comes back as a MovementRefusal whose key (EOFFICE.DISPATCH.*)
   * says why in the officer's language.
   */
  async markDispatched(dispatchId: string, file?: EFile): Promise<Dispatch> {
    const node = await this.nodes.getNode(dispatchId, { include: ['properties'] }).catch((error) => Promise.reject(draftErrorOf(error)));
    if (toDispatch(node.entry as NodeWithProps).status !== 'pending') throw draftError('NOT_PENDING');
    const desk = await this.deskService.desk();
    const post =
      file && desk.posts.includes(file.currentHolder)
        ? postOfGroup(desk.hierarchy, file.currentHolder)
        : registryPosts(desk.hierarchy).find((p) => desk.posts.includes(postGroup(desk.hierarchy, p.code)));
    if (!post) throw draftError('NOT_REGISTRY');
    await this.registration.dispatch(dispatchId, post.code);
    try {
      return toDispatch((await this.nodes.getNode(dispatchId, { include: ['properties'] })).entry as NodeWithProps);
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  // ---------------------------------------------------------------- internals

  /**
   * The day's next issue: the highest `<day>-<n>` name in Dispatches/ + 1 (the office's day: dayKey). The
   * letter's PDF, with that number, waits in the post's intake folder while the repository issues it
   * (RegistrationService.issue); when another officer took the number an instant earlier the PDF goes and the
   * next number is tried.
   */
  private async createDispatch(
    file: EFile,
    draft: Draft,
    html: string,
    request: DispatchRequest,
    now: Date
  ): Promise<{ dispatch: Dispatch; letter: Blob }> {
    const names = (await this.children(file.id, DISPATCHES_FOLDER, false)).map((n) => n.name);
    const desk = await this.deskService.desk();
    const post = postOfGroup(desk.hierarchy, file.currentHolder);
    if (!post || !desk.posts.includes(file.currentHolder)) throw draftError('NOT_HOLDER');
    const library = await this.deskService.documentLibraryId();
    // With the officer's key open for signing (a certificate file, or his token), the letter goes out with
    // an embedded PAdES signature, made here before anything is written: a letter that cannot be signed is
    // not issued. Without one it goes out unsigned, as before.
    const session = this.signing.session();
    for (let n = issuesOfDay(names, now) + 1; n <= MAX_ISSUES_A_DAY; n++) {
      const number = issueNumber(file.fileNumber, n);
      const letter = await this.letters.pdf(
        withIssueNumber(html, file.fileNumber, number),
        { issueNumber: number, subject: file.subject, issuedAt: now },
        { signatureBox: !!session }
      );
      const content = session ? await this.signedLetter(letter, session.signer, number) : letter.blob;
      const staged = await this.upload(library, content, {
        name: `${intakeName()}.pdf`,
        nodeType: 'cm:content',
        relativePath: intakeFolder(post.code)
      });
      let issued: boolean;
      try {
        issued = await this.registration.issue(staged.id, post.code, {
          draft: draft.id,
          issueOfDay: n,
          mode: request.mode,
          deliveryMode: request.deliveryMode,
          addressees: request.addressees
        });
      } catch (error) {
        await this.discardStaged(staged.id);
        throw error;
      }
      if (!issued) {
        await this.discardStaged(staged.id);
        continue;
      }
      const node = await this.nodes.getNode(staged.id, { include: ['properties'] });
      return { dispatch: toDispatch(node.entry as NodeWithProps), letter: content };
    }
    throw draftError('TOO_MANY_ISSUES');
  }

  /** A letter's PDF the repository did not issue leaves the intake folder (a failure to remove it changes nothing). */
  private async discardStaged(id: string): Promise<void> {
    await this.nodes.deleteNode(id, { permanent: true }).catch(() => undefined);
  }

  private async signedLetter(letter: IssuedLetter, signer: Signer, number: string): Promise<Blob> {
    try {
      const desk = await this.deskService.desk();
      return await this.letters.sign(letter, signer, { issueNumber: number, location: desk.hierarchy.department.name.en });
    } catch {
      // The token's bridge declined, the file's key failed: nothing is written, the officer is told.
      throw draftError('NOT_SIGNED');
    }
  }

  /** NumberingNodes whose createNode uploads `content` as the numbered node's content (one request). */
  private contentNodes(content: Blob, comment: string, onCreated: (node: NodeWithProps) => void): NumberingNodes {
    const nodes = this.nodes;
    return {
      // claimNext asks for the series folder by path: answer from the folder listing (no console 404);
      // only its rare probes of a taken name (`Drafts/000007`) go to the repository.
      getNode: async (id, opts) => {
        const path = opts?.relativePath;
        if (!path || path.includes('/')) return nodes.getNode(id, opts);
        const folderId = await this.folderOf(id, path);
        if (!folderId) throw { status: 404 };
        return { entry: { id: folderId } };
      },
      listNodeChildren: (id, opts) => nodes.listNodeChildren(id, opts),
      createNode: async (parentId: string, body: NumberedNodeBody) => {
        const node = await this.upload(parentId, content, body, comment);
        onCreated(node);
        return { entry: { id: node.id, name: node.name } };
      }
    };
  }

  /**
   * Creates a content node with its content and properties in one multipart request (form fields are
   * properties, as in ACS): the first version is the text itself, not an empty one, and the part's
   * type gives the node its mimetype. autoRename off: a taken name answers 409.
   */
  private async upload(parentId: string, content: Blob, body: NumberedNodeBody, comment = ''): Promise<NodeWithProps> {
    const file = new File([content], body.name, { type: content.type });
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(body.properties ?? {})) if (v !== undefined && v !== null) fields[k] = String(v);
    const opts: Record<string, unknown> = {
      name: body.name,
      nodeType: body.nodeType,
      autoRename: false,
      majorVersion: true,
      include: ['properties'],
      ...(comment && { comment })
    };
    const result = await this.uploads.uploadFile(
      file,
      body.relativePath ?? '',
      parentId,
      { name: body.name, nodeType: body.nodeType, properties: fields },
      opts
    );
    return (result as { entry: NodeWithProps }).entry;
  }

  /**
   * GET /nodes/{id}/versions/{label}/content. VersionsApi.getVersionContent always sends its optional
   * If-Modified-Since and Range headers, undefined when not given, and ADF's Angular HTTP client refuses
   * an undefined header before sending anything; this is the same request without them.
   */
  private versionContent(nodeId: string, versionId: string): Promise<unknown> {
    return this.versionsApi.get({
      path: '/nodes/{nodeId}/versions/{versionId}/content',
      pathParams: { nodeId, versionId },
      accepts: ['application/octet-stream'],
      returnType: 'blob'
    });
  }

  /**
   * PUT /nodes/{id}/content as updateNodeContent does (minor version, comment), but sent as text/html:
   * updateNodeContent always sends application/octet-stream, which would turn the draft's mimetype
   * into octet-stream and stop ADF's viewer from showing it.
   */
  private putHtml(nodeId: string, html: string, comment: string): Promise<unknown> {
    return this.nodes.put({
      path: '/nodes/{nodeId}/content',
      pathParams: { nodeId },
      queryParams: { majorVersion: false, comment },
      contentTypes: ['text/html'],
      accepts: ['application/json'],
      bodyParam: html
    });
  }

  /**
   * The id of one of the file's folders (Drafts, Dispatches, Correspondence), or undefined before its
   * first use. Found by listing the file's folders rather than asking for the path, whose 404 for a
   * folder not made yet would show as an error in the browser's console.
   */
  private async folderOf(fileId: string, folder: string): Promise<string | undefined> {
    const page = await this.nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 100 });
    return (page.list?.entries ?? []).find((e) => e.entry.name === folder)?.entry.id;
  }

  private async children(fileId: string, folder: string, include: string[] | false = ['properties']): Promise<NodeWithProps[]> {
    const folderId = await this.folderOf(fileId, folder);
    if (!folderId) return []; // nothing drafted or issued yet
    const page = await this.nodes.listNodeChildren(folderId, {
      maxItems: 500,
      orderBy: ['name DESC'],
      ...(include && { include })
    });
    return (page.list?.entries ?? []).map((e) => e.entry as NodeWithProps);
  }

  private async read(draftId: string): Promise<Draft> {
    try {
      return toDraft((await this.nodes.getNode(draftId, { include: DRAFT_INCLUDE })).entry as NodeWithProps);
    } catch (error) {
      throw draftErrorOf(error);
    }
  }

  private async get(draftId: string): Promise<Draft> {
    const draft = await this.read(draftId);
    return { ...draft, versions: await this.versions(draftId) };
  }

  private async setStatus(draftId: string, status: DraftStatus): Promise<void> {
    await this.nodes.updateNode(draftId, { properties: { 'eo:draftStatus': status } });
  }

  private async update(draft: Draft, properties: Record<string, unknown>): Promise<Draft> {
    try {
      await this.nodes.updateNode(draft.id, { properties: properties as Record<string, string> });
      return await this.get(draft.id);
    } catch (error) {
      throw changeRefusal(error, draft);
    }
  }

  private requireWrite(file: EFile): void {
    if (!file.canWrite) throw draftError('NOT_HOLDER');
  }

  /** Says why before asking: the repository would refuse (403) a change to a draft it keeps read-only. */
  private requireChangeable(draft: Draft): void {
    if (!draft.changeable) throw changeRefusal({ status: 403 }, draft);
  }

  private requireStatus(draft: Draft, allowed: DraftStatus[]): void {
    if (!allowed.includes(draft.status)) throw draftError(`STATUS_${draft.status.toUpperCase()}`);
  }
}

const htmlBlob = (html: string): Blob => new Blob([html], { type: 'text/html' });

/**
 * Quill's HTML writes every space as &nbsp;, which would stop a letter's lines from wrapping when it is
 * shown or printed: stored drafts keep ordinary spaces.
 */
const plainSpaces = (html: string): string => html.replace(/&nbsp;|\u00a0/g, ' ');

async function asText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.text();
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  return body === undefined || body === null ? '' : String(body);
}

/**
 * A refused change to `draft` (as last read). The repository answers 403 to any change of a draft whose approval a
 * hand-over recorded (lib.js eoSealApprovals gives it a read-only ACL), and an officer is owed that reason rather
 * than "your post does not hold this file"; any other failure reads as draftErrorOf says.
 */
function changeRefusal(error: unknown, draft: Draft): Error {
  if (statusOf(error) === 403 && draft.status === 'approved') return draftError('APPROVAL_RECORDED');
  return draftErrorOf(error);
}

/**
 * The repository's refusal of an issue (register.js regIssue) in the drafts panel's words where it has them: the
 * approval unsigned, the draft not approved or changed since, the file no longer the post's; any other reason
 * stays the repository's (the panel shows it as it shows a refusal of the dispatch).
 */
function issueRefusal(refusal: MovementRefusal): Error {
  const reason = refusal.message;
  if (/cannot be issued: its approval is not digitally signed/.test(reason)) return draftError('APPROVAL_UNSIGNED');
  if (/^Draft .+ is not approved$/.test(reason)) return draftError('NOT_APPROVED');
  if (/has changed since its approval/.test(reason)) return draftError('CHANGED_AFTER_APPROVAL');
  if (/does not hold the (file|post) .+ and cannot issue/.test(reason)) return draftError('ISSUE_NOT_HOLDER');
  return refusal;
}
