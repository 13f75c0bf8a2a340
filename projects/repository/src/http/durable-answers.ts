import type { Request, Response, NextFunction, RequestHandler } from 'express';
import { lostBatches, pendingCommit, type Db } from '../persistence/database';
import { errors } from '../errors/api-error';

/**
 * Holds every answer until the database state it may reflect is durable (see group commit in
 * persistence/database.ts): while a batch is open, res.end waits for its COMMIT. Reads wait too, since
 * they may have seen another request's uncommitted rows in the shared connection. When a batch was lost
 * as a whole after this request began, a success becomes a 500: its writes may have been in that batch.
 */
export function durableAnswers(db: Db): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const lostBefore = lostBatches(db);
    const end = res.end;
    const answer = (args: unknown[]): Response => {
      res.end = end;
      if (lostBatches(db) === lostBefore || res.statusCode >= 400) return (end as (...a: unknown[]) => Response).apply(res, args);
      if (res.headersSent) return res.destroy() as unknown as Response;
      const failure = errors.internal('The changes could not be made durable');
      return res.status(failure.statusCode).type('application/json;charset=UTF-8').send(JSON.stringify(failure.toEnvelope()));
    };
    res.end = function (...args: unknown[]) {
      const pending = pendingCommit(db);
      if (!pending) return answer(args);
      void pending.then(() => answer(args));
      return res;
    } as Response['end'];
    next();
  };
}
