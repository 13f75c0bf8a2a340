import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { ChargePreview } from '@eoffice/domain';
import en from '../../../assets/i18n/en.json';
import { providePageLayout } from '../shared/testing/spec-support.spec';
import { ChargePageSmartComponent } from './charge-page.smart-component';
import { ChargeService, ChargeState } from './charge.service';

const empty = (): ChargePreview => ({ inbox: [], parked: [], created: [], approvals: [], drafts: [], dispatches: [] });

const state: ChargeState = {
  post: 'SO_EST',
  holders: ['priya.nair'],
  preview: {
    ...empty(),
    inbox: [
      { id: 'r1', number: '1/2026/EST-GAD', subject: 'Representation', detail: '' },
      { id: 'f1', number: 'A-11011/1/2026-EST-GAD', subject: 'Leave rules', detail: '' }
    ],
    parked: [{ id: 'f2', number: 'A-11011/2/2026-EST-GAD', subject: 'Court case', detail: '' }],
    drafts: [{ id: 'n1', number: 'A-11011/1/2026-EST-GAD', subject: 'Leave rules', detail: 'Draft note' }]
  },
  truncated: []
};

describe('ChargePageSmartComponent', () => {
  let service: jasmine.SpyObj<ChargeService>;

  beforeEach(() => {
    service = jasmine.createSpyObj<ChargeService>('ChargeService', ['isAdmin', 'posts', 'preview', 'exists', 'transfer']);
    service.isAdmin.and.resolveTo(true);
    service.posts.and.resolveTo([
      { code: 'SO_EST', group: 'GROUP_EO_GAD_SO_EST', title: 'Priya Nair (Section Officer, Establishment)' },
      { code: 'US_EST', group: 'GROUP_EO_GAD_US_EST', title: 'Kavita Joshi (Under Secretary, Establishment)' }
    ]);
    service.preview.and.resolveTo(state);
    service.exists.and.resolveTo(true);
    service.transfer.and.resolveTo();
    TestBed.configureTestingModule({
      imports: [ChargePageSmartComponent],
      providers: [
        provideNoopAnimations(),
        providePageLayout(),
        provideRouter([]),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: ChargeService, useValue: service }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  async function render() {
    const fixture = TestBed.createComponent(ChargePageSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  async function settle(fixture: Awaited<ReturnType<typeof render>>) {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const q = (el: HTMLElement, test: string) => el.querySelector<HTMLElement>(`[data-test="${test}"]`);

  it('tells an officer who is not an administrator that only one may transfer charge, with no form', async () => {
    service.isAdmin.and.resolveTo(false);
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;

    expect(q(el, 'charge-not-admin')?.textContent).toContain(en.EOFFICE.CHARGE.ADMIN_ONLY);
    expect(q(el, 'charge-post')).toBeNull();
  });

  it('shows what passes, kind by kind, then transfers exactly what was shown', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.setValue({ post: 'SO_EST', to: 'anjali.sen', on: '', nameHi: 'अंजलि सेन' });
    q(el, 'charge-preview')!.click();
    await settle(fixture);

    expect(service.preview).toHaveBeenCalledOnceWith('SO_EST');
    expect(q(el, 'charge-summary')?.textContent).toContain('Priya Nair (Section Officer, Establishment) is held by priya.nair.');
    const count = (kind: string) => q(el, `charge-kind-${kind}`)?.querySelector('[data-test="charge-count"]')?.textContent?.trim();
    expect(count('inbox')).toBe('2');
    expect(count('parked')).toBe('1');
    expect(count('drafts')).toBe('1');
    expect(count('dispatches')).toBe('0');
    expect(q(el, 'charge-kind-drafts')?.textContent).toContain('(Draft note)');
    expect(q(el, 'charge-transfer')?.textContent).toContain('Transfer charge (4 items)');

    q(el, 'charge-transfer')!.click();
    await settle(fixture);

    expect(service.transfer).toHaveBeenCalledOnceWith({ post: 'SO_EST', to: 'anjali.sen', on: undefined, nameHi: 'अंजलि सेन' });
    expect(q(el, 'charge-done')?.textContent).toContain('Charge of Priya Nair (Section Officer, Establishment) transferred to anjali.sen.');
    expect(q(el, 'charge-summary')).toBeNull();
  });

  it('drops the preview when the request changes, so nothing unseen is transferred', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.setValue({ post: 'SO_EST', to: 'anjali.sen', on: '', nameHi: '' });
    q(el, 'charge-preview')!.click();
    await settle(fixture);
    fixture.componentInstance.form.controls.to.setValue('someone.else');
    await settle(fixture);

    expect(q(el, 'charge-transfer')).toBeNull();
    expect(service.transfer).not.toHaveBeenCalled();
  });

  it('names an unknown officer and a day still to come before asking the repository', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    service.exists.and.resolveTo(false);
    fixture.componentInstance.form.setValue({ post: 'SO_EST', to: 'nobody', on: '', nameHi: '' });
    q(el, 'charge-preview')!.click();
    await settle(fixture);

    expect(q(el, 'charge-refusal')?.textContent).toContain('There is no user nobody.');
    fixture.componentInstance.form.setValue({ post: 'SO_EST', to: 'anjali.sen', on: '2999-01-01', nameHi: '' });
    q(el, 'charge-preview')!.click();
    await settle(fixture);

    expect(q(el, 'charge-on-error')?.textContent).toContain(en.EOFFICE.CHARGE.FUTURE);
    expect(service.preview).not.toHaveBeenCalled();
  });

  it('shows the repository’s reason when it refuses the transfer, and keeps the preview', async () => {
    service.transfer.and.rejectWith({
      status: 500,
      message: JSON.stringify({
        error: {
          briefSummary: '06000072 Workflow script failed: Error: anjali.sen already holds Section Officer (Establishment) (AlfrescoJS#12)'
        }
      })
    });
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.setValue({ post: 'SO_EST', to: 'anjali.sen', on: '', nameHi: '' });
    q(el, 'charge-preview')!.click();
    await settle(fixture);
    q(el, 'charge-transfer')!.click();
    await settle(fixture);

    expect(q(el, 'charge-refusal')?.textContent?.trim()).toBe('anjali.sen already holds Section Officer (Establishment)');
    expect(q(el, 'charge-summary')).not.toBeNull();
  });
});
