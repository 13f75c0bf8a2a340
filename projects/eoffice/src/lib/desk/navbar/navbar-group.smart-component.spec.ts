import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { provideEnglish } from '../../shared/testing/spec-support.spec';
import { NavbarEntry, NavbarGroupComponent, isActiveEntry } from './navbar-group.smart-component';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class PageStub {}

describe('NavbarGroupComponent', () => {
  const group: NavbarEntry = {
    id: 'eoffice.navbar.records',
    title: 'EOFFICE.RECORDS.NAVBAR.GROUP',
    children: [
      { id: 'eoffice.navbar.records.filePlan', title: 'EOFFICE.RECORDS.NAVBAR.FILE_PLAN', url: '/eoffice/records/file-plan' },
      { id: 'eoffice.navbar.records.due', title: 'EOFFICE.RECORDS.NAVBAR.DUE', url: '/eoffice/records/due' }
    ]
  };

  function render() {
    TestBed.configureTestingModule({
      imports: [NavbarGroupComponent],
      providers: [...provideEnglish(), provideNoopAnimations(), provideRouter([{ path: '**', component: PageStub }])]
    });
    const fixture = TestBed.createComponent(NavbarGroupComponent);
    fixture.componentRef.setInput('group', group);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const entry = (id: string) => element.querySelector<HTMLButtonElement>(`[data-automation-id="${id}"]`)!;
    return { fixture, element, entry };
  }

  it('draws the group in ACA markup, entries without a count or a label of their own by default', () => {
    const { element, entry } = render();
    expect(element.querySelector('.aca-expansion-panel-header-title')?.textContent).toContain('Records');
    expect(entry('eoffice.navbar.records.due').textContent).toContain('Due for disposition');
    expect(entry('eoffice.navbar.records.due').hasAttribute('aria-label')).toBeFalse();
    expect(element.querySelector('.eoffice-navbar-menu__count')).toBeNull();
  });

  it('opens the entry page and marks it as the current one', async () => {
    const { fixture, entry } = render();
    entry('eoffice.navbar.records.due').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(TestBed.inject(Router).url).toBe('/eoffice/records/due');
    expect(entry('eoffice.navbar.records.due').getAttribute('aria-current')).toBe('page');
    expect(entry('eoffice.navbar.records.filePlan').classList).not.toContain('aca-action-button--active');
  });

  it('treats a page below an entry as that entry, not a sibling whose path begins the same', () => {
    expect(isActiveEntry('/eoffice/receipts/inbox', '/eoffice/receipts/inbox')).toBeTrue();
    expect(isActiveEntry('/eoffice/receipts/inbox?page=2', '/eoffice/receipts/inbox')).toBeTrue();
    expect(isActiveEntry('/eoffice/files/inbox', '/eoffice/files')).toBeTrue();
    expect(isActiveEntry('/eoffice/receipts/inboxes', '/eoffice/receipts/inbox')).toBeFalse();
    expect(isActiveEntry('/eoffice/receipts/inbox', undefined)).toBeFalse();
  });
});
