import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { SearchError } from '../../src/search';
import { buildRepo } from './repo';

interface Facet {
  type: string;
  label?: string;
  buckets: {
    label: string;
    filterQuery?: string;
    display?: string;
    metrics: { type: string; value: { count: unknown } }[];
    bucketInfo?: Record<string, string>;
  }[];
}

/** ResultSetContext from the contract, adjusted where a real ACS differs (noted inline). */
function contextValidator() {
  const doc = yaml.load(readFileSync(join(__dirname, '../../../../../shared/acs-api/alfresco-search.yaml'), 'utf8')) as {
    definitions: Record<string, any>;
  };
  const defs = JSON.parse(JSON.stringify(doc.definitions));
  // ACS puts a display string (a person's name) in buckets and strings "true"/"false" in bucketInfo
  defs.GenericBucket.properties.display = { type: ['object', 'string'] };
  for (const k of ['startInclusive', 'endInclusive'])
    defs.GenericBucket.properties.bucketInfo.properties[k] = { type: ['boolean', 'string'] };
  defs.ResultBuckets.properties.buckets.items.properties.display = { type: ['object', 'string'] };
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  return ajv.compile({ definitions: defs, $ref: '#/definitions/ResultSetContext' });
}

describe('facets', () => {
  let repo: ReturnType<typeof buildRepo>;
  const validate = contextValidator();
  before(() => {
    repo = buildRepo();
    repo.fx.db
      .prepare(
        "INSERT INTO person (id, id_key, first_name, last_name, created_at) VALUES ('alice','alice','Alice','Rao','2026-01-01T00:00:00.000Z')"
      )
      .run();
  });
  after(() => repo.fx.close());

  const adfRequest = {
    query: { query: 'TYPE:"cm:content"' },
    facetFormat: 'V2',
    facetQueries: [
      { query: 'content.size:[0 TO 1000]', label: 'Small', group: 'Size' },
      { query: 'content.size:[1000 TO MAX]', label: 'Large', group: 'Size' },
      { query: 'cm:created:[NOW/DAY-7DAYS TO NOW]', label: 'This week', group: 'Created' }
    ],
    facetFields: {
      facets: [{ field: 'creator', mincount: 1, label: 'Creator' }, { field: "'content.mimetype'", mincount: 1 }, { field: 'eo:priority' }]
    },
    facetIntervals: {
      intervals: [
        {
          field: 'cm:created',
          label: 'Created',
          sets: [
            { label: 'This year', start: 'NOW/YEAR', end: 'NOW', endInclusive: true },
            { label: 'Last year', start: 'NOW/YEAR-1YEAR', end: 'NOW/YEAR', endInclusive: false }
          ]
        }
      ]
    },
    ranges: [{ field: 'content.size', start: '0', end: '200000', gap: '100000' }]
  };

  it('V2: every facet kind in list.context.facets, shaped as ACS does', () => {
    const r = repo.search(adfRequest);
    assert.equal(r.pagination.totalItems, 5);
    const ctx = r.context as { facets: Facet[] };
    assert.ok(validate(ctx), JSON.stringify(validate.errors));
    assert.deepEqual(
      ctx.facets.map((f) => `${f.type}:${f.label}`),
      [
        'query:Size',
        'query:Created',
        'field:Creator',
        'field:content.mimetype',
        'field:eo:priority',
        'interval:Created',
        'range:content.size'
      ]
    );
    const size = ctx.facets[0];
    assert.deepEqual(
      size.buckets.map((b) => [b.label, b.filterQuery, b.metrics[0].value.count]),
      [
        ['Small', 'content.size:[0 TO 1000]', 3],
        ['Large', 'content.size:[1000 TO MAX]', 2]
      ]
    );
    assert.deepEqual(ctx.facets[1].buckets[0].metrics[0].value.count, 1, 'query facet counts are numbers');
    const creator = ctx.facets[2];
    assert.deepEqual(
      creator.buckets.map((b) => [b.label, b.metrics[0].value.count, b.display]),
      [
        ['alice', '2', 'Alice Rao'],
        ['admin', '1', undefined],
        ['bob', '1', undefined],
        ['clerk', '1', undefined]
      ]
    );
    assert.equal(creator.buckets[0].filterQuery, 'creator:"alice"');
    assert.deepEqual(
      ctx.facets[3].buckets.map((b) => [b.label, b.metrics[0].value.count]),
      [
        ['text/plain', '3'],
        ['application/pdf', '2']
      ]
    );
    assert.deepEqual(
      ctx.facets[4].buckets.map((b) => [b.label, b.metrics[0].value.count]),
      [
        ['High', '2'],
        ['Low', '1']
      ]
    );
    const created = ctx.facets[5];
    assert.deepEqual(
      created.buckets.map((b) => [b.label, b.metrics[0].value.count]),
      [
        ['This year', '4'],
        ['Last year', '1']
      ]
    );
    assert.deepEqual(created.buckets[1].bucketInfo, {
      start: 'NOW/YEAR-1YEAR',
      end: 'NOW/YEAR',
      startInclusive: 'true',
      endInclusive: 'false'
    });
    assert.equal(created.buckets[1].filterQuery, 'cm:created:[NOW/YEAR-1YEAR TO NOW/YEAR>');
    const range = ctx.facets[6];
    assert.deepEqual(
      range.buckets.map((b) => [b.label, b.metrics[0].value.count, b.filterQuery]),
      [
        ['[0 - 100000)', '4', 'content.size:["0" TO "100000">'],
        ['[100000 - 200000)', '1', 'content.size:["100000" TO "200000">']
      ]
    );
  });

  it('each bucket filterQuery, applied as a filter query, returns the bucket count', () => {
    const ctx = repo.search(adfRequest).context as { facets: Facet[] };
    for (const f of ctx.facets) {
      for (const b of f.buckets) {
        const r = repo.search({ query: adfRequest.query, filterQueries: [{ query: b.filterQuery! }] });
        assert.equal(r.pagination.totalItems, Number(b.metrics[0].value.count), `${f.label} / ${b.label}: ${b.filterQuery}`);
      }
    }
  });

  it('facets respect the query, filter queries and the read filter', () => {
    const r = repo.search({ ...adfRequest, filterQueries: [{ query: 'cm:creator:alice' }] });
    const creator = (r.context as { facets: Facet[] }).facets.find((f) => f.label === 'Creator')!;
    assert.deepEqual(
      creator.buckets.map((b) => b.label),
      ['alice']
    );
    assert.equal(creator.buckets[0].metrics[0].value.count, '2');
    repo.fx.user = 'nobody';
    const r2 = repo.search(adfRequest);
    repo.fx.user = 'alice';
    assert.equal(r2.pagination.totalItems, 4, 'Mine.txt is only readable by its owner');
  });

  it('multi-select: excludeFilters leaves tagged filter queries out of a field facet', () => {
    const r = repo.search({
      query: { query: 'TYPE:content' },
      facetFormat: 'V2',
      filterQueries: [{ query: 'creator:"bob"', tags: ['who'] }],
      facetFields: {
        facets: [
          { field: 'creator', excludeFilters: ['who'] },
          { field: 'modifier', label: 'Modifier' }
        ]
      }
    });
    const [creator, modifier] = (r.context as { facets: Facet[] }).facets;
    assert.equal(r.pagination.totalItems, 1);
    assert.deepEqual(
      creator.buckets.map((b) => b.label),
      ['alice', 'admin', 'bob', 'clerk'],
      'all creators still offered'
    );
    assert.deepEqual(
      modifier.buckets.map((b) => b.label),
      ['alice']
    );
  });

  it('facet queries count what the same query finds: single-valued properties read once per hit, multi-valued ones looked up', () => {
    const own = buildRepo();
    try {
      own.fx.node({
        id: 'kw1',
        parent: 'doclib',
        name: 'kw1.txt',
        props: { 'eo:keywords': ['alpha', 'beta'], 'eo:priority': 'High', 'eo:pages': 7 }
      });
      own.fx.node({ id: 'kw2', parent: 'doclib', name: 'kw2.txt', props: { 'eo:keywords': ['beta'], 'eo:pages': 30 } });
      const queries = [
        '=eo:priority:"High"',
        'eo:pages:[10 TO 50]',
        'NOT =eo:priority:"Low"',
        '=eo:priority:"High" AND eo:pages:[0 TO 20]',
        '=eo:keywords:"beta"',
        '=eo:keywords:"alpha" OR eo:pages:[35 TO MAX]',
        'eo:receivedDate:[2026-02-01 TO 2026-03-01>'
      ];
      const base = 'TYPE:"cm:content"';
      const r = own.search({ query: { query: base }, facetQueries: queries.map((query, i) => ({ query, label: `q${i}` })) });
      const counts = Object.fromEntries(
        ((r.context as { facetQueries: { label: string; count: number }[] }).facetQueries ?? []).map((f) => [f.label, f.count])
      );
      queries.forEach((query, i) => {
        const expected = own.search({ query: { query: `${base} AND (${query})` } }).pagination.totalItems;
        assert.equal(counts[`q${i}`], expected, query);
      });
      assert.equal(counts.q4, 2, 'both nodes holding beta among their keywords');
    } finally {
      own.fx.close();
    }
  });

  it('legacy shape without facetFormat V2: facetsFields and facetQueries', () => {
    const r = repo.search({
      query: { query: 'TYPE:content' },
      facetQueries: [{ query: 'content.size:[0 TO 1000]', label: 'small' }, { query: 'content.mimetype:"application/pdf"' }],
      facetFields: { facets: [{ field: 'creator', mincount: 2 }, { field: 'cm:author' }] }
    });
    const ctx = r.context as Record<string, any>;
    assert.ok(validate(ctx), JSON.stringify(validate.errors));
    assert.deepEqual(ctx.facetQueries, [
      { label: 'small', filterQuery: 'content.size:[0 TO 1000]', count: 3 },
      { label: 'content.mimetype:"application/pdf"', filterQuery: 'content.mimetype:"application/pdf"', count: 2 }
    ]);
    assert.deepEqual(
      ctx.facetsFields,
      [{ label: 'creator', buckets: [{ label: 'alice', filterQuery: 'creator:"alice"', count: 2, display: 'Alice Rao' }] }],
      'mincount drops single-document creators; a facet without values is left out'
    );
    assert.equal(ctx.facets, undefined);
    assert.deepEqual(Object.keys(ctx.consistency), ['lastTxId']);
  });

  it('date range facets with a calendar gap, hardend, include and other', () => {
    const r = repo.search({
      query: { query: 'TYPE:content' },
      facetFormat: 'V2',
      ranges: [
        {
          field: 'created',
          start: '2025-12-01T00:00:00.000Z',
          end: '2026-03-15T00:00:00.000Z',
          gap: '+1MONTH',
          hardend: true,
          other: ['before', 'after']
        },
        { field: 'content.size', start: '0', end: '5000', gap: '2500', include: ['upper'], label: 'Size' }
      ]
    });
    const [created, size] = (r.context as { facets: Facet[] }).facets;
    assert.deepEqual(
      created.buckets.map((b) => [b.bucketInfo!.start.slice(0, 10), b.bucketInfo!.end.slice(0, 10), b.metrics[0].value.count]),
      [
        ['2025-12-01', '2026-01-01', '1'],
        ['2026-01-01', '2026-02-01', '2'],
        ['2026-02-01', '2026-03-01', '1'],
        ['2026-03-01', '2026-03-15', '1'],
        ['*', '2025-12-01', '0'],
        ['2026-03-15', '*', '0']
      ]
    );
    assert.deepEqual(
      size.buckets.map((b) => [b.label, b.metrics[0].value.count]),
      [
        ['(0 - 2500]', '3'],
        ['(2500 - 5000]', '1']
      ]
    );
  });

  it('facet errors are SearchErrors', () => {
    assert.throws(() => repo.search({ query: { query: 'x' }, facetQueries: [{ query: 'cm:name:(' }] }), SearchError);
    assert.throws(() => repo.search({ query: { query: 'x' }, ranges: [{ field: 'content.size', start: '0', end: '10' }] }), SearchError);
    assert.throws(
      () => repo.search({ query: { query: 'x' }, ranges: [{ field: 'content.size', start: '0', end: '1e9', gap: '1' }] }),
      SearchError
    );
    assert.throws(() => repo.search({ query: { query: 'x' }, facetFields: { facets: [{ field: 'PATH' }] } }), SearchError);
  });
});
