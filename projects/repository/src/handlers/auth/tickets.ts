import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { TicketService } from '../../auth/authentication';
import { errors } from '../../errors/api-error';
import { handle, objectBody, sendJson, entry } from '../../http/api';

/** /alfresco/api/-default-/public/authentication/versions/1 */
export function ticketsRouter(ctx: RepositoryContext, tickets: TicketService): Router {
  const r = Router();
  // Login is public: it is the one call without a caller.
  r.post('/tickets', (req, res, next) => {
    try {
      const body = objectBody(req.body);
      const userId = body.userId;
      const password = body.password;
      if (typeof userId !== 'string' || typeof password !== 'string' || !userId)
        throw errors.invalidArgument('userId and password are required');
      const person = ctx.authorities.verify(userId, password);
      if (!person) throw errors.loginFailed();
      sendJson(res, 201, entry({ id: tickets.issue(person.id), userId: person.id }));
    } catch (e) {
      next(e);
    }
  });
  r.get(
    '/tickets/-me-',
    handle(({ caller }) => {
      if (!caller.ticket) throw errors.notFound('-me-');
      return { body: entry({ id: caller.ticket, userId: caller.userId }) };
    })
  );
  r.delete(
    '/tickets/-me-',
    handle(({ caller }) => {
      if (!caller.ticket) throw errors.notFound('-me-');
      tickets.invalidate(caller.ticket);
    })
  );
  return r;
}
