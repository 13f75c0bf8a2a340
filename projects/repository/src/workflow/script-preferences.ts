import { ApiError } from '../errors/api-error';
import { PreferenceService, flattenPreferences, nestPreferences, type PreferenceValue } from '../services/preference-service';
import { javaString, unwrapJava } from './java-host';
import type { ScriptHost } from './script-node';

/**
 * The `preferenceService` root object (org.alfresco.repo.preference.script.ScriptPreferenceService, which ACS
 * gives every repository script): `getPreferences(userName[, filter])` gives the person's preferences as nested
 * objects of plain values ("eoffice.notices.mail" → `prefs.eoffice.notices.mail`), `setPreferences(userName,
 * object)` stores a nested object as dotted names, `getAllowWrite()`. Checked against the run-as user as
 * PreferenceServiceImpl checks it: a refusal is its AccessDeniedException, which the script can catch.
 */
export function scriptPreferenceService(host: ScriptHost) {
  const service = new PreferenceService(host.ctx);
  const javaError = (e: unknown) => (e instanceof Error ? new ApiError(500, 'framework.exception.ApiDefault', e.message) : e);
  return {
    getAllowWrite: () => true,
    getPreferences: (userName: unknown, filter?: unknown) => {
      const f = filter === undefined || filter === null ? null : javaString(filter);
      try {
        return nestPreferences(service.get(host.caller, javaString(userName), f));
      } catch (e) {
        throw javaError(e);
      }
    },
    setPreferences: (userName: unknown, preferences: unknown) => {
      const given = unwrapJava(preferences);
      const values: Map<string, PreferenceValue> =
        given && typeof given === 'object' ? flattenPreferences(given as Record<string, unknown>) : new Map();
      try {
        service.set(host.caller, javaString(userName), values);
      } catch (e) {
        throw javaError(e);
      }
    }
  };
}
