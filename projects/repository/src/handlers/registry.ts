import type { Express, Router } from 'express';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import type { NodeMapper } from '../services/node-mapper';
import type { PeopleService } from '../services/people-service';
import type { TicketService } from '../auth/authentication';
import { groupsRouter } from './core/groups';
import { sitesRouter } from './core/sites';
import { queriesRouter } from './core/queries';

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
  deps.core.use(groupsRouter(deps.ctx));
  deps.core.use(sitesRouter(deps.ctx, deps.nodes, deps.people));
  deps.core.use(queriesRouter(deps.ctx, deps.nodes, deps.mapper, deps.people));
}
