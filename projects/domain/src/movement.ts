// The movement of a receipt or file through the eoMovement workflow as the client sees it: the request that
// completes a holder task, the custody and Inbox arrival an item records, its history entries, the task and
// search queries that find them, and the officer's words for a refusal. Shared by the extension, the
// installer's movement tests and the repository's bench.
import { quote } from './afts';
import type { HolderActionCode, TaskKind } from './movement-actions';
import type { NodeEntryLike } from './node-entry';
import { seriesRecords } from './series-scope';

/** What an officer does to an item by completing its holder task (movement-actions.ts, config/README.md). */
export type MovementAction = HolderActionCode;

export interface MarkingRequest {
  action: MovementAction;
  /** Post code of the recipient (send) or of the approving post (close below SO level). */
  to?: string;
  /** Post codes that receive read-only copies (receipts only). */
  copyTo?: string[];
  remarks?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  urgency?: string;
  /** File node id (putInFile). */
  file?: string;
}

/** The caller's open task on an item: holding it, able to pull it back, or asked to approve. */
export interface ItemTask {
  id: string;
  kind: TaskKind;
  request?: 'close' | 'reopen';
}

/** Who holds an item and who is asked to approve a request on it: the workflow keeps both on the item. */
export interface ItemCustody {
  /** Post group holding the item (eo:currentHolder). */
  currentHolder: string;
  /** Post group asked to approve a close or reopen request (eo:approverPost); empty when none waits. */
  pendingApprover: string;
}

/**
 * The custody an item's properties record. Requests made before eo:approverPost kept the approving post in
 * eo:pendingApprover, so it is read there when eo:approverPost is empty.
 */
export function itemCustody(properties: Record<string, unknown> | undefined): ItemCustody {
  const text = (name: string) => (properties?.[name] === null || properties?.[name] === undefined ? '' : String(properties[name]));
  return { currentHolder: text('eo:currentHolder'), pendingApprover: text('eo:approverPost') || text('eo:pendingApprover') };
}

/** What an item records of how it reached its holder, and of a close or reopen request waiting on it. */
export interface ArrivalFields {
  /** eo:previousHolder, eo:heldSince, eo:dueDate, eo:lastRemarks: the movement that put it with its holder. */
  previousHolder?: string;
  heldSince?: string;
  dueDate?: string;
  lastRemarks?: string;
  /** eo:approverPost, eo:pendingRequest, eo:pendingRequester, eo:pendingRemarks, eo:pendingSince: the request. */
  pendingApprover?: string;
  pendingRequest?: string;
  pendingRequester?: string;
  pendingRemarks?: string;
  pendingSince?: string;
}

/** What an Inbox row says about an item: who put it there, when, by when, with what remarks. */
export interface InboxArrival {
  /** Post group that sent it, or that asks the officer to approve closing or reopening it. */
  from: string;
  at?: string;
  due?: string;
  remarks: string;
  /** Set when the item is in the officer's Inbox to approve a request, not to act on. */
  request?: 'close' | 'reopen';
}

/**
 * How an item came to be in the Inbox of an officer holding `posts`. An item one of the posts is asked to
 * approve a request on is there because of the request: it names the requester, the moment of asking and
 * its remarks. The item's last movement (eo:previousHolder …) is how it reached the requester, not the
 * approver, and its due date is the requester's.
 */
export function inboxArrival(item: ArrivalFields, posts: string[]): InboxArrival {
  const request = item.pendingRequest === 'close' || item.pendingRequest === 'reopen' ? item.pendingRequest : undefined;
  if (request && item.pendingRequester && item.pendingApprover && posts.includes(item.pendingApprover))
    return { from: item.pendingRequester, at: item.pendingSince, remarks: item.pendingRemarks ?? '', request };
  return {
    from: item.previousHolder ?? '',
    at: item.previousHolder ? item.heldSince : undefined,
    due: item.dueDate,
    remarks: item.lastRemarks ?? ''
  };
}

/** One step of an item's movement history, as the workflow records it in Movements/. */
export interface Movement {
  sequence: number;
  action: string;
  fromGroup: string;
  fromUser: string;
  /** A transfer of charge: the officer the post passed to (fromUser is the one it left); else empty. */
  toUser: string;
  /** A link officer's action: the absent officer he acted for (fromUser is the link officer); else empty. */
  forUser: string;
  toGroup: string;
  at: Date | null;
  remarks: string;
  due: string;
  readAt: Date | null;
  jumped: string[];
}

/** A refusal officers can read: the repository's own reason, or a translation key for a transport-level one. */
export class MovementRefusal extends Error {
  constructor(
    message: string,
    /** Translation key when the refusal has no text of its own (403, 409, 405, network). */
    readonly key?: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'MovementRefusal';
  }
}

const asDate = (value: unknown): Date | null => {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value ? [String(value)] : []);

