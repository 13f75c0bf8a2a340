/**
 * Malformed and invalid requests: the status ACS answers and the Error envelope. Raw HTTP is used
 * where js-api cannot send the request (broken JSON, unknown fields, broken multipart).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi, UploadApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, useTestRepository } from '../support/test-repository';

const CHILDREN = `${API.core}/nodes/-my-/children`;

describe('bad input', () => {
  const repo = useTestRepository();

  it('malformed JSON answers 400', async () => {
    expectError(await repo().request('POST', CHILDREN, { body: '{"name": "x", "nodeType": ' }), 400);
    expectError(await repo().request('POST', `${API.core}/people`, { body: '{not json}' }), 400);
    expectError(await repo().request('POST', `${API.auth}/tickets`, { auth: null, body: '{"userId":' }), 400);
  });

  it('an empty body where one is required answers 400', async () => {
    expectError(await repo().request('POST', CHILDREN, { body: '' }), 400);
  });

  it('an unknown top-level field answers 400', async () => {
    const res = await repo().request('POST', CHILDREN, { body: { name: 'x', nodeType: 'cm:folder', colour: 'red' } });
    expectError(res, 400);
  });

  it('a missing name or nodeType answers 400', async () => {
    expectError(await repo().request('POST', CHILDREN, { body: { nodeType: 'cm:folder' } }), 400);
    expectError(await repo().request('POST', CHILDREN, { body: { name: 'no-type' } }), 400);
  });

  it('a wrong JSON type for a field answers 400', async () => {
    expectError(await repo().request('POST', CHILDREN, { body: { name: 'x', nodeType: 'cm:folder', aspectNames: 'cm:titled' } }), 400);
  });

  it('an unknown node type answers 400 or 422', async () => {
    const nodes = new NodesApi(await repo().api());
    const rejection = await rejectionOf(nodes.createNode('-my-', { name: 'x', nodeType: 'cm:noSuchType' }));
    // The definitions list 400 for an invalid body; the shared README says ACS uses 422 for invalid node types.
    assert.ok([400, 422].includes(rejection.status!), `status ${rejection.status}`);
    expectError(rejection, rejection.status!);
  });

  it('names with characters ACS forbids answer 422 (create, rename, upload)', async () => {
    const api = await repo().api();
    const nodes = new NodesApi(api);
    for (const name of ['a/b', 'a\\b', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', 'ends-with-dot.', 'ends-with-space ']) {
      expectError(await rejectionOf(nodes.createNode('-my-', { name, nodeType: 'cm:folder' })), 422);
    }
    const ok = await nodes.createNode('-my-', { name: 'valid name.txt', nodeType: 'cm:content' });
    expectError(await rejectionOf(nodes.updateNode(ok.entry.id, { name: 'bad/name' })), 422);
    const upload = new UploadApi(api);
    expectError(await rejectionOf(upload.uploadFile(new File(['x'], 'x.txt'), '', '-my-', undefined, { name: 'bad:name.txt' })), 422);
  });

  it('invalid paging parameters answer 400', async () => {
    const nodes = new NodesApi(await repo().api());
    expectError(await rejectionOf(nodes.listNodeChildren('-root-', { maxItems: 0 })), 400);
    expectError(await rejectionOf(nodes.listNodeChildren('-root-', { skipCount: -1 })), 400);
    expectError(await repo().request('GET', `${API.core}/nodes/-root-/children`, { query: { maxItems: 'many' } }), 400);
  });

  it('an invalid where clause answers 400', async () => {
    const nodes = new NodesApi(await repo().api());
    expectError(await rejectionOf(nodes.listNodeChildren('-root-', { where: '(isFolder=' })), 400);
    expectError(await rejectionOf(nodes.listNodeChildren('-root-', { where: '(colour=red)' })), 400);
  });

  it('multipart without filedata answers 400', async () => {
    const form = new FormData();
    form.append('name', 'no-file.txt');
    form.append('nodeType', 'cm:content');
    expectError(await repo().request('POST', CHILDREN, { body: form }), 400);
  });

  it('a broken multipart body answers 400', async () => {
    const res = await repo().request('POST', CHILDREN, {
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="filedata"; filename="a.txt"\r\n\r\nunterminated')
    });
    expectError(res, 400);
  });

  it('a JSON body on a node update with a read-only field answers 400', async () => {
    const nodes = new NodesApi(await repo().api());
    const node = await nodes.createNode('-my-', { name: 'readonly-test', nodeType: 'cm:folder' });
    const res = await repo().request('PUT', `${API.core}/nodes/${node.entry.id}`, { body: { id: 'other-id' } });
    expectError(res, 400);
  });

  it('an unknown API path answers 404 with the Error envelope', async () => {
    const res = await repo().request('GET', `${API.core}/no-such-collection`);
    assert.equal(res.status, 404);
    repo().recorder.ignore((e) => e.url.includes('/no-such-collection')); // not an operation of the contract
    expectError({ status: res.status, body: res.body }, 404);
  });
});

describe('bad input: content size limit', () => {
  const repo = useTestRepository({ maxUploadBytes: 1024 });

  it('an upload above maxUploadBytes answers 413', async () => {
    const upload = new UploadApi(await repo().api());
    const rejection = await rejectionOf(upload.uploadFile(new File([Buffer.alloc(4096, 65)], 'big.txt'), '', '-my-'));
    expectError(rejection, 413);
    const small = await upload.uploadFile(new File([Buffer.alloc(512, 65)], 'small.txt'), '', '-my-');
    assert.equal(small.entry.content.sizeInBytes, 512);
  });
});
