import { LegacyHttpClient } from '@alfresco/js-api';
import { NodeTextApi } from './node-text-api';

describe('NodeTextApi', () => {
  const client = () => {
    const get = jasmine.createSpy('get').and.resolveTo('<p>नोट 1</p>');
    return { get, api: new NodeTextApi({ get } as unknown as LegacyHttpClient) };
  };

  it("reads a node's content as text, not as a Blob, from the same path", async () => {
    const { get, api } = client();
    const content: unknown = await api.getNodeContent('n1');
    expect(content).toBe('<p>नोट 1</p>');
    const options = get.calls.mostRecent().args[0];
    expect(options.returnType).toBe('String');
    expect(options.path).toBe('/nodes/{nodeId}/content');
    expect(options.pathParams).toEqual({ nodeId: 'n1' });
  });

  it('leaves every other read as NodesApi makes it', async () => {
    const { get, api } = client();
    await api.getNode('n1', { include: ['properties'] });
    expect(get.calls.mostRecent().args[0].returnType).not.toBe('String');
  });
});