export function toMovement(node: NodeEntryLike): Movement {
  const p = node.properties ?? {};
  return {
    sequence: Number(p['eo:movementSequence'] ?? node.name),
    action: String(p['eo:movementAction'] ?? ''),
    fromGroup: String(p['eo:movementFrom'] ?? ''),
    fromUser: String(p['eo:movementFromUser'] ?? ''),
    toUser: String(p['eo:movementToUser'] ?? ''),
    forUser: String(p['eo:movementForUser'] ?? ''),
    toGroup: String(p['eo:movementTo'] ?? ''),
    at: asDate(p['eo:movementAt']),
    remarks: String(p['eo:movementRemarks'] ?? ''),
    due: p['eo:movementDue'] ? String(p['eo:movementDue']).slice(0, 10) : '',
    readAt: asDate(p['eo:movementReadAt']),
    jumped: asList(p['eo:movementJumped'])
  };
}

// ------------------------------------------------------------------ frequent recipients

/** How many of the officer's latest sends the marking dialog's "Frequent" group is counted over. */
export const FREQUENT_SENDS_READ = 200;
/** Most posts the "Frequent" group shows. */
export const FREQUENT_MAX = 5;

/**
 * The search request for the officer's own latest sends from one post, newest first: the movements the
 * workflow recorded (eo:movement in a registered item's Movements/, as the MIS counts them), made by this
 * officer (eo:movementFromUser) from the post he now marks from (eo:movementFrom). The post stays a reader
 * of every item it sent on, so the officer's own permissions find them on ACS; the search index answers
 * (a send made a moment ago may count a little later, which a frequency does not notice).
 * eo:movementFromUser is a tokenised text property, which ACS refuses `=` on: it is asked as a phrase.
 *
 * Not a counter the client keeps in people/-me-/preferences: that would count only sends made through this
 * client since it shipped (empty for every officer on day one and on the demo), need a second write after
 * each send that a failure or a second tab loses (read, add one, write back), and answer 404 in the console
 * for every officer who has none yet. The movements are the workflow's own record and already readable.
 */
export function recentSendsRequest(site: string, fromGroup: string, userId: string) {
  const query = [
    seriesRecords(site, ['receipt', 'file'], 'Movements', 'eo:movement'),
    `=eo:movementAction:"send"`,
    `=eo:movementFrom:${quote(fromGroup)}`,
    `eo:movementFromUser:${quote(userId)}`
  ].join(' AND ');
  return {
    query: { query, language: 'afts' },
    include: ['properties'],
    sort: [{ type: 'FIELD', field: 'eo:movementAt', ascending: false }],
    paging: { skipCount: 0, maxItems: FREQUENT_SENDS_READ }
  };
}

/**
 * The post groups the officer sent to most often, most often first (a tie: the one sent to more recently),
 * from his sends newest first; at most FREQUENT_MAX. Copies count: the officer chose those posts too.
 */
export function frequentRecipients(sendsNewestFirst: { toGroup: string }[], exclude: string[] = []): string[] {
  const counts = new Map<string, number>();
  for (const { toGroup } of sendsNewestFirst)
    if (toGroup && !exclude.includes(toGroup)) counts.set(toGroup, (counts.get(toGroup) ?? 0) + 1);
  // Map keeps first insertion order, which is the most recent send to each post: the sort is stable.
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, FREQUENT_MAX)
    .map(([group]) => group);
}

/** The key of the eoMovement process definition (config/workflow). */
export const MOVEMENT_PROCESS_KEY = 'eoMovement';

/** A where value as a single-quoted literal; the workflow API's grammar has no escape we rely on, so quotes go. */
const literal = (value: string): string => `'${value.replace(/'/g, '')}'`;

/**
 * The `where` of each request that finds the caller's open tasks on an item. A real ACS lists for a
 * non-administrator only the tasks they are involved in (assignee, owner, named candidate: TasksImpl's
 * involvement filter), not those offered to their groups: so one request per post of the officer names it as
 * `candidateGroup` (the unclaimed holder, pull-back and approval tasks offered to that post), and one more asks
 * for the tasks the officer has claimed (`assignee`; the API has no `-me-` alias in where). posts + 1 requests.
 */
export function itemTaskQueries(itemId: string, posts: string[], userId: string): string[] {
  const item = `processDefinitionKey=${literal(MOVEMENT_PROCESS_KEY)} AND variables/eowf_itemId=${literal(itemId)}`;
  return [...posts.map((post) => `(candidateGroup=${literal(post)} AND ${item})`), `(assignee=${literal(userId)} AND ${item})`];
}

/** Most unopened items one look-up names (a read/unread filter puts them in a query; search engines cap boolean clauses near 1024). */
export const MAX_UNREAD_IDS = 500;

