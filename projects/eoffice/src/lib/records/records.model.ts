/**
 * The records manager's view of Alfresco Governance Services (issue 17): record categories with their
 * retention schedules, steps due for disposition, legal holds and the destruction register. The shapes are
 * what the GS REST API answers (gs-core-api.yaml), reduced to what the screens show. The step names, periods
 * and events, and AGS's rules a new step must meet (docs/governance-services.md), are @eoffice/domain's, the
 * installer's too; the screens check them only to warn before sending: the repository decides, and its
 * refusal is shown as it words it.
 */
import {
  COUNTED_RETENTION_PERIODS,
  RETENTION_PERIODS,
  retentionStepRules,
  type RetentionEvent,
  type RetentionStepName,
  type RetentionStepRule,
  type StoredRetentionStep
} from '@eoffice/domain';

/**
 * The periods the screens offer: those with words in the screens' strings (AGS knows more: month-end,
 * financial year-end …; a step using them is shown as read).
 */
export const PERIODS = RETENTION_PERIODS.filter((p) => p === 'immediately' || p === 'none' || COUNTED_RETENTION_PERIODS.includes(p));

/** The events a step may wait for that an Indian department's records use, offered in this order. */
export const OFFERED_EVENTS: readonly RetentionEvent[] = [
  'case_closed',
  'case_complete',
  'superseded',
  'obsolete',
  'no_longer_needed',
  'separation'
];

/** A step as the GS API answers it, with the id and place AGS gives it. */
export interface RetentionStep extends StoredRetentionStep {
  id: string;
  name: string;
  index: number;
  events: string[];
}

export interface RetentionSchedule {
  id: string;
  authority?: string;
  instructions?: string;
  isRecordLevel: boolean;
  steps: RetentionStep[];
}

export interface RecordCategory {
  id: string;
  name: string;
  /**
   * The schedule that governs the category: its own, or the nearest parent category's (AGS's
   * getDispositionSchedule answers the inherited one too); null when none governs it.
   */
  schedule: RetentionSchedule | null;
  /** The parent category, when this is a sub-category (C-5 under C); absent at the top of the file plan. */
  parentId?: string;
  /** How deep in the file plan: 0 for a top-level category, 1 for its sub-categories … */
  depth?: number;
  /** The parent category's name when the schedule is the parent's (inherited, edited there). */
  inheritedFrom?: string;
}

/**
 * The file plan as one list in reading order: each category followed by its sub-categories (at any depth),
 * names in order at each level, with each one's depth and whether its schedule is its own or inherited
 * from the category above (the same schedule id).
 */
