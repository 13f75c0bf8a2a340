import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the repository database. WAL lets readers run beside the single writer; synchronous=FULL makes
 * every committed transaction durable before the HTTP answer leaves (SIGKILL or power loss keeps it).
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${process.env.EOFFICE_SYNC ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.exec(readFileSync(join(__dirname, 'schema.sql'), 'utf8'));
  cacheStatements(db);
  return db;
}

/**
 * Keeps compiled statements: the services prepare their SQL where they use it, and compiling it afresh on
 * every call cost more than running it (a third of bulk node creation). Each `prepare` still hands out its
 * own statement as far as the caller can tell: a thin handle over the shared compiled one that keeps its
 * own row mode (`pluck`), applied on every call, so two callers of the same SQL never see each other's mode;
 * a shared statement busy iterating is never used for another call (that call compiles its own). The least
 * recently used statements go past 2,000.
 */
function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const shared = (source: string): Database.Statement => {
    let stmt = cache.get(source);
    if (stmt) cache.delete(source);
    else stmt = compile(source);
    cache.set(source, stmt);
    if (cache.size > 2000) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  db.prepare = ((source: string) => {
    let stmt = shared(source);
    let plucked = false;
    const ready = () => {
      if (stmt.busy) stmt = compile(source);
      if (stmt.reader) stmt.pluck(plucked);
      return stmt;
    };
    const handle: Database.Statement = new Proxy(stmt, {
      get(_, key) {
        switch (key) {
          case 'pluck':
            return (on?: boolean) => {
              plucked = on !== false;
              if (!stmt.reader) stmt.pluck(plucked); // throws as better-sqlite3 does for a statement returning no data
              return handle;
            };
          case 'get':
          case 'all':
          case 'run':
          case 'iterate':
            return (...params: unknown[]) => (ready()[key] as (...p: unknown[]) => unknown)(...params);
          default: {
            const value = Reflect.get(stmt, key, stmt) as unknown;
            return typeof value === 'function' ? value.bind(stmt) : value;
          }
        }
      }
    });
    return handle;
  }) as Db['prepare'];
}

/**
 * Group commit. With synchronous=FULL every COMMIT waits for an fsync of the WAL, and that wait, not the
 * SQL, is what bounded concurrent writers (one fsync per request). So the requests that reach the
 * repository together share one IMMEDIATE transaction, a batch: each request's writes run in their own
 * SAVEPOINT inside it (a failing request rolls back to its savepoint, leaving the others' writes alone),
 * and the batch commits once, in the event loop's check phase (setImmediate), after every request that
 * arrived in the same turn has run. No answer leaves before that commit: http/durable-answers.ts holds
 * every response until the batch it may reflect is durable, and answers 500 where that commit failed.
 * Durability is therefore unchanged (WAL, synchronous=FULL, one fsync per batch instead of per request);
 * only the cost of the fsync is shared.
 */
interface Batch {
  /** Settles true once the batch is durable, false when it was rolled back as a whole. */
  done: Promise<boolean>;
  settle: (ok: boolean) => void;
}

interface GroupCommit {
  enabled: boolean;
  open?: Batch;
  /** Batches lost as a whole (their COMMIT failed, or SQLite rolled them back on an I/O error). */
  failures: number;
  /** Commits made (batches, or single transactions with group commit off): what the fsyncs are paid for. */
  commits: number;
  /** Told whenever changes are undone: caches of rows must not outlive the rows they copied. */
  rollbackListeners: (() => void)[];
}

const groupCommits = new WeakMap<Db, GroupCommit>();

function groupCommitOf(db: Db): GroupCommit {
  let state = groupCommits.get(db);
  if (!state) groupCommits.set(db, (state = { enabled: true, failures: 0, commits: 0, rollbackListeners: [] }));
  return state;
}

/**
 * Runs fn as one request's writes, whole or not at all. Outside any transaction it joins (or opens) the
 * current batch; inside one (a nested call, or a caller's own db.transaction) it is a savepoint of it.
 * With group commit off (setGroupCommit) it is a transaction of its own that commits before returning.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const state = groupCommitOf(db);
  // SQLite rolls a transaction back by itself on some errors (I/O, disk full): the batch is gone.
  if (state.open && !db.inTransaction) endBatch(db, state, false);
  if (state.enabled && !db.inTransaction) openBatch(db, state);
  try {
    if (db.inTransaction) return db.transaction(fn)();
    const result = db.transaction(fn).immediate();
    state.commits++;
    return result;
  } catch (e) {
    if (state.open && !db.inTransaction) endBatch(db, state, false);
    else for (const listener of state.rollbackListeners) listener();
    throw e;
  }
}

function openBatch(db: Db, state: GroupCommit): void {
  db.prepare('BEGIN IMMEDIATE').run();
  let settle!: (ok: boolean) => void;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const batch: Batch = { done, settle };
  state.open = batch;
  setImmediate(() => {
    if (state.open === batch) commitBatch(db);
  });
}

/** Commits the open batch now (before closing the database, or where a caller needs it durable at once). */
export function commitBatch(db: Db): boolean {
  const state = groupCommitOf(db);
  if (!state.open) return true;
  if (!db.open || !db.inTransaction) return endBatch(db, state, false);
  try {
    db.prepare('COMMIT').run();
    state.commits++;
    return endBatch(db, state, true);
  } catch {
    try {
      if (db.inTransaction) db.prepare('ROLLBACK').run();
    } catch {
      // the connection is unusable; the batch is lost either way
    }
    return endBatch(db, state, false);
  }
}

function endBatch(db: Db, state: GroupCommit, ok: boolean): boolean {
  const batch = state.open!;
  state.open = undefined;
  if (!ok) {
    state.failures++;
    for (const listener of state.rollbackListeners) listener();
  }
  batch.settle(ok);
  return ok;
}

/** The batch not yet committed, if any: an answer given now must wait for it. */
export function pendingCommit(db: Db): Promise<boolean> | undefined {
  return groupCommits.get(db)?.open?.done;
}

/** How many batches were lost so far: an answer compares it before and after, and fails if it grew. */
export function lostBatches(db: Db): number {
  return groupCommits.get(db)?.failures ?? 0;
}

/** Commits made on db so far through inTransaction (the benchmark prints requests per commit). */
export function commitCount(db: Db): number {
  return groupCommits.get(db)?.commits ?? 0;
}

/** Turns group commit on or off (the benchmark measures both; off, every request pays its own fsync). */
export function setGroupCommit(db: Db, enabled: boolean): void {
  if (!enabled) commitBatch(db);
  groupCommitOf(db).enabled = enabled;
}

/** Calls listener whenever changes are rolled back (a request's savepoint, or a whole batch). */
export function onRollback(db: Db, listener: () => void): void {
  groupCommitOf(db).rollbackListeners.push(listener);
}
