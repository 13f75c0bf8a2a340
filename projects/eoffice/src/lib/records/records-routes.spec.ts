import manifest from '../../../assets/eoffice.plugin.json';
import en from '../../../assets/i18n/en.json';
import hi from '../../../assets/i18n/hi.json';
import { EOFFICE_ROUTES } from '../eoffice.routes';
import { DestructionRegisterSmartComponent } from './destruction-register/destruction-register.smart-component';
import { DispositionDueSmartComponent } from './due/disposition-due.smart-component';
import { FilePlanSmartComponent } from './file-plan/file-plan.smart-component';
import { LegalHoldsSmartComponent } from './holds/legal-holds.smart-component';
import { TransferListSmartComponent } from './transfer-list/transfer-list.smart-component';

interface NavbarItem {
  id: string;
  title?: string;
  description?: string;
  component?: string;
  route?: string;
  children?: NavbarItem[];
}

const valueOf = (json: object, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], json);

/** The component the extension's routes load for `eoffice/records/...`. */
async function pageOf(route: string | undefined): Promise<unknown> {
  const [root] = EOFFICE_ROUTES;
  const path = (route ?? '').replace(/^eoffice\//, '');
  const page = root.children?.find((r) => r.path === path);
  return page?.loadComponent ? await page.loadComponent() : undefined;
}

describe('the Records navbar group', () => {
  const navbar = manifest.features.navbar as { id: string; items: NavbarItem[] }[];
  const records = navbar.find((g) => g.id === 'eoffice.navbar')?.items.find((item) => item.id === 'eoffice.navbar.records');

  it('is drawn by its own component, which asks AGS whether the user has a file plan role', () => {
    expect(records?.component).toBe('eoffice.navbar.records');
    expect(valueOf(en, records?.title ?? '')).toBe('Records');
    expect(valueOf(hi, records?.title ?? '')).toBe('अभिलेख');
  });

  it('links the file plan, the items due, the legal holds, the destruction register and the transfer list to their pages', async () => {
    const pages = await Promise.all((records?.children ?? []).map((child) => pageOf(child.route)));
    expect(pages).toEqual([
      FilePlanSmartComponent,
      DispositionDueSmartComponent,
      LegalHoldsSmartComponent,
      DestructionRegisterSmartComponent,
      TransferListSmartComponent
    ]);
    for (const child of records?.children ?? []) {
      expect(valueOf(en, child.title!)).withContext(child.id).toEqual(jasmine.any(String));
      expect(valueOf(hi, child.description!)).withContext(child.id).toEqual(jasmine.any(String));
    }
  });
});
