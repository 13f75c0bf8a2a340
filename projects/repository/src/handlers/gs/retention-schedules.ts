import { Router } from 'express';
import { handle, entry, objectBody, parsePaging, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import type { RepositoryContext } from '../../services/repository-context';
import type { GsServices } from './services';

/** /retention-schedules/{id}/retention-steps: a schedule's steps, added in order and listed. */
export function retentionSchedulesRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  r.post(
    '/retention-schedules/:retentionScheduleId/retention-steps',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const step = gs.schedules.addStep(caller, params.retentionScheduleId, objectBody(body));
        return { status: 201, body: entry(gs.schedules.stepJson(step, gs.schedules.stepIndex(step))) };
      })
    )
  );
  r.get(
    '/retention-schedules/:retentionScheduleId/retention-steps',
    handle(({ caller, params, query }) => {
      const schedule = gs.schedules.schedule(caller, params.retentionScheduleId);
      const steps = gs.fp.stepsOf(schedule).map((s, i) => gs.schedules.stepJson(s, i));
      return { body: pageOf(steps, parsePaging(query)) };
    })
  );
  return r;
}
