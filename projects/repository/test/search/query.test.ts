import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { SearchError } from '../../src/search';
import { buildRepo } from './repo';

describe('AFTS queries', () => {
  let repo: ReturnType<typeof buildRepo>;
  before(() => {
    repo = buildRepo();
  });
  after(() => repo.fx.close());
  const ids = (q: string, extra?: object) => repo.ids(q, extra);

  it('TYPE includes subtypes, EXACTTYPE does not', () => {
    assert.deepEqual(ids('TYPE:"cm:content"'), ['deep', 'letter', 'mine', 'notes', 'report']);
    assert.deepEqual(ids('TYPE:\'cm:folder\' AND NOT TYPE:"st:site"'), ['doclib', 'folderA', 'folderB', 'home', 'sites', 'sub']);
    assert.deepEqual(ids('EXACTTYPE:"cm:content"'), ['deep', 'mine', 'notes', 'report']);
    assert.deepEqual(ids('TYPE:"{http://www.alfresco.org/model/site/1.0}site"'), ['site-dak']);
    assert.deepEqual(ids('TYPE:content AND =cm:name:"deep.txt"'), ['deep'], 'unprefixed type uses the cm namespace');
  });

  it('ASPECT', () => {
    assert.deepEqual(ids('ASPECT:"cm:titled"'), ['letter', 'report']);
    assert.deepEqual(ids('ASPECT:"cm:versionable"'), ['report']);
  });

  it('exact and token matches on cm:name', () => {
    assert.deepEqual(ids('=cm:name:"notes.txt"'), ['notes']);
    // cm:name is tokenised both: `=` is an exact term search on its tokens (Search Services 2), case folded
    assert.deepEqual(ids('=cm:name:"Notes.txt"'), ['notes'], 'exact term search folds case on a tokenised property');
    assert.deepEqual(ids('=cm:name:notes'), ['notes'], 'a token, not the whole name');
    assert.deepEqual(ids('cm:name:annual'), ['report']);
    assert.deepEqual(ids('cm:name:ANNU*'), ['report'], 'prefix, case-insensitive');
    assert.deepEqual(ids('cm:name:"annual report"'), ['report'], 'phrase');
    assert.deepEqual(ids('cm:name:"report annual"'), [], 'phrase order matters');
    assert.deepEqual(ids('cm:name:*port*'), ['report'], 'leading wildcard');
    assert.deepEqual(ids('cm:name:n?tes.txt'), ['notes'], 'single-character wildcard');
    assert.deepEqual(ids('name:deep'), ['deep'], 'unprefixed field names use cm');
    assert.deepEqual(ids('@cm:name:deep'), ['deep']);
    assert.deepEqual(ids('@{http://www.alfresco.org/model/content/1.0}name:deep'), ['deep']);
    assert.deepEqual(ids('cm\\:name:deep'), ['deep'], 'escaped colon in the field');
  });

  it('title and description properties', () => {
    assert.deepEqual(ids('cm:title:financial'), ['report']);
    assert.deepEqual(ids('@cm:title:प्रशासन'), ['letter']);
    assert.deepEqual(ids('cm:description:"meeting notes"'), ['notes']);
    assert.deepEqual(ids('cm:title:*'), ['letter', 'report'], 'field:* means the property is set');
  });

  it('full text with TEXT:, cm:content: and bare terms (Latin and Devanagari)', () => {
    assert.deepEqual(ids('budget'), ['mine', 'report'], 'no archived or unreadable nodes');
    assert.deepEqual(ids('TEXT:BUDGET'), ['mine', 'report']);
    assert.deepEqual(ids('cm:content:"budget figures"'), ['report']);
    assert.deepEqual(ids('प्रशासन'), ['letter']);
    assert.deepEqual(ids('TEXT:"सामान्य प्रशासन"'), ['letter']);
    assert.deepEqual(ids('विभाग AND TYPE:"eo:letter"'), ['letter']);
    assert.deepEqual(ids('meet*'), ['notes'], 'prefix over description');
    assert.deepEqual(ids('*eply'), ['deep'], 'leading wildcard falls back to scanning');
    assert.deepEqual(ids('annual budget'), ['report'], 'implicit AND');
  });

  it('default operator OR, +required and -prohibited', () => {
    assert.deepEqual(ids('annual meeting', { query: { query: 'annual meeting', defaultOperator: 'OR' } }), ['notes', 'report']);
    assert.deepEqual(repo.search({ query: { query: 'annual meeting' }, defaults: { defaultFTSOperator: 'OR' } }).nodeIds.sort(), [
      'notes',
      'report'
    ]);
    assert.deepEqual(ids('budget -cm:name:mine'), ['report']);
    assert.deepEqual(repo.search({ query: { query: 'annual +meeting', defaultOperator: 'OR' } }).nodeIds, ['notes']);
  });

  it('boolean operators and grouping', () => {
    assert.deepEqual(ids('cm:name:notes OR cm:name:deep'), ['deep', 'notes']);
    assert.deepEqual(ids('cm:name:notes || cm:name:deep'), ['deep', 'notes']);
    assert.deepEqual(ids('TYPE:"cm:content" && !cm:name:notes && NOT cm:name:deep AND -cm:name:letter'), ['mine', 'report']);
    assert.deepEqual(ids('(cm:name:notes OR cm:name:deep) AND cm:creator:bob'), ['notes']);
    assert.deepEqual(ids('cm:name:(notes OR deep)'), ['deep', 'notes'], 'field group');
    assert.deepEqual(ids('cm:name:(annual report)'), ['report'], 'field group, implicit AND');
    assert.deepEqual(
      ids('-TYPE:"cm:folder" AND -TYPE:"sys:store_root" AND -TYPE:"st:site"'),
      ['deep', 'letter', 'mine', 'notes', 'report'],
      'only negative clauses'
    );
    assert.deepEqual(ids("+TYPE:'cm:folder' OR +TYPE:'cm:content'").length, 12, 'ADF style + inside OR');
  });

  it('node columns: creator, modifier, mimetype, size, uuid', () => {
    assert.deepEqual(ids('cm:creator:alice'), ['mine', 'report']);
    assert.deepEqual(ids('modifier:alice'), ['mine', 'notes', 'report']);
    assert.deepEqual(ids('cm:content.mimetype:"application/pdf"'), ['letter', 'report']);
    assert.deepEqual(ids('content.mimetype:application/*'), ['letter', 'report']);
    assert.deepEqual(ids('content.size:200'), ['notes']);
    assert.deepEqual(ids('sys:node-uuid:report'), ['report']);
  });

  it('numeric, boolean and text properties in the property table', () => {
    assert.deepEqual(ids('eo:pages:40'), ['report']);
    assert.deepEqual(ids('eo:pages:[10 TO 40}'), ['letter']);
    assert.deepEqual(ids('eo:pages:<10 TO MAX]'), ['letter', 'report']);
    assert.deepEqual(ids('eo:pages:>=12'), ['letter', 'report']);
    assert.deepEqual(ids('eo:pages:<12'), ['notes']);
    assert.deepEqual(ids('eo:urgent:true'), ['letter']);
    assert.deepEqual(ids('eo:priority:high'), ['letter', 'notes']);
    assert.deepEqual(ids('eo:fileNumber:"F-2026/001"'), ['report']);
    assert.deepEqual(ids('content.size:[MIN TO 200]'), ['deep', 'mine', 'notes']);
    assert.deepEqual(ids('content.size:[0 TO 200]'), ['deep', 'mine', 'notes']);
    assert.deepEqual(ids('content.size:{10 TO 200}'), ['mine']);
  });

  it('property tests combined under AND, OR and NOT match as each test alone would (one id set for SQLite)', () => {
    assert.deepEqual(ids('eo:priority:high AND eo:pages:12'), ['letter']);
    assert.deepEqual(ids('eo:priority:high AND eo:pages:[1 TO 12]'), ['letter', 'notes']);
    assert.deepEqual(ids('eo:priority:low OR eo:pages:2'), ['notes', 'report']);
    assert.deepEqual(ids('(eo:priority:high AND eo:pages:12) OR eo:fileNumber:"F-2026/001"'), ['letter', 'report']);
    assert.deepEqual(ids('(eo:priority:high AND (eo:pages:12 OR eo:pages:2)) AND NOT eo:urgent:true'), ['notes']);
    assert.deepEqual(ids('(eo:priority:high OR cm:name:deep) AND TYPE:content'), ['deep', 'letter', 'notes'], 'OR with a node column');
    assert.deepEqual(ids('eo:priority:high AND eo:priority:low'), []);
    assert.deepEqual(ids('TYPE:content AND NOT (eo:priority:high OR eo:priority:low)'), ['deep', 'mine']);
    // more tests than one SQL compound takes: kept as separate tests, same answer
    const many = Array.from({ length: 70 }, (_, i) => `eo:pages:${i + 100}`).join(' OR ');
    assert.deepEqual(ids(`(${many}) OR eo:pages:40`), ['report']);
    assert.deepEqual(ids(`eo:priority:high AND (${many} OR eo:pages:2)`), ['notes']);
  });

  it('each search counts only its own matches (the matched set is not carried over)', () => {
    assert.equal(repo.search({ query: { query: 'TYPE:content' } }).pagination.totalItems, 5);
    const none = repo.search({ query: { query: 'eo:pages:999' }, facetQueries: [{ query: 'TYPE:content', label: 'c' }] });
    assert.deepEqual(none.pagination, { count: 0, hasMoreItems: false, totalItems: 0, skipCount: 0, maxItems: 100 });
    assert.deepEqual((none.context as { facetQueries: unknown[] }).facetQueries, [{ label: 'c', filterQuery: 'TYPE:content', count: 0 }]);
    const beyond = repo.search({ query: { query: 'TYPE:content' }, paging: { skipCount: 9 } });
    assert.deepEqual(beyond.pagination, { count: 0, hasMoreItems: false, totalItems: 5, skipCount: 9, maxItems: 100 });
  });

  it('date ranges, partial dates and date math against an injected now', () => {
    // now = 2026-03-15T10:30Z
    assert.deepEqual(ids('cm:created:[2026-01-01 TO NOW] AND TYPE:"cm:content"'), ['letter', 'mine', 'notes', 'report']);
    assert.deepEqual(ids('cm:created:[NOW-7DAYS TO NOW]'), ['notes']);
    assert.deepEqual(ids('cm:created:[NOW/DAY-1DAY TO NOW/DAY+1DAY}'), ['notes']);
    assert.deepEqual(ids('cm:created:2026-01 AND TYPE:content'), ['mine', 'report'], 'a partial date covers its month');
    assert.deepEqual(ids('cm:created:2026-01-05'), ['report']);
    assert.deepEqual(ids('cm:created:[2025-01-01 TO 2025-12-31] AND TYPE:content'), ['deep'], 'inclusive partial end covers the whole day');
    assert.deepEqual(ids('cm:created:[2025-01-01 TO 2025-12-31> AND TYPE:content'), [], 'exclusive end stops at its start');
    assert.deepEqual(
      ids('cm:created:[2025-12-31T23:59:59.999Z TO 2025-12-31T23:59:59.999Z]'),
      ['deep'],
      'exact instant, inclusive both ends'
    );
    assert.deepEqual(ids('cm:created:{2025-12-31T23:59:59.999Z TO MAX] AND cm:name:deep'), [], 'exclusive start');
    assert.deepEqual(ids('cm:modified:[NOW-1DAY TO NOW+1MONTH/DAY]'), ['notes']);
    assert.deepEqual(ids('eo:receivedDate:[2026-02-01 TO 2026-02-28]'), ['letter'], 'date property via num_value');
    assert.deepEqual(ids('eo:receivedDate:2026-02-20'), ['letter']);
    assert.deepEqual(ids('created:TODAY'), [], 'TODAY is the whole current day');
    repo.fx.now = new Date('2026-03-14T23:00:00.000Z');
    assert.deepEqual(ids('created:TODAY'), ['notes']);
    repo.fx.now = new Date('2026-03-15T10:30:00.000Z');
  });

  it('PARENT with primary and secondary associations, ANCESTOR, SITE, ID', () => {
    assert.deepEqual(ids('PARENT:"workspace://SpacesStore/folderA"'), ['notes', 'report', 'sub']);
    assert.deepEqual(ids('PARENT:"workspace://SpacesStore/folderB"'), ['report'], 'secondary child association');
    assert.deepEqual(ids('ANCESTOR:"workspace://SpacesStore/folderA"'), ['deep', 'notes', 'report', 'sub']);
    assert.deepEqual(ids('ANCESTOR:"workspace://SpacesStore/folderB"'), ['report']);
    assert.deepEqual(ids('SITE:"dak" AND TYPE:content'), ['letter']);
    assert.deepEqual(ids('ID:"workspace://SpacesStore/notes"'), ['notes']);
    assert.deepEqual(ids('ID:notes OR ID:"deep"'), ['deep', 'notes']);
  });

  it('PATH over primary associations with ISO 9075 names', () => {
    assert.deepEqual(ids('PATH:"/app:company_home/cm:My_x0020_Folder/*"'), ['notes', 'report', 'sub']);
    assert.deepEqual(ids('PATH:"/app:company_home/cm:My_x0020_Folder"'), ['folderA']);
    assert.deepEqual(ids('PATH:"/app:company_home/cm:My_x0020_Folder//*"'), ['deep', 'notes', 'report', 'sub']);
    assert.deepEqual(ids('PATH:"/app:company_home/st:sites/cm:dak//*" AND TYPE:content'), ['letter']);
    assert.deepEqual(ids('PATH:"//cm:deep.txt"'), ['deep']);
    assert.deepEqual(ids('PATH:"/app:company_home/cm:Nope/*"'), []);
  });

  it('TAG, QNAME, PNAME, EXISTS / ISNULL', () => {
    assert.deepEqual(ids('TAG:finance'), ['report']);
    assert.deepEqual(ids('TAG:"Board"'), ['notes']);
    assert.deepEqual(ids('QNAME:"cm:notes.txt"'), ['notes']);
    assert.deepEqual(ids('PNAME:"0/Sub"'), ['deep']);
    assert.deepEqual(ids('EXISTS:"cm:title"'), ['letter', 'report']);
    assert.deepEqual(ids('TYPE:content AND ISNULL:"eo:pages"'), ['deep', 'mine']);
  });

  it('always excludes archived nodes and applies the read filter', () => {
    assert.deepEqual(ids('cm:name:gone'), []);
    assert.deepEqual(ids('cm:name:secret'), [], 'unreadable ACL');
    assert.deepEqual(ids('cm:name:mine'), ['mine'], 'readable as owner');
    repo.fx.readable = ['acl-public', 'acl-private'];
    assert.deepEqual(ids('cm:name:secret'), ['secret']);
    repo.fx.readable = ['acl-public'];
    assert.deepEqual(repo.search({ query: { query: 'budget' }, scope: { locations: 'deleted-nodes' } }).nodeIds, ['gone']);
  });

  it('filterQueries are ANDed', () => {
    const r = repo.search({ query: { query: 'TYPE:content' }, filterQueries: [{ query: 'cm:creator:alice' }, { query: '-cm:name:mine' }] });
    assert.deepEqual(r.nodeIds, ['report']);
    assert.equal(r.pagination.totalItems, 1);
  });

  it('paging totals and sort', () => {
    const q = { query: { query: 'TYPE:"cm:content"' }, sort: [{ type: 'FIELD', field: 'cm:name', ascending: true }] };
    const p1 = repo.search({ ...q, paging: { maxItems: 2, skipCount: 0 } });
    assert.deepEqual(p1.nodeIds, ['report', 'deep']);
    assert.deepEqual(p1.pagination, { count: 2, hasMoreItems: true, totalItems: 5, skipCount: 0, maxItems: 2 });
    const p3 = repo.search({ ...q, paging: { maxItems: '2', skipCount: '4' } });
    assert.deepEqual(p3.nodeIds, ['notes']);
    assert.deepEqual(p3.pagination, { count: 1, hasMoreItems: false, totalItems: 5, skipCount: 4, maxItems: 2 });
    assert.equal(repo.search({ query: { query: 'TYPE:content' } }).pagination.maxItems, 100);
    const bySize = repo.search({ query: { query: 'TYPE:content' }, sort: [{ type: 'FIELD', field: 'content.size', ascending: false }] });
    assert.deepEqual(bySize.nodeIds, ['letter', 'report', 'notes', 'mine', 'deep']);
    const byCreated = repo.search({ query: { query: 'TYPE:content' }, sort: [{ type: 'FIELD', field: 'cm:created', ascending: 'true' }] });
    assert.deepEqual(byCreated.nodeIds[0], 'deep');
    const byPages = repo.search({ query: { query: 'TYPE:content' }, sort: [{ type: 'FIELD', field: 'eo:pages', ascending: true }] });
    assert.deepEqual(byPages.nodeIds.slice(0, 3), ['notes', 'letter', 'report'], 'property sort, missing values last');
  });

  it('scores full-text matches by relevance', () => {
    const r = repo.search({ query: { query: 'budget OR cm:name:notes' }, sort: [{ type: 'SCORE' }] });
    assert.equal(r.nodeIds.length, 3);
    assert.ok(r.scores.every((s) => typeof s === 'number' && s >= 1));
    assert.equal(r.nodeIds[2], 'notes', 'a non-text match scores lowest');
  });

  it('rejects malformed requests with SearchError', () => {
    const bad = (query: unknown, extra: object = {}) =>
      assert.throws(() => repo.search({ query: { query }, ...extra }), SearchError, String(query));
    bad('(cm:name:notes OR deep');
    bad('cm:name:notes)');
    bad('cm:name:');
    bad(':foo');
    bad('FOO:bar');
    bad('cm:name:"unterminated');
    bad('cm:created:[2026-01-01 TO');
    bad('cm:created:[yesterday TO NOW]');
    bad('cm:created:[NOW-3FORTNIGHTS TO NOW]');
    bad('notes AND');
    bad('OR notes');
    bad('()');
    bad('');
    bad(42);
    bad('TYPE:content', { paging: { maxItems: 0 } });
    bad('TYPE:content', { paging: { skipCount: -1 } });
    bad('TYPE:content', { sort: [{ type: 'FIELD', field: 'PATH' }] });
    bad('select * from cmis:document', { query: { query: 'select * from cmis:document', language: 'cmis' } });
    assert.throws(() => repo.search({ query: { query: 'x', language: 'sql' } }), SearchError);
    assert.throws(() => repo.search({}), SearchError);
  });
});
