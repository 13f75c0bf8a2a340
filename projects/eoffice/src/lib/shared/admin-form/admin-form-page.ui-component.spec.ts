import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ReactiveFormsModule } from '@angular/forms';
import en from '../../../../assets/i18n/en.json';
import { provideEnglish, providePageLayout } from '../testing/spec-support.spec';
import { AdminFormPageUiComponent } from './admin-form-page.ui-component';
import { OfficerFieldUiComponent, officerControl } from './officer-field.ui-component';

/** A page as the charge and link pages use the skeleton: a form with an officer field, then a list. */
@Component({
  imports: [AdminFormPageUiComponent, OfficerFieldUiComponent, ReactiveFormsModule],
  template: `
    <eoffice-admin-form-page
      title="EOFFICE.LINK.TITLE"
      loadFailed="EOFFICE.LINK.LOAD_FAILED"
      testId="demo"
      [loading]="loading()"
      [failed]="failed()"
      [refusal]="refusal()"
      [done]="done()"
      (retry)="retried = retried + 1">
      <eoffice-officer-field [control]="officer" label="EOFFICE.LINK.OFFICER" testId="demo-officer" />
      <p eofficeAfterStatus data-test="demo-after">after</p>
    </eoffice-admin-form-page>
  `
})
class DemoPageComponent {
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly refusal = signal('');
  readonly done = signal('');
  readonly officer = officerControl();
  retried = 0;
}

describe('AdminFormPageUiComponent and OfficerFieldUiComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DemoPageComponent],
      providers: [provideNoopAnimations(), providePageLayout(), provideEnglish()]
    });
  });

  const q = (el: HTMLElement, test: string) => el.querySelector<HTMLElement>(`[data-test="${test}"]`);

  it('shows the form, then the refusal and what was done, then what follows them, in that order', async () => {
    const fixture = TestBed.createComponent(DemoPageComponent);
    fixture.componentInstance.refusal.set('No user x.y');
    fixture.componentInstance.done.set('Done.');
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toContain(en.EOFFICE.LINK.TITLE);
    const order = ['demo-officer', 'demo-refusal', 'demo-done', 'demo-after'].map((t) => q(el, t));
    expect(order.every((n) => !!n)).toBeTrue();
    for (let i = 1; i < order.length; i++)
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(q(el, 'demo-refusal')?.getAttribute('role')).toBe('alert');
  });

  it('a failed read hides the form and offers to read again', async () => {
    const fixture = TestBed.createComponent(DemoPageComponent);
    fixture.componentInstance.failed.set(true);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain(en.EOFFICE.LINK.LOAD_FAILED);
    expect(q(el, 'demo-officer')).toBeNull();
    el.querySelector<HTMLButtonElement>('button')!.click();
    expect(fixture.componentInstance.retried).toBe(1);
  });

  it('an officer is named by one user name: a name with spaces is not one', () => {
    const control = officerControl();
    control.setValue('suresh yadav');
    expect(control.hasError('pattern')).toBeTrue();
    control.setValue('suresh.yadav');
    expect(control.valid).toBeTrue();
    expect(officerControl(true).valid).toBeTrue();
    expect(officerControl().valid).toBeFalse();
  });
});
