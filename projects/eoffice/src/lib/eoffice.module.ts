import { EnvironmentProviders, Provider } from '@angular/core';
import { provideExtensionConfigValues, provideExtensions } from '@alfresco/adf-extensions';
import { provideTranslations } from '@alfresco/adf-core';
import eofficeManifest from '../../assets/eoffice.plugin.json';
import { OfficerProfileSmartComponent } from './officer/officer-profile/officer-profile.smart-component';
import { DiariseSmartComponent } from './receipt/diarise/diarise.smart-component';
import { ReceiptListSmartComponent } from './receipt/receipt-list/receipt-list.smart-component';
import { ReceiptViewSmartComponent } from './receipt/receipt-view/receipt-view.smart-component';
import { PendencyDashboardSmartComponent } from './mis/dashboard/pendency-dashboard.smart-component';
import { CreateFileSmartComponent } from './file/create-file/create-file.smart-component';
import { FileListSmartComponent } from './file/file-list/file-list.smart-component';
import { FileViewSmartComponent } from './file/file-view/file-view.smart-component';
import { DispatchRegisterSmartComponent } from './file/dispatch-register/dispatch-register.smart-component';
import { RECEIPT_EVALUATORS, provideReceiptToolbarActions } from './receipt/toolbar/receipt-toolbar';

/** Name under which the extension's translations are registered. */
export const EOFFICE_TRANSLATIONS_NAME = 'eoffice';

/** Where the host serves `projects/eoffice/assets` (it copies them there at build time). */
export const EOFFICE_ASSETS_PATH = 'assets/eoffice';

/** Component ids the manifest refers to. */
export const EOFFICE_COMPONENTS = {
  'eoffice.officer.profile': OfficerProfileSmartComponent,
  'eoffice.receipt.diarise': DiariseSmartComponent,
  'eoffice.receipt.list': ReceiptListSmartComponent,
  'eoffice.receipt.view': ReceiptViewSmartComponent,
  'eoffice.mis.dashboard': PendencyDashboardSmartComponent,
  'eoffice.file.create': CreateFileSmartComponent,
  'eoffice.file.list': FileListSmartComponent,
  'eoffice.file.view': FileViewSmartComponent,
  'eoffice.file.dispatchRegister': DispatchRegisterSmartComponent
};

/**
 * Everything the Content App needs to run the e-Office extension: the manifest (navbar group and
 * routes), the components the manifest names, and the English and Hindi translations.
 */
export function provideEOfficeExtension(): (Provider | EnvironmentProviders)[] {
  return [
    provideExtensionConfigValues([eofficeManifest]),
    provideExtensions({ components: EOFFICE_COMPONENTS, evaluators: { ...RECEIPT_EVALUATORS } }),
    provideReceiptToolbarActions(),
    provideTranslations(EOFFICE_TRANSLATIONS_NAME, EOFFICE_ASSETS_PATH)
  ];
}
