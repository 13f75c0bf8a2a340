import type { Db } from '../persistence/database';
import type { ContentStore } from '../persistence/content-store';
import type { AuthorityService } from './authority-service';
import type { PermissionService } from './permission-service';
import type { NodeStore } from './node-store';
import type { Dictionary } from '../dictionary';
import type { NodePolicy } from './policies';

/** Well-known nodes created at bootstrap, found by their association QName path. */
export interface WellKnownNodes {
  root: string;
  companyHome: string;
  dataDictionary: string;
  models: string;
  workflowDefinitions: string;
  userHomes: string;
  shared: string;
  sites: string;
}

/** The parts of the repository that services and handlers share; built once by server.ts. */
export interface RepositoryContext {
  db: Db;
  store: NodeStore;
  content: ContentStore;
  dictionary: Dictionary;
  authorities: AuthorityService;
  permissions: PermissionService;
  wellKnown: WellKnownNodes;
  maxUploadBytes: number;
  /** Behaviours run on node events inside the request's transaction (dynamic models, workflow deployment …). */
  policies: NodePolicy[];
}
