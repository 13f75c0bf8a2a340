import { EnvironmentProviders, Provider } from '@angular/core';
import { provideExtensionConfigValues, provideExtensions } from '@alfresco/adf-extensions';
import { provideTranslations } from '@alfresco/adf-core';
import eofficeManifest from '../../assets/eoffice.plugin.json';
import { RECEIPT_EVALUATORS, provideReceiptToolbarActions } from './receipt/toolbar/receipt-toolbar';
import { CHARGE_EVALUATORS } from './charge/charge-rules';
import { NavbarMenuComponent } from './desk/navbar/navbar-menu.smart-component';
import { RecordsNavbarComponent } from './records/navbar/records-navbar.smart-component';
import { NoticesBellSmartComponent } from './notices/bell/notices-bell.smart-component';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { EofficePaginatorIntl } from './shared/list/paginator-intl';

/** The id under which the manifest's navbar group names its component (the group with counts). */
export const EOFFICE_NAVBAR_COMPONENT = 'eoffice.navbar.menu';
/** The id of the records managers' navbar group's component (drawn only for a file plan role). */
export const EOFFICE_RECORDS_NAVBAR_COMPONENT = 'eoffice.navbar.records';

/** The id of the header's bell component (the officer's notices), named by the manifest's `features.header`. */
export const EOFFICE_NOTICES_BELL_COMPONENT = 'eoffice.notices.bell';

/** Name under which the extension's translations are registered. */
export const EOFFICE_TRANSLATIONS_NAME = 'eoffice';

/** Where the host serves `projects/eoffice/assets` (it copies them there at build time). */
export const EOFFICE_ASSETS_PATH = 'assets/eoffice';

/**
 * What the Content App needs at start to offer the e-Office extension: the manifest (navbar group, create
 * menu, receipt toolbar actions and their rule), the navbar group's component (its lists with their counts),
 * the English and Hindi translations, and the lists' paginators in the officer's language. The pages
 * themselves are not here: they load with their routes (EOFFICE_ROUTES in eoffice.routes.ts), which the host
 * adds to the shell's routes, so none of them is in the Content App's initial bundle.
 */
export function provideEOfficeExtension(): (Provider | EnvironmentProviders)[] {
  return [
    provideExtensionConfigValues([eofficeManifest]),
    provideExtensions({
      evaluators: { ...RECEIPT_EVALUATORS, ...CHARGE_EVALUATORS },
      components: {
        [EOFFICE_NAVBAR_COMPONENT]: NavbarMenuComponent,
        [EOFFICE_RECORDS_NAVBAR_COMPONENT]: RecordsNavbarComponent,
        [EOFFICE_NOTICES_BELL_COMPONENT]: NoticesBellSmartComponent
      }
    }),
    provideReceiptToolbarActions(),
    provideTranslations(EOFFICE_TRANSLATIONS_NAME, EOFFICE_ASSETS_PATH),
    { provide: MatPaginatorIntl, useClass: EofficePaginatorIntl }
  ];
}
