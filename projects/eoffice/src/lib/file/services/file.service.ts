import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import {
  EO_TYPES,
  SUBJECT_HEADS_FILE,
  SubjectHead,
  SubjectHeadIndex,
  departmentSite,
  headCode,
  headsForSection,
  parseSubjectHeadIndex,
  type Registered,
  FILE_SORT_PROPERTIES,
  FileListName,
  FileListRequest,
  fileQuery,
  fileSearchQuery
} from '@eoffice/domain';
import { Desk, DeskService, asJson } from '../../desk/desk.service';
import { MovementService } from '../../movement/services/movement.service';
import { RegistrationService } from '../../movement/services/registration.service';
import { CorrespondenceEntry, EFile, toCorrespondenceEntry, toEFile } from '../model/file.model';
import { FileDraft, toFileIntakeBody } from '../model/file-draft';

export const SUBJECT_HEADS_PATH = `Data Dictionary/eOffice/${SUBJECT_HEADS_FILE}`;
const CORRESPONDENCE_FOLDER = 'Correspondence';
const NOTES_FOLDER = 'Notes';
/**
 * How long a reading begun as a file's address was matched may stand in for the file view's own: the moment
 * between the router's guards and the view's first reading, however slow the start; never a later reading.
 */
const EARLY_KEPT_MS = 10_000;
/** The folders of an e-File besides Movements/, which the workflow keeps. */
export const FILE_FOLDERS = [NOTES_FOLDER, CORRESPONDENCE_FOLDER, 'Drafts', 'Dispatches'];

export interface CreatedFile {
  id: string;
  fileNumber: string;
  computerNumber: number;
}

export interface FilePage {
  files: EFile[];
  totalItems: number;
  /** Inbox: ids of the files the officer's posts have not opened yet (shown in bold); empty elsewhere. */
  unopened: string[];
}

