import { Injectable } from '@angular/core';
import { Observable, catchError, firstValueFrom, from, of } from 'rxjs';
import { NodesApi, PreferencesApi } from '@alfresco/js-api';
import { SavedSearch, SavedSearchesService } from '@alfresco/adf-content-services';

/** The preference ACA keeps saved searches in (ACS 25.1+). */
export const SAVED_SEARCHES_PREFERENCE = 'saved-searches';
/** The file older Content Apps kept them in, in the user's home folder. */
export const LEGACY_SAVED_SEARCHES_FILE = 'config.json';
const PAGE = 100;

/**
 * The Content App's saved searches, read without asking for what may not exist.
 *
 * ACA's SavedSearchesService GETs `people/-me-/preferences/saved-searches` whenever its sidenav is drawn
 * (every navigation) and, once per user and browser, `nodes/-my-?relativePath=config.json` for the legacy file
 * to migrate. For an officer who never saved a search both answer 404 on ACS too, and the browser logs every
 * 404 as a console error however ACA handles it. This replacement (provided for SavedSearchesService in
 * app.config.ts) finds both through listings that answer 200: the person's preferences, and the home folder's
 * files (only until the legacy file was migrated or found absent, remembered under ACA's own localStorage key).
 * Writing stays ACA's: updateSavedSearches PUTs the preference.
 */
@Injectable()
export class SavedSearchesFromPreferencesService extends SavedSearchesService {
  private preferencesListing?: PreferencesApi;
  private homeListing?: NodesApi;

  protected override fetchAllSavedSearches(): Observable<SavedSearch[]> {
    return from(this.readSavedSearches()).pipe(catchError(() => of([])));
  }

  private async readSavedSearches(): Promise<SavedSearch[]> {
    const stored = await this.findPreference();
    if (stored !== undefined) {
      // A preference exists, so any legacy file was migrated before (ACA writes the preference first).
      this.markMigrated();
      return parseSavedSearches(stored);
    }
    if (localStorage.getItem(this.migratedKey()) === 'true') {
      return [];
    }
    const legacy = await this.migrateLegacyFile();
    this.markMigrated();
    return legacy;
  }

  /** The saved-searches preference's value, or undefined when the person has none. */
  private async findPreference(): Promise<unknown> {
    const api = (this.preferencesListing ??= new PreferencesApi(this.apiService.getInstance()));
    for (let skipCount = 0; ; skipCount += PAGE) {
      const page = await api.listPreferences('-me-', { skipCount, maxItems: PAGE });
      const found = (page.list?.entries ?? []).find((preference) => preference.entry.id === SAVED_SEARCHES_PREFERENCE);
      if (found) {
        return found.entry.value;
      }
      if (!page.list?.pagination?.hasMoreItems) {
        return undefined;
      }
    }
  }

  /** Moves the legacy file's searches into the preference and deletes the file, as ACA's migration does. */
  private async migrateLegacyFile(): Promise<SavedSearch[]> {
    const nodes = (this.homeListing ??= new NodesApi(this.apiService.getInstance()));
    for (let skipCount = 0; ; skipCount += PAGE) {
      const page = await nodes.listNodeChildren('-my-', { where: '(isFile=true)', fields: ['id', 'name'], skipCount, maxItems: PAGE });
      const file = (page.list?.entries ?? []).find((child) => child.entry.name === LEGACY_SAVED_SEARCHES_FILE);
      if (file) {
        const content: Blob = await nodes.getNodeContent(file.entry.id);
        const searches = parseSavedSearches(await content.text());
        await firstValueFrom(this.updateSavedSearches(searches));
        await nodes.deleteNode(file.entry.id, { permanent: true });
        return searches;
      }
      if (!page.list?.pagination?.hasMoreItems) {
        return [];
      }
    }
  }

  private markMigrated(): void {
    localStorage.setItem(this.migratedKey(), 'true');
  }

  /** ACA's own key, so ACA and this service agree on whether the legacy file was dealt with. */
  private migratedKey(): string {
    return `saved-searches-${this.authService.getUsername()}-migrated`;
  }
}

/** A stored value is JSON text (as ACA writes it); anything unreadable means no saved searches. */
export function parseSavedSearches(value: unknown): SavedSearch[] {
  try {
    const parsed = typeof value === 'string' ? (value.trim() ? JSON.parse(value) : []) : value;
    return Array.isArray(parsed) ? (parsed as SavedSearch[]) : [];
  } catch {
    return [];
  }
}
