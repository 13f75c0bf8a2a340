import { TestBed } from '@angular/core/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { Notice } from '@eoffice/domain';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import manifest from '../../../../assets/eoffice.plugin.json';
import { EOFFICE_NOTICES_BELL_COMPONENT } from '../../eoffice.module';
import { NoticesService } from '../notices.service';
import { OfficerLanguageService } from '../officer-language.service';
import { NoticeMailChoice, NoticeMailService } from '../notice-mail.service';
import { NoticesBellSmartComponent } from './notices-bell.smart-component';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStub {}

const notice = (id: string, over: Partial<Notice> = {}): Notice => ({
  id,
  kind: 'send',
  itemId: `item-${id}`,
  itemType: 'file',
  itemNumber: `A-11011/${id}/2026-EST`,
  subject: 'Leave rules',
  from: { en: 'Section Officer (Establishment)', hi: 'अनुभाग अधिकारी (स्थापना)' },
  at: '2026-12-06T09:30:00.000+0000',
  read: false,
  ...over
});

describe('NoticesBellSmartComponent', () => {
  const unread = signal(0);
  const latest = signal<Notice[]>([]);
  let refresh: jasmine.Spy;
  let refreshIfStale: jasmine.Spy;
  let markRead: jasmine.Spy;
  let remember: jasmine.Spy;
  const mailChoice = signal<NoticeMailChoice>('each');
  let readMail: jasmine.Spy;
  let choose: jasmine.Spy;

  beforeEach(() => {
    unread.set(0);
    latest.set([]);
    refresh = jasmine.createSpy('refresh').and.resolveTo();
    refreshIfStale = jasmine.createSpy('refreshIfStale').and.resolveTo();
    markRead = jasmine.createSpy('markRead').and.resolveTo();
    remember = jasmine.createSpy('remember').and.resolveTo();
    mailChoice.set('each');
    readMail = jasmine.createSpy('read').and.resolveTo();
    choose = jasmine.createSpy('choose').and.callFake(async (c: NoticeMailChoice) => mailChoice.set(c));
    TestBed.configureTestingModule({
      imports: [NoticesBellSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        provideRouter([{ path: '**', component: PageStub }]),
        {
          provide: NoticesService,
          useValue: { unread: unread.asReadonly(), latest: latest.asReadonly(), refresh, refreshIfStale, markRead }
        },
        { provide: OfficerLanguageService, useValue: { remember } },
        { provide: NoticeMailService, useValue: { choice: mailChoice.asReadonly(), read: readMail, choose } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  function render() {
    const fixture = TestBed.createComponent(NoticesBellSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const bell = () => element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice.notices.bell"]')!;
    const openMenu = () => {
      bell().click();
      fixture.detectChanges();
    };
    const rows = () =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('.eoffice-notices-menu [data-automation-id^="eoffice.notice."]'));
    return { fixture, element, bell, openMenu, rows };
  }

  /** A row's two lines: the item and what happened; from whom and when. */
  const lines = (row: HTMLElement) =>
    Array.from(row.querySelectorAll('.eoffice-notices-menu__line, .eoffice-notices-menu__meta')).map((l) =>
      (l.textContent ?? '').replace(/\s+/g, ' ').trim()
    );

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('is what the manifest puts in the header, in place of the notification center', () => {
    const header = (manifest.features as { header?: { id: string; component: string }[] }).header ?? [];
    expect(header).toContain(jasmine.objectContaining({ id: 'app.header.notification-center', component: EOFFICE_NOTICES_BELL_COMPONENT }));
  });

  it('reads the notices when it appears, and again on navigation when they are stale', async () => {
    render();
    expect(refresh).toHaveBeenCalledTimes(1);
    await TestBed.inject(Router).navigateByUrl('/eoffice/files/inbox');
    expect(refreshIfStale).toHaveBeenCalled();
  });

  it('shows the unread count on the bell and says it to a screen reader; no badge when all is read', () => {
    const { fixture, element, bell } = render();
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(element.querySelector('.mat-badge-hidden')).not.toBeNull();
    unread.set(1234);
    fixture.detectChanges();
    expect(element.querySelector('.mat-badge-content')?.textContent?.trim()).toBe('1,234');
    expect(bell().getAttribute('aria-label')).toBe('Notifications: 1,234 unread');
    expect(element.querySelector('.mat-badge-hidden')).toBeNull();
  });

  it('lists item number, what happened, from whom and when, unread ones in bold; in Hindi too', () => {
    latest.set([notice('1'), notice('2', { kind: 'copy', read: true })]);
    unread.set(1);
    const { fixture, openMenu, rows } = render();
    openMenu();
    expect(rows().map(lines)).toEqual([
      ['A-11011/1/2026-EST · Sent to you', 'From Section Officer (Establishment) · 06/12/2026 15:00'],
      ['A-11011/2/2026-EST · Copy for information', 'From Section Officer (Establishment) · 06/12/2026 15:00']
    ]);
    expect(rows().map((r) => r.classList.contains('eoffice-notices-menu__unread'))).toEqual([true, false]);
    TestBed.inject(TranslateService).use('hi');
    fixture.detectChanges();
    expect(lines(rows()[0])).toEqual(['A-11011/1/2026-EST · आपको भेजी गई', 'अनुभाग अधिकारी (स्थापना) से · 06/12/2026 15:00']);
  });

  it('tells of a due date reached and of the norm passed, which come from nobody', () => {
    latest.set([notice('1', { kind: 'due' }), notice('2', { kind: 'overdue' })]);
    const { openMenu, rows } = render();
    openMenu();
    expect(rows().map(lines)).toEqual([
      ['A-11011/1/2026-EST · Due date reached', '06/12/2026 15:00'],
      ['A-11011/2/2026-EST · Beyond the norm of working days', '06/12/2026 15:00']
    ]);
  });

  it('says so when nothing has come', () => {
    const { openMenu } = render();
    openMenu();
    expect(document.querySelector('[data-automation-id="eoffice.notices.empty"]')?.textContent?.trim()).toBe('Nothing new has reached you');
  });

  it('opening a notice marks it read and opens its item (a receipt or a file)', async () => {
    latest.set([notice('1'), notice('2', { itemType: 'receipt', itemId: 'r9' })]);
    const { openMenu, rows, fixture } = render();
    const router = TestBed.inject(Router);
    const go = spyOn(router, 'navigateByUrl').and.resolveTo(true);
    openMenu();
    rows()[1].click();
    await fixture.whenStable();
    expect(markRead).toHaveBeenCalledWith(latest()[1]);
    expect(go).toHaveBeenCalledWith('/eoffice/receipts/r9');
    markRead.and.rejectWith(new Error('403'));
    openMenu();
    rows()[0].click();
    await fixture.whenStable();
    expect(go).toHaveBeenCalledWith('/eoffice/files/item-1');
  });

  it('offers the daily digest: the officer picks how he is mailed, in English and Hindi, and the stored choice is checked', async () => {
    const { openMenu, fixture } = render();
    expect(readMail).toHaveBeenCalled();
    openMenu();
    const choice = (c: string) => document.querySelector<HTMLButtonElement>(`[data-automation-id="eoffice.notices.mail.${c}"]`)!;
    expect(choice('each').getAttribute('aria-checked')).toBe('true');
    expect(choice('daily').textContent).toContain('One daily digest instead');
    choice('daily').click();
    await fixture.whenStable();
    expect(choose).toHaveBeenCalledWith('daily');
    TestBed.inject(TranslateService).use('hi');
    openMenu();
    expect(choice('daily').getAttribute('aria-checked')).toBe('true');
    expect(choice('both').textContent).toContain('हर सूचना पर और प्रतिदिन एक सारांश');
  });

  it("tells the repository the officer's language when he changes it, so his mails follow", () => {
    render();
    TestBed.inject(TranslateService).use('hi');
    expect(remember).toHaveBeenCalledWith('hi');
  });
});
