/**
 * The classic web scripts monitoring and older clients call (server.get, login.get, login.post), answered
 * in the web script formats (not the v1 API envelope). Outside the v1 contract, so checked here by hand.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { API, basicAuth, useTestRepository } from '../support/test-repository';

describe('legacy web scripts: api/server and api/login', () => {
  const repo = useTestRepository();
  before(() => repo().recorder.ignore((e) => /\/alfresco\/(service|s|wcs|wcservice)\//.test(e.url)));

  it('GET /alfresco/s/api/server and /alfresco/service/api/server answer edition, version and schema without credentials', async () => {
    for (const path of ['/alfresco/s/api/server', '/alfresco/service/api/server']) {
      const res = await repo().request('GET', path, { auth: null });
      assert.equal(res.status, 200, path);
      assert.match(res.contentType ?? '', /application\/json/);
      const data = (res.body as { data: Record<string, unknown> }).data;
      assert.deepEqual(Object.keys(data).sort(), ['edition', 'schema', 'version']);
      assert.equal(data.edition, 'Community');
      assert.match(String(data.version), /^\d+\.\d+\.\d+/);
      assert.equal(typeof data.schema, 'string', 'server.get.json.ftl prints the schema inside quotes');
      assert.match(String(data.schema), /^\d+$/);
    }
  });

  it('POST /alfresco/service/api/login with {username, password} answers {data:{ticket}}; the ticket works on the v1 API', async () => {
    const res = await repo().request('POST', '/alfresco/service/api/login', { auth: null, body: { username: 'admin', password: 'admin' } });
    assert.equal(res.status, 200);
    const ticket = (res.body as { data: { ticket: string } }).data.ticket;
    assert.match(ticket, /^TICKET_/);
    const me = await repo().request('GET', `${API.core}/people/-me-`, { auth: basicAuth('ROLE_TICKET', ticket) });
    assert.equal(me.status, 200);
    assert.equal((me.body as { entry: { id: string } }).entry.id, 'admin');
    const byParam = await repo().request('GET', `${API.core}/people/-me-`, { auth: null, query: { alf_ticket: ticket } });
    assert.equal(byParam.status, 200);
  });

  it('GET /alfresco/s/api/login?u=&pw= answers XML by default and JSON with format=json', async () => {
    const xml = await repo().request('GET', '/alfresco/s/api/login', { auth: null, query: { u: 'admin', pw: 'admin' } });
    assert.equal(xml.status, 200);
    assert.match(xml.contentType ?? '', /xml/);
    assert.match(String(xml.body), /<ticket>TICKET_[0-9a-f]+<\/ticket>/);
    const json = await repo().request('GET', '/alfresco/s/api/login', { auth: null, query: { u: 'admin', pw: 'admin', format: 'json' } });
    assert.equal(json.status, 200);
    assert.match((json.body as { data: { ticket: string } }).data.ticket, /^TICKET_/);
  });

  it('wrong credentials answer 403 "Login failed" in the web script status format, even with a bad Authorization header', async () => {
    const res = await repo().request('POST', '/alfresco/service/api/login', {
      auth: ['admin', 'wrong'],
      body: { username: 'admin', password: 'wrong' }
    });
    assert.equal(res.status, 403);
    const body = res.body as { status: { code: number; name: string }; message: string };
    assert.equal(body.status.code, 403);
    assert.equal(body.status.name, 'Forbidden');
    assert.equal(body.message, 'Login failed');
    const get = await repo().request('GET', '/alfresco/service/api/login', { auth: null, query: { u: 'nobody', pw: 'x' } });
    assert.equal(get.status, 403);
    assert.match(String(get.body), /<code>403<\/code>[\s\S]*<message>Login failed<\/message>/);
  });

  it('missing user name, password or a bad body answer 400 with the web script messages', async () => {
    const noUser = await repo().request('GET', '/alfresco/service/api/login', { auth: null, query: { pw: 'admin', format: 'json' } });
    assert.equal(noUser.status, 400);
    assert.equal((noUser.body as { message: string }).message, 'Username not specified');
    const noPw = await repo().request('GET', '/alfresco/service/api/login', { auth: null, query: { u: 'admin', format: 'json' } });
    assert.equal(noPw.status, 400);
    assert.equal((noPw.body as { message: string }).message, 'Password not specified');
    const noPwPost = await repo().request('POST', '/alfresco/service/api/login', { auth: null, body: { username: 'admin' } });
    assert.equal(noPwPost.status, 400);
    assert.match((noPwPost.body as { message: string }).message, /^Unable to parse JSON POST body/);
    const badJson = await repo().request('POST', '/alfresco/service/api/login', { auth: null, body: '{"username": ' });
    assert.equal(badJson.status, 400);
    assert.match((badJson.body as { message: string }).message, /^Unable to parse JSON POST body/);
  });
});
