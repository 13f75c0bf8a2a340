import express, { type Request, type Response, type NextFunction } from 'express';
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { commitBatch, onCommit, openDatabase, pendingCommit, releaseWal } from './persistence/database';
import { startCheckpointer } from './persistence/checkpointer';
import { ContentStore } from './persistence/content-store';
import { pairProperties } from './persistence/property-pairs';
import { AuthorityService } from './services/authority-service';
import { PermissionService } from './services/permission-service';
import { NodeStore } from './persistence/node-store';
import { NodeService } from './services/node-service';
import { AuditStore } from './persistence/audit-store';
import { CommentStore } from './persistence/comment-store';
import { FavoriteStore } from './persistence/favorite-store';
import { RatingStore } from './persistence/rating-store';
import { SharedLinkStore } from './persistence/shared-link-store';
import { SiteStore } from './persistence/site-store';
import { TagStore } from './persistence/tag-store';
import { NodeMapper } from './services/node-mapper';
import { PeopleService } from './services/people-service';
import type { RepositoryContext, WellKnownNodes } from './services/repository-context';
import { Dictionary } from './dictionary';
import { errors } from './errors/api-error';
import { sendJson } from './http/api';
import { jsonBody, noSniff, requestError } from './http/request-guards';
import { durableAnswers } from './http/durable-answers';
import { authenticate, TicketService } from './auth/authentication';
import { bootstrap } from './bootstrap';
import { ModelDeployer } from './services/model-deployer';
import { installWorkflow } from './workflow';
import { mountApi } from './handlers/registry';
import { OutboundSmtp, smtpSettingsFromProperties } from './mail/outbound-smtp';

export interface RepositoryOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** Largest accepted upload in bytes (ACS: unlimited by default; here 100 MiB unless set). */
  maxUploadBytes?: number;
  /** A folder of dictionary model XML files loaded at start, as extension models are in ACS. */
  modelsDir?: string;
  /**
   * BPMN files, or folders of *.bpmn20.xml files, deployed at start with full access (their scripts run
   * trusted), as ACS's WorkflowDeployer bootstraps its bundled definitions; a key already deployed is skipped.
   */
  workflows?: string[];
  /**
   * The clock that decides when retention steps fall due (Governance Services). Tests and the demo move it
   * to exercise periods of years; a repository serving a department never sets it.
   */
  retentionClock?: { now(): Date };
  /**
   * Outbound mail, as alfresco-global.properties sets it in ACS (`mail.host`, `mail.port`, `mail.username`,
   * `mail.from.default` …: mail/outbound-smtp.ts). Unset: no mail server, and the mail action's sends fail
   * (ignored where the action says so).
   */
  mail?: Record<string, string | undefined>;
  /**
   * Properties searched together, kept as pairs of values (persistence/property-pairs.ts): the local search
   * index's configuration, as Solr's is its own. An AND of exact tests of the two (one value, or an OR of
   * values, each) reads the pairs instead of intersecting what each test alone matches. Unset: the pairings
   * the database already keeps stay.
   */
  pairedProperties?: [string, string][];
  /** Origins allowed by CORS; ACS enables CORS per configuration, here every localhost origin by default. */
  corsOrigins?: (string | RegExp)[];
  quiet?: boolean;
}

export interface RepositoryServer {
  url: string;
  port: number;
  context: RepositoryContext;
  close(): Promise<void>;
}

/** Opens (or creates) a repository in dataDir and serves the Alfresco REST API from it. */
export async function startRepository(options: RepositoryOptions): Promise<RepositoryServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const dbFile = join(options.dataDir, 'repository.sqlite');
  const db = openDatabase(dbFile);
  // WAL checkpoints in a worker thread, so that no request waits for the database file's syncs.
  const checkpointer = startCheckpointer(db, dbFile);
  onCommit(db, checkpointer.committed);
  if (options.pairedProperties) pairProperties(db, options.pairedProperties);
  const maxUploadBytes = options.maxUploadBytes ?? 100 * 1024 * 1024;
  const authorities = new AuthorityService(db);
  const ctx: RepositoryContext = {
    db,
    store: new NodeStore(db),
    content: new ContentStore(options.dataDir, maxUploadBytes),
    dictionary: new Dictionary(),
    authorities,
    permissions: new PermissionService(db, authorities),
    wellKnown: undefined as unknown as WellKnownNodes,
    maxUploadBytes,
    policies: [],
    retentionClock: options.retentionClock,
    mail: new OutboundSmtp(smtpSettingsFromProperties(options.mail ?? {})),
    tags: new TagStore(db),
    ratings: new RatingStore(db),
    comments: new CommentStore(db),
    favorites: new FavoriteStore(db),
    sharedLinks: new SharedLinkStore(db),
    sites: new SiteStore(db),
    audit: new AuditStore(db)
  };
  const nodes = new NodeService(ctx);
  const mapper = new NodeMapper(ctx);
  const people = new PeopleService(ctx, nodes);
  if (options.modelsDir) ctx.dictionary.registerModelsFromDir(options.modelsDir);
  ctx.wellKnown = bootstrap(ctx, nodes, people);
  const models = new ModelDeployer(ctx);
  ctx.policies.push(models);
  models.loadActiveModels();
  installWorkflow(ctx, nodes, options.workflows);
  const tickets = new TicketService(ctx);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(durableAnswers(db));
  app.use(cors(options.corsOrigins ?? [/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/]));
  app.use(noSniff);
  app.use(jsonBody('10mb'));
  app.use('/alfresco', authenticate(ctx, tickets));

  mountApi(app, { ctx, nodes, mapper, people, tickets });

  app.use((req: Request, _res: Response, next: NextFunction) =>
    next(errors.notFoundMessage(`Unable to locate resource resource for :${req.path}`))
  );
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    void _next;
    let apiError = requestError(err);
    if (!apiError) {
      if (!options.quiet) console.error(`[repository] ${req.method} ${req.originalUrl}`, err);
      apiError = errors.internal(`Unexpected error: ${(err as Error)?.message ?? err}`);
    }
    if (res.headersSent) return void res.end();
    sendJson(res, apiError.statusCode, apiError.toEnvelope());
  });

  const server: Server = createServer(app);
  // Idle keep-alive connections live as long as ACS's Tomcat connector keeps them (connectionTimeout 20 s):
  // a client reusing a socket the server is closing at that moment meets ECONNRESET, and a short timeout
  // makes that race frequent on a loaded machine.
  server.keepAliveTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    context: ctx,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          commitBatch(db);
          // The last batch's sync finishes before the descriptor it runs on is let go.
          // The checkpointer's connection closes first: the last one to close checkpoints the WAL and removes it.
          void Promise.all([pendingCommit(db), checkpointer.close()]).then(() => {
            releaseWal(db);
            db.close();
            ctx.mail.close();
            resolve();
          });
        });
        server.closeAllConnections();
      })
  };
}

/** CORS for browser apps on another port (ACS: cors.enabled with allowed origins, credentials, these headers). */
function cors(origins: (string | RegExp)[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && origins.some((o) => (typeof o === 'string' ? o === origin : o.test(origin)))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'Content-Disposition, Content-Range, Accept-Ranges');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, HEAD, OPTIONS');
        res.setHeader(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, Cache-Control, X-Requested-With, X-CSRF-Token'
        );
        res.setHeader('Access-Control-Max-Age', '86400');
        return void res.status(200).end();
      }
    }
    next();
  };
}
