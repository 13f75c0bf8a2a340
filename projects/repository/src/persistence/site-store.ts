import type { Db } from './database';
import type { NodeRow } from './node-row';

export type Visibility = 'PUBLIC' | 'MODERATED' | 'PRIVATE';

export interface SiteRow {
  id: string;
  node_id: string;
  title: string;
  description: string | null;
  visibility: Visibility;
  preset: string;
}

/** A person's request to join a moderated site, waiting for a manager. */
export interface MembershipRequestRow {
  site_id: string;
  person_id: string;
  message: string | null;
  created_at: string;
}

/**
 * The `site` table (a site's id, title and visibility beside its st:site node) and
 * `site_membership_request`. Membership itself is membership of the site's role groups (AuthorityStore).
 */
export class SiteStore {
  constructor(private readonly db: Db) {}

  /** A site by id, whatever its case. */
  byId(id: string): SiteRow | undefined {
    return this.db.prepare('SELECT * FROM site WHERE id = ? COLLATE NOCASE').get(id) as SiteRow | undefined;
  }

  /** The site whose st:site node this is. */
  byNode(nodeId: string): SiteRow | undefined {
    return this.db.prepare('SELECT * FROM site WHERE node_id = ?').get(nodeId) as SiteRow | undefined;
  }

  all(): SiteRow[] {
    return this.db.prepare('SELECT * FROM site').all() as SiteRow[];
  }

  insert(s: SiteRow): void {
    this.db
      .prepare('INSERT INTO site (id, node_id, title, description, visibility, preset) VALUES (?,?,?,?,?,?)')
      .run(s.id, s.node_id, s.title, s.description, s.visibility, s.preset);
  }

  update(id: string, title: string, description: string | null, visibility: Visibility): void {
    this.db.prepare('UPDATE site SET title = ?, description = ?, visibility = ? WHERE id = ?').run(title, description, visibility, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM site WHERE id = ?').run(id);
  }

  /** Whether an st:site node of that name key sits under the Sites folder, live or in the trashcan. */
  siteNodeNamed(sitesFolderId: string, nameKey: string): boolean {
    return !!this.db
      .prepare("SELECT 1 FROM node WHERE (parent_id = ? OR archived_parent_id = ?) AND name_key = ? AND type = 'st:site'")
      .get(sitesFolderId, sitesFolderId, nameKey);
  }

  /** The live st:siteContainer children of a site node (documentLibrary …), by name. */
  containers(siteNodeId: string): NodeRow[] {
    return this.db
      .prepare(
        "SELECT n.* FROM node n JOIN aspect a ON a.node_id = n.seq AND a.qname = 'st:siteContainer' WHERE n.parent_id = ? AND n.archived_at IS NULL ORDER BY n.name_key"
      )
      .all(siteNodeId) as NodeRow[];
  }

  // ---- membership requests ----

  membershipRequest(siteId: string, personId: string): MembershipRequestRow | undefined {
    return this.db.prepare('SELECT * FROM site_membership_request WHERE site_id = ? AND person_id = ?').get(siteId, personId) as
      | MembershipRequestRow
      | undefined;
  }

  hasMembershipRequest(siteId: string, personId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM site_membership_request WHERE site_id = ? AND person_id = ?').get(siteId, personId);
  }

  /** A person's requests, the oldest first. */
  membershipRequestsOf(personId: string): MembershipRequestRow[] {
    return this.db
      .prepare('SELECT * FROM site_membership_request WHERE person_id = ? ORDER BY created_at, site_id')
      .all(personId) as MembershipRequestRow[];
  }

  /** Every request, the oldest first. */
  allMembershipRequests(): MembershipRequestRow[] {
    return this.db.prepare('SELECT * FROM site_membership_request ORDER BY created_at, site_id, person_id').all() as MembershipRequestRow[];
  }

  insertMembershipRequest(r: MembershipRequestRow): void {
    this.db
      .prepare('INSERT INTO site_membership_request (site_id, person_id, message, created_at) VALUES (?,?,?,?)')
      .run(r.site_id, r.person_id, r.message, r.created_at);
  }

  setMembershipRequestMessage(siteId: string, personId: string, message: string | null): void {
    this.db.prepare('UPDATE site_membership_request SET message = ? WHERE site_id = ? AND person_id = ?').run(message, siteId, personId);
  }

  deleteMembershipRequest(siteId: string, personId: string): void {
    this.db.prepare('DELETE FROM site_membership_request WHERE site_id = ? AND person_id = ?').run(siteId, personId);
  }
}
