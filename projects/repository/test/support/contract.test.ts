/**
 * Self-test of the contract harness on hand-written bodies (no server needed).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { NodesApi } from '@alfresco/js-api';
import { contractViolations, expectContract, expectError, findOperation, rejectionOf, unicodeSafePattern } from './contract';
import { API, createApi } from './js-api';
import { ContractRecorder } from './recorder';

const CORE = `http://127.0.0.1:1${API.core}`;
const user = { id: 'admin', displayName: 'Administrator' };
const validNode = {
  entry: {
    id: '5c3b4d7e-0000-4000-8000-000000000001',
    name: 'Dak register 2026',
    nodeType: 'cm:folder',
    isFolder: true,
    isFile: false,
    createdAt: '2026-11-22T16:08:10.218+0000',
    createdByUser: user,
    modifiedAt: '2026-11-22T16:08:10.218+0000',
    modifiedByUser: user,
    parentId: '5c3b4d7e-0000-4000-8000-000000000000',
    aspectNames: ['cm:titled'],
    properties: { 'cm:title': 'Dak' }
  }
};
const error404 = {
  error: {
    errorKey: 'framework.exception.EntityNotFound',
    statusCode: 404,
    briefSummary: '05220012 The entity with id: x was not found',
    stackTrace: 'For security reasons the stack trace is no longer displayed, but the property is kept for previous versions',
    descriptionURL: 'https://api-explorer.alfresco.com'
  }
};

describe('contract harness', () => {
  it('matches URLs to operations, literal segments first', () => {
    assert.equal(findOperation('GET', `${CORE}/nodes/abc/children?skipCount=0`)?.template, '/nodes/{nodeId}/children');
    assert.deepEqual(findOperation('GET', `${CORE}/nodes/abc/children`)?.pathParams, { nodeId: 'abc' });
    assert.equal(findOperation('DELETE', `${API.auth}/tickets/-me-`)?.spec, 'alfresco-auth.yaml');
    assert.equal(findOperation('GET', API.discovery)?.template, '/discovery');
    assert.equal(findOperation('GET', `${CORE}/types/cm:content`)?.spec, 'alfresco-model.yaml');
    assert.equal(findOperation('PATCH', `${CORE}/nodes/abc`), undefined);
  });

  it('accepts a valid node and reports every violation of an invalid one', () => {
    expectContract({ method: 'GET', url: `${CORE}/nodes/-root-`, status: 200, body: validNode, contentType: 'application/json' });
    const broken = { entry: { ...validNode.entry, isFile: 'no', createdAt: 'yesterday', name: 'a/b' } } as Record<string, any>;
    delete broken.entry.modifiedByUser;
    const problems = contractViolations({ method: 'GET', url: `${CORE}/nodes/-root-`, status: 200, body: broken });
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.throws(
      () => expectContract({ method: 'GET', url: `${CORE}/nodes/-root-`, status: 200, body: broken }),
      (e: Error) => /modifiedByUser/.test(e.message) && /isFile/.test(e.message) && /date-time/.test(e.message) && /pattern/.test(e.message)
    );
  });

  it('rejects undeclared success statuses and bodies on 204', () => {
    assert.match(
      contractViolations({ method: 'POST', url: `${CORE}/nodes/x/children`, status: 200, body: validNode })[0],
      /not declared \(declared: 201\)/
    );
    assert.deepEqual(contractViolations({ method: 'DELETE', url: `${CORE}/nodes/x`, status: 204, body: undefined }), []);
    assert.equal(contractViolations({ method: 'DELETE', url: `${CORE}/nodes/x`, status: 204, body: { a: 1 } }).length, 1);
  });

  it('validates error bodies against the Error envelope', () => {
    expectError({ method: 'GET', url: `${CORE}/nodes/x`, status: 404, body: error404 }, 404, 'framework.exception.EntityNotFound');
    expectError({ status: 404, message: JSON.stringify(error404) }, 404, 'was not found');
    assert.throws(
      () => expectError({ method: 'GET', url: `${CORE}/nodes/x`, status: 404, body: { message: 'not found' } }, 404),
      /Error envelope|required property 'error'/
    );
    assert.throws(() => expectError({ status: 400, body: error404 }, 400), /statusCode is 404/);
    assert.throws(
      () => expectError({ status: 404, body: { error: { ...error404.error, briefSummary: 'Not found' } } }, 404),
      /eight-digit/
    );
  });

  it('applies the documented slips', () => {
    // eslint-disable-next-line no-invalid-regexp -- the point: this pattern is invalid with the u flag
    assert.throws(() => new RegExp('[\\"\\>]', 'u'));
    assert.doesNotThrow(() => new RegExp(unicodeSafePattern('[\\"\\*\\\\\\>\\<\\?\\/\\:\\|]'), 'u'));
    assert.equal(unicodeSafePattern('\\d\\.\\"\\\\'), '\\d\\."\\\\');
    assert.deepEqual(contractViolations({ method: 'GET', url: `${CORE}/nodes/x/content`, status: 206, body: Buffer.from('23') }), []);
    const wf = `http://h${API.workflow}`;
    const process = { entry: { id: '1', processDefinitionId: 'p:1:1', startUserId: 'admin', startedAt: '2026-01-01T00:00:00.000+0000' } };
    assert.deepEqual(contractViolations({ method: 'POST', url: `${wf}/processes`, status: 201, body: process }), []);
    const variable = { entry: { name: 'bpm_assignee', value: 'admin', type: 'd:text', scope: 'local' } };
    assert.deepEqual(contractViolations({ method: 'PUT', url: `${wf}/tasks/7/variables/bpm_assignee`, status: 200, body: variable }), []);
  });

  it('records js-api traffic through a recording fetch', async () => {
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('/tickets')) {
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ entry: { id: 'TICKET_1', userId: 'admin' } }));
      } else if (req.url?.includes('/nodes/-root-')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ entry: { id: 'r' } }));
      } else {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(error404));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const recorder = new ContractRecorder();
      const api = createApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, recorder);
      assert.equal(await api.login('admin', 'admin'), 'TICKET_1');
      await new NodesApi(api).getNode('-root-');
      expectError(await rejectionOf(new NodesApi(api).getNode('missing')), 404, 'was not found');
      assert.deepEqual(
        recorder.exchanges.map((e) => `${e.method} ${e.status}`),
        ['POST 201', 'GET 200', 'GET 404']
      );
      assert.equal(recorder.exchanges[1].requestHeaders.authorization, `Basic ${Buffer.from('ROLE_TICKET:TICKET_1').toString('base64')}`);
      assert.throws(() => recorder.assertContract(), /1 of 3 responses broke the API contract[\s\S]*required property 'name'/);
      assert.doesNotThrow(() => recorder.assertContract(), 'only unchecked exchanges are checked');
    } finally {
      server.close();
    }
  });
});
