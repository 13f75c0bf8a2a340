import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import { DeskService } from '../../desk/desk.service';
import { parseHierarchy, MovementRefusal } from '@eoffice/domain';
import { MovementService } from '../services/movement.service';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { ArchivalCopyService } from '../../file/export/archival-copy.service';
import { MarkingDialogData, MarkingDialogSmartComponent } from './marking-dialog.smart-component';

const hierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [
    { code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } },
    { code: 'ADM', name: { en: 'Administration', hi: 'प्रशासन' } }
  ],
  posts: [
    {
      code: 'US_EST',
      level: 3,
      section: 'EST',
      designation: { en: 'Under Secretary', hi: 'अवर सचिव' },
      incumbent: 'rajesh.kumar',
      incumbentName: { en: 'Rajesh Kumar', hi: 'राजेश कुमार' }
    },
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' },
    {
      code: 'ASO_EST',
      level: 1,
      section: 'EST',
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      reportsTo: 'SO_EST',
      incumbent: 'anil.verma',
      incumbentName: { en: 'Anil Verma', hi: 'अनिल वर्मा' }
    },
    {
      code: 'SO_ADM',
      level: 2,
      section: 'ADM',
      designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' },
      incumbent: 'meena.iyer',
      incumbentName: { en: 'Meena Iyer', hi: 'मीना अय्यर' }
    }
  ]
});

