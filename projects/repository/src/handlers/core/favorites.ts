import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { inTransaction } from '../../persistence/database';
import type { FavoriteRow, FavoriteType } from '../../persistence/favorite-store';
import type { SiteRow } from '../../persistence/site-store';

// Properties already shown at the top of a favorite's target are left out of `properties`, as in ACS.
const EXCLUDED_PROPS = ['cm:title', 'cm:description', 'st:siteVisibility', 'st:sitePreset'];
const SITE_ROLES = ['SiteManager', 'SiteCollaborator', 'SiteContributor', 'SiteConsumer'];

/** /people/{personId}/favorites: a person's favorite files, folders and sites. */
export function favoritesRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  const r = Router();
  const { favorites, store, permissions, authorities } = ctx;

  // Someone else's favorites answer 404 as if the person did not exist (administrators excepted), as in ACS.
  const owner = (caller: Caller, personId: string): string => {
    const id = personId === '-me-' ? caller.userId : personId;
    const person = authorities.person(id);
    if (!person || (person.id !== caller.userId && !caller.isAdmin)) throw errors.notFound(personId);
    return person.id;
  };

  const siteOf = (nodeId: string) => ctx.sites.byNode(nodeId);

  const siteJson = (personId: string, s: SiteRow) => {
    const groups = authorities.containingGroups(personId);
    const role = SITE_ROLES.find((r2) => groups.has(`GROUP_site_${s.id}_${r2}`));
    return {
      id: s.id,
      guid: s.node_id,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      visibility: s.visibility,
      preset: s.preset,
      ...(role ? { role } : {})
    };
  };

  const toJson = (caller: Caller, f: FavoriteRow, include: Set<string>) => {
    const out: Record<string, unknown> = { targetGuid: f.target_id, createdAt: f.created_at };
    if (f.target_type === 'site') {
      const site = siteOf(f.target_id);
      out.target = {
        site: site ? siteJson(f.person_id, site) : { id: f.target_id, guid: f.target_id, title: f.target_id, visibility: 'PUBLIC' }
      };
    } else {
      const node = store.require(f.target_id);
      const view = new Set([...include].filter((i) => i !== 'properties'));
      out.target = { [f.target_type]: mapper.toJson(caller, node, { include: view, full: true }) };
      if (include.has('allowableOperations')) out.allowableOperations = permissions.allowableOperations(caller, node);
    }
    if (include.has('properties')) {
      const props = store.properties(f.target_id);
      for (const k of EXCLUDED_PROPS) delete props[k];
      if (Object.keys(props).length) out.properties = props;
    }
    return out;
  };

  // Favorites whose target was deleted or became unreadable drop out of the list, as in ACS.
  const visible = (caller: Caller, f: FavoriteRow): boolean => {
    const node = store.get(f.target_id);
    return !!node && permissions.has(caller, node, 'Read');
  };

  r.get(
    '/people/:personId/favorites',
    handle(({ caller, params, query }) => {
      const personId = owner(caller, params.personId);
      const paging = parsePaging(query);
      const include = new Set(parseList(query.include));
      const types = parseWhere(query.where);
      const rows = favorites
        .of(personId)
        .filter((f) => types.has(f.target_type))
        .filter((f) => visible(caller, f));
      rows.sort(comparator(query.orderBy, (id) => store.get(id)));
      const page = rows.slice(paging.skipCount, paging.skipCount + paging.maxItems);
      return {
        body: list(
          page.map((f) => toJson(caller, f, include)),
          paging,
          rows.length
        )
      };
    })
  );

  r.post(
    '/people/:personId/favorites',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const personId = owner(caller, params.personId);
        const include = new Set(parseList(query.include));
        const bodies = Array.isArray(body) ? body : [objectBody(body)];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const created = bodies.map((b) => {
          const { type, guid } = parseTarget(b);
          const node = nodes.readable(caller, guid);
          checkType(personId, node, type);
          // Favoriting twice keeps the first one (ACS's favourites service is idempotent).
          favorites.add(personId, node.id, type, alfDate());
          return toJson(caller, favorites.get(personId, node.id)!, include);
        });
        if (Array.isArray(body)) return { status: 201, body: list(created, { skipCount: 0, maxItems: 100 }, created.length) };
        return { status: 201, body: entry(created[0]) };
      })
    )
  );

  const favoriteOf = (caller: Caller, personId: string, favoriteId: string) => {
    const f = favorites.get(personId, favoriteId);
    if (!f || !visible(caller, f)) throw errors.relationshipNotFound(personId, favoriteId);
    return f;
  };

  r.get(
    '/people/:personId/favorites/:favoriteId',
    handle(({ caller, params, query }) => {
      const personId = owner(caller, params.personId);
      return { body: entry(toJson(caller, favoriteOf(caller, personId, params.favoriteId), new Set(parseList(query.include)))) };
    })
  );

  r.delete(
    '/people/:personId/favorites/:favoriteId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const personId = owner(caller, params.personId);
        if (!favorites.remove(personId, params.favoriteId)) throw errors.relationshipNotFound(personId, params.favoriteId);
      })
    )
  );

  /** The posted kind must match the node: a folder posted as a file (or a site node as a folder) is 404. */
  function checkType(personId: string, node: NodeRow, type: FavoriteType): void {
    const isSite = node.type === 'st:site';
    const ok = type === 'file' ? !!node.is_file : type === 'folder' ? !!node.is_folder && !isSite : isSite && !!siteOf(node.id);
    if (!ok) throw errors.relationshipNotFound(personId, node.id);
  }

  return r;
}