/**
 * The workflow API query for the unopened movement tasks of a post group: its own holder tasks (Inbox) or
 * the tasks it sent that the recipient has not opened yet (Sent). Claiming a task is opening the item
 * (the workflow sets eowf_opened and stamps eo:movementReadAt), so eowf_opened=false is "unread".
 * The item's id comes with the process variables (eowf_itemId).
 *
 * Written for a real ACS: `candidateGroup` names the post, because without it a non-administrator lists only
 * the tasks they are involved in, and an unopened task is offered to the post, not to anyone (the holder task
 * names the sending post as a second candidate while it may pull back, so Sent finds it the same way).
 * The boolean is typed: an untyped where value is text, and the text "false" matches no boolean variable.
 */
export function unreadTasksWhere(group: string, role: 'holder' | 'sender'): string {
  const variable = role === 'holder' ? 'eowf_holderGroup' : 'eowf_senderGroup';
  const post = group.replace(/'/g, '');
  return `(candidateGroup='${post}' AND processDefinitionKey='eoMovement' AND variables/${variable}='${post}' AND variables/eowf_opened='d:boolean false' AND includeProcessVariables=true)`;
}

/** The task variables (scope local) that complete a holder task with this request. */
export function completionVariables(request: MarkingRequest): { name: string; value: string; scope: 'local' }[] {
  const vars: [string, string | undefined][] = [
    ['eowf_action', request.action],
    ['eowf_to', request.to],
    ['eowf_copyTo', request.copyTo?.length ? request.copyTo.join(',') : undefined],
    ['eowf_remarks', request.remarks?.trim() || undefined],
    ['eowf_dueDate', request.dueDate],
    ['eowf_urgency', request.urgency],
    ['eowf_file', request.file]
  ];
  return vars.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => ({ name, value: value!, scope: 'local' }));
}

/**
 * Turns a failed workflow call into what the officer should read. The workflow's listener scripts refuse
 * with 500 and put their reason at the end of error.briefSummary ("… Error: <reason>"); the other
 * statuses have fixed meanings in the task API.
 */
export function refusalOf(error: unknown): MovementRefusal {
  if (error instanceof MovementRefusal) return error;
  const status = typeof error === 'object' && error !== null ? Number((error as { status?: unknown }).status) : NaN;
  const summary = briefSummaryOf(error);
  if (status === 500 && summary) {
    const at = summary.lastIndexOf('Error: ');
    // Rhino ends a script error with the script line it came from, " (AlfrescoJS#212)": not for the officer.
    const reason = (at >= 0 ? summary.slice(at + 'Error: '.length) : summary).replace(/\s*\(AlfrescoJS#\d+\)\s*$/, '').trim();
    // The department's rule on signed notes (complete.js requireSignedNotes) is put in the officer's language.
    if (/^Unsigned notes: /.test(reason)) return new MovementRefusal(reason, 'EOFFICE.MOVEMENT.REFUSED.UNSIGNED_NOTES', status);
    if (/^Letters issued without a signed approval: /.test(reason))
      return new MovementRefusal(reason, 'EOFFICE.MOVEMENT.REFUSED.UNSIGNED_APPROVALS', status);
    // The Central Registry's dispatch (register.js regDispatch): the same rule at the moment a letter goes out.
    if (/^Letter .+ cannot be dispatched: its approval is not digitally signed/.test(reason))
      return new MovementRefusal(reason, 'EOFFICE.DISPATCH.UNSIGNED_APPROVAL', status);
    if (/^Letter .+ is not pending dispatch$/.test(reason)) return new MovementRefusal(reason, 'EOFFICE.DISPATCH.NOT_PENDING', status);
    return new MovementRefusal(reason, undefined, status);
  }
  const key =
    status === 403
      ? 'EOFFICE.MOVEMENT.REFUSED.NOT_ALLOWED'
      : status === 409
        ? 'EOFFICE.MOVEMENT.REFUSED.TAKEN'
        : status === 405
          ? 'EOFFICE.MOVEMENT.REFUSED.DONE'
          : status === 404
            ? 'EOFFICE.MOVEMENT.REFUSED.NO_TASK'
            : 'EOFFICE.MOVEMENT.REFUSED.FAILED';
  return new MovementRefusal(summary || key, key, Number.isNaN(status) ? undefined : status);
}

/** What a dialog shows for a failed action: the repository's reason, or the translation of a fixed refusal. */
export function refusalText(error: unknown, translate: (key: string) => string): string {
  const refusal = refusalOf(error);
  return refusal.key ? translate(refusal.key) : refusal.message;
}

function briefSummaryOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { message?: unknown; response?: { body?: unknown } };
  const fromBody = (body: unknown): string => {
    const parsed = typeof body === 'string' ? safeJson(body) : body;
    const summary = (parsed as { error?: { briefSummary?: unknown } } | null)?.error?.briefSummary;
    return typeof summary === 'string' ? summary : '';
  };
  return fromBody(e.response?.body) || fromBody(e.message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
