import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DeskService } from '../../desk/desk.service';
import { postOfGroup, refusalText } from '@eoffice/domain';
import { MovementService } from '../../movement/services/movement.service';
import { MarkingOption, markingOptions } from '../../movement/marking-dialog/marking-options';

export interface CopyDialogData {
  receiptId: string;
  /** Number and subject, shown in the title. */
  label: string;
  /** Post group holding the receipt (eo:currentHolder): copies are marked from it. */
  holder: string;
}

/**
 * Copy: the receipt goes to officers for information; each copy gets read access and its own movement
 * "[copy] …". By default the officer keeps the receipt to act on (the workflow's copy action); naming
 * someone to take it for action sends the original on with the copies (a send with eowf_copyTo). The
 * remarks default to "For information".
 */
@Component({
  selector: 'eoffice-copy-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe
  ],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.RECEIPT.COPY.TITLE' | translate }}: {{ data.label }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" class="eoffice-copy-form" id="eoffice-copy-form" (ngSubmit)="submit()">
        <p>{{ 'EOFFICE.RECEIPT.COPY.WHY' | translate }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.COPY.COPY_TO' | translate }}</mat-label>
          <mat-select formControlName="copyTo" multiple data-test="copy-to">
            @for (option of options(); track option.code) {
              <mat-option [value]="option.code" [disabled]="!option.allowed || option.code === form.controls.to.value">
                {{ option.title }}
                @if (!option.allowed) {
                  <small class="eoffice-copy-form__reason">{{ option.reason }}</small>
                }
              </mat-option>
            }
          </mat-select>
          @if (form.controls.copyTo.touched && form.controls.copyTo.hasError('required')) {
            <mat-error data-test="copy-to-error">{{ 'EOFFICE.RECEIPT.COPY.COPY_TO_REQUIRED' | translate }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.COPY.ACTION_BY' | translate }}</mat-label>
          <mat-select formControlName="to" data-test="copy-action-by">
            <mat-option value="" data-test="copy-keep">{{ 'EOFFICE.RECEIPT.COPY.KEEP' | translate }}</mat-option>
            @for (option of options(); track option.code) {
              <mat-option [value]="option.code" [disabled]="!option.allowed">{{ option.title }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'EOFFICE.RECEIPT.COPY.ACTION_BY_HINT' | translate }}</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.MOVEMENT.DIALOG.REMARKS' | translate }}</mat-label>
          <textarea matInput rows="2" formControlName="remarks" data-test="copy-remarks"></textarea>
          @if (form.controls.remarks.hasError('maxlength')) {
            <mat-error>{{ 'EOFFICE.MOVEMENT.DIALOG.REMARKS_TOO_LONG' | translate }}</mat-error>
          }
        </mat-form-field>
        @if (loadFailed()) {
          <p class="eoffice-copy-form__refusal" role="alert">{{ 'EOFFICE.MOVEMENT.DIALOG.LOAD_FAILED' | translate }}</p>
        }
        @if (refusal(); as message) {
          <p class="eoffice-copy-form__refusal" role="alert" data-test="copy-refusal">{{ message }}</p>
        }
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="cancel()" [disabled]="busy()">{{ 'EOFFICE.MOVEMENT.DIALOG.CANCEL' | translate }}</button>
      <button mat-flat-button color="primary" type="submit" form="eoffice-copy-form" [disabled]="busy()" data-test="copy-submit">
        {{ 'EOFFICE.RECEIPT.COPY.SUBMIT' | translate: { count: copies() } }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .eoffice-copy-form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(520px, 80vw);
    }
    .eoffice-copy-form__reason {
      display: block;
      opacity: 0.7;
    }
    .eoffice-copy-form__refusal {
      color: var(--mat-sys-error, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class CopyDialogSmartComponent {
  readonly data = inject<CopyDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<CopyDialogSmartComponent, boolean>);
  private readonly movement = inject(MovementService);
  private readonly desk = inject(DeskService);
  private readonly translate = inject(TranslateService);

  readonly options = signal<MarkingOption[]>([]);
  readonly busy = signal(false);
  readonly refusal = signal<string | null>(null);
  readonly loadFailed = signal(false);

  readonly form = inject(FormBuilder).nonNullable.group({
    copyTo: [[] as string[], Validators.required],
    /** Empty: the officer keeps the receipt; a post: it takes the original for action. */
    to: [''],
    remarks: [this.translate.instant('EOFFICE.RECEIPT.COPY.REMARKS_DEFAULT') as string, Validators.maxLength(1000)]
  });
  private readonly copyTo = toSignal(this.form.controls.copyTo.valueChanges, { initialValue: [] as string[] });
  readonly copies = computed(() => this.copyTo().length);

  constructor() {
    this.dialogRef.disableClose = true;
    // The post taking it for action receives the original, not a copy as well.
    this.form.controls.to.valueChanges.subscribe((to) => {
      const copyTo = this.form.controls.copyTo.value;
      if (copyTo.includes(to)) this.form.controls.copyTo.setValue(copyTo.filter((code) => code !== to));
    });
    void this.loadOptions();
  }

  private async loadOptions(): Promise<void> {
    try {
      const desk = await this.desk.desk();
      const lang = this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
      const from = postOfGroup(desk.hierarchy, this.data.holder) ?? desk.postEntries[0];
      this.options.set(from ? markingOptions(desk.hierarchy, from.code, lang) : []);
    } catch {
      this.loadFailed.set(true);
    }
  }

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.busy()) return;
    const { to, copyTo, remarks } = this.form.getRawValue();
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await this.movement.act(
        this.data.receiptId,
        to ? { action: 'send', to, copyTo: copyTo.filter((code) => code !== to), remarks } : { action: 'copy', copyTo, remarks }
      );
      this.dialogRef.close(true);
    } catch (error) {
      this.refusal.set(refusalText(error, (key) => this.translate.instant(key)));
    } finally {
      this.busy.set(false);
    }
  }

  cancel(): void {
    this.dialogRef.close(false);
  }
}
