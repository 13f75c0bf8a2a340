/**
 * Race-free serials inside one item (notes, dispatch issues, correspondence), claimed by the clients that
 * write there, on the repository's own guarantee: a name is unique in its folder, 409 on a duplicate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Acs } from '../src/acs';
import { claimNext, highestNumber, numberedName, type NumberingNodes } from '@eoffice/domain';
import { startLocalRepository, type LocalRepository } from './support';

describe('race-free serials (domain/serials.ts)', () => {
  let repo: LocalRepository;
  let admin: Acs;
  let folder: string;

  before(async () => {
    repo = await startLocalRepository();
    admin = await repo.acs();
    folder = (await admin.nodes.createNode('-my-', { name: 'Notes', nodeType: 'cm:folder' })).entry.id;
  });
  after(() => repo?.stop());

  const claim = (acs: Acs, text: string) =>
    claimNext(acs.nodes as unknown as NumberingNodes, {
      parentId: folder,
      folder: 'Serials',
      body: () => ({ nodeType: 'cm:folder', properties: { 'cm:title': text } })
    });

  it('50 concurrent claims by five clients get 50 distinct, consecutive serials', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => repo.acs()));
    const claims = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(clients[i % 5], `Serial ${i}`)));
    assert.deepEqual(
      claims.map((c) => c.number).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1)
    );
    assert.ok(
      claims.some((c) => c.attempts > 1),
      'the clients really raced (some claims lost and retried)'
    );
    assert.equal(await highestNumber(admin.nodes as unknown as NumberingNodes, folder, 'Serials'), 50);
  });

  it('a numbered node declared a record ("000009 (2026-0000000412)", as AGS renames it) still holds its number', async () => {
    const filed: NumberingNodes = {
      getNode: async () => ({ entry: { id: 'folder' } }),
      listNodeChildren: async () => ({
        list: {
          entries: [{ entry: { name: 'index.txt' } }, { entry: { name: '000009 (2026-0000000412)' } }, { entry: { name: '000008' } }]
        }
      }),
      createNode: async () => {
        throw new Error('not called');
      }
    };
    assert.equal(await highestNumber(filed, 'p', 'Notes'), 9);
    assert.equal(numberedName('000009 (2026-0000000412)'), '000009');
    assert.equal(numberedName('Reply (draft).txt'), 'Reply (draft).txt', 'only a trailing identifier goes');
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
      claimNext(locked, { parentId: 'p', folder: 'Notes', body: () => ({ nodeType: 'eo:note' }) }),
      (e: { message?: string }) => e.message === 'locked'
    );
    assert.equal(creates, 1, 'number 8 was tried once and not skipped');
  });

  it('numbers taken by nodes the user cannot read are skipped by probing names, in O(log n) look-ups', async () => {
    // 1..5 readable, 6..40 taken but hidden (the workflow restricts them to other posts), 41 on free.
    const hidden = 40;
    let probes = 0;
    const name = (n: number) => String(n).padStart(6, '0');
    const nodes: NumberingNodes = {
      getNode: async (_id, opts) => {
        const path = (opts as { relativePath?: string } | undefined)?.relativePath ?? '';
        if (path === 'Notes') return { entry: { id: 'folder' } };
        probes++;
        const n = Number(path.split('/').pop());
        if (n <= 5) return { entry: { id: `n${n}` } };
        throw { status: n <= hidden ? 403 : 404 };
      },
      listNodeChildren: async () => ({ list: { entries: [5, 4, 3, 2, 1].map((n) => ({ entry: { name: name(n) } })) } }),
      createNode: async (_parent, body) => {
        if (Number(body.name) <= hidden) throw { status: 409, message: 'Duplicate child name not allowed' };
        return { entry: { id: 'new', name: body.name } };
      }
    };
    const claimed = await claimNext(nodes, { parentId: 'p', folder: 'Notes', body: () => ({ nodeType: 'eo:note' }) });
    assert.equal(claimed.number, hidden + 1);
    assert.ok(probes <= 2 * Math.ceil(Math.log2(hidden)) + 2, `${probes} name look-ups`);
  });
});
