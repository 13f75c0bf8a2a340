/**
 * Categories API (CategoriesImpl): the category tree below -root-, and linking nodes to categories
 * through cm:generalclassifiable / cm:categories.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CategoriesApi, NodesApi, type Category, type CategoryEntry, type CategoryPaging } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { entriesOf, useTestRepository } from '../support/test-repository';

describe('categories API', () => {
  const repo = useTestRepository();
  let counter = 0;
  // A list posted answers a list (the operations' descriptions say so; their 201 schema shows one entry).
  before(() => repo().recorder.ignore((e) => e.method === 'POST' && e.status === 201 && !!(e.body as { list?: unknown })?.list));

  /** The categories a POST of a list answered (js-api types the answer as either shape). */
  const posted = (answer: CategoryPaging | CategoryEntry): Category[] => entriesOf(answer as CategoryPaging);

  async function adminCategories() {
    return new CategoriesApi(await repo().api());
  }

  it('admin creates top-level categories and subcategories; they are listed, read, renamed and deleted', async () => {
    const categories = await adminCategories();
    const top = await categories.createSubcategories('-root-', [{ name: `Section ${++counter}` }]);
    assert.equal(repo().recorder.last()!.status, 201);
    const section = posted(top)[0];
    assert.equal(section.parentId, '-root-');
    assert.equal(section.hasChildren, false);
    const sub = await categories.createSubcategories(section.id, [{ name: 'Cash' }], { include: ['path'] });
    const cash = posted(sub)[0];
    assert.equal(cash.parentId, section.id);
    assert.equal(cash.path, `/categories/General/${section.name}`);

    const listed = await categories.getSubcategories('-root-');
    assert.ok(entriesOf(listed).some((c) => c.id === section.id && c.hasChildren === true));
    assert.deepEqual(
      entriesOf(await categories.getSubcategories(section.id)).map((c) => c.name),
      ['Cash']
    );

    const renamed = await categories.updateCategory(cash.id, { name: 'Cash and Accounts' });
    assert.equal(renamed.entry.name, 'Cash and Accounts');
    assert.equal((await categories.getCategory(cash.id)).entry.name, 'Cash and Accounts');

    await categories.deleteCategory(section.id);
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(categories.getCategory(cash.id)), 404);
  });

  it('only administrators manage categories (403); everyone reads them', async () => {
    const categories = await adminCategories();
    const top = posted(await categories.createSubcategories('-root-', [{ name: `Managed ${++counter}` }]))[0];
    await repo().createUser('category.clerk');
    const clerk = new CategoriesApi(await repo().api('category.clerk', 'category.clerk'));
    expectError(await rejectionOf(clerk.createSubcategories('-root-', [{ name: 'Mine' }])), 403);
    expectError(await rejectionOf(clerk.updateCategory(top.id, { name: 'Renamed' })), 403);
    expectError(await rejectionOf(clerk.deleteCategory(top.id)), 403);
    assert.equal((await clerk.getCategory(top.id)).entry.name, top.name);
  });

  it('refuses a duplicate name (409), an empty name (400), a non-category id (400), an unknown id (404) and -root- itself (400)', async () => {
    const categories = await adminCategories();
    const name = `Unique ${++counter}`;
    await categories.createSubcategories('-root-', [{ name }]);
    expectError(await rejectionOf(categories.createSubcategories('-root-', [{ name }])), 409);
    expectError(
      await rejectionOf(categories.createSubcategories('-root-', [{ name: '' }])),
      400,
      'Category name must not be null or empty'
    );
    const folder = await new NodesApi(await repo().api()).createNode('-root-', {
      name: `not-a-category-${counter}`,
      nodeType: 'cm:folder'
    });
    expectError(await rejectionOf(categories.getCategory(folder.entry.id)), 400, 'Node id does not refer to a valid category');
    expectError(await rejectionOf(categories.getSubcategories('no-such-category')), 404);
    expectError(await rejectionOf(categories.getCategory('-root-')), 400);
    expectError(await rejectionOf(categories.deleteCategory('-root-')), 400);
  });

  it('links a node to categories, lists and counts the links, and unlinks (the last one takes the aspect)', async () => {
    const api = await repo().api();
    const categories = new CategoriesApi(api);
    const nodes = new NodesApi(api);
    const [a, b] = posted(
      await categories.createSubcategories('-root-', [{ name: `Linked A ${++counter}` }, { name: `Linked B ${counter}` }])
    );
    const file = await nodes.createNode('-root-', { name: `categorised-${counter}.txt`, nodeType: 'cm:content' });

    const linked = await categories.linkNodeToCategory(file.entry.id, [{ categoryId: a.id }, { categoryId: b.id }]);
    assert.equal(repo().recorder.last()!.status, 201);
    assert.deepEqual(
      posted(linked)
        .map((c) => c.id)
        .sort(),
      [a.id, b.id].sort()
    );
    const node = await nodes.getNode(file.entry.id);
    assert.ok(node.entry.aspectNames!.includes('cm:generalclassifiable'));
    assert.deepEqual([...(node.entry.properties!['cm:categories'] as string[])].sort(), [a.id, b.id].sort());

    assert.deepEqual(
      entriesOf(await categories.getCategoryLinksForNode(file.entry.id))
        .map((c) => c.id)
        .sort(),
      [a.id, b.id].sort()
    );
    assert.equal((await categories.getCategory(a.id, { include: ['count'] })).entry.count, 1);

    await categories.unlinkNodeFromCategory(file.entry.id, a.id);
    assert.equal(repo().recorder.last()!.status, 204);
    assert.deepEqual(
      entriesOf(await categories.getCategoryLinksForNode(file.entry.id)).map((c) => c.id),
      [b.id]
    );
    await categories.unlinkNodeFromCategory(file.entry.id, b.id);
    const after = await nodes.getNode(file.entry.id);
    assert.ok(!after.entry.aspectNames!.includes('cm:generalclassifiable'));
    expectError(await rejectionOf(categories.unlinkNodeFromCategory(file.entry.id, b.id)), 400, 'does not belong to a category');
    // One body (not a list) answers one entry.
    const single = await categories.linkNodeToCategory(file.entry.id, { categoryId: a.id } as never);
    assert.equal((single as { entry: { id: string } }).entry.id, a.id);
  });

  it('linking needs ChangePermissions on the node (403), a category (400) and a folder or file (422)', async () => {
    const api = await repo().api();
    const categories = new CategoriesApi(api);
    const cat = posted(await categories.createSubcategories('-root-', [{ name: `Guarded ${++counter}` }]))[0];
    const folder = await new NodesApi(api).createNode('-root-', { name: `guarded-${counter}`, nodeType: 'cm:folder' });
    await repo().createUser(`category.editor${counter}`);
    await repo().grant(folder.entry.id, `category.editor${counter}`, 'Collaborator');
    const editor = new CategoriesApi(await repo().api(`category.editor${counter}`, `category.editor${counter}`));
    expectError(await rejectionOf(editor.linkNodeToCategory(folder.entry.id, [{ categoryId: cat.id }])), 403, 'change permission');
    assert.deepEqual(entriesOf(await editor.getCategoryLinksForNode(folder.entry.id)), []);

    expectError(await rejectionOf(categories.linkNodeToCategory(folder.entry.id, [{ categoryId: folder.entry.id }])), 400);
    expectError(await rejectionOf(categories.linkNodeToCategory(folder.entry.id, [{ categoryId: '-root-' }])), 400);
    expectError(await rejectionOf(categories.linkNodeToCategory(cat.id, [{ categoryId: cat.id }])), 422);
  });
});
