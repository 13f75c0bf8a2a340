/**
 * afterCommit(): work bound to a request's transaction (ACS's transaction listeners; the mail action's
 * send_after_commit) runs once the writes are durable, and never when they roll back, whole or in part.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterCommit, inTransaction, openDatabase, pendingCommit, releaseWal, setWalSync } from '../../src/persistence/database';

function database() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'after-commit-'));
  const db = openDatabase(path.join(dir, 'repository.sqlite'));
  db.exec('CREATE TABLE t (v TEXT)');
  return {
    db,
    done: () => {
      releaseWal(db);
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

test('work runs after the batch is synced, not at the end of the request', async () => {
  const { db, done } = database();
  try {
    let release!: () => void;
    setWalSync(db, () => new Promise<void>((resolve) => (release = resolve)));
    const ran: string[] = [];
    inTransaction(db, () => {
      db.prepare('INSERT INTO t VALUES (?)').run('a');
      afterCommit(db, () => ran.push('a'));
    });
    assert.deepEqual(ran, [], 'nothing before the commit');
    await settle();
    assert.deepEqual(ran, [], 'committed but not yet synced: still nothing');
    release();
    assert.equal(await pendingCommit(db), true);
    await settle();
    assert.deepEqual(ran, ['a']);
  } finally {
    done();
  }
});

test('a request that fails leaves no work behind; the others in its batch keep theirs', async () => {
  const { db, done } = database();
  try {
    const ran: string[] = [];
    inTransaction(db, () => afterCommit(db, () => ran.push('kept')));
    assert.throws(() =>
      inTransaction(db, () => {
        afterCommit(db, () => ran.push('failed request'));
        throw new Error('refused');
      })
    );
    inTransaction(db, () => {
      // A savepoint inside the request that fails and is caught: its work goes, the request's stays.
      try {
        inTransaction(db, () => {
          afterCommit(db, () => ran.push('failed savepoint'));
          throw new Error('inner');
        });
      } catch {
        /* the request goes on */
      }
      inTransaction(db, () => afterCommit(db, () => ran.push('nested')));
      afterCommit(db, () => ran.push('outer'));
    });
    await pendingCommit(db);
    await settle();
    assert.deepEqual(ran, ['kept', 'nested', 'outer']);
  } finally {
    done();
  }
});

test('a batch lost at COMMIT runs none of its work', async () => {
  const { db, done } = database();
  try {
    const ran: string[] = [];
    inTransaction(db, () => {
      db.prepare('INSERT INTO t VALUES (?)').run('x');
      afterCommit(db, () => ran.push('lost'));
    });
    // SQLite rolling the batch back by itself (I/O error, disk full) before the commit.
    db.exec('ROLLBACK');
    assert.equal(await pendingCommit(db), false);
    await settle();
    assert.deepEqual(ran, []);
  } finally {
    done();
  }
});
