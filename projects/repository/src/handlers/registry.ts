import express, { type Express } from 'express';
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
import { ticketsRouter } from './auth/tickets';
import { discoveryRouter } from './discovery/discovery';
import { nodesRouter } from './core/nodes';
import { peopleRouter } from './core/people';
import { searchRouter } from './search/search';
import {
  governanceRouter,
  gsServices,
  executionQueueRouter,
  EXECUTION_QUEUE,
  governanceModule,
  dispositionScheduleWebScriptsRouter,
  DISPOSITION_SCHEDULE_WEBSCRIPTS
} from './gs';
import { registerGovernance } from '../services/records/registry';
import { legacyWebScriptErrors, legacyWebScriptsRouter, WEBSCRIPT_ROOTS } from './webscripts/legacy';
import { PREFERENCES_WEBSCRIPT, preferencesWebScriptRouter } from './webscripts/preferences';

export interface RouteDeps {
  ctx: RepositoryContext;
  nodes: NodeService;
  mapper: NodeMapper;
  people: PeopleService;
  tickets: TicketService;
}

const API_BASE = '/alfresco/api/-default-/public';

/**
 * Every API room, mounted in one place: authentication, discovery, the core API (nodes and people first,
 * then the rest under the same base), workflow, search and the legacy web scripts. server.ts only adds what
 * wraps them (durable answers, CORS, body parsing, authentication, the error envelope).
 */
export function mountApi(app: Express, deps: RouteDeps): void {
  const { ctx, nodes, mapper, people, tickets } = deps;
  app.use(`${API_BASE}/authentication/versions/1`, ticketsRouter(ctx, tickets));
  app.use(
    '/alfresco/api/discovery',
    discoveryRouter(ctx, () => [governanceModule(ctx)])
  );
  const core = express.Router();
  core.use(nodesRouter(ctx, nodes, mapper));
  core.use(peopleRouter(ctx, people));
  core.use(favoritesRouter(ctx, nodes, mapper));
  core.use(renditionsRouter(ctx, nodes));
  core.use(categoriesRouter(ctx, nodes));
  core.use(sharedLinksRouter(ctx, nodes, mapper));
  core.use(commentsRouter(ctx, nodes, people));
  core.use(tagsRouter(ctx, nodes));
  core.use(ratingsRouter(ctx, nodes));
  core.use(modelApiRouter(ctx));
  core.use(auditRouter(ctx, mapper));
  core.use(downloadsRouter(ctx, nodes));
  core.use(probesRouter(ctx));
  core.use(groupsRouter(ctx));
  core.use(sitesRouter(ctx, nodes, people));
  core.use(queriesRouter(ctx, nodes, mapper, people));
  app.use(`${API_BASE}/workflow/versions/1`, workflowRouter(ctx));
  // Governance Services: its REST API and the web script its actions run through.
  const gs = gsServices(ctx, nodes, mapper);
  // AGS's actions are the ActionService's too: workflow scripts run them by name (script-actions.ts).
  registerGovernance(ctx, gs);
  app.use(WEBSCRIPT_ROOTS, legacyWebScriptsRouter(ctx, tickets));
  app.use(WEBSCRIPT_ROOTS, executionQueueRouter(ctx, gs));
  app.use(WEBSCRIPT_ROOTS, dispositionScheduleWebScriptsRouter(ctx, gs));
  app.use(WEBSCRIPT_ROOTS, preferencesWebScriptRouter(ctx));
  app.use(WEBSCRIPT_ROOTS, legacyWebScriptErrors([EXECUTION_QUEUE, PREFERENCES_WEBSCRIPT, DISPOSITION_SCHEDULE_WEBSCRIPTS]));
  app.use(`${API_BASE}/alfresco/versions/1`, core);
  app.use(`${API_BASE}/search/versions/1`, searchRouter(ctx, mapper));
  app.use(`${API_BASE}/gs/versions/1`, governanceRouter(ctx, gs));
}
