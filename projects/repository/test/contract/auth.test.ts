/**
 * Authentication API (tickets) and the ways a client may authenticate on the other APIs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationApi, NodesApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, basicAuth, useTestRepository } from '../support/test-repository';

describe('authentication API', () => {
  const repo = useTestRepository();

  it('login creates a ticket (201) and js-api then authenticates with it', async () => {
    const api = repo().anonymousApi();
    const ticket = await api.login('admin', 'admin');
    assert.match(ticket, /^TICKET_/);
    const login = repo().recorder.exchanges.find((e) => e.method === 'POST' && e.url.endsWith('/tickets'))!;
    assert.equal(login.status, 201);
    assert.deepEqual(login.body, { entry: { id: ticket, userId: 'admin' } });
    const root = await new NodesApi(api).getNode('-root-');
    assert.equal(root.entry.name, 'Company Home');
    assert.equal(repo().recorder.last()!.requestHeaders.authorization, basicAuth('ROLE_TICKET', ticket));
  });

  it('login with a wrong password answers 403, not 401', async () => {
    // js-api also sends Basic admin:wrong on this request; the server must still answer 403.
    const rejection = await rejectionOf(repo().attemptLogin('admin', 'wrong'));
    expectError(rejection, 403);
  });

  it('login for an unknown user answers 403', async () => {
    expectError(await rejectionOf(repo().attemptLogin('nobody', 'nobody')), 403);
  });

  it('login without a password answers 400', async () => {
    const res = await repo().request('POST', `${API.auth}/tickets`, { auth: null, body: { userId: 'admin' } });
    expectError(res, 400);
  });

  it('validates the current ticket with GET /tickets/-me-', async () => {
    const api = await repo().api();
    const valid = await new AuthenticationApi(api).validateTicket();
    assert.equal(valid.entry.id, api.getTicketEcm());
  });

  it('logout deletes the ticket (204); the ticket is then refused with 401', async () => {
    const api = await repo().api();
    const ticket = api.getTicketEcm()!;
    await api.logout();
    assert.equal(repo().recorder.last()!.status, 204);
    const res = await repo().request('GET', `${API.core}/nodes/-root-`, { auth: basicAuth('ROLE_TICKET', ticket) });
    expectError(res, 401);
    const byParam = await repo().request('GET', `${API.core}/nodes/-root-`, { auth: null, query: { alf_ticket: ticket } });
    expectError(byParam, 401);
  });

  it('a call with bad Basic credentials answers 401 with the Error envelope', async () => {
    const res = await repo().request('GET', `${API.core}/nodes/-root-`, { auth: ['admin', 'wrong'] });
    expectError(res, 401);
  });

  it('a call without credentials answers 401 with the Error envelope', async () => {
    const res = await repo().request('GET', `${API.core}/nodes/-root-`, { auth: null });
    expectError(res, 401);
  });

  it('accepts the ticket as alf_ticket query parameter', async () => {
    const ticket = (await repo().api()).getTicketEcm()!;
    const res = await repo().request('GET', `${API.core}/nodes/-root-`, { auth: null, query: { alf_ticket: ticket } });
    assert.equal(res.status, 200);
    assert.equal((res.body as any).entry.name, 'Company Home');
  });

  it('accepts Basic base64(ROLE_TICKET:ticket) and Basic base64(ticket)', async () => {
    const ticket = (await repo().api()).getTicketEcm()!;
    const withRole = await repo().request('GET', `${API.core}/people/-me-`, { auth: basicAuth('ROLE_TICKET', ticket) });
    assert.equal(withRole.status, 200);
    assert.equal((withRole.body as any).entry.id, 'admin');
    const bare = await repo().request('GET', `${API.core}/people/-me-`, {
      auth: 'Basic ' + Buffer.from(ticket).toString('base64')
    });
    assert.equal(bare.status, 200);
    assert.equal((bare.body as any).entry.id, 'admin');
  });

  it('GET /tickets/-me- with a made-up ticket answers 401', async () => {
    const res = await repo().request('GET', `${API.auth}/tickets/-me-`, { auth: basicAuth('ROLE_TICKET', 'TICKET_0000bogus') });
    expectError(res, 401);
  });

  it('a new user can log in with the password given at creation', async () => {
    await repo().createUser('auth.user1', { password: 's3cret' });
    const api = await repo().api('auth.user1', 's3cret');
    const me = await new AuthenticationApi(api).validateTicket();
    assert.equal(me.entry.id, api.getTicketEcm());
    expectError(await rejectionOf(repo().attemptLogin('auth.user1', 'auth.user1')), 403);
  });
});
