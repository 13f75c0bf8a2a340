import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that crosses its
 * threshold (1,000 pages): on the event loop, it synced the WAL, copied its pages into the database file and
 * synced that (creating nodes with 16 clients: a checkpoint every ~100 nodes, two fsyncs each, during which
 * no request ran). Here a worker thread with a connection of its own runs PASSIVE checkpoints instead: they
 * never take the writer's lock, so the event loop's connection goes on committing while the worker copies
 * and syncs; what a checkpoint copies is already durable (the group commit answered nothing before the
 * WAL holding it was synced, and the checkpoint syncs the WAL again before copying), and a crash mid-copy
 * is recovered from the WAL as after any checkpoint (https://sqlite.org/wal.html#ckpt).
 *
 * The worker sleeps until a commit tells it (a shared counter, Atomics), then waits PACE_MS so that the
 * commits of a busy moment are copied together: a page rewritten by many batches (the last leaf of an
 * index) is written to the database file once per checkpoint, not once per batch.
 *
 * The WAL only starts over from its beginning when a write transaction begins while every frame has been
 * copied, which a checkpoint running beside a steady stream of commits rarely sees; so the event loop's
 * connection keeps SQLite's automatic checkpoint with a far larger threshold (FALLBACK_PAGES), as a bound:
 * by then the worker has copied almost everything, the checkpoint copies the rest, and the WAL restarts.
 */
const PACE_MS = 50;
const FALLBACK_PAGES = 16_384;

/** Slots of the shared counter: commits so far, and whether the worker should stop. */
const COMMITS = 0;
const STOP = 1;

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const signal = new Int32Array(workerData.signal);
const db = new Database(workerData.file);
// NORMAL: SQLite syncs the WAL before copying it and the database file after (https://sqlite.org/pragma.html#pragma_synchronous);
// EOFFICE_SYNC sets another mode for this connection as for the event loop's (persistence/database.ts).
db.pragma('synchronous = ' + workerData.mode);
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let seen = 0;
for (;;) {
  Atomics.wait(signal, ${COMMITS}, seen);
  if (Atomics.load(signal, ${STOP})) break;
  Atomics.wait(signal, ${STOP}, 0, workerData.paceMs);
  if (Atomics.load(signal, ${STOP})) break;
  seen = Atomics.load(signal, ${COMMITS});
  try {
    checkpoint.run();
  } catch (e) {
    // Busy or failed: the next commit tries again, and the fallback checkpoint bounds the WAL meanwhile.
    parentPort.postMessage({ error: String(e && e.message || e) });
  }
}
db.close();
`;

export interface Checkpointer {
  /** Tells the worker the WAL has grown (called after every COMMIT on the event loop's connection). */
  committed(): void;
  /** Stops the worker and closes its connection; the event loop's connection may then close, last. */
  close(): Promise<void>;
}

/** Starts checkpointing `file`'s WAL in a worker thread; db (its main connection) checkpoints only as a fallback. */
export function startCheckpointer(db: Db, file: string): Checkpointer {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      file,
      signal: signal.buffer,
      paceMs: PACE_MS,
      mode: process.env.EOFFICE_SYNC ?? 'NORMAL'
    }
  });
  // A checkpoint that fails is retried after the next commit; nobody waits for one.
  worker.on('message', (m: { error?: string }) => {
    if (m.error && !/busy|locked/i.test(m.error)) console.error('[repository] WAL checkpoint failed:', m.error);
  });
  worker.on('error', (e) => console.error('[repository] WAL checkpointer stopped', e));
  // It must not keep alive a process that has nothing else to do.
  worker.unref();
  db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  let exited = false;
  worker.once('exit', () => (exited = true));
  let closed: Promise<void> | undefined;
  return {
    committed() {
      Atomics.add(signal, COMMITS, 1);
      Atomics.notify(signal, COMMITS);
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once('exit', () => resolve());
        // Closing waits for it: the process stays up until its connection has closed.
        worker.ref();
        Atomics.store(signal, STOP, 1);
        // Changing the counter wakes a worker that has not begun waiting yet, too (it waits only while the
        // counter holds the value it last saw).
        Atomics.add(signal, COMMITS, 1);
        Atomics.notify(signal, COMMITS);
        Atomics.notify(signal, STOP);
      });
      return closed;
    }
  };
}
