import { Router } from 'express';
import { ApiError, errors } from '../../errors/api-error';
import { sendJson } from '../../http/api';
import type { RepositoryContext } from '../../services/repository-context';

/**
 * /probes/-ready- and /probes/-live- for container orchestration: no authentication, 200 with ACS's
 * message when the database answers, 503 otherwise.
 */
export function probesRouter(ctx: RepositoryContext): Router {
  const r = Router();
  r.get('/probes/:probeId', (req, res, next) => {
    const kind = { '-ready-': 'readyProbe', '-live-': 'liveProbe' }[req.params.probeId];
    if (!kind) return next(errors.notFound(req.params.probeId));
    try {
      ctx.db.prepare('SELECT 1').get();
    } catch {
      return next(new ApiError(503, 'framework.exception.ServiceUnavailable', `${kind}: Failure - Tested`));
    }
    sendJson(res, 200, { entry: { message: `${kind}: Success - Tested` } });
  });
  return r;
}