export function filePlanTree(categories: readonly RecordCategory[]): RecordCategory[] {
  const byParent = new Map<string | undefined, RecordCategory[]>();
  const ids = new Set(categories.map((c) => c.id));
  for (const c of categories) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const out: RecordCategory[] = [];
  const walk = (parent: RecordCategory | undefined, depth: number) => {
    const children = [...(byParent.get(parent?.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const child of children) {
      const inherited = !!parent?.schedule && !!child.schedule && parent.schedule.id === child.schedule.id;
      const row: RecordCategory = { ...child, depth, ...(inherited ? { inheritedFrom: parent.inheritedFrom ?? parent.name } : {}) };
      out.push(row);
      walk(row, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

/** A category's own schedule to create (POST /record-categories/{id}/retention-schedules). */
export interface ScheduleDraft {
  authority: string;
  instructions: string;
  isRecordLevel: boolean;
}

/** A step to add, as the form gathers it. */
export interface StepDraft {
  name: RetentionStepName | '';
  period: string;
  periodAmount: number | null;
  periodProperty: string;
  events: string[];
  location: string;
  description: string;
}

/** A sentence about a step: the translation key and its parameters, so that it reads in English and Hindi. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

const stepKind = (name: string): string => (name === 'destroyContent' || name === 'destroyNode' ? 'destroy' : name);

/**
 * A step in words: "Cut off when the case is closed", "Keep 5 years after cut-off", "Destroy". The parts are
 * translation keys under EOFFICE.RECORDS.STEP; `words` turns each into text (the caller's translate).
 */
export function stepInWords(
  step: Pick<RetentionStep, 'name' | 'period' | 'periodProperty' | 'events' | 'location'> & { periodAmount?: number | null },
  words: (key: string, params?: Record<string, string | number>) => string
): string {
  const kind = stepKind(step.name);
  const verb = words(`EOFFICE.RECORDS.STEP.${kind.toUpperCase()}`, { location: step.location ?? '' });
  const parts = [verb];
  const events = (step.events ?? []).map((e) => words(`EOFFICE.RECORDS.EVENT.${e.toUpperCase()}`));
  if (events.length) parts.push(words('EOFFICE.RECORDS.STEP.WHEN', { events: events.join(words('EOFFICE.RECORDS.STEP.OR')) }));
  const period = step.period ?? 'none';
  if (period !== 'none' && period !== 'immediately') {
    // The unit keys are the counted periods in capitals: DAY, DAYS … YEARS.
    const unit = COUNTED_RETENTION_PERIODS.includes(period) ? period.toUpperCase() : undefined;
    const amount = step.periodAmount ?? 1;
    const length = unit ? words(`EOFFICE.RECORDS.UNIT.${unit}${amount === 1 ? '' : 'S'}`, { count: amount }) : period;
    const from = words(`EOFFICE.RECORDS.FROM.${fromKey(step.periodProperty)}`);
    parts.push(words(events.length ? 'EOFFICE.RECORDS.STEP.OR_AFTER' : 'EOFFICE.RECORDS.STEP.AFTER', { length, from }));
  } else if (period === 'immediately' && !events.length && kind !== 'destroy') {
    parts.push(words('EOFFICE.RECORDS.STEP.IMMEDIATELY'));
  } else if (period === 'none' && !events.length && kind === 'retain') {
    // A retention with no period and no event never ends: CSMOP's categories A and B, kept for good.
    parts.push(words('EOFFICE.RECORDS.STEP.PERMANENTLY'));
  }
  return parts.join(' ');
}

function fromKey(property: string | undefined): string {
  switch (property) {
    case 'rma:cutOffDate':
      return 'CUT_OFF';
    case 'rma:dispositionAsOf':
      return 'LAST_STEP';
    case 'rma:dateFiled':
      return 'FILED';
    default:
      return 'CREATED';
  }
}

/**
 * The rules the screen warns about, in the order it lists them, each with its key under
 * EOFFICE.RECORDS.RULE. The others (unknown names, periods or events, a description in two languages) the
 * form cannot break or leaves to the repository.
 */
const RULE_KEYS: readonly (readonly [RetentionStepRule, string])[] = [
  ['name-missing', 'NAME_REQUIRED'],
  ['after-destroy', 'NOTHING_AFTER_DESTROY'],
  ['repeated', 'ONCE_ONLY'],
  ['first-step', 'FIRST_STEP'],
  ['cutoff-after-transfer', 'NO_CUTOFF_AFTER_TRANSFER'],
  ['amount-missing', 'AMOUNT'],
  ['cutoff-from-cutoff', 'CUTOFF_FROM_ITSELF'],
  ['filed-not-record-level', 'FILED_RECORD_LEVEL'],
  ['location-missing', 'LOCATION']
];

/**
 * What AGS would refuse about adding `draft` after `steps` (the domain's retentionStepRules), as translation
 * keys, shown before the step is sent. An empty list is no promise: the server has the last word, and its
 * refusal is shown as it comes.
 */
export function stepProblems(draft: StepDraft, steps: readonly RetentionStep[], recordLevel: boolean): string[] {
  const broken = retentionStepRules(draft, steps, recordLevel);
  return RULE_KEYS.filter(([rule]) => broken.includes(rule)).map(([, key]) => `EOFFICE.RECORDS.RULE.${key}`);
}

/** The body AGS takes for a new step (POST /retention-schedules/{id}/retention-steps). */
export function stepBody(draft: StepDraft): Record<string, unknown> {
  return {
    name: draft.name,
    description: draft.description.trim() || draft.name,
    period: draft.period,
    ...(COUNTED_RETENTION_PERIODS.includes(draft.period) && draft.periodAmount !== null ? { periodAmount: draft.periodAmount } : {}),
    periodProperty: draft.periodProperty,
    events: draft.events,
    ...(stepKind(draft.name) === 'transfer' ? { location: draft.location.trim() } : {})
  };
}

/** What the file plan screen may change of a step already there: its period and its description. */
export interface StepChange {
  period: string;
  periodAmount: number | null;
  description: string;
}

/** A step's change is sendable: a counted period needs a whole number of at least one. */
export function stepChangeProblems(change: StepChange): string[] {
  const counted = COUNTED_RETENTION_PERIODS.includes(change.period);
  return counted && (change.periodAmount === null || !Number.isInteger(change.periodAmount) || change.periodAmount < 1)
    ? ['EOFFICE.RECORDS.FILE_PLAN.EDIT_AMOUNT_NEEDED']
    : [];
}

/** A GS step as the API answers it. */
export function toStep(entry: Record<string, unknown>): RetentionStep {
  return {
    id: String(entry['id'] ?? ''),
    name: String(entry['name'] ?? ''),
    index: Number(entry['index'] ?? 0),
    description: entry['description'] as string | undefined,
    period: entry['period'] as string | undefined,
    periodAmount: entry['periodAmount'] as number | undefined,
    periodProperty: entry['periodProperty'] as string | undefined,
    events: (entry['events'] as string[] | undefined) ?? [],
    location: entry['location'] as string | undefined
  };
}

/** An item whose next retention step is due (an rma:dispositionAction found by search). */
export interface DueItem {
  /** The record folder or record the step belongs to. */
  itemId: string;
  itemName: string;
  /** rma:recordFolder or the record's type, from the action's path (absent when the path does not say). */
  itemType?: string;
  /** Where the item is: its category (and folder, for a record). */
  location: string;
  step: string;
  /** When the step falls due by its period; absent when it waits for events only. */
  asOf: string | null;
  eventsEligible: boolean;
  /**
   * A transfer or accession already executed and waiting for the archives to take the item: AGS keeps the
   * step open (started, not completed) until the transfer is completed (transferComplete).
   */
  inTransfer?: boolean;
  /**
   * On a legal hold (the item carries rma:frozen): AGS refuses every step until it is released, so the
   * screen shows the step blocked rather than offering it.
   */
  held?: boolean;
}

/** The ExecutionQueue action that completes an item's open transfer or accession (TransferCompleteAction). */
export function completionAction(step: string): 'transferComplete' | 'accessionComplete' {
  return step === 'accession' ? 'accessionComplete' : 'transferComplete';
}

/** A search entry, the parts read here. */
export interface SearchNode {
  id: string;
  name: string;
  parentId?: string;
  modifiedAt?: Date | string;
  properties?: Record<string, unknown>;
  path?: { name?: string; elements?: { id?: string; name?: string; nodeType?: string }[] };
}

/** The file plan's path inside the RM site (`/Company Home/Sites/rm/documentLibrary/...`): the part after it. */
export function filePlanPath(pathName: string | undefined): string {
  const at = pathName?.indexOf('/documentLibrary') ?? -1;
  return at < 0 ? (pathName ?? '') : pathName!.slice(at + '/documentLibrary'.length).replace(/^\//, '');
}

/**
 * The next step of an item, when it is due: not yet done, and its date passed (by `today`'s end) or its
 * events complete. A step waiting on its events is due once they are (AGS's isNextDispositionActionEligible).
 */
export function dueItem(action: SearchNode, today: Date): DueItem | null {
  const p = action.properties ?? {};
  if (p['rma:dispositionActionCompletedAt']) return null;
  const asOf = typeof p['rma:dispositionAsOf'] === 'string' ? (p['rma:dispositionAsOf'] as string) : null;
  const eventsEligible = p['rma:dispositionEventsEligible'] === true;
  const byDate = asOf !== null && new Date(asOf).getTime() <= today.getTime();
  if (!byDate && !eventsEligible) return null;
  const elements = action.path?.elements ?? [];
  const item = elements.at(-1);
  const where = filePlanPath(action.path?.name);
  return {
    itemId: item?.id ?? action.parentId ?? '',
    itemName: item?.name ?? '',
    ...(item?.nodeType ? { itemType: item.nodeType } : {}),
    location: where.split('/').slice(0, -1).join(' / '),
    step: String(p['rma:dispositionAction'] ?? ''),
    asOf,
    eventsEligible,
    ...(p['rma:dispositionActionStartedAt'] ? { inTransfer: true } : {})
  };
}

/** A destroyed record (rma:ghosted): its metadata, kept for the register. */
export interface DestroyedRecord {
  id: string;
  identifier: string;
  name: string;
  /** Category / folder it was filed in. */
  location: string;
  /** When it was destroyed, as far as the repository tells: its last change, which destruction was. */
  destroyedAt: string | null;
}

export function toDestroyedRecord(node: SearchNode): DestroyedRecord {
  const modified = node.modifiedAt instanceof Date ? node.modifiedAt.toISOString() : (node.modifiedAt ?? null);
  return {
    id: node.id,
    identifier: String(node.properties?.['rma:identifier'] ?? ''),
    name: node.name,
    location: filePlanPath(node.path?.name).split('/').join(' / '),
    destroyedAt: modified
  };
}

/** A record or record folder transferred or accessioned to the archives (rma:transferred, rma:ascended). */
export interface TransferredRecord {
  id: string;
  identifier: string;
  name: string;
  /** Category / folder it was filed in. */
  location: string;
  /** Where it went: the transfer step's location (rma:location). */
  archive: string;
  /** transfer, or accession to the archives. */
  kind: 'transfer' | 'accession';
  /** When it was handed over, as far as the repository tells: its last change, which the completion was. */
  transferredAt: string | null;
}

export function toTransferredRecord(node: SearchNode & { aspectNames?: string[] }): TransferredRecord {
  const modified = node.modifiedAt instanceof Date ? node.modifiedAt.toISOString() : (node.modifiedAt ?? null);
  return {
    id: node.id,
    identifier: String(node.properties?.['rma:identifier'] ?? ''),
    name: node.name,
    location: filePlanPath(node.path?.name).split('/').join(' / '),
    archive: String(node.properties?.['rma:location'] ?? ''),
    kind: node.aspectNames?.includes('rma:ascended') ? 'accession' : 'transfer',
    transferredAt: modified
  };
}

export interface LegalHold {
  id: string;
  name: string;
  reason: string;
  description?: string;
}

export interface HeldItem {
  id: string;
  name: string;
  nodeType: string;
}

/**
 * What the repository said when it refused: GS REST errors carry `error.briefSummary` (with AGS's log number
 * in front), the ExecutionQueue web script a `message`. Null when it said nothing readable.
 */
export function serverMessage(error: unknown): string | null {
  const raw = (error as { message?: unknown; response?: { body?: unknown } } | null)?.message;
  let body: unknown = (error as { response?: { body?: unknown } } | null)?.response?.body;
  if (!body && typeof raw === 'string') {
    try {
      body = JSON.parse(raw);
    } catch {
      return raw.trim() || null;
    }
  }
  const b = body as { error?: { briefSummary?: string }; message?: string } | undefined;
  const text = b?.error?.briefSummary ?? b?.message;
  return typeof text === 'string' && text.trim() ? text.replace(/^\d{8} /, '').trim() : null;
}

/** A GS entity as the listings answer it with include=aspectNames,properties (and isClosed / isCompleted). */
export interface GsEntity {
  id: string;
  name: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
  isClosed?: boolean;
  isCompleted?: boolean;
}

/** A record folder of a category: one closed e-file's records (named by its file number, titled with it). */
export interface RecordFolderRow {
  id: string;
  name: string;
  /** The file number, when the folder was made by closing an e-file (its cm:title); else its name. */
  title: string;
  identifier: string;
  closed: boolean;
  cutOff: boolean;
  /** On a legal hold (rma:frozen): no retention step, no change, no deletion until released. */
  held: boolean;
}

export function toRecordFolder(e: GsEntity): RecordFolderRow {
  const p = e.properties ?? {};
  const aspects = e.aspectNames ?? [];
  return {
    id: e.id,
    name: e.name,
    title: typeof p['cm:title'] === 'string' && p['cm:title'] ? (p['cm:title'] as string) : e.name,
    identifier: String(p['rma:identifier'] ?? ''),
    closed: e.isClosed ?? p['rma:isClosed'] === true,
    cutOff: aspects.includes('rma:cutOff'),
    held: aspects.includes('rma:frozen')
  };
}

/** A record in a record folder. */
export interface RecordRow {
  id: string;
  name: string;
  identifier: string;
  /** Declared complete (rma:declaredRecord): nobody may change it any more. */
  completed: boolean;
  held: boolean;
  /** Destroyed: the content is gone, the metadata kept (rma:ghosted). */
  destroyed: boolean;
}

export function toRecordRow(e: GsEntity): RecordRow {
  const aspects = e.aspectNames ?? [];
  return {
    id: e.id,
    name: e.name,
    identifier: String(e.properties?.['rma:identifier'] ?? ''),
    completed: e.isCompleted ?? aspects.includes('rma:declaredRecord'),
    held: aspects.includes('rma:frozen'),
    destroyed: aspects.includes('rma:ghosted')
  };
}
