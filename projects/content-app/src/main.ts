import { bootstrapApplication } from '@angular/platform-browser';
import { EOFFICE_ROUTES } from '@eoffice/extension';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';
import { prefetchPage } from './app/start/prefetch-page';

// A new tab opened on an e-Office page fetches that page's code while the app starts (see prefetchPage).
void prefetchPage(EOFFICE_ROUTES, location.hash);
bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
