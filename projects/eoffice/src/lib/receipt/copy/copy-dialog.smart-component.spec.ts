import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Hierarchy } from '@eoffice/domain';
import { DeskService } from '../../desk/desk.service';
import { MovementService } from '../../movement/services/movement.service';
import { registryHierarchy } from '../mock/receipt.mock';
import { CopyDialogSmartComponent } from './copy-dialog.smart-component';
import { provideEnglish } from '../../shared/testing/spec-support.spec';

/** The registry's department with a second dealing hand beside the Central Registry clerk. */
const hierarchy: Hierarchy = {
  ...registryHierarchy,
  posts: [
    ...registryHierarchy.posts,
    {
      code: 'ASO_ADM',
      level: 1,
      section: 'ADM',
      reportsTo: 'SO_ADM',
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      incumbent: 'ravi.kumar'
    }
  ]
};

describe('CopyDialogSmartComponent', () => {
  let act: jasmine.Spy;
  let close: jasmine.Spy;

  beforeEach(() => {
    act = jasmine.createSpy('act').and.resolveTo(undefined);
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [CopyDialogSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { receiptId: 'receipt-12', label: '12/2026/EST-GAD – Leave', holder: 'GROUP_EO_GAD_CRU' } },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
        { provide: MovementService, useValue: { act } },
        {
          provide: DeskService,
          useValue: { desk: async () => ({ hierarchy, posts: ['GROUP_EO_GAD_CRU'], postEntries: [hierarchy.posts[1]] }) }
        }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(CopyDialogSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, component: fixture.componentInstance, element: fixture.nativeElement as HTMLElement };
  }

  it('offers the posts of the holder\'s channel of submission, with the remarks set to "For information"', async () => {
    const { component } = await render();

    expect(component.options().map((o) => [o.code, o.allowed])).toContain(['SO_ADM', true]);
    expect(component.options().map((o) => o.code)).toContain('ASO_ADM');
    expect(component.form.controls.remarks.value).toBe('For information');
  });

  it('asks, next to the field, for the officers who get copies, and sends nothing', async () => {
    const { fixture, component, element } = await render();
    await component.submit();
    fixture.detectChanges();

    expect(element.querySelector('[data-test="copy-to-error"]')?.textContent).toContain('at least one officer');
    expect(act).not.toHaveBeenCalled();
  });

  it('by default the officer keeps the receipt and only the copies go (the workflow’s copy action)', async () => {
    const { component } = await render();
    component.form.controls.copyTo.setValue(['ASO_ADM']);
    await component.submit();

    expect(act).toHaveBeenCalledOnceWith('receipt-12', { action: 'copy', copyTo: ['ASO_ADM'], remarks: 'For information' });
    expect(close).toHaveBeenCalledOnceWith(true);
  });

  it('sends the receipt for action with copies to the others, never a copy to the one who acts on it', async () => {
    const { component } = await render();
    component.form.controls.copyTo.setValue(['ASO_ADM', 'SO_ADM']);
    component.form.controls.to.setValue('SO_ADM');

    expect(component.form.controls.copyTo.value).toEqual(['ASO_ADM']);
    await component.submit();

    expect(act).toHaveBeenCalledOnceWith('receipt-12', { action: 'send', to: 'SO_ADM', copyTo: ['ASO_ADM'], remarks: 'For information' });
    expect(close).toHaveBeenCalledOnceWith(true);
  });

  it("shows the repository's refusal in the officer's words and stays open", async () => {
    act.and.rejectWith({
      status: 500,
      response: { body: { error: { briefSummary: 'Workflow script failed … Error: The item is parked: take it out of park first' } } }
    });
    const { fixture, component, element } = await render();
    component.form.controls.copyTo.setValue(['ASO_ADM']);
    component.form.controls.to.setValue('SO_ADM');
    await component.submit();
    fixture.detectChanges();

    expect(element.querySelector('[data-test="copy-refusal"]')?.textContent).toContain('The item is parked: take it out of park first');
    expect(close).not.toHaveBeenCalled();
  });
});
