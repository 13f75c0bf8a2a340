/**
 * Queries API: find nodes (name, title, content; root, type, permissions), sites and people by term,
 * in Latin and Devanagari script.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { NodesApi, QueriesApi, SitesApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

describe('queries API', () => {
  const repo = useTestRepository();
  let folderId = '';
  let privateLib = '';

  before(async () => {
    const admin = await repo().api();
    const nodes = new NodesApi(admin);
    const sites = new SitesApi(admin);
    await repo().createUser('q.priya', { firstName: 'Priya', lastName: 'Sharma', email: 'priya.sharma@example.gov.in' });
    await repo().createUser('q.ravi', { firstName: 'रवि', lastName: 'कुमार', email: 'ravi@example.gov.in' });
    await repo().createUser('q.outsider');

    const folder = await nodes.createNode('-root-', { name: 'Budget Papers', nodeType: 'cm:folder' });
    folderId = folder.entry.id;
    await nodes.createNode(folderId, {
      name: 'annual-budget-2025.txt',
      nodeType: 'cm:content',
      properties: { 'cm:title': 'Annual estimates' }
    });
    await nodes.createNode(folderId, {
      name: 'वार्षिक बजट प्रस्ताव.txt',
      nodeType: 'cm:content',
      properties: { 'cm:title': 'बजट अनुमान' }
    });
    await nodes.createNode(folderId, {
      name: 'circular.txt',
      nodeType: 'cm:content',
      properties: { 'cm:description': 'Supplementary budget circular' }
    });
    await nodes.createNode('-root-', { name: 'budget elsewhere', nodeType: 'cm:folder' });
    await nodes.updateNode(folderId, {
      permissions: { isInheritanceEnabled: false, locallySet: [{ authorityId: 'q.priya', name: 'Consumer', accessStatus: 'ALLOWED' }] }
    });

    await sites.createSite({ id: 'budget-cell', title: 'Budget Cell', description: 'Estimates and grants', visibility: 'PUBLIC' });
    await sites.createSite({ id: 'rajbhasha', title: 'राजभाषा प्रकोष्ठ', visibility: 'PUBLIC' });
    await sites.createSite({ id: 'budget-secret', title: 'Budget Secret', visibility: 'PRIVATE' });
    privateLib = (await sites.getSiteContainer('budget-secret', 'documentLibrary')).entry.folderId;
    await nodes.createNode(privateLib, { name: 'budget-secret-note.txt', nodeType: 'cm:content' });
  });

  it('finds nodes by name, title and description; the site containers and system folders are left out', async () => {
    const queries = new QueriesApi(await repo().api());
    const found = entriesOf(await queries.findNodes('budget', { orderBy: ['name'] })).map((n) => n.name);
    assert.ok(found.includes('annual-budget-2025.txt'), 'name');
    assert.ok(found.includes('circular.txt'), 'description');
    assert.ok(found.includes('Budget Papers') && found.includes('budget elsewhere'), 'folders');
    assert.ok(found.includes('budget-secret-note.txt'), 'admins find site content');
    assert.ok(!found.includes('budget-secret') && !found.includes('documentLibrary'), 'no st:site or container nodes');
    const byTitle = entriesOf(await queries.findNodes('estimates')).map((n) => n.name);
    assert.deepEqual(byTitle, ['annual-budget-2025.txt']);
  });

  it('finds nodes by Devanagari terms in names and titles', async () => {
    const queries = new QueriesApi(await repo().api());
    assert.deepEqual(
      entriesOf(await queries.findNodes('बजट')).map((n) => n.name),
      ['वार्षिक बजट प्रस्ताव.txt']
    );
    assert.deepEqual(
      entriesOf(await queries.findNodes('अनुमान')).map((n) => n.name),
      ['वार्षिक बजट प्रस्ताव.txt']
    );
  });

  it('rootNodeId limits to what lies below it; nodeType narrows (with subtypes); include adds fields', async () => {
    const queries = new QueriesApi(await repo().api());
    const below = entriesOf(await queries.findNodes('budget', { rootNodeId: folderId, include: ['path', 'allowableOperations'] }));
    assert.deepEqual(below.map((n) => n.name).sort(), ['annual-budget-2025.txt', 'circular.txt']);
    assert.ok(below.every((n) => n.path!.name === '/Company Home/Budget Papers' && Array.isArray(n.allowableOperations)));
    const folders = entriesOf(await queries.findNodes('budget', { nodeType: 'cm:folder' }))
      .map((n) => n.name)
      .sort();
    assert.deepEqual(folders, ['Budget Papers', 'budget elsewhere']);
    const paged = await queries.findNodes('budget', { maxItems: 2, orderBy: ['name DESC'] });
    assert.equal(entriesOf(paged).length, 2);
    assert.equal(pageOf(paged).hasMoreItems, true);
    const names = entriesOf(paged).map((n) => n.name.toLowerCase());
    assert.deepEqual(names, [...names].sort().reverse());
  });

  it('results are permission-filtered', async () => {
    const priya = new QueriesApi(await repo().api('q.priya', 'q.priya'));
    const seen = entriesOf(await priya.findNodes('budget', { maxItems: 100 })).map((n) => n.name);
    assert.ok(seen.includes('annual-budget-2025.txt'), 'readable through her ACE');
    assert.ok(!seen.includes('budget-secret-note.txt'), 'private site content stays hidden');
    const outsider = new QueriesApi(await repo().api('q.outsider', 'q.outsider'));
    const outsiderSees = entriesOf(await outsider.findNodes('budget')).map((n) => n.name);
    assert.ok(!outsiderSees.includes('annual-budget-2025.txt'));
    assert.equal(pageOf(await outsider.findNodes('annual')).totalItems, 0);
  });

  it('node queries reject short terms (400), unknown types (400), bad orderBy (400) and unknown roots (404)', async () => {
    const queries = new QueriesApi(await repo().api());
    expectError(await rejectionOf(queries.findNodes('bu')), 400);
    expectError(await rejectionOf(queries.findNodes('b*')), 400);
    expectError(await rejectionOf(queries.findNodes('budget', { nodeType: 'cm:nonsense' })), 400);
    expectError(await rejectionOf(queries.findNodes('budget', { orderBy: ['size'] })), 400);
    expectError(await rejectionOf(queries.findNodes('budget', { rootNodeId: 'no-such-node' })), 404);
  });

  it('finds sites by id, title or description; private sites only for members', async () => {
    const admin = new QueriesApi(await repo().api());
    assert.deepEqual(
      entriesOf(await admin.findSites('budget')).map((s) => s.id),
      ['budget-cell', 'budget-secret'],
      'default order: id'
    );
    assert.deepEqual(
      entriesOf(await admin.findSites('grants')).map((s) => s.id),
      ['budget-cell']
    );
    assert.deepEqual(
      entriesOf(await admin.findSites('राजभाषा')).map((s) => s.id),
      ['rajbhasha']
    );
    assert.deepEqual(
      entriesOf(await admin.findSites('bud*', { orderBy: ['title DESC'] })).map((s) => s.id),
      ['budget-secret', 'budget-cell']
    );
    const outsider = new QueriesApi(await repo().api('q.outsider', 'q.outsider'));
    assert.deepEqual(
      entriesOf(await outsider.findSites('budget')).map((s) => s.id),
      ['budget-cell']
    );
    expectError(await rejectionOf(admin.findSites('b')), 400);
  });

  it('finds people by id, first name, last name or email, in any script', async () => {
    const queries = new QueriesApi(await repo().api('q.outsider', 'q.outsider'));
    assert.deepEqual(
      entriesOf(await queries.findPeople('sharma')).map((p) => p.id),
      ['q.priya']
    );
    assert.deepEqual(
      entriesOf(await queries.findPeople('Pri Sha')).map((p) => p.id),
      ['q.priya'],
      'each word begins a name'
    );
    assert.deepEqual(
      entriesOf(await queries.findPeople('ravi@example')).map((p) => p.id),
      ['q.ravi']
    );
    assert.deepEqual(
      entriesOf(await queries.findPeople('रवि')).map((p) => p.id),
      ['q.ravi']
    );
    assert.deepEqual(
      entriesOf(await queries.findPeople('example', { orderBy: ['id DESC'] })).map((p) => p.id),
      ['q.ravi', 'q.priya', 'q.outsider']
    );
    assert.deepEqual(entriesOf(await queries.findPeople('arma')), [], 'matches begin words');
    expectError(await rejectionOf(queries.findPeople('s')), 400);
  });
});
