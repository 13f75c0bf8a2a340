// Records and retention (config/retention/, issue 17): the RM site, a record category per configured
// category with its retention schedule and steps, built through the Governance Services REST API
// (gs/versions/1) when discovery lists AGS. The GS API creates schedules and steps but can neither change
// nor remove them: install adds what is missing and never a second copy; a schedule that differs from
// config/ is reported (doctor: OUTDATED) for the records manager to correct in the records management site.
import type { Acs } from './acs';
import { orMissing } from './acs';
import type { Check, CheckState } from './doctor';
import type { StepLog } from './log';
import {
  allRetentionCategories,
  bilingualText,
  describeRetentionStep,
  retentionStepDifference,
  retentionStepRequest,
  type RetentionCategory,
  type RetentionConfig,
  type RetentionSchedule,
  type RetentionStep,
  type StoredRetentionStep
} from '@eoffice/domain';

/** The module id discovery lists on an ACS with Governance Services (module.properties of AGS). */
export const AGS_MODULE = 'org_alfresco_module_rm';
/** AGS has one records management site, always `rm`; its documentLibrary is the file plan. */
export const RM_SITE = 'rm';
/** The file plan's Records Manager role group (AGS names role groups `GROUP_<Role><filePlanId>`). */
export const recordsManagerGroup = (filePlanId: string) => `GROUP_RecordsManager${filePlanId}`;

const RM_SITE_BODY = {
  title: 'Records Management',
  description:
    'e-Office records: record categories and retention schedules (CSMOP) / ई-ऑफ़िस अभिलेख: अभिलेख श्रेणियाँ एवं प्रतिधारण अनुसूचियाँ'
};
const WHAT_TO_DO =
  'the GS API cannot change or remove a step, so install leaves it: the records manager edits this retention schedule in the records management site to match config/retention, then runs npx eoffice doctor';

interface GsNode {
  id: string;
  name: string;
  parentId?: string;
  hasRetentionSchedule?: boolean;
  properties?: Record<string, unknown>;
}
interface GsSchedule {
  id: string;
  parentId: string;
  authority?: string;
  instructions?: string;
  isRecordLevel?: boolean;
}
interface Page<T> {
  list?: { entries?: { entry: T }[]; pagination?: { hasMoreItems?: boolean } };
}

/** The AGS module discovery lists, if any. */
export async function agsModule(acs: Acs): Promise<{ id: string; version?: string } | undefined> {
  const repo = (await acs.discovery.getRepositoryInformation()).entry.repository;
  return (repo.modules ?? []).find((m) => m.id === AGS_MODULE) as { id: string; version?: string } | undefined;
}

/** Every entry of a GS listing, all pages. */
async function all<T>(acs: Acs, path: string, query: Record<string, unknown> = {}): Promise<T[]> {
  const out: T[] = [];
  for (let skipCount = 0; ; ) {
    const page = await acs.call<Page<T>>('gs', 'GET', path, { ...query, skipCount, maxItems: 100 });
    const entries = page.list?.entries ?? [];
    out.push(...entries.map((e) => e.entry));
    if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
    skipCount += entries.length;
  }
}

/** The record categories directly below the file plan or a category. */
function categoriesUnder(acs: Acs, parent: GsNode | undefined): Promise<GsNode[]> {
  const include = 'properties,hasRetentionSchedule';
  return parent
    ? all<GsNode>(acs, `/record-categories/${parent.id}/children`, { where: "(nodeType='rma:recordCategory')", include })
    : all<GsNode>(acs, '/file-plans/-filePlan-/categories', { include });
}

/** The category's own schedule (an inherited one belongs to a category above it). */
async function ownSchedule(acs: Acs, category: GsNode): Promise<GsSchedule | undefined> {
  // AGS answers 500 to the listing of a category that no schedule governs: ask only when one does.
  if (!category.hasRetentionSchedule) return undefined;
  const schedules = await all<GsSchedule>(acs, `/record-categories/${category.id}/retention-schedules`);
  return schedules.find((s) => s.parentId === category.id);
}

const stepsOf = (acs: Acs, schedule: GsSchedule) => all<StoredRetentionStep>(acs, `/retention-schedules/${schedule.id}/retention-steps`);

