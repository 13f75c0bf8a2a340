// `=` and wildcards as the index ACS searches answers them: an exact match compares the whole value only on
// a property indexed untokenised (<tokenised>false</tokenised>), and a wildcard never matches a number.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatFileNumber, fileTextQuery } from '@eoffice/domain';
import { parseModel } from '../../src/dictionary';
import { runSearch } from '../../src/search';
import { Fixture } from './fixture';

describe('exact matches follow the property index tokenisation', () => {
  let fx: Fixture;
  const ids = (query: string) =>
    runSearch(fx.ctx(), { query: { query }, paging: { maxItems: 100 } })
      .nodeIds.slice()
      .sort();
  before(() => {
    fx = new Fixture();
    const props = (p: Record<string, string | number>) => ({ parent: null, props: p });
    fx.node({ id: 'speed', name: 'a.txt', ...props({ 'eo:deliveryMode': 'Speed Post', 'eo:dispatchMode': 'Speed Post' }) });
    fx.node({ id: 'post', name: 'b.txt', ...props({ 'eo:deliveryMode': 'Post', 'eo:dispatchMode': 'Post', 'eo:sectionCode': 'EST-GAD' }) });
    fx.node({ id: 'numbered', name: 'c.txt', ...props({ 'eo:computerNumber': 2026000123, 'eo:sectionCode': 'EST' }) });
  });
  after(() => fx.close());

  it('tokenised (the default): = matches any token, case folded, not the whole value', () => {
    assert.deepEqual(ids('=eo:deliveryMode:"Post"'), ['post', 'speed'], 'Speed Post holds the token post');
    assert.deepEqual(ids('=eo:deliveryMode:"post"'), ['post', 'speed']);
    assert.deepEqual(ids('=eo:deliveryMode:"speed post"'), ['speed']);
  });

  it('tokenised both: = is an exact term search too (Search Services 2 favours the tokens)', () => {
    assert.deepEqual(ids('=eo:sectionCode:"EST"'), ['numbered', 'post']);
    assert.deepEqual(ids('=cm:name:"b"'), ['post'], 'cm:name is tokenised both in contentModel.xml');
  });

  it('untokenised: = compares the whole value, case-sensitively', () => {
    assert.deepEqual(ids('=eo:dispatchMode:"Post"'), ['post']);
    assert.deepEqual(ids('=eo:dispatchMode:"post"'), []);
    assert.deepEqual(ids('=eo:dispatchMode:"Speed Post"'), ['speed']);
  });

  // Search Services indexes an untokenised property in Solr string fields only, so a plain term, a wildcard
  // and a range all meet the one whole, case-kept value (no token of it, no lower-casing)
  it('untokenised: a plain term is the whole value, case-sensitively', () => {
    assert.deepEqual(ids('eo:dispatchMode:Post'), ['post'], 'not the token post of Speed Post');
    assert.deepEqual(ids('eo:dispatchMode:post'), []);
    assert.deepEqual(ids('eo:dispatchMode:"Speed Post"'), ['speed']);
    assert.deepEqual(ids('eo:dispatchMode:"speed post"'), []);
  });

  it('untokenised: a wildcard applies to the whole value, case-sensitively', () => {
    assert.deepEqual(ids('eo:dispatchMode:"*Post"'), ['post', 'speed']);
    assert.deepEqual(ids('eo:dispatchMode:"*post*"'), []);
    assert.deepEqual(ids('eo:dispatchMode:Sp*'), ['speed']);
    assert.deepEqual(ids('eo:dispatchMode:Po*'), ['post'], 'Speed Post does not begin with Po');
    assert.deepEqual(ids('eo:dispatchMode:"?ost"'), ['post']);
  });

  it('untokenised: a range compares the whole value, case-sensitively', () => {
    assert.deepEqual(ids('eo:dispatchMode:[A TO Q]'), ['post']);
    assert.deepEqual(ids('eo:dispatchMode:[a TO q]'), [], 'upper-case letters sort before lower-case ones');
  });

  it('a wildcard on a number matches nothing; field:* still asks whether it is set', () => {
    assert.deepEqual(ids('eo:computerNumber:2026*'), []);
    assert.deepEqual(ids('eo:computerNumber:"*123*"'), []);
    assert.deepEqual(ids('=eo:computerNumber:2026*'), []);
    assert.deepEqual(ids('eo:computerNumber:*'), ['numbered']);
    assert.deepEqual(ids('eo:computerNumber:2026000123'), ['numbered']);
    assert.deepEqual(ids('eo:computerNumber:[2026000000 TO 2026999999]'), ['numbered']);
  });
});

