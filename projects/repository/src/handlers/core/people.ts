import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { PeopleService } from '../../services/people-service';
import type { PersonOrderField, PersonRow } from '../../services/authority-service';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';

const PERSON_ORDER_FIELDS: PersonOrderField[] = ['id', 'firstName', 'lastName'];

/** /people, /people/{id}, preferences and a person's groups. */
export function peopleRouter(ctx: RepositoryContext, people: PeopleService): Router {
  const r = Router();
  const { authorities } = ctx;
  const personId = (caller: Caller, id: string) => (id === '-me-' ? caller.userId : id);
  const requirePerson = (caller: Caller, id: string): PersonRow => authorities.requirePerson(personId(caller, id));

  r.get(
    '/people',
    handle(({ query }) => {
      const paging = parsePaging(query);
      const include = new Set(parseList(query.include));
      const order = (query.orderBy ?? 'id ASC').split(',').map((t) => {
        const [f, d] = t.trim().split(/\s+/);
        if (!PERSON_ORDER_FIELDS.includes(f as PersonOrderField)) throw errors.invalidArgument(`Invalid orderBy field: ${f}`);
        return { field: f as PersonOrderField, descending: !!d && /^desc$/i.test(d) };
      });
      const m = /^\(?\s*enabled\s*=\s*(true|false)\s*\)?$/i.exec(query.where ?? '');
      if (query.where && !m) throw errors.invalidArgument(`Invalid where clause: ${query.where}`);
      const { rows, total } = authorities.store.peoplePage({
        enabled: m ? m[1].toLowerCase() === 'true' : undefined,
        order,
        skipCount: paging.skipCount,
        maxItems: paging.maxItems
      });
      return {
        body: list(
          rows.map((p) => people.toJson(p, include)),
          paging,
          total
        )
      };
    })
  );

  r.post(
    '/people',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => ({
        status: 201,
        body: entry(people.toJson(people.create(caller, objectBody(body)), new Set(parseList(query.include))))
      }))
    )
  );

  r.get(
    '/people/:personId',
    handle(({ caller, params, query }) => {
      // ACS always reports the capabilities of the signed-in user on -me-.
      const include = new Set(parseList(query.include));
      if (params.personId === '-me-') include.add('capabilities');
      return { body: entry(people.toJson(requirePerson(caller, params.personId), include)) };
    })
  );

  r.put(
    '/people/:personId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const updated = people.update(caller, requirePerson(caller, params.personId), objectBody(body));
        return { body: entry(people.toJson(updated, new Set(parseList(query.include)))) };
      })
    )
  );

  // Preferences: a person reads and writes only their own (administrators anyone's).
  const ownPreferences = (caller: Caller, id: string) => {
    const p = requirePerson(caller, id);
    if (p.id !== caller.userId && !caller.isAdmin) throw errors.permissionDenied();
    return p;
  };
  r.get(
    '/people/:personId/preferences',
    handle(({ caller, params, query }) => {
      const p = ownPreferences(caller, params.personId);
      const rows = people.preferences.all(p.id);
      return {
        body: pageOf(
          rows.map((row) => ({ id: row.name, value: JSON.parse(row.value) })),
          parsePaging(query)
        )
      };
    })
  );
  r.get(
    '/people/:personId/preferences/:name',
    handle(({ caller, params }) => {
      const p = ownPreferences(caller, params.personId);
      const value = people.preferences.value(p.id, params.name);
      if (value === undefined) throw errors.relationshipNotFound(p.id, params.name);
      return { body: entry({ id: params.name, value: JSON.parse(value) }) };
    })
  );
  // Not in the public API, but how clients (Share, the eOffice installer) set a preference: PUT one value.
  r.put(
    '/people/:personId/preferences/:name',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const p = ownPreferences(caller, params.personId);
        const value = body && typeof body === 'object' && 'value' in (body as object) ? (body as { value: unknown }).value : body;
        people.preferences.set(p.id, params.name, JSON.stringify(value ?? null));
        return { body: entry({ id: params.name, value }) };
      })
    )
  );

  r.get(
    '/people/:personId/groups',
    handle(({ caller, params, query }) => {
      const p = requirePerson(caller, params.personId);
      const groups = [...authorities.containingGroups(p.id)].sort();
      const include = new Set(parseList(query.include));
      const entries = groups
        .map((id) => authorities.group(id))
        .filter((g): g is NonNullable<typeof g> => !!g)
        .map((g) => {
          const e: Record<string, unknown> = {
            id: g.id,
            displayName: g.display_name,
            isRoot: authorities.directParents(g.id).length === 0
          };
          if (include.has('parentIds')) e.parentIds = authorities.directParents(g.id);
          if (include.has('zones')) e.zones = JSON.parse(g.zones);
          if (g.description) e.description = g.description;
          return e;
        });
      return { body: pageOf(entries, parsePaging(query)) };
    })
  );

  return r;
}
