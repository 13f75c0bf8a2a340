/**
 * Renditions as RenditionsImpl answers them: POST is accepted (202, ACS renders asynchronously) after the
 * same validation; this repository has no transformer, so renditions stay NOT_CREATED.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi, RenditionsApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

describe('renditions API', () => {
  const repo = useTestRepository();
  let counter = 0;

  async function textFile() {
    const nodes = new NodesApi(await repo().api());
    const file = await nodes.createNode('-root-', { name: `rendition-${++counter}.txt`, nodeType: 'cm:content' });
    await nodes.updateNodeContent(file.entry.id, 'some text' as never);
    return file.entry.id;
  }

  it('accepts a rendition request with 202, as ACS does; the rendition is then listed NOT_CREATED', async () => {
    const id = await textFile();
    const renditions = new RenditionsApi(await repo().api());
    await renditions.createRendition(id, { id: 'doclib' });
    assert.equal(repo().recorder.last()!.status, 202);
    const one = await renditions.getRendition(id, 'doclib');
    assert.equal(one.entry.status, 'NOT_CREATED');
    assert.equal(one.entry.content?.mimeType, 'image/png');
    const all = await renditions.listRenditions(id);
    assert.ok(entriesOf(all).every((r) => r.status === 'NOT_CREATED'));
    assert.equal((await renditions.getRendition(id, 'imgpreview')).entry.content?.mimeType, 'image/jpeg');
  });

  it('accepts a list and comma-separated ids (NodeRenditionsRelation)', async () => {
    const id = await textFile();
    const res = await repo().request('POST', `${API.core}/nodes/${id}/renditions`, { body: [{ id: 'doclib' }, { id: 'pdf,medium' }] });
    assert.equal(res.status, 202);
  });

  it('an unregistered rendition id answers 404', async () => {
    const id = await textFile();
    const renditions = new RenditionsApi(await repo().api());
    expectError(await rejectionOf(renditions.createRendition(id, { id: 'thumbnail-xl' })), 404, 'Renditions not registered: thumbnail-xl');
    expectError(await rejectionOf(renditions.getRendition(id, 'thumbnail-xl')), 404);
  });

  it('a missing rendition id answers 400', async () => {
    const id = await textFile();
    expectError(await repo().request('POST', `${API.core}/nodes/${id}/renditions`, { body: {} }), 400, 'Null rendition name supplied');
  });

  it('a folder is not a file: 400 for create, get and list', async () => {
    const nodes = new NodesApi(await repo().api());
    const folder = await nodes.createNode('-root-', { name: `rendition-folder-${++counter}`, nodeType: 'cm:folder' });
    const renditions = new RenditionsApi(await repo().api());
    expectError(await rejectionOf(renditions.createRendition(folder.entry.id, { id: 'doclib' })), 400, 'does not represent a file');
    expectError(await rejectionOf(renditions.listRenditions(folder.entry.id)), 400);
    expectError(await rejectionOf(renditions.getRendition(folder.entry.id, 'doclib')), 400);
  });

  it('an unknown node answers 404 and a user without read permission cannot request a rendition', async () => {
    const renditions = new RenditionsApi(await repo().api());
    expectError(await rejectionOf(renditions.createRendition('no-such-node', { id: 'doclib' })), 404);
    const id = await textFile();
    await repo().createUser('rendition.outsider');
    await repo().grant(id, 'GROUP_EVERYONE', 'Consumer', { inherit: false });
    const nodes = new NodesApi(await repo().api());
    await nodes.updateNode(id, { permissions: { isInheritanceEnabled: false, locallySet: [] } });
    const outsider = new RenditionsApi(await repo().api('rendition.outsider', 'rendition.outsider'));
    expectError(await rejectionOf(outsider.createRendition(id, { id: 'doclib' })), 403);
  });
});
