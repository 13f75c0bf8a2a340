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
  return db;
}

/** Runs fn inside one IMMEDIATE transaction: the request's writes happen whole or not at all. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
