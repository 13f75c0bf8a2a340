import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AuthenticationService } from '@alfresco/adf-core';
import { WebscriptApi } from '@alfresco/js-api';
import { NoticeMailService } from './notice-mail.service';

describe('NoticeMailService', () => {
  let calls: unknown[][];
  let stored: unknown;
  let user: string;

  beforeEach(() => {
    calls = [];
    stored = {};
    user = 'priya.nair';
    spyOn(WebscriptApi.prototype, 'executeWebScript').and.callFake(async (...args: unknown[]) => {
      calls.push(args);
      if (args[0] === 'POST' && String(args[5] && JSON.stringify(args[5])).includes('refuse')) throw new Error('403');
      return args[0] === 'GET' ? stored : {};
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({}) } },
        { provide: AuthenticationService, useValue: { isLoggedIn: () => !!user, getUsername: () => user } }
      ]
    });
  });

  it("reads the officer's eoffice.notices.mail preference through ACS's preferences web script; none is a mail per notice", async () => {
    const service = TestBed.inject(NoticeMailService);
    await service.read();
    expect(service.choice()).toBe('each');
    expect(calls[0]).toEqual(['GET', 'api/people/priya.nair/preferences', { pf: 'eoffice.notices.mail' }, 'alfresco', 'service']);
    stored = { eoffice: { notices: { mail: 'daily' } } };
    await service.read();
    expect(service.choice()).toBe('daily');
  });

  it('stores the choice as the workflow reads it, and shows it only once stored', async () => {
    const service = TestBed.inject(NoticeMailService);
    await service.choose('both');
    expect(calls[0]).toEqual([
      'POST',
      'api/people/priya.nair/preferences',
      {},
      'alfresco',
      'service',
      { eoffice: { notices: { mail: 'both' } } }
    ]);
    expect(service.choice()).toBe('both');
    await expectAsync(service.choose('refuse' as never)).toBeRejected();
    expect(service.choice()).toBe('both');
  });

  it('asks nothing without a signed-in officer', async () => {
    user = '';
    const service = TestBed.inject(NoticeMailService);
    await service.read();
    await service.choose('daily');
    expect(calls).toEqual([]);
  });
});
