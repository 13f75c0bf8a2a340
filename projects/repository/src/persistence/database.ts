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

/** Runs fn inside one IMMEDIATE transaction: the request's writes happen whole or not at all. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
