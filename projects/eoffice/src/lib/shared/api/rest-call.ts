import { AlfrescoApi } from '@alfresco/js-api';

/**
 * A JSON call to a REST path js-api has no client for (the workflow API, Governance Services' newer
 * endpoints), made through the session's own AlfrescoApi so that it carries the same ticket, host and
 * error handling as js-api's clients. `path` is below the `alfresco` context root.
 */
export function restCall<T>(
  api: AlfrescoApi,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  query: Record<string, unknown> = {},
  body?: unknown
): Promise<T> {
  return api.contentClient.callApi(
    path,
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
  ) as Promise<T>;
}
