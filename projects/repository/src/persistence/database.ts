import Database from 'better-sqlite3';
import { closeSync, fdatasync, fdatasyncSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildPairs } from './property-pairs';

export type Db = Database.Database;

/**
 * Opens the repository database. WAL lets readers run beside the single writer. Every committed transaction
 * is durable before the HTTP answer leaves (SIGKILL or power loss keeps it): SQLite writes the WAL at COMMIT
 * (synchronous=NORMAL) and the repository syncs it to disk off the event loop before answering (walSync
 * below), which is the guarantee synchronous=FULL gives, without the event loop standing still during the
 * fsync. EOFFICE_SYNC=FULL|OFF|… sets SQLite's own mode instead (and turns the off-loop sync off).
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const mode = process.env.EOFFICE_SYNC;
  db.pragma(`synchronous = ${mode ?? 'NORMAL'}`);
  if (!mode) groupCommitOf(db).walFile = `${file}-wal`;
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  // A request's writes are a savepoint of the batch (group commit below), and SQLite keeps what each savepoint
  // would undo in a statement journal that spills to a temporary file past 64 kB: in a batch of a dozen
  // requests, most of the journal went through write() calls to that file. Kept in memory it costs no
  // system calls (node creation: SQL a quarter cheaper). Large sorts and temporary indexes stay in memory too.
  db.pragma('temp_store = MEMORY');
  // Pages read straight from the operating system's cache instead of copied into SQLite's: a dashboard or a
  // sorted Inbox reads a few pages of each of tens of thousands of items scattered over gigabytes (1,000,000
  // items: the Secretary's dashboard's property reads 690 → 460 ms). SQLite caps the mapping at its own
  // limit (2 GB in this build); beyond it pages are read as before.
  db.pragma('mmap_size = 17179869184');
  const schema = readFileSync(join(__dirname, 'schema.sql'), 'utf8');
  db.exec(schema);
  integerKeys(db, schema);
  cacheStatements(db);
  return db;
}

/** The tables keyed by node seq (schema.sql, "Integer keys"), node itself last: rebuilt by integerKeys. */
const INTEGER_KEYED = ['property', 'aspect', 'ace', 'acl_member', 'node'];

/**
 * Rebuilds, once, the tables a database made before integer keys holds with uuid keys (property.node_id TEXT):
 * node (acl_id becomes the seq of the node defining the ACL, seq is never reused), property, aspect, ace and
 * acl_member (a node's uuid becomes its seq). Their indexes go, the old tables are set aside, the schema
 * makes the new ones and their indexes, the rows are copied in key order and the old tables dropped. The
 * same rebuild turns a property table made before it was clustered by node (a rowid table) into the
 * clustered one. Rows naming a node that no longer exists go with it (the cascade would have removed them).
 *
 * Foreign keys are off while it runs and renames keep other tables' references as written
 * (legacy_alter_table): version, comment, site … refer to node(id), which the new node table has again.
 */
