// Records and retention (CSMOP, issue 17): the department's record categories and the retention schedule of
// each, as Alfresco Governance Services (AGS) keeps them. Configuration, not code:
// config/retention/<name>.retention.json, which `eoffice install` builds into the file plan of the RM site
// through the GS REST API (gs/versions/1). The checks below are AGS's own rules for a schedule's steps
// (RetentionScheduleActionRelation of AGS: the same order, the same words), so a config that AGS would
// refuse half-way through an install is refused before anything is written.
import type { Label } from './vocabulary';

/** Step names as POST /retention-schedules/{id}/retention-steps takes them. */
export const RETENTION_STEP_NAMES = ['cutoff', 'retain', 'transfer', 'accession', 'destroyContent', 'destroyNode'] as const;
export type RetentionStepName = (typeof RETENTION_STEP_NAMES)[number];

/**
 * Periods a configured step may use. AGS also knows `duration`, whose amount is an ISO expression, not
 * the integer `periodAmount` the REST API carries: it is left out here.
 */
export const RETENTION_PERIODS = [
  'immediately',
  'none',
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'monthend',
  'quarterend',
  'yearend',
  'fmend',
  'fqend',
  'fyend'
] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

/** Periods AGS keeps an amount for ("year|5"); for the others it drops the amount ("yearend|"). */
export const COUNTED_RETENTION_PERIODS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The events AGS bootstraps (rm event definitions); a step may wait for any of them. */
export const RETENTION_EVENTS = [
  'case_closed',
  'abolished',
  're_designated',
  'no_longer_needed',
  'superseded',
  'versioned',
  'study_complete',
  'training_complete',
  'related_record_trasfered_inactive_storage',
  'obsolete',
  'all_allowances_granted_are_terminated',
  'WGI_action_complete',
  'separation',
  'case_complete',
  'declassification_review'
] as const;
export type RetentionEvent = (typeof RETENTION_EVENTS)[number];

/**
 * The dates a step's period may count from (AGS's rm-disposition-properties-context.xml): the cut-off date
 * not for the cut-off step itself, the filing date only in a record-level schedule.
 */
export const PERIOD_PROPERTIES = ['cm:created', 'rma:cutOffDate', 'rma:dispositionAsOf', 'rma:dateFiled'] as const;

export interface RetentionStep {
  name: RetentionStepName;
  /** Shown to the records manager; sent to AGS as one string, "English / हिन्दी". */
  description: Label;
  period: RetentionPeriod;
  /** For counted periods (day … year) only. */
  periodAmount?: number;
  periodProperty: (typeof PERIOD_PROPERTIES)[number];
  events: string[];
  /** transfer only: where the records go. */
  location?: string;
  /** accession only: due when both the period has passed and the events happened. */
  combineRetentionStepConditions?: boolean;
}

export interface RetentionSchedule {
  /** The authority the schedule rests on, e.g. the CSMOP chapter. */
  authority: string;
  instructions: Label;
  /** false: the record folder (an e-file) is cut off, kept and disposed of as one. */
  isRecordLevel: boolean;
  steps: RetentionStep[];
}

export interface RetentionCategory {
  /** A root category's code is a value of eo:recordCategory (A, B, C); a sub-category's is `<root>-<n>`. */
  code: string;
  name: Label;
  schedule: RetentionSchedule;
  /** Sub-categories a department adds, such as C-5 (kept five years); each with its own schedule. */
  subCategories: RetentionCategory[];
}

export interface RetentionConfig {
  version: 1;
  categories: RetentionCategory[];
}

/** One string from a bilingual label, as AGS keeps descriptions and titles. */
export const bilingualText = (l: Label): string => `${l.en} / ${l.hi}`;

/** Every category, roots first in config order, each followed by its sub-categories. */
export function allRetentionCategories(config: RetentionConfig): { category: RetentionCategory; parent?: RetentionCategory }[] {
  return config.categories.flatMap((c) => [{ category: c }, ...c.subCategories.map((s) => ({ category: s, parent: c }))]);
}

/**
 * The category a closed file is recorded in: the sub-category `<category>-<years>` when the department
 * has one for the file's retention years, else the root category of its eo:recordCategory.
 */
export function retentionCategoryFor(
  config: RetentionConfig,
  recordCategory: string,
  retentionYears?: number
): RetentionCategory | undefined {
  const root = config.categories.find((c) => c.code === recordCategory);
  if (!root) return undefined;
  return (retentionYears !== undefined && root.subCategories.find((s) => s.code === `${root.code}-${retentionYears}`)) || root;
}

