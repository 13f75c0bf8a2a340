import { onRollback, onRowChange, type Db } from './database';
import { KeptRows } from './kept-rows';

export interface PersonRow {
  id: string;
  id_key: string;
  first_name: string;
  last_name: string | null;
  email: string | null;
  password_hash: string | null;
  enabled: number;
  email_notifications_enabled: number;
  properties: string;
  aspect_names: string;
  home_folder_id: string | null;
  created_at: string;
}

export interface GroupRow {
  id: string;
  display_name: string;
  description: string | null;
  zones: string;
  created_at: string;
}

/** The columns of a person that an update may set. */
export type PersonChanges = Partial<
  Pick<
    PersonRow,
    'first_name' | 'last_name' | 'email' | 'enabled' | 'email_notifications_enabled' | 'password_hash' | 'aspect_names' | 'properties'
  >
>;

/** The fields people are listed by (GET /people orderBy). */
export type PersonOrderField = 'id' | 'firstName' | 'lastName';

const PERSON_ORDER: Record<PersonOrderField, string> = {
  id: 'id_key',
  firstName: 'first_name COLLATE NOCASE',
  lastName: 'last_name COLLATE NOCASE'
};

/**
 * The `person`, `authority_group` and `group_member` tables: the authorities permissions are granted to.
 *
 * Person and group rows are kept by key (emptied on any change to their table, by whoever writes it, and on
 * rollback): a marking looked up the same few people sixty times and groups twenty-six. Rows are frozen, so
 * no caller can change what the next one reads.
 */
export class AuthorityStore {
  private readonly people = new KeptRows<PersonRow>(10_000);
  private readonly groups = new KeptRows<GroupRow>(10_000);
  private readonly peopleListeners: (() => void)[] = [];

  constructor(private readonly db: Db) {
    const forgetPeople = () => {
      this.people.clear();
      for (const listener of this.peopleListeners) listener();
    };
    const forgetGroups = () => this.groups.clear();
    onRowChange(db, 'person', 'id', forgetPeople);
    onRowChange(db, 'authority_group', 'id', forgetGroups);
    onRollback(db, () => {
      forgetPeople();
      forgetGroups();
    });
  }

  /** Calls listener whenever a person row may have changed (any write to `person`, or a rollback). */
  onPeopleChange(listener: () => void): void {
    this.peopleListeners.push(listener);
  }

  // ---- people ----

  /** A person by lower-cased user name. */
  person(idKey: string): PersonRow | undefined {
    return this.people.get(idKey, () => this.db.prepare('SELECT * FROM person WHERE id_key = ?').get(idKey) as PersonRow | undefined);
  }

  insertPerson(p: PersonRow): void {
    this.db
      .prepare(
        `INSERT INTO person (id, id_key, first_name, last_name, email, password_hash, enabled, email_notifications_enabled, properties, aspect_names, home_folder_id, created_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`
      )
      .run(
        p.id,
        p.id_key,
        p.first_name,
        p.last_name,
        p.email,
        p.password_hash,
        p.enabled,
        p.email_notifications_enabled,
        p.properties,
        p.aspect_names,
        p.home_folder_id,
        p.created_at
      );
  }

  /** Sets the given columns of a person (at least one). */
  updatePerson(id: string, changes: PersonChanges): void {
    const keys = Object.keys(changes) as (keyof PersonChanges)[];
    this.db.prepare(`UPDATE person SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...keys.map((k) => changes[k]), id);
  }

  setHomeFolder(personId: string, folderId: string): void {
    this.db.prepare('UPDATE person SET home_folder_id = ? WHERE id = ?').run(folderId, personId);
  }

  /** Every person, in no particular order (the people queries filter them by name). */
  allPeople(): PersonRow[] {
    return this.db.prepare('SELECT * FROM person').all() as PersonRow[];
  }

  /** A page of people, optionally only the enabled (or disabled) ones, with the total. */
  peoplePage(opts: { enabled?: boolean; order: { field: PersonOrderField; descending: boolean }[]; skipCount: number; maxItems: number }): {
    rows: PersonRow[];
    total: number;
  } {
    const where = opts.enabled === undefined ? '' : 'WHERE enabled = ?';
    const params = opts.enabled === undefined ? [] : [opts.enabled ? 1 : 0];
    const order = opts.order.map((o) => `${PERSON_ORDER[o.field]} ${o.descending ? 'DESC' : 'ASC'}`).join(', ');
    const total = (this.db.prepare(`SELECT COUNT(*) AS c FROM person ${where}`).get(...params) as { c: number }).c;
    const rows = this.db
      .prepare(`SELECT * FROM person ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, opts.maxItems, opts.skipCount) as PersonRow[];
    return { rows, total };
  }

  // ---- groups ----

  group(id: string): GroupRow | undefined {
    return this.groups.get(id, () => this.db.prepare('SELECT * FROM authority_group WHERE id = ?').get(id) as GroupRow | undefined);
  }

  allGroups(): GroupRow[] {
    return this.db.prepare('SELECT * FROM authority_group').all() as GroupRow[];
  }

  insertGroup(g: GroupRow): void {
    this.db
      .prepare('INSERT INTO authority_group (id, display_name, description, zones, created_at) VALUES (?,?,?,?,?)')
      .run(g.id, g.display_name, g.description, g.zones, g.created_at);
  }

  renameGroup(id: string, displayName: string, description: string | null): void {
    this.db.prepare('UPDATE authority_group SET display_name = ?, description = ? WHERE id = ?').run(displayName, description, id);
  }

  /** Deletes a group and its places in other groups. */
  deleteGroup(id: string): void {
    this.db.prepare('DELETE FROM group_member WHERE member_id = ?').run(id);
    this.db.prepare('DELETE FROM authority_group WHERE id = ?').run(id);
  }

  // ---- membership ----

  addMember(groupId: string, memberId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO group_member (group_id, member_id) VALUES (?, ?)').run(groupId, memberId);
  }

  /** Whether the member was there to remove. */
  removeMember(groupId: string, memberId: string): boolean {
    return this.db.prepare('DELETE FROM group_member WHERE group_id = ? AND member_id = ?').run(groupId, memberId).changes > 0;
  }

  directMembers(groupId: string): string[] {
    return this.db.prepare('SELECT member_id FROM group_member WHERE group_id = ? ORDER BY member_id').pluck().all(groupId) as string[];
  }

  directParents(memberId: string): string[] {
    return this.db.prepare('SELECT group_id FROM group_member WHERE member_id = ? ORDER BY group_id').pluck().all(memberId) as string[];
  }
}
