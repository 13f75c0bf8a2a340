import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { GsServices } from './services';
import { gsSitesRouter } from './gs-sites';
import { filePlansRouter } from './file-plans';
import { recordCategoriesRouter } from './record-categories';
import { retentionSchedulesRouter } from './retention-schedules';
import { recordFoldersRouter } from './record-folders';
import { recordsRouter } from './records';
import { holdsRouter } from './holds';
import { transfersRouter } from './transfers';
import { filePlanRolesRouter } from './file-plan-roles';
import { unfiledRouter } from './unfiled';
import { holdBulkRouter } from './hold-bulk';

/** The Governance Services API (gs/versions/1), as an ACS with the AGS module installed answers it. */
export function governanceRouter(ctx: RepositoryContext, gs: GsServices): Router {
  const r = Router();
  r.use(gsSitesRouter(ctx, gs));
  r.use(filePlansRouter(ctx, gs));
  r.use(recordCategoriesRouter(ctx, gs));
  r.use(retentionSchedulesRouter(ctx, gs));
  r.use(recordFoldersRouter(ctx, gs));
  r.use(recordsRouter(ctx, gs));
  r.use(holdsRouter(ctx, gs));
  r.use(transfersRouter(ctx, gs));
  r.use(filePlanRolesRouter(ctx, gs));
  r.use(unfiledRouter(ctx, gs));
  r.use(holdBulkRouter(ctx, gs));
  return r;
}

export { gsServices } from './services';
export { executionQueueRouter, EXECUTION_QUEUE } from './execution-queue';
export { dispositionScheduleWebScriptsRouter, DISPOSITION_SCHEDULE_WEBSCRIPTS } from './disposition-schedule-webscripts';

/**
 * The module discovery lists for Governance Services, as an ACS with AGS Community installed lists it
 * (module.properties of org_alfresco_module_rm); clients and `eoffice doctor` look for this id.
 */
export function governanceModule(ctx: RepositoryContext) {
  return {
    id: 'org_alfresco_module_rm',
    title: 'AGS Repo',
    description: 'Alfresco Governance Services Repository Extension',
    version: '26.3.0',
    installState: 'INSTALLED',
    installDate: ctx.store.get(ctx.wellKnown.root)?.created_at ?? ''
  };
}
