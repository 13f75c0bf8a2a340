// `=` and wildcards as the index ACS searches answers them: an exact match compares the whole value only on
// a property indexed untokenised (<tokenised>false</tokenised>), and a wildcard never matches a number.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
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
  for (const file of sources(join(root, 'projects/eoffice/src/lib'))) {
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
