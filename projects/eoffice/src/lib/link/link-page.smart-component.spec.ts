import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { Hierarchy } from '@eoffice/domain';
import en from '../../../assets/i18n/en.json';
import { providePageLayout } from '../shared/testing/spec-support.spec';
import { LinkPageSmartComponent } from './link-page.smart-component';
import { LinkService } from './link.service';

describe('LinkPageSmartComponent', () => {
  let service: jasmine.SpyObj<LinkService>;

  beforeEach(() => {
    service = jasmine.createSpyObj<LinkService>('LinkService', ['choices', 'name', 'named', 'end', 'held', 'exists']);
    service.choices.and.resolveTo({
      me: 'priya.nair',
      admin: false,
      hierarchy: {} as Hierarchy,
      posts: [{ code: 'SO_EST', title: 'Priya Nair (Section Officer, Establishment)' }]
    });
    service.named.and.resolveTo([]);
    service.held.and.resolveTo([{ post: 'Section Officer (Administration)', forUser: 'suresh.yadav', until: '2026-12-31' }]);
    service.exists.and.resolveTo(true);
    service.name.and.resolveTo();
    service.end.and.resolveTo();
    TestBed.configureTestingModule({
      imports: [LinkPageSmartComponent],
      providers: [
        provideNoopAnimations(),
        providePageLayout(),
        provideTranslateService({ fallbackLang: 'en' }),
        { provide: LinkService, useValue: service }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  async function render() {
    const fixture = TestBed.createComponent(LinkPageSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const q = (el: HTMLElement, test: string) => el.querySelector<HTMLElement>(`[data-test="${test}"]`);

  it('names a link officer for her own post until the day she gives, then lists the link she may end', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    expect(fixture.componentInstance.form.controls.post.value).toBe('SO_EST');
    expect(q(el, 'link-for')).toBeNull();
    expect(q(el, 'link-held')?.textContent).toContain('Section Officer (Administration) for suresh.yadav, until 31/12/2026');

    service.named.and.resolveTo([
      { taskId: 't1', label: 'suresh.yadav for priya.nair, Section Officer (Establishment), until 31/12/2999' }
    ]);
    fixture.componentInstance.form.patchValue({ officer: 'suresh.yadav', until: '2999-12-31' });
    q(el, 'link-name')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(service.name).toHaveBeenCalledOnceWith({
      post: 'SO_EST',
      officer: 'suresh.yadav',
      from: undefined,
      until: '2999-12-31',
      forUser: undefined
    });
    expect(q(el, 'link-done')?.textContent).toContain('suresh.yadav is your link officer');
    q(el, 'link-end')!.click();
    await fixture.whenStable();

    expect(service.end).toHaveBeenCalledOnceWith('t1');
  });

  it('names one from a later day: the repository is asked for that first day, and the page says from when', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.patchValue({ officer: 'suresh.yadav', from: '2999-12-01', until: '2999-12-31' });
    q(el, 'link-name')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(service.name).toHaveBeenCalledOnceWith({
      post: 'SO_EST',
      officer: 'suresh.yadav',
      from: '2999-12-01',
      until: '2999-12-31',
      forUser: undefined
    });
    expect(q(el, 'link-done')?.textContent).toContain('suresh.yadav is your link officer from 01/12/2999');
  });

  it('refuses a first day after the last before asking the repository', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.patchValue({ officer: 'suresh.yadav', from: '2999-12-31', until: '2999-12-01' });
    q(el, 'link-name')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(q(el, 'link-until-error')?.textContent).toContain(en.EOFFICE.LINK.BEFORE_FROM);
    expect(service.name).not.toHaveBeenCalled();
  });

  it('refuses a last day already over before asking the repository', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    fixture.componentInstance.form.patchValue({ officer: 'suresh.yadav', until: '2000-01-01' });
    q(el, 'link-name')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(q(el, 'link-until-error')?.textContent).toContain(en.EOFFICE.LINK.PAST);
    expect(service.name).not.toHaveBeenCalled();
  });
});
