// A small repository shared by the query tests.
import { runSearch, SearchOutcome } from '../../src/search';
import { Fixture } from './fixture';

export function buildRepo() {
  const fx = new Fixture();
  const root = fx.node({ id: 'root', type: 'sys:store_root', parent: null, name: 'root', assocQName: 'sys:root' });
  const home = fx.node({ id: 'home', type: 'cm:folder', parent: root, name: 'Company Home', assocQName: 'app:company_home' });
  const sites = fx.node({ id: 'sites', type: 'cm:folder', parent: home, name: 'Sites', assocQName: 'st:sites' });
  const site = fx.node({ id: 'site-dak', type: 'st:site', parent: sites, name: 'dak' });
  fx.db.prepare("INSERT INTO site (id, node_id, title, visibility) VALUES ('dak', ?, 'Dak', 'PUBLIC')").run(site);
  const docLib = fx.node({ id: 'doclib', type: 'cm:folder', parent: site, name: 'documentLibrary' });
  fx.node({
    id: 'letter',
    type: 'eo:letter',
    parent: docLib,
    name: 'Letter 1.pdf',
    title: 'सामान्य प्रशासन विभाग',
    aspects: ['cm:titled'],
    props: { 'eo:receivedDate': '2026-02-20T00:00:00.000Z', 'eo:pages': 12, 'eo:priority': 'High', 'eo:urgent': true },
    created: '2026-02-20T08:00:00.000Z',
    creator: 'clerk',
    mimeType: 'application/pdf',
    size: 120000
  });
  const folder = fx.node({ id: 'folderA', type: 'cm:folder', parent: home, name: 'My Folder', created: '2025-06-01T00:00:00.000Z' });
  fx.node({
    id: 'report',
    parent: folder,
    name: 'Annual Report.pdf',
    title: 'Annual financial report',
    content: 'Budget figures for the year',
    aspects: ['cm:titled', 'cm:versionable'],
    created: '2026-01-05T10:00:00.000Z',
    creator: 'alice',
    mimeType: 'application/pdf',
    size: 5000,
    props: { 'eo:pages': 40, 'eo:priority': 'Low', 'eo:fileNumber': 'F-2026/001' }
  });
  fx.node({
    id: 'notes',
    parent: folder,
    name: 'notes.txt',
    description: 'Meeting notes of the board',
    created: '2026-03-14T12:00:00.000Z',
    creator: 'bob',
    modified: '2026-03-15T09:00:00.000Z',
    modifier: 'alice',
    mimeType: 'text/plain',
    size: 200,
    props: { 'eo:pages': 2, 'eo:priority': 'High' }
  });
  const sub = fx.node({ id: 'sub', type: 'cm:folder', parent: folder, name: 'Sub', created: '2025-06-02T00:00:00.000Z' });
  fx.node({ id: 'deep', parent: sub, name: 'deep.txt', content: 'deeply nested text', created: '2025-12-31T23:59:59.999Z', size: 10 });
  fx.node({ id: 'secret', parent: home, name: 'Secret.txt', acl: 'acl-private', content: 'budget secret' });
  fx.node({ id: 'mine', parent: home, name: 'Mine.txt', acl: 'acl-private', owner: 'alice', creator: 'alice', content: 'my budget' });
  fx.node({ id: 'gone', parent: home, name: 'Gone.txt', archived: true, content: 'budget gone' });
  const other = fx.node({ id: 'folderB', type: 'cm:folder', parent: home, name: 'Other', created: '2025-06-01T00:00:00.000Z' });
  fx.secondaryChild(other, 'report');
  fx.tag('report', 'Finance');
  fx.tag('notes', 'Board');

  const search = (body: object): SearchOutcome => runSearch(fx.ctx(), body);
  const ids = (query: string, extra: object = {}): string[] =>
    search({ query: { query }, paging: { maxItems: 1000 }, ...extra })
      .nodeIds.slice()
      .sort();
  return { fx, search, ids };
}
