import { Component, Input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AlfrescoViewerComponent } from '@alfresco/adf-content-services';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import en from '../../../../assets/i18n/en.json';
import { electronicDraft, receiptNode } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { ReceiptDetails, ReceiptService } from '../services/receipt.service';
import { ReceiptViewSmartComponent } from './receipt-view.smart-component';
import { MovementService } from '../../movement/services/movement.service';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { DeskService } from '../../desk/desk.service';
import { MatDialog } from '@angular/material/dialog';
import { CopyDialogSmartComponent } from '../copy/copy-dialog.smart-component';
import { ReplyDialogSmartComponent } from '../reply/reply-dialog.smart-component';
import { PutInFileDialogSmartComponent } from '../put-in-file/put-in-file-dialog.smart-component';
import { FileService } from '../../file/services/file.service';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

// eslint-disable-next-line @angular-eslint/component-selector -- stands in for ADF's own element
@Component({ selector: 'adf-alfresco-viewer', template: '', host: { '[attr.data-node]': 'nodeId' } })
class ViewerStubComponent {
  @Input() nodeId = '';
  @Input() overlayMode = false;
  @Input() showViewer = true;
  @Input() allowGoBack = false;
  @Input() allowRightSidebar = false;
  @Input() allowFullScreen = true;
}

