import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuthenticationService } from '@alfresco/adf-core';
import { WebscriptApi } from '@alfresco/js-api';
import { OfficerLanguageService } from './officer-language.service';

describe('OfficerLanguageService', () => {
  let calls: unknown[][];
  let user: string;

  beforeEach(() => {
    calls = [];
    user = 'kavita.joshi';
    spyOn(WebscriptApi.prototype, 'executeWebScript').and.callFake(async (...args: unknown[]) => {
      calls.push(args);
      return {};
    });
    TestBed.configureTestingModule({
      providers: [
        // js-api's own session is not set up under ADF's authentication: the user comes from ADF's.
        {
          provide: AlfrescoApiService,
          useValue: {
            getInstance: () => ({
              getEcmUsername: () => {
                throw new TypeError("reading 'storage'");
              }
            })
          }
        },
        { provide: AuthenticationService, useValue: { isLoggedIn: () => !!user, getUsername: () => user } }
      ]
    });
  });

  it("stores the language as the officer's `locale` preference through ACS's preferences web script, once per language", async () => {
    const service = TestBed.inject(OfficerLanguageService);
    await service.remember('hi');
    await service.remember('hi');
    expect(calls).toEqual([['POST', 'api/people/kavita.joshi/preferences', {}, 'alfresco', 'service', { locale: 'hi' }]]);
    await service.remember('en');
    expect(calls.length).toBe(2);
    expect(calls[1][5]).toEqual({ locale: 'en' });
  });

  it('asks nothing without a signed-in officer, and tries again after a failure', async () => {
    user = '';
    const service = TestBed.inject(OfficerLanguageService);
    await service.remember('hi');
    expect(calls).toEqual([]);
    user = 'kavita.joshi';
    (WebscriptApi.prototype.executeWebScript as jasmine.Spy).and.rejectWith(new Error('503'));
    await service.remember('hi');
    (WebscriptApi.prototype.executeWebScript as jasmine.Spy).and.callFake(async (...args: unknown[]) => {
      calls.push(args);
      return {};
    });
    await service.remember('hi');
    expect(calls.length).toBe(1);
  });
});
