import { Injectable, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { FilePlansApi, GroupsApi, LegalHoldApi, NodesApi, SearchApi } from '@alfresco/js-api';
import {
  DestroyedRecord,
  DueItem,
  HeldItem,
  LegalHold,
  RecordCategory,
  RetentionSchedule,
  SearchNode,
  StepDraft,
  dueItem,
  stepBody,
  toDestroyedRecord,
  toStep
} from './records.model';
import { restCall } from '../shared/api/rest-call';

/** Governance Services' REST base, below the `alfresco` context root. */
const GS_BASE = '/api/-default-/public/gs/versions/1';
/** AGS's older web script that runs records management actions (cut off, retain, destroy, complete event). */
const EXECUTION_QUEUE = '/s/api/rma/actions/ExecutionQueue';
/** How many due steps one look reads; a department's due list is far shorter. */
const DUE_LIMIT = 1000;

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

  /** The file plan's top-level categories, each with its retention schedule and the schedule's steps in order. */
  async categories(): Promise<RecordCategory[]> {
    const found = await new FilePlansApi(this.api).getFilePlanCategories('-filePlan-', {
      maxItems: 500,
      include: ['hasRetentionSchedule']
    } as never);
    const entries = (found.list?.entries ?? []).map(
      (e) => e.entry as unknown as { id: string; name: string; hasRetentionSchedule?: boolean }
    );
    return Promise.all(
      entries.map(async (c) => ({ id: c.id, name: c.name, schedule: c.hasRetentionSchedule === false ? null : await this.schedule(c.id) }))
    );
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

  /** Adds a step at the end of the schedule; AGS refuses what its rules do not allow (the error carries its words). */
  async addStep(scheduleId: string, draft: StepDraft): Promise<void> {
    await this.call('POST', `/retention-schedules/${encodeURIComponent(scheduleId)}/retention-steps`, {}, stepBody(draft));
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
    return (found.list?.entries ?? [])
      .map((e) => dueItem(e.entry as unknown as SearchNode, today))
      .filter((d): d is DueItem => d !== null)
      .sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? ''));
  }

  /** The records an item's destruction would destroy: the item itself, and for a record folder its records. */
  async destroyedBy(item: DueItem): Promise<string[]> {
    const found = await new SearchApi(this.api).search({
      query: { query: `PARENT:"workspace://SpacesStore/${item.itemId}" AND ASPECT:"rma:record"`, language: 'afts' },
      paging: { skipCount: 0, maxItems: 100 }
    });
    return [item.itemName, ...(found.list?.entries ?? []).map((e) => e.entry.name)];
  }

  /** Runs the item's due step through AGS's ExecutionQueue (cutoff, retain, destroy …). */
  async execute(item: DueItem): Promise<void> {
    await this.call('POST', EXECUTION_QUEUE, {}, { name: item.step, nodeRef: `workspace://SpacesStore/${item.itemId}`, params: {} }, '');
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
