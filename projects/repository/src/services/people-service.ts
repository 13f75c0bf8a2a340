import type { Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import type { PersonChanges, PersonRow } from './authority-service';
import type { NodeService } from './node-service';
import { errors } from '../errors/api-error';
import { hashPassword } from './authority-service';
import { PreferenceStore } from '../persistence/preference-store';

/** Person fields the API carries besides id, names, email and flags; kept in person.properties. */
const PROFILE_FIELDS = [
  'description',
  'skypeId',
  'googleId',
  'instantMessageId',
  'jobTitle',
  'location',
  'company',
  'mobile',
  'telephone',
  'userStatus',
  'statusUpdatedAt',
  'avatarId'
] as const;
const USER_NAME = /^[^/\\"*<>?:|,]{1,100}$/;

export interface PersonBody {
  id?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  password?: unknown;
  oldPassword?: unknown;
  enabled?: unknown;
  emailNotificationsEnabled?: unknown;
  properties?: unknown;
  aspectNames?: unknown;
  [key: string]: unknown;
}

/** People: accounts, profiles, home folders and the Person JSON of the core API. */
export class PeopleService {
  /** Each person's named settings (/people/{id}/preferences). */
  readonly preferences: PreferenceStore;

  constructor(
    private readonly ctx: RepositoryContext,
    private readonly nodes: NodeService
  ) {
    this.preferences = new PreferenceStore(ctx.db);
  }

  toJson(p: PersonRow, includes = new Set<string>()): Record<string, unknown> {
    const stored = JSON.parse(p.properties) as Record<string, unknown>;
    const out: Record<string, unknown> = {
      id: p.id,
      firstName: p.first_name,
      displayName: [p.first_name, p.last_name].filter(Boolean).join(' '),
      email: p.email ?? '',
      enabled: !!p.enabled,
      emailNotificationsEnabled: !!p.email_notifications_enabled
    };
    if (p.last_name) out.lastName = p.last_name;
    for (const f of PROFILE_FIELDS) if (stored[f] !== undefined && stored[f] !== null && stored[f] !== '') out[f] = stored[f];
    // ACS's Person always builds a Company from the cm:organization/cm:company* properties (Person.mapProperties),
    // so `company` is sent even when none is set: `{}`, never left out.
    out.company = companyOf(stored.company);
    const groups = this.ctx.authorities.containingGroups(p.id);
    const isAdmin = groups.has('GROUP_ALFRESCO_ADMINISTRATORS');
    if (includes.has('properties')) out.properties = (stored.properties as Record<string, unknown>) ?? {};
    if (includes.has('aspectNames')) out.aspectNames = JSON.parse(p.aspect_names);
    if (includes.has('capabilities')) out.capabilities = { isAdmin, isGuest: p.id === 'guest', isMutable: true };
    return out;
  }

  create(caller: Caller, body: PersonBody): PersonRow {
    if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can create people');
    const id = required(body.id, 'id');
    if (!USER_NAME.test(id)) throw errors.invalidArgument(`Invalid user name: ${id}`);
    const firstName = required(body.firstName, 'firstName');
    const email = required(body.email, 'email');
    const password = required(body.password, 'password');
    if (this.ctx.authorities.person(id)) throw errors.conflict(`User name already exists: ${id}`);
    const profile = this.profileFrom(body, {});
    const person = this.ctx.authorities.insertPerson({
      id,
      firstName,
      lastName: optional(body.lastName, 'lastName'),
      email,
      password,
      enabled: optionalBool(body.enabled, 'enabled'),
      emailNotificationsEnabled: optionalBool(body.emailNotificationsEnabled, 'emailNotificationsEnabled'),
      properties: profile,
      aspectNames: stringArray(body.aspectNames, 'aspectNames')
    });
    this.ensureHomeFolder(person);
    return this.ctx.authorities.person(id)!;
  }

  /** Every person gets a private home folder under User Homes (Personal Files in the Content App). */
  ensureHomeFolder(person: PersonRow): void {
    if (person.home_folder_id) return;
    const userHomes = this.ctx.store.require(this.ctx.wellKnown.userHomes);
    const system: Caller = { userId: 'System', isAdmin: true, authorities: new Set() };
    const existing = this.ctx.store.childByName(userHomes.id, person.id);
    const home = existing ?? this.nodes.create(system, userHomes, { name: person.id, nodeType: 'cm:folder', system: {} });
    this.ctx.store.update(home.id, { owner: person.id, created_by: person.id, modified_by: person.id });
    this.nodes.setPermissions(home.id, {
      isInheritanceEnabled: false,
      locallySet: [{ authorityId: person.id, name: 'Coordinator', accessStatus: 'ALLOWED' }]
    });
    this.ctx.authorities.store.setHomeFolder(person.id, home.id);
  }

  update(caller: Caller, person: PersonRow, body: PersonBody): PersonRow {
    const self = caller.userId === person.id;
    if (!self && !caller.isAdmin) throw errors.permissionDenied();
    if (body.id !== undefined && body.id !== person.id) throw errors.invalidArgument('The user name (id) cannot be changed');
    const sets: PersonChanges = {};
    if (body.firstName !== undefined) sets.first_name = required(body.firstName, 'firstName');
    if (body.lastName !== undefined) sets.last_name = optional(body.lastName, 'lastName') ?? null;
    if (body.email !== undefined) sets.email = required(body.email, 'email');
    if (body.enabled !== undefined) {
      if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can enable or disable people');
      if (person.id === 'admin' && body.enabled === false) throw errors.permissionDenied('The admin account cannot be disabled');
      sets.enabled = optionalBool(body.enabled, 'enabled') ? 1 : 0;
    }
    if (body.emailNotificationsEnabled !== undefined)
      sets.email_notifications_enabled = optionalBool(body.emailNotificationsEnabled, 'emailNotificationsEnabled') ? 1 : 0;
    if (body.password !== undefined) {
      const password = required(body.password, 'password');
      if (!caller.isAdmin || self) {
        const old = optional(body.oldPassword, 'oldPassword');
        if (!old || !this.ctx.authorities.verify(person.id, old)) throw errors.permissionDenied('The old password is not correct');
      }
      sets.password_hash = hashPassword(password);
    }
    if (body.aspectNames !== undefined) sets.aspect_names = JSON.stringify(stringArray(body.aspectNames, 'aspectNames'));
    sets.properties = JSON.stringify(this.profileFrom(body, JSON.parse(person.properties)));
    this.ctx.authorities.store.updatePerson(person.id, sets);
    return this.ctx.authorities.person(person.id)!;
  }

  private profileFrom(body: PersonBody, current: Record<string, unknown>): Record<string, unknown> {
    const out = { ...current };
    for (const f of PROFILE_FIELDS) {
      if (body[f] === undefined) continue;
      if (f === 'company') {
        if (body.company !== null && (typeof body.company !== 'object' || Array.isArray(body.company)))
          throw errors.invalidArgument('company must be an object');
        out.company = body.company;
      } else out[f] = optional(body[f], f) ?? null;
    }
    if (body.properties !== undefined) {
      if (typeof body.properties !== 'object' || body.properties === null || Array.isArray(body.properties))
        throw errors.invalidArgument('properties must be an object');
      const merged = { ...((out.properties as Record<string, unknown>) ?? {}) };
      for (const [k, v] of Object.entries(body.properties)) {
        if (!/^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$/.test(k)) throw errors.invalidArgument(`Invalid property name: ${k}`);
        if (v === null) delete merged[k];
        else merged[k] = v;
      }
      out.properties = merged;
    }
    return out;
  }
}

/** The company fields that hold a value (ACS leaves null ones out of the JSON). */
function companyOf(stored: unknown): Record<string, unknown> {
  if (!stored || typeof stored !== 'object') return {};
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

function required(v: unknown, name: string): string {
  if (typeof v !== 'string' || !v.trim()) throw errors.invalidArgument(`${name} is required`);
  return v;
}
function optional(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw errors.invalidArgument(`${name} must be a string`);
  return v;
}
function optionalBool(v: unknown, name: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw errors.invalidArgument(`${name} must be true or false`);
  return v;
}
function stringArray(v: unknown, name: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw errors.invalidArgument(`${name} must be an array of strings`);
  return v as string[];
}
