// Every movement action in one table: what the officer's button says, what the history says afterwards,
// its icon, which items it applies to and when it is offered. The views draw their action bars from it
// (<eoffice-movement-actions>), the movements timeline its labels and icons, and a test
// (projects/installer/test/movement-actions.test.ts) holds the workflow model's LIST constraints
// (eowf:actions, eowf:decisions) and the content model's (eo:movementActions) to its codes, and the
// workflow script (config/workflow/src/complete.js) to the holder-task actions.
// Labels live only in the translations: EOFFICE.MOVEMENT.ACTIONS.<code> for the button (and the marking
// dialog's title), EOFFICE.MOVEMENT.HISTORY.<code> for the entry the workflow records.

/** The two kinds of item that move. */
export type MovementItemKind = 'file' | 'receipt';

/** The officer's open task on an item: holding it, able to pull it back, or asked to approve a request. */
export type TaskKind = 'holder' | 'pullBack' | 'approval';

/** What decides which actions an officer is offered on one item. */
export interface ActionContext {
  kind: MovementItemKind;
  /** eo:status (ITEM_STATUSES). */
  status: string;
  /** The officer's open task on the item; null when she has none. */
  task: TaskKind | null;
  /** One of the officer's posts is the item's holder (eo:currentHolder). */
  postHolds: boolean;
  /** One of the officer's posts opened the file (eo:originPost). */
  postOriginated: boolean;
  /** The item records a post Send back returns it to (eo:returnTo, known to the hierarchy). */
  returnsTo: boolean;
}

/**
 * How the workflow hears of the action: as the eowf_action completing the holder task (eowf:actions), as the
 * eowf_decision completing an approval task (eowf:decisions), by starting a movement process (reopen), or
 * not from the officer's toolbar at all (recorded by other means).
 */
export type ActionRoute = 'holderTask' | 'decision' | 'startProcess' | 'recordOnly';

export interface MovementActionSpec<C extends string = string, R extends ActionRoute = ActionRoute> {
  code: C;
  /** Translation key of the button (EOFFICE.MOVEMENT.ACTIONS.<code>). */
  buttonKey: string;
  /**
   * Translation key of the history entry (EOFFICE.MOVEMENT.HISTORY.<code>) when the workflow records the
   * action under its own code (eo:movementAction); absent when it records another (a copy is a `send`, an
   * approval the `close` or `reopen` it approves).
   */
  historyKey?: string;
  /** Translation key of the button naming whom the action goes to ({{ who }}), when the view knows. */
  namedKey?: string;
  /** Translation key of its tooltip, naming the recipient in full ({{ post }}). */
  namedHintKey?: string;
  /** Material icon name. */
  icon: string;
  kinds: MovementItemKind[];
  route: R;
  /**
   * The main step of its task, shown filled, and as a button even on a phone, where the others go into a
   * "More" menu (when no primary one is offered, the first offered stays a button).
   */
  primary: boolean;
  /** Whether the officer is offered the action (its kind is checked apart, by offeredActions). */
  offered: (c: ActionContext) => boolean;
}

/**
 * The officer's post holds the item: her holder task on it, or a new item not moved yet that her post has
 * (the movement starts with its first action).
 */
export function holdsItem(c: Pick<ActionContext, 'status' | 'task' | 'postHolds'>): boolean {
  return c.task === 'holder' || (c.status === 'created' && c.postHolds);
}

const buttonKey = (code: string) => `EOFFICE.MOVEMENT.ACTIONS.${code}`;
const historyKey = (code: string) => `EOFFICE.MOVEMENT.HISTORY.${code}`;
type Spec<R extends ActionRoute> = Omit<MovementActionSpec<string, R>, 'code' | 'buttonKey' | 'historyKey'> & { recorded: boolean };
/** An entry with its keys by convention; the code and route keep their literal types for the unions below. */
function spec<C extends string, R extends ActionRoute>(code: C, { recorded, ...rest }: Spec<R>): MovementActionSpec<C, R> {
  return { code, buttonKey: buttonKey(code), ...(recorded && { historyKey: historyKey(code) }), ...rest };
}