function integerKeys(db: Db, schema: string): void {
  const keyType = db.prepare("SELECT type FROM pragma_table_info('property') WHERE name = 'node_id'").pluck().get() as string;
  if (!/TEXT/i.test(keyType)) return;
  db.pragma('foreign_keys = OFF');
  db.pragma('legacy_alter_table = ON');
  try {
    db.transaction(() => {
      const marks = INTEGER_KEYED.map(() => '?').join(',');
      const indexes = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${marks}) AND sql IS NOT NULL`)
        .pluck()
        .all(...INTEGER_KEYED) as string[];
      for (const name of indexes) db.exec(`DROP INDEX "${name}"`);
      for (const table of INTEGER_KEYED) db.exec(`ALTER TABLE ${table} RENAME TO ${table}_uuid_keys`);
      db.exec(schema);
      const columns = db.prepare("SELECT name FROM pragma_table_info('node')").pluck().all() as string[];
      const from = columns.map((c) =>
        c === 'acl_id' ? 'coalesce((SELECT a.seq FROM node_uuid_keys a WHERE a.id = o.acl_id), 0)' : `o.${c}`
      );
      db.exec(`INSERT INTO node (${columns.join(', ')}) SELECT ${from.join(', ')} FROM node_uuid_keys o ORDER BY o.seq`);
      db.exec(
        `INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value)
           SELECT n.seq, p.qname, p.ord, p.text_value, p.num_value, p.json_value FROM property_uuid_keys p JOIN node n ON n.id = p.node_id
           ORDER BY 1, 2, 3`
      );
      // in the order they were added: a node's aspects are listed so
      db.exec(
        'INSERT INTO aspect (node_id, qname) SELECT n.seq, a.qname FROM aspect_uuid_keys a JOIN node n ON n.id = a.node_id ORDER BY a.rowid'
      );
      db.exec(
        `INSERT INTO ace (node_id, authority, permission, allowed)
           SELECT n.seq, e.authority, e.permission, e.allowed FROM ace_uuid_keys e JOIN node n ON n.id = e.node_id ORDER BY 1, 2, 3`
      );
      db.exec(
        `INSERT INTO acl_member (acl_id, depth, def_id)
           SELECT a.seq, m.depth, d.seq FROM acl_member_uuid_keys m JOIN node a ON a.id = m.acl_id JOIN node d ON d.id = m.def_id
           ORDER BY 1, 2`
      );
      for (const table of INTEGER_KEYED) db.exec(`DROP TABLE ${table}_uuid_keys`);
      // The triggers on the old tables went with them (the schema's own were skipped, their names taken):
      // made again on the new ones; the property pairs made again from the new keys.
      db.exec(schema);
      rebuildPairs(db);
    })();
  } finally {
    db.pragma('legacy_alter_table = OFF');
    db.pragma('foreign_keys = ON');
  }
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
  const prepare = db.prepare.bind(db);
  const compile = (source: string): Compiled => {
    const stmt = prepare(source);
    return { stmt, reader: stmt.reader, plucked: false, iterated: false };
  };
  const cache = new Map<string, Compiled>();
  const shared = (source: string): Compiled => {
    let compiled = cache.get(source);
    if (compiled) cache.delete(source);
    else compiled = compile(source);
    cache.set(source, compiled);
    if (cache.size > 2000) cache.delete(cache.keys().next().value!);
    return compiled;
  };
  db.prepare = ((source: string) => new StatementHandle(shared(source), compile, source)) as unknown as Db['prepare'];
}

/**
 * A compiled statement and what the handles need to know of it, kept in JavaScript: better-sqlite3 answers
 * `reader` and `busy` through native getters, and asking them on every call of every statement was a
 * noticeable part of a marking's SQL.
 */
interface Compiled {
  stmt: Database.Statement;
  /** Whether it returns data (constant for a statement). */
  reader: boolean;
  /** The row mode it is in (better-sqlite3 does not say): a handle switches it only when it differs. */
  plucked: boolean;
  /** Whether it was ever iterated: only iterate() leaves a statement busy, so only then is `busy` asked. */
  iterated: boolean;
}

/**
 * What `prepare` hands out (see cacheStatements): a plain object, not a Proxy, since it is made for nearly
 * every statement a request runs (a Proxy's trap and its fresh closures per call were a tenth of node creation's
 * SQL), and the shared statement's mode is switched only when another handle left it otherwise.
 */
class StatementHandle {
  private plucked = false;

  constructor(
    private compiled: Compiled,
    private readonly compile: (source: string) => Compiled,
    readonly source: string
  ) {}

  get reader(): boolean {
    return this.compiled.reader;
  }

  get readonly(): boolean {
    return this.compiled.stmt.readonly;
  }

  get busy(): boolean {
    return this.compiled.stmt.busy;
  }

  get database(): Db {
    return this.compiled.stmt.database;
  }

  pluck(on?: boolean): this {
    this.plucked = on !== false;
    // throws as better-sqlite3 does for a statement returning no data
    if (!this.compiled.reader) this.compiled.stmt.pluck(this.plucked);
    return this;
  }

  get(...params: unknown[]): unknown {
    return this.ready().get(...params);
  }

  all(...params: unknown[]): unknown[] {
    return this.ready().all(...params);
  }

  run(...params: unknown[]): Database.RunResult {
    return this.ready().run(...params);
  }

  iterate(...params: unknown[]): IterableIterator<unknown> {
    const stmt = this.ready();
    this.compiled.iterated = true;
    return stmt.iterate(...params);
  }

  columns(): Database.ColumnDefinition[] {
    return this.compiled.stmt.columns();
  }

  private ready(): Database.Statement {
    let compiled = this.compiled;
    // A statement busy iterating is never used for another call: that call compiles its own.
    if (compiled.iterated && compiled.stmt.busy) this.compiled = compiled = this.compile(this.source);
    if (compiled.reader && compiled.plucked !== this.plucked) {
      compiled.stmt.pluck(this.plucked);
      compiled.plucked = this.plucked;
    }
    return compiled.stmt;
  }
}

/**
 * Group commit. With synchronous=FULL every COMMIT waits for an fsync of the WAL, and that wait, not the
 * SQL, is what bounded concurrent writers (one fsync per request). So the requests that reach the
 * repository together share one IMMEDIATE transaction, a batch: each request's writes run in their own
 * SAVEPOINT inside it (a failing request rolls back to its savepoint, leaving the others' writes alone),
 * and the batch commits once, in the event loop's check phase (setImmediate), after every request that
 * arrived in the same turn has run. No answer leaves before that commit: http/durable-answers.ts holds
 * every response until the batch it may reflect is durable, and answers 500 where that commit failed.
 * Durability is therefore unchanged (the WAL on disk, one fsync per batch instead of per request); only
 * the cost of the fsync is shared.
 *
 * The fsync itself runs in libuv's thread pool (fdatasync of the WAL file after the COMMIT wrote it), not in
 * the COMMIT: with synchronous=FULL the event loop stood still for each sync (a fifth of node creation's
 * time), and the next batch could not even begin. Now the next batch gathers requests while the previous one
 * syncs, and commits when that sync is done (commitAfterSync), before the answers of the synced batch are
 * written; a batch settles (its answers leave) only when a sync begun after its COMMIT has finished. Since an fsync
 * covers every write made to the file before it began, batches settle in order. A failed sync counts as a
 * lost batch (its answers become 500s), as a failed COMMIT does. What is in the WAL but not yet synced is
 * never answered: a power cut loses only transactions nobody was told about.
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
  /** Told after every COMMIT (the WAL checkpointer, persistence/checkpointer.ts). */
  commitListeners: (() => void)[];
  /** For each inTransaction() call under way, innermost last: the work to run once its writes are durable. */
  afterCommit: (() => void)[][];
  /** The WAL file the repository syncs itself (synchronous=NORMAL); unset when SQLite syncs at COMMIT. */
  walFile?: string;
  /** The last committed batch whose sync has not finished: answers that may reflect it wait for it. */
  syncing?: Promise<boolean>;
  /** The open batch's commit, waiting for the sync under way to finish (commitAfterSync). */
  nextCommit?: () => void;
  /** How the WAL is made durable: fdatasync in the thread pool (replaceable by tests to hold or fail it). */
  sync: (walFile: string) => Promise<void>;
}

/**
 * fdatasync of the WAL in the thread pool, through one descriptor kept open: SQLite keeps the WAL file (it
 * only truncates it) for as long as the database is open, and removes it on close after checkpointing it
 * into the database file, synced.
 */
const walDescriptors = new Map<string, number>();

/** The kept descriptor of the WAL (opened on first use); undefined once closing removed the file. */
function walDescriptor(walFile: string): number | undefined {
  let fd = walDescriptors.get(walFile);
  if (fd === undefined) {
    try {
      walDescriptors.set(walFile, (fd = openSync(walFile, 'r')));
    } catch (e) {
      // Closed already: the WAL was checkpointed into the database (synced) and removed.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }
  return fd;
}

function fdatasyncWal(walFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fd = walDescriptor(walFile);
    if (fd === undefined) resolve();
    else fdatasync(fd, (e) => (e ? reject(e) : resolve()));
  });
}

/** Lets go of the WAL descriptor when the database closes. */
export function releaseWal(db: Db): void {
  const walFile = groupCommits.get(db)?.walFile;
  const fd = walFile === undefined ? undefined : walDescriptors.get(walFile);
  if (fd === undefined) return;
  walDescriptors.delete(walFile!);
  closeSync(fd);
}

const groupCommits = new WeakMap<Db, GroupCommit>();

function groupCommitOf(db: Db): GroupCommit {
  let state = groupCommits.get(db);
  if (!state)
    groupCommits.set(
      db,
      (state = {
        enabled: true,
        failures: 0,
        commits: 0,
        rollbackListeners: [],
        commitListeners: [],
        afterCommit: [],
        sync: fdatasyncWal
      })
    );
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
  const frame: (() => void)[] = [];
  state.afterCommit.push(frame);
  let done = false;
  try {
    let result: T;
    if (db.inTransaction) result = whole(db, fn, false);
    else {
      result = whole(db, fn, true);
      state.commits++;
      for (const listener of state.commitListeners) listener();
      // Unbatched (the benchmark's naive writer), each transaction pays its own sync before it returns.
      if (state.walFile) syncNow(state.walFile);
    }
    done = true;
    return result;
  } catch (e) {
    if (state.open && !db.inTransaction) endBatch(db, state, false);
    else for (const listener of state.rollbackListeners) listener();
    throw e;
  } finally {
    state.afterCommit.pop();
    // A savepoint's work passes to the transaction around it; the outermost's waits for its batch.
    if (done && frame.length) {
      const parent = state.afterCommit.at(-1);
      if (parent) parent.push(...frame);
      else whenDurable(state, frame);
    }
  }
}

/** The statements that open and close a request's unit of work, compiled once per database. */
const unitStatements = new WeakMap<
  Db,
  Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>
>();

/**
 * fn's writes whole or not at all, as better-sqlite3's db.transaction(fn) runs them (`outermost`: BEGIN
 * IMMEDIATE … COMMIT, else a savepoint of the transaction under way), without the four wrapped functions
 * db.transaction builds on every call.
 */
function whole<T>(db: Db, fn: () => T, outermost: boolean): T {
  let s = unitStatements.get(db);
  if (!s)
    unitStatements.set(
      db,
      (s = {
        begin: db.prepare('BEGIN IMMEDIATE'),
        commit: db.prepare('COMMIT'),
        rollback: db.prepare('ROLLBACK'),
        savepoint: db.prepare('SAVEPOINT eo_unit'),
        release: db.prepare('RELEASE eo_unit'),
        rollbackTo: db.prepare('ROLLBACK TO eo_unit')
      })
    );
  (outermost ? s.begin : s.savepoint).run();
  try {
    const result = fn();
    if (result && typeof (result as { then?: unknown }).then === 'function')
      throw new TypeError('Transaction function cannot return a promise');
    (outermost ? s.commit : s.release).run();
    return result;
  } catch (e) {
    // SQLite may have rolled the whole transaction back by itself (I/O error, disk full): nothing to undo then.
    if (db.inTransaction) {
      if (outermost) s.rollback.run();
      else {
        s.rollbackTo.run();
        s.release.run();
      }
    }
    throw e;
  }
}

/**
 * Work to do once the writes of the current inTransaction() call are durable, and never if they roll back:
 * ACS's AlfrescoTransactionSupport.bindListener(afterCommit), which the mail action's `send_after_commit`
 * uses. Outside any inTransaction() call it waits for the batch now open or syncing, if any.
 */
export function afterCommit(db: Db, work: () => void): void {
  const state = groupCommitOf(db);
  const frame = state.afterCommit.at(-1);
  if (frame) frame.push(work);
  else whenDurable(state, [work]);
}

function whenDurable(state: GroupCommit, work: (() => void)[]): void {
  const run = () => {
    for (const w of work) {
      try {
        w();
      } catch (e) {
        // As in ACS, a failing after-commit listener is logged; the transaction has committed regardless.
        console.error('[repository] after-commit work failed', e);
      }
    }
  };
  const pending = state.open?.done ?? state.syncing;
  if (pending) void pending.then((ok) => ok && run());
  else setImmediate(run);
}

function openBatch(db: Db, state: GroupCommit): void {
  db.prepare('BEGIN IMMEDIATE').run();
  let settle!: (ok: boolean) => void;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const batch: Batch = { done, settle };
  state.open = batch;
  setImmediate(() => commitAfterSync(db, state, batch));
}

/**
 * Commits the batch once the previous one's sync is done: while the disk syncs, the requests that arrive
 * keep joining the open batch, so one sync is paid per batch however fast the requests come.
 */
function commitAfterSync(db: Db, state: GroupCommit, batch: Batch): void {
  if (state.open !== batch) return;
  if (state.syncing) state.nextCommit = () => commitAfterSync(db, state, batch);
  else commitBatch(db);
}

/** Commits the open batch now (before closing the database, or where a caller needs it durable at once). */
export function commitBatch(db: Db): boolean {
  const state = groupCommitOf(db);
  if (!state.open) return true;
  if (!db.open || !db.inTransaction) return endBatch(db, state, false);
  try {
    db.prepare('COMMIT').run();
    state.commits++;
    for (const listener of state.commitListeners) listener();
    if (state.walFile) return syncThenSettle(state);
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

/**
 * Closes the committed batch at once (the next one may open) and settles it when the WAL holding it is on
 * disk. A sync that fails loses the batch: SQLite keeps its rows, but nobody is told they are durable.
 */
function syncThenSettle(state: GroupCommit): boolean {
  const batch = state.open!;
  state.open = undefined;
  const synced = state.sync(state.walFile!).then(
    () => true,
    () => false
  );
  const settled = synced.then((ok) => {
    if (!ok) state.failures++;
    if (state.syncing === settled) state.syncing = undefined;
    // The next batch commits, and its sync begins, before this one's answers are written: the disk need not
    // wait for the event loop to send them.
    const next = state.nextCommit;
    state.nextCommit = undefined;
    next?.();
    batch.settle(ok);
    return ok;
  });
  state.syncing = settled;
  return true;
}

function syncNow(walFile: string): void {
  const fd = walDescriptor(walFile);
  if (fd !== undefined) fdatasyncSync(fd);
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

/** The batch not yet durable (open, or committed and syncing), if any: an answer given now must wait for it. */
export function pendingCommit(db: Db): Promise<boolean> | undefined {
  const state = groupCommits.get(db);
  return state?.open?.done ?? state?.syncing;
}

/** Replaces how the WAL is synced (tests hold or fail the sync to see that no answer outruns it). */
export function setWalSync(db: Db, sync: (walFile: string) => Promise<void>): void {
  groupCommitOf(db).sync = sync;
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

/** Calls listener after every COMMIT made through inTransaction (a batch's, or an unbatched transaction's). */
export function onCommit(db: Db, listener: () => void): void {
  groupCommitOf(db).commitListeners.push(listener);
}

/** Calls listener whenever changes are rolled back (a request's savepoint, or a whole batch). */
export function onRollback(db: Db, listener: () => void): void {
  groupCommitOf(db).rollbackListeners.push(listener);
}

/** Tables whose rows are kept in memory by those who read them (onRowChange). */
export type KeptTable =
  | 'node'
  | 'property'
  | 'aspect'
  | 'person'
  | 'authority_group'
  | 'ace'
  | 'wf_definition'
  | 'wf_execution'
  | 'wf_task'
  | 'wf_variable';

const rowListeners = new WeakMap<Db, Map<string, ((key: unknown) => void)[]>>();

/**
 * Calls listener with the key column of every row of `table` inserted, updated or deleted, by any statement
 * on this connection (temporary triggers calling back into the process; the old key too where an update
 * changes it). Caches of rows rely on it, with onRollback, to never hand out a row that is not the stored one.
 */
export function onRowChange(db: Db, table: KeptTable, key: string | string[], listener: (key: unknown) => void): void {
  const columns = Array.isArray(key) ? key : [key];
  const name = `${table}_${columns.join('_')}`;
  let tables = rowListeners.get(db);
  if (!tables) rowListeners.set(db, (tables = new Map()));
  let listeners = tables.get(name);
  if (!listeners) {
    const all: ((key: unknown) => void)[] = (listeners = []);
    tables.set(name, all);
    const fn = `eo_changed_${name}`;
    db.function(fn, { deterministic: false, varargs: true }, (...keys: unknown[]) => {
      for (const k of keys) for (const l of all) l(k);
      return null;
    });
    // Several key columns reach the listener as one text, joined by NUL (rowKey below).
    const of = (row: 'NEW' | 'OLD') => columns.map((c) => `${row}.${c}`).join(' || char(0) || ');
    const triggers: [string, string][] = [
      ['INSERT', of('NEW')],
      ['UPDATE', `${of('OLD')}, ${of('NEW')}`],
      ['DELETE', of('OLD')]
    ];
    for (const [event, keys] of triggers)
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS eo_${name}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT ${fn}(${keys}); END`
      );
  }
  listeners.push(listener);
}

/** The key onRowChange reports for a row kept by several columns. */
export const rowKey = (...values: string[]): string => values.join('\u0000');

/** Throws unless the database answers a statement (the readiness and liveness probes). */
export function checkConnection(db: Db): void {
  db.prepare('SELECT 1').get();
}