/**
 * The rules a step can break, by code, so that each reader words them its own way: the installer in AGS's
 * words (stepProblems), the records manager's screen in English and Hindi.
 */
export type RetentionStepRule =
  | 'name-missing'
  | 'after-destroy'
  | 'repeated'
  | 'first-step'
  | 'cutoff-after-transfer'
  | 'name-unknown'
  | 'period-unknown'
  | 'property-unknown'
  | 'cutoff-from-cutoff'
  | 'filed-not-record-level'
  | 'events-unknown'
  | 'combine-not-accession'
  | 'location-not-transfer'
  | 'location-missing'
  | 'amount-missing'
  | 'amount-not-kept'
  | 'description-missing';

/** The rules on where a step stands in the schedule: AGS stops at the first of them it finds broken. */
const ORDER_RULES: readonly RetentionStepRule[] = [
  'name-missing',
  'after-destroy',
  'repeated',
  'first-step',
  'cutoff-after-transfer',
  'name-unknown'
];

/** A step as a config file or a form gives it, before it is known to be valid: any field may be off. */
export type RetentionStepCandidate = { readonly [K in keyof RetentionStep]?: unknown };

/**
 * Every rule `step` breaks when added after `before`, in AGS's order (RetentionScheduleActionRelation, then
 * the field checks), then our own config rules. Without a name nothing else can be judged; after Destroy a
 * repeated step is refused for following Destroy, not for repeating.
 */
export function retentionStepRules(
  step: RetentionStepCandidate,
  before: readonly { readonly name?: unknown }[],
  isRecordLevel: boolean
): RetentionStepRule[] {
  const name = typeof step.name === 'string' ? step.name : '';
  if (!name) return ['name-missing'];
  const rules: RetentionStepRule[] = [];
  // AGS stores destroyContent and destroyNode alike as "destroy".
  const stored = before.map((s) => String(s?.name ?? '')).map((n) => (n.startsWith('destroy') ? 'destroy' : n));
  if (stored.includes('destroy')) rules.push('after-destroy');
  else if (stored.includes(name) && name !== 'transfer') rules.push('repeated');
  if (!before.length && name !== 'cutoff' && name !== 'retain') rules.push('first-step');
  if (name === 'cutoff' && (stored.includes('transfer') || stored.includes('accession'))) rules.push('cutoff-after-transfer');
  if (!(RETENTION_STEP_NAMES as readonly string[]).includes(name)) rules.push('name-unknown');
  const period = step.period;
  if (!(RETENTION_PERIODS as readonly unknown[]).includes(period ?? '')) rules.push('period-unknown');
  const property = step.periodProperty;
  if (!(PERIOD_PROPERTIES as readonly unknown[]).includes(property ?? '')) rules.push('property-unknown');
  else if (property === 'rma:cutOffDate' && name === 'cutoff') rules.push('cutoff-from-cutoff');
  else if (property === 'rma:dateFiled' && !isRecordLevel) rules.push('filed-not-record-level');
  const events = step.events;
  if (!Array.isArray(events) || events.some((e) => !(RETENTION_EVENTS as readonly unknown[]).includes(e))) rules.push('events-unknown');
  if (step.combineRetentionStepConditions !== undefined && name !== 'accession') rules.push('combine-not-accession');
  if (step.location !== undefined && name !== 'transfer') rules.push('location-not-transfer');
  if (name === 'transfer' && !(typeof step.location === 'string' && step.location.trim())) rules.push('location-missing');
  // AGS keeps an amount only for counted periods and drops it silently otherwise: a config with an amount
  // there would read back different from itself and never pass `doctor`.
  if (typeof period === 'string' && COUNTED_RETENTION_PERIODS.includes(period)) {
    if (!Number.isInteger(step.periodAmount) || (step.periodAmount as number) < 1) rules.push('amount-missing');
  } else if (step.periodAmount !== undefined) rules.push('amount-not-kept');
  const description = step.description as Partial<Label> | undefined;
  if (!description?.en?.trim() || !description?.hi?.trim()) rules.push('description-missing');
  return rules;
}

