/**
 * A non-administrator's search and folder listing over more distinctly-permissioned items than SQLite takes
 * bound parameters (32,766): each item carries its own ACL, as the workflow gives a moving item. The read
 * filter once bound one parameter per readable ACL and answered 500 "too many SQL variables" here; it must
 * answer the right items and the right totalItems.
 *
 * The items are written through the repository's own node store and node service in one transaction (a REST call each would
 * take minutes), then everything is asked over HTTP as the officer.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Caller } from '../../src/auth/caller';
import { startRepository, type RepositoryServer } from '../../src/server';
import { NodeService } from '../../src/services/node-service';

const ITEMS = 35_000;
const SYSTEM: Caller = { userId: 'admin', isAdmin: true, authorities: new Set(['admin']) };
/** An admin-made cm:content row, written through the node store as NodeService.create writes it. */
const ROW = {
  type: 'cm:content',
  is_folder: 0,
  is_file: 1,
  inherits: 1,
  owner: null,
  created_by: 'admin',
  modified_by: 'admin',
  content_url: null,
  mime_type: 'text/plain',
  encoding: 'UTF-8',
  size: 0,
  locked_by: null,
  lock_type: null,
  lock_lifetime: null,
  lock_expires: null
};
const name = (i: number) => `scale-item-${String(i).padStart(5, '0')}.txt`;

/**
 * Every item has entries of its own (its own ACL) and sits in a folder only GROUP_SEC_A may read:
 * - i % 50 === 7: the officer is DENIED Consumer on the item, which hides the folder's grant to the group;
 * - i % 50 === 13: inheritance off, readable by GROUP_SEC_B only; item 13 is nonetheless owned by the officer;
 * - otherwise readable: half through the folder's grant (the item's own entry names GROUP_SEC_B), half
 *   through an entry naming the officer.
 */
function readableByOfficer(i: number): boolean {
  if (i % 50 === 7) return false;
  if (i % 50 === 13) return i === 13;
  return true;
}

describe('read permissions over more ACLs than SQLite has parameters', () => {
  let server: RepositoryServer;
  let dataDir: string;
  let folderId: string;
  const expected: string[] = [];

  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${server.url}/alfresco/api/-default-/public${p}`, {
      method,
      headers: { Authorization: 'Basic ' + Buffer.from('officer:officer').toString('base64'), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-acl-'));
    server = await startRepository({ port: 0, dataDir, quiet: true });
    const ctx = server.context;
    const nodes = new NodeService(ctx);
    ctx.db.transaction(() => {
      ctx.authorities.insertPerson({ id: 'officer', firstName: 'Section', lastName: 'Officer', password: 'officer' });
      ctx.authorities.insertPerson({ id: 'clerk', firstName: 'Clerk', password: 'clerk' });
      ctx.authorities.insertGroup('GROUP_SEC_A', 'Section A');
      ctx.authorities.insertGroup('GROUP_SEC_B', 'Section B');
      ctx.authorities.addMember('GROUP_SEC_A', 'officer');
      ctx.authorities.addMember('GROUP_SEC_B', 'clerk');
      const home = ctx.store.require(ctx.wellKnown.companyHome);
      const folder = nodes.create(SYSTEM, home, { name: 'Scale', nodeType: 'cm:folder' });
      folderId = folder.id;
      nodes.setPermissions(folder.id, { isInheritanceEnabled: false, locallySet: [{ authorityId: 'GROUP_SEC_A', name: 'Consumer' }] });
      const now = new Date().toISOString().replace('Z', '+0000');
      for (let i = 0; i < ITEMS; i++) {
        const item = ctx.store.insert({ ...ROW, parent_id: folder.id, name: name(i), created_at: now, modified_at: now });
        ctx.store.addAspects(item.id, ['cm:auditable', 'sys:referenceable', 'cm:titled']);
        ctx.store.setProperties(item.id, { 'cm:title': `Pendency ${i}` });
        ctx.store.index(item, { 'cm:title': `Pendency ${i}` });
        if (i % 50 === 7)
          nodes.setPermissions(item.id, { locallySet: [{ authorityId: 'officer', name: 'Consumer', accessStatus: 'DENIED' }] });
        else if (i % 50 === 13) {
          nodes.setPermissions(item.id, { isInheritanceEnabled: false, locallySet: [{ authorityId: 'GROUP_SEC_B', name: 'Consumer' }] });
          if (i === 13) ctx.store.update(item.id, { owner: 'officer' });
        } else nodes.setPermissions(item.id, { locallySet: [{ authorityId: i % 2 ? 'officer' : 'GROUP_SEC_B', name: 'Consumer' }] });
        if (readableByOfficer(i)) expected.push(name(i));
      }
    })();
    const acls = ctx.db.prepare('SELECT count(DISTINCT acl_id) FROM node WHERE parent_id = ?').pluck().get(folderId) as number;
    assert.equal(acls, ITEMS, 'every item has an ACL of its own');
    assert.ok(expected.length > 32_766, 'the officer reads more distinct ACLs than SQLite takes parameters');
  });

  after(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('search answers exactly the items the officer may read, with their number', async () => {
    const res = await call('POST', '/search/versions/1/search', {
      query: { query: `PARENT:"workspace://SpacesStore/${folderId}"` },
      paging: { maxItems: 100, skipCount: 0 },
      sort: [{ type: 'FIELD', field: 'cm:name', ascending: true }]
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.list.pagination.totalItems, expected.length);
    assert.deepEqual(
      res.body.list.entries.map((e: { entry: { name: string } }) => e.entry.name),
      expected.slice(0, 100)
    );
  });

  it('a faceted search counts only what the officer may read', async () => {
    const res = await call('POST', '/search/versions/1/search', {
      query: { query: 'cm:title:Pendency' },
      paging: { maxItems: 1, skipCount: 0 },
      facetQueries: [
        { query: 'cm:name:"scale-item-00013.txt"', label: 'owned' },
        { query: 'cm:name:"scale-item-00007.txt"', label: 'denied' }
      ]
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.list.pagination.totalItems, expected.length);
    const counts = Object.fromEntries(res.body.list.context.facetQueries.map((f: { label: string; count: number }) => [f.label, f.count]));
    assert.deepEqual(counts, { owned: 1, denied: 0 });
  });

  it('listing the folder pages through the readable children only', async () => {
    const skip = 32_700;
    const res = await call('GET', `/alfresco/versions/1/nodes/${folderId}/children?skipCount=${skip}&maxItems=100&orderBy=name`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.list.pagination.totalItems, expected.length);
    assert.deepEqual(
      res.body.list.entries.map((e: { entry: { name: string } }) => e.entry.name),
      expected.slice(skip, skip + 100)
    );
  });

  it('a denied or unreadable item stays unreadable one by one', async () => {
    const id = (n: string) => server.context.db.prepare('SELECT id FROM node WHERE name = ?').pluck().get(n) as string;
    assert.equal((await call('GET', `/alfresco/versions/1/nodes/${id(name(7))}`)).status, 403);
    assert.equal((await call('GET', `/alfresco/versions/1/nodes/${id(name(63))}`)).status, 403);
    assert.equal((await call('GET', `/alfresco/versions/1/nodes/${id(name(13))}`)).status, 200);
    assert.equal((await call('GET', `/alfresco/versions/1/nodes/${id(name(8))}`)).status, 200);
  });
});