/** Schedule fields that differ from config (AGS keeps instructions as one string, "English / हिन्दी"). */
function scheduleFieldDifferences(wanted: RetentionSchedule, held: GsSchedule): string[] {
  const expected = { authority: wanted.authority, instructions: bilingualText(wanted.instructions), isRecordLevel: wanted.isRecordLevel };
  return (Object.keys(expected) as (keyof typeof expected)[])
    .filter((k) => String(held[k] ?? '') !== String(expected[k]))
    .map((k) => `${k} ${JSON.stringify(held[k] ?? null)} instead of ${JSON.stringify(expected[k])}`);
}

/** How the held steps stand against config: alike, missing at the end only (install adds them), or different. */
function compareSteps(wanted: RetentionStep[], held: StoredRetentionStep[]): { differences: string[]; missing: RetentionStep[] } {
  const differences = held.slice(0, wanted.length).flatMap((h, i) => {
    const d = retentionStepDifference(wanted[i], h);
    return d ? [`step ${i + 1} (${describeRetentionStep(wanted[i])}): ${d}`] : [];
  });
  if (held.length > wanted.length)
    differences.push(
      `${held.length - wanted.length} step(s) more than config: ${held.slice(wanted.length).map(describeRetentionStep).join('; ')}`
    );
  return { differences, missing: differences.length ? [] : wanted.slice(held.length) };
}

const labelOf = (c: RetentionCategory, parent?: RetentionCategory) => (parent ? `${parent.code}/${c.code}` : c.code);

/**
 * Builds the RM site and, for each configured category, its record category, retention schedule and steps.
 * Reads first and creates only what is missing; a second run changes nothing. Without AGS: one line, nothing done.
 */
export async function ensureRetention(acs: Acs, config: RetentionConfig, log: StepLog): Promise<void> {
  if (!(await agsModule(acs))) {
    log.record('skipped', `records and retention: Governance Services (module ${AGS_MODULE}) is not installed in this ACS`);
    return;
  }
  if (await orMissing(acs.call('gs', 'GET', `/gs-sites/${RM_SITE}`))) log.record('unchanged', `RM site ${RM_SITE}`);
  else {
    await acs.call('gs', 'POST', '/gs-sites', { skipAddToFavorites: true }, RM_SITE_BODY);
    log.record('created', `RM site ${RM_SITE}`);
  }
  const nodes = new Map<string, GsNode>();
  const listings = new Map<string, GsNode[]>();
  for (const { category, parent } of allRetentionCategories(config)) {
    const label = labelOf(category, parent);
    const parentNode = parent ? nodes.get(parent.code) : undefined;
    const key = parentNode?.id ?? '-filePlan-';
    const siblings = listings.get(key) ?? listings.set(key, await categoriesUnder(acs, parentNode)).get(key)!;
    const node = await ensureCategory(acs, log, category, label, parentNode, siblings);
    nodes.set(category.code, node);
    await ensureSchedule(acs, log, category.schedule, label, node);
  }
}

async function ensureCategory(
  acs: Acs,
  log: StepLog,
  c: RetentionCategory,
  label: string,
  parent: GsNode | undefined,
  siblings: GsNode[]
): Promise<GsNode> {
  const title = bilingualText(c.name);
  const existing = siblings.find((s) => s.name === c.code);
  if (existing) {
    if (existing.properties?.['cm:title'] === title) log.record('unchanged', `record category ${label}`);
    else {
      await acs.call('gs', 'PUT', `/record-categories/${existing.id}`, {}, { properties: { 'cm:title': title } });
      log.record('updated', `record category ${label} (title)`);
    }
    return existing;
  }
  // The node is named by the code, the value files carry in eo:recordCategory; the title names it in both languages.
  const body = { name: c.code, nodeType: 'rma:recordCategory', properties: { 'cm:title': title } };
  const created = parent
    ? await acs.call<{ entry: GsNode }>('gs', 'POST', `/record-categories/${parent.id}/children`, {}, body)
    : await acs.call<{ entry: GsNode }>('gs', 'POST', '/file-plans/-filePlan-/categories', {}, body);
  log.record('created', `record category ${label}`);
  return { ...created.entry, hasRetentionSchedule: false };
}

