import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody, pageOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import type { TagRow } from '../../persistence/tag-store';

/**
 * /tags and /nodes/{nodeId}/tags. Tags are case-insensitive and kept in lower case, as ACS's tagging
 * service keeps them. Tagging a node changes it (aspect cm:taggable, property cm:taggable listing the tag
 * ids), so it needs Write; managing the tag vocabulary itself is for administrators.
 */
export function tagsRouter(ctx: RepositoryContext, nodes: NodeService): Router {
  const r = Router();
  const { tags, store, permissions } = ctx;

  const toJson = (t: TagRow, include: Set<string>) => ({
    id: t.id,
    tag: t.tag,
    ...(include.has('count') ? { count: tags.useCount(t.id) } : {})
  });
  const tagOf = (id: string) => {
    const t = tags.byId(id);
    if (!t) throw errors.notFound(id);
    return t;
  };
  const admin = (caller: Caller) => {
    if (!caller.isAdmin) throw errors.permissionDenied('Current user is not an administrator');
  };
  const tagName = (raw: unknown) => {
    const b = objectBody(raw);
    if (typeof b.tag !== 'string' || !b.tag.trim()) throw errors.invalidArgument('tag is required');
    return b.tag.trim().toLowerCase();
  };
  const insertTag = (name: string): TagRow => {
    const t = { id: randomUUID(), tag: name, tag_key: name.toLowerCase() };
    tags.insert(t);
    return t;
  };
  /** Keeps the node's cm:taggable aspect and property in step with its tag rows. */
  const syncNode = (nodeId: string) => {
    const ids = tags.idsOn(nodeId);
    if (ids.length) store.addAspects(nodeId, ['cm:taggable']);
    store.setProperties(nodeId, { 'cm:taggable': ids.length ? ids : null });
    if (!ids.length) store.removeAspects(nodeId, ['cm:taggable']);
  };

  r.get(
    '/tags',
    handle(({ query }) => {
      const paging = parsePaging(query);
      const include = new Set(parseList(query.include));
      const match = whereMatcher(query.where);
      const rows = tags.all().filter((t) => match(t.tag));
      const counted = rows.map((t) => ({ t, count: tags.useCount(t.id) }));
      counted.sort(tagOrder(query.orderBy));
      const all = counted.map(({ t, count }) => ({ id: t.id, tag: t.tag, ...(include.has('count') ? { count } : {}) }));
      return { body: pageOf(all, paging) };
    })
  );

  r.post(
    '/tags',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => {
        admin(caller);
        const include = new Set(parseList(query.include));
        const bodies = Array.isArray(body) ? body : [body];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const created = bodies.map((b) => {
          const name = tagName(b);
          if (tags.byName(name)) throw errors.conflict(`Duplicate child name not allowed: ${name}`);
          return toJson(insertTag(name), include);
        });
        if (Array.isArray(body)) return { status: 201, body: list(created, { skipCount: 0, maxItems: 100 }, created.length) };
        return { status: 201, body: entry(created[0]) };
      })
    )
  );

  r.get(
    '/tags/:tagId',
    handle(({ params, query }) => ({ body: entry(toJson(tagOf(params.tagId), new Set(parseList(query.include)))) }))
  );

  r.put(
    '/tags/:tagId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        admin(caller);
        const t = tagOf(params.tagId);
        const name = tagName(body);
        const clash = tags.byName(name);
        if (clash && clash.id !== t.id) throw errors.conflict(`Tag already exists: ${name}`);
        tags.rename(t.id, name);
        return { body: entry(toJson(tagOf(t.id), new Set(parseList(query.include)))) };
      })
    )
  );

  r.delete(
    '/tags/:tagId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        admin(caller);
        const t = tagOf(params.tagId);
        tags.delete(t.id).forEach(syncNode);
      })
    )
  );

  r.get(
    '/nodes/:nodeId/tags',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      const rows = tags.on(node.id);
      return {
        body: pageOf(
          rows.map((t) => toJson(t, new Set())),
          parsePaging(query)
        )
      };
    })
  );

  r.post(
    '/nodes/:nodeId/tags',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.readable(caller, params.nodeId);
        permissions.require(caller, node, 'Write');
        nodes.requireUnlocked(caller, node);
        const bodies = Array.isArray(body) ? body : [body];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const added = bodies.map((b) => {
          const name = tagName(b);
          const t = tags.byName(name) ?? insertTag(name);
          tags.tag(node.id, t.id);
          return toJson(t, new Set());
        });
        syncNode(node.id);
        if (Array.isArray(body)) return { status: 201, body: list(added, { skipCount: 0, maxItems: 100 }, added.length) };
        return { status: 201, body: entry(added[0]) };
      })
    )
  );

  r.delete(
    '/nodes/:nodeId/tags/:tagId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.readable(caller, params.nodeId);
        permissions.require(caller, node, 'Write');
        nodes.requireUnlocked(caller, node);
        if (!tags.untag(node.id, params.tagId)) throw errors.notFound(params.tagId);
        syncNode(node.id);
      })
    )
  );

  return r;
}

/**
 * The `where` of GET /tags: `(tag='a')`, `(tag in ('a','b'))`, `(tag matches ('*a*'))`, joined by OR.
 * Comparison ignores case, as tag names do.
 */
export function whereMatcher(where: string | undefined): (tag: string) => boolean {
  if (!where || !where.trim()) return () => true;
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  const tests = m[1].split(/\s+OR\s+/i).map((term) => {
    const eq = /^\s*tag\s*=\s*'([^']*)'\s*$/i.exec(term);
    if (eq) return (t: string) => t === eq[1].toLowerCase();
    const inList = /^\s*tag\s+IN\s*\((.*)\)\s*$/i.exec(term);
    if (inList) {
      const names = [...inList[1].matchAll(/'([^']*)'/g)].map((x) => x[1].toLowerCase());
      if (!names.length) throw errors.invalidArgument(`Invalid where clause: ${where}`);
      return (t: string) => names.includes(t);
    }
    const matches = /^\s*tag\s+MATCHES\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(term);
    if (matches) {
      const re = new RegExp(
        '^' +
          matches[1]
            .toLowerCase()
            .split('*')
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*') +
          '$'
      );
      return (t: string) => re.test(t);
    }
    throw errors.invalidArgument(`Invalid where clause: ${where}`);
  });
  return (tag) => tests.some((test) => test(tag.toLowerCase()));
}

function tagOrder(orderBy: string | undefined) {
  const spec = (orderBy ?? 'tag ASC').split(',').map((t) => {
    const [field, dir] = t.trim().split(/\s+/);
    if (field !== 'tag' && field !== 'count') throw errors.invalidArgument(`Invalid sort field: ${field}`);
    return { field, sign: dir && /^desc$/i.test(dir) ? -1 : 1 };
  });
  return (a: { t: TagRow; count: number }, b: { t: TagRow; count: number }) => {
    for (const { field, sign } of spec) {
      const x = field === 'tag' ? a.t.tag_key : a.count;
      const y = field === 'tag' ? b.t.tag_key : b.count;
      if (x !== y) return x < y ? -sign : sign;
    }
    return 0;
  };
}
