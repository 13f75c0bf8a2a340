import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
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
import { departmentSite } from '../../domain';
import { refusalText } from '../../movement/model/movement.model';
import { MovementService } from '../../movement/services/movement.service';
import { FileChoice, fileChoiceQuery, toFileChoice } from './file-search';

export interface PutInFileDialogData {
  receiptId: string;
  label: string;
}

/** Finds an open file the officer's post holds (number, Computer No. or subject) and puts the receipt in it. */
@Component({
  selector: 'eoffice-put-in-file-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatListModule,
    MatProgressBarModule,
    TranslatePipe
  ],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.RECEIPT.PUT_IN_FILE.TITLE' | translate }}: {{ data.label }}</h2>
    <mat-dialog-content class="eoffice-put-in-file">
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
      @if (refusal(); as message) {
        <p class="eoffice-put-in-file__refusal" role="alert" data-test="put-in-file-refusal">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="dialogRef.close(false)" [disabled]="busy()">
        {{ 'EOFFICE.MOVEMENT.DIALOG.CANCEL' | translate }}
      </button>
      <button
        mat-flat-button
        color="primary"
        type="button"
        (click)="confirm()"
        [disabled]="!chosen() || busy()"
        data-test="put-in-file-confirm">
        {{ 'EOFFICE.MOVEMENT.ACTIONS.putInFile' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: [
    `
      .eoffice-put-in-file {
        display: flex;
        flex-direction: column;
        min-width: min(560px, 80vw);
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
  readonly dialogRef = inject(MatDialogRef<PutInFileDialogSmartComponent, boolean>);
  private readonly apiService = inject(AlfrescoApiService);
  private readonly desk = inject(DeskService);
  private readonly movement = inject(MovementService);
  private readonly translate = inject(TranslateService);

  readonly term = new FormControl('', { nonNullable: true });
  readonly files = signal<FileChoice[]>([]);
  readonly chosen = signal<FileChoice | null>(null);
  readonly searching = signal(false);
  readonly busy = signal(false);
  readonly refusal = signal<string | null>(null);
  private searchSeq = 0;

  constructor() {
    this.term.valueChanges.pipe(debounceTime(250), takeUntilDestroyed()).subscribe((term) => void this.search(term));
    void this.search('');
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
      this.dialogRef.close(true);
    } catch (error) {
      this.refusal.set(refusalText(error, (key) => this.translate.instant(key)));
    } finally {
      this.busy.set(false);
    }
  }
}
