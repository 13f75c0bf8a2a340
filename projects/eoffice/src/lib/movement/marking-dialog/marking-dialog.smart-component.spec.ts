import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import { DeskService } from '../../desk/desk.service';
import { parseHierarchy } from '../../domain';
import { MovementRefusal } from '../model/movement.model';
import { MovementService } from '../services/movement.service';
import { MarkingDialogData, MarkingDialogSmartComponent } from './marking-dialog.smart-component';

const hierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
  posts: [
    { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' } },
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' }
  ]
});

describe('MarkingDialogSmartComponent', () => {
  let act: jasmine.Spy;
  let close: jasmine.Spy;

  function render(data: Partial<MarkingDialogData> = {}) {
    act = jasmine.createSpy('act').and.resolveTo();
    close = jasmine.createSpy('close');
    TestBed.configureTestingModule({
      imports: [MarkingDialogSmartComponent],
      providers: [
        provideTranslateService({ fallbackLang: 'en' }),
        provideNoopAnimations(),
        {
          provide: MAT_DIALOG_DATA,
          useValue: { itemId: 'f1', itemKind: 'file', label: 'A-1/1/2026-Est.', action: 'send', holder: 'GROUP_EO_GAD_SO_EST', ...data }
        },
        { provide: MatDialogRef, useValue: { close, disableClose: false } },
        { provide: MovementService, useValue: { act } },
        {
          provide: DeskService,
          useValue: { desk: async () => ({ hierarchy, posts: ['GROUP_EO_GAD_SO_EST'], postEntries: [hierarchy.posts[1]] }) }
        }
      ]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
    const fixture = TestBed.createComponent(MarkingDialogSmartComponent);
    fixture.detectChanges();
    return fixture;
  }

  it('will not send without a recipient, and says so next to the field', async () => {
    const fixture = render();
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(act).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain('Choose the post to send to');
  });

  it('Send back names the post it returns the item to before the officer confirms', async () => {
    const fixture = render({ action: 'sendBack', sendBackTo: 'Assistant Section Officer (Establishment)' });
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[data-test="marking-send-back-to"]')?.textContent).toContain(
      'Sends the file back to Assistant Section Officer (Establishment), who sent it to you'
    );
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledWith('f1', jasmine.objectContaining({ action: 'sendBack' }));
  });

  it('refuses a due date in the past before asking the repository', async () => {
    const fixture = render();
    fixture.componentInstance.form.patchValue({ to: 'US_EST', dueDate: '2020-01-01' });
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(act).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain('The due date cannot be in the past');
  });

  it('sends to the chosen post and closes with success', async () => {
    const fixture = render();
    await fixture.whenStable();
    expect(fixture.componentInstance.options()[0].code).toBe('US_EST');
    fixture.componentInstance.form.patchValue({ to: 'US_EST', remarks: 'For approval' });
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledOnceWith(
      'f1',
      jasmine.objectContaining({ action: 'send', to: 'US_EST', copyTo: [], remarks: 'For approval' })
    );
    expect(close).toHaveBeenCalledOnceWith(true);
  });

  it("keeps the dialog open and shows the repository's reason when it refuses", async () => {
    const fixture = render();
    act.and.rejectWith(new MovementRefusal('Under Secretary (Establishment) is outside the channel of submission'));
    fixture.componentInstance.form.patchValue({ to: 'US_EST' });
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(close).not.toHaveBeenCalled();
    expect(fixture.nativeElement.querySelector('[data-test="marking-refusal"]').textContent).toContain('outside the channel of submission');
  });

  it('closing: a Section Officer may close at once or name an approver above', async () => {
    const fixture = render({ action: 'close' });
    await fixture.whenStable();
    expect(fixture.componentInstance.approvers().map((o) => o.code)).toEqual(['US_EST']);
    fixture.componentInstance.form.patchValue({ approver: 'US_EST', remarks: 'Action complete' });
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledWith('f1', jasmine.objectContaining({ action: 'close', to: 'US_EST', remarks: 'Action complete' }));

    act.calls.reset();
    fixture.componentInstance.form.patchValue({ approver: '' });
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledWith('f1', jasmine.objectContaining({ action: 'close', to: undefined }));
  });
});
