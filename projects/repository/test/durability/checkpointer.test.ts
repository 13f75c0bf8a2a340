/**
 * WAL checkpoints run in a worker thread with a connection of its own (persistence/checkpointer.ts): the
 * database file takes in the committed writes without the event loop's connection checkpointing, and closing
 * the repository still leaves one database file holding everything (no WAL left behind).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startRepository } from '../../src/server';

const auth = 'Basic ' + Buffer.from('admin:admin').toString('base64');
const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('committed writes reach the database file through the checkpointer, and closing leaves no WAL behind', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-checkpoint-'));
  const dbFile = path.join(dataDir, 'repository.sqlite');
  const server = await startRepository({ port: 0, dataDir, quiet: true });
  const names: string[] = [];
  try {
    const db = server.context.db;
    // The event loop's connection checkpoints only as a bound, far beyond what this test writes.
    assert.ok((db.pragma('wal_autocheckpoint', { simple: true }) as number) > 10_000);
    // Whatever start-up wrote first reaches the file, then the file is watched for the requests' writes.
    const create = (name: string) =>
      fetch(`${server.url}/alfresco/api/-default-/public/alfresco/versions/1/nodes/-my-/children`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, nodeType: 'cm:content', properties: { 'cm:title': `Receipt ${name}` } })
      });
    assert.equal((await create('first.txt')).status, 201);
    names.push('first.txt');
    let before = digest(dbFile);
    for (let wait = 0; wait < 100; wait++) {
      await new Promise((r) => setTimeout(r, 100));
      const now = digest(dbFile);
      if (now === before) break;
      before = now;
    }
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => create(`receipt-${i}.txt`)));
    for (const [i, res] of answers.entries()) {
      assert.equal(res.status, 201);
      names.push(`receipt-${i}.txt`);
    }
    let changed = false;
    for (let wait = 0; wait < 100 && !changed; wait++) {
      await new Promise((r) => setTimeout(r, 100));
      changed = digest(dbFile) !== before;
    }
    assert.ok(changed, 'the database file took in the new nodes while the repository ran');
  } finally {
    await server.close();
  }
  try {
    assert.equal(fs.existsSync(`${dbFile}-wal`), false, 'the last connection to close checkpointed the WAL and removed it');
    const reopened = new Database(dbFile, { readonly: true });
    try {
      const stored = reopened
        .prepare(`SELECT name FROM node WHERE name IN (${names.map(() => '?').join(',')})`)
        .pluck()
        .all(...names) as string[];
      assert.deepEqual(stored.sort(), [...names].sort(), 'every answered node is in the database file');
    } finally {
      reopened.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
