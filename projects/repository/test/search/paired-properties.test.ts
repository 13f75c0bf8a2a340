// Properties searched together (RepositoryOptions.pairedProperties, persistence/property-pairs.ts): an Inbox's
// "held by the post AND moving" is read from the pairs of values the node store keeps. The answers must be the
// ones the property rows give, whatever changed since: values set, replaced, removed, several values, a node
// deleted, the pairing declared on a database already holding items.
import { strict as assert } from 'node:assert';
import { after, beforeEach, describe, it } from 'node:test';
import { runSearch } from '../../src/search';
import { pairProperties } from '../../src/persistence/property-pairs';
import { searchStoreOf } from '../../src/persistence/search/search-store';
import { createResolver } from '../../src/search/fields';
import { parseAfts } from '../../src/search/parser';
import { NodeStore } from '../../src/persistence/node-store';
import { Fixture } from './fixture';

const INBOX = '=eo:currentHolder:"SO" AND (=eo:status:"inMovement" OR =eo:status:"parked")';
const HOLDER = '=eo:currentHolder:"SO"';

describe('properties searched together', () => {
  let fx: Fixture;
  const ctx = () => ({
    ...fx.ctx(),
    propertyDataType: (q: string) => (q === 'eo:currentHolder' || q === 'eo:status' ? 'd:text' : fx.ctx().propertyDataType(q)),
    propertyTokenised: (q: string) => (q === 'eo:currentHolder' || q === 'eo:status' ? 'false' : fx.ctx().propertyTokenised?.(q))
  });
  const ids = (query: string) =>
    runSearch(ctx(), { query: { query }, paging: { maxItems: 100 } })
      .nodeIds.slice()
      .sort();
  /** Saves properties as a request does, through the node store (null removes one). */
  const set = (id: string, props: Record<string, string | string[] | null>) => new NodeStore(fx.db).setProperties(id, props);
  const item = (id: string, holder: string | string[], status: string) =>
    fx.node({ id, name: `${id}.pdf`, parent: null, props: { 'eo:currentHolder': holder, 'eo:status': status } });

  beforeEach(() => {
    fx?.close();
    fx = new Fixture();
    item('moving', 'SO', 'inMovement');
    item('parked', 'SO', 'parked');
    item('closed', 'SO', 'closed');
    item('elsewhere', 'US', 'inMovement');
    item('shared', ['US', 'SO'], 'inMovement');
  });
  after(() => fx.close());

  it('answers as the property rows do, declared on a database that already holds items, and reads the pairs', () => {
    const before = ids(INBOX);
    assert.deepEqual(before, ['moving', 'parked', 'shared']);
    pairProperties(fx.db, [['eo:currentHolder', 'eo:status']]);
    assert.deepEqual(ids(INBOX), before);
    const where = compiledInbox();
    const plan = (
      fx.db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM node n WHERE ${where.sql}`).all(...where.params) as { detail: string }[]
    ).map((r) => r.detail);
    assert.ok(
      plan.some((d) => d.includes('property_pair')),
      plan.join('\n')
    );
  });

  it('follows every change to either property and a deleted node', () => {
    pairProperties(fx.db, [['eo:currentHolder', 'eo:status']]);
    set('closed', { 'eo:status': 'parked' }); // reopened and parked
    set('moving', { 'eo:currentHolder': 'US' }); // sent on
    set('elsewhere', { 'eo:currentHolder': 'SO' }); // received
    set('parked', { 'eo:status': null }); // status removed
    set('shared', { 'eo:currentHolder': ['US', 'US2'] }); // no longer among its holders
    assert.deepEqual(ids(INBOX), ['closed', 'elsewhere']);
    set('elsewhere', { 'cm:title': 'Leave', 'eo:status': 'closed' }); // closed in a save of other properties too
    set('moving', { 'eo:currentHolder': 'SO', 'eo:status': 'parked' }); // both in one save: received and parked
    set('moving', { 'cm:title': 'Tour' }); // a save of no paired property keeps its pairs
    fx.db.prepare('DELETE FROM node WHERE id = ?').run('closed');
    assert.deepEqual(ids(INBOX), ['moving']);
    assert.equal(fx.db.prepare('SELECT count(*) FROM property_pair WHERE node_id NOT IN (SELECT seq FROM node)').pluck().get(), 0);
    assert.deepEqual(ids(HOLDER), ['elsewhere', 'moving', 'parked'], 'a status removed leaves the holder');
  });

  it('keeps the answers of tests it cannot pair: a tokenised property, a wildcard, a negation', () => {
    pairProperties(fx.db, [['eo:currentHolder', 'eo:status']]);
    assert.deepEqual(ids('=eo:currentHolder:"SO" AND NOT =eo:status:"closed"'), ['moving', 'parked', 'shared']);
    assert.deepEqual(ids('=eo:currentHolder:"SO" AND =eo:status:park*'), ['parked']);
    assert.deepEqual(ids('=eo:currentHolder:"SO" AND (=eo:status:"parked" OR cm:name:"closed.pdf")'), ['closed', 'parked']);
  });

  it('drops the pairs of a pairing no longer declared, and the answers stay', () => {
    pairProperties(fx.db, [['eo:currentHolder', 'eo:status']]);
    pairProperties(fx.db, []);
    assert.equal(fx.db.prepare('SELECT count(*) FROM property_pair').pluck().get(), 0);
    set('closed', { 'eo:status': 'inMovement' });
    assert.deepEqual(ids(INBOX), ['closed', 'moving', 'parked', 'shared']);
  });

  /** The Inbox query's predicate, compiled as a search compiles it. */
  function compiledInbox() {
    const c = ctx();
    const fields = createResolver(c.propertyDataType, undefined, c.propertyTokenised);
    return searchStoreOf(fx.db).compile(parseAfts(INBOX, { defaultOperator: 'AND', isQName: fields.isQName }), {
      fields,
      subClassesOf: c.subClassesOf,
      now: new Date()
    }).where;
  }
});
