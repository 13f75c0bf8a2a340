/**
 * Nodes API: aliases, relativePath, children listing, create (JSON and multipart), rename clashes,
 * update, delete/restore, copy, move, lock, content (with Range), versions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi, TrashcanApi, UploadApi, VersionsApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, useTestRepository, entriesOf, pageOf } from '../support/test-repository';

const textFile = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

describe('nodes API', () => {
  const repo = useTestRepository();
  let counter = 0;

  /** A fresh folder under Company Home for one test. */
  async function folder(api: AlfrescoApi, prefix = 'nodes-test'): Promise<string> {
    const created = await new NodesApi(api).createNode('-root-', { name: `${prefix}-${++counter}`, nodeType: 'cm:folder' });
    return created.entry.id;
  }

  describe('aliases and relativePath', () => {
    it('-root- is Company Home', async () => {
      const root = await new NodesApi(await repo().api()).getNode('-root-');
      assert.equal(root.entry.name, 'Company Home');
      assert.equal(root.entry.nodeType, 'cm:folder');
      assert.equal(root.entry.isFolder, true);
      assert.equal(root.entry.isFile, false);
      assert.ok(root.entry.aspectNames, 'getNode includes aspectNames by default');
      assert.ok(root.entry.properties, 'getNode includes properties by default');
    });

    it('-my- is the user home folder in User Homes', async () => {
      await repo().createUser('home.user');
      const my = await new NodesApi(await repo().api('home.user', 'home.user')).getNode('-my-', { include: ['path'] });
      assert.equal(my.entry.name, 'home.user');
      assert.equal(my.entry.path?.name, '/Company Home/User Homes');
      assert.equal(my.entry.path?.isComplete, true);
      assert.deepEqual(
        my.entry.path?.elements?.map((e) => e.name),
        ['Company Home', 'User Homes']
      );
    });

    it('-shared- is the Shared folder', async () => {
      const shared = await new NodesApi(await repo().api()).getNode('-shared-');
      assert.equal(shared.entry.name, 'Shared');
    });

    it('relativePath resolves below the given node', async () => {
      const nodes = new NodesApi(await repo().api());
      const dd = await nodes.getNode('-root-', { relativePath: 'Data Dictionary' });
      assert.equal(dd.entry.name, 'Data Dictionary');
      const models = await nodes.getNode('-root-', { relativePath: '/Data Dictionary/Models' });
      assert.equal(models.entry.name, 'Models');
      assert.equal(models.entry.parentId, dd.entry.id);
      expectError(await rejectionOf(nodes.getNode('-root-', { relativePath: 'No Such Folder' })), 404);
    });

    it('an unknown node id answers 404', async () => {
      const nodes = new NodesApi(await repo().api());
      expectError(await rejectionOf(nodes.getNode('00000000-0000-4000-8000-000000000000')), 404);
    });
  });

  describe('children', () => {
    it('lists folders first, then by name, with paging', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      for (const name of ['b.txt', 'a.txt', 'c.txt']) await nodes.createNode(parent, { name, nodeType: 'cm:content' });
      for (const name of ['zeta', 'alpha']) await nodes.createNode(parent, { name, nodeType: 'cm:folder' });
      const all = await nodes.listNodeChildren(parent);
      assert.deepEqual(
        entriesOf(all).map((e) => e.name),
        ['alpha', 'zeta', 'a.txt', 'b.txt', 'c.txt']
      );
      assert.deepEqual(pageOf(all), { count: 5, hasMoreItems: false, totalItems: 5, skipCount: 0, maxItems: 100 });
      const page = await nodes.listNodeChildren(parent, { skipCount: 1, maxItems: 2 });
      assert.deepEqual(
        entriesOf(page).map((e) => e.name),
        ['zeta', 'a.txt']
      );
      assert.deepEqual(pageOf(page), { count: 2, hasMoreItems: true, totalItems: 5, skipCount: 1, maxItems: 2 });
    });

    it('orders by orderBy and filters with where', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      for (const name of ['b.txt', 'a.txt']) await nodes.createNode(parent, { name, nodeType: 'cm:content' });
      await nodes.createNode(parent, { name: 'm-folder', nodeType: 'cm:folder' });
      const desc = await nodes.listNodeChildren(parent, { orderBy: ['name DESC'] });
      assert.deepEqual(
        entriesOf(desc).map((e) => e.name),
        ['m-folder', 'b.txt', 'a.txt']
      );
      const files = await nodes.listNodeChildren(parent, { where: '(isFile=true)' });
      assert.deepEqual(
        entriesOf(files).map((e) => e.name),
        ['a.txt', 'b.txt']
      );
      const folders = await nodes.listNodeChildren(parent, { where: '(isFolder=true)' });
      assert.deepEqual(
        entriesOf(folders).map((e) => e.name),
        ['m-folder']
      );
      const typed = await nodes.listNodeChildren(parent, { where: "(nodeType='cm:content')" });
      assert.equal(entriesOf(typed).length, 2);
      expectError(await rejectionOf(nodes.listNodeChildren(parent, { orderBy: ['noSuchField'] })), 400);
    });

    it('returns minimal entries unless include asks for more', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      await nodes.createNode(parent, { name: 'doc.txt', nodeType: 'cm:content', properties: { 'cm:title': 'A title' } });
      const minimal = repo().recorder;
      await nodes.listNodeChildren(parent);
      const plain = (minimal.last()!.body as any).list.entries[0].entry;
      assert.equal(plain.properties, undefined);
      assert.equal(plain.aspectNames, undefined);
      assert.equal(plain.content.mimeType, 'text/plain');
      const rich = await nodes.listNodeChildren(parent, {
        include: ['properties', 'aspectNames', 'path', 'allowableOperations', 'isLocked']
      });
      const entry = entriesOf(rich)[0];
      assert.equal(entry.properties?.['cm:title'], 'A title');
      assert.ok(entry.aspectNames?.includes('cm:titled'));
      assert.equal(entry.isLocked, false);
      assert.ok(entry.allowableOperations?.includes('delete'));
      assert.ok(entry.path?.name?.startsWith('/Company Home/'));
    });

    it('relativePath on the children list and includeSource', async () => {
      const nodes = new NodesApi(await repo().api());
      const list = await nodes.listNodeChildren('-root-', { relativePath: 'Data Dictionary', includeSource: true });
      assert.ok(entriesOf(list).some((e) => e.name === 'Models'));
      assert.equal(list.list?.source?.name, 'Data Dictionary');
    });
  });

  describe('create', () => {
    it('creates a folder (201) with properties and intermediate folders from relativePath', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      const created = await nodes.createNode(parent, {
        name: 'File 12-2026',
        nodeType: 'cm:folder',
        relativePath: 'Section A/2026',
        properties: { 'cm:title': 'File 12', 'cm:description': 'Dak file' }
      });
      assert.equal(repo().recorder.last()!.status, 201);
      assert.equal(created.entry.name, 'File 12-2026');
      assert.equal(created.entry.isFolder, true);
      assert.equal(created.entry.properties?.['cm:title'], 'File 12');
      assert.ok(created.entry.aspectNames?.includes('cm:titled'));
      assert.equal(created.entry.createdByUser.id, 'admin');
      const year = await nodes.getNode(created.entry.parentId!);
      assert.equal(year.entry.name, '2026');
      assert.equal((await nodes.getNode(year.entry.parentId!)).entry.name, 'Section A');
    });

    it('creates empty content with JSON', async () => {
      const api = await repo().api();
      const created = await new NodesApi(api).createNode(await folder(api), { name: 'note.txt', nodeType: 'cm:content' });
      assert.equal(created.entry.isFile, true);
      assert.equal(created.entry.content?.sizeInBytes, 0);
      assert.equal(created.entry.content?.mimeType, 'text/plain');
    });

    it('uploads a file with multipart/form-data (UploadApi) including properties and relativePath', async () => {
      const api = await repo().api();
      const parent = await folder(api);
      const uploaded = await new UploadApi(api).uploadFile(textFile('letter.txt', 'Dak letter body'), 'inward/2026', parent, {
        name: 'letter.txt',
        nodeType: 'cm:content',
        properties: { 'cm:title': 'Inward letter' }
      });
      assert.equal(repo().recorder.last()!.status, 201);
      assert.equal(uploaded.entry.name, 'letter.txt');
      assert.equal(uploaded.entry.isFile, true);
      assert.equal(uploaded.entry.content.mimeType, 'text/plain');
      assert.equal(uploaded.entry.content.sizeInBytes, Buffer.byteLength('Dak letter body'));
      assert.equal(uploaded.entry.properties['cm:title'], 'Inward letter');
      const nodes = new NodesApi(api);
      const body = await nodes.getNodeContent(uploaded.entry.id);
      assert.equal(Buffer.from(body as any).toString('utf8'), 'Dak letter body');
      const inward = await nodes.getNode(parent, { relativePath: 'inward/2026' });
      assert.equal(uploaded.entry.parentId, inward.entry.id);
    });

    it('a duplicate name answers 409; autoRename picks name-1', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      await nodes.createNode(parent, { name: 'same.txt', nodeType: 'cm:content' });
      const clash = await rejectionOf(nodes.createNode(parent, { name: 'same.txt', nodeType: 'cm:content' }));
      expectError(clash, 409, 'Duplicate child name not allowed');
      const renamed = await nodes.createNode(parent, { name: 'same.txt', nodeType: 'cm:content' }, { autoRename: true });
      assert.equal(renamed.entry.name, 'same-1.txt');
      const upload = new UploadApi(api);
      const up = await upload.uploadFile(textFile('same.txt', 'x'), '', parent, undefined, { autoRename: true });
      assert.equal(up.entry.name, 'same-2.txt');
      expectError(await rejectionOf(upload.uploadFile(textFile('same.txt', 'x'), '', parent)), 409);
      const folderClash = await rejectionOf(nodes.createNode(parent, { name: 'SAME.TXT', nodeType: 'cm:folder' }));
      expectError(folderClash, 409, 'Duplicate child name not allowed');
    });

    it('refuses a child under a file (400 or 422)', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const file = await nodes.createNode(await folder(api), { name: 'f.txt', nodeType: 'cm:content' });
      const rejection = await rejectionOf(nodes.createNode(file.entry.id, { name: 'child', nodeType: 'cm:folder' }));
      assert.ok([400, 422].includes(rejection.status!), `status ${rejection.status}`);
    });
  });

  describe('update, delete, copy, move', () => {
    it('updates properties and renames (200)', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      const node = await nodes.createNode(parent, { name: 'draft.txt', nodeType: 'cm:content' });
      const updated = await nodes.updateNode(node.entry.id, {
        name: 'final.txt',
        properties: { 'cm:title': 'Final', 'cm:description': 'Approved' }
      });
      assert.equal(updated.entry.name, 'final.txt');
      assert.equal(updated.entry.properties?.['cm:title'], 'Final');
      assert.equal(updated.entry.properties?.['cm:description'], 'Approved');
      assert.ok(updated.entry.aspectNames?.includes('cm:titled'));
      assert.ok(new Date(updated.entry.modifiedAt).getTime() >= new Date(node.entry.modifiedAt).getTime());
      await nodes.createNode(parent, { name: 'other.txt', nodeType: 'cm:content' });
      expectError(await rejectionOf(nodes.updateNode(node.entry.id, { name: 'other.txt' })), 409);
    });

    it('deletes to the trashcan (204) and restores', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const node = await nodes.createNode(await folder(api), { name: 'to-delete.txt', nodeType: 'cm:content' });
      await nodes.deleteNode(node.entry.id);
      assert.equal(repo().recorder.last()!.status, 204);
      expectError(await rejectionOf(nodes.getNode(node.entry.id)), 404);
      const trash = new TrashcanApi(api);
      const deleted = await trash.listDeletedNodes({ maxItems: 100 });
      assert.ok(entriesOf(deleted).some((e) => e.id === node.entry.id));
      const restored = await trash.restoreDeletedNode(node.entry.id);
      assert.equal(restored.entry.name, 'to-delete.txt');
      assert.equal((await nodes.getNode(node.entry.id)).entry.id, node.entry.id);
    });

    it('permanent delete skips the trashcan', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const node = await nodes.createNode(await folder(api), { name: 'gone.txt', nodeType: 'cm:content' });
      await nodes.deleteNode(node.entry.id, { permanent: true });
      expectError(await rejectionOf(new TrashcanApi(api).getDeletedNode(node.entry.id)), 404);
    });

    it('copies (201) with a new id and moves (200)', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const source = await folder(api);
      const target = await folder(api);
      const node = await new UploadApi(api).uploadFile(textFile('copy-me.txt', 'copy body'), '', source);
      const copy = await nodes.copyNode(node.entry.id, { targetParentId: target });
      assert.equal(repo().recorder.last()!.status, 201);
      assert.notEqual(copy.entry.id, node.entry.id);
      assert.equal(copy.entry.name, 'copy-me.txt');
      assert.equal(copy.entry.parentId, target);
      assert.equal(Buffer.from((await nodes.getNodeContent(copy.entry.id)) as any).toString(), 'copy body');
      expectError(await rejectionOf(nodes.copyNode(node.entry.id, { targetParentId: target })), 409);
      const renamedCopy = await nodes.copyNode(node.entry.id, { targetParentId: target, name: 'copy-2.txt' });
      assert.equal(renamedCopy.entry.name, 'copy-2.txt');

      const moved = await nodes.moveNode(node.entry.id, { targetParentId: target, name: 'moved.txt' });
      assert.equal(repo().recorder.last()!.status, 200);
      assert.equal(moved.entry.id, node.entry.id);
      assert.equal(moved.entry.parentId, target);
      assert.equal(moved.entry.name, 'moved.txt');
      const left = await nodes.listNodeChildren(source);
      assert.equal(pageOf(left).totalItems, 0);
      expectError(await rejectionOf(nodes.moveNode(target, { targetParentId: target })), 400);
    });

    it('locks (200) and unlocks (200); others cannot change a locked node (409)', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const parent = await folder(api);
      await repo().createUser('lock.other');
      await repo().grant(parent, 'lock.other', 'Coordinator');
      const node = await nodes.createNode(parent, { name: 'locked.txt', nodeType: 'cm:content' });
      const locked = await nodes.lockNode(
        node.entry.id,
        { type: 'ALLOW_OWNER_CHANGES', lifetime: 'PERSISTENT' },
        { include: ['isLocked'] }
      );
      assert.equal(repo().recorder.last()!.status, 200);
      assert.equal(locked.entry.isLocked, true);
      assert.ok(locked.entry.aspectNames?.includes('cm:lockable'));
      assert.equal(locked.entry.properties?.['cm:lockOwner']?.id ?? locked.entry.properties?.['cm:lockOwner'], 'admin');
      const other = new NodesApi(await repo().api('lock.other', 'lock.other'));
      expectError(await rejectionOf(other.updateNode(node.entry.id, { properties: { 'cm:title': 'x' } })), 409);
      expectError(await rejectionOf(other.deleteNode(node.entry.id)), 409);
      const ownerUpdate = await nodes.updateNode(node.entry.id, { properties: { 'cm:title': 'by owner' } });
      assert.equal(ownerUpdate.entry.properties?.['cm:title'], 'by owner');
      const unlocked = await nodes.unlockNode(node.entry.id, { include: ['isLocked'] });
      assert.equal(unlocked.entry.isLocked, false);
      await other.updateNode(node.entry.id, { properties: { 'cm:title': 'after unlock' } });
    });
  });

  describe('content and versions', () => {
    it('serves content with its media type, and a byte range (206) for Range requests', async () => {
      const api = await repo().api();
      const uploaded = await new UploadApi(api).uploadFile(textFile('range.txt', '0123456789'), '', await folder(api));
      const path = `${API.core}/nodes/${uploaded.entry.id}/content`;
      const full = await repo().request('GET', path);
      assert.equal(full.status, 200);
      assert.match(full.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(String(full.body), '0123456789');
      // js-api 10 builds the Range header as a non-enumerable property and never sends it, so raw HTTP.
      const part = await repo().request('GET', path, { headers: { range: 'bytes=2-5' } });
      assert.equal(part.status, 206);
      assert.equal(String(part.body), '2345');
      assert.equal(part.headers.get('content-range'), 'bytes 2-5/10');
      const attachment = await repo().request('GET', path, { query: { attachment: true } });
      assert.match(attachment.headers.get('content-disposition') ?? '', /^attachment; filename="range\.txt"/);
      const folderContent = await rejectionOf(new NodesApi(api).getNodeContent(await folder(api)));
      assert.equal(folderContent.status, 400);
    });

    it('versions uploads (1.0), updates content as 1.1, lists history and reverts', async () => {
      const api = await repo().api();
      const nodes = new NodesApi(api);
      const versions = new VersionsApi(api);
      const uploaded = await new UploadApi(api).uploadFile(textFile('versioned.txt', 'v1'), '', await folder(api));
      assert.ok(uploaded.entry.aspectNames.includes('cm:versionable'));
      assert.equal(uploaded.entry.properties['cm:versionLabel'], '1.0');
      const updated = await nodes.updateNodeContent(uploaded.entry.id, 'v2', { majorVersion: false, comment: 'second draft' });
      assert.equal(updated.entry.properties?.['cm:versionLabel'], '1.1');
      assert.equal(updated.entry.content?.sizeInBytes, 2);
      const history = await versions.listVersionHistory(uploaded.entry.id);
      assert.deepEqual(
        entriesOf(history).map((e) => e.id),
        ['1.1', '1.0']
      );
      assert.equal(entriesOf(history)[0].versionComment, 'second draft');
      const old = await versions.getVersionContent(uploaded.entry.id, '1.0');
      assert.equal(Buffer.from(old as any).toString(), 'v1');
      const reverted = await versions.revertVersion(uploaded.entry.id, '1.0', { majorVersion: true, comment: 'back' });
      assert.equal(repo().recorder.last()!.status, 200);
      assert.equal(reverted.entry?.id, '2.0');
      assert.equal(Buffer.from((await nodes.getNodeContent(uploaded.entry.id)) as any).toString(), 'v1');
      expectError(await rejectionOf(versions.getVersion(uploaded.entry.id, '9.9')), 404);
    });
  });
});
