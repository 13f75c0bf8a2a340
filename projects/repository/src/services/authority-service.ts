import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../persistence/database';
import { AuthorityStore, type GroupRow, type PersonRow } from '../persistence/authority-store';
import type { Caller } from '../auth/caller';
import { errors } from '../errors/api-error';
import { alfDate } from '../util/alf-date';

export type { GroupRow, PersonChanges, PersonOrderField, PersonRow } from '../persistence/authority-store';

export const ADMIN_GROUP = 'GROUP_ALFRESCO_ADMINISTRATORS';
export const EVERYONE = 'GROUP_EVERYONE';

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function checkPassword(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [, saltHex, hashHex] = stored.split('$');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * People, groups and membership: the authorities permissions are granted to.
 * Membership is resolved transitively (nested groups) and cached until any membership changes.
 */
export class AuthorityService {
  private authorityCache = new Map<string, Set<string>>();
  /** Bumped on every membership change; permission caches compare against it. */
  generation = 0;

  /**
   * Display names by id_key: every node returned names its creator and modifier, and looking the person up
   * for each was a measurable part of listings and creation. Emptied whenever a person row is inserted,
   * updated or deleted, whoever writes it, and whenever changes are rolled back (a name read inside a
   * transaction that is then undone must not survive it): the store tells when (onPeopleChange).
   */
  private readonly displayNames = new Map<string, string>();
  /** The authority tables, with the person and group rows it keeps. */
  readonly store: AuthorityStore;

  constructor(db: Db) {
    this.store = new AuthorityStore(db);
    this.store.onPeopleChange(() => this.displayNames.clear());
  }

  invalidate(): void {
    this.authorityCache.clear();
    this.generation++;
  }

  person(id: string): PersonRow | undefined {
    const key = id.toLowerCase();
    return this.store.person(key);
  }

  requirePerson(id: string): PersonRow {
    const p = this.person(id);
    if (!p) throw errors.notFound(id);
    return p;
  }

  displayName(id: string): string {
    const key = id.toLowerCase();
    let name = this.displayNames.get(key);
    if (name === undefined) {
      const p = this.person(id);
      name = p ? [p.first_name, p.last_name].filter(Boolean).join(' ').trim() : '';
      if (this.displayNames.size >= 10_000) this.displayNames.clear();
      this.displayNames.set(key, name);
    }
    // No person, or no name: the id as the caller gave it.
    return name || id;
  }

  /**
   * Checks a password. scrypt costs tens of milliseconds by design, and HTTP Basic sends the password on
   * every call, so successful checks are remembered under a digest that includes the stored hash:
   * a password change makes the old entry unreachable.
   */
  verify(userId: string, password: string): PersonRow | undefined {
    const p = this.person(userId);
    if (!p || !p.enabled || !p.password_hash) return undefined;
    const key = createHash('sha256').update(`${p.id}\u0000${password}\u0000${p.password_hash}`).digest('base64');
    if (this.verified.has(key)) return p;
    if (!checkPassword(password, p.password_hash)) return undefined;
    if (this.verified.size > 1000) this.verified.clear();
    this.verified.add(key);
    return p;
  }
  private readonly verified = new Set<string>();

  insertPerson(p: {
    id: string;
    firstName: string;
    lastName?: string;
    email?: string;
    password?: string;
    enabled?: boolean;
    emailNotificationsEnabled?: boolean;
    properties?: Record<string, unknown>;
    aspectNames?: string[];
    homeFolderId?: string;
  }): PersonRow {
    if (this.person(p.id)) throw errors.conflict(`User name already exists: ${p.id}`);
    this.store.insertPerson({
      id: p.id,
      id_key: p.id.toLowerCase(),
      first_name: p.firstName,
      last_name: p.lastName ?? null,
      email: p.email ?? null,
      password_hash: p.password ? hashPassword(p.password) : null,
      enabled: p.enabled === false ? 0 : 1,
      email_notifications_enabled: p.emailNotificationsEnabled === false ? 0 : 1,
      properties: JSON.stringify(p.properties ?? {}),
      aspect_names: JSON.stringify(p.aspectNames ?? []),
      home_folder_id: p.homeFolderId ?? null,
      created_at: alfDate()
    });
    return this.person(p.id)!;
  }

  group(id: string): GroupRow | undefined {
    return this.store.group(id);
  }

  insertGroup(id: string, displayName: string, description?: string, zones?: string[]): GroupRow {
    if (!/^GROUP_[^/\\"*<>?:|,]+$/.test(id)) throw errors.invalidArgument(`Invalid group id: ${id}`);
    if (this.group(id)) throw errors.conflict(`An authority already exists with the name: ${id}`);
    this.store.insertGroup({
      id,
      display_name: displayName,
      description: description ?? null,
      zones: JSON.stringify(zones ?? ['APP.DEFAULT', 'AUTH.ALF']),
      created_at: alfDate()
    });
    return this.group(id)!;
  }

  addMember(groupId: string, memberId: string): void {
    if (groupId === memberId || (memberId.startsWith('GROUP_') && this.containedGroups(memberId).has(groupId))) {
      throw errors.conflict(`Cyclic group membership: ${memberId} in ${groupId}`);
    }
    this.store.addMember(groupId, memberId);
    this.invalidate();
  }

  removeMember(groupId: string, memberId: string): boolean {
    const removed = this.store.removeMember(groupId, memberId);
    this.invalidate();
    return removed;
  }

  deleteGroup(groupId: string): void {
    this.store.deleteGroup(groupId);
    this.invalidate();
  }

  directMembers(groupId: string): string[] {
    return this.store.directMembers(groupId);
  }

  directParents(memberId: string): string[] {
    return this.store.directParents(memberId);
  }

  /** Groups contained in groupId, transitively (for cycle checks). */
  private containedGroups(groupId: string): Set<string> {
    const out = new Set<string>();
    const stack = [groupId];
    while (stack.length) {
      for (const m of this.directMembers(stack.pop()!)) {
        if (m.startsWith('GROUP_') && !out.has(m)) {
          out.add(m);
          stack.push(m);
        }
      }
    }
    return out;
  }

  /** Every group an authority belongs to, through nesting (not including GROUP_EVERYONE). */
  containingGroups(authority: string): Set<string> {
    const cached = this.authorityCache.get(authority);
    if (cached) return cached;
    const out = new Set<string>();
    const stack = [authority];
    while (stack.length) {
      for (const g of this.directParents(stack.pop()!)) {
        if (!out.has(g)) {
          out.add(g);
          stack.push(g);
        }
      }
    }
    this.authorityCache.set(authority, out);
    return out;
  }

  callerFor(person: PersonRow, ticket?: string): Caller {
    const groups = this.containingGroups(person.id);
    const authorities = new Set<string>([person.id, EVERYONE, ...groups]);
    return { userId: person.id, isAdmin: groups.has(ADMIN_GROUP), authorities, ticket };
  }
}
