import { ApplicationConfig, importProvidersFrom } from '@angular/core';
import { registerLocaleData } from '@angular/common';
import localeHi from '@angular/common/locales/hi';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withHashLocation } from '@angular/router';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MAT_SNACK_BAR_DEFAULT_OPTIONS } from '@angular/material/snack-bar';
import { AuthGuard, provideAppConfig, provideCoreAuth, provideI18N } from '@alfresco/adf-core';
import { SHELL_APP_SERVICE, SHELL_AUTH_TOKEN, provideShellRoutes } from '@alfresco/adf-core/shell';
import { AppService, provideContentAppExtensions } from '@alfresco/aca-shared';
import { CONTENT_LAYOUT_ROUTES, ContentServiceExtensionModule } from '@alfresco/aca-content';
import { providePdfViewer } from '@alfresco/adf-core/viewer/pdf';
import { provideEOfficeExtension } from '@eoffice/extension';
import { APP_ROUTES } from './app.routes';

registerLocaleData(localeHi);

/**
 * The Content App as published on npm (aca-content, aca-shared, ADF), plus the e-Office extension.
 * `app.config.json` (repository address, BASIC auth, languages) is read at start-up by provideAppConfig.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideCoreAuth({ useHash: true }),
    provideAppConfig(),
    importProvidersFrom(ContentServiceExtensionModule),
    provideI18N({ assets: [['app', 'assets']] }),
    provideContentAppExtensions(),
    // PDF scans and documents render in ADF's viewer only with the pdf.js viewer provided.
    providePdfViewer(),
    ...provideEOfficeExtension(),
    provideRouter(APP_ROUTES, withHashLocation()),
    provideAnimations(),
    provideShellRoutes(CONTENT_LAYOUT_ROUTES),
    { provide: SHELL_APP_SERVICE, useClass: AppService },
    { provide: SHELL_AUTH_TOKEN, useValue: AuthGuard },
    { provide: MAT_SNACK_BAR_DEFAULT_OPTIONS, useValue: { duration: 10000, politeness: 'polite' } },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', floatLabel: 'always', subscriptSizing: 'dynamic' }
    }
  ]
};
