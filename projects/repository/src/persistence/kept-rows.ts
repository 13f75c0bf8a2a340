/**
 * Rows a service keeps in memory by key, read on a miss (null remembered for "none"), frozen so that no
 * caller changes what the next one reads, and forgotten all at once past `max` entries. Whoever keeps them
 * drops a key when its row changes (onRowChange in database.ts) and clears them on rollback (onRollback).
 */
export class KeptRows<T extends object, K extends string | number = string> {
  /** Keyed as the table's key column reports through onRowChange: a node's uuid, or its seq (a number). */
  private readonly rows = new Map<K, T | null>();

  constructor(private readonly max: number) {}

  get(key: K, read: () => T | undefined): T | undefined {
    let row = this.rows.get(key);
    if (row === undefined) {
      row = read() ?? null;
      this.set(key, row);
    }
    return row ?? undefined;
  }

  /** The row kept for `key`, if any, without reading (null: kept as absent). */
  peek(key: K): T | null | undefined {
    return this.rows.get(key);
  }

  /** Keeps a row as just written (the trigger has dropped the old one). */
  set(key: K, row: T | null): void {
    if (this.rows.size >= this.max) this.rows.clear();
    this.rows.set(key, row && Object.freeze(row));
  }

  delete(key: unknown): void {
    this.rows.delete(key as K);
  }

  clear(): void {
    this.rows.clear();
  }
}