/** A rule in AGS's words (and ours for the config's own rules). */
function ruleText(rule: RetentionStepRule, step: RetentionStepCandidate): string {
  switch (rule) {
    case 'name-missing':
      return "'name' is mandatory";
    case 'after-destroy':
      return 'destroy action is already added. No other action is allowed after Destroy';
    case 'repeated':
      return 'this step already exists. Only transfer action is allowed multiple times';
    case 'first-step':
      return 'cutoff or retain should be the first step';
    case 'cutoff-after-transfer':
      return "can't use cutoff after transfer or accession";
    case 'name-unknown':
      return `name value is invalid: ${String(step.name)}`;
    case 'period-unknown':
      return `period must be one of ${RETENTION_PERIODS.join(', ')}`;
    case 'property-unknown':
      return `periodProperty must be one of ${PERIOD_PROPERTIES.join(', ')}`;
    case 'cutoff-from-cutoff':
      return 'periodProperty rma:cutOffDate is not valid for the cutoff step';
    case 'filed-not-record-level':
      return 'periodProperty rma:dateFiled is valid only in a record-level schedule';
    case 'events-unknown':
      return `events must list events AGS knows (${RETENTION_EVENTS.slice(0, 3).join(', ')} …)`;
    case 'combine-not-accession':
      return 'combineRetentionStepConditions is only valid for the accession step';
    case 'location-not-transfer':
      return 'location is only valid for the transfer step';
    case 'location-missing':
      return 'a transfer step needs its location';
    case 'amount-missing':
      return `period ${String(step.period)} needs periodAmount, a whole number of at least 1`;
    case 'amount-not-kept':
      return `periodAmount is kept only with ${COUNTED_RETENTION_PERIODS.join(', ')}`;
    case 'description-missing':
      return 'description needs en and hi';
  }
}

/**
 * AGS's checks of one step against the steps before it, in AGS's order and with its words. The first
 * answer is what AGS would answer (409, 422 or 400); config problems of our own follow.
 */
export function stepProblems(
  step: RetentionStepCandidate,
  before: readonly { readonly name?: unknown }[],
  isRecordLevel: boolean
): string[] {
  const rules = retentionStepRules(step, before, isRecordLevel);
  // AGS answers the first rule of order it finds broken, alone, and looks at the fields only after.
  const refused = rules.find((r) => ORDER_RULES.includes(r));
  return (refused ? [refused] : rules).map((r) => ruleText(r, step));
}

/** Checks a whole schedule: each step against those before it, and that every step can fall due. */
function scheduleProblems(s: Partial<RetentionSchedule> | undefined): string[] {
  if (!s || typeof s !== 'object') return ['schedule is missing'];
  const problems: string[] = [];
  if (typeof s.authority !== 'string' || !s.authority.trim()) problems.push('schedule.authority is missing');
  if (!s.instructions?.en?.trim() || !s.instructions?.hi?.trim()) problems.push('schedule.instructions needs en and hi');
  if (typeof s.isRecordLevel !== 'boolean') problems.push('schedule.isRecordLevel must be true or false');
  const steps = Array.isArray(s.steps) ? s.steps : [];
  if (!steps.length) problems.push('schedule.steps must list at least one step');
  steps.forEach((step, i) => {
    const at = `schedule.steps[${i}] (${String(step?.name ?? '?')})`;
    problems.push(...stepProblems(step ?? {}, steps.slice(0, i), s.isRecordLevel === true).map((p) => `${at}: ${p}`));
    // Our rule, not AGS's: a step with no date and no event never falls due, so a step after it is never reached.
    if (i < steps.length - 1 && step?.period === 'none' && !(Array.isArray(step.events) && step.events.length))
      problems.push(`${at}: falls due neither by date (period none) nor by an event, so the steps after it are never reached`);
  });
  return problems;
}

const ROOT_CODE = /^[A-Z][A-Z0-9]{0,7}$/;
const SUB_CODE = /^[A-Z][A-Z0-9]{0,7}-[A-Z0-9]{1,8}$/;

