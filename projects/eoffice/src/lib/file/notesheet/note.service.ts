import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodeEntry, NodesApi, PeopleApi, UploadApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { NodeTextApi } from '../../shared/api/node-text-api';
import {
  NumberingNodes,
  NumberedNodeBody,
  claimNext,
  incumbentName,
  postOfGroup,
  postTitle,
  NOTES_FOLDER,
  NOTE_TYPE,
  Note,
  NoteNode,
  SIGNED_ASPECT,
  confirmedNotePermissions,
  sortNotes
} from '@eoffice/domain';
import { EFile } from '../model/file.model';
import { noteContentToHtml, toNote } from './note.model';
import { isBlankNote, referencedIds, sanitiseNoteHtml } from './note-sanitiser';

const ERRORS = 'EOFFICE.FILE.NOTESHEET.ERRORS.';

/**
 * A refusal worded for the officer: `key` is a translation key under EOFFICE.FILE.NOTESHEET.ERRORS,
 * `status` the repository's HTTP status when it came from there.
 */
export class NoteError extends Error {
  constructor(
    readonly key: string,
    readonly status?: number,
    readonly params: Record<string, unknown> = {}
  ) {
    super(key);
    this.name = 'NoteError';
  }
}

/** The HTTP status of a js-api / ADF error (status, statusCode, or the JSON body in the message). */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; message?: unknown };
  const direct = Number(e.status ?? e.statusCode);
  if (Number.isFinite(direct) && direct > 0) return direct;
  try {
    const body = JSON.parse(String(e.message)) as { error?: { statusCode?: unknown } };
    const code = Number(body?.error?.statusCode);
    return Number.isFinite(code) && code > 0 ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Repository refusals in the officer's words: the workflow's permissions explain 403, races 409. */
export function noteErrorOf(error: unknown): NoteError {
  if (error instanceof NoteError) return error;
  const status = statusOf(error);
  switch (status) {
    case 401:
      return new NoteError(`${ERRORS}SIGNED_OUT`, status);
    case 403:
      return new NoteError(`${ERRORS}NOT_WITH_YOU`, status);
    case 404:
      return new NoteError(`${ERRORS}GONE`, status);
    case 409:
      return new NoteError(`${ERRORS}CONFLICT`, status);
    default:
      return new NoteError(`${ERRORS}FAILED`, status);
  }
}

/** Who signs a note: the officer and the post through which they hold the file. */
export interface Signer {
  name: string;
  designation: string;
  user: string;
  post: string;
}

const CONTENT_READS_AT_ONCE = 6;
/**
 * Notes at the top of a notesheet whose text is read as soon as the notes are listed, without waiting for
 * them to be reported in view: a notesheet opens at its first note (the notesheet's readFirst, and prefetch).
 */
export const NOTES_READ_FIRST = 6;
/**
 * Notes listed per request. ACS takes any maxItems for a folder's children (its Paging has a default of 100,
 * no maximum), and a listing without content is small: a file of 500 notes is one request.
 */
const LIST_PAGE = 500;
const LISTED_FIELDS = [
  'id',
  'name',
  'nodeType',
  'isFile',
  'content',
  'properties',
  'aspectNames',
  'allowableOperations',
  'createdAt',
  'modifiedAt'
];
/**
 * How long a listing begun as a file was opened (prefetch) may stand in for the notesheet's own: the few
 * seconds between the router matching the file's address and the notesheet asking, however slow the start.
 */
const EARLY_KEPT_MS = 10_000;
/** Note names are zero-padded numbers (domain/numbering.ts). */
const NUMBERED = /^\d{6}$/;

async function asText(content: unknown): Promise<string> {
  if (typeof Blob !== 'undefined' && content instanceof Blob) return content.text();
  if (typeof content === 'string') return content;
  return content === undefined || content === null ? '' : String(content);
}

/**
 * The notesheet of a file in the repository.
 *
 * Numbering and drafts: a note takes its number when it is begun (claimNext in the file's Notes/, so two
 * clients never share one), and a file has at most one yellow (draft) note, always the latest. Officers
 * expect the notes to run 1, 2, 3 … without a hole and a draft to sit at the foot of the notesheet; so
 * "New note" while a draft exists opens that draft, and discarding deletes only the latest note, whose
 * number the next note then takes again. Confirming keeps the number and signs the note green.
 *
 * A green note becomes permanent when the file leaves the officer's post: the movement workflow freezes
 * it then (eo:noteFrozenAt, read-only to everyone; config/workflow/src/lib.js, eoHandOver). Until then its
 * signer may still amend it (`amend`), as in e-Office, and it is signed again with the time of the change.
 */
@Injectable({ providedIn: 'root' })
export class NoteService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);

  /**
   * A listing of a file's notes begun as the file was being opened (prefetch), until the notesheet takes it;
   * `at` (Date.now()) keeps one begun and never taken (a navigation given up) from standing in later.
   */
  private early?: { fileId: string; at: number; entries: Promise<NoteNode[]>; texts: Promise<unknown> };

  /** Contents already read, by note id and modification time: a reload fetches only what changed. */
  private readonly contentCache = new Map<string, { modifiedAt: string; content: string }>();
  /** Contents being read, by note id and modification time: a second reader waits for the same answer. */
  private readonly contentReads = new Map<string, { modifiedAt: string; content: Promise<string> }>();

  /** Notes' contents come as text, not Blobs (see NodeTextApi): the notesheet shows them as they arrive. */
  private get nodesApi(): NodesApi {
    return new NodeTextApi(this.apiService.getInstance());
  }

  private get uploadApi(): UploadApi {
    return new UploadApi(this.apiService.getInstance());
  }

  /**
   * The file's notes in number order, without their text (`html` undefined): one listing of Notes/, paged,
   * whatever the number of notes. The notesheet reads the text of the notes the officer scrolls to (`read`),
   * so a file of 500 notes opens with a handful of requests. The text stays in the note's content, the
   * record, and nowhere else: a copy in a property could be rewritten on its own through the nodes API
   * (PUT /nodes/{id} with properties) and then show a note that says something other than its content.
   * `notesFolderId`, when the caller knows it, saves looking for Notes/ among the file's folders first.
   */
  async list(fileId: string, notesFolderId?: string): Promise<Note[]> {
    try {
      const nodes = this.nodesApi;
      // Listed as the file view opened the file (prefetch); a file without Notes/ yet is looked at as below.
      const early = this.freshEarly(fileId);
      if (this.early?.fileId === fileId) this.early = undefined;
      const listed = early && (await early.entries.catch(() => undefined));
      // The first notes' texts, on their way since their small listing answered: the notesheet is drawn once,
      // with them, rather than without and again when they come (first-screen bench: the notesheet took the
      // listing 10-30 ms before the texts came, and they showed 0.1-0.3 s later on a loaded machine).
      if (listed) await early.texts;
      // The file view read the file with its Notes folder (EFile.notesFolderId): no need to look for it again.
      const folderId = listed ? undefined : (notesFolderId ?? (await this.notesFolder(nodes, fileId)));
      const entries = listed ?? (folderId ? await this.listNotes(nodes, folderId) : []);
      return sortNotes(entries.map((node) => this.withCachedText(toNote(node))));
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * Begins listing a file's notes as the file is opened, before the notesheet asks: Notes/ named by its path
   * below the file (ACS's children listing takes `relativePath`), so the listing waits neither for the file's
   * answer nor for the file view to be drawn. The route's guard calls this as the router matches the file's
   * address (eoffice.routes.ts, startFile), beside the Content App's own start, and the file view again as it
   * loads; a listing already begun for the same file is kept. The next `list` of that file takes it.
   *
   * The first NOTES_READ_FIRST notes are listed by a small request of their own, beside the listing of the
   * rest, and their texts are read as soon as it answers: on the first-screen bench the listing of 500 notes
   * (300 kB of JSON, read into js-api's models) came back while the file view was being drawn, and the first
   * texts were asked for 0.1 s after it had arrived. The `list` that takes this listing waits for these texts
   * and lists those notes with them (withCachedText); a text that could not be read is left for the
   * notesheet's own reading, which reports the failure.
   */
  prefetch(fileId: string): void {
    if (this.freshEarly(fileId)) return;
    const nodes = this.nodesApi;
    const first = this.listPage(nodes, fileId, 0, NOTES_READ_FIRST, NOTES_FOLDER);
    // The rest beside it, not after it: a file of a few notes answers it with an empty page.
    const rest = this.listNotes(nodes, fileId, NOTES_FOLDER, NOTES_READ_FIRST);
    const entries = Promise.all([first, rest]).then(([page, others]) => [...page.notes, ...others]);
    entries.catch(() => undefined); // a file without Notes/ yet answers 404: list() then looks as it always did
    const texts = first
      .then((page) => {
        const notes = sortNotes(page.notes.map((node) => toNote(node)));
        return this.contents(
          nodes,
          notes.map((n) => ({ id: n.id, name: '', modifiedAt: n.modifiedAt }))
        );
      })
      .catch(() => undefined);
    this.early = { fileId, at: Date.now(), entries, texts };
  }

  /** The early listing of this file, if one was begun in the last few seconds. */
  private freshEarly(fileId: string): { entries: Promise<NoteNode[]>; texts: Promise<unknown> } | undefined {
    const early = this.early;
    return early?.fileId === fileId && Date.now() - early.at < EARLY_KEPT_MS ? early : undefined;
  }

  /** The notes among a folder's children (Notes/, or the folder `relativePath` names below `parentId`), paged. */
  private async listNotes(nodes: NodesApi, parentId: string, relativePath?: string, from = 0): Promise<NoteNode[]> {
    const entries: NoteNode[] = [];
    for (let skipCount = from; ; ) {
      const page = await this.listPage(nodes, parentId, skipCount, LIST_PAGE, relativePath);
      entries.push(...page.notes);
      skipCount += page.size;
      if (!page.hasMore || !page.size) break;
    }
    return entries;
  }

  /** One page of a folder's children in name order, and the notes among them. */
  private async listPage(
    nodes: NodesApi,
    parentId: string,
    skipCount: number,
    maxItems: number,
    relativePath?: string
  ): Promise<{ notes: NoteNode[]; size: number; hasMore: boolean }> {
    const page = await nodes.listNodeChildren(parentId, {
      include: ['properties', 'aspectNames', 'allowableOperations'],
      // Only what a note shows: ACS and the local repository leave out the other top-level fields.
      fields: LISTED_FIELDS,
      orderBy: ['name ASC'],
      skipCount,
      maxItems,
      ...(relativePath && { relativePath })
    });
    const batch = (page.list?.entries ?? []).map((e) => e.entry as unknown as NoteNode & { nodeType?: string; isFile?: boolean });
    return {
      notes: batch.filter((n) => n.nodeType === NOTE_TYPE || (n.isFile !== false && n.properties?.['eo:noteNumber'] !== undefined)),
      size: batch.length,
      hasMore: !!page.list?.pagination?.hasMoreItems
    };
  }

  /**
   * The text of these notes as sanitised HTML, by note id. A note read before and not modified since comes
   * from memory; the others are read at most CONTENT_READS_AT_ONCE at a time.
   */
  async read(notes: Pick<Note, 'id' | 'modifiedAt' | 'mimeType'>[]): Promise<Map<string, string>> {
    try {
      const nodes = this.nodesApi;
      const texts = await this.contents(
        nodes,
        notes.map((n) => ({ id: n.id, name: '', modifiedAt: n.modifiedAt }))
      );
      return new Map(notes.map((n, i) => [n.id, noteContentToHtml(texts[i], n.mimeType)]));
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * Begins a yellow note with the next number, or returns the file's draft when it already has one
   * (see the class comment). The content is stored with the note in one request (multipart upload),
   * so a claimed number never stands without its note.
   */
  async add(file: EFile, html: string): Promise<Note> {
    const clean = sanitiseNoteHtml(html);
    if (isBlankNote(clean)) throw new NoteError(`${ERRORS}EMPTY`);
    if (!file.canWrite) throw new NoteError(`${ERRORS}NOT_WITH_YOU`, 403);
    try {
      const draft = await this.latest(file.id);
      if (draft?.colour === 'yellow') throw new NoteError(`${ERRORS}DRAFT_EXISTS`, undefined, { number: draft.number });
      const signer = await this.signer(file);
      const upload = this.uploadApi;
      const uploader: NumberingNodes = {
        getNode: (id, opts) => this.nodesApi.getNode(id, opts),
        listNodeChildren: (id, opts) => this.nodesApi.listNodeChildren(id, opts),
        createNode: (parentId: string, body: NumberedNodeBody) =>
          upload.uploadFile(
            new File([clean], body.name, { type: 'text/html' }),
            body.relativePath ?? NOTES_FOLDER,
            parentId,
            { name: body.name, nodeType: body.nodeType, properties: body.properties } as never,
            { name: body.name, nodeType: body.nodeType, autoRename: false, overwrite: false } as never
          ) as Promise<{ entry: { id: string; name: string } }>
      };
      const claimed = await claimNext(uploader, {
        parentId: file.id,
        folder: NOTES_FOLDER,
        body: (n) => ({
          nodeType: NOTE_TYPE,
          properties: { 'eo:noteNumber': n, 'eo:noteColour': 'yellow', 'eo:noteAuthorPost': signer.post }
        })
      });
      const references = referencedIds(clean);
      // Multi-valued properties do not travel in a multipart form: set them on the created note.
      if (references.length)
        await this.nodesApi.updateNode(claimed.id, {
          properties: { 'eo:noteReferences': references } as Record<string, unknown> as Record<string, string>
        });
      return {
        id: claimed.id,
        number: claimed.number,
        name: claimed.name,
        colour: 'yellow',
        authorPost: signer.post,
        references,
        mimeType: 'text/html',
        updatable: true,
        html: clean
      };
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /** Replaces a yellow note's content and references. Green notes are never changed. */
  async update(note: Pick<Note, 'id'>, html: string): Promise<Note> {
    const clean = sanitiseNoteHtml(html);
    if (isBlankNote(clean)) throw new NoteError(`${ERRORS}EMPTY`);
    try {
      const nodes = this.nodesApi;
      const current = await this.yellow(nodes, note.id);
      return await this.write(nodes, current, clean, {});
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * Amends a green note before the file moves: stores `html` and signs the note again, now. Only its
   * signer may (another officer writes a note of his own), and only while it is not frozen; the
   * repository refuses a frozen note to everyone whatever this client does (403). A note that turned out
   * to be yellow still is a draft: it is saved and confirmed.
   */
  async amend(file: EFile, note: Pick<Note, 'id'>, html: string, now = new Date()): Promise<Note> {
    const clean = sanitiseNoteHtml(html);
    if (isBlankNote(clean)) throw new NoteError(`${ERRORS}EMPTY`);
    if (!file.canWrite) throw new NoteError(`${ERRORS}NOT_WITH_YOU`, 403);
    try {
      const nodes = this.nodesApi;
      const current = (await nodes.getNode(note.id, { include: ['properties', 'aspectNames'] })).entry as unknown as NoteNode;
      const p = current.properties ?? {};
      if (p['eo:noteColour'] !== 'green') return await this.confirm(file, note, clean, now);
      const number = p['eo:noteNumber'];
      if (p['eo:noteFrozenAt']) throw new NoteError(`${ERRORS}FROZEN`, undefined, { number });
      const signer = await this.signer(file);
      if (String(p['eo:signedByUser'] ?? '').toLowerCase() !== signer.user.toLowerCase())
        throw new NoteError(`${ERRORS}NOT_YOURS`, undefined, { number });
      return await this.write(nodes, current, clean, {
        'eo:signedByName': signer.name,
        'eo:signedByDesignation': signer.designation,
        'eo:signedByPost': signer.post,
        'eo:signedAt': now.toISOString()
      });
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * Stores a note's new text and the references it makes, with `properties` beside them, and answers the
   * note as it now stands (the text is known, so it is not read back).
   */
  private async write(nodes: NodesApi, current: NoteNode, clean: string, properties: Record<string, unknown>): Promise<Note> {
    await this.storeContent(nodes, current.id, clean);
    const references = referencedIds(clean);
    const updated = await nodes.updateNode(
      current.id,
      { properties: { 'eo:noteReferences': references, ...properties } as Record<string, unknown> as Record<string, string> },
      { include: ['properties', 'aspectNames'] }
    );
    return {
      ...toNote({ ...current, ...(updated.entry as unknown as NoteNode), content: { mimeType: 'text/html' } }, clean),
      references
    };
  }

  /** The signed-in officer's user name as the repository spells it (the one a signature carries). */
  async officerId(): Promise<string> {
    try {
      return (await new PeopleApi(this.apiService.getInstance()).getPerson('-me-')).entry.id;
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * Deletes a draft note. Only the latest note of the file may go, and only while it is yellow: its
   * number is then free for the next note, so the notes never show a gap.
   */
  async discard(fileId: string, note: Pick<Note, 'id' | 'number'>): Promise<void> {
    try {
      const latest = await this.latest(fileId);
      if (!latest || latest.id !== note.id) throw new NoteError(`${ERRORS}NOT_LATEST`, undefined, { number: note.number });
      if (latest.colour !== 'yellow') throw new NoteError(`${ERRORS}ALREADY_GREEN`, undefined, { number: note.number });
      await this.nodesApi.deleteNode(note.id);
    } catch (error) {
      // Writing into a file is not deleting: the repository lets a holding post edit a draft, but only its
      // author (the node's owner) delete it.
      if (statusOf(error) === 403) throw new NoteError(`${ERRORS}DISCARD_FORBIDDEN`, 403, { number: note.number });
      throw noteErrorOf(error);
    }
  }

  /**
   * Makes a yellow note green and signs it with the officer's name, designation, post and the time,
   * after storing `html` first when given (save and confirm in one step).
   */
  async confirm(file: EFile, note: Pick<Note, 'id'>, html?: string, now = new Date()): Promise<Note> {
    if (!file.canWrite) throw new NoteError(`${ERRORS}NOT_WITH_YOU`, 403);
    try {
      const saved = html !== undefined ? await this.update(note, html) : undefined;
      const nodes = this.nodesApi;
      const current = await this.yellow(nodes, note.id);
      const signer = await this.signer(file);
      const aspects = [...new Set([...(current.aspectNames ?? []), SIGNED_ASPECT])];
      // Its author, the owner, reads its permissions: its readers stay, its writers go (confirmedNotePermissions).
      const permissions = (await nodes.getNode(note.id, { include: ['permissions'] })).entry.permissions;
      const updated = await nodes.updateNode(
        note.id,
        {
          permissions: confirmedNotePermissions(permissions),
          aspectNames: aspects,
          properties: {
            'eo:noteColour': 'green',
            'eo:signedByName': signer.name,
            'eo:signedByDesignation': signer.designation,
            'eo:signedByUser': signer.user,
            'eo:signedByPost': signer.post,
            'eo:signedAt': now.toISOString()
          }
        },
        { include: ['properties', 'aspectNames'] }
      );
      const content = saved?.html ?? (await this.contents(nodes, [current]))[0];
      return toNote(
        { ...current, ...(updated.entry as unknown as NoteNode), content: saved ? { mimeType: 'text/html' } : current.content },
        content
      );
    } catch (error) {
      throw noteErrorOf(error);
    }
  }

  /**
   * The signed-in officer as a signature: English name and designation, as the record keeps them. The
   * name is the department hierarchy's record of the incumbent (written by administrators only), never the
   * person's profile, which anyone may rename for themselves; where the hierarchy records no name for the
   * officer, the signature carries the user name, which cannot be changed either. The browser still
   * writes these properties: signatures proper come with digital signing.
   */
  async signer(file: Pick<EFile, 'currentHolder'>): Promise<Signer> {
    const [person, desk] = await Promise.all([
      new PeopleApi(this.apiService.getInstance()).getPerson('-me-').then((p) => p.entry),
      this.deskService.desk()
    ]);
    // The post through which the officer holds the file; an officer with one post signs with it.
    const post = desk.posts.find((group) => group === file.currentHolder) ?? desk.posts[0];
    if (!post) throw new NoteError(`${ERRORS}NO_POST`);
    const entry = postOfGroup(desk.hierarchy, post);
    return {
      name: incumbentName(desk.hierarchy, person.id) ?? person.id,
      designation: entry ? postTitle(desk.hierarchy, entry, 'en') : '',
      user: person.id,
      post
    };
  }

  /** A signature's designation in the language in use, read from the hierarchy by the signing post. */
  async designationOf(note: Note, lang: 'en' | 'hi'): Promise<string> {
    const stored = note.signature?.designation ?? '';
    if (lang === 'en' || !note.signature?.post) return stored;
    const desk = await this.deskService.desk().catch(() => null);
    const post = desk ? postOfGroup(desk.hierarchy, note.signature.post) : undefined;
    return desk && post ? postTitle(desk.hierarchy, post, lang) : stored;
  }

  /** The highest-numbered note as it is in the repository now (without its content). */
  private async latest(fileId: string): Promise<Note | undefined> {
    const nodes = this.nodesApi;
    const folderId = await this.notesFolder(nodes, fileId);
    if (!folderId) return undefined;
    const page = await nodes.listNodeChildren(folderId, { include: ['properties'], orderBy: ['name DESC'], maxItems: 10 });
    const top = (page.list?.entries ?? []).map((e) => e.entry as unknown as NoteNode).find((n) => NUMBERED.test(n.name));
    return top ? toNote(top) : undefined;
  }

  /** A listed note with its text when that was read before and the note has not changed since. */
  private withCachedText(note: Note): Note {
    const cached = note.modifiedAt ? this.contentCache.get(note.id) : undefined;
    return cached?.modifiedAt === note.modifiedAt && cached ? { ...note, html: noteContentToHtml(cached.content, note.mimeType) } : note;
  }

  private async notesFolder(nodes: NodesApi, fileId: string): Promise<string | undefined> {
    // A new file has no Notes/ yet: look for it among the file's folders rather than ask for a path
    // that may answer 404 (a missing or hidden file still fails here, as it should).
    const folders = await nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 20 });
    return folders.list?.entries?.find((e) => e.entry.name === NOTES_FOLDER)?.entry.id;
  }

  /** The note as it is now, refused unless still yellow (someone may have confirmed it meanwhile). */
  private async yellow(nodes: NodesApi, id: string): Promise<NoteNode> {
    const node = (await nodes.getNode(id, { include: ['properties', 'aspectNames'] })).entry as unknown as NoteNode;
    if (node.properties?.['eo:noteColour'] === 'green')
      throw new NoteError(`${ERRORS}ALREADY_GREEN`, undefined, { number: node.properties['eo:noteNumber'] });
    return node;
  }

  /** Replaces a note's content with sanitised HTML (a minor version: the note is still being written). */
  private async storeContent(nodes: NodesApi, id: string, clean: string): Promise<void> {
    await nodes.put<NodeEntry>({
      path: '/nodes/{nodeId}/content',
      pathParams: { nodeId: id },
      queryParams: { majorVersion: false },
      contentTypes: ['text/html;charset=UTF-8'],
      bodyParam: clean,
      returnType: NodeEntry
    });
  }

  private async contents(nodes: NodesApi, notes: NoteNode[]): Promise<string[]> {
    const out: string[] = new Array(notes.length).fill('');
    let next = 0;
    const worker = async () => {
      while (next < notes.length) {
        const i = next++;
        const note = notes[i];
        const modifiedAt = note.modifiedAt instanceof Date ? note.modifiedAt.toISOString() : String(note.modifiedAt ?? '');
        const cached = this.contentCache.get(note.id);
        if (modifiedAt && cached?.modifiedAt === modifiedAt) {
          out[i] = cached.content;
          continue;
        }
        const reading = this.contentReads.get(note.id);
        if (modifiedAt && reading?.modifiedAt === modifiedAt) {
          out[i] = await reading.content;
          continue;
        }
        const content = nodes.getNodeContent(note.id).then(asText);
        if (modifiedAt) this.contentReads.set(note.id, { modifiedAt, content });
        try {
          out[i] = await content;
        } finally {
          if (this.contentReads.get(note.id)?.content === content) this.contentReads.delete(note.id);
        }
        if (modifiedAt) this.contentCache.set(note.id, { modifiedAt, content: out[i] });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONTENT_READS_AT_ONCE, notes.length) }, worker));
    return out;
  }
}
