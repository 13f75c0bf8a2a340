import express, { Router, type Request, type Response, type NextFunction } from 'express';
import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import type { RepositoryContext } from '../../services/repository-context';
import { inTransaction } from '../../persistence/database';
import { ApiError } from '../../errors/api-error';
import { WebScriptError } from '../webscripts/legacy';
import type { GsServices } from './services';

/** The paths of AGS's schedule web scripts, for the web script error rendering (registry.ts). */
export const DISPOSITION_SCHEDULE_WEBSCRIPTS = /^\/api\/node\/[^/]+\/[^/]+\/[^/]+\/dispositionschedule(\/|$)/;

/** The labels AGS's disposition actions carry (the actions' titles, rm-action-context). */
const LABEL: Record<string, string> = {
  cutoff: 'Cut off',
  retain: 'Retain',
  transfer: 'Transfer',
  accession: 'Accession',
  destroy: 'Destroy'
};

/**
 * AGS's older schedule web scripts, which its Share screens edit a schedule's steps through (the GS REST
 * API only creates them): GET .../dispositionschedule (DispositionScheduleGet), PUT and DELETE
 * .../dispositionschedule/dispositionactiondefinitions/{action_def_id} (DispositionActionDefinitionPut,
 * DispositionActionDefinitionDelete, with DispositionAbstractBase's models). {id} is the record category;
 * its inherited schedule unless `inherited=false`. Errors come in the web script status template.
 */
export function dispositionScheduleWebScriptsRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const base = '/api/node/:storeType/:storeId/:id/dispositionschedule';
  const scheduleOf = (req: Request, caller: Caller) => gs.schedules.scheduleAt(caller, req.params.id, req.query.inherited !== 'false');
  const urlOf = (req: Request) => `${req.baseUrl}${req.path}`.replace(/\/$/, '');

  const actionModel = (step: NodeRow, index: number, url: string): Record<string, unknown> => {
    const p = ctx.store.properties(step.id);
    const name = String(p['rma:dispositionActionName']);
    const out: Record<string, unknown> = {
      id: step.id,
      index,
      url,
      name,
      label: LABEL[name] ?? name,
      eligibleOnFirstCompleteEvent: p['rma:dispositionEventCombination'] !== 'and'
    };
    if (typeof p['rma:dispositionDescription'] === 'string') out.description = p['rma:dispositionDescription'];
    if (typeof p['rma:dispositionPeriod'] === 'string') out.period = p['rma:dispositionPeriod'];
    if (typeof p['rma:dispositionPeriodProperty'] === 'string')
      out.periodProperty = ctx.dictionary.prefix(p['rma:dispositionPeriodProperty']);
    if (typeof p['rma:dispositionLocation'] === 'string') out.location = p['rma:dispositionLocation'];
    if (typeof p['rma:dispositionActionGhostOnDestroy'] === 'string') out.ghostOnDestroy = p['rma:dispositionActionGhostOnDestroy'];
    const events = p['rma:dispositionEvent'];
    if (Array.isArray(events) && events.length) out.events = events;
    if (typeof p['rma:combineDispositionStepConditions'] === 'boolean')
      out.combineDispositionStepConditions = p['rma:combineDispositionStepConditions'];
    return out;
  };

  const scheduleModel = (schedule: NodeRow, url: string) => {
    const p = ctx.store.properties(schedule.id);
    const actionsUrl = `${url}/dispositionactiondefinitions`;
    const out: Record<string, unknown> = {
      url,
      actionsUrl,
      nodeRef: `workspace://SpacesStore/${schedule.id}`,
      recordLevelDisposition: p['rma:recordLevelDisposition'] === true,
      canStepsBeRemoved: gs.schedules.canStepsBeRemoved(schedule)
    };
    if (typeof p['rma:dispositionAuthority'] === 'string') out.authority = p['rma:dispositionAuthority'];
    if (typeof p['rma:dispositionInstructions'] === 'string') out.instructions = p['rma:dispositionInstructions'];
    // Changes are applied to the items at once here (no publish job), so nothing is ever unpublished.
    out.unpublishedUpdates = false;
    out.publishInProgress = false;
    out.actions = gs.fp.stepsOf(schedule).map((s, i) => actionModel(s, i, `${actionsUrl}/${s.id}`));
    return { data: out };
  };

  /** Runs a web script: ApiErrors become the web script's status and message. */
  const run = (work: (req: Request, res: Response, caller: Caller) => unknown) => (req: Request, res: Response, next: NextFunction) => {
    try {
      const caller = res.locals.caller as Caller;
      const body = inTransaction(ctx.db, () => work(req, res, caller));
      res.status(200).type('application/json;charset=UTF-8').send(JSON.stringify(body));
    } catch (e) {
      next(e instanceof ApiError ? new WebScriptError(e.statusCode, e.message) : e);
    }
  };

  r.get(
    base,
    run((req, _res, caller) => scheduleModel(scheduleOf(req, caller).schedule, urlOf(req)))
  );
  r.put(
    `${base}/dispositionactiondefinitions/:actionDefId`,
    express.text({ type: () => true, limit: '1mb' }),
    run((req, _res, caller) => {
      let body: unknown;
      try {
        body = typeof req.body === 'string' ? JSON.parse(req.body) : req.body;
      } catch {
        throw new WebScriptError(400, 'Could not parse JSON from req.');
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new WebScriptError(400, 'Could not parse JSON from req.');
      const { schedule } = scheduleOf(req, caller);
      const step = gs.schedules.updateStep(
        caller,
        schedule,
        gs.schedules.stepOf(schedule, req.params.actionDefId),
        body as Record<string, unknown>
      );
      return {
        data: actionModel(
          step,
          gs.fp.stepsOf(schedule).findIndex((s) => s.id === step.id),
          urlOf(req)
        )
      };
    })
  );
  r.delete(
    `${base}/dispositionactiondefinitions/:actionDefId`,
    run((req, _res, caller) => {
      const { schedule } = scheduleOf(req, caller);
      gs.schedules.removeStep(caller, schedule, gs.schedules.stepOf(schedule, req.params.actionDefId));
      return scheduleModel(schedule, urlOf(req).replace(/\/dispositionactiondefinitions\/[^/]+$/, ''));
    })
  );
  return r;
}