/** Owns e-Files in the repository: the subject-head index, opening (numbering) a file, reading and listing files. */
@Injectable({ providedIn: 'root' })
export class FileService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);
  private readonly movement = inject(MovementService);
  private readonly registration = inject(RegistrationService);
  private headsPromise?: Promise<SubjectHeadIndex>;
  /** A reading of a file begun as the router matched its address (prefetch), until the file view asks for it. */
  private early?: { id: string; at: number; file: Promise<EFile> };

  private get nodesApi(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  private get searchApi(): SearchApi {
    return new SearchApi(this.apiService.getInstance());
  }

  desk(): Promise<Desk> {
    return this.deskService.desk();
  }

  /** The department's subject-head index (installed from config/subject-heads), read once. */
  subjectHeads(): Promise<SubjectHeadIndex> {
    this.headsPromise ??= (async () => {
      const nodes = this.nodesApi;
      const node = await nodes.getNode('-root-', { relativePath: SUBJECT_HEADS_PATH });
      return parseSubjectHeadIndex(await asJson(await nodes.getNodeContent(node.entry.id)));
    })().catch((error) => {
      this.headsPromise = undefined;
      throw error;
    });
    return this.headsPromise;
  }

  async headsFor(section: string): Promise<SubjectHead[]> {
    return headsForSection(await this.subjectHeads(), section);
  }

  /**
   * Opens a new file: creates it with its metadata and folders in the intake folder of the officer's post,
   * has the repository number it (eoRegister: the next serial of the section's year and a Computer No.,
   * race-free and gap-free, see domain/numbering.ts), then starts its movement with that post as holder, so
   * the repository lets only that post write in it.
   */
  async create(draft: FileDraft, extra: Record<string, unknown> = {}): Promise<CreatedFile> {
    const desk = await this.desk();
    const creatorPost = desk.postEntries[0];
    if (!creatorPost) throw new Error('EOFFICE.FILE.ERRORS.NO_POST');
    const head = (await this.headsFor(draft.section)).find((h) => headCode(h) === draft.head);
    if (!head) throw new Error('EOFFICE.FILE.ERRORS.HEAD_UNKNOWN');
    const body = toFileIntakeBody(draft, head);
    const id = await this.registration.createInIntake(await this.deskService.documentLibraryId(), creatorPost.code, body.nodeType, {
      ...body.properties,
      ...extra
    });
    // The two portions and the drafts exist from the start: a new file reads as an empty notesheet and
    // an empty correspondence, never as a missing folder (the workflow then takes them over with the file).
    const folderApi = this.nodesApi;
    let registered: Registered;
    try {
      await Promise.all(FILE_FOLDERS.map((name) => folderApi.createNode(id, { name, nodeType: 'cm:folder' })));
      registered = await this.registration.register(id, creatorPost.code);
    } catch (error) {
      await this.discardUnnumbered(folderApi, id);
      throw error;
    }
    await this.movement.begin(id);
    return { id, fileNumber: registered.number, computerNumber: registered.computerNumber };
  }

  /**
   * Takes back a file the repository did not number (its folders could not be made, or eoRegister refused
   * it): an unnumbered file would otherwise wait in the post's intake, listed nowhere, and a second try
   * would leave a second one. A file that did get its number is never deleted (that would leave a gap in
   * the series); nor is anything when the repository cannot say which it is.
   */
  private async discardUnnumbered(nodes: NodesApi, id: string): Promise<void> {
    try {
      const node = await nodes.getNode(id, { include: ['properties'] });
      if ((node.entry.properties as Record<string, unknown> | undefined)?.['eo:fileNumber']) return;
      // Its creator owns it, and an owner may delete his node for good (no trashcan entry to explain).
      await nodes.deleteNode(id, { permanent: true });
    } catch {
      // Left in the intake: the refusal the officer sees matters more than this clean-up.
    }
  }

  /**
   * Opens a part file of `main` (CSMOP: to act on one issue while the main file is elsewhere): a new
   * file of the same section and subject head, held by the officer, pointing at its main file.
   */
  async createPartFile(main: EFile): Promise<CreatedFile> {
    const draft: FileDraft = {
      section: main.section,
      head: headCode({ basic: main.basicHead, primary: main.primaryHead, secondary: main.secondaryHead }),
      subject: `${main.subject} (${main.fileNumber} – Part)`.slice(0, 1024),
      recordCategory: main.recordCategory ?? 'C',
      retentionYears: main.retentionYears ?? null,
      form: main.form,
      urgency: main.urgency ?? 'Normal'
    };
    return this.create(draft, { 'eo:partOf': main.id });
  }

  /**
   * Links other files to this one: the holder's amendment through the repository (the file itself is
   * read-only to officers; the workflow refuses anyone not holding it).
   */
  async link(file: EFile, others: string[]): Promise<EFile> {
    const linked = [...new Set([...file.linkedFiles, ...others])].filter((id) => id !== file.id);
    await this.registration.amend(file.id, { 'eo:linkedFiles': linked });
    return this.get(file.id);
  }

  /** Number and subject of the files a file refers to (linked files, its main file); unreadable ones are left out. */
  async summaries(ids: string[]): Promise<{ id: string; fileNumber: string; subject: string }[]> {
    const found = await Promise.all(
      ids.map((id) =>
        this.nodesApi
          .getNode(id, { include: ['properties'] })
          .then((n) => toEFile(n.entry as never))
          .catch(() => null)
      )
    );
    return found.filter((f): f is EFile => !!f).map((f) => ({ id: f.id, fileNumber: f.fileNumber, subject: f.subject }));
  }

  /**
   * A file, with whether the officer may write in it: the repository's allowableOperations on its Notes
   * folder (the file node itself is read-only to every officer; its holder writes in its folders).
   */
  async get(id: string): Promise<EFile> {
    const early = this.early;
    if (early?.id === id) {
      this.early = undefined;
      if (Date.now() - early.at < EARLY_KEPT_MS) return early.file;
    }
    return this.read(id);
  }

  /**
   * Begins reading a file as the router matches its address (eoffice.routes.ts, startFile), beside the Content
   * App's own start; the file view's first `get` of it takes this reading, once. On the first-screen bench the
   * file view's own reading began 0.15 s after the router's guards had run. A reading begun for the same file
   * a moment ago is kept; a failure is reported by that `get`, as its own would be.
   */
  prefetch(id: string): void {
    if (this.early?.id === id && Date.now() - this.early.at < EARLY_KEPT_MS) return;
    const file = this.read(id);
    file.catch(() => undefined); // reported by the get that takes it
    this.early = { id, at: Date.now(), file };
  }

  private async read(id: string): Promise<EFile> {
    const nodes = this.nodesApi;
    const [node, notes] = await Promise.all([
      nodes.getNode(id, { include: ['properties'] }),
      nodes.getNode(id, { relativePath: NOTES_FOLDER, include: ['allowableOperations'] }).catch(() => null)
    ]);
    if (node.entry.nodeType !== EO_TYPES.file) throw new Error('EOFFICE.FILE.ERRORS.NOT_A_FILE');
    return toEFile(node.entry as never, notes?.entry.allowableOperations, notes?.entry.id);
  }

  /** The correspondence portion in serial order (empty while nothing was put in the file). */
  async correspondence(fileId: string): Promise<CorrespondenceEntry[]> {
    const nodes = this.nodesApi;
    const children = await nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 20 });
    const folder = children.list?.entries?.find((e) => e.entry.name === CORRESPONDENCE_FOLDER);
    if (!folder) return [];
    const entries: CorrespondenceEntry[] = [];
    for (let skipCount = 0; ; skipCount += 100) {
      const page = await nodes.listNodeChildren(folder.entry.id, {
        include: ['properties'],
        orderBy: ['name ASC'],
        skipCount,
        maxItems: 100
      });
      entries.push(...(page.list?.entries ?? []).map((e) => toCorrespondenceEntry(e.entry as never)));
      if (!page.list?.pagination?.hasMoreItems) break;
    }
    return entries;
  }

  /** Files the officer may read whose number, Computer No. or subject match `text` (at most 20). */
  async search(text: string): Promise<EFile[]> {
    const query = fileSearchQuery(departmentSite((await this.desk()).hierarchy), text);
    if (!query) return [];
    const result = await this.searchApi.search({
      query: { query, language: 'afts' },
      include: ['properties'],
      paging: { skipCount: 0, maxItems: 20 }
    });
    return (result.list?.entries ?? []).map((e) => toEFile(e.entry as never));
  }

  /** One page of a file list from the search API; for the Inbox, beside it, which files are unopened (one request per post). */
  async list(list: FileListName, request: FileListRequest): Promise<FilePage> {
    const desk = await this.desk();
    const [result, unopened] = await Promise.all([
      this.searchApi.search({
        query: { query: fileQuery(departmentSite(desk.hierarchy), list, desk.posts, request.text), language: 'afts' },
        include: ['properties'],
        paging: { skipCount: request.skipCount, maxItems: request.maxItems },
        sort: [{ type: 'FIELD', field: FILE_SORT_PROPERTIES[request.sort.field], ascending: request.sort.ascending }]
      }),
      list === 'inbox' ? this.movement.unopenedItems(desk.posts, 'holder') : Promise.resolve([])
    ]);
    return {
      files: (result.list?.entries ?? []).map((e) => toEFile(e.entry as never)),
      totalItems: result.list?.pagination?.totalItems ?? 0,
      unopened
    };
  }
}
