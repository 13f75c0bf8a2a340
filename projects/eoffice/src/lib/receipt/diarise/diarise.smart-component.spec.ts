import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import en from '../../../../assets/i18n/en.json';
import { electronicDraft, registryHierarchy } from '../mock/receipt.mock';
import { DiarisedReceipt, ReceiptService } from '../services/receipt.service';
import { SenderMemoryService } from '../services/sender-memory.service';
import { DiariseSmartComponent } from './diarise.smart-component';
import { By } from '@angular/platform-browser';
import { ReceiptFormUiComponent } from '../receipt-form/receipt-form.ui-component';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

describe('DiariseSmartComponent', () => {
  let diarise: jasmine.Spy;
  let remember: jasmine.Spy;
  let markingOpen: jasmine.Spy;
  let retryScans: jasmine.Spy;
  let readDesk: jasmine.Spy;

  beforeEach(() => {
    readDesk = jasmine
      .createSpy('desk')
      .and.callFake(() => Promise.resolve({ hierarchy: registryHierarchy, posts: ['GROUP_EO_GAD_CRU'], section: 'ADM' }));
    retryScans = jasmine.createSpy('retryScans');
    diarise = jasmine.createSpy('diarise');
    remember = jasmine.createSpy('remember');
    markingOpen = jasmine.createSpy('open').and.resolveTo(true);
    TestBed.configureTestingModule({
      imports: [DiariseSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        {
          provide: ReceiptService,
          useValue: {
            desk: readDesk,
            diarise,
            retryScans
          }
        },
        { provide: MarkingDialogService, useValue: { open: markingOpen } },
        { provide: SenderMemoryService, useValue: { recall: () => electronicDraft.sender, remember } },
        providePageLayout()
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(DiariseSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  it('starts the form in the officer’s section with the remembered sender', async () => {
    const fixture = await render();

    expect(fixture.componentInstance.start()?.section).toBe('ADM');
    expect(fixture.componentInstance.start()?.sender.name).toBe('Anil Deshmukh');
  });

  it('shows the receipt number at once and remembers the sender', async () => {
    diarise.and.resolveTo({ id: 'r1', receiptNumber: '12/2026/ADM-GAD', post: 'CRU', failedScans: [] } satisfies DiarisedReceipt);
    const fixture = await render();

    await fixture.componentInstance.generate({ draft: { ...electronicDraft, form: 'physical' }, scans: [], keepForNext: false });
    fixture.detectChanges();

    const number = (fixture.nativeElement as HTMLElement).querySelector('[data-automation-id="eoffice-diarise-number"]');
    expect(number?.textContent?.trim()).toBe('12/2026/ADM-GAD');
    expect(remember).toHaveBeenCalledOnceWith(electronicDraft.sender);
  });

  it('diarises exactly one receipt when Generate is clicked twice', async () => {
    let finish: (value: DiarisedReceipt) => void = () => undefined;
    diarise.and.returnValue(new Promise<DiarisedReceipt>((resolve) => (finish = resolve)));
    const fixture = await render();
    const request = { draft: electronicDraft, scans: [], keepForNext: false };

    const first = fixture.componentInstance.generate(request);
    const second = fixture.componentInstance.generate(request);
    finish({ id: 'r1', receiptNumber: '1/2026/EST-GAD', post: 'CRU', failedScans: [] });
    await Promise.all([first, second]);

    expect(diarise).toHaveBeenCalledTimes(1);
  });

  it('a double click on the Generate button itself diarises exactly one receipt and shows one number', async () => {
    let finish: (value: DiarisedReceipt) => void = () => undefined;
    diarise.and.returnValue(new Promise<DiarisedReceipt>((resolve) => (finish = resolve)));
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;
    const form = fixture.debugElement.query(By.directive(ReceiptFormUiComponent)).componentInstance as ReceiptFormUiComponent;
    form.form.patchValue({ form: 'physical', subject: 'Representation for revision of pay' });
    const generate = element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-generate"]')!;

    generate.click();
    generate.click();
    fixture.detectChanges();
    expect(generate.disabled).toBeTrue();
    finish({ id: 'r1', receiptNumber: '1/2026/ADM-GAD', post: 'CRU', failedScans: [] });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(diarise).toHaveBeenCalledTimes(1);
    expect(element.querySelectorAll('[data-automation-id="eoffice-diarise-number"]').length).toBe(1);
  });

  it('says nothing was diarised when the repository refuses', async () => {
    diarise.and.rejectWith(new Error('500'));
    const fixture = await render();

    await fixture.componentInstance.generate({ draft: electronicDraft, scans: [], keepForNext: false });
    fixture.detectChanges();

    const error = (fixture.nativeElement as HTMLElement).querySelector('[data-automation-id="eoffice-diarise-error"]');
    expect(error?.textContent).toContain('nothing was diarised');
    expect(remember).not.toHaveBeenCalled();
  });

  it("Generate & Send opens the marking dialog for the new receipt, held by the diarist's post", async () => {
    diarise.and.resolveTo({ id: 'r7', receiptNumber: '7/2026/ADM-GAD', post: 'CRU', failedScans: [] } satisfies DiarisedReceipt);
    const fixture = await render();

    await fixture.componentInstance.generate({ draft: electronicDraft, scans: [], keepForNext: false, thenSend: true });

    expect(markingOpen).toHaveBeenCalledOnceWith(
      jasmine.objectContaining({ itemId: 'r7', itemKind: 'receipt', action: 'send', holder: 'GROUP_EO_GAD_CRU' })
    );
  });

  it('a receipt whose scan failed shows as not yet numbered, gets its number once uploaded again, and is not sent meanwhile', async () => {
    const scan = new File(['%PDF-1.4'], 'letter.pdf', { type: 'application/pdf' });
    const waiting = { id: 'r9', receiptNumber: '', post: 'CRU', failedScans: [scan] } satisfies DiarisedReceipt;
    diarise.and.resolveTo(waiting);
    retryScans.and.resolveTo({ ...waiting, receiptNumber: '9/2026/ADM-GAD', failedScans: [] });
    const fixture = await render();
    const element = fixture.nativeElement as HTMLElement;

    await fixture.componentInstance.generate({ draft: electronicDraft, scans: [scan], keepForNext: false, thenSend: true });
    fixture.detectChanges();
    expect(element.querySelector('[data-automation-id="eoffice-diarise-number"]')?.textContent).toContain('not yet numbered');
    expect(markingOpen).not.toHaveBeenCalled();

    await fixture.componentInstance.retryScans(waiting);
    fixture.detectChanges();
    expect(retryScans).toHaveBeenCalledOnceWith(waiting);
    expect(element.querySelector('[data-automation-id="eoffice-diarise-number"]')?.textContent?.trim()).toBe('9/2026/ADM-GAD');
  });

  it('plain Generate does not open the marking dialog', async () => {
    diarise.and.resolveTo({ id: 'r8', receiptNumber: '8/2026/ADM-GAD', post: 'CRU', failedScans: [] } satisfies DiarisedReceipt);
    const fixture = await render();
    await fixture.componentInstance.generate({ draft: electronicDraft, scans: [], keepForNext: false });
    expect(markingOpen).not.toHaveBeenCalled();
  });

  it('shows progress until the desk is read, then the form', async () => {
    const fixture = TestBed.createComponent(DiariseSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();

    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(fixture.debugElement.query(By.directive(ReceiptFormUiComponent))).not.toBeNull();
  });

  it('says that an officer who holds no post cannot diarise, and when the department cannot be read', async () => {
    readDesk.and.resolveTo({ hierarchy: registryHierarchy, posts: [], section: 'ADM' });
    let element = (await render()).nativeElement as HTMLElement;
    const deskError = () => element.querySelector('[data-automation-id="eoffice-diarise-desk-error"]')?.textContent?.trim();
    expect(deskError()).toBe(en.EOFFICE.RECEIPT.ERRORS.NO_POST);

    readDesk.and.rejectWith(new Error('offline'));
    element = (await render()).nativeElement as HTMLElement;
    expect(deskError()).toBe(en.EOFFICE.RECEIPT.ERRORS.NO_DEPARTMENT);
  });
});
