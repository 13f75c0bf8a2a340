import { TestBed } from '@angular/core/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import manifest from '../../../../assets/eoffice.plugin.json';
import { DeskCounts, DeskCountsService } from '../desk-counts.service';
import { NavbarMenuComponent } from './navbar-menu.smart-component';
import { NavbarEntry } from './navbar-group.smart-component';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStub {}

/** The e-Office group as ACA hands it to the component: children in order, each with its url. */
function groupOfManifest(): NavbarEntry {
  const item = manifest.features.navbar[0].items[0] as unknown as Omit<NavbarEntry, 'children'> & {
    children: (NavbarEntry & { route: string })[];
  };
  return { ...item, children: item.children.map((child) => ({ ...child, url: `/${child.route}` })) };
}

describe('NavbarMenuComponent', () => {
  const counts = signal<DeskCounts>({});
  let refresh: jasmine.Spy;
  let refreshIfStale: jasmine.Spy;

  beforeEach(() => {
    counts.set({});
    refresh = jasmine.createSpy('refresh').and.resolveTo();
    refreshIfStale = jasmine.createSpy('refreshIfStale').and.resolveTo();
    TestBed.configureTestingModule({
      imports: [NavbarMenuComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        provideRouter([{ path: '**', component: PageStub }]),
        { provide: DeskCountsService, useValue: { counts: counts.asReadonly(), refresh, refreshIfStale } }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
  });

  function render() {
    const fixture = TestBed.createComponent(NavbarMenuComponent);
    // as ADF's DynamicExtensionComponent does it: an assignment, not an input binding
    fixture.componentInstance.data = { item: groupOfManifest() };
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const entry = (id: string) => element.querySelector<HTMLButtonElement>(`[data-automation-id="${id}"]`)!;
    const countOf = (id: string) => element.querySelector(`[data-automation-id="${id}.count"]`)?.textContent?.trim();
    return { fixture, element, entry, countOf };
  }

  it('shows every entry of the group, in order, with its title', () => {
    const { element } = render();
    const titles = Array.from(element.querySelectorAll('.aca-expansion-panel-body button')).map((b) => b.textContent!.trim());
    expect(titles[0]).toBe('Search');
    expect(titles).toContain('Receipts: Inbox');
    expect(titles).toContain('Files: Parked');
    expect(titles.length).toBe(groupOfManifest().children!.length);
    expect(element.querySelector('[data-automation-id="eoffice.navbar.menu"]')?.textContent).toContain('e-Office');
  });

  it('puts the count beside the inboxes, grouped as officers read numbers, and none beside an empty list', () => {
    counts.set({ 'eoffice.navbar.receipts.inbox': 12, 'eoffice.navbar.files.inbox': 123456, 'eoffice.navbar.files.parked': 0 });
    const { fixture, entry, countOf } = render();
    fixture.detectChanges();
    expect(countOf('eoffice.navbar.receipts.inbox')).toBe('12');
    expect(countOf('eoffice.navbar.files.inbox')).toBe('1,23,456');
    expect(countOf('eoffice.navbar.files.parked')).toBeUndefined();
    expect(countOf('eoffice.navbar.receipts.created')).toBeUndefined();
    expect(entry('eoffice.navbar.receipts.inbox').getAttribute('aria-label')).toBe('Receipts: Inbox, 12 waiting');
    expect(entry('eoffice.navbar.receipts.created').getAttribute('aria-label')).toBe('Receipts: Created');
  });

  it('changes a count as soon as it is read again (after a movement)', () => {
    counts.set({ 'eoffice.navbar.files.inbox': 3 });
    const { fixture, countOf } = render();
    expect(countOf('eoffice.navbar.files.inbox')).toBe('3');
    counts.set({ 'eoffice.navbar.files.inbox': 2 });
    fixture.detectChanges();
    expect(countOf('eoffice.navbar.files.inbox')).toBe('2');
  });

  it('reads the counts when it appears and again on moving to another e-Office page', async () => {
    const { fixture } = render();
    expect(refresh).toHaveBeenCalledTimes(1);
    await TestBed.inject(Router).navigateByUrl('/personal-files');
    expect(refreshIfStale).not.toHaveBeenCalled();
    await TestBed.inject(Router).navigateByUrl('/eoffice/files/inbox');
    fixture.detectChanges();
    expect(refreshIfStale).toHaveBeenCalledTimes(1);
  });

  it('opens the entry page and marks it as the current one', async () => {
    const { fixture, entry } = render();
    entry('eoffice.navbar.files.inbox').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(TestBed.inject(Router).url).toBe('/eoffice/files/inbox');
    expect(entry('eoffice.navbar.files.inbox').classList).toContain('aca-action-button--active');
    expect(entry('eoffice.navbar.files.inbox').getAttribute('aria-current')).toBe('page');
    expect(entry('eoffice.navbar.receipts.inbox').classList).not.toContain('aca-action-button--active');
  });

  it('says the count in Hindi too', async () => {
    counts.set({ 'eoffice.navbar.receipts.inbox': 4 });
    const { fixture, entry } = render();
    TestBed.inject(TranslateService).use('hi');
    await fixture.whenStable();
    fixture.detectChanges();
    expect(entry('eoffice.navbar.receipts.inbox').textContent).toContain('आवतियाँ: इनबॉक्स');
    expect(entry('eoffice.navbar.receipts.inbox').getAttribute('aria-label')).toBe('आवतियाँ: इनबॉक्स, 4 लंबित');
  });
});
