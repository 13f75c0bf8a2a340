import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { Node, NodesApi, PeopleApi, SearchApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { DeskCountsService } from '../../desk/desk-counts.service';
import { NoticesService } from '../../notices/notices.service';
import { restCall } from '../../shared/api/rest-call';
import {
  departmentSite,
  postOfGroup,
  ItemCustody,
  ItemTask,
  MAX_UNREAD_IDS,
  MOVEMENT_PROCESS_KEY,
  MarkingRequest,
  Movement,
  MovementRefusal,
  completionVariables,
  frequentRecipients,
  itemCustody,
  itemTaskQueries,
  recentSendsRequest,
  refusalOf,
  toMovement,
  unreadTasksWhere
} from '@eoffice/domain';

/**
 * The text inputs of a holder task. Every completion sends each of them, '' when unused, so that none set on
 * the task by someone else (the process's starter may set task variables on ACS) is read by the workflow.
 * eowf_dueDate is a d:date and is sent only when chosen.
 */
const HOLDER_TEXT_INPUTS = ['eowf_action', 'eowf_to', 'eowf_copyTo', 'eowf_remarks', 'eowf_urgency', 'eowf_file'];

interface TaskVariable {
  name: string;
  value: string;
  scope: 'local';
}

/** `given`, plus '' for each of `names` not given. */
function everyInput(names: string[], given: TaskVariable[]): TaskVariable[] {
  const missing = names.filter((name) => !given.some((v) => v.name === name));
  return [...given, ...missing.map((name): TaskVariable => ({ name, value: '', scope: 'local' }))];
}

/** js-api has no client for the workflow API: calls go through its generic client to the public base. */
const WORKFLOW_BASE = '/api/-default-/public/workflow/versions/1';
export const MOVEMENT_PROCESS = MOVEMENT_PROCESS_KEY;

interface WorkflowTaskPage {
  list?: { entries?: { entry: { variables?: { name: string; value?: unknown }[] } }[] };
}

interface TaskEntry {
  id: string;
  activityDefinitionId?: string;
  assignee?: string;
  endedAt?: string;
}

/**
 * Moves receipts and files through the eoMovement workflow (config/README.md, "The movement workflow"):
 * finds the caller's task on an item, claims it (that is "opening" it), completes it with the action.
 * The repository decides; this service only turns its refusals into readable ones.
 */
@Injectable({ providedIn: 'root' })
export class MovementService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);
  /** The navbar's counts change with every movement the officer makes: read again after each. */
  private readonly counts = inject(DeskCountsService);
  /** The header's bell: its notices change with movements too, and opening an item reads its notices. */
  private readonly notices = inject(NoticesService);

  private get nodes(): NodesApi {
    return new NodesApi(this.apiService.getInstance());
  }

  /**
   * The signed-in officer's user id, asked once (GET /people/-me-): the workflow API's where has no `-me-`
   * alias, and js-api knows the user name only after a sign-in in this page, not after a reload.
   */
  private userIdPromise?: Promise<string>;
  private userId(): Promise<string> {
    this.userIdPromise ??= new PeopleApi(this.apiService.getInstance()).getPerson('-me-').then(
      (person) => person.entry.id,
      (error: unknown) => {
        this.userIdPromise = undefined;
        throw error;
      }
    );
    return this.userIdPromise;
  }

  private call<T>(method: 'GET' | 'POST' | 'PUT', path: string, query: Record<string, unknown> = {}, body?: unknown): Promise<T> {
    return restCall<T>(this.apiService.getInstance(), method, WORKFLOW_BASE + path, query, body);
  }

  /**
   * The caller's open task on the item, claimed when it holds the item; null when it has none.
   * `known` (the item's custody properties, when the caller has just read the item) spares reading its node again.
   */
  async openItem(itemId: string, known?: ItemCustody): Promise<ItemTask | null> {
    // Whatever the officer may do with it, he has now seen it: its notices are read.
    this.notices.markItemRead(itemId).catch(() => undefined);
    const task = await this.findTask(itemId, known);
    if (!task) return null;
    if (task.kind === 'holder') await this.claim(task.id);
    return task;
  }

  /** Sends, sends back, pulls back, parks, unparks, closes or puts in a file; starts the movement if needed. */
  async act(itemId: string, request: MarkingRequest): Promise<void> {
    try {
      let task = await this.findTask(itemId);
      if (!task && request.action !== 'pullBack') {
        const started = await this.startIfNew(itemId);
        if (started) task = await this.findTask(itemId);
      }
      if (!task || task.kind === 'approval') throw new MovementRefusal('', 'EOFFICE.MOVEMENT.REFUSED.NO_TASK');
      if (request.action === 'pullBack' && task.kind !== 'pullBack') throw new MovementRefusal('', 'EOFFICE.MOVEMENT.REFUSED.NOT_SENDER');
      await this.claim(task.id);
      await this.complete(task.id, everyInput(HOLDER_TEXT_INPUTS, completionVariables(request)));
      void this.counts.refresh();
      void this.notices.refresh();
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /**
   * Starts the movement of a new item at the post holding it (a file just opened): from then on the
   * workflow alone writes its permissions, so nobody but that post can write in it. False when it moves already.
   */
  async begin(itemId: string): Promise<boolean> {
    try {
      return await this.startIfNew(itemId);
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /** Approves or refuses a close or reopen request waiting with the caller's post. */
  async decide(itemId: string, decision: 'approve' | 'refuse', remarks?: string): Promise<void> {
    try {
      const task = await this.findTask(itemId);
      if (task?.kind !== 'approval') throw new MovementRefusal('', 'EOFFICE.MOVEMENT.REFUSED.NO_TASK');
      await this.claim(task.id);
      const variables: TaskVariable[] = [
        { name: 'eowf_decision', value: decision, scope: 'local' },
        { name: 'eowf_remarks', value: remarks?.trim() ?? '', scope: 'local' }
      ];
      await this.complete(task.id, variables);
      void this.counts.refresh();
      void this.notices.refresh();
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /** Asks to reopen a closed item, acting for `fromPost` (the post that closed or created it). */
  async reopen(itemId: string, fromPost: string, remarks?: string): Promise<void> {
    try {
      await this.call(
        'POST',
        '/processes',
        {},
        {
          processDefinitionKey: MOVEMENT_PROCESS,
          items: [itemId],
          variables: { eowf_fromPost: fromPost, ...(remarks?.trim() && { eowf_remarks: remarks.trim() }) }
        }
      );
      void this.counts.refresh();
      void this.notices.refresh();
    } catch (error) {
      throw refusalOf(error);
    }
  }

  /**
   * Ids of the items not yet opened, asked of the workflow API (one request per post, whatever the length of
   * the list): the holder tasks of the officer's posts nobody claimed yet (Inbox: shown in bold, or kept by
   * the unread filter), or those the posts sent whose recipient has not opened them (Sent). At most
   * MAX_UNREAD_IDS.
   */
  async unopenedItems(posts: string[], role: 'holder' | 'sender'): Promise<string[]> {
    const pages = await Promise.all(
      posts.map((group) => this.call<WorkflowTaskPage>('GET', '/tasks', { where: unreadTasksWhere(group, role), maxItems: MAX_UNREAD_IDS }))
    );
    const ids = pages.flatMap((page) =>
      (page.list?.entries ?? []).map(({ entry }) => String(entry.variables?.find((v) => v.name === 'eowf_itemId')?.value ?? ''))
    );
    return [...new Set(ids.filter((id) => !!id))].slice(0, MAX_UNREAD_IDS);
  }

  /** Every recorded step of the item, oldest first. */
  async movements(itemId: string): Promise<Movement[]> {
    // An item that never moved has no Movements folder yet: look for it among the item's folders
    // rather than asking for a path that may not exist (a 404 every officer would see in the console).
    const folders = await this.nodes.listNodeChildren(itemId, { where: '(isFolder=true)', maxItems: 100 });
    const folder = folders.list?.entries?.find((entry) => entry.entry.name === 'Movements')?.entry;
    if (!folder) return [];
    const page = await this.nodes.listNodeChildren(folder.id, { include: ['properties'], orderBy: ['name ASC'], maxItems: 1000 });
    return (page.list?.entries ?? []).map((entry) => toMovement(entry.entry));
  }

  /**
   * The posts the signed-in officer sends to most from `fromGroup` (post groups, most often first, at most
   * five), counted over his latest sends as the workflow recorded them. Empty when they cannot be read: the
   * marking dialog then lists the posts without the group, it does not fail.
   */
  async frequentRecipients(fromGroup: string): Promise<string[]> {
    try {
      const [desk, me] = await Promise.all([this.deskService.desk(), this.userId()]);
      const answer = await new SearchApi(this.apiService.getInstance()).search(
        recentSendsRequest(departmentSite(desk.hierarchy), fromGroup, me) as never
      );
      const sends = (answer.list?.entries ?? []).map((e) => toMovement(e.entry as Node));
      return frequentRecipients(sends, [fromGroup]);
    } catch {
      return [];
    }
  }

  private async findTask(itemId: string, known?: ItemCustody): Promise<ItemTask | null> {
    const tasks = await this.itemTasks(itemId);
    if (!tasks.length) return null;
    const approval = tasks.find((t) => t.activityDefinitionId === 'approval');
    const holderTask = tasks.find((t) => t.activityDefinitionId !== 'approval');
    const [desk, custody] = await Promise.all([this.deskService.desk(), known ?? this.custodyOf(itemId)]);
    if (holderTask) {
      // The holder task lists the sender as a candidate too (pull back): who holds the item decides the kind.
      const holds = desk.posts.includes(custody.currentHolder);
      if (holds || !approval) return { id: holderTask.id, kind: holds ? 'holder' : 'pullBack' };
    }
    // ACS links the officer who started the process to every one of its tasks (TasksImpl: the initiator is
    // involved), so the requester sees the approval task too: only the post asked to approve may decide it.
    return approval && desk.posts.includes(custody.pendingApprover) ? { id: approval.id, kind: 'approval' } : null;
  }

  /** The caller's open tasks on the item: offered to one of the officer's posts, or claimed by the officer. */
  private async itemTasks(itemId: string): Promise<TaskEntry[]> {
    const [desk, me] = await Promise.all([this.deskService.desk(), this.userId()]);
    const pages = await Promise.all(
      itemTaskQueries(itemId, desk.posts, me).map((where) =>
        this.call<{ list?: { entries?: { entry: TaskEntry }[] } }>('GET', '/tasks', { where, maxItems: 20 })
      )
    );
    const byId = new Map<string, TaskEntry>();
    for (const page of pages) for (const { entry } of page.list?.entries ?? []) if (!entry.endedAt) byId.set(entry.id, entry);
    return [...byId.values()];
  }

  private async custodyOf(itemId: string): Promise<ItemCustody> {
    const node = await this.nodes.getNode(itemId, { include: ['properties'] });
    return itemCustody(node.entry.properties as Record<string, unknown> | undefined);
  }

  /** Starts the movement of an item nobody moved yet, for the caller's post that holds it (or its first post). */
  private async startIfNew(itemId: string): Promise<boolean> {
    const [desk, node] = await Promise.all([this.deskService.desk(), this.nodes.getNode(itemId, { include: ['properties'] })]);
    const props = (node.entry.properties ?? {}) as Record<string, unknown>;
    const status = String(props['eo:status'] ?? 'created');
    if (status !== 'created') return false;
    const holder = postOfGroup(desk.hierarchy, String(props['eo:currentHolder'] ?? ''));
    const post = holder && desk.posts.includes(String(props['eo:currentHolder'])) ? holder : desk.postEntries[0];
    if (!post) throw new MovementRefusal('', 'EOFFICE.MOVEMENT.REFUSED.NO_POST');
    await this.call(
      'POST',
      '/processes',
      {},
      { processDefinitionKey: MOVEMENT_PROCESS, items: [itemId], variables: { eowf_fromPost: post.code } }
    );
    return true;
  }

  private async claim(taskId: string): Promise<void> {
    try {
      await this.call('PUT', `/tasks/${taskId}`, { select: 'state' }, { state: 'claimed' });
    } catch (error) {
      // Claiming a task one already holds is answered 409 by some engines; anything else is real.
      const status = Number((error as { status?: unknown }).status);
      if (status !== 409) throw error;
      const task = await this.call<{ entry: TaskEntry }>('GET', `/tasks/${taskId}`);
      const me = await this.userId();
      if (task.entry.assignee !== me) throw error;
    }
  }

  private complete(taskId: string, variables: TaskVariable[]): Promise<unknown> {
    return this.call('PUT', `/tasks/${taskId}`, { select: 'state,variables' }, { state: 'completed', variables });
  }
}
