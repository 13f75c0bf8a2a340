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

describe('bad input: hostile requests answer 400, never 500', () => {
  const repo = useTestRepository();
  const SEARCH = `${API.search}/search`;
  const afts = (query: string) => repo().request('POST', SEARCH, { body: { query: { query, language: 'afts' } } });
  const words = (n: number, op: string) => Array.from({ length: n }, (_, i) => `w${i}`).join(op);

  it('a JSON body nested deeper than 1000 levels answers 400 (Jackson refuses it in ACS)', async () => {
    for (const depth of [1001, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const res = await repo().request('POST', CHILDREN, {
        body: `{"name":"deep","nodeType":"cm:folder","properties":{"cm:title":${deep}}}`
      });
      expectError(res, 400, 'nested deeper');
    }
    // brackets inside strings are text, not nesting
    const nodes = new NodesApi(await repo().api());
    const ok = await nodes.createNode('-my-', { name: 'brackets', nodeType: 'cm:folder', properties: { 'cm:title': '['.repeat(5000) } });
    assert.equal(ok.entry.properties?.['cm:title'], '['.repeat(5000));
  });

  it('a request body with a Content-Encoding answers 400 (ACS does not decode request bodies)', async () => {
    const { gzipSync } = await import('node:zlib');
    const json = JSON.stringify({ name: 'encoded', nodeType: 'cm:folder' });
    for (const [encoding, body] of [
      ['gzip', gzipSync(json)],
      ['gzip', Buffer.from(json)],
      ['br', Buffer.from(json)],
      ['x-unknown', Buffer.from(json)]
    ] as const) {
      expectError(await repo().request('POST', CHILDREN, { headers: { 'content-encoding': encoding }, body }), 400);
    }
    const nodes = new NodesApi(await repo().api());
    const folders = await nodes.listNodeChildren('-my-', { where: '(isFolder=true)' });
    assert.deepEqual(
      folders.list!.entries!.filter((e) => e.entry.name === 'encoded'),
      []
    );
  });

  it('paging values beyond a Java int answer 400; the largest int is still a valid page', async () => {
    const children = `${API.core}/nodes/-root-/children`;
    const tooLarge: Record<string, string>[] = [
      { maxItems: '99999999999999999999' },
      { maxItems: '2147483648' },
      { maxItems: '1e3' },
      { skipCount: '99999999999999999999' }
    ];
    for (const query of tooLarge) {
      expectError(await repo().request('GET', children, { query }), 400, 'Invalid paging parameter');
    }
    const largest = await repo().request('GET', children, { query: { maxItems: '2147483647' } });
    assert.equal(largest.status, 200);
    assert.equal((largest.body as { list: { pagination: { maxItems: number } } }).list.pagination.maxItems, 2147483647);
    for (const paging of [{ maxItems: 1e30 }, { maxItems: 2147483648 }, { skipCount: 1e30 }]) {
      expectError(await repo().request('POST', SEARCH, { body: { query: { query: 'cm:name:x', language: 'afts' }, paging } }), 400);
    }
  });

  it('a node id that is not valid percent-encoded UTF-8 answers 400', async () => {
    for (const path of ['/nodes/%E0%A4', '/nodes/%E0%A4/children', '/nodes/%FF/content']) {
      const res = await repo().request('GET', `${API.core}${path}`);
      repo().recorder.ignore((e) => e.url.includes('%E0%A4') || e.url.includes('%FF')); // not a well-formed operation URL
      expectError({ status: res.status, body: res.body }, 400);
    }
  });

  it('an AFTS query nested too deeply answers 400', async () => {
    expectError(await afts('('.repeat(100_000) + 'a' + ')'.repeat(100_000)), 400, 'nested too deeply');
    expectError(await afts('NOT '.repeat(50_000) + 'a'), 400, 'nested too deeply');
    expectError(await afts('cm:name:('.repeat(5_000) + 'a' + ')'.repeat(5_000)), 400);
    assert.equal((await afts('a AND ('.repeat(50) + 'b' + ')'.repeat(50))).status, 200);
  });

  it('an AFTS query with more than 1024 clauses answers 400 (maxBooleanClauses); 1024 still runs', async () => {
    for (const op of [' OR ', ' AND ', ' ']) {
      assert.equal((await afts(words(1024, op))).status, 200, `1024 clauses joined by '${op}'`);
      expectError(await afts(words(1025, op)), 400, 'Too many clauses');
    }
    expectError(await afts(words(100_000, ' OR ')), 400, 'Too many clauses');
  });

  it('names with control or bidi formatting characters answer 422; Devanagari joiners stay allowed', async () => {
    const nodes = new NodesApi(await repo().api());
    for (const name of [
      'bell\u0007',
      'line\nbreak',
      'tab\there',
      'del\u007f',
      'c1\u0085',
      'invoice\u202Efdp.exe',
      'iso\u2066late',
      'mark\u200F'
    ]) {
      expectError(await rejectionOf(nodes.createNode('-my-', { name, nodeType: 'cm:folder' })), 422);
    }
    const ok = await nodes.createNode('-my-', { name: 'ok-name', nodeType: 'cm:content' });
    expectError(await rejectionOf(nodes.updateNode(ok.entry.id, { name: 'bad\u202Ename' })), 422);
    const upload = new UploadApi(await repo().api());
    expectError(await rejectionOf(upload.uploadFile(new File(['x'], 'x.txt'), '', '-my-', undefined, { name: 'bad\u0000.txt' })), 422);
    const joined = await nodes.createNode('-my-', { name: 'क्\u200Dष फ़ाइल', nodeType: 'cm:folder' });
    assert.equal(joined.entry.name, 'क्\u200Dष फ़ाइल');
  });

  it('look-alike names (NFC and NFD of the same text) are one name: create, rename, move and copy answer 409', async () => {
    const nodes = new NodesApi(await repo().api());
    // é precomposed and as e + combining acute; क़ as U+0958 and as क + nukta (its NFC form): same text on screen
    const composed = 'Caf\u00e9 \u0958';
    const decomposed = 'Cafe\u0301 \u0915\u093c';
    assert.notEqual(composed, decomposed);
    assert.equal(composed.normalize('NFC'), decomposed.normalize('NFC'));
    const folder = (await nodes.createNode('-my-', { name: 'nfc-twins', nodeType: 'cm:folder' })).entry.id;
    const other = (await nodes.createNode('-my-', { name: 'nfc-elsewhere', nodeType: 'cm:folder' })).entry.id;
    await nodes.createNode(folder, { name: composed, nodeType: 'cm:folder' });
    expectError(await rejectionOf(nodes.createNode(folder, { name: decomposed, nodeType: 'cm:folder' })), 409);
    expectError(await rejectionOf(nodes.createNode(folder, { name: decomposed.toUpperCase(), nodeType: 'cm:content' })), 409);

    const twin = (await nodes.createNode(other, { name: decomposed, nodeType: 'cm:content' })).entry.id;
    expectError(await rejectionOf(nodes.moveNode(twin, { targetParentId: folder })), 409);
    expectError(await rejectionOf(nodes.copyNode(twin, { targetParentId: folder })), 409);
    const sibling = (await nodes.createNode(folder, { name: 'plain', nodeType: 'cm:content' })).entry.id;
    expectError(await rejectionOf(nodes.updateNode(sibling, { name: decomposed })), 409);
    const children = await nodes.listNodeChildren(folder);
    assert.deepEqual(children.list!.entries!.map((e) => e.entry.name).sort(), [composed, 'plain'].sort());
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