function parseTarget(raw: unknown): { type: FavoriteType; guid: string } {
  const b = objectBody(raw);
  const target = b.target as Record<string, unknown> | undefined;
  if (!target || typeof target !== 'object') throw errors.invalidArgument('target is missing');
  const kinds = (['file', 'folder', 'site'] as const).filter((k) => target[k] !== undefined);
  if (kinds.length !== 1) throw errors.invalidArgument('target must name exactly one of file, folder or site');
  const guid = (target[kinds[0]] as { guid?: unknown } | null)?.guid;
  if (typeof guid !== 'string' || !guid) throw errors.invalidArgument(`target.${kinds[0]}.guid is required`);
  return { type: kinds[0], guid };
}

/** `(EXISTS(target/file) OR EXISTS(target/folder))`: the only grammar ACS accepts here. */
export function parseWhere(where: string | undefined): Set<FavoriteType> {
  const all = new Set<FavoriteType>(['file', 'folder', 'site']);
  if (!where || !where.trim()) return all;
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  const out = new Set<FavoriteType>();
  for (const term of m[1].split(/\s+OR\s+/i)) {
    const t = /^\s*EXISTS\s*\(\s*target\/(file|folder|site)\s*\)\s*$/i.exec(term);
    if (!t) throw errors.invalidArgument(`Invalid where clause: ${where}`);
    out.add(t[1].toLowerCase() as FavoriteType);
  }
  return out;
}

/** orderBy over type, createdAt and title; the default is type ASC, createdAt DESC. */
function comparator(orderBy: string | undefined, nodeOf: (id: string) => NodeRow | undefined) {
  const spec = (orderBy ?? 'type ASC, createdAt DESC').split(',').map((t) => {
    const [field, dir] = t.trim().split(/\s+/);
    if (!['type', 'createdAt', 'title'].includes(field)) throw errors.invalidArgument(`Invalid sort field: ${field}`);
    if (dir && !/^(asc|desc)$/i.test(dir)) throw errors.invalidArgument(`Invalid sort direction: ${dir}`);
    return { field, sign: dir && /^desc$/i.test(dir) ? -1 : 1 };
  });
  const key = (f: FavoriteRow, field: string) =>
    field === 'type' ? f.target_type : field === 'createdAt' ? f.created_at : (nodeOf(f.target_id)?.name ?? '').toLowerCase();
  return (a: FavoriteRow, b: FavoriteRow) => {
    for (const { field, sign } of spec) {
      const x = key(a, field);
      const y = key(b, field);
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  };
}
