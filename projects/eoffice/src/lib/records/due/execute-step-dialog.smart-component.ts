import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { LoadState } from '../../shared/state/load-state';
import { DueItem } from '../records.model';
import { RecordsService } from '../records.service';

export interface ExecuteStepDialogData {
  item: DueItem;
  /** The step as the records manager reads it (translated). */
  stepLabel: string;
}

/**
 * Asks before a retention step is executed. A destruction names what it destroys — the record, or the
 * record folder and every record in it, read from the repository as the dialog opens — since nothing of
 * their content comes back. Closes with true to execute.
 */
@Component({
  selector: 'eoffice-execute-step-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'EOFFICE.RECORDS.DUE.CONFIRM_TITLE' | translate: { step: data.stepLabel, item: data.item.itemName } }}</h2>
    <mat-dialog-content>
      <p>{{ 'EOFFICE.RECORDS.DUE.CONFIRM_STEP' | translate: { step: data.stepLabel, item: data.item.itemName } }}</p>
      @if (destroys) {
        @if (state.loading()) {
          <p>{{ 'EOFFICE.RECORDS.DUE.CONFIRM_READING' | translate }}</p>
          <mat-progress-bar mode="indeterminate" />
        } @else if (state.failed()) {
          <p role="alert" data-automation-id="eoffice-records-destroy-unknown">
            {{ 'EOFFICE.RECORDS.DUE.CONFIRM_READ_FAILED' | translate }}
          </p>
        } @else {
          <p>{{ 'EOFFICE.RECORDS.DUE.CONFIRM_DESTROY' | translate }}</p>
          <ul data-automation-id="eoffice-records-destroy-list">
            @for (name of destroyed(); track $index) {
              <li>{{ name }}</li>
            }
          </ul>
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
      <button
        mat-flat-button
        type="button"
        [class.eoffice-records-destroy]="destroys"
        [disabled]="destroys && state.loading()"
        [mat-dialog-close]="true"
        data-automation-id="eoffice-records-execute-confirm">
        {{ (destroys ? 'EOFFICE.RECORDS.DUE.DESTROY' : 'EOFFICE.RECORDS.DUE.CONFIRM') | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .eoffice-records-destroy {
      --mdc-filled-button-container-color: var(--mat-sys-error, #b3261e);
      --mat-button-filled-container-color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ExecuteStepDialogSmartComponent {
  private readonly records = inject(RecordsService);
  readonly data = inject<ExecuteStepDialogData>(MAT_DIALOG_DATA);
  readonly destroys = this.data.item.step === 'destroy';
  readonly state = new LoadState({ loading: this.destroys });
  readonly destroyed = signal<string[]>([]);

  constructor() {
    if (this.destroys)
      void this.state.run(
        () => this.records.destroyedBy(this.data.item),
        (names) => this.destroyed.set(names)
      );
  }
}
