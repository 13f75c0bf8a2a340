/**
 * Permission roles on a folder: what Consumer, Contributor, Editor, Collaborator and Coordinator may
 * read, create, update, delete and re-permission, as ACS enforces it (403 when refused), and the
 * allowableOperations ADF uses to show or hide actions.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { entriesOf, useTestRepository } from '../support/test-repository';

interface Expectation {
  role: string;
  createChild: boolean;
  updateOthers: boolean;
  deleteOthers: boolean;
  changePermissions: boolean;
}

// Alfresco's standard roles (the cm:content/cm:folder permission groups).
const ROLES: Expectation[] = [
  { role: 'Consumer', createChild: false, updateOthers: false, deleteOthers: false, changePermissions: false },
  { role: 'Contributor', createChild: true, updateOthers: false, deleteOthers: false, changePermissions: false },
  { role: 'Editor', createChild: false, updateOthers: true, deleteOthers: false, changePermissions: false },
  { role: 'Collaborator', createChild: true, updateOthers: true, deleteOthers: false, changePermissions: false },
  { role: 'Coordinator', createChild: true, updateOthers: true, deleteOthers: true, changePermissions: true }
];

describe('permission roles', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
  });

  /** A folder (inheritance off) with one admin-owned document, and a user holding `role` on it. */
  async function setup(role: string) {
    const nodes = new NodesApi(admin);
    const folder = await nodes.createNode('-root-', { name: `perm-${role}`, nodeType: 'cm:folder' });
    const doc = await nodes.createNode(folder.entry.id, { name: 'admin-doc.txt', nodeType: 'cm:content' });
    const userId = `perm.${role.toLowerCase()}`;
    await repo().createUser(userId);
    await nodes.updateNode(folder.entry.id, {
      permissions: { isInheritanceEnabled: false, locallySet: [{ authorityId: userId, name: role, accessStatus: 'ALLOWED' }] }
    });
    const user = new NodesApi(await repo().api(userId, userId));
    return { folderId: folder.entry.id, docId: doc.entry.id, userId, user };
  }

  for (const expected of ROLES) {
    describe(expected.role, () => {
      let ctx: Awaited<ReturnType<typeof setup>>;
      before(async () => {
        ctx = await setup(expected.role);
      });

      it('can read the folder, list it and read the document', async () => {
        assert.equal((await ctx.user.getNode(ctx.folderId)).entry.name, `perm-${expected.role}`);
        const children = await ctx.user.listNodeChildren(ctx.folderId);
        assert.deepEqual(
          entriesOf(children).map((e) => e.name),
          ['admin-doc.txt']
        );
        assert.equal((await ctx.user.getNode(ctx.docId)).entry.name, 'admin-doc.txt');
      });

      it(`${expected.createChild ? 'can' : 'cannot (403)'} create children`, async () => {
        const attempt = ctx.user.createNode(ctx.folderId, { name: `by-${ctx.userId}.txt`, nodeType: 'cm:content' });
        if (expected.createChild) {
          const created = await attempt;
          assert.equal(created.entry.createdByUser.id, ctx.userId);
          // The creator owns the new node and may change and delete it whatever the role.
          await ctx.user.updateNode(created.entry.id, { properties: { 'cm:title': 'mine' } });
          await ctx.user.deleteNode(created.entry.id);
        } else {
          expectError(await rejectionOf(attempt), 403);
        }
      });

      it(`${expected.updateOthers ? 'can' : 'cannot (403)'} update the admin's document`, async () => {
        const attempt = ctx.user.updateNode(ctx.docId, { properties: { 'cm:title': `by ${ctx.userId}` } });
        if (expected.updateOthers) assert.equal((await attempt).entry.properties?.['cm:title'], `by ${ctx.userId}`);
        else expectError(await rejectionOf(attempt), 403);
      });

      it(`${expected.changePermissions ? 'can' : 'cannot (403)'} change permissions`, async () => {
        const attempt = ctx.user.updateNode(ctx.docId, {
          permissions: { locallySet: [{ authorityId: 'GROUP_EVERYONE', name: 'Consumer', accessStatus: 'ALLOWED' }] }
        });
        if (expected.changePermissions) {
          await attempt;
          const after = await ctx.user.getNode(ctx.docId, { include: ['permissions'] });
          assert.ok(after.entry.permissions?.locallySet?.some((p) => p.authorityId === 'GROUP_EVERYONE' && p.name === 'Consumer'));
        } else {
          expectError(await rejectionOf(attempt), 403);
        }
      });

      it(`${expected.changePermissions ? 'reads' : 'is not shown'} the document's permissions (include=permissions needs ReadPermissions)`, async () => {
        // NodesImpl: getAllSetPermissions is refused without ReadPermissions and the field left out, no error.
        const doc = await ctx.user.getNode(ctx.docId, { include: ['permissions'] });
        assert.equal(doc.entry.id, ctx.docId);
        assert.equal(doc.entry.permissions !== undefined, expected.changePermissions, JSON.stringify(doc.entry.permissions));
      });

      it('sees allowableOperations matching the role', async () => {
        const folder = await ctx.user.getNode(ctx.folderId, { include: ['allowableOperations'] });
        const doc = await ctx.user.getNode(ctx.docId, { include: ['allowableOperations'] });
        const folderOps = folder.entry.allowableOperations ?? [];
        const docOps = doc.entry.allowableOperations ?? [];
        assert.equal(folderOps.includes('create'), expected.createChild, `folder ops ${folderOps}`);
        assert.equal(docOps.includes('update'), expected.updateOthers, `doc ops ${docOps}`);
        assert.equal(docOps.includes('delete'), expected.deleteOthers, `doc ops ${docOps}`);
        assert.equal(docOps.includes('updatePermissions'), expected.changePermissions, `doc ops ${docOps}`);
      });

      it(`${expected.deleteOthers ? 'can' : 'cannot (403)'} delete the admin's document`, async () => {
        const attempt = ctx.user.deleteNode(ctx.docId);
        if (expected.deleteOthers) {
          await attempt;
          expectError(await rejectionOf(ctx.user.getNode(ctx.docId)), 404);
        } else {
          expectError(await rejectionOf(attempt), 403);
        }
      });
    });
  }

  it('creating through relativePath needs CreateChildren on the folder the path names, not on the start (NodesImpl.createNode)', async () => {
    const nodes = new NodesApi(admin);
    const item = await nodes.createNode('-root-', { name: 'perm-relative', nodeType: 'cm:folder' });
    const work = await nodes.createNode(item.entry.id, { name: 'Work', nodeType: 'cm:folder' });
    await repo().createUser('perm.relative');
    await nodes.updateNode(item.entry.id, {
      permissions: {
        isInheritanceEnabled: false,
        locallySet: [{ authorityId: 'perm.relative', name: 'Consumer', accessStatus: 'ALLOWED' }]
      }
    });
    await nodes.updateNode(work.entry.id, {
      permissions: { locallySet: [{ authorityId: 'perm.relative', name: 'Collaborator', accessStatus: 'ALLOWED' }] }
    });
    const user = new NodesApi(await repo().api('perm.relative', 'perm.relative'));
    const created = await user.createNode(item.entry.id, { name: 'reply.txt', nodeType: 'cm:content', relativePath: 'Work' });
    assert.equal(created.entry.parentId, work.entry.id);
    // A segment that does not exist yet would be created in the start folder, where the user is a Consumer.
    expectError(await rejectionOf(user.createNode(item.entry.id, { name: 'x.txt', nodeType: 'cm:content', relativePath: 'Other' })), 403);
    expectError(await rejectionOf(user.createNode(item.entry.id, { name: 'y.txt', nodeType: 'cm:content' })), 403);
  });

  it('a user without any permission gets 403 on read', async () => {
    const nodes = new NodesApi(admin);
    const folder = await nodes.createNode('-root-', { name: 'perm-private', nodeType: 'cm:folder' });
    await nodes.updateNode(folder.entry.id, { permissions: { isInheritanceEnabled: false, locallySet: [] } });
    await repo().createUser('perm.none');
    const user = new NodesApi(await repo().api('perm.none', 'perm.none'));
    expectError(await rejectionOf(user.getNode(folder.entry.id)), 403);
    expectError(await rejectionOf(user.listNodeChildren(folder.entry.id)), 403);
  });

  it('permissions are reported with include=permissions (inherited and locally set)', async () => {
    const nodes = new NodesApi(admin);
    const folder = await nodes.createNode('-root-', { name: 'perm-report', nodeType: 'cm:folder' });
    await repo().createUser('perm.reported');
    await nodes.updateNode(folder.entry.id, {
      permissions: { locallySet: [{ authorityId: 'perm.reported', name: 'Collaborator', accessStatus: 'ALLOWED' }] }
    });
    const child = await nodes.createNode(folder.entry.id, { name: 'child', nodeType: 'cm:folder' });
    const folderPerms = (await nodes.getNode(folder.entry.id, { include: ['permissions'] })).entry.permissions!;
    assert.equal(folderPerms.isInheritanceEnabled, true);
    assert.deepEqual(
      folderPerms.locallySet?.map((p) => ({ ...p })),
      [{ authorityId: 'perm.reported', name: 'Collaborator', accessStatus: 'ALLOWED' }]
    );
    assert.ok(folderPerms.settable?.includes('Coordinator'));
    const childPerms = (await nodes.getNode(child.entry.id, { include: ['permissions'] })).entry.permissions!;
    assert.ok(childPerms.inherited?.some((p) => p.authorityId === 'perm.reported' && p.name === 'Collaborator'));
  });
});
