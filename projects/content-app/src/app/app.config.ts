import { ApplicationConfig, importProvidersFrom } from '@angular/core';
import { registerLocaleData } from '@angular/common';
import { HTTP_INTERCEPTORS } from '@angular/common/http';
import localeHi from '@angular/common/locales/hi';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withHashLocation } from '@angular/router';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MAT_SNACK_BAR_DEFAULT_OPTIONS } from '@angular/material/snack-bar';
import { AuthGuard, PDF_VIEWER_COMPONENT, provideAppConfig, provideCoreAuth, provideI18N } from '@alfresco/adf-core';
import { SHELL_APP_SERVICE, SHELL_AUTH_TOKEN, provideShellRoutes } from '@alfresco/adf-core/shell';
import { AppService, provideContentAppExtensions } from '@alfresco/aca-shared';
import { CONTENT_LAYOUT_ROUTES, ContentServiceExtensionModule } from '@alfresco/aca-content';
import { SavedSearchesService } from '@alfresco/adf-content-services';
import { EOFFICE_ROUTES, provideEOfficeExtension } from '@eoffice/extension';
import { APP_ROUTES } from './app.routes';
import { LazyPdfViewerComponent } from './pdf/lazy-pdf-viewer.component';
import { PhoneNavbarAppService } from './layout/phone-navbar-app.service';
import { SavedSearchesFromPreferencesService } from './saved-searches/saved-searches-from-preferences.service';
import { SharedSessionReadsInterceptor } from './start/shared-session-reads.interceptor';

registerLocaleData(localeHi);

/**
 * The Content App as published on npm (aca-content, aca-shared, ADF), plus the e-Office extension.
 * `app.config.json` (repository address, BASIC auth, languages) is read at start-up by provideAppConfig.
 * What only some pages use is loaded with them: the extension's pages with their routes (EOFFICE_ROUTES),
 * the PDF viewer and pdf.js on the first PDF opened, as aca-content loads its own viewer.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideCoreAuth({ useHash: true }),
    // After ADF's own interceptors (which add the session's Authorization): reads ADF, ACA and the extension
    // each make at start-up go to the repository once (see SharedSessionReadsInterceptor).
    { provide: HTTP_INTERCEPTORS, useClass: SharedSessionReadsInterceptor, multi: true },
    provideAppConfig(),
    importProvidersFrom(ContentServiceExtensionModule),
    provideI18N({ assets: [['app', 'assets']] }),
    provideContentAppExtensions(),
    // On a phone ACA's page header shows its navigation button (see PhoneNavbarAppService).
    { provide: AppService, useClass: PhoneNavbarAppService },
    // PDF scans and documents render in ADF's viewer only with a PDF viewer provided (ADF's providePdfViewer(),
    // loaded on first use).
    { provide: PDF_VIEWER_COMPONENT, useValue: LazyPdfViewerComponent },
    // ACA's saved searches, read through listings so that an officer without any logs no 404 on every page.
    { provide: SavedSearchesService, useClass: SavedSearchesFromPreferencesService },
    ...provideEOfficeExtension(),
    provideRouter(APP_ROUTES, withHashLocation()),
    provideAnimations(),
    // The extension's pages before the Content App's own routes, whose '**' would take /eoffice/... .
    provideShellRoutes([...EOFFICE_ROUTES, ...CONTENT_LAYOUT_ROUTES]),
    { provide: SHELL_APP_SERVICE, useClass: AppService },
    { provide: SHELL_AUTH_TOKEN, useValue: AuthGuard },
    { provide: MAT_SNACK_BAR_DEFAULT_OPTIONS, useValue: { duration: 10000, politeness: 'polite' } },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', floatLabel: 'always', subscriptSizing: 'dynamic' }
    }
  ]
};
