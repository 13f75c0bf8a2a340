import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';

/** A user name: one word, no spaces (ACS's user ids as the officers sign in with them). */
const USER_NAME = /^[^\s]+$/;

/** The control an officer field edits: a user name, required unless `optional`. */
export function officerControl(optional = false): FormControl<string> {
  return new FormControl('', {
    nonNullable: true,
    validators: optional ? [Validators.pattern(USER_NAME)] : [Validators.required, Validators.pattern(USER_NAME)]
  });
}

/**
 * Names an officer by his sign-in name (the officer taking charge, a link officer, the absent officer): the
 * label and hint the page gives, the one rule every such field has (a user name has no spaces). Whether the
 * account exists, and whether he may be named, the page asks the repository. The marking dialog picks posts,
 * not officers, under the channel rules, so it has its own select.
 */
@Component({
  selector: 'eoffice-officer-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | translate }}</mat-label>
      <input matInput [formControl]="control()" autocomplete="off" autocapitalize="none" spellcheck="false" [attr.data-test]="testId()" />
      <mat-hint>{{ hint() | translate }}</mat-hint>
      @if (control().hasError('pattern')) {
        <mat-error>{{ 'EOFFICE.OFFICER_FIELD.NO_SPACES' | translate }}</mat-error>
      }
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class OfficerFieldUiComponent {
  readonly control = input.required<FormControl<string>>();
  /** Translation keys of the label and the hint under the field. */
  readonly label = input.required<string>();
  readonly hint = input('EOFFICE.CHARGE.TO_HINT');
  readonly testId = input.required<string>();
}