/** In the order the action bars show them. */
export const MOVEMENT_ACTION_TABLE = [
  spec('send', { icon: 'send', kinds: ['file', 'receipt'], route: 'holderTask', recorded: true, primary: true, offered: holdsItem }),
  spec('sendBack', {
    icon: 'reply',
    kinds: ['file'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    namedKey: 'EOFFICE.MOVEMENT.SEND_BACK_TO_WHO',
    namedHintKey: 'EOFFICE.MOVEMENT.DIALOG.SEND_BACK_TO',
    offered: (c) => holdsItem(c) && c.status === 'inMovement' && c.returnsTo
  }),
  spec('park', {
    icon: 'archive',
    kinds: ['file', 'receipt'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    offered: (c) => holdsItem(c) && c.status === 'inMovement'
  }),
  spec('unpark', {
    icon: 'unarchive',
    kinds: ['file', 'receipt'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    offered: (c) => holdsItem(c) && c.status === 'parked'
  }),
  // Copies for information are of receipts only; a file moves as one.
  spec('copy', { icon: 'file_copy', kinds: ['receipt'], route: 'holderTask', recorded: false, primary: false, offered: holdsItem }),
  // Both need the receipt's holder task, not only a new receipt at the officer's post: the views offered them so.
  spec('putInFile', {
    icon: 'create_new_folder',
    kinds: ['receipt'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    offered: (c) => c.task === 'holder'
  }),
  spec('close', {
    icon: 'lock',
    kinds: ['file', 'receipt'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    offered: (c) => (c.kind === 'receipt' ? c.task === 'holder' : holdsItem(c))
  }),
  spec('pullBack', {
    icon: 'undo',
    kinds: ['file', 'receipt'],
    route: 'holderTask',
    recorded: true,
    primary: false,
    offered: (c) => c.task === 'pullBack'
  }),
  spec('approve', {
    icon: 'check',
    kinds: ['file'],
    route: 'decision',
    recorded: false,
    primary: true,
    offered: (c) => c.task === 'approval'
  }),
  spec('refuse', {
    icon: 'close',
    kinds: ['file'],
    route: 'decision',
    recorded: false,
    primary: false,
    offered: (c) => c.task === 'approval'
  }),
  // A closed file is reopened by the post holding it or the one that opened it.
  spec('reopen', {
    icon: 'lock_open',
    kinds: ['file'],
    route: 'startProcess',
    recorded: true,
    primary: false,
    offered: (c) => c.status === 'closed' && (c.postHolds || c.postOriginated)
  }),
  // Recorded when an officer's charge passes to another, never chosen on an item.
  spec('transferOfCharge', { icon: 'swap_horiz', kinds: [], route: 'recordOnly', recorded: true, primary: false, offered: () => false })
];

/** Every movement action's code. */
export type MovementActionCode = (typeof MOVEMENT_ACTION_TABLE)[number]['code'];
/** The actions that complete the holder task (the workflow's eowf_action): what the marking dialog sends. */
export type HolderActionCode = Extract<(typeof MOVEMENT_ACTION_TABLE)[number], { route: 'holderTask' }>['code'];

/** The actions an officer is offered on an item, in the table's order. */
export function offeredActions(c: ActionContext): MovementActionSpec<MovementActionCode>[] {
  return MOVEMENT_ACTION_TABLE.filter((a) => a.kinds.includes(c.kind) && a.offered(c));
}

/** The table's entry for a code, e.g. a recorded movement's eo:movementAction; undefined when unknown. */
export function movementActionOf(code: string): MovementActionSpec<MovementActionCode> | undefined {
  return MOVEMENT_ACTION_TABLE.find((a) => a.code === code);
}

/** The codes of the actions that reach the workflow one way (the values of its LIST constraint). */
export function actionCodes(route: ActionRoute): MovementActionCode[] {
  return MOVEMENT_ACTION_TABLE.filter((a) => a.route === route).map((a) => a.code);
}

/** The codes the workflow records in an item's history (eo:movementAction). */
export function recordedActionCodes(): MovementActionCode[] {
  return MOVEMENT_ACTION_TABLE.filter((a) => a.historyKey).map((a) => a.code);
}
