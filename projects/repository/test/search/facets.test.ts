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

  it('facet queries grouped by a value they test count what the same query finds, whatever else they test', () => {
    const own = buildRepo();
    try {
      const item = (id: string, type: string, props: Record<string, string | number | string[]>, acl?: string) =>
        own.fx.node({ id, type, parent: 'doclib', name: `${id}.txt`, props, ...(acl ? { acl } : {}) });
      item('p1', 'cm:content', { 'eo:dispatchMode': 'Post', 'eo:pages': 7, 'eo:keywords': ['alpha', 'beta'] });
      item('p2', 'eo:letter', { 'eo:dispatchMode': 'Post', 'eo:pages': 12 });
      item('p3', 'eo:letter', { 'eo:dispatchMode': 'Hand', 'eo:pages': 30, 'eo:keywords': ['beta'] });
      item('p4', 'cm:content', { 'eo:dispatchMode': 'post', 'eo:pages': 7 });
      item('p5', 'cm:content', { 'eo:pages': 3 });
      item('p6', 'eo:letter', { 'eo:dispatchMode': 'By "hand"' });
      // one the reader may not read: no count has it
      item('p7', 'eo:letter', { 'eo:dispatchMode': 'Post', 'eo:pages': 7 }, 'acl-private');
      const queries = [
        'TYPE:"cm:content" AND eo:pages:[0 TO 20]',
        'EXACTTYPE:"cm:content" AND =eo:dispatchMode:"Post"',
        'TYPE:"eo:letter" AND =eo:dispatchMode:"Post"',
        '=eo:dispatchMode:"Post" AND eo:pages:[10 TO MAX]',
        '=eo:dispatchMode:"Hand" AND eo:pages:[10 TO MAX]',
        '(=eo:dispatchMode:"Post" OR =eo:dispatchMode:"Hand") AND eo:pages:[0 TO 20]',
        '=eo:dispatchMode:"Post" OR =eo:dispatchMode:"Post"',
        '=eo:pages:7',
        '=eo:pages:7 AND TYPE:"cm:content"',
        '=eo:dispatchMode:"Nobody"',
        '=eo:dispatchMode:"Post" AND NOT =eo:dispatchMode:"Post"',
        '=eo:keywords:"beta" AND =eo:dispatchMode:"Post"',
        'eo:pages:[0 TO 20]',
        '=eo:dispatchMode:"post"',
        '(TYPE:"eo:letter" AND =eo:dispatchMode:"Post") AND eo:pages:[0 TO 100]',
        '=eo:dispatchMode:"Post" AND =eo:dispatchMode:"Hand"',
        'eo:dispatchMode:Post',
        '=eo:dispatchMode:"Post" AND (eo:pages:[0 TO 10] OR =eo:keywords:"alpha")',
        '=eo:dispatchMode:"By \\"hand\\""',
        'TYPE:"cm:folder" AND =eo:dispatchMode:"Post"',
        '*',
        // more than one statement's arm counts: a post's and a range's hundreds of pages
        ...Array.from(
          { length: 520 },
          (_, i) => `=eo:dispatchMode:"Post" AND eo:pages:[${i % 40} TO MAX]${i >= 40 ? ` AND NOT =eo:pages:${i}` : ''}`
        ),
        ...Array.from({ length: 520 }, (_, i) => `eo:pages:[${i % 40} TO MAX]${i >= 40 ? ` AND NOT =eo:pages:${i}` : ''}`)
      ];
      const base = 'TYPE:"cm:content"';
      for (const facetFormat of ['V2', undefined]) {
        const r = own.search({ query: { query: base }, facetFormat, facetQueries: queries.map((query, i) => ({ query, label: `q${i}` })) });
        const context = r.context as { facetQueries?: { label: string; count: number }[]; facets?: Facet[] };
        const counts = Object.fromEntries(
          facetFormat
            ? context.facets!.flatMap((f) => f.buckets.map((b) => [b.label, Number(b.metrics[0].value.count)]))
            : context.facetQueries!.map((f) => [f.label, f.count])
        );
        queries.forEach((query, i) => {
          const expected = own.search({ query: { query: `${base} AND (${query})` } }).pagination.totalItems;
          assert.equal(counts[`q${i}`], expected, query);
        });
        assert.deepEqual(
          [0, 2, 6, 7, 13, 18].map((i) => counts[`q${i}`]),
          [6, 1, 2, 2, 1, 1],
          'the content up to 20 pages (two of the shared repository with them), the letters sent by post, each sent by post once, those of 7 pages, the one in small letters, the one in quotes'
        );
      }
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