describe('MarkingDialogSmartComponent', () => {
  let act: jasmine.Spy;
  let close: jasmine.Spy;
  let frequentRecipients: jasmine.Spy;
  let writeArchivalCopy: jasmine.Spy;
  /** Working days the stub calendar says the item has been held. */
  let heldDays = 0;

  /** The desk as the stub DeskService reads it. */
  const readDesk = async () => ({
    hierarchy,
    posts: ['GROUP_EO_GAD_SO_EST'],
    postEntries: [hierarchy.posts.find((p) => p.code === 'SO_EST')]
  });

  function render(data: Partial<MarkingDialogData> = {}, frequent: string[] = [], desk: () => Promise<unknown> = readDesk) {
    act = jasmine.createSpy('act').and.resolveTo();
    frequentRecipients = jasmine.createSpy('frequentRecipients').and.resolveTo(frequent);
    close = jasmine.createSpy('close');
    writeArchivalCopy = jasmine.createSpy('writeIfNeeded').and.resolveTo(null);
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
        { provide: MovementService, useValue: { act, frequentRecipients } },
        { provide: WorkingDaysService, useValue: { heldFor: async () => heldDays } },
        { provide: ArchivalCopyService, useValue: { writeIfNeeded: writeArchivalCopy } },
        {
          provide: DeskService,
          useValue: { desk }
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
    await fixture.whenStable();
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

  it('acting on an item held beyond the 7-working-day norm asks the reason for delay and records it in the remarks', async () => {
    heldDays = 8;
    const fixture = render({ heldSince: '2026-11-20T10:00:00.000Z' });
    await fixture.whenStable();
    fixture.detectChanges();
    const field = fixture.nativeElement.querySelector('[data-test="marking-delay-reason"]');
    expect(field).not.toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Held 8 working days, beyond the norm of 7');
    fixture.componentInstance.form.patchValue({ to: 'US_EST', remarks: 'For approval' });
    await fixture.componentInstance.submit();
    expect(act).not.toHaveBeenCalled();

    fixture.componentInstance.form.patchValue({ delayReason: 'Awaited the Estate Office report' });
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledOnceWith(
      'f1',
      jasmine.objectContaining({ remarks: 'For approval\nReason for delay: Awaited the Estate Office report' })
    );
  });

  it('asks no reason within the norm', async () => {
    heldDays = 7;
    const within = render({ heldSince: '2026-11-20T10:00:00.000Z' });
    await within.whenStable();
    within.detectChanges();
    expect(within.nativeElement.querySelector('[data-test="marking-delay-reason"]')).toBeNull();
    within.componentInstance.form.patchValue({ to: 'US_EST', remarks: 'For approval' });
    await within.componentInstance.submit();
    expect(act).toHaveBeenCalledOnceWith('f1', jasmine.objectContaining({ remarks: 'For approval' }));
    heldDays = 0;
  });

  it("keeps the dialog open and shows the repository's reason when it refuses", async () => {
    const fixture = render();
    act.and.rejectWith(new MovementRefusal('Under Secretary (Establishment) is outside the channel of submission'));
    await fixture.whenStable();
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

  it('closing a file writes its archival copy first (for a permanent file), and without it does not close', async () => {
    const fixture = render({ action: 'close' });
    await fixture.whenStable();
    act.and.callFake(async () => expect(writeArchivalCopy).toHaveBeenCalledOnceWith('f1'));
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledOnceWith(true);

    act.calls.reset();
    close.calls.reset();
    writeArchivalCopy.and.rejectWith(new Error('403'));
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(act).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(fixture.nativeElement.querySelector('[data-test="marking-refusal"]').textContent).toContain(
      "The file's archival copy could not be written, so the file was not closed."
    );
  });

  it('sending a file, or closing a receipt, writes no archival copy', async () => {
    const fixture = render();
    await fixture.whenStable();
    fixture.componentInstance.form.patchValue({ to: 'US_EST' });
    await fixture.componentInstance.submit();
    expect(act).toHaveBeenCalled();
    expect(writeArchivalCopy).not.toHaveBeenCalled();
    TestBed.resetTestingModule();
    const receipt = render({ action: 'close', itemKind: 'receipt' });
    await receipt.whenStable();
    await receipt.componentInstance.submit();
    expect(act).toHaveBeenCalled();
    expect(writeArchivalCopy).not.toHaveBeenCalled();
  });

  /** The open list as the officer reads it: each group's label and its posts, in order. */
  function openList(fixture: ReturnType<typeof render>): { label: string; options: { text: string; disabled: boolean }[] }[] {
    (fixture.nativeElement.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    fixture.detectChanges();
    const option = (el: Element) => ({
      text: el.textContent?.trim() ?? '',
      disabled: el.getAttribute('aria-disabled') === 'true'
    });
    const groups = Array.from(document.querySelectorAll('.cdk-overlay-container mat-optgroup'));
    if (!groups.length)
      return [{ label: '', options: Array.from(document.querySelectorAll('.cdk-overlay-container mat-option')).map(option) }];
    return groups.map((g) => ({
      label: g.querySelector('.mat-mdc-optgroup-label')?.textContent?.trim() ?? '',
      options: Array.from(g.querySelectorAll('mat-option')).map(option)
    }));
  }

  it('shows the list as loading until the posts are read, and opens nothing empty meanwhile; then it is usable', async () => {
    let deskRead: (desk: unknown) => void = () => undefined;
    const fixture = render({}, [], () => new Promise((resolve) => (deskRead = resolve)));
    fixture.detectChanges();
    const select = () => fixture.nativeElement.querySelector('[data-test="marking-to"]') as HTMLElement;
    expect(select().getAttribute('aria-disabled')).toBe('true');
    expect(fixture.nativeElement.querySelector('[data-test="marking-to-loading"]')?.textContent).toContain(
      'Reading the posts of your channel of submission'
    );
    expect(fixture.nativeElement.querySelector('mat-progress-spinner')).not.toBeNull();
    expect((fixture.nativeElement.querySelector('[data-test="marking-submit"]') as HTMLButtonElement).disabled).toBeTrue();
    expect(openList(fixture)).toEqual([{ label: '', options: [] }]);
    expect(document.querySelector('.cdk-overlay-container .mat-mdc-select-panel')).toBeNull();
    // Enter in the remarks submits the form: nothing is sent while there is no list to choose from.
    await fixture.componentInstance.submit();
    expect(act).not.toHaveBeenCalled();

    deskRead(await readDesk());
    // The rest of the reading is promise callbacks only: they have all run by the next task.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(select().getAttribute('aria-disabled')).toBe('false');
    expect(fixture.nativeElement.querySelector('[data-test="marking-to-loading"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('mat-progress-spinner')).toBeNull();
    expect(fixture.nativeElement.textContent).toContain('Posts in your channel of submission come first');
    const [list] = openList(fixture);
    expect(list.options[0].text).toContain('Rajesh Kumar (Under Secretary, Establishment)');
  });

  it("shows the officer's frequent recipients first, under Frequent, a refused one greyed out with the reason", async () => {
    const fixture = render({}, ['GROUP_EO_GAD_SO_ADM', 'GROUP_EO_GAD_ASO_EST']);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(frequentRecipients).toHaveBeenCalledOnceWith('GROUP_EO_GAD_SO_EST');
    const [frequent, others] = openList(fixture);
    expect(frequent.label).toBe('Frequent');
    expect(frequent.options.map((o) => o.text.split(' (')[0])).toEqual(['Meena Iyer', 'Anil Verma']);
    expect(frequent.options[0].disabled).toBeTrue();
    expect(frequent.options[0].text).toContain('outside the channel of submission');
    expect(frequent.options[1].disabled).toBeFalse();
    expect(others.label).toBe('Other posts');
    // each post once: the others hold the rest, the post reported to first
    expect(others.options.map((o) => o.text.split(' (')[0])).toEqual(['Rajesh Kumar']);
  });

  it('lists the posts without a Frequent group when the officer has sent nothing from this post yet', async () => {
    const fixture = render();
    await fixture.whenStable();
    fixture.detectChanges();
    const [list] = openList(fixture);
    expect(list.label).toBe('');
    expect(list.options[0].text).toContain('Rajesh Kumar (Under Secretary, Establishment)');
  });

  it('picks an officer by typing the first letters of the name, and skips a post outside the channel', async () => {
    const fixture = render({}, ['GROUP_EO_GAD_US_EST']);
    await fixture.whenStable();
    fixture.detectChanges();
    const select = fixture.nativeElement.querySelector('mat-select') as HTMLElement;
    select.focus();
    const type = async (letters: string) => {
      for (const key of letters)
        select.dispatchEvent(new KeyboardEvent('keydown', { key, keyCode: key.toUpperCase().charCodeAt(0), bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the list waits for a pause in typing
      fixture.detectChanges();
    };
    await type('an');
    expect(fixture.componentInstance.form.controls.to.value).toBe('ASO_EST');
    await type('me');
    expect(fixture.componentInstance.form.controls.to.value).toBe('ASO_EST');
    await type('ra');
    expect(fixture.componentInstance.form.controls.to.value).toBe('US_EST');
  });
});
