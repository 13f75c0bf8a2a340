import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ReceiptDraft } from '../model/receipt.model';
import { ReceiptFormUiComponent, GenerateRequest } from '../receipt-form/receipt-form.ui-component';
import { DiaryDesk, DiarisedReceipt, ReceiptService, ScanProgress } from '../services/receipt.service';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { SenderMemoryService } from '../services/sender-memory.service';
import { LoadState } from '../../shared/state/load-state';

/** Browse & Diarise: the Central Registry enters dak and gets its receipt number at once. */
@Component({
  selector: 'eoffice-diarise-page',
  imports: [
    PageLayoutComponent,
    TranslatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    ReceiptFormUiComponent
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECEIPT.DIARISE.TITLE' | translate }}</h1>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-diarise">
          @if (loading()) {
            <div role="status" class="eoffice-diarise__status"><mat-progress-spinner mode="indeterminate" diameter="32" /></div>
          } @else if (deskError()) {
            <div role="alert" class="eoffice-diarise__error" data-automation-id="eoffice-diarise-desk-error">
              {{ deskError()! | translate }}
            </div>
          } @else {
            @for (done of diarised(); track done.id) {
              <div class="eoffice-diarise__result" role="status" data-automation-id="eoffice-diarise-result">
                <mat-icon>check_circle</mat-icon>
                <span>{{ 'EOFFICE.RECEIPT.DIARISE.GENERATED' | translate }}</span>
                <a
                  [routerLink]="['/eoffice/receipts', done.id]"
                  class="eoffice-diarise__number"
                  data-automation-id="eoffice-diarise-number"
                  >{{ done.receiptNumber || ('EOFFICE.RECEIPT.DIARISE.NOT_NUMBERED' | translate) }}</a
                >
                @if (done.failedScans.length) {
                  <span class="eoffice-diarise__error">{{
                    'EOFFICE.RECEIPT.DIARISE.SCANS_FAILED' | translate: { count: done.failedScans.length }
                  }}</span>
                  <button mat-stroked-button type="button" (click)="retryScans(done)">
                    {{ 'EOFFICE.RECEIPT.DIARISE.RETRY_SCANS' | translate }}
                  </button>
                }
              </div>
            }
            @if (saveError()) {
              <div role="alert" class="eoffice-diarise__error" data-automation-id="eoffice-diarise-error">
                {{ saveError()! | translate }}
              </div>
            }
            <eoffice-receipt-form
              [sections]="sections()"
              [draft]="start()"
              [saving]="saving()"
              [progress]="progress()"
              [lang]="lang()"
              (generate)="generate($event)" />
          }
        </div>
      </div>
    </aca-page-layout>
  `,
  styles: `
    .eoffice-diarise {
      padding: 16px 24px;
    }
    .eoffice-diarise__result {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 16px;
      margin-bottom: 12px;
      border-radius: 4px;
      background: rgba(46, 125, 50, 0.1);
    }
    .eoffice-diarise__number {
      font-size: 18px;
      font-weight: 500;
    }
    .eoffice-diarise__error {
      color: var(--theme-warn-color, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DiariseSmartComponent {
  private readonly receipts = inject(ReceiptService);
  private readonly marking = inject(MarkingDialogService);
  private readonly senderMemory = inject(SenderMemoryService);
  private readonly translate = inject(TranslateService);
  private readonly form = viewChild(ReceiptFormUiComponent);

  /** Reading the diarist's desk as the page opens: without it there is no section to diarise in. */
  private readonly state = new LoadState({ loading: true, reason: () => 'EOFFICE.RECEIPT.ERRORS.NO_DEPARTMENT' });
  readonly loading = this.state.loading;
  readonly desk = signal<DiaryDesk | null>(null);
  /** Why nothing can be diarised here: the desk could not be read, or the officer holds no post. */
  readonly deskError = computed(() => this.state.reason() ?? (this.desk()?.posts.length === 0 ? 'EOFFICE.RECEIPT.ERRORS.NO_POST' : null));
  readonly start = signal<ReceiptDraft | null>(null);
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly progress = signal<ScanProgress[]>([]);
  /** Receipts generated on this page, newest first. */
  readonly diarised = signal<DiarisedReceipt[]>([]);
  readonly lang = signal<'en' | 'hi'>(this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en');
  readonly sections = computed(() =>
    (this.desk()?.hierarchy.sections ?? []).map((section) => ({
      code: section.code,
      label: `${section.code} — ${section.name[this.lang()]}`
    }))
  );

  constructor() {
    void this.state.run(
      () => this.receipts.desk(),
      (desk) => {
        this.desk.set(desk);
        this.start.set(ReceiptFormUiComponent.defaults(desk.section, this.senderMemory.recall()));
      }
    );
  }

  /** Generate / Generate & Copy / Generate & Send. A second click while the first is saving is ignored: exactly one receipt. */
  async generate(request: GenerateRequest): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.progress.set([]);
    try {
      const done = await this.receipts.diarise(request.draft, request.scans, (p) => this.onProgress(p));
      this.senderMemory.remember(request.draft.sender);
      this.diarised.update((list) => [done, ...list].slice(0, 5));
      if (request.keepForNext) {
        this.form()?.keepForNext();
      } else {
        // A fresh entry in the same section and form (a batch of physical dak stays physical), same sender.
        this.start.set({ ...ReceiptFormUiComponent.defaults(request.draft.section, request.draft.sender), form: request.draft.form });
      }
      this.progress.set([]);
      if (request.thenSend && done.receiptNumber) {
        // Generate & Send: the new receipt is with the diarist's post; the marking dialog moves it on.
        const desk = await this.receipts.desk();
        await this.marking.open({
          itemId: done.id,
          itemKind: 'receipt',
          label: `${done.receiptNumber} – ${request.draft.subject}`,
          action: 'send',
          holder: desk.posts[0]
        });
      }
    } catch (error) {
      const message = error instanceof Error && error.message.startsWith('EOFFICE.') ? error.message : 'EOFFICE.RECEIPT.ERRORS.SAVE_FAILED';
      this.saveError.set(message);
    } finally {
      this.saving.set(false);
    }
  }

  /** Uploads the scans that failed again; the receipt gets its number once all are stored. */
  async retryScans(done: DiarisedReceipt): Promise<void> {
    this.saveError.set(null);
    try {
      const again = await this.receipts.retryScans(done);
      this.diarised.update((list) => list.map((item) => (item.id === done.id ? again : item)));
    } catch (error) {
      this.saveError.set(
        error instanceof Error && error.message.startsWith('EOFFICE.') ? error.message : 'EOFFICE.RECEIPT.ERRORS.SAVE_FAILED'
      );
    }
  }

  private onProgress(p: ScanProgress): void {
    this.progress.update((list) => [...list.filter((item) => item.file !== p.file), p]);
  }
}
