/**
 * Smaller differences found by replaying what ACS answers (js-api's recorded responses, Alfresco's v1
 * implementation classes): Person.company always present, the sys: namespace hidden from nodes, and the
 * ticket validation answers of AuthenticationsImpl.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationApi, DownloadsApi, NodesApi, PeopleApi, SearchApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, basicAuth, entriesOf, useTestRepository } from '../support/test-repository';

describe('ACS parity: people, nodes, tickets', () => {
  const repo = useTestRepository();
  let counter = 0;
  const lastBody = () => repo().recorder.last()!.body as any;

  describe('Person.company', () => {
    it('is {} when the person has no company (ACS always builds one), in get, create and list', async () => {
      const people = new PeopleApi(await repo().api());
      const created = await people.createPerson({ id: 'parity.nocompany', firstName: 'No', email: 'n@example.com', password: 'pw' });
      assert.deepEqual(lastBody().entry.company, {});
      assert.deepEqual({ ...created.entry.company }, {});
      await people.getPerson('-me-');
      assert.deepEqual(lastBody().entry.company, {});
      await people.listPeople({ maxItems: 100 });
      const listed = lastBody().list.entries as { entry: { company?: unknown } }[];
      assert.ok(listed.length > 1);
      for (const e of listed) assert.ok(e.entry.company && typeof e.entry.company === 'object', 'every person has company');
    });

    it('carries only the company fields that hold a value', async () => {
      const people = new PeopleApi(await repo().api());
      await people.createPerson({
        id: 'parity.company',
        firstName: 'With',
        email: 'w@example.com',
        password: 'pw',
        company: { organization: 'DARPG', postcode: '110001' }
      });
      await people.getPerson('parity.company');
      assert.deepEqual(lastBody().entry.company, { organization: 'DARPG', postcode: '110001' });
    });
  });

  describe('the sys: namespace is hidden (NodesImpl EXCLUDED_NS)', () => {
    it('is left out of aspectNames and properties, also in include=path elements and listings', async () => {
      const nodes = new NodesApi(await repo().api());
      const parent = await nodes.createNode('-root-', { name: `parity-${++counter}`, nodeType: 'cm:folder' });
      const created = lastBody().entry;
      assert.ok(created.aspectNames.includes('cm:auditable'));
      const child = await nodes.createNode(parent.entry.id, { name: 'child', nodeType: 'cm:folder' });
      await nodes.getNode(child.entry.id, { include: ['path', 'aspectNames', 'properties'] });
      const body = lastBody().entry;
      const sys = (names: string[]) => names.filter((n) => n.startsWith('sys:'));
      assert.deepEqual(sys(body.aspectNames), []);
      assert.deepEqual(sys(Object.keys(body.properties ?? {})), []);
      assert.equal(body.path.elements.length, 2);
      for (const el of body.path.elements) assert.deepEqual(sys(el.aspectNames ?? []), [], `path element ${el.name}`);
      await nodes.listNodeChildren(parent.entry.id, { include: ['aspectNames', 'properties'] });
      for (const e of lastBody().list.entries) {
        assert.deepEqual(sys(e.entry.aspectNames), []);
        assert.deepEqual(sys(Object.keys(e.entry.properties ?? {})), []);
      }
    });

    it('leaves properties out when none is left after the exclusions (NodesImpl maps an empty map to null)', async () => {
      const nodes = new NodesApi(await repo().api());
      await nodes.createNode('-root-', { name: `parity-${++counter}`, nodeType: 'cm:folder' });
      const bare = lastBody().entry;
      assert.ok(!('properties' in bare), JSON.stringify(bare));
      assert.deepEqual(bare.aspectNames, ['cm:auditable']);
      await nodes.createNode('-root-', {
        name: `parity-${++counter}`,
        nodeType: 'cm:folder',
        properties: { 'cm:title': 'Titled', 'cm:description': '' }
      });
      assert.deepEqual(lastBody().entry.properties, { 'cm:title': 'Titled' }, 'an empty string is absent too');
      // Company Home has the title and description of ACS's bootstrap (spaces.xml).
      await nodes.getNode('-root-');
      assert.equal(lastBody().entry.properties['cm:title'], 'Company Home');
      assert.equal(lastBody().entry.properties['cm:description'], 'The company root space');
    });

    it('refuses sys: aspects and properties and the auditable properties in create and update (400)', async () => {
      const nodes = new NodesApi(await repo().api());
      const name = `parity-${++counter}`;
      expectError(await rejectionOf(nodes.createNode('-root-', { name, nodeType: 'cm:folder', aspectNames: ['sys:hidden'] })), 400);
      expectError(await rejectionOf(nodes.createNode('-root-', { name, nodeType: 'cm:folder', properties: { 'sys:locale': 'en' } })), 400);
      expectError(
        await rejectionOf(
          nodes.createNode('-root-', { name, nodeType: 'cm:folder', properties: { 'cm:created': '2020-01-01T00:00:00.000+0000' } })
        ),
        400
      );
      const folder = await nodes.createNode('-root-', { name, nodeType: 'cm:folder' });
      expectError(await rejectionOf(nodes.updateNode(folder.entry.id, { aspectNames: ['cm:auditable', 'sys:hidden'] })), 400);
      expectError(await rejectionOf(nodes.updateNode(folder.entry.id, { properties: { 'cm:creator': 'someone' } })), 400);
    });

    it('an update of aspectNames keeps the hidden sys: aspects the client never saw', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const file = await nodes.createNode('-root-', { name: `parity-${++counter}.txt`, nodeType: 'cm:content' });
      // A download node is created sys:hidden; the client reads it without that aspect and writes the list back.
      const download = await new DownloadsApi(api).createDownload({ nodeIds: [file.entry.id] });
      const seen = await nodes.getNode(download.entry.id!);
      assert.ok(!seen.entry.aspectNames!.includes('sys:hidden'));
      await nodes.updateNode(download.entry.id!, { aspectNames: seen.entry.aspectNames });
      const found = await new SearchApi(api).search({
        query: { query: `ASPECT:"sys:hidden" AND cm:name:"${download.entry.id}.zip"`, language: 'afts' }
      });
      assert.deepEqual(
        entriesOf(found).map((e) => e.id),
        [download.entry.id]
      );
    });
  });

  describe('GET/DELETE /tickets/-me- (AuthenticationsImpl)', () => {
    it('answers the ticket id alone, without userId', async () => {
      const api = await repo().api();
      await new AuthenticationApi(api).validateTicket();
      assert.deepEqual(lastBody(), { entry: { id: api.getTicketEcm() } });
    });

    it('answers 400 to Basic user:password (a ticket is required), for GET and DELETE', async () => {
      const get = await repo().request('GET', `${API.auth}/tickets/-me-`, { auth: ['admin', 'admin'] });
      expectError(get, 400, 'Ticket base authentication required');
      expectError(await repo().request('DELETE', `${API.auth}/tickets/-me-`, { auth: ['admin', 'admin'] }), 400);
    });

    it('answers 400 to an id other than -me-', async () => {
      const ticket = (await repo().api()).getTicketEcm()!;
      // Outside the contract (only -me- is declared), so checked as a plain Error envelope.
      repo().recorder.ignore((e) => e.url.includes(`/tickets/${ticket}`));
      const res = await repo().request('GET', `${API.auth}/tickets/${ticket}`, { auth: basicAuth('ROLE_TICKET', ticket) });
      expectError({ status: res.status, body: res.body }, 400, 'Invalid parameter');
    });
  });
});