/** Reads and checks a retention config; throws one message naming every problem and where it is. */
export function parseRetentionConfig(json: unknown): RetentionConfig {
  const root = json as Partial<RetentionConfig> | null;
  if (!root || typeof root !== 'object') throw new Error('Retention config: not a JSON object');
  const problems: string[] = [];
  if (root.version !== 1) problems.push('version must be 1');
  const categories = Array.isArray(root.categories) ? root.categories : [];
  if (!categories.length) problems.push('categories must list at least one category');
  const seen = new Set<string>();
  const check = (c: Partial<RetentionCategory> | undefined, at: string, parent?: Partial<RetentionCategory>) => {
    const code = typeof c?.code === 'string' ? c.code : '';
    const where = `${at} (${code || '?'})`;
    if (parent) {
      if (!SUB_CODE.test(code) || !code.startsWith(`${parent.code}-`))
        problems.push(`${where}: a sub-category's code is ${parent.code}-<n>`);
    } else if (!ROOT_CODE.test(code)) problems.push(`${where}: code must be a record category such as A, B or C`);
    if (seen.has(code)) problems.push(`${where}: code repeated`);
    seen.add(code);
    if (!c?.name?.en?.trim() || !c?.name?.hi?.trim()) problems.push(`${where}: name needs en and hi`);
    problems.push(...scheduleProblems(c?.schedule).map((p) => `${where}.${p}`));
    // C-5 says "five years": its schedule must keep the records five years, or the code misleads.
    const years = parent && /^\d+$/.test(code.slice(code.indexOf('-') + 1)) ? Number(code.slice(code.indexOf('-') + 1)) : undefined;
    if (years !== undefined && Array.isArray(c?.schedule?.steps)) {
      const retain = c.schedule.steps.find((s) => s?.name === 'retain');
      if (retain?.period !== 'year' || retain.periodAmount !== years)
        problems.push(`${where}: its retain step must keep the records ${years} year(s) (period year, periodAmount ${years})`);
    }
    if (parent && c?.subCategories !== undefined && (!Array.isArray(c.subCategories) || c.subCategories.length))
      problems.push(`${where}: sub-categories go one level deep`);
  };
  categories.forEach((c, i) => {
    check(c, `categories[${i}]`);
    if (c?.subCategories !== undefined && !Array.isArray(c.subCategories)) problems.push(`categories[${i}].subCategories must be a list`);
    (Array.isArray(c?.subCategories) ? c.subCategories : []).forEach((s, j) => check(s, `categories[${i}].subCategories[${j}]`, c));
  });
  if (problems.length) throw new Error(`Retention config: ${problems.join('; ')}`);
  const normalise = (c: RetentionCategory, sub: boolean): RetentionCategory => ({
    code: c.code,
    name: { en: c.name.en, hi: c.name.hi },
    schedule: {
      authority: c.schedule.authority,
      instructions: { en: c.schedule.instructions.en, hi: c.schedule.instructions.hi },
      isRecordLevel: c.schedule.isRecordLevel,
      steps: c.schedule.steps.map((s) => ({
        name: s.name,
        description: { en: s.description.en, hi: s.description.hi },
        period: s.period,
        ...(s.periodAmount !== undefined && { periodAmount: s.periodAmount }),
        periodProperty: s.periodProperty,
        events: [...s.events],
        ...(s.location !== undefined && { location: s.location }),
        ...(s.combineRetentionStepConditions !== undefined && { combineRetentionStepConditions: s.combineRetentionStepConditions })
      }))
    },
    subCategories: sub ? [] : (c.subCategories ?? []).map((s) => normalise(s, true))
  });
  return { version: 1, categories: categories.map((c) => normalise(c as RetentionCategory, false)) };
}

/** The body of POST /retention-schedules/{id}/retention-steps for a configured step. */
export function retentionStepRequest(step: RetentionStep): Record<string, unknown> {
  return {
    name: step.name,
    description: bilingualText(step.description),
    period: step.period,
    ...(step.periodAmount !== undefined && { periodAmount: step.periodAmount }),
    periodProperty: step.periodProperty,
    events: step.events,
    ...(step.location !== undefined && { location: step.location }),
    ...(step.combineRetentionStepConditions !== undefined && { combineRetentionStepConditions: step.combineRetentionStepConditions })
  };
}

/** A step as GET …/retention-steps answers it (the fields compared; AGS adds id, index and more). */
export interface StoredRetentionStep {
  name?: string;
  description?: string;
  period?: string;
  periodAmount?: number;
  periodProperty?: string;
  events?: string[];
  location?: string;
  combineRetentionStepConditions?: boolean;
  retainRecordMetadataAfterDestruction?: boolean;
}

/**
 * How a configured step differs from the one the repository holds, field by field ("" when alike). AGS
 * answers destroyContent as `destroy` keeping the metadata, destroyNode as `destroy` without; an empty
 * event list is left out of its answer. eligibleOnFirstCompleteEvent is not compared: AGS reads it back
 * true whatever REST sent (docs/governance-services.md).
 */
