// A logged-in connection to an Alfresco Content Services repository through @alfresco/js-api and the
// public REST API only, so the installer works the same against a real ACS and the local repository.
import { AlfrescoApi, DiscoveryApi, GroupsApi, NodesApi, PeopleApi, SitesApi, UploadApi } from '@alfresco/js-api';

type HttpClient = NonNullable<ConstructorParameters<typeof AlfrescoApi>[1]>;
// FetchHttpClient is not exported from the package index; in Node it must be passed explicitly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FetchHttpClient } = require('@alfresco/js-api/src/fetchHttpClient') as {
  FetchHttpClient: new (customFetch?: typeof fetch) => HttpClient;
};

const BASES = {
  core: '/api/-default-/public/alfresco/versions/1',
  workflow: '/api/-default-/public/workflow/versions/1',
  /** Governance Services (records management), present when AGS is installed. */
  gs: '/api/-default-/public/gs/versions/1'
} as const;

export interface ConnectOptions {
  url: string;
  user: string;
  password: string;
}

export interface Acs {
  url: string;
  api: AlfrescoApi;
  nodes: NodesApi;
  groups: GroupsApi;
  sites: SitesApi;
  people: PeopleApi;
  upload: UploadApi;
  discovery: DiscoveryApi;
  /** A public API call js-api has no client for (workflow, model API, GS retention schedules). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer whose shape the caller states, as js-api types them
  call<T = any>(
    base: keyof typeof BASES,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    query?: Record<string, unknown>,
    body?: unknown
  ): Promise<T>;
}

export async function connect(opts: ConnectOptions): Promise<Acs> {
  const url = opts.url.replace(/\/+$/, '');
  const api = new AlfrescoApi({ hostEcm: url, provider: 'ECM', contextRoot: 'alfresco' }, new FetchHttpClient());
  try {
    await api.login(opts.user, opts.password);
  } catch (e) {
    throw new Error(`Cannot log in to ${url} as ${opts.user}: ${describeError(e)}`);
  }
  return {
    url,
    api,
    nodes: new NodesApi(api),
    groups: new GroupsApi(api),
    sites: new SitesApi(api),
    people: new PeopleApi(api),
    upload: new UploadApi(api),
    discovery: new DiscoveryApi(api),
    call: (base, method, path, query = {}, body) =>
      api.contentClient.callApi(
        BASES[base] + path,
        method,
        {},
        query,
        {},
        {},
        body,
        ['application/json'],
        ['application/json'],
        undefined,
        'alfresco'
      )
  };
}

/** HTTP status of a js-api rejection ({ error, status, message }), if any. */
export function statusOf(e: unknown): number | undefined {
  const s = typeof e === 'object' && e !== null ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}

/** The briefSummary of an ACS error envelope, or whatever the rejection says. */
export function describeError(e: unknown): string {
  if (typeof e !== 'object' || e === null) return String(e);
  const message = (e as { message?: unknown }).message;
  if (typeof message === 'string') {
    try {
      const parsed = JSON.parse(message) as { error?: { briefSummary?: string } };
      if (parsed.error?.briefSummary) return `${statusOf(e) ?? ''} ${parsed.error.briefSummary}`.trim();
    } catch {
      /* not JSON */
    }
    return `${statusOf(e) ?? ''} ${message}`.trim();
  }
  return String(e);
}

/** Resolves to undefined on 404 instead of rejecting. */
export async function orMissing<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/** Text content of a file node. */
export async function readText(acs: Acs, nodeId: string): Promise<string> {
  const blob = (await acs.nodes.getNodeContent(nodeId)) as unknown;
  if (blob && typeof (blob as Blob).text === 'function') return (blob as Blob).text();
  if (typeof blob === 'string') return blob;
  if (blob instanceof ArrayBuffer) return new TextDecoder().decode(blob);
  return String(blob);
}
