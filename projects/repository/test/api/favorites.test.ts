/**
 * Favorites API (the Content App's Favorites page and its star toggle): favorite files and folders,
 * list with where/include/orderBy, get and delete, and the permission and error cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FavoritesApi, NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

async function folder(api: AlfrescoApi, name: string, parent = '-my-') {
  return (await new NodesApi(api).createNode(parent, { name, nodeType: 'cm:folder' })).entry;
}
async function file(api: AlfrescoApi, name: string, parent = '-my-', properties?: Record<string, unknown>) {
  return (await new NodesApi(api).createNode(parent, { name, nodeType: 'cm:content', properties })).entry;
}

describe('favorites API', () => {
  const repo = useTestRepository();

  it('favorites a file (201) and returns the target node with path and allowableOperations on request', async () => {
    await repo().createUser('fav.a');
    const api = await repo().api('fav.a', 'fav.a');
    const doc = await file(api, 'note.txt', '-my-', { 'cm:title': 'A note', 'cm:description': 'About it' });
    const favorites = new FavoritesApi(api);
    const created = await favorites.createFavorite(
      '-me-',
      { target: { file: { guid: doc.id } } },
      { include: ['path', 'allowableOperations', 'properties'] }
    );
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(created.entry.targetGuid, doc.id);
    assert.ok(created.entry.createdAt);
    const target = (created.entry.target as any).file;
    assert.equal(target.id, doc.id);
    assert.equal(target.name, 'note.txt');
    assert.equal(target.isFile, true);
    assert.match(target.path.name, /\/Company Home\/User Homes\/fav\.a$/);
    assert.ok(target.allowableOperations.includes('update'));
    assert.ok(created.entry.allowableOperations?.includes('delete'));
    // title and description are already on the target, so ACS leaves them out of `properties`.
    assert.equal((created.entry.properties as any)?.['cm:title'], undefined);

    const node = await new NodesApi(api).getNode(doc.id, { include: ['isFavorite'] });
    assert.equal(node.entry.isFavorite, true, 'isFavorite of the node follows the favorite');
  });

  it('lists favorites filtered by EXISTS(target/...) combined with OR, and in the requested order', async () => {
    await repo().createUser('fav.b');
    const api = await repo().api('fav.b', 'fav.b');
    const favorites = new FavoritesApi(api);
    const f1 = await folder(api, 'Zeta folder');
    const d1 = await file(api, 'alpha.txt');
    const d2 = await file(api, 'beta.txt');
    for (const [kind, id] of [
      ['folder', f1.id],
      ['file', d1.id],
      ['file', d2.id]
    ] as const) {
      await favorites.createFavorite('-me-', { target: { [kind]: { guid: id } } });
    }
    const all = await favorites.listFavorites('-me-');
    assert.equal(pageOf(all).totalItems, 3);
    // Default order: type ascending (files before folders), newest first within a type.
    assert.deepEqual(
      entriesOf(all).map((f) => f.targetGuid),
      [d2.id, d1.id, f1.id]
    );

    const files = await favorites.listFavorites('-me-', { where: '(EXISTS(target/file))' });
    assert.deepEqual(
      entriesOf(files)
        .map((f) => f.targetGuid)
        .sort(),
      [d1.id, d2.id].sort()
    );
    const folders = await favorites.listFavorites('-me-', { where: '(EXISTS(target/folder))' });
    assert.deepEqual(
      entriesOf(folders).map((f) => f.targetGuid),
      [f1.id]
    );
    const both = await favorites.listFavorites('-me-', { where: '(EXISTS(target/file) OR EXISTS(target/folder))', maxItems: 2 });
    assert.equal(entriesOf(both).length, 2);
    assert.equal(pageOf(both).hasMoreItems, true);
    const byTitle = await favorites.listFavorites('-me-', { orderBy: ['title DESC'] });
    assert.deepEqual(
      entriesOf(byTitle).map((f) => f.targetGuid),
      [f1.id, d2.id, d1.id]
    );

    expectError(await rejectionOf(favorites.listFavorites('-me-', { where: '(target = file)' })), 400);
    expectError(await rejectionOf(favorites.listFavorites('-me-', { orderBy: ['size ASC'] })), 400);
  });

  it('gets and deletes one favorite; a second delete or an unknown favorite answers 404', async () => {
    await repo().createUser('fav.c');
    const api = await repo().api('fav.c', 'fav.c');
    const favorites = new FavoritesApi(api);
    const doc = await file(api, 'keep.txt');
    await favorites.createFavorite('-me-', { target: { file: { guid: doc.id } } });
    const got = await favorites.getFavorite('-me-', doc.id);
    assert.equal(got.entry.targetGuid, doc.id);
    await favorites.deleteFavorite('-me-', doc.id);
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(favorites.getFavorite('-me-', doc.id)), 404);
    expectError(await rejectionOf(favorites.deleteFavorite('-me-', doc.id)), 404);
    const node = await new NodesApi(api).getNode(doc.id, { include: ['isFavorite'] });
    assert.equal(node.entry.isFavorite, false);
  });

  it('favoriting twice keeps one favorite with its first date (ACS is idempotent here)', async () => {
    await repo().createUser('fav.d');
    const api = await repo().api('fav.d', 'fav.d');
    const favorites = new FavoritesApi(api);
    const doc = await file(api, 'twice.txt');
    const first = await favorites.createFavorite('-me-', { target: { file: { guid: doc.id } } });
    const second = await favorites.createFavorite('-me-', { target: { file: { guid: doc.id } } });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(new Date(second.entry.createdAt!).getTime(), new Date(first.entry.createdAt!).getTime());
    assert.equal(pageOf(await favorites.listFavorites('-me-')).totalItems, 1);
  });

  it('a target of the wrong kind answers 404, a missing node 404, an unreadable node 403, a bad body 400', async () => {
    await repo().createUser('fav.e');
    await repo().createUser('fav.other');
    const api = await repo().api('fav.e', 'fav.e');
    const favorites = new FavoritesApi(api);
    const f = await folder(api, 'A folder');
    expectError(await rejectionOf(favorites.createFavorite('-me-', { target: { file: { guid: f.id } } })), 404);
    expectError(await rejectionOf(favorites.createFavorite('-me-', { target: { file: { guid: 'no-such-node' } } })), 404);
    const other = await repo().api('fav.other', 'fav.other');
    const privateDoc = await file(other, 'private.txt');
    expectError(await rejectionOf(favorites.createFavorite('-me-', { target: { file: { guid: privateDoc.id } } })), 403);
    expectError(await rejectionOf(favorites.createFavorite('-me-', { target: {} } as any)), 400);
  });

  it('a favorite whose node became unreadable or was deleted drops out of the list', async () => {
    await repo().createUser('fav.f');
    const admin = await repo().api();
    const shared = await folder(admin, 'Shared area', '-root-');
    await repo().grant(shared.id, 'fav.f', 'Consumer');
    const doc = await file(admin, 'circular.txt', shared.id);
    const gone = await file(admin, 'gone.txt', shared.id);
    const favorites = new FavoritesApi(await repo().api('fav.f', 'fav.f'));
    await favorites.createFavorite('-me-', { target: { file: { guid: doc.id } } });
    await favorites.createFavorite('-me-', { target: { file: { guid: gone.id } } });
    assert.equal(pageOf(await favorites.listFavorites('-me-')).totalItems, 2);
    await new NodesApi(admin).deleteNode(gone.id);
    await new NodesApi(admin).updateNode(doc.id, { permissions: { isInheritanceEnabled: false, locallySet: [] } });
    const list = await favorites.listFavorites('-me-');
    assert.equal(pageOf(list).totalItems, 0);
    assert.deepEqual(entriesOf(list), []);
  });

  it("another user's favorites answer 404; an administrator may read them", async () => {
    await repo().createUser('fav.g');
    await repo().createUser('fav.h');
    const g = await repo().api('fav.g', 'fav.g');
    const doc = await file(g, 'mine.txt');
    await new FavoritesApi(g).createFavorite('-me-', { target: { file: { guid: doc.id } } });
    expectError(await rejectionOf(new FavoritesApi(await repo().api('fav.h', 'fav.h')).listFavorites('fav.g')), 404);
    const asAdmin = await new FavoritesApi(await repo().api()).listFavorites('fav.g');
    assert.deepEqual(
      entriesOf(asAdmin).map((f) => f.targetGuid),
      [doc.id]
    );
    expectError(await rejectionOf(new FavoritesApi(g).listFavorites('no.such.person')), 404);
  });
});
