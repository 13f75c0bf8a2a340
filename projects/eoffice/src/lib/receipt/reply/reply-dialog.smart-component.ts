import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Receipt } from '../model/receipt.model';
import { errorKey } from '../model/receipt-validation';
import { LoadState } from '../../shared/state/load-state';
import { ReceiptService } from '../services/receipt.service';
import { MAX_REPLY_SUBJECT, ReplyDraft, replyDraftOf } from './reply-letter';

export interface ReplyDialogData {
  receipt: Receipt;
}

/** Required, and blank text (spaces only) counts as missing. */
const filled = (control: AbstractControl): ValidationErrors | null =>
  typeof control.value === 'string' && control.value.trim() ? null : { required: true };

/** The reply's stored draft, or undefined when the officer cancelled. */
export type ReplyDialogResult = { id: string; name: string; title: string } | undefined;

/** Reply to the sender: a letter pre-filled from the receipt (addressee, reference, "Reply: subject"), kept as a draft under it. */
@Component({
  selector: 'eoffice-reply-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.RECEIPT.REPLY.TITLE' | translate }}: {{ data.receipt.receiptNumber }}</h2>
    <mat-dialog-content>
      <form [formGroup]="form" class="eoffice-reply-form" id="eoffice-reply-form" (ngSubmit)="submit()">
        <p class="eoffice-reply-form__why">{{ 'EOFFICE.RECEIPT.REPLY.WHY' | translate }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.REPLY.TO' | translate }}</mat-label>
          <textarea matInput rows="4" formControlName="to" data-test="reply-to"></textarea>
          @if (error('to'); as key) {
            <mat-error data-test="reply-to-error">{{ key | translate }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.REPLY.REFERENCE' | translate }}</mat-label>
          <textarea matInput rows="2" formControlName="reference" data-test="reply-reference"></textarea>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.FIELDS.SUBJECT' | translate }}</mat-label>
          <input matInput formControlName="subject" data-test="reply-subject" />
          @if (error('subject'); as key) {
            <mat-error data-test="reply-subject-error">{{ key | translate }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'EOFFICE.RECEIPT.REPLY.BODY' | translate }}</mat-label>
          <textarea matInput rows="8" formControlName="body" data-test="reply-body"></textarea>
          <mat-hint>{{ 'EOFFICE.RECEIPT.REPLY.BODY_HINT' | translate }}</mat-hint>
          @if (error('body'); as key) {
            <mat-error data-test="reply-body-error">{{ key | translate }}</mat-error>
          }
        </mat-form-field>
        @if (failed()) {
          <p class="eoffice-reply-form__error" role="alert" data-test="reply-failed">{{ 'EOFFICE.RECEIPT.REPLY.FAILED' | translate }}</p>
        }
      </form>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="cancel()" [disabled]="busy()">{{ 'EOFFICE.RECEIPT.ACTIONS.CANCEL' | translate }}</button>
      <button mat-flat-button color="primary" type="submit" form="eoffice-reply-form" [disabled]="busy()" data-test="reply-save">
        {{ 'EOFFICE.RECEIPT.REPLY.SAVE' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .eoffice-reply-form {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: min(560px, 80vw);
    }
    .eoffice-reply-form__error {
      color: var(--mat-sys-error, #b00020);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReplyDialogSmartComponent {
  readonly data = inject<ReplyDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<ReplyDialogSmartComponent, ReplyDialogResult>);
  private readonly receipts = inject(ReceiptService);
  private readonly translate = inject(TranslateService);

  /** Saving the draft reply: the progress while it is written, the failure line when it could not be. */
  private readonly state = new LoadState();
  readonly busy = this.state.loading;
  readonly failed = this.state.failed;

  private readonly initial: ReplyDraft = replyDraftOf(this.data.receipt, {
    yourLetter: this.translate.instant('EOFFICE.RECEIPT.REPLY.YOUR_LETTER'),
    dated: this.translate.instant('EOFFICE.RECEIPT.REPLY.DATED'),
    ourReceipt: this.translate.instant('EOFFICE.RECEIPT.REPLY.OUR_RECEIPT')
  });

  readonly form = inject(FormBuilder).nonNullable.group({
    to: [this.initial.to, filled],
    reference: [this.initial.reference],
    subject: [this.initial.subject, [filled, Validators.maxLength(MAX_REPLY_SUBJECT)]],
    body: [this.initial.body, filled]
  });

  constructor() {
    this.dialogRef.disableClose = true;
  }

  error(name: 'to' | 'subject' | 'body'): string | undefined {
    const control = this.form.controls[name];
    return control.touched || control.dirty ? errorKey(control.errors) : undefined;
  }

  async submit(): Promise<void> {
    this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    if (this.form.invalid || this.busy()) return;
    await this.state.run(
      () => this.receipts.createReply(this.data.receipt, value),
      (reply) => this.dialogRef.close(reply)
    );
  }

  cancel(): void {
    this.dialogRef.close(undefined);
  }
}
