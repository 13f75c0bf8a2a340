import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { NodesApi, PreferencesApi } from '@alfresco/js-api';
import { AlfrescoApiService, SAVED_SEARCHES_SERVICE_PREFERENCES, SavedSearch, SavedSearchesService } from '@alfresco/adf-content-services';
import { AuthenticationService } from '@alfresco/adf-core';
import { appConfig } from '../app.config';
import { SavedSearchesFromPreferencesService, parseSavedSearches } from './saved-searches-from-preferences.service';

const USER = 'priya.nair';
const MIGRATED_KEY = `saved-searches-${USER}-migrated`;
const SEARCH: SavedSearch = { name: 'Pending dak', encodedUrl: 'abc', order: 0 };

function page<T>(entries: T[], hasMoreItems = false) {
  return { list: { entries: entries.map((entry) => ({ entry })), pagination: { hasMoreItems } } } as never;
}

describe('SavedSearchesFromPreferencesService', () => {
  let service: SavedSearchesFromPreferencesService;
  let listPreferences: jasmine.Spy;
  let getPreference: jasmine.Spy;
  let listNodeChildren: jasmine.Spy;
  let getNode: jasmine.Spy;
  let updatePreference: jasmine.Spy;

  beforeEach(() => {
    localStorage.removeItem(MIGRATED_KEY);
    listPreferences = spyOn(PreferencesApi.prototype, 'listPreferences').and.resolveTo(page([{ id: 'org.alfresco.share.x', value: '1' }]));
    getPreference = spyOn(PreferencesApi.prototype, 'getPreference').and.rejectWith(new Error('404'));
    listNodeChildren = spyOn(NodesApi.prototype, 'listNodeChildren').and.resolveTo(page([{ id: 'n1', name: 'letter.pdf' }]));
    getNode = spyOn(NodesApi.prototype, 'getNode').and.rejectWith(new Error('404'));
    updatePreference = jasmine
      .createSpy('updatePreference')
      .and.callFake((_person: string, id: string, value: string) => Promise.resolve({ entry: { id, value } }));
    TestBed.configureTestingModule({
      providers: [
        SavedSearchesFromPreferencesService,
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({}) } },
        { provide: AuthenticationService, useValue: { getUsername: () => USER } },
        { provide: SAVED_SEARCHES_SERVICE_PREFERENCES, useValue: { getPreference, updatePreference } }
      ]
    });
    service = TestBed.inject(SavedSearchesFromPreferencesService);
  });

  afterEach(() => localStorage.removeItem(MIGRATED_KEY));

  it('is what the Content App, and so the saved-searches sidenav of ACA, gets for SavedSearchesService', () => {
    expect(appConfig.providers).toContain(
      jasmine.objectContaining({ provide: SavedSearchesService, useClass: SavedSearchesFromPreferencesService })
    );
  });

  it('finds no saved searches for an officer who never saved one, without asking for what does not exist', async () => {
    expect(await firstValueFrom(service.getSavedSearches())).toEqual([]);
    expect(await firstValueFrom(service.getSavedSearches())).toEqual([]);

    expect(getPreference).not.toHaveBeenCalled();
    expect(getNode).not.toHaveBeenCalled();
    // The home folder is looked through once for a legacy file; then it is known to be absent.
    expect(listNodeChildren).toHaveBeenCalledTimes(1);
    expect(listPreferences).toHaveBeenCalledTimes(2);
    expect(localStorage.getItem(MIGRATED_KEY)).toBe('true');
  });

  it('reads the saved-searches preference from the listing, on whichever page it is', async () => {
    listPreferences.and.callFake((_person: string, opts: { skipCount: number }) =>
      Promise.resolve(
        opts.skipCount === 0
          ? page([{ id: 'org.alfresco.share.x', value: '1' }], true)
          : page([{ id: 'saved-searches', value: JSON.stringify([SEARCH]) }])
      )
    );

    expect(await firstValueFrom(service.getSavedSearches())).toEqual([SEARCH]);
    expect(listNodeChildren).not.toHaveBeenCalled();
  });

  it('moves the searches of a legacy config.json into the preference and deletes the file', async () => {
    listNodeChildren.and.resolveTo(page([{ id: 'legacy-1', name: 'config.json' }]));
    spyOn(NodesApi.prototype, 'getNodeContent').and.resolveTo(new Blob([JSON.stringify([SEARCH])]));
    const deleteNode = spyOn(NodesApi.prototype, 'deleteNode').and.resolveTo();

    expect(await firstValueFrom(service.getSavedSearches())).toEqual([SEARCH]);
    expect(updatePreference).toHaveBeenCalledWith('-me-', 'saved-searches', JSON.stringify([SEARCH]));
    expect(deleteNode).toHaveBeenCalledWith('legacy-1', { permanent: true });
  });

  it('shows no saved searches when the repository cannot be read, as ACA does', async () => {
    listPreferences.and.rejectWith(new Error('offline'));
    expect(await firstValueFrom(service.getSavedSearches())).toEqual([]);
  });

  it('reads stored values as JSON text and ignores anything else', () => {
    expect(parseSavedSearches(JSON.stringify([SEARCH]))).toEqual([SEARCH]);
    expect(parseSavedSearches('')).toEqual([]);
    expect(parseSavedSearches('{not json')).toEqual([]);
    expect(parseSavedSearches('{"a":1}')).toEqual([]);
  });
});
