import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { SearchApi } from '@alfresco/js-api';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { debounceTime } from 'rxjs';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DeskService } from '../../desk/desk.service';
import { departmentSite, refusalText, FileChoice, fileChoiceQuery, toFileChoice } from '@eoffice/domain';
import { MovementService } from '../../movement/services/movement.service';
import { CreateFileSmartComponent, FileDraftPrefill } from '../../file/create-file/create-file.smart-component';
import { CreatedFile, FileService } from '../../file/services/file.service';

export interface PutInFileDialogData {
  receiptId: string;
  label: string;
  /** The receipt's subject and section, which a new file starts from. */
  subject?: string;
  section?: string;
}

/** The file the receipt was put in (the dialog closes with it; nothing when cancelled). */
export interface PutInFileResult {
  fileId: string;
  fileNumber: string;
}

/** Where the new-file flow is: creating (and numbering) the file, then putting the receipt in it. */
export type NewFileStep = 'creating' | 'puttingIn';

/**
 * Finds an open file the officer's post holds (number, Computer No. or subject) and puts the receipt in it;
 * or opens a new file (the Create File form, started from the receipt) and puts the receipt in that. A file
 * once created is kept: if putting in then fails, the dialog says so and retries putting in only.
 */
@Component({
  selector: 'eoffice-put-in-file-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatListModule,
    MatProgressBarModule,
    TranslatePipe,
    CreateFileSmartComponent
  ],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.TITLE' | translate }}: {{ data.label }}</h2>
    <mat-dialog-content class="eoffice-put-in-file">
      <mat-button-toggle-group
        class="eoffice-put-in-file__mode"
        [value]="mode()"
        (change)="choose($event.value)"
        [disabled]="busy() || !!created()"
        [attr.aria-label]="'EOFFICE.RECEIPT.PUT_IN_FILE.TITLE' | translate">
        <mat-button-toggle value="existing" data-test="put-in-file-existing">
          {{ 'EOFFICE.RECEIPT.PUT_IN_FILE.EXISTING' | translate }}
        </mat-button-toggle>
        <mat-button-toggle value="new" data-test="put-in-file-new">{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.NEW' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      @if (created(); as file) {
        <p class="eoffice-put-in-file__created" data-test="put-in-file-created">
          {{ 'EOFFICE.RECEIPT.PUT_IN_FILE.CREATED' | translate: { file: file.fileNumber } }}
        </p>
      } @else if (newFileOpened()) {
        <!-- The Create File form itself, embedded: the dialog creates the file from its draft. Only hidden
             while the officer looks at the existing files, so what she entered is still there when she comes back. -->
        <eoffice-create-file-page [embedded]="true" [prefill]="prefill" [hidden]="mode() !== 'new'" />
      }
      @if (mode() === 'new') {
        @if (step(); as current) {
          <p aria-live="polite" data-test="put-in-file-step">
            {{
              (current === 'creating' ? 'EOFFICE.RECEIPT.PUT_IN_FILE.STEP_CREATING' : 'EOFFICE.RECEIPT.PUT_IN_FILE.STEP_PUTTING_IN')
                | translate: { file: created()?.fileNumber ?? '' }
            }}
          </p>
          <mat-progress-bar mode="indeterminate" />
        }
      } @else {
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.SEARCH' | translate }}</mat-label>
          <input matInput [formControl]="term" data-test="put-in-file-search" />
          <mat-hint>{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.HINT' | translate }}</mat-hint>
        </mat-form-field>
        @if (searching()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <mat-selection-list [multiple]="false" (selectionChange)="chosen.set($event.options[0].value)" data-test="put-in-file-files">
          @for (file of files(); track file.id) {
            <mat-list-option [value]="file" data-test="put-in-file-file">
              <span matListItemTitle>{{ file.fileNumber }}</span>
              <span matListItemLine>{{ file.subject }} · {{ file.computerNumber }}</span>
            </mat-list-option>
          }
        </mat-selection-list>
        @if (!searching() && files().length === 0) {
          <p>{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.NONE' | translate }}</p>
        }
      }
      @if (refusal(); as message) {
        <p class="eoffice-put-in-file__refusal" role="alert" data-test="put-in-file-refusal">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="dialogRef.close()" [disabled]="busy()">
        {{ 'EOFFICE.MOVEMENT.DIALOG.CANCEL' | translate }}
      </button>
      @if (mode() === 'new') {
        <button mat-flat-button color="primary" type="button" (click)="createAndPutIn()" [disabled]="busy()" data-test="put-in-file-create">
          {{ (created() ? 'EOFFICE.RECEIPT.PUT_IN_FILE.RETRY' : 'EOFFICE.RECEIPT.PUT_IN_FILE.CREATE_AND_PUT_IN') | translate }}
        </button>
      } @else {
        <button
          mat-flat-button
          color="primary"
          type="button"
          (click)="confirm()"
          [disabled]="!chosen() || busy()"
          data-test="put-in-file-confirm">
          {{ 'EOFFICE.MOVEMENT.ACTIONS.putInFile' | translate }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: [
    `
      .eoffice-put-in-file {
        display: flex;
        flex-direction: column;
        min-width: min(560px, 80vw);
      }
      .eoffice-put-in-file__mode {
        align-self: flex-start;
        margin-bottom: 16px;
      }
      .eoffice-put-in-file__refusal {
        color: var(--mat-sys-error, #b00020);
      }
    `
  ],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class PutInFileDialogSmartComponent {
  readonly data = inject<PutInFileDialogData>(MAT_DIALOG_DATA);
  readonly dialogRef = inject(MatDialogRef<PutInFileDialogSmartComponent, PutInFileResult>);
  private readonly apiService = inject(AlfrescoApiService);
  private readonly desk = inject(DeskService);
  private readonly movement = inject(MovementService);
  private readonly fileService = inject(FileService);
  private readonly translate = inject(TranslateService);
  private readonly createForm = viewChild(CreateFileSmartComponent);

  readonly term = new FormControl('', { nonNullable: true });
  readonly files = signal<FileChoice[]>([]);
  readonly chosen = signal<FileChoice | null>(null);
  readonly searching = signal(false);
  readonly busy = signal(false);
  readonly refusal = signal<string | null>(null);
  readonly mode = signal<'existing' | 'new'>('existing');
  /** The new file, once created: kept whatever happens next, so a retry only puts the receipt in it. */
  readonly created = signal<CreatedFile | null>(null);
  readonly step = signal<NewFileStep | null>(null);
  /** The new-file form was shown once: it is kept from then on. */
  readonly newFileOpened = signal(false);
  readonly prefill: FileDraftPrefill = { subject: this.data.subject ?? '', section: this.data.section ?? '' };
  private searchSeq = 0;

  constructor() {
    this.term.valueChanges.pipe(debounceTime(250), takeUntilDestroyed()).subscribe((term) => void this.search(term));
    void this.search('');
  }

  choose(mode: 'existing' | 'new'): void {
    this.mode.set(mode);
    this.refusal.set(null);
    if (mode === 'new') this.newFileOpened.set(true);
  }

  async search(term: string): Promise<void> {
    const seq = ++this.searchSeq;
    this.searching.set(true);
    try {
      const desk = await this.desk.desk();
      const result = await new SearchApi(this.apiService.getInstance()).search({
        query: { query: fileChoiceQuery(departmentSite(desk.hierarchy), desk.posts, term), language: 'afts' },
        include: ['properties'],
        paging: { skipCount: 0, maxItems: 25 },
        sort: [{ type: 'FIELD', field: 'cm:modified', ascending: false }]
      });
      if (seq !== this.searchSeq) return;
      this.files.set((result.list?.entries ?? []).map((e) => toFileChoice(e.entry as never)));
    } catch {
      if (seq === this.searchSeq) this.refusal.set(this.translate.instant('EOFFICE.RECEIPT.PUT_IN_FILE.SEARCH_FAILED'));
    } finally {
      if (seq === this.searchSeq) this.searching.set(false);
    }
  }

  async confirm(): Promise<void> {
    const file = this.chosen();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await this.movement.act(this.data.receiptId, { action: 'putInFile', file: file.id });
      this.dialogRef.close({ fileId: file.id, fileNumber: file.fileNumber });
    } catch (error) {
      this.refusal.set(refusalText(error, (key) => this.translate.instant(key)));
    } finally {
      this.busy.set(false);
    }
  }

  /**
   * Creates the file from the form (numbered by the repository, held by the officer's post), then puts the
   * receipt in it. A failure to create leaves the form as it was; a failure after that keeps the file and
   * says so, and the next click only puts the receipt in it.
   */
  async createAndPutIn(): Promise<void> {
    if (this.busy()) return;
    let file = this.created();
    if (!file) {
      const draft = this.createForm()?.validDraft();
      if (!draft) return;
      this.busy.set(true);
      this.refusal.set(null);
      this.step.set('creating');
      try {
        file = await this.fileService.create(draft);
        this.created.set(file);
      } catch (error) {
        const message = (error as Error)?.message ?? '';
        this.refusal.set(this.translate.instant(message.startsWith('EOFFICE.') ? message : 'EOFFICE.FILE.ERRORS.CREATE_FAILED'));
        this.step.set(null);
        this.busy.set(false);
        return;
      }
    }
    this.busy.set(true);
    this.refusal.set(null);
    this.step.set('puttingIn');
    try {
      await this.movement.act(this.data.receiptId, { action: 'putInFile', file: file.id });
      this.dialogRef.close({ fileId: file.id, fileNumber: file.fileNumber });
    } catch (error) {
      this.refusal.set(
        this.translate.instant('EOFFICE.RECEIPT.PUT_IN_FILE.PUT_IN_FAILED', {
          file: file.fileNumber,
          reason: refusalText(error, (key) => this.translate.instant(key))
        })
      );
    } finally {
      this.step.set(null);
      this.busy.set(false);
    }
  }
}
