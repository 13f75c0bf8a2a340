/**
 * Secondary child associations and peer (target/source) associations: how a receipt can sit in a
 * file's correspondence while its primary home stays the dak folder, and how one file links another.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';

describe('associations', () => {
  const repo = useTestRepository();

  it('a secondary child is listed under its second parent and reports both parents', async () => {
    const nodes = new NodesApi(await repo().api());
    const dak = await nodes.createNode('-my-', { name: 'Dak', nodeType: 'cm:folder' });
    const file = await nodes.createNode('-my-', { name: 'File A-11011', nodeType: 'cm:folder' });
    const receipt = await nodes.createNode(dak.entry.id, { name: 'receipt-1.txt', nodeType: 'cm:content' });

    await nodes.createSecondaryChildAssociation(file.entry.id, { childId: receipt.entry.id, assocType: 'cm:contains' });
    const children = await nodes.listSecondaryChildren(file.entry.id);
    assert.deepEqual(
      children.list!.entries!.map((e) => e.entry.name),
      ['receipt-1.txt']
    );
    assert.equal((children.list!.entries![0].entry.association as { isPrimary?: boolean } | undefined)?.isPrimary, false);

    const parents = await nodes.listParents(receipt.entry.id);
    assert.deepEqual(
      parents.list!.entries!.map((e) => [e.entry.name, (e.entry.association as { isPrimary?: boolean } | undefined)?.isPrimary]),
      [
        ['Dak', true],
        ['File A-11011', false]
      ]
    );

    expectError(
      await rejectionOf(nodes.createSecondaryChildAssociation(file.entry.id, { childId: receipt.entry.id, assocType: 'cm:contains' })),
      409
    );
    await nodes.deleteSecondaryChildAssociation(file.entry.id, receipt.entry.id);
    assert.equal((await nodes.listSecondaryChildren(file.entry.id)).list!.entries!.length, 0);
    expectError(await rejectionOf(nodes.deleteSecondaryChildAssociation(file.entry.id, receipt.entry.id)), 404);
  });

  it('a peer association is a target of its source and a source of its target', async () => {
    const nodes = new NodesApi(await repo().api());
    const main = await nodes.createNode('-my-', { name: 'main.txt', nodeType: 'cm:content' });
    const linked = await nodes.createNode('-my-', { name: 'linked.txt', nodeType: 'cm:content' });
    await nodes.createAssociation(main.entry.id, { targetId: linked.entry.id, assocType: 'cm:references' });
    assert.deepEqual(
      (await nodes.listTargetAssociations(main.entry.id)).list!.entries!.map((e) => e.entry.name),
      ['linked.txt']
    );
    assert.deepEqual(
      (await nodes.listSourceAssociations(linked.entry.id)).list!.entries!.map((e) => e.entry.name),
      ['main.txt']
    );
    await nodes.deleteAssociation(main.entry.id, linked.entry.id);
    assert.equal((await nodes.listTargetAssociations(main.entry.id)).list!.entries!.length, 0);
  });

  it('a user without write permission cannot add associations to a node', async () => {
    const admin = new NodesApi(await repo().api());
    const folder = await admin.createNode('-root-', { name: 'assoc-guarded', nodeType: 'cm:folder' });
    const a = await admin.createNode(folder.entry.id, { name: 'a.txt', nodeType: 'cm:content' });
    const b = await admin.createNode(folder.entry.id, { name: 'b.txt', nodeType: 'cm:content' });
    await repo().createUser('reader.only');
    await repo().grant(folder.entry.id, 'reader.only', 'Consumer');
    const reader = new NodesApi(await repo().api('reader.only', 'reader.only'));
    expectError(await rejectionOf(reader.createAssociation(a.entry.id, { targetId: b.entry.id, assocType: 'cm:references' })), 403);
    expectError(
      await rejectionOf(reader.createSecondaryChildAssociation(folder.entry.id, { childId: b.entry.id, assocType: 'cm:contains' })),
      403
    );
  });
});
