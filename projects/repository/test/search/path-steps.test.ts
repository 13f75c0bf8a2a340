// PATH with a wide middle step: `…/cm:Receipts/*/cm:Movements/*` passes through every registered item. Past
// STEP_IDS_MAX nodes at one step the rest of the path is checked upwards from each candidate; the answer
// must be the same, exact to the level (nothing deeper, shallower, archived or in another tree).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { runSearch } from '../../src/search';
import { STEP_IDS_MAX } from '../../src/persistence/search/path';
import { Fixture } from './fixture';

describe('PATH through a step wider than STEP_IDS_MAX', () => {
  const fx = new Fixture();
  const items = STEP_IDS_MAX + 200;
  const expected: string[] = [];
  before(() => {
    const root = fx.node({ id: 'root', type: 'sys:store_root', parent: null, name: 'root', assocQName: 'sys:root' });
    const home = fx.node({ id: 'home', type: 'cm:folder', parent: root, name: 'Company Home', assocQName: 'app:company_home' });
    const receipts = fx.node({ id: 'receipts', type: 'cm:folder', parent: home, name: 'Receipts' });
    const other = fx.node({ id: 'other', type: 'cm:folder', parent: home, name: 'Other' });
    for (let i = 0; i < items; i++) {
      const item = fx.node({ id: `item-${i}`, type: 'cm:folder', parent: receipts, name: `item ${i}`, archived: i === 7 });
      const moves = fx.node({ id: `moves-${i}`, type: 'cm:folder', parent: item, name: i === 9 ? 'Notes' : 'Movements' });
      const move = fx.node({ id: `move-${i}`, parent: moves, name: `000001`, content: 'movement' });
      const sub = fx.node({ id: `sub-${i}`, type: 'cm:folder', parent: moves, name: 'sub' });
      fx.node({ id: `deeper-${i}`, parent: sub, name: 'x' });
      if (i !== 7 && i !== 9) expected.push(move, sub);
    }
    // The same shape under another folder, and a Movements folder straight under Receipts: neither matches.
    const stray = fx.node({ id: 'stray', type: 'cm:folder', parent: other, name: 'item' });
    fx.node({ id: 'stray-move', parent: fx.node({ id: 'stray-moves', type: 'cm:folder', parent: stray, name: 'Movements' }), name: 'm' });
    fx.node({ id: 'shallow', parent: fx.node({ id: 'shallow-moves', type: 'cm:folder', parent: receipts, name: 'Movements' }), name: 's' });
  });
  after(() => fx.close());

  const ids = (query: string) =>
    runSearch(fx.ctx(), { query: { query }, paging: { maxItems: 5000 } })
      .nodeIds.slice()
      .sort();

  it('finds exactly the nodes at the path, the wide step checked from below', () => {
    assert.deepEqual(ids('PATH:"/app:company_home/cm:Receipts/*/cm:Movements/*"'), expected.slice().sort());
    assert.deepEqual(
      ids('PATH:"/app:company_home/cm:Receipts/*/cm:Movements/*" AND =cm:name:"000001"'),
      expected.filter((id) => id.startsWith('move-')).sort()
    );
    assert.deepEqual(ids('PATH:"/app:company_home/cm:Receipts/*/cm:Notes/*"'), ['move-9', 'sub-9']);
    const deeper = ids('PATH:"/app:company_home/cm:Receipts/*/cm:Movements/*/*"');
    assert.equal(deeper.length, items - 2, "one level deeper: the sub folders' children");
    assert.ok(deeper.every((id) => id.startsWith('deeper-')));
    assert.deepEqual(ids('PATH:"/app:company_home/cm:Other/*/cm:Movements/*"'), ['stray-move']);
  });

  it('a descendant step after the wide one still answers (resolved from the top)', () => {
    assert.equal(ids('PATH:"/app:company_home/cm:Receipts/*//cm:sub"').length, items - 1, "all but the archived item's");
  });
});
