import { randomUUID } from 'node:crypto';
import { SYSTEM_CALLER as SYSTEM, type Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { ApiError, errors } from '../../errors/api-error';
import { recordAudit } from '../audit';
import { RM, type FilePlanComponents } from './file-plan';

/** The association names AGS gives an item's retention actions (rma:dispositionLifecycle). */
const NEXT = 'rma:nextDispositionAction';
const HISTORY = 'rma:dispositionActionHistory';
const EVENT = 'rma:eventExecutions';

/** The labels AGS's audit gives each executed step (the actions' titles). */
const AUDIT_LABEL: Record<string, string> = {
  cutoff: 'Cut Off',
  retain: 'Retain',
  destroy: 'Destroy',
  transfer: 'Transfer',
  accession: 'Accession',
  completeEvent: 'Complete Event'
};

/** The retention steps the ExecutionQueue runs as disposition actions. */
export type DispositionStepName = 'cutoff' | 'retain' | 'destroy' | 'transfer' | 'accession';

/** The capability each step's action needs (rm-action-context.xml: the actions' security). */
const STEP_CAPABILITY = {
  cutoff: 'ApproveRecordsScheduledForCutoff',
  retain: 'ApproveRecordsScheduledForCutoff',
  destroy: 'DestroyRecordsScheduledForDestruction',
  transfer: 'AuthorizeAllTransfers',
  accession: 'AuthorizeNominatedTransfers'
} as const;

/**
 * What a transfer or accession step does to the item (TransferService#transfer, in transfers.ts): it is
 * not complete until the transfer is (getSetDispositionActionComplete is false for TransferAction).
 */
export type TransferStep = (caller: Caller, item: NodeRow, records: NodeRow[], step: NodeRow | undefined, accession: boolean) => void;

/** What a failed step says, as AlfrescoRuntimeException does in AGS (the web script answers 500). */
const refused = (message: string) => new ApiError(500, 'framework.exception.ApiDefault', message);

/** A clock the retention rules read; a repository option moves it in tests and the demo (never elsewhere). */
export interface RetentionClock {
  now(): Date;
}
export const SYSTEM_CLOCK: RetentionClock = { now: () => new Date() };

/**
 * The retention lifecycle of records and record folders, as AGS's DispositionServiceImpl runs it: an item
 * governed by a schedule (folder level: the record folder; record level: each record) carries its next step
 * as an rma:dispositionAction node with the date it falls due (`rma:dispositionAsOf`, from the step's period
 * counted from the step's date property) and the events it waits for; a step executed goes to the item's
 * history and the schedule's next step becomes due. Steps run through the ExecutionQueue web script as in
 * AGS; each executed step is an audit entry.
 */
export class Disposition {
  constructor(
    private readonly fp: FilePlanComponents,
    private readonly clock: RetentionClock
  ) {}

  /** Set by the transfers service (services.ts): what the transfer and accession steps do. */
  onTransfer?: TransferStep;

  private get store() {
    return this.fp.ctx.store;
  }

  /** The schedule that governs an item: the nearest category's, at the item's level. */
  scheduleFor(item: NodeRow): NodeRow | undefined {
    const folder = item.type === RM.folder ? item : item.parent_id ? this.store.get(item.parent_id) : undefined;
    if (!folder || folder.type !== RM.folder || !folder.parent_id) return undefined;
    const category = this.store.get(folder.parent_id);
    const schedule = category && category.type === RM.category ? this.fp.scheduleOf(category) : undefined;
    if (!schedule) return undefined;
    const recordLevel = this.store.properties(schedule.id)['rma:recordLevelDisposition'] === true;
    return recordLevel === (item.type !== RM.folder) ? schedule : undefined;
  }

  /** Gives a new item its lifecycle when a schedule governs it and has a first step (refreshDispositionAction). */
  initialise(item: NodeRow): void {
    const schedule = this.scheduleFor(item);
    if (!schedule || this.nextAction(item)) return;
    const first = this.fp.stepsOf(schedule)[0];
    if (!first) return;
    if (!this.fp.has(item, 'rma:dispositionLifecycle')) this.store.addAspects(item.id, ['rma:dispositionLifecycle']);
    this.createAction(item, first);
  }

  /** Items under a category that a schedule governs but that have no step yet (after its first step is added). */
  initialiseUnder(category: NodeRow): void {
    for (const child of this.store.liveChildren(category.id)) {
      if (child.type === RM.category) this.initialiseUnder(child);
      else if (child.type === RM.folder) {
        this.initialise(child);
        for (const record of this.store.liveChildren(child.id)) if (this.fp.isRecord(record)) this.initialise(record);
      }
    }
  }

  /**
   * A schedule's step changed (BroadcastDispositionActionDefinitionUpdateAction, which AGS's publish job
   * runs; here at once): every item the schedule governs whose next action is that step gets a new due date
   * when the period or its date property changed (unless set by hand, rma:manuallySetAsOf), the step's
   * events again when they changed (DispositionActionImpl#refreshEvents: new ones added, dropped ones
   * removed, completed ones kept), and the step's name; an item without a lifecycle gets one.
   */
  stepChanged(category: NodeRow, schedule: NodeRow, step: NodeRow, changed: Set<string>): void {
    const sp = this.store.properties(step.id);
    const visit = (item: NodeRow) => {
      if (this.scheduleFor(item)?.id !== schedule.id) return;
      if (!this.fp.has(item, 'rma:dispositionLifecycle')) return this.initialise(item);
      const action = this.nextAction(item);
      if (!action) return;
      const ap = this.store.properties(action.id);
      if (ap['rma:dispositionActionId'] !== step.id) return;
      if ((changed.has('rma:dispositionPeriod') || changed.has('rma:dispositionPeriodProperty')) && ap['rma:manuallySetAsOf'] !== true) {
        const asOf = this.asOf(item, step);
        this.store.setProperties(action.id, { 'rma:dispositionAsOf': asOf ? asOf.toISOString() : null });
      }
      if (changed.has('rma:dispositionEvent') || changed.has('rma:dispositionEventCombination')) {
        const wanted = (sp['rma:dispositionEvent'] as string[] | undefined) ?? [];
        const have = this.store.liveChildren(action.id).filter((e) => e.type === 'rma:eventExecution');
        for (const e of have)
          if (!wanted.includes(String(this.store.properties(e.id)['rma:eventExecutionName']))) this.fp.nodes.delete(SYSTEM, e, true);
        const names = have.map((e) => String(this.store.properties(e.id)['rma:eventExecutionName']));
        for (const name of wanted.filter((n) => !names.includes(n))) {
          const eventId = randomUUID();
          this.fp.nodes.create(SYSTEM, action, {
            name: eventId,
            nodeType: 'rma:eventExecution',
            properties: { 'rma:eventExecutionName': name, 'rma:eventExecutionAutomatic': false, 'rma:eventExecutionComplete': false },
            system: { id: eventId, assocQName: EVENT }
          });
        }
        this.store.setProperties(action.id, { 'rma:dispositionEventsEligible': this.events(action).some((e) => e.complete) });
      }
      if (changed.has('rma:dispositionActionName'))
        this.store.setProperties(action.id, { 'rma:dispositionAction': sp['rma:dispositionActionName'] });
    };
    const walk = (node: NodeRow) => {
      for (const child of this.store.liveChildren(node.id)) {
        if (child.type === RM.category) walk(child);
        else if (child.type === RM.folder) {
          visit(child);
          for (const record of this.store.liveChildren(child.id)) if (this.fp.isRecord(record)) visit(record);
        }
      }
    };
    walk(category);
  }

  nextAction(item: NodeRow): NodeRow | undefined {
    const id = this.store.childIdByAssocQName(item.id, NEXT);
    return id ? this.store.get(id) : undefined;
  }

  history(item: NodeRow): NodeRow[] {
    return this.store
      .liveChildren(item.id)
      .filter((n) => n.type === 'rma:dispositionAction' && n.assoc_qname === HISTORY)
      .sort((a, b) => a.seq - b.seq);
  }

  events(action: NodeRow): { name: string; complete: boolean; completedAt?: string; completedBy?: string }[] {
    return this.store
      .liveChildren(action.id)
      .filter((n) => n.type === 'rma:eventExecution')
      .sort((a, b) => a.seq - b.seq)
      .map((e) => {
        const p = this.store.properties(e.id);
        return {
          name: String(p['rma:eventExecutionName']),
          complete: p['rma:eventExecutionComplete'] === true,
          completedAt: (p['rma:eventExecutionCompletedAt'] as string | undefined) ?? undefined,
          completedBy: (p['rma:eventExecutionCompletedBy'] as string | undefined) ?? undefined
        };
      });
  }

  private createAction(item: NodeRow, step: NodeRow): NodeRow {
    const sp = this.store.properties(step.id);
    const id = randomUUID();
    const asOf = this.asOf(item, step);
    const action = this.fp.nodes.create(SYSTEM, item, {
      name: id,
      nodeType: 'rma:dispositionAction',
      properties: {
        'rma:dispositionActionId': step.id,
        'rma:dispositionAction': sp['rma:dispositionActionName'],
        ...(asOf ? { 'rma:dispositionAsOf': asOf.toISOString() } : {}),
        'rma:dispositionEventsEligible': false
      },
      system: { id, assocQName: NEXT }
    });
    for (const name of (sp['rma:dispositionEvent'] as string[] | undefined) ?? []) {
      const eventId = randomUUID();
      this.fp.nodes.create(SYSTEM, action, {
        name: eventId,
        nodeType: 'rma:eventExecution',
        properties: { 'rma:eventExecutionName': name, 'rma:eventExecutionAutomatic': false, 'rma:eventExecutionComplete': false },
        system: { id: eventId, assocQName: EVENT }
      });
    }
    return action;
  }

  /**
   * calculateAsOfDate: the step's period counted from its date property (cm:created, rma:cutOffDate,
   * rma:dateFiled, or rma:dispositionAsOf: the last completed step), or from now; no period, or `none`: no date.
   */
  asOf(item: NodeRow, step: NodeRow): Date | undefined {
    const sp = this.store.properties(step.id);
    const [type, expression] = String(sp['rma:dispositionPeriod'] ?? 'none|0').split('|');
    if (!type || type === 'none') return undefined;
    const property = this.fp.ctx.dictionary.prefix(String(sp['rma:dispositionPeriodProperty'] ?? 'cm:created'));
    let from: Date | undefined;
    if (property === 'rma:dispositionAsOf') {
      const last = this.history(item).at(-1);
      const completed = last ? this.store.properties(last.id)['rma:dispositionActionCompletedAt'] : undefined;
      from = typeof completed === 'string' ? new Date(completed) : this.clock.now();
    } else if (property === 'cm:created') {
      from = new Date(item.created_at);
    } else {
      const value = this.store.properties(item.id)[property];
      if (typeof value !== 'string') return undefined;
      from = new Date(value);
    }
    return addPeriod(from, type, expression);
  }

  /** isNextDispositionActionEligible: due by date, or by its events (any or all, as the step says). */
  isEligible(item: NodeRow): boolean {
    const action = this.nextAction(item);
    if (!action) return false;
    const ap = this.store.properties(action.id);
    const step = this.store.get(String(ap['rma:dispositionActionId']));
    const sp = step ? this.store.properties(step.id) : {};
    const combine = ap['rma:dispositionAction'] === 'accession' && sp['rma:combineDispositionStepConditions'] === true;
    const asOf = typeof ap['rma:dispositionAsOf'] === 'string' ? new Date(ap['rma:dispositionAsOf']) : undefined;
    const past = !!asOf && asOf.getTime() <= this.clock.now().getTime();
    if (past && !combine) return true;
    if (!past && combine) return false;
    const events = this.events(action);
    if (!events.length) return false;
    const any = sp['rma:dispositionEventCombination'] !== 'and';
    return any ? events.some((e) => e.complete) : events.every((e) => e.complete);
  }

  /**
   * completeEvent: marks one event of the next step done (ignored when frozen or not waited for, as in AGS);
   * CompleteEventAction's eventCompletedBy / eventCompletedAt, when given, say who and when (else the caller, now).
   */
  completeEvent(caller: Caller, item: NodeRow, eventName: string, given: { completedBy?: string; completedAt?: Date } = {}): void {
    this.fp.requireCapability(caller, item, 'AddModifyEventDates');
    const action = this.nextAction(item);
    if (!action || this.fp.isFrozen(item)) return;
    const event = this.store
      .liveChildren(action.id)
      .find((e) => e.type === 'rma:eventExecution' && this.store.properties(e.id)['rma:eventExecutionName'] === eventName);
    if (!event || this.store.properties(event.id)['rma:eventExecutionComplete'] === true) return;
    this.store.setProperties(event.id, {
      'rma:eventExecutionComplete': true,
      'rma:eventExecutionCompletedAt': (given.completedAt ?? this.clock.now()).toISOString(),
      'rma:eventExecutionCompletedBy': given.completedBy ?? caller.userId
    });
    this.store.setProperties(action.id, { 'rma:dispositionEventsEligible': this.events(action).length > 0 });
    recordAudit(this.fp.ctx, caller, item.id, AUDIT_LABEL.completeEvent, { event: eventName });
  }

  /**
   * Runs the item's next step (RMDispositionActionExecuterAbstractBase): it must be the step named, due
   * (destroy excepted for a role that may destroy early), on complete records, on nothing held.
   */
  execute(caller: Caller, item: NodeRow, name: DispositionStepName): void {
    const capability = STEP_CAPABILITY[name];
    const action = this.nextAction(item);
    if (!action) throw refused(`The retention action ${name} couldn't be performed, because the next retention action isn't set.`);
    const ap = this.store.properties(action.id);
    if (ap['rma:dispositionAction'] !== name)
      throw refused(
        `The retention action ${name} couldn't be performed, because this isn't the next retention action for this record or record folder. (nodeRef=workspace://SpacesStore/${item.id})`
      );
    const records = item.type === RM.folder ? this.store.liveChildren(item.id).filter((n) => this.fp.isRecord(n)) : [item];
    if ([item, ...records].some((n) => this.fp.isFrozen(n))) {
      if (name === 'retain') throw refused(`Unable to perform action ${name} because the node is frozen or has frozen children.`);
      throw errors.permissionDenied('Access Denied.  You do not have the appropriate permissions to perform this operation.');
    }
    this.fp.requireCapability(caller, item, capability);
    const skipEligibility = name === 'destroy' && this.fp.can(caller, item, 'DestroyRecords');
    if (!skipEligibility && !this.isEligible(item))
      throw refused(`The record or record folder ${item.name} isn't yet ready for retention action ${name}.`);
    if (records.some((r) => !this.fp.has(r, 'rma:declaredRecord')))
      throw refused(
        item.type === RM.folder
          ? `The retention action ${name} couldn't be performed, because not all the records in the record folder are complete.`
          : `The retention action ${name} couldn't be performed, because the record ${item.name} isn't complete.`
      );
    const now = this.clock.now().toISOString();
    this.store.setProperties(action.id, { 'rma:dispositionActionStartedAt': now, 'rma:dispositionActionStartedBy': caller.userId });
    const step = this.store.get(String(ap['rma:dispositionActionId']));
    if (name === 'cutoff') this.cutOff(item, records, now);
    if (name === 'destroy') this.destroy(item, records, step);
    if (name === 'transfer' || name === 'accession') {
      // TransferAction: the transfer object holds the item; cut off first if it is not; the step stays
      // the item's next one until the transfer completes (completeNext).
      if (!this.onTransfer) throw refused(`The records management action ${name} hasn't been defined.`);
      this.onTransfer(caller, item, records, step, name === 'accession');
      if (!this.fp.has(item, 'rma:cutOff')) this.cutOff(item, records, now);
      recordAudit(this.fp.ctx, caller, item.id, AUDIT_LABEL[name], { step: name });
      return;
    }
    recordAudit(this.fp.ctx, caller, item.id, AUDIT_LABEL[name], { step: name });
    if (!this.store.get(item.id)) return; // destroyed with its node
    this.completeNext(caller, item);
  }

  /**
   * The item's next step is done (its completion date and user), goes to its history, and the schedule's
   * following step becomes next (updateNextDispositionAction). A completed transfer calls it too.
   */
  completeNext(caller: Caller, item: NodeRow): void {
    const action = this.nextAction(item);
    if (!action) return;
    const now = this.clock.now().toISOString();
    this.store.setProperties(action.id, { 'rma:dispositionActionCompletedAt': now, 'rma:dispositionActionCompletedBy': caller.userId });
    this.store.update(action.id, { assoc_qname: HISTORY });
    const step = this.store.get(String(this.store.properties(action.id)['rma:dispositionActionId']));
    const schedule = step?.parent_id ? this.store.get(step.parent_id) : undefined;
    const steps = schedule ? this.fp.stepsOf(schedule) : [];
    const following = steps[steps.findIndex((s) => s.id === step?.id) + 1];
    if (following) this.createAction(this.store.get(item.id)!, following);
  }

  /** cutoffDisposableItem: every record and the folder get rma:cutOff; the folder closes. */
  private cutOff(item: NodeRow, records: NodeRow[], now: string): void {
    for (const n of item.type === RM.folder ? [...records, item] : [item]) {
      if (this.fp.has(n, 'rma:cutOff')) continue;
      this.store.addAspects(n.id, ['rma:cutOff']);
      this.store.setProperties(n.id, { 'rma:cutOffDate': now });
      this.store.removeAspects(n.id, ['rma:uncutOff']);
    }
    if (item.type === RM.folder) this.store.setProperties(item.id, { 'rma:isClosed': true });
  }

  /**
   * DestroyAction: with ghosting (AGS's default, and destroyContent) the content goes and the node and its
   * metadata stay as rma:ghosted — the destruction register reads them; destroyNode deletes the node.
   */
  private destroy(item: NodeRow, records: NodeRow[], step: NodeRow | undefined): void {
    const ghost = (step ? this.store.properties(step.id)['rma:dispositionActionGhostOnDestroy'] : undefined) !== 'delete';
    const targets = item.type === RM.folder ? [...records, item] : [item];
    if (!ghost) {
      this.fp.nodes.delete(SYSTEM, item, true);
      return;
    }
    for (const n of targets) {
      if (n.is_file) this.store.update(n.id, { content_url: null, size: 0 });
      this.store.addAspects(n.id, ['rma:ghosted']);
    }
  }
}

/** Period.getNextDate for the period types steps use. */
export function addPeriod(from: Date, type: string, expression: string | undefined): Date | undefined {
  const n = expression && /^\d+$/.test(expression) ? Number(expression) : 1;
  const d = new Date(from.getTime());
  const endOf = (monthsAhead: (m: number) => number) => {
    const target = new Date(Date.UTC(d.getUTCFullYear(), monthsAhead(d.getUTCMonth()) + 1, 1) - 1);
    return target;
  };
  switch (type) {
    case 'immediately':
      return d;
    case 'day':
      d.setUTCDate(d.getUTCDate() + n);
      return d;
    case 'week':
      d.setUTCDate(d.getUTCDate() + 7 * n);
      return d;
    case 'month':
      d.setUTCMonth(d.getUTCMonth() + n);
      return d;
    case 'quarter':
      d.setUTCMonth(d.getUTCMonth() + 3 * n);
      return d;
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() + n);
      return d;
    case 'monthend':
    case 'fmend':
      return endOf((m) => m + (n - 1));
    case 'quarterend':
    case 'fqend':
      return endOf((m) => m - (m % 3) + 2 + 3 * (n - 1));
    case 'yearend':
    case 'fyend':
      return endOf(() => 11 + 12 * (n - 1));
    case 'duration': {
      const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(expression ?? '');
      if (!m) return undefined;
      d.setUTCFullYear(d.getUTCFullYear() + Number(m[1] ?? 0));
      d.setUTCMonth(d.getUTCMonth() + Number(m[2] ?? 0));
      d.setUTCDate(d.getUTCDate() + Number(m[3] ?? 0));
      return d;
    }
    default:
      return undefined;
  }
}
