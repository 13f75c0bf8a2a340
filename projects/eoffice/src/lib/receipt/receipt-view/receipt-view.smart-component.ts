import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { AlfrescoViewerComponent } from '@alfresco/adf-content-services';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  DELIVERY_MODES,
  ITEM_STATUSES,
  LANGUAGES,
  MAIN_CATEGORIES,
  RECEIPT_FORMS,
  SECURITY_GRADINGS,
  URGENCIES,
  labelOf,
  ActionContext,
  Choice,
  MovementActionCode,
  holdsItem,
  ItemTask,
  MovementAction
} from '@eoffice/domain';
import { ReceiptDraft, senderLine, toReceiptDraft } from '../model/receipt.model';
import { acknowledgementPdf } from '../acknowledgement/acknowledgement';
import { ReceiptFormUiComponent } from '../receipt-form/receipt-form.ui-component';
import { ReceiptDetails, ReceiptService } from '../services/receipt.service';
import { MovementService } from '../../movement/services/movement.service';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { MovementsTimelineSmartComponent } from '../../movement/movements-timeline/movements-timeline.smart-component';
import { MovementActionsUiComponent } from '../../movement/movement-actions/movement-actions.ui-component';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { PutInFileDialogData, PutInFileDialogSmartComponent, PutInFileResult } from '../put-in-file/put-in-file-dialog.smart-component';
import { FileService } from '../../file/services/file.service';
import { ReplyDialogData, ReplyDialogResult, ReplyDialogSmartComponent } from '../reply/reply-dialog.smart-component';
import { CopyDialogData, CopyDialogSmartComponent } from '../copy/copy-dialog.smart-component';
import { RECEIPT_ACTION_PARAM } from '../toolbar/receipt-toolbar';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { PdfPrintService } from '../../shared/pdf/pdf-print.service';
import { DeskCountsService } from '../../desk/desk-counts.service';
import { sanitiseDraftHtml } from '../../file/drafts/draft-sanitiser';
import { ItemNumberUiComponent } from '../../shared/layout/item-number.ui-component';
import { LoadState, failureKey } from '../../shared/state/load-state';

