// What most specs give TestBed (a .spec file so the library build leaves it out): the app's English
// words, the Content App's page layout service, and an ADF api whose js-api instance a spec fills itself;
// and a read a spec answers when it likes, to look at the page while it is still loading.
import { EnvironmentProviders, Provider, inject, provideAppInitializer } from '@angular/core';
import { AppService } from '@alfresco/aca-shared';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AlfrescoApi } from '@alfresco/js-api';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { BehaviorSubject, Subject } from 'rxjs';
import en from '../../../../assets/i18n/en.json';

/** ngx-translate with the app's English strings in use, as an officer first meets the app (a spec may add Hindi). */
export function provideEnglish(): (Provider | EnvironmentProviders)[] {
  return [
    provideTranslateService({ fallbackLang: 'en' }),
    provideAppInitializer(() => {
      const translate = inject(TranslateService);
      translate.setTranslation('en', en);
      translate.use('en');
    })
  ];
}

/** The Content App's AppService as <aca-page-layout> reads it: the navbar expanded, never toggled. */
export function providePageLayout(): Provider {
  return { provide: AppService, useValue: { appNavNarMode$: new BehaviorSubject('expanded'), toggleAppNavBar$: new Subject<void>() } };
}

/**
 * ADF's AlfrescoApiService handing out `instance` as the js-api: the services under test build their
 * NodesApi, SearchApi … on it, and the specs stub those on their prototypes (or give the client here).
 */
export function provideJsApi(instance: object = {}): Provider {
  return { provide: AlfrescoApiService, useValue: { getInstance: () => instance as AlfrescoApi } };
}

/** A read the test answers (or refuses) when it likes: what the page shows meanwhile is what is checked. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
