import type { Db } from './database';

/** A person's preference as stored: the value is JSON text. */
export interface PreferenceRow {
  name: string;
  value: string;
}

/** The `preference` table: each person's named settings (Share's and the installer's). */
export class PreferenceStore {
  constructor(private readonly db: Db) {}

  /** A person's preferences by name. */
  all(personId: string): PreferenceRow[] {
    return this.db.prepare('SELECT name, value FROM preference WHERE person_id = ? ORDER BY name').all(personId) as PreferenceRow[];
  }

  /** The JSON text of one preference, if set. */
  value(personId: string, name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM preference WHERE person_id = ? AND name = ?').get(personId, name) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  set(personId: string, name: string, json: string): void {
    this.db
      .prepare(
        'INSERT INTO preference (person_id, name, value) VALUES (?,?,?) ON CONFLICT (person_id, name) DO UPDATE SET value = excluded.value'
      )
      .run(personId, name, json);
  }
}
