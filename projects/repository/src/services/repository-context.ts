import type { Db } from '../persistence/database';
import type { ContentStore } from '../persistence/content-store';
import type { AuthorityService } from './authority-service';
import type { PermissionService } from './permission-service';
import type { NodeStore } from '../persistence/node-store';
import type { Dictionary } from '../dictionary';
import type { NodePolicy } from './policies';
import type { AuditStore } from '../persistence/audit-store';
import type { CommentStore } from '../persistence/comment-store';
import type { FavoriteStore } from '../persistence/favorite-store';
import type { RatingStore } from '../persistence/rating-store';
import type { SharedLinkStore } from '../persistence/shared-link-store';
import type { SiteStore } from '../persistence/site-store';
import type { TagStore } from '../persistence/tag-store';
import type { OutboundSmtp } from '../mail/outbound-smtp';

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
  /** The clock retention periods are counted against; only tests and the demo set one (RepositoryOptions). */
  retentionClock?: { now(): Date };
  // What hangs off nodes and people, one store per table family (persistence/), shared by handlers and services.
  tags: TagStore;
  ratings: RatingStore;
  comments: CommentStore;
  favorites: FavoriteStore;
  sharedLinks: SharedLinkStore;
  /** Sites and membership requests (membership itself is in the role groups: authorities). */
  sites: SiteStore;
  /** The audit trail (alfresco-access). */
  audit: AuditStore;
  /** Outbound mail (ACS's OutboundSMTP subsystem), used by the `mail` action. */
  mail: OutboundSmtp;
}
