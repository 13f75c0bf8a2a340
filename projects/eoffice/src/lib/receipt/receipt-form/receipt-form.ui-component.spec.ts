import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService } from '@ngx-translate/core';
import hi from '../../../../assets/i18n/hi.json';
import { electronicDraft } from '../mock/receipt.mock';
import { localDay } from '../model/receipt.model';
import { GenerateRequest, ReceiptFormUiComponent } from './receipt-form.ui-component';
import { provideEnglish } from '../../shared/testing/spec-support.spec';

describe('ReceiptFormUiComponent', () => {
  let fixture: ComponentFixture<ReceiptFormUiComponent>;
  let element: HTMLElement;
  let generated: GenerateRequest[];

  const pdf = new File(['%PDF-1.4 test'], 'letter.pdf', { type: 'application/pdf' });

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReceiptFormUiComponent],
      providers: [...provideEnglish(), provideNoopAnimations()]
    });
    fixture = TestBed.createComponent(ReceiptFormUiComponent);
    fixture.componentRef.setInput('sections', [{ code: 'EST', label: 'EST — Establishment' }]);
    fixture.componentRef.setInput('draft', ReceiptFormUiComponent.defaults('EST', null));
    generated = [];
    fixture.componentInstance.generate.subscribe((request) => generated.push(request));
    fixture.detectChanges();
    element = fixture.nativeElement as HTMLElement;
  });

  const byId = (id: string) => element.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);
  function clickGenerate(): void {
    byId('eoffice-receipt-generate')?.click();
    fixture.detectChanges();
  }

  it('starts with today as received and diarised date, normal handling and the electronic form', () => {
    const form = fixture.componentInstance.form.getRawValue();

    expect(form.receivedDate).toBe(localDay(new Date()));
    expect(form.diarisedDate).toBe(localDay(new Date()));
    expect(form.securityGrading).toBe('Normal');
    expect(form.form).toBe('electronic');
  });

  it('shows a message next to each missing mandatory field and the missing scan, and generates nothing', () => {
    clickGenerate();

    expect(generated).toEqual([]);
    expect(byId('eoffice-receipt-subject-error')?.textContent).toContain('This field is required.');
    expect(byId('eoffice-receipt-scan-error')?.textContent).toContain('needs its scanned letter');
  });

  it('says so next to the letter date when it is after the received date', () => {
    fixture.componentInstance.form.patchValue({ letterDate: '2026-11-19', receivedDate: '2026-11-18' });
    clickGenerate();

    expect(byId('eoffice-receipt-letter-date-error')?.textContent).toContain('cannot be after the received date');
  });

  it('shows and reads dates as DD/MM/YYYY through the datepicker, in Hindi as in English', () => {
    const letterDate = byId('eoffice-receipt-letter-date') as HTMLInputElement;
    const receivedDate = byId('eoffice-receipt-received-date') as HTMLInputElement;
    const type = (input: HTMLInputElement, text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
    };

    fixture.componentInstance.form.patchValue({ receivedDate: '2026-11-18' });
    fixture.detectChanges();
    expect(receivedDate.value).toBe('18/11/2026');
    expect(letterDate.type).toBe('text');
    expect(letterDate.placeholder).toBe('DD/MM/YYYY');

    type(letterDate, '10/11/2026');
    expect(fixture.componentInstance.form.controls.letterDate.value).toBe('2026-11-10');

    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('hi', hi);
    translate.use('hi');
    fixture.detectChanges();
    expect(receivedDate.value).toBe('18/11/2026');
    type(letterDate, '9-11-2026');
    expect(fixture.componentInstance.form.controls.letterDate.value).toBe('2026-11-09');
    expect(element.querySelector('mat-datepicker-toggle button')?.getAttribute('aria-label')).toBe('कैलेंडर खोलें');

    // 11/31 is no day: nothing is taken, and the field says how to write the date.
    type(letterDate, '11/31/2026');
    expect(fixture.componentInstance.form.controls.letterDate.value).toBeNull();
    expect(byId('eoffice-receipt-letter-date-error')?.textContent).toContain('दिन/माह/वर्ष (DD/MM/YYYY)');
  });

  it('picks a day from the calendar as that calendar day', async () => {
    fixture.componentInstance.form.patchValue({ receivedDate: '2026-11-18' });
    fixture.detectChanges();
    (element.querySelectorAll('mat-datepicker-toggle button')[1] as HTMLButtonElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    const cell = Array.from(document.querySelectorAll<HTMLElement>('.mat-calendar-body-cell')).find((c) => c.textContent?.trim() === '5');
    expect(document.querySelector('.mat-calendar-period-button')?.textContent).toContain('2026');
    cell!.click();
    fixture.detectChanges();
    expect(fixture.componentInstance.form.controls.receivedDate.value).toBe('2026-11-05');
    expect((byId('eoffice-receipt-received-date') as HTMLInputElement).value).toBe('05/11/2026');
  });

  it('says so next to the received date when it is in the future', () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    fixture.componentInstance.form.patchValue({ receivedDate: localDay(tomorrow) });
    clickGenerate();

    expect(byId('eoffice-receipt-received-date-error')?.textContent).toContain('cannot be in the future');
  });

  it('asks for the delivery mode of a secret receipt', () => {
    fixture.componentInstance.form.patchValue({ securityGrading: 'Secret', deliveryMode: '' });
    clickGenerate();

    expect(byId('eoffice-receipt-delivery-mode-error')?.textContent).toContain('classified receipt needs its delivery mode');
  });

  it('marks a file that is not a PDF or image and refuses to generate with it', () => {
    fixture.componentRef.setInput('draft', { ...electronicDraft, receivedDate: '2026-11-18', diarisedDate: '2026-11-20' });
    fixture.detectChanges();
    fixture.componentInstance.addFiles([new File(['x'], 'minutes.docx', { type: 'application/msword' })]);
    fixture.detectChanges();
    clickGenerate();

    expect(byId('eoffice-receipt-scan-problem')?.textContent).toContain('Not a PDF or image.');
    expect(generated).toEqual([]);
  });

  it('generates an electronic receipt with its scans, and Generate & Copy asks to keep the metadata', () => {
    fixture.componentRef.setInput('draft', electronicDraft);
    fixture.detectChanges();
    fixture.componentInstance.addFiles([pdf]);
    clickGenerate();
    byId('eoffice-receipt-generate-copy')?.click();

    expect(generated.length).toBe(2);
    expect(generated[0].draft.subject).toBe(electronicDraft.subject);
    expect(generated[0].scans).toEqual([pdf]);
    expect(generated[0].keepForNext).toBeFalse();
    expect(generated[1].keepForNext).toBeTrue();
  });

  it('switches to a physical receipt, which needs no scan', () => {
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-physical"] button')?.click();
    fixture.detectChanges();

    expect(fixture.componentInstance.form.controls.form.value).toBe('physical');
    expect(element.textContent).toContain('A physical receipt needs no scan');
  });

  it('generates a physical receipt without any scan', () => {
    fixture.componentRef.setInput('draft', { ...electronicDraft, form: 'physical' });
    fixture.detectChanges();
    clickGenerate();

    expect(generated.length).toBe(1);
    expect(generated[0].draft.form).toBe('physical');
    expect(generated[0].scans).toEqual([]);
  });

  it('does not emit again while saving (double click)', () => {
    fixture.componentRef.setInput('draft', { ...electronicDraft, form: 'physical' });
    fixture.componentRef.setInput('saving', true);
    fixture.detectChanges();
    fixture.componentInstance.submit(false);

    expect(generated).toEqual([]);
    expect((byId('eoffice-receipt-generate') as HTMLButtonElement).disabled).toBeTrue();
  });

  it('locks the dates and delivery mode of a receipt that has moved', () => {
    fixture.componentRef.setInput('editing', true);
    fixture.componentRef.setInput('frozen', true);
    fixture.componentRef.setInput('draft', electronicDraft);
    fixture.detectChanges();
    const controls = fixture.componentInstance.form.controls;

    expect(controls.receivedDate.disabled).toBeTrue();
    expect(controls.letterDate.disabled).toBeTrue();
    expect(controls.deliveryMode.disabled).toBeTrue();
    expect(controls.subject.enabled).toBeTrue();
    expect(byId('eoffice-receipt-frozen')?.textContent).toContain('stay as diarised once it has been sent on');
    for (const field of ['letter-date', 'received-date', 'diarised-date', 'delivery-mode']) {
      expect(byId(`eoffice-receipt-${field}-locked`)?.textContent)
        .withContext(field)
        .toContain('Locked: the receipt has moved');
    }
  });

  it('says why the diarised date cannot be edited even before the receipt moves, and locks nothing else', () => {
    fixture.componentRef.setInput('editing', true);
    fixture.componentRef.setInput('draft', electronicDraft);
    fixture.detectChanges();

    expect(fixture.componentInstance.form.controls.receivedDate.enabled).toBeTrue();
    expect(byId('eoffice-receipt-received-date-locked')).toBeNull();
    expect(byId('eoffice-receipt-diarised-date-locked')?.textContent).toContain('dates the receipt number');
  });

  it('marks a scan larger than 20 MB next to it and generates nothing', () => {
    fixture.componentRef.setInput('draft', electronicDraft);
    fixture.detectChanges();
    const big = new File(['%PDF-1.4'], 'bundle.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    fixture.componentInstance.addFiles([big]);
    fixture.detectChanges();
    clickGenerate();

    expect(byId('eoffice-receipt-scan-problem')?.textContent).toContain('Larger than 20 MB.');
    expect(byId('eoffice-receipt-scan-error')?.textContent).toContain('Remove the files marked in red');
    expect(generated).toEqual([]);
  });

  it('says so next to the letter date when the letter is dated in the future', () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    fixture.componentInstance.form.patchValue({ letterDate: localDay(tomorrow), receivedDate: localDay(tomorrow) });
    clickGenerate();

    expect(byId('eoffice-receipt-letter-date-error')?.textContent).toContain('cannot be in the future');
    expect(generated).toEqual([]);
  });

  it('keeps the sender but clears the subject after Generate & Copy', () => {
    fixture.componentRef.setInput('draft', electronicDraft);
    fixture.detectChanges();
    fixture.componentInstance.keepForNext();

    expect(fixture.componentInstance.form.getRawValue().sender.name).toBe('Anil Deshmukh');
    expect(fixture.componentInstance.form.getRawValue().subject).toBe('');
    expect(fixture.componentInstance.scans()).toEqual([]);
  });
  function typeSenderName(name: string): void {
    const input = byId('eoffice-receipt-sender-name') as HTMLInputElement;
    input.value = name;
    input.dispatchEvent(new Event('input'));
    // 'change' is what the browser fires when the diarist leaves the field.
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  it('clears the designation and city of the remembered sender when the diarist types another sender', () => {
    fixture.componentRef.setInput('draft', ReceiptFormUiComponent.defaults('EST', electronicDraft.sender));
    fixture.detectChanges();

    typeSenderName('Smt. Kavita Rao');

    const sender = fixture.componentInstance.form.getRawValue().sender;
    expect(sender.name).toBe('Smt. Kavita Rao');
    expect(sender.designation).toBe('');
    expect(sender.city).toBe('');
    expect(sender.organisation).toBe('');
  });

  it('keeps the designation and city when a receipt being edited has the sender name corrected', () => {
    fixture.componentRef.setInput('editing', true);
    fixture.componentRef.setInput('draft', { ...electronicDraft });
    fixture.detectChanges();

    typeSenderName('Anil D. Deshmukh');

    const sender = fixture.componentInstance.form.getRawValue().sender;
    expect(sender.designation).toBe('Deputy Secretary');
    expect(sender.city).toBe('Mumbai');
  });
});
