import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideEnglish } from '../../shared/testing/spec-support.spec';
import { PeriodFieldsUiComponent, StepPeriod } from './period-fields.ui-component';

describe('PeriodFieldsUiComponent', () => {
  function render(value: StepPeriod, withFrom = false) {
    TestBed.configureTestingModule({ imports: [PeriodFieldsUiComponent], providers: [...provideEnglish(), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(PeriodFieldsUiComponent);
    fixture.componentRef.setInput('value', value);
    fixture.componentRef.setInput('withFrom', withFrom);
    fixture.componentRef.setInput('automationId', 'eoffice-records-edit');
    const changes: Partial<StepPeriod>[] = [];
    fixture.componentInstance.periodChange.subscribe((c) => changes.push(c));
    fixture.detectChanges();
    const q = (id: string) =>
      (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-automation-id="eoffice-records-edit-${id}"]`);
    return { fixture, q, changes };
  }

  it('asks how many, and from when where the form wants it, only for a counted period', async () => {
    const immediately = render({ period: 'immediately', periodAmount: null, periodProperty: 'cm:created' }, true);
    expect(immediately.q('period')).not.toBeNull();
    expect(immediately.q('amount')).toBeNull();
    expect(immediately.q('from')).toBeNull();
    TestBed.resetTestingModule();
    const years = render({ period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate' }, true);
    await years.fixture.whenStable();
    years.fixture.detectChanges();
    expect((years.q('amount') as HTMLInputElement).value).toBe('5');
    expect(years.q('from')?.textContent).toContain('cut-off');
    TestBed.resetTestingModule();
    expect(render({ period: 'year', periodAmount: 5 }).q('from')).toBeNull();
  });

  it('hands back what the officer changed: a number of periods, or none when the field is cleared', async () => {
    const { fixture, q, changes } = render({ period: 'year', periodAmount: 5 });
    await fixture.whenStable();
    const amount = q('amount') as HTMLInputElement;
    amount.value = '7';
    amount.dispatchEvent(new Event('input'));
    amount.value = '';
    amount.dispatchEvent(new Event('input'));
    expect(changes).toEqual([{ periodAmount: 7 }, { periodAmount: null }]);
  });
});