// The extension asks for equality (`=eo:x:"…"`) only where the content model indexes the whole value, or a
// real ACS would match tokens (or refuse) where the local repository matched the value.
describe('eofficeModel.xml indexes untokenised every property the extension matches with =', () => {
  const root = join(__dirname, '../../../..');
  const model = parseModel(readFileSync(join(root, 'config/model/eofficeModel.xml'), 'utf8'));
  const tokenised = new Map(
    [...model.types, ...model.aspects].flatMap((c) => c.properties.map((p) => [p.name, p.index?.tokenised?.toLowerCase() ?? 'true']))
  );
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const full = join(dir, n);
      if (statSync(full).isDirectory()) return sources(full);
      return n.endsWith('.ts') && !n.endsWith('.spec.ts') ? [full] : [];
    });
  const equalities = new Set<string>();
  // the extension's query builders and the domain's (@eoffice/domain: series scope, list, search, movement and pendency queries)
  for (const file of ['projects/eoffice/src/lib', 'projects/domain/src'].flatMap((d) => sources(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/=(eo:[A-Za-z]+):/g)) equalities.add(m[1]);
    // the query builders' anyOf(property, values) writes `=property:"value"` for each value
    for (const m of text.matchAll(/anyOf\('(eo:[A-Za-z]+)'/g)) equalities.add(m[1]);
  }

  it('finds the query builders', () => {
    assert.ok(equalities.has('eo:currentHolder') && equalities.has('eo:receiptForm'), [...equalities].join(', '));
  });

  it('declares <tokenised>false</tokenised> on each', () => {
    const wrong = [...equalities]
      .filter((p) => tokenised.get(p) !== 'false')
      .map((p) => `${p} (${tokenised.get(p) ?? 'not in the model'})`);
    assert.deepEqual(wrong, []);
  });
});

// The files list and Put in a file search by file number: eo:fileNumber is untokenised, so on ACS a wildcard
// on it meets the whole, case-kept value; what an officer types must still find the file.
describe("the extension's file search under the model's indexing", () => {
  const root = join(__dirname, '../../../..');
  const model = parseModel(readFileSync(join(root, 'config/model/eofficeModel.xml'), 'utf8'));
  const props = new Map([...model.types, ...model.aspects].flatMap((c) => c.properties.map((p) => [p.name, p])));
  let fx: Fixture;
  const ids = (query: string) =>
    runSearch(
      {
        ...fx.ctx(),
        propertyDataType: (q) => props.get(q)?.dataType,
        propertyTokenised: (q) => props.get(q)?.index?.tokenised
      },
      { query: { query }, paging: { maxItems: 100 } }
    ).nodeIds.slice();
  before(() => {
    fx = new Fixture();
    const fileNumber = formatFileNumber({
      basicHead: 'A',
      primaryHead: '11',
      secondaryHead: '011',
      serial: 5,
      year: 2026,
      section: 'EST',
      department: 'GAD'
    });
    fx.node({
      id: 'file',
      type: 'eo:file',
      parent: null,
      name: '000005',
      props: { 'eo:fileNumber': fileNumber, 'eo:subject': 'Recruitment rules' }
    });
  });
  after(() => fx.close());

  it('the model indexes eo:fileNumber untokenised', () => {
    assert.equal(props.get('eo:fileNumber')?.index?.tokenised, 'false');
  });

  it('finds a file by part of its number typed in any case', () => {
    for (const typed of ['est', 'Est', 'EST', 'a-11011', '2026-est-gad', 'gad'])
      assert.deepEqual(ids(fileTextQuery(typed)), ['file'], typed);
    assert.deepEqual(ids(fileTextQuery('recruitment')), ['file'], 'and by a word of its subject');
    assert.deepEqual(ids(fileTextQuery('estate')), []);
  });
});
