/**
 * The Categories API (ACS 7.3+): /categories/{id}, /categories/{id}/subcategories and
 * /nodes/{id}/category-links, with CategoriesImpl's validation and permissions: anyone may read categories;
 * only administrators create, rename or delete them; linking a node needs ChangePermissions on it (as
 * CategoriesImpl.verifyChangePermission asks), listing its links needs Read; folders and files only.
 */
import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import { CATEGORY_MESSAGES, CategoryService } from '../../services/category-service';
import { errors } from '../../errors/api-error';
import { entry, handle, list, objectBody, pageOf, parsePaging, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';

export function categoriesRouter(ctx: RepositoryContext, nodes: NodeService): Router {
  const r = Router();
  const categories = new CategoryService(ctx, nodes);
  /** One body gives one entry, a list gives a list (as the REST framework answers a POST of either). */
  const created = (body: unknown, out: unknown[]) =>
    Array.isArray(body)
      ? { status: 201, body: list(out, { skipCount: 0, maxItems: 100 }, out.length) }
      : { status: 201, body: entry(out[0]) };
  const bodies = (body: unknown) => {
    const all = Array.isArray(body) ? body : [objectBody(body)];
    if (!all.length) throw errors.invalidArgument(CATEGORY_MESSAGES.notACategory);
    return all.map((b) => objectBody(b));
  };

  r.get(
    '/categories/:categoryId',
    handle(({ params, query }) =>
      inTransaction(ctx.db, () => ({ body: entry(categories.toJson(categories.nonRootCategory(params.categoryId), includeOf(query))) }))
    )
  );

  r.put(
    '/categories/:categoryId',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        categories.requireAdmin(caller);
        const category = categories.nonRootCategory(params.categoryId);
        const renamed = categories.rename(caller, category, objectBody(body).name);
        return { body: entry(categories.toJson(renamed, includeOf(query))) };
      })
    )
  );

  r.delete(
    '/categories/:categoryId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        categories.requireAdmin(caller);
        categories.delete(caller, categories.nonRootCategory(params.categoryId));
      })
    )
  );

  r.get(
    '/categories/:categoryId/subcategories',
    handle(({ params, query }) =>
      inTransaction(ctx.db, () => {
        const paging = parsePaging(query);
        const include = includeOf(query);
        const counts = include.has('count') ? categories.counts() : undefined;
        const children = categories.subcategories(categories.category(params.categoryId));
        return {
          body: pageOf(
            children.map((c) => categories.toJson(c, include, counts)),
            paging
          )
        };
      })
    )
  );

  r.post(
    '/categories/:categoryId/subcategories',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        categories.requireAdmin(caller);
        const parent = categories.category(params.categoryId);
        const include = includeOf(query);
        const out = bodies(body).map((b) => ({
          ...categories.toJson(categories.create(caller, parent, b.name), include),
          ...(include.has('count') ? { count: 0 } : {})
        }));
        return created(body, out);
      })
    )
  );

  r.get(
    '/nodes/:nodeId/category-links',
    handle(({ caller, params, query }) =>
      inTransaction(ctx.db, () => {
        const node = nodes.resolve(caller, params.nodeId);
        categories.checkCategorisable(caller, node, false);
        const include = includeOf(query);
        return {
          body: pageOf(
            categories.categoriesOf(node).map((c) => categories.toJson(c, include)),
            parsePaging(query)
          )
        };
      })
    )
  );

  r.post(
    '/nodes/:nodeId/category-links',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const links = bodies(body);
        const node = nodes.resolve(caller, params.nodeId);
        categories.checkCategorisable(caller, node, true);
        const ids = [...new Set(links.map((b) => b.categoryId).filter((id): id is string => typeof id === 'string' && id !== ''))];
        const targets = ids.map((id) => categories.category(id));
        if (!targets.length || targets.some((c) => categories.isRoot(c))) throw errors.invalidArgument(CATEGORY_MESSAGES.notACategory);
        categories.link(caller, node, targets);
        const include = includeOf(query);
        return created(
          body,
          targets.map((c) => categories.toJson(c, include))
        );
      })
    )
  );

  r.delete(
    '/nodes/:nodeId/category-links/:categoryId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const category = categories.category(params.categoryId);
        const node = nodes.resolve(caller, params.nodeId);
        categories.checkCategorisable(caller, node, true);
        categories.unlink(caller, node, category);
      })
    )
  );
  return r;
}
