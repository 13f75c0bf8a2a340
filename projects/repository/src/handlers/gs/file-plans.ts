import { Router } from 'express';
import { handle, entry, list, parsePaging, pageOf, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import { RM } from '../../services/records/file-plan';
import { objectsOf, type GsServices } from './services';
import { componentRoutes } from './component-routes';

/** /file-plans/{id}: the file plan, its record categories and its holds. */
export function filePlansRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;

  componentRoutes(r, ctx, gs, {
    path: '/file-plans/:id',
    type: RM.filePlan,
    json: (caller, node, include) => fp.baseJson(caller, node, include),
    manage: 'CreateModifyDestroyFileplanMetadata',
    deletable: false
  });

  r.get(
    '/file-plans/:filePlanId/categories',
    handle(({ caller, params, query }) => {
      const node = fp.lookup(params.filePlanId, RM.filePlan);
      fp.requireCapability(caller, node, 'ViewRecords');
      const include = includeOf(query);
      const categories = ctx.store.liveChildrenByName(node.id).filter((c) => c.type === RM.category);
      return {
        body: pageOf(
          categories.map((c) => fp.categoryJson(caller, c, include)),
          parsePaging(query)
        )
      };
    })
  );
  r.post(
    '/file-plans/:filePlanId/categories',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const node = fp.lookup(params.filePlanId, RM.filePlan);
        fp.requireCapability(caller, node, 'CreateModifyDestroyFileplanMetadata');
        const { items, many } = objectsOf(body);
        if (!items.length) throw errors.invalidArgument('A record category (or a list of them) is expected');
        const include = includeOf(query);
        const created = items.map((item) => {
          if (typeof item.name !== 'string' || !item.name.trim()) throw errors.invalidArgument('The property name is mandatory');
          return fp.createComponent(caller, node, {
            name: item.name,
            nodeType: RM.category,
            properties: (item.properties as Record<string, unknown>) ?? {},
            aspectNames: Array.isArray(item.aspectNames) ? (item.aspectNames as string[]) : undefined,
            autoRename: query.autoRename === 'true'
          });
        });
        const json = created.map((c) => fp.categoryJson(caller, c, include));
        return { status: 201, body: many ? list(json, { skipCount: 0, maxItems: json.length }, json.length) : entry(json[0]) };
      })
    )
  );

  r.get(
    '/file-plans/:filePlanId/holds',
    handle(({ caller, params, query }) => ({
      body: pageOf(
        gs.holds.list(caller, params.filePlanId).map((h) => gs.holds.holdJson(h)),
        parsePaging(query)
      )
    }))
  );
  r.post(
    '/file-plans/:filePlanId/holds',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const { items, many } = objectsOf(body);
        if (!items.length) throw errors.invalidArgument('A hold (or a list of them) is expected');
        const json = items.map((item) => gs.holds.holdJson(gs.holds.create(caller, params.filePlanId, item)));
        return { status: 201, body: many ? list(json, { skipCount: 0, maxItems: json.length }, json.length) : entry(json[0]) };
      })
    )
  );
  return r;
}
