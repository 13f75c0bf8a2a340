import type { Request, Response, NextFunction } from 'express';
import { randomBytes } from 'node:crypto';
import type { RepositoryContext } from '../services/repository-context';
import { errors } from '../errors/api-error';
import { alfDate } from '../util/alf-date';
import { TicketStore } from '../persistence/ticket-store';

const TICKET_HOURS = 1;

/** Below /alfresco: the web script servlet paths of api/server and api/login (see handlers/webscripts/legacy.ts). */
const PUBLIC_WEBSCRIPT = /^\/(service|s|wcservice|wcs)\/api\/(server|login)(\.\w+)?$/;

/** Tickets as ACS issues them: TICKET_<hex>, valid for an hour and renewed on use. */
export class TicketService {
  private readonly store: TicketStore;

  constructor(ctx: RepositoryContext) {
    this.store = new TicketStore(ctx.db);
  }

  issue(personId: string): string {
    const id = `TICKET_${randomBytes(20).toString('hex')}`;
    const now = Date.now();
    this.store.insert(id, personId, alfDate(now), alfDate(now + TICKET_HOURS * 3600_000));
    return id;
  }

  /** The person a ticket belongs to, or undefined if unknown or expired; renews the expiry on use. */
  validate(ticket: string): string | undefined {
    const row = this.store.byId(ticket);
    if (!row || Date.parse(row.expires_at.replace('+0000', 'Z')) < Date.now()) return undefined;
    const renewAt = Date.now() + TICKET_HOURS * 3600_000;
    if (Date.parse(row.expires_at.replace('+0000', 'Z')) < renewAt - 60_000) this.store.renew(ticket, alfDate(renewAt));
    return row.person_id;
  }

  invalidate(ticket: string): void {
    this.store.delete(ticket);
  }
}

/**
 * Resolves the caller from, in order: the alf_ticket query parameter, HTTP Basic with
 * ROLE_TICKET:<ticket>, Basic base64(<ticket>), or Basic user:password — the forms js-api and ADF send.
 * Sets res.locals.caller; the public endpoints (POST /tickets, discovery) pass without one.
 */
export function authenticate(ctx: RepositoryContext, tickets: TicketService) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Login ignores whatever Authorization header comes with it (js-api sends the credentials being tried).
    if (req.method === 'POST' && req.path.endsWith('/authentication/versions/1/tickets')) return next();
    // Web scripts declared with authentication none (api/server, api/login) never look at credentials.
    if (PUBLIC_WEBSCRIPT.test(req.path)) return next();
    try {
      const queryTicket = typeof req.query.alf_ticket === 'string' ? req.query.alf_ticket : undefined;
      const header = req.headers.authorization;
      let personId: string | undefined;
      let ticket: string | undefined;
      if (queryTicket) {
        personId = tickets.validate(queryTicket);
        ticket = queryTicket;
        if (!personId) throw errors.unauthorized('Ticket base authentication failed for ticket');
      } else if (header?.startsWith('Basic ')) {
        const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
        const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
        if (user === 'ROLE_TICKET' || (colon < 0 && decoded.startsWith('TICKET_'))) {
          ticket = user === 'ROLE_TICKET' ? secret : decoded;
          personId = tickets.validate(ticket);
        } else personId = ctx.authorities.verify(user, secret)?.id;
        if (!personId) throw errors.unauthorized();
      }
      if (personId) {
        const person = ctx.authorities.person(personId);
        if (!person || !person.enabled) throw errors.unauthorized();
        res.locals.caller = ctx.authorities.callerFor(person, ticket);
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}
