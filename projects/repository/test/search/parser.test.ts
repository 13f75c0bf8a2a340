import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { parseDate } from '../../src/search/datemath';
import { parseAfts, SearchError } from '../../src/search';
import { buildRepo } from './repo';

const opts = { isQName: (p: string) => p === 'cm' || p === 'eo' };
const now = new Date('2026-03-15T10:30:00.000Z');
const iso = (s: string) => {
  const d = parseDate(s, now)!;
  return [new Date(d.start).toISOString(), new Date(d.end).toISOString()];
};

describe('AFTS parser', () => {
  it('builds precedence: juxtaposition < OR < AND < NOT', () => {
    assert.deepEqual(parseAfts('a OR b c', opts), {
      k: 'and',
      items: [
        {
          k: 'or',
          items: [
            { k: 'term', field: null, value: 'a', phrase: false, exact: false, wild: false },
            { k: 'term', field: null, value: 'b', phrase: false, exact: false, wild: false }
          ]
        },
        { k: 'term', field: null, value: 'c', phrase: false, exact: false, wild: false }
      ]
    });
    assert.deepEqual(parseAfts('x AND NOT y', opts), {
      k: 'and',
      items: [
        { k: 'term', field: null, value: 'x', phrase: false, exact: false, wild: false },
        { k: 'not', item: { k: 'term', field: null, value: 'y', phrase: false, exact: false, wild: false } }
      ]
    });
  });

  it('splits fields from values', () => {
    const t = (q: string) => parseAfts(q, opts) as { field: string; value: string };
    assert.deepEqual([t('cm:name:foo').field, t('cm:name:foo').value], ['cm:name', 'foo']);
    assert.deepEqual([t('TYPE:cm:content').field, t('TYPE:cm:content').value], ['TYPE', 'cm:content']);
    assert.deepEqual([t('created:2026-01-01T10:00').field, t('created:2026-01-01T10:00').value], ['created', '2026-01-01T10:00']);
    assert.deepEqual([t('PARENT:workspace://SpacesStore/abc').value], ['workspace://SpacesStore/abc']);
    assert.deepEqual(t('QNAME:comment\\-*'), { k: 'term', field: 'QNAME', value: 'comment-*', phrase: false, exact: false, wild: true });
    assert.deepEqual(parseAfts('cm:created:[2026-01-01 TO NOW>', opts), {
      k: 'range',
      field: 'cm:created',
      lo: '2026-01-01',
      hi: 'NOW',
      loInc: true,
      hiInc: false
    });
    assert.deepEqual(parseAfts('content.size:{* TO "10"]', opts), {
      k: 'range',
      field: 'content.size',
      lo: null,
      hi: '10',
      loInc: false,
      hiInc: true
    });
    assert.deepEqual(parseAfts('cm:title:foo^2', opts), {
      k: 'term',
      field: 'cm:title',
      value: 'foo',
      phrase: false,
      exact: false,
      wild: false
    });
  });

  it('date math against an injected now (UTC)', () => {
    assert.deepEqual(iso('NOW'), ['2026-03-15T10:30:00.000Z', '2026-03-15T10:30:00.001Z']);
    assert.equal(iso('NOW/DAY')[0], '2026-03-15T00:00:00.000Z');
    assert.equal(iso('NOW-7DAYS')[0], '2026-03-08T10:30:00.000Z');
    assert.equal(iso('NOW+1MONTH/DAY')[0], '2026-04-15T00:00:00.000Z');
    assert.equal(iso('NOW/YEAR-1YEAR')[0], '2025-01-01T00:00:00.000Z');
    assert.equal(iso('NOW-2HOURS/HOUR')[0], '2026-03-15T08:00:00.000Z');
    assert.deepEqual(
      iso('2026-01-31+1MONTH'),
      ['2026-02-28T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      'month end clamps; the day span keeps its width'
    );
    assert.deepEqual(iso('2026'), ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    assert.deepEqual(iso('2026-02'), ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    assert.deepEqual(iso('2026-02-03T04:05:06+05:30'), ['2026-02-02T22:35:06.000Z', '2026-02-02T22:35:07.000Z']);
    assert.equal(parseDate('yesterday', now), undefined);
    assert.throws(() => parseDate('NOW+1LIGHTYEAR', now), SearchError);
  });
});

describe('queries the Alfresco Content App sends', () => {
  let repo: ReturnType<typeof buildRepo>;
  before(() => {
    repo = buildRepo();
  });
  after(() => repo.fx.close());

  it('parse and run', () => {
    const r = repo.search({
      query: {
        query: '(cm:name:"annual*" OR cm:title:"annual*" OR cm:description:"annual*" OR TEXT:"annual*" OR TAG:"annual*")',
        language: 'afts'
      },
      filterQueries: [
        { query: "+TYPE:'cm:folder' OR +TYPE:'cm:content'" },
        { query: "-TYPE:'cm:thumbnail' AND -TYPE:'cm:failedThumbnail' AND -TYPE:'cm:rating' AND -TYPE:'app:filelink'" },
        { query: '-cm:creator:System AND -QNAME:comment\\-*' },
        { query: "-ASPECT:'sys:hidden'" },
        { query: "-PNAME:'0/wiki'" },
        { query: 'cm:modified:[NOW/DAY-1YEAR TO NOW/DAY+1DAY]' }
      ],
      include: ['path', 'allowableOperations'],
      sort: [{ type: 'FIELD', field: 'score', ascending: false }],
      facetFormat: 'V2',
      highlight: { fields: [{ field: 'cm:name' }] }
    });
    assert.deepEqual(r.nodeIds, ['report']);
    assert.deepEqual(repo.search({ query: { query: 'TYPE:"st:site"' } }).nodeIds, ['site-dak']);
  });
});
