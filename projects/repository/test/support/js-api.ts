/**
 * @alfresco/js-api in Node: a client whose every request goes through a recording fetch.
 *
 * js-api 10 sends requests with its FetchHttpClient, which calls (in this order) the fetch given to
 * its constructor, `process.__test_fetch__`, or `globalThis.fetch`; it uses XMLHttpRequest only when
 * that global exists (browsers), never in Node. AlfrescoApi takes an http client as its second
 * constructor argument and passes it to every client it builds (content, auth, search, discovery, gs,
 * process), so one FetchHttpClient over the recorder captures everything that instance sends.
 */
import { AlfrescoApi } from '@alfresco/js-api';
import type { ContractRecorder } from './recorder';

type HttpClient = NonNullable<ConstructorParameters<typeof AlfrescoApi>[1]>;

// FetchHttpClient is not re-exported from the package index; the package has no "exports" map,
// so its module path is reachable directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FetchHttpClient } = require('@alfresco/js-api/src/fetchHttpClient') as {
  FetchHttpClient: new (customFetch?: typeof fetch) => HttpClient;
};

/** Base paths of the public APIs, below the server URL. */
export const API = {
  auth: '/alfresco/api/-default-/public/authentication/versions/1',
  core: '/alfresco/api/-default-/public/alfresco/versions/1',
  search: '/alfresco/api/-default-/public/search/versions/1',
  workflow: '/alfresco/api/-default-/public/workflow/versions/1',
  gs: '/alfresco/api/-default-/public/gs/versions/1',
  discovery: '/alfresco/api/discovery'
} as const;

/** A js-api client (not logged in) for `url` whose requests are recorded by `recorder`. */
export function createApi(url: string, recorder?: ContractRecorder): AlfrescoApi {
  const httpClient = new FetchHttpClient(recorder ? recorder.fetch : undefined);
  return new AlfrescoApi({ hostEcm: url, provider: 'ECM', contextRoot: 'alfresco' }, httpClient);
}

export interface PublicCallOptions {
  pathParams?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls a public API that js-api has no client for (workflow) through the generic content client:
 * `callApi(path, method, pathParams, query, headers, form, body, contentTypes, accepts, returnType,
 * contextRoot)` builds `<hostEcm>/<contextRoot><path>` and sends it with the logged-in ticket.
 *
 *   await callPublicApi(api, 'workflow', 'PUT', '/tasks/{taskId}', {
 *     pathParams: { taskId }, query: { select: 'state,variables' }, body: { state: 'completed' } });
 */
export function callPublicApi<T = any>(
  api: AlfrescoApi,
  which: keyof typeof API,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  opts: PublicCallOptions = {}
): Promise<T> {
  const base = API[which].replace(/^\/alfresco/, '');
  return api.contentClient.callApi(
    base + path,
    method,
    opts.pathParams ?? {},
    opts.query ?? {},
    opts.headers ?? {},
    {},
    opts.body,
    ['application/json'],
    ['application/json'],
    undefined,
    'alfresco'
  ) as Promise<T>;
}
