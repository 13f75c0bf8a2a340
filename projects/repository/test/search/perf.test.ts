// Dashboard-style requests over 100,000 nodes: facets come from SQL aggregation and count every readable node.
// Timings are printed for information only; speed targets live in `npm run bench -- repository`.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { runSearch } from '../../src/search';
import { Fixture } from './fixture';

const N = 100_000;

describe('search over 100,000 nodes', () => {
  const fx = new Fixture();
  before(() => {
    fx.readable = ['acl-0', 'acl-1', 'acl-2'];
    fx.db
      .prepare(
        "INSERT INTO node (id, type, parent_id, name, name_key, assoc_qname, acl_id, created_at, created_by, modified_at, modified_by) VALUES ('root','sys:store_root',NULL,'root','root','sys:root','acl-0','2024-01-01T00:00:00.000Z','System','2024-01-01T00:00:00.000Z','System')"
      )
      .run();
    const node = fx.db
      .prepare(`INSERT INTO node (seq, id, type, parent_id, name, name_key, assoc_qname, is_file, acl_id, created_at, created_by, modified_at, modified_by, mime_type, size)
      VALUES (?, ?, 'cm:content', 'root', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`);
    const text = fx.db.prepare('INSERT INTO node_text (rowid, name, title, description, content) VALUES (?,?,?,NULL,?)');
    const prop = fx.db.prepare(
      "INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value) VALUES (?, 'eo:priority', 0, ?, NULL, ?)"
    );
    const mimes = ['application/pdf', 'text/plain', 'image/png', 'application/msword', 'text/html'];
    const words = ['file', 'letter', 'dak', 'notice', 'order', 'प्रशासन', 'विभाग', 'circular'];
    const t0 = Date.parse('2024-03-15T00:00:00.000Z');
    fx.db.transaction(() => {
      for (let i = 1; i <= N; i++) {
        const name = `doc-${i}.txt`;
        const created = new Date(t0 + (i % 730) * 86400000 + i).toISOString();
        node.run(
          i + 1,
          `id-${i}`,
          name,
          name,
          `cm:${name}`,
          `acl-${i % 4}`,
          created,
          `user${i % 20}`,
          created,
          `user${i % 7}`,
          mimes[i % 5],
          (i % 1000) * 1000
        );
        text.run(i + 1, name, `${words[i % 8]} ${words[(i * 7) % 8]}`, `content ${words[(i * 3) % 8]}`);
        prop.run(i + 1, ['High', 'Medium', 'Low'][i % 3], JSON.stringify('x'));
      }
    })();
  });
  after(() => fx.close());

  it('a dashboard request with field, query, interval and range facets counts every readable node', () => {
    const started = Date.now();
    const r = runSearch(fx.ctx(), {
      query: { query: 'TYPE:"cm:content"' },
      paging: { maxItems: 25 },
      sort: [{ type: 'FIELD', field: 'cm:modified', ascending: false }],
      facetFormat: 'V2',
      facetFields: { facets: [{ field: 'creator' }, { field: 'content.mimetype' }, { field: 'eo:priority' }] },
      facetQueries: [
        { query: 'content.size:[0 TO 100000]', label: 'small', group: 'size' },
        { query: 'content.size:<100000 TO MAX]', label: 'large', group: 'size' }
      ],
      facetIntervals: { intervals: [{ field: 'cm:created', sets: [{ label: 'recent', start: 'NOW-90DAYS', end: 'NOW' }] }] },
      ranges: [{ field: 'created', start: '2024-01-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z', gap: '+1MONTH' }]
    });
    const ms = Date.now() - started;
    assert.equal(r.pagination.totalItems, 75_000, 'acl-3 is not readable');
    assert.equal(r.nodeIds.length, 25);
    const facets = (r.context as { facets: { label: string; buckets: { metrics: { value: { count: string | number } }[] }[] }[] }).facets;
    const sum = (label: string) => facets.find((f) => f.label === label)!.buckets.reduce((a, b) => a + Number(b.metrics[0].value.count), 0);
    assert.equal(sum('creator'), 75_000);
    assert.equal(sum('eo:priority'), 75_000);
    assert.equal(sum('size'), 75_000);
    assert.equal(sum('created'), 75_000);
    console.log(`# dashboard request over ${N} nodes: ${ms} ms`);
  });

  it('full text over 100,000 nodes (Devanagari) with paging', () => {
    const started = Date.now();
    const r = runSearch(fx.ctx(), { query: { query: 'प्रशासन AND cm:name:doc*' }, paging: { maxItems: 10, skipCount: 20 } });
    const ms = Date.now() - started;
    assert.ok(r.pagination.totalItems > 10_000);
    assert.equal(r.nodeIds.length, 10);
    console.log(`# full-text request over ${N} nodes: ${ms} ms`);
  });
});