export function retentionStepDifference(wanted: RetentionStep, held: StoredRetentionStep): string {
  const expected: Record<string, unknown> = {
    name: wanted.name.startsWith('destroy') ? 'destroy' : wanted.name,
    description: bilingualText(wanted.description),
    period: wanted.period,
    periodAmount: COUNTED_RETENTION_PERIODS.includes(wanted.period) ? wanted.periodAmount : undefined,
    periodProperty: wanted.periodProperty,
    events: [...wanted.events].sort().join(','),
    location: wanted.location,
    combineRetentionStepConditions: wanted.name === 'accession' ? wanted.combineRetentionStepConditions === true : undefined
  };
  const actual: Record<string, unknown> = {
    ...held,
    events: [...(held.events ?? [])].sort().join(','),
    combineRetentionStepConditions: held.name === 'accession' ? held.combineRetentionStepConditions === true : undefined
  };
  const differing = Object.keys(expected).filter((k) => String(expected[k] ?? '') !== String(actual[k] ?? ''));
  if (
    wanted.name.startsWith('destroy') &&
    held.name === 'destroy' &&
    held.retainRecordMetadataAfterDestruction !== (wanted.name === 'destroyContent')
  )
    differing.push('retainRecordMetadataAfterDestruction');
  return differing.map((k) => `${k} ${JSON.stringify(actual[k] ?? null)} instead of ${JSON.stringify(expected[k] ?? null)}`).join(', ');
}

/** A step in a few words, for reports: "retain year|5 from rma:cutOffDate". */
export function describeRetentionStep(s: RetentionStep | StoredRetentionStep): string {
  const period = s.period ? `${s.period}${s.periodAmount !== undefined ? `|${s.periodAmount}` : ''}` : '';
  const events = s.events?.length ? ` on ${s.events.join('/')}` : '';
  return `${s.name} ${period}${s.periodProperty ? ` from ${s.periodProperty}` : ''}${events}`.replace(/\s+/g, ' ').trim();
}

/**
 * What CSMOP keeps each root category for, as config/retention's schedules say it (installer's
 * retention.test.ts checks the two agree): cut off when the case closes, then kept `years` from the cut-off
 * (null: permanently), then `then`. A sub-category `<code>-<n>` keeps its root's schedule with n years.
 */
export const CSMOP_KEEPING: Readonly<Record<string, { years: number | null; then: RetentionStepName | null }>> = {
  A: { years: 25, then: 'accession' },
  B: { years: null, then: null },
  C: { years: 10, then: 'destroyContent' }
};

/** What an officer reads of a closed file's records, for expectedRetentionStep. */
export interface RecordFacts {
  /** The record category the records are filed in, by name: `C-5`, or a root `A`, `B`, `C`. */
  category: string;
  /** When the case closed (the case_closed event the cut-off waits for). */
  closedAt?: string;
  /** rma:cutOffDate of the records, once the records manager has cut them off. */
  cutOffAt?: string;
  /** Destroyed, transferred or accessioned: no step follows. */
  disposed?: boolean;
}

/**
 * The next retention step of a closed file and the date it falls due, worked out from what an officer may
 * read: AGS keeps the next step (rma:dispositionAction) on the record folder, which only the file plan's
 * roles read, while the records themselves, read in place, carry rma:cutOffDate once cut off. Before the
 * cut-off the next step is the cut-off, due when the case closed; after it, the retention, due `years` after
 * the cut-off (no date for a permanent category). Undefined for a disposed file or an unknown category.
 */
export function expectedRetentionStep(facts: RecordFacts): { step: RetentionStepName; asOf: string | null } | undefined {
  if (facts.disposed) return undefined;
  const [root, sub] = facts.category.split('-');
  const keeping = CSMOP_KEEPING[root];
  if (!keeping) return undefined;
  if (!facts.cutOffAt) return { step: 'cutoff', asOf: facts.closedAt ?? null };
  const years = sub !== undefined && /^\d+$/.test(sub) ? Number(sub) : keeping.years;
  if (years === null) return { step: 'retain', asOf: null };
  const due = new Date(facts.cutOffAt);
  if (Number.isNaN(due.getTime())) return { step: 'retain', asOf: null };
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return { step: 'retain', asOf: due.toISOString() };
}
