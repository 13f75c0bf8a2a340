import { AlfrescoApi } from '@alfresco/js-api';
import { restCall } from './rest-call';

describe('restCall', () => {
  it('sends JSON to the path below the alfresco context root, with the query and body given', async () => {
    const callApi = jasmine.createSpy('callApi').and.resolveTo({ entry: { id: 'p1' } });
    const api = { contentClient: { callApi } } as unknown as AlfrescoApi;
    const answer = await restCall<{ entry: { id: string } }>(api, 'POST', '/api/x/processes', { maxItems: 5 }, { a: 1 });
    expect(answer.entry.id).toBe('p1');
    expect(callApi).toHaveBeenCalledOnceWith(
      '/api/x/processes',
      'POST',
      {},
      { maxItems: 5 },
      {},
      {},
      { a: 1 },
      ['application/json'],
      ['application/json'],
      undefined,
      'alfresco'
    );
  });

  it('asks with no query and no body when none is given', async () => {
    const callApi = jasmine.createSpy('callApi').and.resolveTo(undefined);
    await restCall({ contentClient: { callApi } } as unknown as AlfrescoApi, 'GET', '/api/y');
    expect(callApi.calls.mostRecent().args.slice(3, 7)).toEqual([{}, {}, {}, undefined]);
  });
});