async function ensureSchedule(acs: Acs, log: StepLog, wanted: RetentionSchedule, label: string, category: GsNode): Promise<void> {
  let schedule = await ownSchedule(acs, category);
  if (!schedule) {
    const body = { authority: wanted.authority, instructions: bilingualText(wanted.instructions), isRecordLevel: wanted.isRecordLevel };
    schedule = (await acs.call<{ entry: GsSchedule }>('gs', 'POST', `/record-categories/${category.id}/retention-schedules`, {}, body))
      .entry;
    log.record('created', `retention schedule of ${label}`);
  } else {
    const fields = scheduleFieldDifferences(wanted, schedule);
    if (fields.length)
      log.record(
        'warning',
        `retention schedule of ${label} differs from config/retention (${fields.join(', ')}): the GS API cannot change a schedule; the records manager edits it in the records management site`
      );
    else log.record('unchanged', `retention schedule of ${label}`);
  }
  const { differences, missing } = compareSteps(wanted.steps, await stepsOf(acs, schedule));
  if (differences.length)
    return log.record('warning', `retention steps of ${label} differ from config/retention (${differences.join('; ')}): ${WHAT_TO_DO}`);
  if (!missing.length) return log.record('unchanged', `retention steps of ${label}`);
  // Only steps missing at the end are added (a first install, or one cut short): never one out of its order.
  for (const step of missing)
    await acs.call('gs', 'POST', `/retention-schedules/${schedule.id}/retention-steps`, {}, retentionStepRequest(step));
  log.record('created', `retention steps of ${label}: ${missing.map(describeRetentionStep).join('; ')}`);
}

/** doctor: the AGS module, the RM site, each configured category, its schedule and its steps. */
export async function retentionChecks(acs: Acs, config: RetentionConfig): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (state: CheckState, what: string) => checks.push({ state, what });
  const ags = await agsModule(acs);
  if (!ags) {
    add('info', `Governance Services: module ${AGS_MODULE} not installed, records and retention (config/retention) not checked`);
    return checks;
  }
  add('ok', `Governance Services: module ${ags.id} ${ags.version ?? ''}`.trim());
  if (!(await orMissing(acs.call('gs', 'GET', `/gs-sites/${RM_SITE}`)))) {
    add('missing', `RM site ${RM_SITE} (the file plan of record categories)`);
    return checks;
  }
  add('ok', `RM site ${RM_SITE}`);
  const nodes = new Map<string, GsNode | undefined>();
  for (const { category, parent } of allRetentionCategories(config)) {
    const label = labelOf(category, parent);
    if (parent && !nodes.get(parent.code)) {
      nodes.set(category.code, undefined);
      add('missing', `record category ${label}`);
      continue;
    }
    const node = (await categoriesUnder(acs, parent && nodes.get(parent.code))).find((n) => n.name === category.code);
    nodes.set(category.code, node);
    if (!node) {
      add('missing', `record category ${label}`);
      continue;
    }
    const titled = node.properties?.['cm:title'] === bilingualText(category.name);
    add(titled ? 'ok' : 'outdated', `record category ${label}${titled ? '' : ': title differs from config/retention (run install)'}`);
    const schedule = await ownSchedule(acs, node);
    if (!schedule) {
      add('missing', `retention schedule of ${label}`);
      continue;
    }
    const fields = scheduleFieldDifferences(category.schedule, schedule);
    add(
      fields.length ? 'outdated' : 'ok',
      `retention schedule of ${label}${fields.length ? ` differs from config/retention (${fields.join(', ')}): the records manager edits it in the records management site` : ''}`
    );
    const held = await stepsOf(acs, schedule);
    const { differences, missing } = compareSteps(category.schedule.steps, held);
    if (differences.length)
      add('outdated', `retention steps of ${label} differ from config/retention (${differences.join('; ')}): ${WHAT_TO_DO}`);
    else if (missing.length)
      add('missing', `retention steps of ${label}: ${held.length} of ${category.schedule.steps.length} present (run install)`);
    else add('ok', `retention steps of ${label}: ${category.schedule.steps.map(describeRetentionStep).join('; ')}`);
  }
  return checks;
}