describe('ReceiptViewSmartComponent', () => {
  let get: jasmine.Spy;
  let update: jasmine.Spy;
  let openItem: jasmine.Spy;
  let markingOpen: jasmine.Spy;
  let posts: string[];

  const details = (movements: number): ReceiptDetails => ({ receipt: toReceipt(receiptNode), scans: [], movements, replies: [] });
  let queryParams: Record<string, string>;
  let dialogResult: unknown;
  let dialogOpen: jasmine.Spy;
  let replyLetter: jasmine.Spy;
  let summaries: jasmine.Spy;

  beforeEach(() => {
    get = jasmine.createSpy('get').and.resolveTo(details(0));
    posts = [];
    queryParams = {};
    dialogResult = undefined;
    replyLetter = jasmine
      .createSpy('replyLetter')
      .and.resolveTo('<p class="subject"><strong>Reply: transfer policy</strong></p><p>Noted.</p>');
    dialogOpen = jasmine.createSpy('dialog.open').and.callFake(() => ({ afterClosed: () => of(dialogResult) }));
    openItem = jasmine.createSpy('openItem').and.resolveTo(null);
    summaries = jasmine
      .createSpy('summaries')
      .and.callFake(async (ids: string[]) =>
        ids.map((id) => ({ id, fileNumber: 'A-11011/3/2026-EST-GAD', subject: 'Transfer policy 2026' }))
      );
    markingOpen = jasmine.createSpy('open').and.resolveTo(true);
    update = jasmine.createSpy('update').and.callFake(async () => ({ ...toReceipt(receiptNode), subject: 'Corrected subject' }));
    TestBed.configureTestingModule({
      imports: [ReceiptViewSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: FileService, useValue: { summaries } },
        {
          provide: ActivatedRoute,
          useFactory: () => ({
            paramMap: of(convertToParamMap({ receiptId: receiptNode.id })),
            snapshot: { queryParamMap: convertToParamMap(queryParams) }
          })
        },
        { provide: MatDialog, useFactory: () => ({ open: dialogOpen }) },
        {
          provide: ReceiptService,
          useValue: { get, update, replyLetter, desk: async () => ({ posts }), markAcknowledged: async () => true }
        },
        { provide: MovementService, useValue: { openItem, movements: async () => [] } },
        { provide: MarkingDialogService, useValue: { open: markingOpen } },
        { provide: DeskService, useValue: { desk: () => Promise.reject(new Error('not needed')) } },
        providePageLayout()
      ]
    });
    // ADF's viewer needs the whole repository client; a stand-in shows which node it was given.
    TestBed.overrideComponent(ReceiptViewSmartComponent, {
      remove: { imports: [AlfrescoViewerComponent] },
      add: { imports: [ViewerStubComponent] }
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(ReceiptViewSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the receipt number and its metadata, and says when a receipt has no scan', async () => {
    const { element } = await render();

    expect(get).toHaveBeenCalledOnceWith(receiptNode.id);
    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-number"]')?.textContent?.trim()).toBe('12/2026/EST-GAD');
    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-facts"]')?.textContent).toContain('Speed Post');
    expect(element.textContent).toContain('No scan is stored with this receipt.');
  });

  it('locks the frozen fields in Edit once the receipt has moved, and saves telling the service so', async () => {
    get.and.resolveTo(details(1));
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-edit"]')?.click();
    fixture.detectChanges();

    expect(element.querySelector('[data-automation-id="eoffice-receipt-frozen"]')?.textContent).toContain(
      'record how the letter reached the office'
    );
    expect(element.querySelector('[data-automation-id="eoffice-receipt-received-date-locked"]')?.textContent).toContain(
      'the receipt has moved'
    );
    await fixture.componentInstance.save({ ...electronicDraft, subject: 'Corrected subject' });
    fixture.detectChanges();

    expect(update).toHaveBeenCalledOnceWith(receiptNode.id, jasmine.objectContaining({ subject: 'Corrected subject' }), true);
    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-subject"]')?.textContent).toContain('Corrected subject');
  });

  it('says so when the receipt cannot be read', async () => {
    get.and.rejectWith(new Error('404'));
    const { element } = await render();

    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-error"]')).not.toBeNull();
  });

  it('reads the receipt again on Try again after a failure, showing progress meanwhile', async () => {
    get.and.rejectWith(Object.assign(new Error('Server error'), { status: 500 }));
    const { fixture, element } = await render();
    const error = element.querySelector('[data-automation-id="eoffice-receipt-view-error"]');
    expect(error?.textContent).toContain(en.EOFFICE.RECEIPT.VIEW.ERROR);

    let give!: (value: ReceiptDetails) => void;
    get.and.callFake(() => new Promise<ReceiptDetails>((resolve) => (give = resolve)));
    error!.querySelector('button')!.click();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-error"]')).toBeNull();

    give(details(0));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-view-number"]')?.textContent?.trim()).toBe('12/2026/EST-GAD');
  });

  it('tells an officer whose post never held the receipt that she cannot open it, with nothing to retry', async () => {
    get.and.rejectWith(Object.assign(new Error('Forbidden'), { status: 403 }));
    const { element } = await render();
    const error = element.querySelector('[data-automation-id="eoffice-receipt-view-error"]');

    expect(error?.textContent).toContain('has never been with your post');
    expect(error?.querySelector('button')).toBeNull();
  });

  it('opens the receipt (claims its task) with the holder it just read, and offers Send, Copy and Reply only to the post that holds it', async () => {
    const { element } = await render();
    expect(openItem).toHaveBeenCalledOnceWith(receiptNode.id, { currentHolder: 'GROUP_EO_GAD_CRU', pendingApprover: '' });
    for (const action of ['send', 'copy', 'reply']) {
      expect(element.querySelector(`[data-automation-id="eoffice-receipt-${action}"]`))
        .withContext(action)
        .toBeNull();
    }
  });

  it('copies for information through the copy dialog, from the post holding the receipt, and reads it again afterwards', async () => {
    openItem.and.resolveTo({ id: 'task-1', kind: 'holder' });
    dialogResult = true;
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-copy"]')!.click();
    await fixture.whenStable();

    expect(dialogOpen).toHaveBeenCalledWith(
      CopyDialogSmartComponent,
      jasmine.objectContaining({ data: jasmine.objectContaining({ receiptId: receiptNode.id, holder: 'GROUP_EO_GAD_CRU' }) })
    );
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('lists a stored reply under the receipt and shows it as a letter in place of the scan', async () => {
    openItem.and.resolveTo({ id: 'task-1', kind: 'holder' });
    dialogResult = { id: 'reply-1', name: 'Reply-12-2026-EST-GAD-2026-11-21.html', title: 'Reply: transfer policy' };
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-reply"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(dialogOpen).toHaveBeenCalledWith(
      ReplyDialogSmartComponent,
      jasmine.objectContaining({ data: { receipt: toReceipt(receiptNode) } })
    );
    expect(element.querySelector('[data-automation-id="eoffice-receipt-replies"]')?.textContent).toContain('Reply: transfer policy');
    expect(replyLetter).toHaveBeenCalledOnceWith('reply-1');
    expect(element.querySelector('[data-automation-id="eoffice-receipt-reply-letter"]')?.textContent).toContain('Noted.');
    expect(element.querySelector('adf-alfresco-viewer')).toBeNull();
  });

  it("shows a reply letter through the drafts' allow-list: no remote image, no data: link, nothing that runs", async () => {
    replyLetter.and.resolveTo(
      '<p onclick="alert(1)">Noted.</p><img src="https://tracker.example/pixel.png"><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">annexure</a>' +
        '<style>body{background:url(https://tracker.example/bg.png)}</style><a href="https://dopt.gov.in/circular">circular</a>'
    );
    const { fixture, element } = await render();
    await fixture.componentInstance.showReply('reply-1');
    fixture.detectChanges();

    const letter = element.querySelector('[data-automation-id="eoffice-receipt-reply-letter"]')!;
    expect(letter.textContent).toContain('Noted.');
    expect(letter.querySelector('img, style, [onclick]')).toBeNull();
    const links = Array.from(letter.querySelectorAll('a'));
    expect(links.map((a) => a.textContent)).toEqual(['annexure', 'circular']);
    expect(links[0].hasAttribute('href')).toBeFalse();
    expect(links[1].getAttribute('href')).toBe('https://dopt.gov.in/circular');
    expect(links[1].getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('goes back from a reply to the scan, and says so when a reply cannot be read', async () => {
    get.and.resolveTo({
      ...details(0),
      scans: [{ id: 'scan-1', name: 'letter.pdf', mimeType: 'application/pdf' }],
      replies: [{ id: 'reply-1', name: 'r.html', title: 'Reply: transfer policy' }]
    });
    const { fixture, element } = await render();
    await fixture.componentInstance.showReply('reply-1');
    fixture.detectChanges();
    element.querySelector<HTMLButtonElement>('.eoffice-receipt-view__scan-tabs button')!.click();
    fixture.detectChanges();

    expect(element.querySelector('adf-alfresco-viewer')?.getAttribute('data-node')).toBe('scan-1');
    replyLetter.and.rejectWith(new Error('404'));
    await fixture.componentInstance.showReply('reply-1');
    fixture.detectChanges();
    expect(element.textContent).toContain('The draft reply could not be read from the repository.');
  });

  it('runs the action the Content App toolbar asked for once the receipt is read, and only for its holder', async () => {
    queryParams = { action: 'send' };
    openItem.and.resolveTo({ id: 'task-1', kind: 'holder' });
    const { fixture } = await render();
    await fixture.whenStable();

    expect(markingOpen).toHaveBeenCalledOnceWith(jasmine.objectContaining({ itemId: receiptNode.id, action: 'send' }));
  });

  it('says why a toolbar action the officer cannot take does nothing: the receipt is only shown', async () => {
    queryParams = { action: 'send' };
    const { fixture, element } = await render();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(markingOpen).not.toHaveBeenCalled();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-action-refused"]')?.textContent).toContain(
      '“Send receipt” is for the post holding this receipt'
    );
  });

  it('lets the holder send through the marking dialog and reads the receipt again afterwards', async () => {
    openItem.and.resolveTo({ id: 'task-1', kind: 'holder' });
    const { fixture, element } = await render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-send"]')!.click();
    await fixture.whenStable();

    expect(markingOpen).toHaveBeenCalledWith(jasmine.objectContaining({ itemId: receiptNode.id, itemKind: 'receipt', action: 'send' }));
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('offers Pull back to the sender while the recipient has not opened it', async () => {
    openItem.and.resolveTo({ id: 'task-1', kind: 'pullBack' });
    const { element } = await render();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-pull-back"]')).not.toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-send"]')).toBeNull();
  });

  it('puts the receipt in a file through the dialog, from its subject and section, then offers to open that file', async () => {
    openItem.and.resolveTo({ id: 'task-1', kind: 'holder' });
    dialogResult = { fileId: 'file-9', fileNumber: 'A-11011/3/2026-EST-GAD' };
    const filed = { ...receiptNode, properties: { ...receiptNode.properties, 'eo:status': 'putInFile', 'eo:inFile': 'file-9' } };
    const { fixture, element } = await render();
    get.and.resolveTo({ receipt: toReceipt(filed), scans: [], movements: 2, replies: [] });
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-receipt-put-in-file"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(dialogOpen).toHaveBeenCalledWith(
      PutInFileDialogSmartComponent,
      jasmine.objectContaining({
        data: jasmine.objectContaining({ receiptId: receiptNode.id, subject: electronicDraft.subject, section: 'EST' })
      })
    );
    const done = element.querySelector('[data-automation-id="eoffice-receipt-put-in-done"]');
    expect(done?.textContent).toContain('Receipt put in file A-11011/3/2026-EST-GAD.');
    expect(done?.querySelector('a')?.getAttribute('href')).toBe('/eoffice/files/file-9');
    expect(done?.textContent).toContain('Open file');
  });

  it("shows the file a receipt is in as its number, linked to the file's page", async () => {
    const filed = {
      ...receiptNode,
      properties: { ...receiptNode.properties, 'eo:status': 'putInFile', 'eo:inFile': 'workspace://SpacesStore/file-9' }
    };
    get.and.resolveTo({ receipt: toReceipt(filed), scans: [], movements: 2, replies: [] });
    const { element } = await render();

    expect(summaries).toHaveBeenCalledOnceWith(['file-9']);
    const link = element.querySelector<HTMLAnchorElement>('[data-automation-id="eoffice-receipt-in-file"]');
    expect(link?.textContent?.trim()).toBe('A-11011/3/2026-EST-GAD');
    expect(link?.getAttribute('href')).toBe('/eoffice/files/file-9');
  });

  it('shows no file for a receipt not put in one', async () => {
    const { element } = await render();
    expect(summaries).not.toHaveBeenCalled();
    expect(element.querySelector('[data-automation-id="eoffice-receipt-in-file"]')).toBeNull();
  });
});
