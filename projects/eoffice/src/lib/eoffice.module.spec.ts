import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EXTENSION_JSON_VALUES, ExtensionConfig, ExtensionService } from '@alfresco/adf-extensions';
import { TRANSLATION_PROVIDER } from '@alfresco/adf-core';
import manifest from '../../assets/eoffice.plugin.json';
import en from '../../assets/i18n/en.json';
import hi from '../../assets/i18n/hi.json';
import { EOFFICE_ASSETS_PATH, EOFFICE_COMPONENTS, provideEOfficeExtension } from './eoffice.module';
import { OfficerProfileSmartComponent } from './officer/officer-profile/officer-profile.smart-component';
import { DiariseSmartComponent } from './receipt/diarise/diarise.smart-component';
import { ReceiptListSmartComponent } from './receipt/receipt-list/receipt-list.smart-component';

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

describe('e-Office manifest', () => {
  const navbar = manifest.features.navbar as { id: string; items: NavbarItem[] }[];
  const group = navbar.find((entry) => entry.id === 'eoffice.navbar');
  const menu = group?.items.find((item) => item.id === 'eoffice.navbar.menu');

  it('adds an e-Office group to the navbar', () => {
    expect(menu).toBeDefined();
    expect(valueOf(en, menu?.title ?? '')).toBe('e-Office');
  });

  it('links the group to the officer page, and that route exists with a registered component', () => {
    const officerLink = menu?.children?.find((child) => child.id === 'eoffice.navbar.officer');
    const route = manifest.routes.find((entry) => entry.path === officerLink?.route);

    expect(officerLink?.route).toBe('eoffice/officer');
    expect(route?.layout).toBe('app.layout.main');
    expect(EOFFICE_COMPONENTS[route?.component as keyof typeof EOFFICE_COMPONENTS]).toBe(OfficerProfileSmartComponent);
  });

  it('links Diarise and Created under the group to routes whose components are registered', () => {
    const routes = ['eoffice.navbar.diarise', 'eoffice.navbar.receipts.created'].map((id) => {
      const link = menu?.children?.find((child) => child.id === id);
      const route = manifest.routes.find((entry) => entry.path === link?.route);
      return EOFFICE_COMPONENTS[route?.component as keyof typeof EOFFICE_COMPONENTS];
    });

    expect(routes).toEqual([DiariseSmartComponent, ReceiptListSmartComponent]);
  });

  it('declares the fixed receipt routes before the receipt view, so "diarise" is not taken for a receipt id', () => {
    const paths = manifest.routes.map((route) => route.path);

    expect(paths.indexOf('eoffice/receipts/diarise')).toBeLessThan(paths.indexOf('eoffice/receipts/:receiptId'));
    expect(paths.indexOf('eoffice/receipts/created')).toBeLessThan(paths.indexOf('eoffice/receipts/:receiptId'));
  });

  it('adds Diarise to the create menu, navigating to the diarise page', () => {
    const entry = manifest.features.create.find((item) => item.id === 'eoffice.create.diarise');
    const action = manifest.actions.find((item) => item.id === entry?.actions.click);

    expect(action).toEqual(jasmine.objectContaining({ type: 'NAVIGATE_URL', payload: '/eoffice/receipts/diarise' }));
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

  it('registers the officer page component under the id the manifest uses', () => {
    expect(TestBed.inject(ExtensionService).getComponentById('eoffice.officer.profile')).toBe(OfficerProfileSmartComponent);
  });

  it('registers the translations folder the host serves', () => {
    const folders = TestBed.inject(TRANSLATION_PROVIDER);

    expect(folders).toContain(jasmine.objectContaining({ name: 'eoffice', source: EOFFICE_ASSETS_PATH }));
  });
});
