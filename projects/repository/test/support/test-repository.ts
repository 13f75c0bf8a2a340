/**
 * Starts the local repository on a random port with a fresh data directory, and hands out js-api
 * clients and raw HTTP helpers whose responses are all recorded for contract checks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before } from 'node:test';
import { AlfrescoApi, GroupsApi, NodesApi, PeopleApi, type PersonEntry } from '@alfresco/js-api';
import { ContractRecorder } from './recorder';
import { createApi } from './js-api';
import { MailCatcher } from '../../src/mail/mail-catcher';

export { API, callPublicApi, createApi } from './js-api';

// Type-only: the server module itself is loaded when a suite starts (see loadStartRepository).
import type { RepositoryOptions, RepositoryServer } from '../../src/server';
export type { RepositoryOptions };

export interface RawRequestOptions {
  /** `[user, password]` for Basic auth (default admin/admin), a full Authorization value, or null for none. */
  auth?: [string, string] | string | null;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  /** An object is sent as JSON; a string or Buffer as is (default Content-Type application/json); FormData as multipart. */
  body?: unknown;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, text, a Buffer, or undefined when empty (same shape the recorder stores). */
  body: unknown;
  method: string;
  url: string;
  contentType?: string;
}

export interface CreateUserOptions {
  password?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Group ids to add the user to, e.g. `GROUP_ALFRESCO_ADMINISTRATORS`. Created if missing. */
  groups?: string[];
}

export interface TestRepository {
  url: string;
  dataDir: string;
  recorder: ContractRecorder;
  /** A js-api client logged in as `user` (POST /tickets through js-api). */
  api(user?: string, password?: string): Promise<AlfrescoApi>;
  /** A js-api client that is not logged in. */
  anonymousApi(): AlfrescoApi;
  /**
   * A js-api login expected to fail: the same request as `api.login` (ContentAuth.login) without the
   * stray `.then` AlfrescoApi.login adds, which turns every failed login into an unhandled rejection.
   */
  attemptLogin(user: string, password: string): Promise<string>;
  /** Creates a person as admin; the password defaults to the user id. */
  createUser(id: string, opts?: CreateUserOptions): Promise<PersonEntry>;
  /** Sets a locally-set permission (role such as `Consumer`, `Collaborator`) on a node as admin. */
  grant(nodeId: string, authorityId: string, role: string, opts?: { inherit?: boolean }): Promise<void>;
  /** A raw request (fetch, Basic auth by default) for what js-api cannot send (bad JSON, bad multipart). */
  request(method: string, pathOrUrl: string, opts?: RawRequestOptions): Promise<RawResponse>;
  /** Throws if any response since the previous call broke the contract (use in afterEach). */
  assertContract(): void;
  /** The loopback mail server the repository sends to, when started with `mailCatcher: true`. */
  mail?: MailCatcher;
  stop(): Promise<void>;
}

/** Repository options, and `mailCatcher`: outbound mail goes to a loopback SMTP server the test can read. */
export type TestRepositoryOptions = Partial<RepositoryOptions> & { mailCatcher?: boolean };

function loadStartRepository(): (opts: RepositoryOptions) => Promise<RepositoryServer> {
  const serverPath = path.resolve(__dirname, '..', '..', 'src', 'server');
  let mod: { startRepository?: (opts: RepositoryOptions) => Promise<RepositoryServer> };
  try {
    // Loaded on demand so that test files load (and report a clear failure) while server.ts is missing.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(serverPath);
  } catch (e) {
    throw new Error(`cannot load ${serverPath}.ts: ${(e as Error).message}`);
  }
  if (typeof mod.startRepository !== 'function') throw new Error(`${serverPath}.ts does not export startRepository`);
  return mod.startRepository;
}

/** The entries of a js-api paging result (js-api types every level as optional). */
export function entriesOf<T>(paging: { list?: { entries?: { entry?: T }[] } }): T[] {
  return (paging.list?.entries ?? []).map((e) => e.entry as T);
}

/** The pagination of a js-api paging result, as a plain object. */
export function pageOf(paging: { list?: { pagination?: object } }): Record<string, unknown> {
  return { ...(paging.list?.pagination ?? {}) };
}

export function basicAuth(user: string, password: string): string {
  return 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
}

