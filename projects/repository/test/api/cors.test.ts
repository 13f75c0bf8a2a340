/**
 * CORS as an ACS with cors.enabled answers it: a browser app on another localhost port may call the API
 * with credentials; other origins get no CORS headers (the browser then blocks the call).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestRepository } from '../support/test-repository';

describe('CORS', () => {
  const repo = useTestRepository();
  const path = '/alfresco/api/-default-/public/alfresco/versions/1/nodes/-root-';

  it('answers a preflight from a localhost app and allows its credentials', async () => {
    const res = await fetch(repo().url + path, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:4200',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,content-type'
      }
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:4200');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /authorization/i);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });

  it('gives other origins no CORS headers', async () => {
    const res = await repo().request('GET', path, { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
