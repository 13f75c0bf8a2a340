/**
 * Group commit: requests that arrive together share one durable COMMIT, each in its own savepoint. A request
 * that fails must take back only its own writes, the others must be kept, and nothing may be answered 2xx
 * before the batch holding it is durable: a process killed right after the answers keeps every 2xx write.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository } from '../../src/server';
import { NodeService } from '../../src/services/node-service';
import { commitCount, inTransaction, pendingCommit, setWalSync } from '../../src/persistence/database';
import type { Caller } from '../../src/auth/caller';
import { freePort, startRepositoryProcess } from '../support/repository-process';

const auth = 'Basic ' + Buffer.from('admin:admin').toString('base64');
const admin: Caller = { userId: 'admin', isAdmin: true, authorities: new Set(['admin']) };

test('a failing transaction in a shared batch rolls back only its own writes', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-batch-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  try {
    const ctx = server.context;
    const nodes = new NodeService(ctx);
    const home = () => ctx.store.require(ctx.authorities.person('admin')!.home_folder_id!);
    const commits = commitCount(ctx.db);
    // Three requests' transactions in one turn of the event loop: one batch.
    inTransaction(ctx.db, () => nodes.create(admin, home(), { name: 'first.txt', nodeType: 'cm:content' }));
    assert.throws(() =>
      inTransaction(ctx.db, () => {
        nodes.create(admin, home(), { name: 'doomed.txt', nodeType: 'cm:content' });
        nodes.create(admin, home(), { name: 'first.txt', nodeType: 'cm:content' }); // duplicate name: 409
      })
    );
    inTransaction(ctx.db, () => nodes.create(admin, home(), { name: 'third.txt', nodeType: 'cm:content' }));
    const batch = pendingCommit(ctx.db);
    assert.ok(batch, 'the three transactions are still waiting for their shared commit');
    assert.equal(await batch, true);
    assert.equal(commitCount(ctx.db) - commits, 1, 'one COMMIT for the whole batch');

    const names = (ctx.db.prepare('SELECT name FROM node WHERE parent_id = ?').pluck().all(home().id) as string[]).sort();
    assert.ok(names.includes('first.txt') && names.includes('third.txt'), `the others' writes are kept: ${names}`);
    assert.ok(!names.includes('doomed.txt'), 'the failed transaction left nothing behind');
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('no success is answered before its batch is durable: a batch lost at COMMIT answers 500, not 201', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-batch-lost-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  try {
    const ctx = server.context;
    // Once the probe's transaction has run, and before its batch commits, the batch is rolled back as SQLite
    // does by itself on an I/O error or a full disk. Answering on the handler's return would say 201.
    ctx.policies.push({
      onCreateNode: (_caller, node) => {
        if (node.name === 'probe.txt') queueMicrotask(() => ctx.db.exec('ROLLBACK'));
      }
    });
    const create = (name: string) =>
      fetch(`${server.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/-my-/children`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, nodeType: 'cm:content' })
      });
    const probe = await create('probe.txt');
    assert.equal(probe.status, 500);
    const home = ctx.store.require(ctx.authorities.person('admin')!.home_folder_id!);
    assert.equal(ctx.store.childByName(home.id, 'probe.txt'), undefined, 'the lost write is not there');
    // The repository goes on: the next request gets a batch of its own.
    assert.equal((await create('after.txt')).status, 201);
    assert.ok(ctx.store.childByName(home.id, 'after.txt'));
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('concurrent creates under batching, one failing with 4xx: exactly the others survive SIGKILL right after the answers', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-batch-kill-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/alfresco/api/-default-/public/alfresco/versions/1`;
  const post = (parent: string, body: unknown) =>
    fetch(`${base}/nodes/${parent}/children`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    });
  let child = await startRepositoryProcess(port, dataDir);
  try {
    const folder = await post('-my-', { name: 'batch', nodeType: 'cm:folder' });
    assert.equal(folder.status, 201);
    const folderId = ((await folder.json()) as { entry: { id: string } }).entry.id;

    // Round after round of 16 at once; in each, request 7 first creates the folders of its relativePath and
    // then fails (unknown aspect, checked after the path is made): its folders must go, the others' nodes stay.
    const rounds = 5;
    const created = new Map<string, string>();
    for (let round = 0; round < rounds; round++) {
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i === 7
            ? post(folderId, {
                name: `failing-${round}.txt`,
                nodeType: 'cm:content',
                relativePath: `half-made-${round}/deeper`,
                aspectNames: ['cm:noSuchAspect']
              })
            : post(folderId, { name: `kept-${round}-${i}.txt`, nodeType: 'cm:content', properties: { 'cm:title': `Kept ${round}/${i}` } })
        )
      );
      for (const [i, res] of answers.entries()) {
        const body = (await res.json()) as { entry?: { id: string; name: string } };
        if (i === 7) assert.equal(res.status, 400, 'the unknown aspect is refused');
        else {
          assert.equal(res.status, 201);
          created.set(body.entry!.name, body.entry!.id);
        }
      }
    }
    // Killed the moment the last answer is in: every 2xx must already be on disk.
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;

    child = await startRepositoryProcess(port, dataDir);
    const list = await fetch(`${base}/nodes/${folderId}/children?maxItems=1000&include=properties`, { headers: { Authorization: auth } });
    assert.equal(list.status, 200);
    const entries = (
      (await list.json()) as { list: { entries: { entry: { id: string; name: string; properties?: Record<string, unknown> } }[] } }
    ).list.entries;
    const names = entries.map((e) => e.entry.name).sort();
    assert.deepEqual(names, [...created.keys()].sort(), 'exactly the answered creates are there: none lost, no half-made folder');
    for (const { entry } of entries) {
      assert.equal(entry.id, created.get(entry.name));
      assert.match(String(entry.properties?.['cm:title']), /^Kept \d+\/\d+$/);
    }
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the WAL is synced off the event loop, and no answer leaves before the sync of its batch has finished', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-batch-sync-'));
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  try {
    const db = server.context.db;
    const held: { walFile: string; release: (e?: Error) => void }[] = [];
    setWalSync(
      db,
      (walFile) => new Promise<void>((resolve, reject) => held.push({ walFile, release: (e) => (e ? reject(e) : resolve()) }))
    );
    const create = (name: string) =>
      fetch(`${server.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/-my-/children`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, nodeType: 'cm:content' })
      });
    const settled = <T>(p: Promise<T>) => Promise.race([p.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);

    const first = create('synced.txt');
    while (!held.length) await new Promise((r) => setTimeout(r, 5));
    assert.match(held[0].walFile, /repository\.sqlite-wal$/, 'the WAL file is what gets synced');
    // Committed, visible in SQLite, but not yet on disk: the client must not hear 201 yet.
    assert.equal(await settled(first), 'waiting');
    // Meanwhile the event loop is free: a second request gathers in the next batch, which waits its turn.
    const second = create('next.txt');
    assert.equal(await settled(second), 'waiting');
    held.shift()!.release();
    assert.equal((await first).status, 201);
    while (!held.length) await new Promise((r) => setTimeout(r, 5));
    assert.equal(await settled(second), 'waiting');
    // A sync that fails: nobody is told that batch is durable.
    held.shift()!.release(new Error('EIO'));
    assert.equal((await second).status, 500);

    setWalSync(db, () => Promise.resolve());
    assert.equal((await create('after.txt')).status, 201, 'the repository goes on after a failed sync');
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
