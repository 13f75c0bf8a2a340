import type { Db } from './database';
import type { SiteRow } from './site-store';

export type FavoriteType = 'file' | 'folder' | 'site';

/** A person's favourite: a file, folder or site (a site by its node's id). */
export interface FavoriteRow {
  person_id: string;
  target_id: string;
  target_type: FavoriteType;
  created_at: string;
}

/** The `favorite` table: each person's favourite files, folders and sites. */
export class FavoriteStore {
  constructor(private readonly db: Db) {}

  /** A person's favourites, in no particular order. */
  of(personId: string): FavoriteRow[] {
    return this.db.prepare('SELECT * FROM favorite WHERE person_id = ?').all(personId) as FavoriteRow[];
  }

  get(personId: string, targetId: string): FavoriteRow | undefined {
    return this.db.prepare('SELECT * FROM favorite WHERE person_id = ? AND target_id = ?').get(personId, targetId) as
      | FavoriteRow
      | undefined;
  }

  isFavorite(personId: string, targetId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM favorite WHERE person_id = ? AND target_id = ?').get(personId, targetId);
  }

  /** Adds a favourite; one already there is kept as it was (false). */
  add(personId: string, targetId: string, type: FavoriteType, createdAt: string): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO favorite (person_id, target_id, target_type, created_at) VALUES (?,?,?,?)')
        .run(personId, targetId, type, createdAt).changes > 0
    );
  }

  /** Removes a favourite of any kind; false if there was none. */
  remove(personId: string, targetId: string): boolean {
    return this.db.prepare('DELETE FROM favorite WHERE person_id = ? AND target_id = ?').run(personId, targetId).changes > 0;
  }

  // ---- sites, kept by their node's id ----

  removeSite(personId: string, siteNodeId: string): boolean {
    return (
      this.db.prepare("DELETE FROM favorite WHERE person_id = ? AND target_id = ? AND target_type = 'site'").run(personId, siteNodeId)
        .changes > 0
    );
  }

  isFavoriteSite(personId: string, siteNodeId: string): boolean {
    return !!this.db
      .prepare("SELECT 1 FROM favorite WHERE person_id = ? AND target_id = ? AND target_type = 'site'")
      .get(personId, siteNodeId);
  }

  /** A person's favourite sites, the latest first. */
  sites(personId: string): SiteRow[] {
    return this.db
      .prepare(
        "SELECT s.* FROM favorite f JOIN site s ON s.node_id = f.target_id WHERE f.person_id = ? AND f.target_type = 'site' ORDER BY f.created_at DESC"
      )
      .all(personId) as SiteRow[];
  }
}