/** One receipt: its scans in ADF's viewer beside its metadata; Edit with the frozen fields locked once it moved. */
@Component({
  selector: 'eoffice-receipt-view-page',
  imports: [
    PageLayoutComponent,
    AlfrescoViewerComponent,
    RouterLink,
    TranslatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ReceiptFormUiComponent,
    MovementsTimelineSmartComponent,
    MovementActionsUiComponent,
    EofficeDatePipe,
    ItemNumberUiComponent
  ],
  templateUrl: './receipt-view.smart-component.html',
  styleUrl: './receipt-view.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReceiptViewSmartComponent {
  private readonly receipts = inject(ReceiptService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly movement = inject(MovementService);
  private readonly marking = inject(MarkingDialogService);
  private readonly dialog = inject(MatDialog);
  private readonly fileService = inject(FileService);
  private readonly printer = inject(PdfPrintService);
  private readonly counts = inject(DeskCountsService);
  private readonly timeline = viewChild(MovementsTimelineSmartComponent);

  /** The officer's task on this receipt (opening the page claims a holder task: the receipt counts as opened). */
  readonly task = signal<ItemTask | null>(null);
  private readonly myPosts = signal<string[]>([]);
  /** What decides the movement actions offered (domain/movement-actions.ts): the receipt, the officer's posts and task. */
  readonly actionContext = computed<ActionContext>(() => {
    const receipt = this.details()?.receipt;
    return {
      kind: 'receipt',
      status: receipt?.status ?? '',
      task: receipt ? (this.task()?.kind ?? null) : null,
      postHolds: !!receipt && this.myPosts().includes(receipt.currentHolder),
      postOriginated: false,
      returnsTo: false
    };
  });
  /** The officer's post holds the receipt: either its task, or a new receipt not moved yet. */
  readonly canAct = computed(() => !!this.details() && holdsItem(this.actionContext()));

  readonly details = signal<ReceiptDetails | null>(null);
  private readonly state = new LoadState({
    loading: true,
    reason: (error) =>
      failureKey(error, 'EOFFICE.RECEIPT.VIEW.ERROR', {
        byStatus: { 403: 'EOFFICE.RECEIPT.VIEW.NO_ACCESS', 404: 'EOFFICE.RECEIPT.VIEW.NOT_FOUND' }
      })
  });
  readonly loading = this.state.loading;
  /** Why the receipt could not be shown (a translation key): a refusal (403) is not a failure to retry. */
  readonly failed = this.state.reason;
  /** A toolbar action the officer cannot take here (another post holds the receipt). */
  readonly actionRefused = signal<string | null>(null);
  readonly editing = signal(false);
  readonly saving = signal(false);
  readonly saveFailed = signal(false);
  readonly scanId = signal<string | null>(null);
  /** A draft reply shown in place of the scan (ADF's viewer would show its HTML source). */
  readonly shownReply = signal<{ id: string; html: string } | null>(null);
  readonly replyFailed = signal(false);
  readonly draft = signal<ReceiptDraft | null>(null);
  /** The file the receipt is in (eo:inFile), when the officer may read it: shown as a link to the file. */
  readonly inFile = signal<{ id: string; fileNumber: string } | null>(null);
  /** The file the officer just put the receipt in, for the success message and its "Open file". */
  readonly putInDone = signal<PutInFileResult | null>(null);
  readonly lists = {
    deliveryModes: DELIVERY_MODES,
    languages: LANGUAGES,
    categories: MAIN_CATEGORIES,
    forms: RECEIPT_FORMS,
    gradings: SECURITY_GRADINGS,
    urgencies: URGENCIES,
    statuses: ITEM_STATUSES as Choice[]
  };
  private id = '';
  /** An action asked for by the Content App's toolbar (`?action=send`), done once the receipt is read. */
  private pendingAction: string | null = null;

  constructor() {
    const route = inject(ActivatedRoute);
    route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      this.id = params.get('receiptId') ?? '';
      this.putInDone.set(null);
      this.pendingAction = route.snapshot?.queryParamMap?.get(RECEIPT_ACTION_PARAM) ?? null;
      this.load();
    });
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  label(list: Choice[], value: string): string {
    return labelOf(list, value, this.lang);
  }

  joined(...parts: string[]): string {
    return senderLine(...parts);
  }

  /** Reads the receipt (then its file, the officer's posts and task); a toolbar action waiting for it runs after. */
  load(): void {
    void this.state
      .run(
        () => this.receipts.get(this.id),
        async (details) => {
          this.details.set(details);
          this.scanId.set(details.scans[0]?.id ?? null);
          this.shownReply.set(null);
          const inFile = details.receipt.inFile;
          this.inFile.set(inFile ? ((await this.fileService.summaries([inFile]).catch(() => []))[0] ?? null) : null);
          this.myPosts.set(
            await this.receipts
              .desk()
              .then((desk) => desk.posts)
              .catch(() => [])
          );
          // The holder was just read with the receipt: MovementService need not read the node again.
          this.task.set(
            await this.movement
              .openItem(details.receipt.id, {
                currentHolder: details.receipt.currentHolder,
                pendingApprover: details.receipt.pendingApprover ?? ''
              })
              .catch(() => null)
          );
        }
      )
      .then(() => this.runPendingAction());
  }

  private runPendingAction(): void {
    const action = this.pendingAction;
    this.pendingAction = null;
    if (!action || !['send', 'copy', 'reply'].includes(action) || !this.details()) return;
    // Asked from the Content App's toolbar, which cannot know who holds the receipt: say why nothing opens.
    if (!this.canAct()) {
      this.actionRefused.set(action);
      return;
    }
    if (action === 'send') void this.mark('send');
    else if (action === 'copy') void this.copy();
    else if (action === 'reply') void this.reply();
  }

  edit(): void {
    const details = this.details();
    if (!details) return;
    this.draft.set(toReceiptDraft(details.receipt));
    this.saveFailed.set(false);
    this.editing.set(true);
  }

  /**
   * Opens the acknowledgement to the sender (receipt number, dates, section) as a PDF in a new tab to print,
   * with a Download offer beside it (PdfPrintService); the tab opens on the click, before the PDF is made.
   */
  async downloadAcknowledgement(): Promise<void> {
    const details = this.details();
    if (!details) return;
    const printing = this.printer.start();
    let pdf: Awaited<ReturnType<typeof acknowledgementPdf>>;
    try {
      const hierarchy = await this.receipts
        .desk()
        .then((desk) => desk.hierarchy)
        .catch(() => null);
      pdf = await acknowledgementPdf(details.receipt, hierarchy);
    } catch (error) {
      printing.fail();
      throw error;
    }
    printing.show(pdf.doc.output('blob'), pdf.fileName);
    // Only the post holding the receipt may record it; for anyone else the PDF is a copy, and asking
    // the repository would only earn a refusal.
    if (this.canAct()) {
      await this.receipts.markAcknowledged(details.receipt.id);
      // one receipt fewer waits in Receipts: Acknowledgement (the navbar's count)
      void this.counts.refresh();
    }
  }

  /** The action chosen in the movement bar: copies and filing have their own dialogs, the rest the marking dialog. */
  async onAction(code: MovementActionCode): Promise<void> {
    if (code === 'copy') await this.copy();
    else if (code === 'putInFile') await this.putInFile();
    // Approving, refusing and reopening are offered on files only.
    else if (code !== 'approve' && code !== 'refuse' && code !== 'reopen' && code !== 'transferOfCharge') await this.mark(code);
  }

  /** Opens the marking dialog for an action; afterwards the page shows the receipt's new state. */
  async mark(action: MovementAction): Promise<void> {
    const details = this.details();
    if (!details) return;
    const done = await this.marking.open({
      itemId: details.receipt.id,
      itemKind: 'receipt',
      label: `${details.receipt.receiptNumber} – ${details.receipt.subject}`,
      action,
      holder: details.receipt.currentHolder,
      heldSince: details.receipt.heldSince
    });
    if (done) {
      this.load();
      void this.timeline()?.reload();
    }
  }

  /** Puts the receipt in a file the officer's post holds (the workflow adds it to the correspondence). */
  async putInFile(): Promise<void> {
    const details = this.details();
    if (!details) return;
    const ref = this.dialog.open<PutInFileDialogSmartComponent, PutInFileDialogData, PutInFileResult>(PutInFileDialogSmartComponent, {
      data: {
        receiptId: details.receipt.id,
        label: details.receipt.receiptNumber,
        subject: details.receipt.subject,
        section: details.receipt.section
      },
      width: '720px'
    });
    const done = await firstValueFrom(ref.afterClosed());
    if (done) {
      this.putInDone.set(done);
      this.load();
      void this.timeline()?.reload();
    }
  }

  /** Sends copies for information (with the original to the officer who takes it for action). */
  async copy(): Promise<void> {
    const details = this.details();
    if (!details) return;
    const ref = this.dialog.open<CopyDialogSmartComponent, CopyDialogData, boolean>(CopyDialogSmartComponent, {
      data: {
        receiptId: details.receipt.id,
        label: `${details.receipt.receiptNumber} – ${details.receipt.subject}`,
        holder: details.receipt.currentHolder
      },
      autoFocus: 'first-tabbable',
      width: '600px'
    });
    if (await firstValueFrom(ref.afterClosed())) {
      this.load();
      void this.timeline()?.reload();
    }
  }

  /** Drafts a reply to the sender, kept under the receipt; it opens in the viewer once stored. */
  async reply(): Promise<void> {
    const details = this.details();
    if (!details) return;
    const ref = this.dialog.open<ReplyDialogSmartComponent, ReplyDialogData, ReplyDialogResult>(ReplyDialogSmartComponent, {
      data: { receipt: details.receipt },
      width: '680px'
    });
    const stored = await firstValueFrom(ref.afterClosed());
    if (!stored) return;
    const current = this.details();
    if (current) this.details.set({ ...current, replies: [...current.replies, stored] });
    await this.showReply(stored.id);
  }

  showScan(id: string): void {
    this.shownReply.set(null);
    this.scanId.set(id);
  }

  /**
   * Shows a draft reply as the letter it is. Its HTML is whatever the repository holds (any holder may
   * rewrite it), so it passes the drafts' allow-list: nothing that runs or loads, links http(s) and mailto only.
   */
  async showReply(id: string): Promise<void> {
    this.replyFailed.set(false);
    try {
      this.shownReply.set({ id, html: sanitiseDraftHtml(await this.receipts.replyLetter(id)) });
    } catch {
      this.shownReply.set(null);
      this.replyFailed.set(true);
    }
  }

  async save(draft: ReceiptDraft): Promise<void> {
    const details = this.details();
    if (!details || this.saving()) return;
    this.saving.set(true);
    this.saveFailed.set(false);
    try {
      const receipt = await this.receipts.update(details.receipt.id, draft, details.movements > 0);
      this.details.set({ ...details, receipt });
      this.editing.set(false);
    } catch {
      this.saveFailed.set(true);
    } finally {
      this.saving.set(false);
    }
  }
}
