import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EXTENSION_JSON_VALUES, ExtensionConfig, ExtensionService } from '@alfresco/adf-extensions';
import { TRANSLATION_PROVIDER } from '@alfresco/adf-core';
import manifest from '../../assets/eoffice.plugin.json';
import en from '../../assets/i18n/en.json';
import hi from '../../assets/i18n/hi.json';
import { CanActivateFn, Route, convertToParamMap } from '@angular/router';
import { AuthGuardEcm, AuthenticationService } from '@alfresco/adf-core';
import { ExtensionsDataLoaderGuard } from '@alfresco/aca-shared';
import { EOFFICE_ASSETS_PATH, provideEOfficeExtension } from './eoffice.module';
import { EOFFICE_ROUTES } from './eoffice.routes';
import { EO_TYPES, officeDay } from '@eoffice/domain';
import { DeskService } from './desk/desk.service';
import { WorkingDaysService } from './shared/calendar/working-days.service';
import { OfficerProfileSmartComponent } from './officer/officer-profile/officer-profile.smart-component';
import { DiariseSmartComponent } from './receipt/diarise/diarise.smart-component';
import { ReceiptListSmartComponent } from './receipt/receipt-list/receipt-list.smart-component';
import { ReceiptViewSmartComponent } from './receipt/receipt-view/receipt-view.smart-component';
import { CreateFileSmartComponent } from './file/create-file/create-file.smart-component';
import { FileListSmartComponent } from './file/file-list/file-list.smart-component';
import { FileViewSmartComponent } from './file/file-view/file-view.smart-component';
import { FileService } from './file/services/file.service';
import { NoteService } from './file/notesheet/note.service';
import { PendencyDashboardSmartComponent } from './mis/dashboard/pendency-dashboard.smart-component';

interface NavbarItem {
  id: string;
  title?: string;
  description?: string;
  route?: string;
  children?: NavbarItem[];
}

/** Every key path of a translation file whose value is a string, e.g. `EOFFICE.OFFICER.TITLE`. */
function keysOf(json: object, prefix = ''): string[] {
  return Object.entries(json).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value as object, `${prefix}${key}.`)
  );
}

function valueOf(json: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], json);
}

/**
 * The page route the router takes for a URL under the app (`eoffice/receipts/inbox`): the first of the
 * extension's routes, in their order, whose segments match (`:name` matches any one segment).
 */
