import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DELIVERY_MODES, DISPATCH_MODES, labelOf } from '@eoffice/domain';
import { DispatchMode, DispatchRequest } from '../draft.model';
import { NoteSigningService } from '../../signatures/note-signing.service';

export interface DispatchDialogData {
  /** Draft title, shown in the dialog's title. */
  title: string;
}

/** Addressees one per line; blank lines are dropped. */
export const addresseeLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Asks how an approved draft goes out: by self or through the CRU, to whom, by which delivery mode. */
@Component({
  selector: 'eoffice-dispatch-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe
  ],
  templateUrl: './dispatch-dialog.smart-component.html',
  styles: [
    '.eoffice-dispatch-form { display: flex; flex-direction: column; gap: 8px; min-width: min(480px, 80vw); }',
    '.eoffice-dispatch-modes { display: flex; gap: 16px; flex-wrap: wrap; }',
    '.eoffice-dispatch-hint { margin: 0; opacity: 0.8; }'
  ],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DispatchDialogSmartComponent {
  readonly data = inject<DispatchDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<DispatchDialogSmartComponent, DispatchRequest | undefined>);
  private readonly translate = inject(TranslateService);

  /** Whose digital signature the letter will carry (the signing session open in this browser), if any. */
  readonly signer = computed(() => this.signing.session()?.certificate ?? null);
  private readonly signing = inject(NoteSigningService);

  readonly modes = DISPATCH_MODES;
  readonly deliveryModes = DELIVERY_MODES;

  readonly form = new FormGroup({
    mode: new FormControl<DispatchMode>('bySelf', { nonNullable: true }),
    addressees: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/\S/)] }),
    deliveryMode: new FormControl('Post', { nonNullable: true, validators: [Validators.required] })
  });

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  label(list: typeof DISPATCH_MODES, value: string): string {
    return labelOf(list, value, this.lang);
  }

  submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { mode, addressees, deliveryMode } = this.form.getRawValue();
    this.dialogRef.close({ mode, deliveryMode, addressees: addresseeLines(addressees) });
  }

  cancel(): void {
    this.dialogRef.close(undefined);
  }
}
