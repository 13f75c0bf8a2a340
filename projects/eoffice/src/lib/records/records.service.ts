import { Injectable, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { FilePlansApi, GroupsApi, LegalHoldApi, NodesApi, SearchApi } from '@alfresco/js-api';
import {
  DestroyedRecord,
  DueItem,
  GsEntity,
  HeldItem,
  LegalHold,
  RecordCategory,
  RecordFolderRow,
  RecordRow,
  RetentionSchedule,
  ScheduleDraft,
  SearchNode,
  StepChange,
  StepDraft,
  TransferredRecord,
  completionAction,
  dueItem,
  filePlanTree,
  stepBody,
  toDestroyedRecord,
  toRecordFolder,
  toRecordRow,
  toStep,
  toTransferredRecord
} from './records.model';
import { restCall } from '../shared/api/rest-call';
import { COUNTED_RETENTION_PERIODS } from '@eoffice/domain';

/** Governance Services' REST base, below the `alfresco` context root. */
const GS_BASE = '/api/-default-/public/gs/versions/1';
/** AGS's older web script that runs records management actions (cut off, retain, destroy, complete event). */
const EXECUTION_QUEUE = '/s/api/rma/actions/ExecutionQueue';
/**
 * AGS's older schedule web scripts (DispositionScheduleGet, DispositionActionDefinitionPut / Delete): the GS
 * REST API only creates steps; AGS's own screens change and remove them through these.
 */
const scheduleWebScript = (categoryId: string) => `/s/api/node/workspace/SpacesStore/${encodeURIComponent(categoryId)}/dispositionschedule`;
/** How many due steps one look reads; a department's due list is far shorter. */
const DUE_LIMIT = 1000;

/** A category as a file plan or category listing answers it (include=hasRetentionSchedule). */
interface ListedCategory {
  id: string;
  name: string;
  hasRetentionSchedule?: boolean;
}

/** A listing whose entries are read for their ids only. */
interface IdPage {
  list?: { entries?: { entry: { id: string } }[] };
}

/** No transfer object holds the item (completed meanwhile, or made by hand): nothing to complete. */
export class NoOpenTransfer extends Error {
  constructor() {
    super('');
  }
}

/** Whether the signed-in user may use the records pages: a file plan role, no role, or no RM site at all. */
export type RecordsAccess = 'unknown' | 'granted' | 'denied' | 'none';

/** The group that holds every file plan role (AGS names it after the file plan's node id). */
const ALL_ROLES_GROUP = /^GROUP_AllRoles[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The records manager's calls to Governance Services. js-api's GS clients where they fit (file plan,
 * holds); retention schedules, hold children and hold deletion with a reason are newer than js-api 10's
 * clients, so they go raw through the same AlfrescoApi (restCall on the gs path), as the workflow calls do.
 * AGS itself decides who may do what (its role groups); nothing here guesses permissions.
 */
@Injectable({ providedIn: 'root' })
export class RecordsService {
  private readonly apiService = inject(AlfrescoApiService);

  /** The latest answer of the access probe; the navbar shows the Records group only on 'granted'. */
  readonly access = signal<RecordsAccess>('unknown');
  private probing?: Promise<RecordsAccess>;

  private get api() {
    return this.apiService.getInstance();
  }

  private call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query: Record<string, unknown> = {},
    body?: unknown,
    base = GS_BASE
  ): Promise<T> {
    return restCall<T>(this.api, method, base + path, query, body);
  }

  /**
   * Asks once per session whether the user has a role in the file plan, without a request that fails for
   * everyone else (a 403 in every officer's console): AGS puts every non-system role group of a file plan
   * inside `GROUP_AllRoles<filePlanId>` (FilePlanRoleServiceImpl), and the person's groups, listed with
   * their nesting, include it for exactly the role holders. Any failure is not remembered.
   */
  probeAccess(): Promise<RecordsAccess> {
    this.probing ??= new GroupsApi(this.api).listGroupMembershipsForPerson('-me-', { skipCount: 0, maxItems: 1000 }).then(
      (groups) =>
        (groups.list?.entries ?? []).some((e) => ALL_ROLES_GROUP.test(e.entry.id ?? '')) ? ('granted' as const) : ('denied' as const),
      () => {
        this.probing = undefined;
        return 'unknown' as const;
      }
    );
    return this.probing.then((access) => {
      this.access.set(access);
      return access;
    });
  }

  /**
   * The whole file plan: its categories and their sub-categories at any depth (C-1 … C-10 under C), each
   * with the retention schedule that governs it and the schedule's steps in order, in reading order
   * (filePlanTree). Each level is one listing of the category's children that are categories.
   */
  async categories(): Promise<RecordCategory[]> {
    const found = await new FilePlansApi(this.api).getFilePlanCategories('-filePlan-', {
      maxItems: 500,
      include: ['hasRetentionSchedule']
    } as never);
    const withSchedule = async (c: ListedCategory, parentId?: string): Promise<RecordCategory> => ({
      id: c.id,
      name: c.name,
      schedule: c.hasRetentionSchedule === false ? null : await this.schedule(c.id),
      ...(parentId ? { parentId } : {})
    });
    const all: RecordCategory[] = [];
    let level = await Promise.all((found.list?.entries ?? []).map((e) => withSchedule(e.entry as unknown as ListedCategory)));
    while (level.length) {
      all.push(...level);
      const next = await Promise.all(
        level.map(async (parent) => {
          const children = await this.call<{ list?: { entries?: { entry: ListedCategory }[] } }>(
            'GET',
            `/record-categories/${encodeURIComponent(parent.id)}/children`,
            { where: '(isRecordCategory=true)', include: 'hasRetentionSchedule', maxItems: 500 }
          );
          return Promise.all((children?.list?.entries ?? []).map((e) => withSchedule(e.entry, parent.id)));
        })
      );
      level = next.flat();
    }
    return filePlanTree(all);
  }

  /** The category's schedule with its steps (include=actions), or null when it has none. */
  async schedule(categoryId: string): Promise<RetentionSchedule | null> {
    const answer = await this.call<{ list?: { entries?: { entry: Record<string, unknown> }[] } }>(
      'GET',
      `/record-categories/${encodeURIComponent(categoryId)}/retention-schedules`,
      { include: 'actions' }
    );
    const entry = answer?.list?.entries?.[0]?.entry;
    if (!entry) return null;
    const actions = ((entry['actions'] as Record<string, unknown>[] | undefined) ?? []).map(toStep).sort((a, b) => a.index - b.index);
    return {
      id: String(entry['id']),
      authority: entry['authority'] as string | undefined,
      instructions: entry['instructions'] as string | undefined,
      isRecordLevel: entry['isRecordLevel'] === true,
      steps: actions
    };
  }

  /**
   * Gives a category a schedule of its own (empty; steps are added one by one). AGS refuses a second one
   * (409), a record-level one for a category holding record folders (422), and one above items another
   * schedule already governs; its refusal carries its words.
   */
  async createSchedule(categoryId: string, draft: ScheduleDraft): Promise<void> {
    await this.call(
      'POST',
      `/record-categories/${encodeURIComponent(categoryId)}/retention-schedules`,
      {},
      {
        authority: draft.authority.trim(),
        instructions: draft.instructions.trim(),
        isRecordLevel: draft.isRecordLevel
      }
    );
  }

  /** Adds a step at the end of the schedule; AGS refuses what its rules do not allow (the error carries its words). */
  async addStep(scheduleId: string, draft: StepDraft): Promise<void> {
    await this.call('POST', `/retention-schedules/${encodeURIComponent(scheduleId)}/retention-steps`, {}, stepBody(draft));
  }

  /**
   * Whether the schedule's steps may still be removed (AGS: only while no record folder or record is under
   * it; its `canStepsBeRemoved`).
   */
  async canRemoveSteps(categoryId: string): Promise<boolean> {
    const answer = await this.call<{ data?: { canStepsBeRemoved?: boolean } }>('GET', scheduleWebScript(categoryId), {}, undefined, '');
    return answer?.data?.canStepsBeRemoved === true;
  }

  /**
   * Changes a step's period and description (AGS's period is "type|amount"); AGS moves the due date of what
   * already waits on the step, and refuses what its rules do not allow (the error carries its words).
   */
  async updateStep(categoryId: string, stepId: string, change: StepChange): Promise<void> {
    const counted = COUNTED_RETENTION_PERIODS.includes(change.period);
    await this.call(
      'PUT',
      `${scheduleWebScript(categoryId)}/dispositionactiondefinitions/${encodeURIComponent(stepId)}`,
      {},
      {
        period: `${change.period}|${counted && change.periodAmount !== null ? change.periodAmount : ''}`,
        description: change.description.trim()
      },
      ''
    );
  }

  /** Removes a step and every step after it (DispositionActionDefinitionDelete). */
  async removeStep(categoryId: string, stepId: string): Promise<void> {
    await this.call(
      'DELETE',
      `${scheduleWebScript(categoryId)}/dispositionactiondefinitions/${encodeURIComponent(stepId)}`,
      {},
      undefined,
      ''
    );
  }

  /**
   * Items whose next step is due: the open rma:dispositionAction nodes (AGS keeps one per governed item,
   * below it) whose date has passed by `today` or whose events are complete.
   */
  async due(today: Date): Promise<DueItem[]> {
    const found = await new SearchApi(this.api).search({
      query: { query: 'TYPE:"rma:dispositionAction"', language: 'afts' },
      include: ['properties', 'path'],
      paging: { skipCount: 0, maxItems: DUE_LIMIT }
    });
    const due = (found.list?.entries ?? [])
      .map((e) => dueItem(e.entry as unknown as SearchNode, today))
      .filter((d): d is DueItem => d !== null)
      .sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? ''));
    const held = await this.heldAmong(due.map((d) => d.itemId));
    return due.map((d) => (held.has(d.itemId) ? { ...d, held: true } : d));
  }

  /** Which of the items are on a legal hold (rma:frozen), in one search. */
  private async heldAmong(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const found = await new SearchApi(this.api).search({
      query: {
        query: `ASPECT:"rma:frozen" AND (${ids.map((id) => `ID:"workspace://SpacesStore/${id}"`).join(' OR ')})`,
        language: 'afts'
      },
      paging: { skipCount: 0, maxItems: ids.length }
    });
    return new Set((found.list?.entries ?? []).map((e) => e.entry.id));
  }

  /**
   * The record folders of a category (one for each e-file closed into it), with whether each is closed,
   * cut off or on hold.
   */
  async recordFolders(categoryId: string): Promise<RecordFolderRow[]> {
    const found = await this.call<{ list?: { entries?: { entry: GsEntity }[] } }>(
      'GET',
      `/record-categories/${encodeURIComponent(categoryId)}/children`,
      { where: '(isRecordFolder=true)', include: 'isClosed,aspectNames,properties', maxItems: 500 }
    );
    return (found?.list?.entries ?? [])
      .map((e) => toRecordFolder(e.entry))
      .sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
  }

  /** The records of a record folder, each completed or not, held or not. */
  async folderRecords(folderId: string): Promise<RecordRow[]> {
    const found = await this.call<{ list?: { entries?: { entry: GsEntity }[] } }>(
      'GET',
      `/record-folders/${encodeURIComponent(folderId)}/records`,
      { include: 'isCompleted,aspectNames,properties', maxItems: 500 }
    );
    return (found?.list?.entries ?? []).map((e) => toRecordRow(e.entry));
  }

  /** Puts a record folder or record on a hold (POST /holds/{id}/children); AGS refuses what it may not hold. */
  async putOnHold(holdId: string, itemId: string): Promise<void> {
    await this.call('POST', `/holds/${encodeURIComponent(holdId)}/children`, {}, { id: itemId });
  }

  /**
   * The records an item's destruction would destroy: the item itself, and for a record folder its records,
   * listed as the file plan lists them (GET /record-folders/{id}/records, which holds records declared in
   * place too).
   */
  async destroyedBy(item: DueItem): Promise<string[]> {
    if (item.itemType !== 'rma:recordFolder') return [item.itemName];
    return [item.itemName, ...(await this.folderRecords(item.itemId)).map((r) => r.name)];
  }

  /**
   * Runs the item's due step through AGS's ExecutionQueue (cutoff, retain, transfer, accession, destroy);
   * an item already in transfer has its transfer completed instead (completeTransfer).
   */
  async execute(item: DueItem): Promise<void> {
    if (item.inTransfer) return this.completeTransfer(item);
    await this.call('POST', EXECUTION_QUEUE, {}, { name: item.step, nodeRef: `workspace://SpacesStore/${item.itemId}`, params: {} }, '');
  }

  /**
   * The archives have taken the item: its transfer object (in the file plan's Transfers container, holding
   * it) is completed with transferComplete or accessionComplete, which marks it transferred or accessioned
   * and makes its next step due. A department has a handful of open transfers, so each is looked into.
   */
  async completeTransfer(item: DueItem): Promise<void> {
    const transfers = await this.call<IdPage>('GET', '/transfer-containers/-transfers-/transfers', { maxItems: 500 });
    let transferId: string | undefined;
    for (const { entry } of transfers?.list?.entries ?? []) {
      const children = await this.call<IdPage>('GET', `/transfers/${encodeURIComponent(entry.id)}/children`, { maxItems: 500 });
      if ((children?.list?.entries ?? []).some((c) => c.entry.id === item.itemId)) {
        transferId = entry.id;
        break;
      }
    }
    if (!transferId) throw new NoOpenTransfer();
    await this.call(
      'POST',
      EXECUTION_QUEUE,
      {},
      { name: completionAction(item.step), nodeRef: `workspace://SpacesStore/${transferId}`, params: {} },
      ''
    );
  }

  /**
   * The transfer list: what was transferred to a record room or accessioned to the archives (AGS marks
   * the record folders and records rma:transferred or rma:ascended, with the step's location, when the
   * transfer completes; the transfer object itself is deleted then), newest first.
   */
  async transferred(skipCount: number, maxItems: number): Promise<{ rows: TransferredRecord[]; totalItems: number }> {
    const found = await new SearchApi(this.api).search({
      query: { query: 'ASPECT:"rma:transferred" OR ASPECT:"rma:ascended"', language: 'afts' },
      include: ['properties', 'path', 'aspectNames'],
      paging: { skipCount, maxItems },
      sort: [{ type: 'FIELD', field: 'cm:modified', ascending: false }]
    });
    return {
      rows: (found.list?.entries ?? []).map((e) => toTransferredRecord(e.entry as unknown as SearchNode & { aspectNames?: string[] })),
      totalItems: found.list?.pagination?.totalItems ?? 0
    };
  }

  async holds(): Promise<LegalHold[]> {
    const found = await new LegalHoldApi(this.api).getHolds('-filePlan-', { maxItems: 500 });
    return (found.list?.entries ?? []).map((e) => ({
      id: e.entry.id,
      name: e.entry.name,
      reason: e.entry.reason,
      description: e.entry.description
    }));
  }

  /** One hold (a single object: js-api's createHold posts a list). Name and reason are required by AGS. */
  async createHold(hold: { name: string; reason: string; description?: string }): Promise<void> {
    await this.call('POST', '/file-plans/-filePlan-/holds', {}, hold);
  }

  /**
   * What a hold holds. AGS answers the hold's children by id only, so each is read for its name and type
   * (a hold holds a few files, not thousands); one that cannot be read is shown by its id.
   */
  async heldItems(holdId: string): Promise<HeldItem[]> {
    const found = await this.call<{ list?: { entries?: { entry: { id: string } }[] } }>(
      'GET',
      `/holds/${encodeURIComponent(holdId)}/children`,
      { maxItems: 500 }
    );
    const nodes = new NodesApi(this.api);
    return Promise.all(
      (found?.list?.entries ?? []).map(({ entry }) =>
        nodes.getNode(entry.id).then(
          (node) => ({ id: entry.id, name: node.entry.name, nodeType: node.entry.nodeType }),
          () => ({ id: entry.id, name: entry.id, nodeType: '' })
        )
      )
    );
  }

  release(holdId: string, itemId: string): Promise<void> {
    return new LegalHoldApi(this.api).unassignHold(holdId, itemId);
  }

  /** Deletes the hold, keeping the reason in AGS's audit; what it held is released. */
  async deleteHold(holdId: string, reason: string): Promise<void> {
    await this.call('POST', `/holds/${encodeURIComponent(holdId)}/delete`, {}, { reason });
  }

  /**
   * The destruction register: what was destroyed (rma:ghosted: records, and the record folders destroyed
   * with them) with the metadata AGS keeps, newest first.
   */
  async destroyed(skipCount: number, maxItems: number): Promise<{ rows: DestroyedRecord[]; totalItems: number }> {
    const found = await new SearchApi(this.api).search({
      query: { query: 'ASPECT:"rma:ghosted"', language: 'afts' },
      include: ['properties', 'path'],
      paging: { skipCount, maxItems },
      sort: [{ type: 'FIELD', field: 'cm:modified', ascending: false }]
    });
    return {
      rows: (found.list?.entries ?? []).map((e) => toDestroyedRecord(e.entry as unknown as SearchNode)),
      totalItems: found.list?.pagination?.totalItems ?? 0
    };
  }
}
