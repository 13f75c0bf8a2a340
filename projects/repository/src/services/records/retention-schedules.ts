import { randomUUID } from 'node:crypto';
import { SYSTEM_CALLER, type Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { RETENTION_EVENTS } from '@eoffice/domain';
import { ApiError, errors } from '../../errors/api-error';
import { RM, SCHEDULE_ASSOC, type FilePlanComponents } from './file-plan';
import type { Disposition } from './disposition';

/**
 * Retention schedules and their steps through the GS API (RetentionScheduleRelation and
 * RetentionScheduleActionRelation of AGS, ACS 23+): a category's schedule is an rma:dispositionSchedule
 * node beside it, each step an rma:dispositionActionDefinition below the schedule, in the order added.
 * The API creates and lists; it has no update or delete (AGS answers 405). Every check below is AGS's, in
 * AGS's order, with its status and message (see docs/governance-services.md).
 */

export const STEP_NAMES = ['retain', 'cutoff', 'accession', 'transfer', 'destroyContent', 'destroyNode'] as const;
export const PERIODS = [
  'day',
  'fmend',
  'fqend',
  'fyend',
  'immediately',
  'monthend',
  'quarterend',
  'yearend',
  'month',
  'none',
  'quarter',
  'week',
  'duration',
  'year'
] as const;
/** Periods whose amount is kept ("month|2"); the others keep an empty expression ("yearend|"). */
const COUNTED_PERIODS = new Set(['day', 'week', 'month', 'quarter', 'year', 'duration']);
// The events AGS bootstraps (rmEventConfigBootstrap.json) are RETENTION_EVENTS of @eoffice/domain: one list,
// which the installer and the records pages check drafts against before sending and this stand-in for AGS
// checks on receipt.

/**
 * The dates a step's period may count from (rm-disposition-properties-context.xml): the cut-off date
 * not for the cut-off step itself, the filing date only for record-level schedules.
 */
const PERIOD_PROPERTIES: { qname: string; folderLevel: boolean; recordLevel: boolean; notFor?: string }[] = [
  { qname: 'rma:cutOffDate', folderLevel: true, recordLevel: true, notFor: 'cutoff' },
  { qname: 'rma:dispositionAsOf', folderLevel: true, recordLevel: true },
  { qname: 'rma:dateFiled', folderLevel: false, recordLevel: true },
  { qname: 'cm:created', folderLevel: true, recordLevel: true }
];

const unprocessable = (message: string) => new ApiError(422, 'framework.exception.UnprocessableContent', message);

export interface StepRequest {
  name?: unknown;
  description?: unknown;
  periodAmount?: unknown;
  period?: unknown;
  periodProperty?: unknown;
  combineRetentionStepConditions?: unknown;
  events?: unknown;
  eligibleOnFirstCompleteEvent?: unknown;
  location?: unknown;
}

export class RetentionSchedules {
  constructor(
    private readonly fp: FilePlanComponents,
    private readonly disposition: Disposition
  ) {}

  private get store() {
    return this.fp.ctx.store;
  }

  /** POST /record-categories/{id}/retention-schedules. */
  create(caller: Caller, categoryId: string, body: Record<string, unknown>): NodeRow {
    if (!categoryId.trim()) throw errors.invalidArgument('recordCategoryId is mandatory');
    const isRecordLevel = body.isRecordLevel === undefined || body.isRecordLevel === null ? false : body.isRecordLevel;
    if (typeof isRecordLevel !== 'boolean') throw errors.invalidArgument('isRecordLevel must be true or false');
    const node = this.fp.resolve(categoryId);
    // AGS checks for record folders before it checks the node's type.
    if (isRecordLevel && this.store.liveChildren(node.id).some((c) => c.type === RM.folder))
      throw unprocessable('Record level retention schedule cannot be created for a record category having folder associated.');
    const category = this.fp.lookup(categoryId, RM.category);
    this.fp.requireCapability(caller, category, 'CreateModifyDestroyFileplanMetadata');
    if (this.fp.ownSchedule(category))
      throw errors.conflict('Unable to create retention schedule on node that already has a retention schedule.');
    const inherited = this.fp.scheduleOf(category);
    if (inherited && this.hasDisposableItems(category))
      throw errors.internal(
        'Can not create a retention schedule if there are disposable items already under the control of an other retention schedule'
      );
    if (!this.store.aspects(category.id).includes('rma:scheduled')) this.store.addAspects(category.id, ['rma:scheduled']);
    const id = randomUUID();
    // The schedule has no name of its own in AGS (its cm:name is its id) and hangs on rma:dispositionSchedule.
    const created = this.fp.nodes.create(caller, category, {
      name: id,
      nodeType: RM.schedule,
      properties: {
        'rma:dispositionAuthority': text(body.authority),
        'rma:dispositionInstructions': text(body.instructions),
        'rma:recordLevelDisposition': isRecordLevel
      },
      system: { id, assocQName: SCHEDULE_ASSOC }
    });
    this.fp.stamp(created, this.fp.filePlanOf(category).id);
    return created;
  }

  /** GET /record-categories/{id}/retention-schedules: the schedule that governs it, inherited included. */
  forCategory(caller: Caller, categoryId: string): NodeRow | undefined {
    const category = this.fp.lookup(categoryId, RM.category);
    this.fp.requireCapability(caller, category, 'ViewRecords');
    return this.fp.scheduleOf(category);
  }

  /** Record folders under the category or its subcategories (items another schedule already governs). */
  private hasDisposableItems(category: NodeRow): boolean {
    return this.store.liveChildren(category.id).some((c) => c.type === RM.folder || (c.type === RM.category && this.hasDisposableItems(c)));
  }

  schedule(caller: Caller, scheduleId: string): NodeRow {
    const schedule = this.fp.lookup(scheduleId, RM.schedule);
    this.fp.requireCapability(caller, schedule, 'ViewRecords');
    return schedule;
  }

  /** POST /retention-schedules/{id}/retention-steps, checked in AGS's order. */
  addStep(caller: Caller, scheduleId: string, req: StepRequest): NodeRow {
    const schedule = this.fp.lookup(scheduleId, RM.schedule);
    this.fp.requireCapability(caller, schedule, 'CreateModifyDestroyFileplanMetadata');
    const name = typeof req.name === 'string' ? req.name : '';
    if (!name) throw errors.invalidArgument("'name' parameter is mandatory when creating a disposition action definition");
    const existing = this.fp.stepsOf(schedule).map((s) => String(this.store.properties(s.id)['rma:dispositionActionName']));
    if (existing.includes('destroy'))
      throw errors.conflict('Invalid Step - destroy action is already added. No other action is allowed after Destroy.');
    if (existing.includes(name) && name !== 'transfer')
      throw errors.conflict(
        'Invalid Step - This step already exists. You can\u2019t create it again. Only transfer action is allowed multiple times.'
      );
    if (!existing.length && name !== 'cutoff' && name !== 'retain')
      throw unprocessable('Invalid Step - cutoff or retain should be the first step');
    if (name === 'cutoff' && (existing.includes('transfer') || existing.includes('accession')))
      throw errors.conflict("Invalid Step - Can't use cutoff after transfer or accession");
    if (!(STEP_NAMES as readonly string[]).includes(name)) throw errors.invalidArgument(`name value is invalid : ${name}`);
    const period = req.period === undefined || req.period === null ? undefined : String(req.period);
    if (period !== undefined && !(PERIODS as readonly string[]).includes(period))
      throw errors.invalidArgument(`period value is invalid : ${period}`);
    // AGS dereferences a missing periodProperty or events list (an HTTP 500 there); refused here as the
    // invalid values they are.
    const periodProperty = req.periodProperty === undefined ? 'cm:created' : req.periodProperty;
    const recordLevel = this.store.properties(schedule.id)['rma:recordLevelDisposition'] === true;
    const validProperty = PERIOD_PROPERTIES.find(
      (p) => p.qname === periodProperty && (recordLevel ? p.recordLevel : p.folderLevel) && p.notFor !== name
    );
    if (!validProperty) throw errors.invalidArgument(`periodProperty value is invalid: ${String(periodProperty)}`);
    const events = req.events === undefined ? [] : req.events;
    if (!Array.isArray(events) || events.some((e) => !(RETENTION_EVENTS as readonly unknown[]).includes(e)))
      throw errors.invalidArgument(`event value is invalid: ${JSON.stringify(events)}`);
    const combine = req.combineRetentionStepConditions === true;
    if (combine && name !== 'accession')
      throw errors.invalidArgument(`combineRetentionStepConditions property is only valid for accession step. Not valid for :${name}`);
    const location = typeof req.location === 'string' ? req.location : '';
    if (location && name !== 'transfer')
      throw errors.invalidArgument(`location property is only valid for transfer step. Not valid for :${name}`);
    const amount = req.periodAmount === undefined || req.periodAmount === null ? undefined : Number(req.periodAmount);
    if (amount !== undefined && !Number.isInteger(amount))
      throw errors.invalidArgument(`periodAmount value is invalid : ${String(req.periodAmount)}`);

    const props: Record<string, unknown> = {
      'rma:dispositionActionName': name.startsWith('destroy') ? 'destroy' : name,
      'rma:dispositionDescription': text(req.description),
      'rma:dispositionPeriodProperty': this.fp.ctx.dictionary.expand(validProperty.qname),
      'rma:dispositionEvent': events,
      // AGS writes the boolean into this text property and reads "and" as "all events": a step created
      // through REST therefore always waits for the first event (DispositionActionDefinitionImpl).
      'rma:dispositionEventCombination': String(req.eligibleOnFirstCompleteEvent ?? true)
    };
    if (period !== undefined)
      props['rma:dispositionPeriod'] = `${period}|${COUNTED_PERIODS.has(period) && amount !== undefined ? amount : ''}`;
    if (name === 'accession') props['rma:combineDispositionStepConditions'] = combine;
    if (location) props['rma:dispositionLocation'] = location;
    if (name === 'destroyContent') props['rma:dispositionActionGhostOnDestroy'] = 'ghost';
    if (name === 'destroyNode') props['rma:dispositionActionGhostOnDestroy'] = 'delete';
    const id = randomUUID();
    const step = this.fp.nodes.create(caller, schedule, {
      name: id,
      nodeType: RM.step,
      properties: props,
      system: { id, assocQName: `cm:${name}` }
    });
    this.fp.stamp(step, this.fp.filePlanOf(schedule).id);
    // Items already under the schedule get their first step now (AGS broadcasts the change to them).
    if (!existing.length) this.disposition.initialiseUnder(this.fp.ctx.store.get(schedule.parent_id!)!);
    return step;
  }

  /**
   * The schedule a web script's node answers to (DispositionAbstractBase#parseRequestForSchedule): a
   * category's own or inherited one (`inherited=false`: its own only); 404 when there is none.
   */
  scheduleAt(caller: Caller, nodeId: string, inherited: boolean): { category: NodeRow; schedule: NodeRow } {
    const node = this.store.get(nodeId);
    if (!node) throw errors.notFoundMessage(`Unable to find node: workspace://SpacesStore/${nodeId}`);
    const category = node.type === RM.category ? node : undefined;
    const schedule = category ? (inherited ? this.fp.scheduleOf(category) : this.fp.ownSchedule(category)) : undefined;
    if (!category || !schedule) throw errors.notFoundMessage(`Node workspace://SpacesStore/${nodeId} does not have a disposition schedule`);
    this.fp.requireCapability(caller, schedule, 'ViewRecords');
    return { category: this.store.get(schedule.parent_id!)!, schedule };
  }

  /** A step of that schedule (parseRequestForActionDefinition: 404 with AGS's message). */
  stepOf(schedule: NodeRow, stepId: string): NodeRow {
    const step = this.fp.stepsOf(schedule).find((s) => s.id === stepId);
    if (!step) throw errors.notFoundMessage(`Requested disposition action definition (id:${stepId}) does not exist`);
    return step;
  }

  /**
   * PUT .../dispositionschedule/dispositionactiondefinitions/{id} (DispositionActionDefinitionPut, then
   * DispositionService#updateDispositionActionDefinition and the broadcast of the change to the items under
   * the schedule). AGS stores what it is given; here each value must also be one a step could be created
   * with, and the steps in their order must still follow the rules of addStep (never more lenient).
   */
  updateStep(caller: Caller, schedule: NodeRow, step: NodeRow, body: Record<string, unknown>): NodeRow {
    this.fp.requireCapability(caller, schedule, 'CreateModifyDestroyFileplanMetadata');
    const unparsable = () => new ApiError(400, 'framework.exception.InvalidArgument', 'Could not parse JSON from req.');
    for (const key of ['name', 'description', 'period', 'periodProperty', 'location'])
      if (key in body && typeof body[key] !== 'string') throw unparsable();
    for (const key of ['eligibleOnFirstCompleteEvent', 'combineDispositionStepConditions'])
      if (key in body && typeof body[key] !== 'boolean') throw unparsable();
    if ('events' in body && (!Array.isArray(body.events) || body.events.some((e) => typeof e !== 'string'))) throw unparsable();
    const current = this.store.properties(step.id);
    const steps = this.fp.stepsOf(schedule);
    const name = typeof body.name === 'string' ? body.name : String(current['rma:dispositionActionName']);
    if (!['retain', 'cutoff', 'accession', 'transfer', 'destroy'].includes(name))
      throw errors.invalidArgument(`name value is invalid : ${name}`);
    const names = steps.map((s) => (s.id === step.id ? name : String(this.store.properties(s.id)['rma:dispositionActionName'])));
    names.forEach((n, i) => {
      const before = names.slice(0, i);
      if (before.includes('destroy'))
        throw errors.conflict('Invalid Step - destroy action is already added. No other action is allowed after Destroy.');
      if (before.includes(n) && n !== 'transfer')
        throw errors.conflict(
          'Invalid Step - This step already exists. You can\u2019t create it again. Only transfer action is allowed multiple times.'
        );
      if (i === 0 && n !== 'cutoff' && n !== 'retain') throw unprocessable('Invalid Step - cutoff or retain should be the first step');
      if (n === 'cutoff' && (before.includes('transfer') || before.includes('accession')))
        throw errors.conflict("Invalid Step - Can't use cutoff after transfer or accession");
    });
    const props: Record<string, unknown> = {};
    if (typeof body.name === 'string') props['rma:dispositionActionName'] = name;
    if (typeof body.description === 'string') props['rma:dispositionDescription'] = body.description;
    if (typeof body.period === 'string') {
      const [type, expression = ''] = body.period.split('|');
      const counted = COUNTED_PERIODS.has(type);
      const validAmount = type === 'duration' ? /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?$/.test(expression) : !counted || /^\d+$/.test(expression);
      if (!(PERIODS as readonly string[]).includes(type) || !validAmount)
        throw errors.invalidArgument(`period value is invalid : ${body.period}`);
      props['rma:dispositionPeriod'] = `${type}|${counted ? expression : ''}`;
    }
    const recordLevel = this.store.properties(schedule.id)['rma:recordLevelDisposition'] === true;
    const periodProperty =
      typeof body.periodProperty === 'string'
        ? body.periodProperty
        : this.fp.ctx.dictionary.prefix(String(current['rma:dispositionPeriodProperty'] ?? 'cm:created'));
    if (typeof body.periodProperty === 'string' || typeof body.name === 'string') {
      const valid = PERIOD_PROPERTIES.find(
        (p) => p.qname === periodProperty && (recordLevel ? p.recordLevel : p.folderLevel) && p.notFor !== name
      );
      if (!valid) throw errors.invalidArgument(`periodProperty value is invalid: ${periodProperty}`);
      props['rma:dispositionPeriodProperty'] = this.fp.ctx.dictionary.expand(valid.qname);
    }
    if (Array.isArray(body.events)) {
      if (body.events.some((e) => !(RETENTION_EVENTS as readonly unknown[]).includes(e)))
        throw errors.invalidArgument(`event value is invalid: ${JSON.stringify(body.events)}`);
      props['rma:dispositionEvent'] = body.events;
    }
    if (typeof body.eligibleOnFirstCompleteEvent === 'boolean')
      props['rma:dispositionEventCombination'] = body.eligibleOnFirstCompleteEvent ? 'or' : 'and';
    if (typeof body.combineDispositionStepConditions === 'boolean') {
      if (name !== 'accession')
        throw errors.invalidArgument(`combineRetentionStepConditions property is only valid for accession step. Not valid for :${name}`);
      props['rma:combineDispositionStepConditions'] = body.combineDispositionStepConditions;
    }
    if (typeof body.location === 'string') {
      if (body.location && name !== 'transfer')
        throw errors.invalidArgument(`location property is only valid for transfer step. Not valid for :${name}`);
      props['rma:dispositionLocation'] = body.location;
    }
    // Renamed to destroy: AGS sets ghosting from the body's ghostOnDestroy (ghost when present).
    if (body.name === 'destroy') props['rma:dispositionActionGhostOnDestroy'] = 'ghostOnDestroy' in body ? 'ghost' : 'delete';
    const changed = new Set(Object.keys(props).filter((k) => JSON.stringify(current[k] ?? null) !== JSON.stringify(props[k])));
    this.store.setProperties(step.id, props);
    if (changed.size) this.disposition.stepChanged(this.store.get(schedule.parent_id!)!, schedule, step, changed);
    return this.store.get(step.id)!;
  }

  /**
   * DELETE .../dispositionactiondefinitions/{id} (DispositionActionDefinitionDelete): the step and every
   * step after it go; refused (500, DispositionServiceImpl#removeDispositionActionDefinition) once record
   * folders or records are under the schedule.
   */
  removeStep(caller: Caller, schedule: NodeRow, step: NodeRow): void {
    this.fp.requireCapability(caller, schedule, 'CreateModifyDestroyFileplanMetadata');
    if (!this.canStepsBeRemoved(schedule))
      throw errors.internal(
        `Can not remove action definitions from schedule 'workspace://SpacesStore/${schedule.id}' as one or more record or record folders are present.`
      );
    const steps = this.fp.stepsOf(schedule);
    for (const s of steps.slice(steps.findIndex((x) => x.id === step.id))) this.fp.nodes.delete(SYSTEM_CALLER, s, true);
  }

  /** DispositionService#hasDisposableItems, negated: no record folder (or record) is under the schedule. */
  canStepsBeRemoved(schedule: NodeRow): boolean {
    return !this.hasDisposableItems(this.store.get(schedule.parent_id!)!);
  }

  scheduleJson(schedule: NodeRow, withActions: boolean): Record<string, unknown> {
    const p = this.store.properties(schedule.id);
    const out: Record<string, unknown> = {
      id: schedule.id,
      parentId: schedule.parent_id,
      authority: p['rma:dispositionAuthority'] ?? undefined,
      instructions: p['rma:dispositionInstructions'] ?? undefined,
      isRecordLevel: p['rma:recordLevelDisposition'] === true,
      unpublishedUpdates: false
    };
    if (withActions) out.actions = this.fp.stepsOf(schedule).map((s, i) => this.stepJson(s, i));
    return out;
  }

  stepJson(step: NodeRow, index: number): Record<string, unknown> {
    const p = this.store.properties(step.id);
    const out: Record<string, unknown> = {
      id: step.id,
      name: p['rma:dispositionActionName'],
      description: p['rma:dispositionDescription'] ?? undefined,
      eligibleOnFirstCompleteEvent: p['rma:dispositionEventCombination'] !== 'and',
      index
    };
    if (p['rma:combineDispositionStepConditions'] !== undefined && p['rma:combineDispositionStepConditions'] !== null)
      out.combineRetentionStepConditions = p['rma:combineDispositionStepConditions'] === true;
    if (p['rma:dispositionLocation']) out.location = p['rma:dispositionLocation'];
    out.retainRecordMetadataAfterDestruction = p['rma:dispositionActionGhostOnDestroy'] === 'ghost';
    const property = p['rma:dispositionPeriodProperty'];
    if (typeof property === 'string') out.periodProperty = this.fp.ctx.dictionary.prefix(property);
    const [period, amount] = String(p['rma:dispositionPeriod'] ?? '').split('|');
    if (period) {
      out.period = period;
      if (amount !== undefined && amount !== '' && Number.isInteger(Number(amount))) out.periodAmount = Number(amount);
    }
    const events = p['rma:dispositionEvent'];
    if (Array.isArray(events) && events.length) out.events = events;
    return out;
  }

  stepIndex(step: NodeRow): number {
    const schedule = this.store.get(step.parent_id!)!;
    return this.fp.stepsOf(schedule).findIndex((s) => s.id === step.id);
  }
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
