/**
 * Race-free numbering on the repository's own guarantee (a name is unique in its folder, 409 on a
 * duplicate): concurrent diarisations through @alfresco/js-api get distinct, consecutive numbers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Acs } from '../src/acs';
import { install } from '../src/install';
import { StepLog } from '../src/log';
import { claimNext, formatReceiptNumber, highestNumber, receiptSeries, type NumberingNodes } from '../../eoffice/src/lib/domain/numbering';
import { artefacts, startLocalRepository, type LocalRepository } from './support';

describe('race-free numbering', () => {
  let repo: LocalRepository;
  let admin: Acs;
  let docLib: string;

  before(async () => {
    repo = await startLocalRepository();
    admin = await repo.acs();
    docLib = (await install(admin, artefacts(), new StepLog(() => undefined))).documentLibraryId;
  });
  after(() => repo?.stop());

  /** Diarises one receipt in EST: the node's name is its running number. */
  const diarise = (acs: Acs, year: number, subject: string) =>
    claimNext(acs.nodes as unknown as NumberingNodes, {
      parentId: docLib,
      folder: receiptSeries(year, 'EST'),
      body: (n) => ({
        nodeType: 'eo:receipt',
        properties: {
          'eo:receiptNumber': formatReceiptNumber(n, year, 'EST', 'GAD'),
          'eo:receiptSerial': n,
          'eo:subject': subject,
          'eo:receivedDate': `${year}-11-20`,
          'eo:diarisedDate': new Date().toISOString()
        }
      })
    });

  it('50 concurrent diarisations get 50 distinct, consecutive numbers', async () => {
    // Five clients (as five CRU clerks would have), ten receipts each, all at once.
    const clients = await Promise.all(Array.from({ length: 5 }, () => repo.acs()));
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => diarise(clients[i % 5], 2026, `Receipt ${i}`)));
    const numbers = claims.map((c) => c.number).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 50 }, (_, i) => i + 1)
    );
    assert.ok(
      claims.some((c) => c.attempts > 1),
      'the clients really raced (some claims lost and retried)'
    );

    // What the repository holds: 50 receipts named 000001..000050 whose numbers match their names.
    const folder = await admin.nodes.getNode(docLib, { relativePath: receiptSeries(2026, 'EST') });
    const listed = await admin.nodes.listNodeChildren(folder.entry.id, { maxItems: 100, include: ['properties'], orderBy: ['name ASC'] });
    const entries = (listed.list?.entries ?? []).map((e) => e.entry);
    assert.equal(entries.length, 50);
    entries.forEach((e, i) => {
      assert.equal(e.name, String(i + 1).padStart(6, '0'));
      assert.equal(e.properties['eo:receiptNumber'], `${i + 1}/2026/EST-GAD`);
    });
  });

  it('continues after the highest number, and a new year starts its own series at 1', async () => {
    assert.equal(await highestNumber(admin.nodes as unknown as NumberingNodes, docLib, receiptSeries(2026, 'EST')), 50);
    assert.equal((await diarise(admin, 2026, 'Next one')).number, 51);
    const first = await diarise(admin, 2027, 'New year');
    assert.equal(first.number, 1);
    assert.equal(first.name, '000001');
  });

  it('a receipt cannot be deleted, so its number is never handed out again', async () => {
    const claim = await diarise(admin, 2026, 'Try to delete me');
    await assert.rejects(admin.nodes.deleteNode(claim.id), (e: { status?: number }) => e.status === 403);
    assert.equal((await diarise(admin, 2026, 'After')).number, claim.number + 1);
  });

  it('a 409 that is not a name clash is reported, not skipped (no gaps)', async () => {
    let creates = 0;
    const locked: NumberingNodes = {
      getNode: async () => ({ entry: { id: 'folder' } }),
      listNodeChildren: async () => ({ list: { entries: [{ entry: { name: '000007' } }] } }),
      createNode: async () => {
        creates++;
        throw { status: 409, message: 'locked' };
      }
    };
    await assert.rejects(
      claimNext(locked, { parentId: 'p', folder: 'Receipts/2026/EST', body: () => ({ nodeType: 'eo:receipt' }) }),
      (e: { message?: string }) => e.message === 'locked'
    );
    assert.equal(creates, 1, 'number 8 was tried once and not skipped');
  });
});
