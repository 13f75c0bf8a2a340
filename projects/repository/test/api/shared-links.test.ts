/**
 * Shared links API (the Content App's Shared page, "Share" dialog and public viewer): create, list,
 * the public (unauthenticated) reads, delete, expiry, renditions and email.
 *
 * Differences from the definitions, following a real ACS (acs-api/README.md):
 * - POST /shared-links answers 201 Created (declared 200); Alfresco's own tests expect 201.
 * - GET /shared-links/{id} is answered in the public form signed in or not: people carry only
 *   displayName (UserInfo declares id required), so user ids are not disclosed to anonymous callers.
 * Those two exchanges are left out of the recorder's contract check and validated here instead.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { NodesApi, SharedlinksApi, type AlfrescoApi } from '@alfresco/js-api';
import { definitionViolations, expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, API } from '../support/test-repository';

async function textFile(api: AlfrescoApi, name: string, text: string, parent = '-my-') {
  const nodes = new NodesApi(api);
  const node = (await nodes.createNode(parent, { name, nodeType: 'cm:content', properties: { 'cm:title': `Title of ${name}` } })).entry;
  await nodes.updateNodeContent(node.id, text);
  return node;
}

const LINK_PATH = new RegExp(`${API.core}/shared-links/[^/]+$`);

describe('shared links API', () => {
  const repo = useTestRepository();

  before(() => {
    repo().recorder.ignore((e) => e.method === 'POST' && /\/shared-links$/.test(new URL(e.url).pathname) && e.status === 201);
    repo().recorder.ignore((e) => e.method === 'GET' && LINK_PATH.test(new URL(e.url).pathname) && e.status === 200);
  });

  it('shares a file (201): the link describes the file and the node gets qshare:shared', async () => {
    await repo().createUser('sl.a', { firstName: 'Asha', lastName: 'Rao' });
    const api = await repo().api('sl.a', 'sl.a');
    const doc = await textFile(api, 'circular.txt', 'hello world');
    const links = new SharedlinksApi(api);
    const link = await links.createSharedLink(
      { nodeId: doc.id },
      { include: ['allowableOperations', 'path', 'isFavorite', 'aspectNames'] }
    );
    const raw = repo().recorder.last()!;
    assert.equal(raw.status, 201);
    assert.deepEqual(definitionViolations('alfresco-core.yaml', 'SharedLinkEntry', raw.body), []);
    assert.ok(link.entry.id && link.entry.id.length >= 20);
    assert.equal(link.entry.nodeId, doc.id);
    assert.equal(link.entry.name, 'circular.txt');
    assert.equal(link.entry.title, 'Title of circular.txt');
    assert.deepEqual({ ...link.entry.sharedByUser }, { id: 'sl.a', displayName: 'Asha Rao' });
    assert.equal(link.entry.content?.mimeType, 'text/plain');
    assert.equal(link.entry.content?.sizeInBytes, 11);
    assert.deepEqual(link.entry.allowableOperations, ['delete']);
    assert.ok(link.entry.allowableOperationsOnTarget?.includes('update'));
    assert.equal(link.entry.isFavorite, false);
    assert.ok(link.entry.aspectNames?.includes('qshare:shared'));

    const node = await new NodesApi(api).getNode(doc.id);
    assert.ok(node.entry.aspectNames?.includes('qshare:shared'));
    assert.equal(node.entry.properties?.['qshare:sharedId'], link.entry.id);
    assert.equal(node.entry.properties?.['qshare:sharedBy'], 'sl.a');
  });

  it('a node has one link (409); folders (400), unreadable (403) and missing (404) nodes cannot be shared', async () => {
    await repo().createUser('sl.b');
    await repo().createUser('sl.stranger');
    const api = await repo().api('sl.b', 'sl.b');
    const links = new SharedlinksApi(api);
    const doc = await textFile(api, 'once.txt', 'x');
    await links.createSharedLink({ nodeId: doc.id });
    expectError(await rejectionOf(links.createSharedLink({ nodeId: doc.id })), 409);
    const folder = await new NodesApi(api).createNode('-my-', { name: 'Folder', nodeType: 'cm:folder' });
    expectError(await rejectionOf(links.createSharedLink({ nodeId: folder.entry.id })), 400);
    expectError(await rejectionOf(links.createSharedLink({ nodeId: 'no-such-node' })), 404);
    const stranger = new SharedlinksApi(await repo().api('sl.stranger', 'sl.stranger'));
    const other = await textFile(api, 'private.txt', 'y');
    expectError(await rejectionOf(stranger.createSharedLink({ nodeId: other.id })), 403);
    expectError(await rejectionOf(links.createSharedLink({ nodeId: other.id, expiresAt: '2001-01-01T00:00:00.000+0000' as any })), 400);
  });

  it('reads a link, its content (with Range) and its renditions without authentication', async () => {
    await repo().createUser('sl.c', { firstName: 'Chitra' });
    const api = await repo().api('sl.c', 'sl.c');
    const doc = await textFile(api, 'public.txt', 'public content');
    const link = await new SharedlinksApi(api).createSharedLink({ nodeId: doc.id });
    const id = link.entry.id!;

    const info = await repo().request('GET', `${API.core}/shared-links/${id}`, { auth: null });
    assert.equal(info.status, 200);
    const entry = (info.body as any).entry;
    assert.equal(entry.nodeId, doc.id);
    assert.deepEqual(entry.sharedByUser, { displayName: 'Chitra' }, 'no user ids for the public');
    assert.equal(entry.allowableOperations, undefined);
    const problems = definitionViolations('alfresco-core.yaml', 'SharedLinkEntry', info.body).filter(
      (p) => !/User\/? must have required property 'id'|ByUser must have required property 'id'/.test(p)
    );
    assert.deepEqual(problems, []);

    const content = await repo().request('GET', `${API.core}/shared-links/${id}/content`, { auth: null, query: { attachment: false } });
    assert.equal(content.status, 200);
    assert.equal(String(content.body), 'public content');
    // text/plain is not in ACS's content.nonAttach.mimetypes: attachment=false is ignored for it
    assert.match(content.headers.get('content-disposition') ?? '', /^attachment; filename="public.txt"/);
    const part = await repo().request('GET', `${API.core}/shared-links/${id}/content`, { auth: null, headers: { range: 'bytes=0-5' } });
    assert.equal(part.status, 206);
    assert.equal(String(part.body), 'public');

    const renditions = await repo().request('GET', `${API.core}/shared-links/${id}/renditions`, { auth: null });
    assert.equal(renditions.status, 200);
    assert.deepEqual((renditions.body as any).list.entries, [], 'only CREATED renditions are listed and none are generated');
    expectError(await repo().request('GET', `${API.core}/shared-links/${id}/renditions/pdf`, { auth: null }), 404);

    // Through js-api too, as the viewer does.
    const anon = new SharedlinksApi(repo().anonymousApi());
    assert.equal((await anon.getSharedLink(id)).entry.name, 'public.txt');
    expectError(await repo().request('GET', `${API.core}/shared-links/no-such-link/content`, { auth: null }), 404);
  });

  it('creating, listing and deleting need authentication (401)', async () => {
    expectError(await repo().request('GET', `${API.core}/shared-links`, { auth: null }), 401);
    expectError(await repo().request('POST', `${API.core}/shared-links`, { auth: null, body: { nodeId: 'x' } }), 401);
  });

  it("lists links readable by the caller; where=(sharedByUser='-me-') keeps the caller's own", async () => {
    await repo().createUser('sl.d');
    await repo().createUser('sl.e');
    const admin = await repo().api();
    const area = (await new NodesApi(admin).createNode('-root-', { name: 'Shared area', nodeType: 'cm:folder' })).entry;
    await repo().grant(area.id, 'sl.d', 'Collaborator');
    await repo().grant(area.id, 'sl.e', 'Collaborator');
    const d = await repo().api('sl.d', 'sl.d');
    const e = await repo().api('sl.e', 'sl.e');
    const byD = await textFile(d, 'by-d.txt', 'd', area.id);
    const byE = await textFile(e, 'by-e.txt', 'e', area.id);
    const hiddenFromD = await textFile(e, 'e-private.txt', 'p');
    await new SharedlinksApi(d).createSharedLink({ nodeId: byD.id });
    await new SharedlinksApi(e).createSharedLink({ nodeId: byE.id });
    await new SharedlinksApi(e).createSharedLink({ nodeId: hiddenFromD.id });

    const all = await new SharedlinksApi(d).listSharedLinks({ include: ['allowableOperations'] });
    const names = entriesOf(all)
      .map((l) => l.name)
      .sort();
    assert.deepEqual(names, ['by-d.txt', 'by-e.txt']);
    const mine = await new SharedlinksApi(d).listSharedLinks({ where: "(sharedByUser='-me-')" });
    assert.deepEqual(
      entriesOf(mine).map((l) => l.name),
      ['by-d.txt']
    );
    const eLink = entriesOf(all).find((l) => l.name === 'by-e.txt')!;
    assert.deepEqual(eLink.allowableOperations, [], 'a Collaborator may not delete a link someone else made');
    expectError(await rejectionOf(new SharedlinksApi(d).listSharedLinks({ where: '(owner=x)' })), 400);
  });

  it('only the sharer, a node manager or an admin deletes a link (403 otherwise); afterwards it is gone (404)', async () => {
    await repo().createUser('sl.f');
    await repo().createUser('sl.g');
    const f = await repo().api('sl.f', 'sl.f');
    const doc = await textFile(f, 'to-unshare.txt', 'z');
    await repo().grant(doc.id, 'sl.g', 'Consumer');
    const link = await new SharedlinksApi(f).createSharedLink({ nodeId: doc.id });
    const id = link.entry.id!;
    expectError(await rejectionOf(new SharedlinksApi(await repo().api('sl.g', 'sl.g')).deleteSharedLink(id)), 403);
    await new SharedlinksApi(f).deleteSharedLink(id);
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await repo().request('GET', `${API.core}/shared-links/${id}`, { auth: null }), 404);
    expectError(await repo().request('GET', `${API.core}/shared-links/${id}/content`, { auth: null }), 404);
    const node = await new NodesApi(f).getNode(doc.id);
    assert.ok(!node.entry.aspectNames?.includes('qshare:shared'));
    assert.equal(node.entry.properties?.['qshare:sharedId'], undefined);
    // The node can be shared again, under a new id.
    const again = await new SharedlinksApi(f).createSharedLink({ nodeId: doc.id });
    assert.notEqual(again.entry.id, id);
  });

  it('an expired link answers 404 and leaves the node unshared', async () => {
    await repo().createUser('sl.h');
    const api = await repo().api('sl.h', 'sl.h');
    const doc = await textFile(api, 'short-lived.txt', 's');
    const expiresAt = new Date(Date.now() + 1200);
    const link = await new SharedlinksApi(api).createSharedLink({ nodeId: doc.id, expiresAt });
    assert.ok(link.entry.expiresAt);
    const id = link.entry.id!;
    assert.equal((await repo().request('GET', `${API.core}/shared-links/${id}/content`, { auth: null })).status, 200);
    await new Promise((r) => setTimeout(r, 1400));
    expectError(await repo().request('GET', `${API.core}/shared-links/${id}/content`, { auth: null }), 404);
    expectError(await repo().request('GET', `${API.core}/shared-links/${id}`, { auth: null }), 404);
    const node = await new NodesApi(api).getNode(doc.id);
    assert.ok(!node.entry.aspectNames?.includes('qshare:shared'));
  });

  it('email: a valid request is accepted (202); missing client or recipients answer 400', async () => {
    await repo().createUser('sl.i');
    const api = await repo().api('sl.i', 'sl.i');
    const doc = await textFile(api, 'mail-me.txt', 'm');
    const links = new SharedlinksApi(api);
    const id = (await links.createSharedLink({ nodeId: doc.id })).entry.id!;
    await links.emailSharedLink(id, { client: 'share', recipientEmails: ['someone@example.gov.in'] });
    assert.equal(repo().recorder.last()!.status, 202);
    expectError(await rejectionOf(links.emailSharedLink(id, { recipientEmails: ['a@b.c'] })), 400);
    expectError(await rejectionOf(links.emailSharedLink(id, { client: 'share', recipientEmails: [] })), 400);
  });
});
