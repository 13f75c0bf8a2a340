import { Router } from 'express';
import { ApiError, errors } from '../../errors/api-error';
import { sendJson } from '../../http/api';
import type { RepositoryContext } from '../../services/repository-context';
import { checkConnection } from '../../persistence/database';

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
      checkConnection(ctx.db);
    } catch {
      return next(new ApiError(503, 'framework.exception.ServiceUnavailable', `${kind}: Failure - Tested`));
    }
    sendJson(res, 200, { entry: { message: `${kind}: Success - Tested` } });
  });
  return r;
}
