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
  // AuthenticationsImpl.validateTicket/deleteTicket: only -me-, and only a ticket (alf_ticket or Basic
  // ROLE_TICKET): a caller authenticated with Basic user:password gets 400, not the ticket it never had.
  // The answer carries the ticket id alone (LoginTicketResponse without userId, ValidTicket in the contract).
  const ticketOf = (id: string, caller: { ticket?: string }): string => {
    if (id !== '-me-') throw errors.invalidArgument(`Invalid parameter: ${id}`);
    if (!caller.ticket) throw errors.invalidArgument('Ticket base authentication required.');
    return caller.ticket;
  };
  r.get(
    '/tickets/:ticketId',
    handle(({ caller, params }) => ({ body: entry({ id: ticketOf(params.ticketId, caller) }) }))
  );
  r.delete(
    '/tickets/:ticketId',
    handle(({ caller, params }) => {
      tickets.invalidate(ticketOf(params.ticketId, caller));
    })
  );
  return r;
}
