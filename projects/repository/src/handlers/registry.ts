import type { Express, Router } from 'express';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import type { NodeMapper } from '../services/node-mapper';
import type { PeopleService } from '../services/people-service';
import type { TicketService } from '../auth/authentication';
import { groupsRouter } from './core/groups';
import { sitesRouter } from './core/sites';
import { queriesRouter } from './core/queries';
import { favoritesRouter } from './core/favorites';
import { sharedLinksRouter } from './core/shared-links';
import { commentsRouter } from './core/comments';
import { tagsRouter } from './core/tags';
import { ratingsRouter } from './core/ratings';
import { modelApiRouter } from './core/model-api';
import { auditRouter } from './core/audit';
import { downloadsRouter } from './core/downloads';
import { probesRouter } from './core/probes';
import { workflowRouter } from './workflow';
import { renditionsRouter } from './core/renditions';
import { categoriesRouter } from './core/categories';
import { legacyWebScriptErrors, legacyWebScriptsRouter, WEBSCRIPT_ROOTS } from './webscripts/legacy';

export interface RouteDeps {
  app: Express;
  /** Router mounted at /alfresco/api/-default-/public/alfresco/versions/1 */
  core: Router;
  ctx: RepositoryContext;
  nodes: NodeService;
  mapper: NodeMapper;
  people: PeopleService;
  tickets: TicketService;
}

/** One place to mount the API rooms beyond nodes and people (groups, sites, search, workflow …). */
export function registerExtraRoutes(deps: RouteDeps): void {
  void deps;
  deps.core.use(favoritesRouter(deps.ctx, deps.nodes, deps.mapper));
  deps.core.use(renditionsRouter(deps.ctx, deps.nodes));
  deps.core.use(categoriesRouter(deps.ctx, deps.nodes));
  deps.core.use(sharedLinksRouter(deps.ctx, deps.nodes, deps.mapper));
  deps.core.use(commentsRouter(deps.ctx, deps.nodes, deps.people));
  deps.core.use(tagsRouter(deps.ctx, deps.nodes));
  deps.core.use(ratingsRouter(deps.ctx, deps.nodes));
  deps.core.use(modelApiRouter(deps.ctx));
  deps.core.use(auditRouter(deps.ctx, deps.mapper));
  deps.core.use(downloadsRouter(deps.ctx, deps.nodes));
  deps.core.use(probesRouter(deps.ctx));
  deps.core.use(groupsRouter(deps.ctx));
  deps.core.use(sitesRouter(deps.ctx, deps.nodes, deps.people));
  deps.core.use(queriesRouter(deps.ctx, deps.nodes, deps.mapper, deps.people));
  deps.app.use('/alfresco/api/-default-/public/workflow/versions/1', workflowRouter(deps.ctx));
  deps.app.use(WEBSCRIPT_ROOTS, legacyWebScriptsRouter(deps.ctx, deps.tickets));
  deps.app.use(WEBSCRIPT_ROOTS, legacyWebScriptErrors());
}