export async function startTestRepository(testOptions: TestRepositoryOptions = {}): Promise<TestRepository> {
  const { mailCatcher, ...opts } = testOptions;
  const startRepository = loadStartRepository();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-repo-test-'));
  const mail = mailCatcher ? await new MailCatcher().start() : undefined;
  if (mail) opts.mail = { 'mail.host': '127.0.0.1', 'mail.port': String(mail.smtpPort), ...opts.mail };
  let server: RepositoryServer;
  try {
    server = await startRepository({ port: 0, dataDir, quiet: true, ...opts });
  } catch (e) {
    await mail?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const url = server.url.replace(/\/+$/, '');
  const recorder = new ContractRecorder();
  let adminApi: AlfrescoApi | undefined;

  const api = async (user = 'admin', password = 'admin'): Promise<AlfrescoApi> => {
    const client = createApi(url, recorder);
    await client.login(user, password);
    return client;
  };
  const admin = async () => (adminApi ??= await api());

  const request = async (method: string, pathOrUrl: string, ro: RawRequestOptions = {}): Promise<RawResponse> => {
    const target = new URL(/^https?:/.test(pathOrUrl) ? pathOrUrl : url + pathOrUrl);
    for (const [k, v] of Object.entries(ro.query ?? {})) target.searchParams.append(k, String(v));
    const headers: Record<string, string> = {};
    const auth = ro.auth === undefined ? (['admin', 'admin'] as [string, string]) : ro.auth;
    if (Array.isArray(auth)) headers.authorization = basicAuth(auth[0], auth[1]);
    else if (typeof auth === 'string') headers.authorization = auth;
    let body: BodyInit | undefined;
    if (ro.body instanceof FormData) {
      body = ro.body;
    } else if (typeof ro.body === 'string' || Buffer.isBuffer(ro.body)) {
      body = ro.body as BodyInit;
      headers['content-type'] = 'application/json';
    } else if (ro.body !== undefined) {
      body = JSON.stringify(ro.body);
      headers['content-type'] = 'application/json';
    }
    for (const [k, v] of Object.entries(ro.headers ?? {})) headers[k.toLowerCase()] = v;
    const response = await recorder.fetch(target, { method, headers, body });
    const recorded = recorder.last()!;
    return {
      status: response.status,
      headers: response.headers,
      body: recorded.body,
      method: method.toUpperCase(),
      url: target.href,
      contentType: recorded.contentType
    };
  };

  const repo: TestRepository = {
    url,
    dataDir,
    recorder,
    api,
    anonymousApi: () => createApi(url, recorder),
    attemptLogin: (user, password) => createApi(url, recorder).contentAuth.login(user, password),
    async createUser(id, o = {}) {
      const client = await admin();
      const person = await new PeopleApi(client).createPerson({
        id,
        firstName: o.firstName ?? id,
        lastName: o.lastName,
        email: o.email ?? `${id}@example.com`,
        password: o.password ?? id
      });
      for (const groupId of o.groups ?? []) {
        const groups = new GroupsApi(client);
        const exists = await groups.getGroup(groupId).then(
          () => true,
          () => false
        );
        if (!exists) await groups.createGroup({ id: groupId.replace(/^GROUP_/, ''), displayName: groupId });
        await groups.createGroupMembership(groupId, { id, memberType: 'PERSON' });
      }
      return person;
    },
    async grant(nodeId, authorityId, role, g = {}) {
      const nodes = new NodesApi(await admin());
      const current = await nodes.getNode(nodeId, { include: ['permissions'] });
      const locallySet = (current.entry.permissions?.locallySet ?? [])
        .filter((p) => !(p.authorityId === authorityId && p.name === role))
        .map((p) => ({ authorityId: p.authorityId!, name: p.name!, accessStatus: (p.accessStatus ?? 'ALLOWED') as 'ALLOWED' }));
      locallySet.push({ authorityId, name: role, accessStatus: 'ALLOWED' });
      await nodes.updateNode(nodeId, {
        permissions: { isInheritanceEnabled: g.inherit ?? current.entry.permissions?.isInheritanceEnabled ?? true, locallySet }
      });
    },
    request,
    assertContract: () => recorder.assertContract(),
    mail,
    async stop() {
      try {
        await server.close();
        await mail?.stop();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  };
  return repo;
}

/**
 * Registers before/after/afterEach hooks in the current suite: one repository for the suite, stopped
 * afterwards, and after each test a check that every response it received matched the contract.
 * Returns a getter for the repository.
 */
export function useTestRepository(opts: TestRepositoryOptions = {}): () => TestRepository {
  let repo: TestRepository | undefined;
  before(async () => {
    repo = await startTestRepository(opts);
  });
  afterEach(() => {
    repo?.assertContract();
  });
  after(async () => {
    await repo?.stop();
  });
  return () => {
    if (!repo) throw new Error('test repository not started (did its before hook fail?)');
    return repo;
  };
}
