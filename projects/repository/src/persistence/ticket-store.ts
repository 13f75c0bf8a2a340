import type { Db } from './database';

/** A ticket as stored: dates in Alfresco's format (util/alf-date). */
export interface TicketRow {
  person_id: string;
  expires_at: string;
}

/** The `ticket` table: login tickets and when they lapse. */
export class TicketStore {
  constructor(private readonly db: Db) {}

  insert(id: string, personId: string, createdAt: string, expiresAt: string): void {
    this.db.prepare('INSERT INTO ticket (id, person_id, created_at, expires_at) VALUES (?,?,?,?)').run(id, personId, createdAt, expiresAt);
  }

  byId(id: string): TicketRow | undefined {
    return this.db.prepare('SELECT person_id, expires_at FROM ticket WHERE id = ?').get(id) as TicketRow | undefined;
  }

  renew(id: string, expiresAt: string): void {
    this.db.prepare('UPDATE ticket SET expires_at = ? WHERE id = ?').run(expiresAt, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM ticket WHERE id = ?').run(id);
  }
}
