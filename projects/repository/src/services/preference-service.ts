import type { Caller } from '../auth/caller';
import { PreferenceStore } from '../persistence/preference-store';
import type { RepositoryContext } from './repository-context';

/**
 * Alfresco's PreferenceService (alfresco-community-repo repository/src/main/java/org/alfresco/repo/preference/
 * PreferenceServiceImpl.java): a person's preferences are one flat map of dotted names ("locale",
 * "org.alfresco.share.sites.favourites.x") to values. ACS keeps them as one JSON object on the person node
 * (cm:preferenceValues); here each name is a row of the `preference` table, which the public API's
 * GET /people/{id}/preferences reads too.
 *
 * Who may: reading needs the user himself, the system or an administrator (getPreferencesObject,
 * isAdminAuthority); writing the user himself, the system or WRITE on the person node (userCanWritePreferences),
 * which in this repository only administrators have. Anyone else meets AccessDeniedException with ACS's words.
 */

/** AccessDeniedException as a script or web script sees its message (Rhino gives the class name first). */
export class PreferenceAccessDenied extends Error {
  constructor(detail: string) {
    super(`org.alfresco.repo.security.permissions.AccessDeniedException: ${detail}`);
  }
}

/** AlfrescoRuntimeException: the person does not exist. */
export class PreferenceNoPerson extends Error {}

export type PreferenceValue = string | number | boolean | null | unknown[];

export class PreferenceService {
  private readonly store: PreferenceStore;

  constructor(private readonly ctx: RepositoryContext) {
    this.store = new PreferenceStore(ctx.db);
  }

  /** getPreferences(userName, preferenceFilter): the names (sorted) matching the filter and their values. */
  get(caller: Caller, userName: string, filter?: string | null): Map<string, PreferenceValue> {
    const id = this.personId(userName, 'get');
    if (!this.isSelfOrSystem(caller, id) && !caller.isAdmin)
      throw new PreferenceAccessDenied(
        `The current user ${caller.userId} does not have sufficient permissions to get the preferences of the user ${userName}`
      );
    const out = new Map<string, PreferenceValue>();
    for (const row of this.store.all(id))
      if (!filter || matchPreferenceNames(row.name, filter)) out.set(row.name, JSON.parse(row.value) as PreferenceValue);
    return out;
  }

  /** setPreferences(userName, preferences): each value replaces the one of its name; others are kept. */
  set(caller: Caller, userName: string, values: Map<string, PreferenceValue>): void {
    const id = this.personId(userName, 'update');
    if (!this.isSelfOrSystem(caller, id) && !caller.isAdmin)
      throw new PreferenceAccessDenied(
        `The current user ${caller.userId} does not have sufficient permissions to update the preferences of the user ${userName}`
      );
    for (const [name, given] of values) {
      // PreferenceServiceImpl: the value "CURRENT_DATE" is stored as the time of the call (ISO 8601).
      const value = given === 'CURRENT_DATE' ? new Date().toISOString() : given;
      this.store.set(id, name, JSON.stringify(value ?? null));
    }
  }

  private personId(userName: string, what: 'get' | 'update'): string {
    const person = this.ctx.authorities.person(userName);
    if (!person) throw new PreferenceNoPerson(`Cannot ${what} preferences for ${userName} because he/she does not exist.`);
    return person.id;
  }

  private isSelfOrSystem(caller: Caller, personId: string): boolean {
    return caller.userId === 'System' || caller.userId.toLowerCase() === personId.toLowerCase();
  }
}

/**
 * PreferenceServiceImpl.matchPreferenceNames: the filter's dotted parts are the first parts of the name
 * ("org.alfresco" matches "org.alfresco.share.x", not "org.alfrescox").
 */
export function matchPreferenceNames(name: string, filter: string): boolean {
  const parts = name.split('.');
  const wanted = filter.split('.');
  if (wanted.length > parts.length) return false;
  return wanted.every((w, i) => w === parts[i]);
}

/**
 * ScriptPreferenceService.getPrefValues: a nested object as dotted names (`{ org: { a: 1 } }` → "org.a").
 * Arrays and other values are leaves.
 */
export function flattenPreferences(source: Record<string, unknown>, prefix = '', out = new Map<string, PreferenceValue>()) {
  for (const [k, v] of Object.entries(source)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date))
      flattenPreferences(v as Record<string, unknown>, key, out);
    else out.set(key, v instanceof Date ? v.toISOString() : (v as PreferenceValue));
  }
  return out;
}

/** ScriptPreferenceService.getPreferences: dotted names as nested objects ("a.b" → `{ a: { b } }`). */
export function nestPreferences(values: Map<string, PreferenceValue>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of values) {
    const keys = name.split('.');
    let at = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) at[key] = value;
      else {
        const next = at[key];
        if (next === null || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
        at = at[key] as Record<string, unknown>;
      }
    });
  }
  return root;
}
