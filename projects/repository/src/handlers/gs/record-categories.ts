import { Router } from 'express';
import { handle, entry, objectBody, parsePaging, pageOf, includeOf } from '../../http/api';
import { inTransaction } from '../../persistence/database';
import { errors } from '../../errors/api-error';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeRow } from '../../persistence/node-row';
import { RM } from '../../services/records/file-plan';
import type { GsServices } from './services';
import { componentRoutes } from './component-routes';

/** The `where` of a category's children: by node type or kind, as RecordCategoryChildrenRelation reads it. */
function childFilter(where: string | undefined): (n: NodeRow) => boolean {
  if (!where) return () => true;
  const clause = where.trim().replace(/^\(/, '').replace(/\)$/, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^nodeType\s*=\s*'([^']+)'$/.exec(clause))) {
    const type = m[1];
    return (n) => n.type === type;
  }
  if ((m = /^(isRecordFolder|isRecordCategory)\s*=\s*(true|false)$/.exec(clause))) {
    const type = m[1] === 'isRecordFolder' ? RM.folder : RM.category;
    const want = m[2] === 'true';
    return (n) => (n.type === type) === want;
  }
  throw errors.invalidArgument(`Invalid where clause: ${where}`);
}

/** /record-categories/{id}: a category, its subcategories and record folders, and its retention schedule. */
export function recordCategoriesRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  const { fp } = gs;

  componentRoutes(r, ctx, gs, {
    path: '/record-categories/:id',
    type: RM.category,
    json: (caller, node, include) => fp.categoryJson(caller, node, include),
    manage: 'CreateModifyDestroyFileplanMetadata',
    deletable: true
  });

  r.get(
    '/record-categories/:recordCategoryId/children',
    handle(({ caller, params, query }) => {
      const node = fp.lookup(params.recordCategoryId, RM.category);
      fp.requireCapability(caller, node, 'ViewRecords');
      const keep = childFilter(query.where);
      const include = includeOf(query);
      const children = ctx.store.liveChildrenByName(node.id).filter((c) => (c.type === RM.category || c.type === RM.folder) && keep(c));
      return {
        body: pageOf(
          children.map((c) => fp.categoryJson(caller, c, include, true)),
          parsePaging(query)
        )
      };
    })
  );
  r.post(
    '/record-categories/:recordCategoryId/children',
    handle(({ caller, params, query, body }) =>
      inTransaction(ctx.db, () => {
        const category = fp.lookup(params.recordCategoryId, RM.category);
        const b = objectBody(body);
        const name = typeof b.name === 'string' ? b.name.trim() : '';
        const nodeType = typeof b.nodeType === 'string' ? b.nodeType.trim() : '';
        if (!name || !nodeType) throw errors.invalidArgument('The properties name and nodeType are mandatory');
        if (!ctx.dictionary.getType(nodeType)) throw errors.invalidArgument(`The given type:'${nodeType}' is invalid '`);
        // RecordCategoryType: only categories and record folders go in a category (422 otherwise).
        if (nodeType !== RM.category && nodeType !== RM.folder) throw errors.integrity(`You can't create ${nodeType} here.`);
        fp.requireCapability(
          caller,
          category,
          nodeType === RM.folder ? 'CreateModifyDestroyFolders' : 'CreateModifyDestroyFileplanMetadata'
        );
        let parent = category;
        // relativePath creates the missing categories on the way, as AGS does.
        for (const segment of typeof b.relativePath === 'string' ? b.relativePath.split('/').filter(Boolean) : []) {
          const existing = ctx.store.childByName(parent.id, segment);
          if (existing && existing.type !== RM.category) throw errors.integrity(`You can't create ${nodeType} here.`);
          parent = existing ?? fp.createComponent(caller, parent, { name: segment, nodeType: RM.category });
        }
        const created = fp.createComponent(caller, parent, {
          name,
          nodeType,
          properties: (b.properties as Record<string, unknown>) ?? {},
          aspectNames: Array.isArray(b.aspectNames) ? (b.aspectNames as string[]) : undefined,
          autoRename: query.autoRename === 'true'
        });
        if (created.type === RM.folder) gs.disposition.initialise(created);
        return { status: 201, body: entry(fp.categoryJson(caller, created, includeOf(query), true)) };
      })
    )
  );

  r.post(
    '/record-categories/:recordCategoryId/retention-schedules',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const schedule = gs.schedules.create(caller, params.recordCategoryId, objectBody(body));
        return { status: 201, body: entry(gs.schedules.scheduleJson(schedule, false)) };
      })
    )
  );
  r.get(
    '/record-categories/:recordCategoryId/retention-schedules',
    handle(({ caller, params, query }) => {
      // AGS fails with a 500 for a category without a schedule; an empty list says the same without the fault.
      const schedule = gs.schedules.forCategory(caller, params.recordCategoryId);
      const withActions = includeOf(query).has('actions');
      return { body: pageOf(schedule ? [gs.schedules.scheduleJson(schedule, withActions)] : [], parsePaging(query)) };
    })
  );
  return r;
}