function pageRouteOf(url: string | undefined): Route | undefined {
  const [root] = EOFFICE_ROUTES;
  const segments = (url ?? '').replace(/^\//, '').split('/');
  if (segments.shift() !== root.path) return undefined;
  return root.children?.find((route) => {
    const parts = (route.path ?? '').split('/');
    return parts.length === segments.length && parts.every((part, index) => part.startsWith(':') || part === segments[index]);
  });
}

/** The component a page route loads (each page is fetched when first opened). */
async function pageOf(url: string | undefined): Promise<unknown> {
  const route = pageRouteOf(url);
  return route?.loadComponent ? await route.loadComponent() : undefined;
}

describe('e-Office manifest', () => {
  const navbar = manifest.features.navbar as { id: string; items: NavbarItem[] }[];
  const group = navbar.find((entry) => entry.id === 'eoffice.navbar');
  const menu = group?.items.find((item) => item.id === 'eoffice.navbar.menu');

  it('adds an e-Office group to the navbar', () => {
    expect(menu).toBeDefined();
    expect(valueOf(en, menu?.title ?? '')).toBe('e-Office');
  });

  it('links the group to the officer page, which the extension routes to its component', async () => {
    const officerLink = menu?.children?.find((child) => child.id === 'eoffice.navbar.officer');

    expect(officerLink?.route).toBe('eoffice/officer');
    expect(await pageOf(officerLink?.route)).toBe(OfficerProfileSmartComponent);
  });

  it('links Diarise and Created under the group to their pages, Created as the receipt list of that name', async () => {
    const [diarise, created] = ['eoffice.navbar.diarise', 'eoffice.navbar.receipts.created'].map(
      (id) => menu?.children?.find((child) => child.id === id)?.route
    );

    expect(await pageOf(diarise)).toBe(DiariseSmartComponent);
    expect(await pageOf(created)).toBe(ReceiptListSmartComponent);
    expect(pageRouteOf(created)?.data).toEqual({ list: 'created' });
  });

  it('routes every link of the group to a page', async () => {
    for (const link of menu?.children ?? []) {
      expect(await pageOf(link.route))
        .withContext(link.id)
        .toEqual(jasmine.any(Function));
    }
  });

  it('takes "diarise" and "create" for their pages, not for a receipt or file id; any other segment is an id', async () => {
    expect(await pageOf('eoffice/receipts/diarise')).toBe(DiariseSmartComponent);
    expect(await pageOf('eoffice/receipts/inbox')).toBe(ReceiptListSmartComponent);
    expect(await pageOf('eoffice/receipts/5c1e-77ab')).toBe(ReceiptViewSmartComponent);
    expect(await pageOf('eoffice/files/create')).toBe(CreateFileSmartComponent);
    expect(await pageOf('eoffice/files/parked')).toBe(FileListSmartComponent);
    expect(await pageOf('eoffice/files/5c1e-77ab')).toBe(FileViewSmartComponent);
    expect(await pageOf('eoffice/mis')).toBe(PendencyDashboardSmartComponent);
  });

  it('guards the pages as the Content App guards an extension route: signed in, extension data loaded', () => {
    const [root] = EOFFICE_ROUTES;

    expect(root.canActivate?.slice(0, 2)).toEqual([AuthGuardEcm, ExtensionsDataLoaderGuard]);
    expect(root.canActivate?.length).toBe(3);
    expect(root.canActivateChild).toEqual([AuthGuardEcm, ExtensionsDataLoaderGuard]);
  });

  it('asks for the desk and the year’s holidays beside the guards once the officer is signed in, and never refuses a page', () => {
    const startDesk = EOFFICE_ROUTES[0].canActivate?.[2] as CanActivateFn;
    let signedIn = false;
    const desk = jasmine.createSpy('desk').and.rejectWith(new Error('offline'));
    const forYear = jasmine.createSpy('forYear').and.resolveTo({});
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthenticationService, useValue: { isLoggedIn: () => signedIn } },
        { provide: DeskService, useValue: { desk } },
        { provide: WorkingDaysService, useValue: { forYear } }
      ]
    });
    const run = () => TestBed.runInInjectionContext(() => startDesk({} as never, {} as never));

    expect(run()).toBeTrue();
    expect(desk).not.toHaveBeenCalled();
    expect(forYear).not.toHaveBeenCalled();

    signedIn = true;
    // a desk that cannot be read does not keep the officer out: the page shows the failure itself
    expect(run()).toBeTrue();
    expect(desk).toHaveBeenCalledTimes(1);
    expect(forYear).toHaveBeenCalledOnceWith(Number(officeDay(new Date()).slice(0, 4)));
  });

  it('begins reading a file and listing its notes as the router activates the file’s address, never refusing it', async () => {
    const route = EOFFICE_ROUTES[0].children?.find((r) => r.path === 'files/:fileId');
    const [startFile] = (route?.canActivate ?? []) as CanActivateFn[];
    let signedIn = false;
    const readFile = jasmine.createSpy('file prefetch');
    const listNotes = jasmine.createSpy('notes prefetch');
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthenticationService, useValue: { isLoggedIn: () => signedIn } },
        { provide: FileService, useValue: { prefetch: readFile } },
        { provide: NoteService, useValue: { prefetch: listNotes } }
      ]
    });
    const run = () =>
      TestBed.runInInjectionContext(() => startFile({ paramMap: convertToParamMap({ fileId: 'file-1' }) } as never, {} as never));

    expect(await run()).toBeTrue();
    expect(readFile).not.toHaveBeenCalled();

    signedIn = true;
    expect(await run()).toBeTrue();
    expect(readFile).toHaveBeenCalledOnceWith('file-1');
    expect(listNotes).toHaveBeenCalledOnceWith('file-1');
  });

  it('loads no page with the routes: every page is fetched when first opened', () => {
    const pages = EOFFICE_ROUTES[0].children ?? [];

    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((route) => route.component)).toEqual([]);
  });

  it('adds Diarise to the create menu, navigating to the diarise page', async () => {
    const entry = manifest.features.create.find((item) => item.id === 'eoffice.create.diarise');
    const action = manifest.actions.find((item) => item.id === entry?.actions.click);

    expect(action).toEqual(jasmine.objectContaining({ type: 'NAVIGATE_URL', payload: '/eoffice/receipts/diarise' }));
    expect(await pageOf(action?.payload)).toBe(DiariseSmartComponent);
    expect(valueOf(en, entry?.title ?? '')).toBe('Diarise dak');
  });

  it('only uses translation keys that exist in English and Hindi', () => {
    const used = JSON.stringify(manifest).match(/EOFFICE\.[A-Z0-9_.]+/g) ?? [];

    expect(used.length).toBeGreaterThan(0);
    for (const key of used) {
      expect(typeof valueOf(en, key))
        .withContext(`en ${key}`)
        .toBe('string');
      expect(typeof valueOf(hi, key))
        .withContext(`hi ${key}`)
        .toBe('string');
    }
  });
});

describe('e-Office translations', () => {
  it('has every English key in Hindi', () => {
    const missing = keysOf(en).filter((key) => !keysOf(hi).includes(key));
    expect(missing).withContext('keys missing in hi.json').toEqual([]);
  });

  it('has no Hindi key that English lacks', () => {
    const extra = keysOf(hi).filter((key) => !keysOf(en).includes(key));
    expect(extra).withContext('keys only in hi.json').toEqual([]);
  });

  it('writes every Hindi text in Devanagari and leaves none empty', () => {
    for (const key of keysOf(hi)) {
      expect(valueOf(hi, key) as string)
        .withContext(key)
        .toMatch(/[\u0900-\u097F]/);
    }
    for (const key of keysOf(en)) {
      expect((valueOf(en, key) as string).trim())
        .withContext(key)
        .not.toBe('');
    }
  });
});

describe('provideEOfficeExtension', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ...provideEOfficeExtension()]
    });
  });

  it('hands the manifest to the extension loader without any asset request', () => {
    const values = TestBed.inject(EXTENSION_JSON_VALUES).flat() as unknown as ExtensionConfig[];

    expect(values.map((value) => value.$id)).toContain('eoffice.extension');
  });

  it('registers the rule the receipt toolbar entries of the manifest use: a receipt selected, not a folder', () => {
    const isReceipt = TestBed.inject(ExtensionService).getEvaluator('eoffice.isReceipt');
    const selecting = (nodeType: string) =>
      ({ selection: { count: 1, first: { entry: { id: 'n1', nodeType } } } }) as unknown as Parameters<typeof isReceipt>[0];

    expect(isReceipt(selecting(EO_TYPES.receipt))).toBeTrue();
    expect(isReceipt(selecting('cm:folder'))).toBeFalse();
  });

  it('registers the translations folder the host serves', () => {
    const folders = TestBed.inject(TRANSLATION_PROVIDER);

    expect(folders).toContain(jasmine.objectContaining({ name: 'eoffice', source: EOFFICE_ASSETS_PATH }));
  });
});
