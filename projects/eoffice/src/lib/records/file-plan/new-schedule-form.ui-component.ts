import { ChangeDetectionStrategy, Component, booleanAttribute, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { ScheduleDraft } from '../records.model';
import { Refusal } from '../records-failure';

/**
 * A retention schedule of a category's own: the authority it follows, its instructions, and whether its
 * steps apply to each record folder or to each record. AGS's rules are said before it is sent (one per
 * category; record level only while the category holds no record folders; not under items another schedule
 * already governs); the page sends it (`create`) and hands back the repository's refusal (`refusal`).
 */
@Component({
  selector: 'eoffice-new-schedule-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  template: `
    <form class="eoffice-new-schedule" (ngSubmit)="send()" data-automation-id="eoffice-records-new-schedule-form">
      <p class="eoffice-new-schedule__rules">{{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_RULES' | translate }}</p>
      <mat-form-field>
        <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_AUTHORITY' | translate }}</mat-label>
        <input
          matInput
          name="authority"
          [ngModel]="draft().authority"
          (ngModelChange)="set('authority', $event)"
          data-automation-id="eoffice-records-schedule-authority" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_INSTRUCTIONS' | translate }}</mat-label>
        <textarea
          matInput
          name="instructions"
          rows="2"
          [ngModel]="draft().instructions"
          (ngModelChange)="set('instructions', $event)"
          data-automation-id="eoffice-records-schedule-instructions"></textarea>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_LEVEL' | translate }}</mat-label>
        <mat-select name="isRecordLevel" [ngModel]="draft().isRecordLevel" (ngModelChange)="set('isRecordLevel', $event)">
          <mat-option [value]="false">{{ 'EOFFICE.RECORDS.FILE_PLAN.FOLDER_LEVEL' | translate }}</mat-option>
          <mat-option [value]="true">{{ 'EOFFICE.RECORDS.FILE_PLAN.RECORD_LEVEL' | translate }}</mat-option>
        </mat-select>
      </mat-form-field>
      @if (refusal(); as r) {
        <p role="alert" class="eoffice-new-schedule__refusal" data-automation-id="eoffice-records-schedule-refused">
          {{ r.key | translate: r.params }}
        </p>
      }
      <div class="eoffice-new-schedule__actions">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-automation-id="eoffice-records-schedule-send">
          {{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_SEND' | translate }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .eoffice-new-schedule {
      display: flex;
      flex-direction: column;
      max-width: 640px;
    }
    .eoffice-new-schedule__refusal {
      color: var(--mat-sys-error, #b3261e);
    }
    .eoffice-new-schedule__actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class NewScheduleFormUiComponent {
  readonly busy = input(false, { transform: booleanAttribute });
  /** What the repository said when it refused the schedule last sent. */
  readonly refusal = input<Refusal | null>(null);
  readonly create = output<ScheduleDraft>();
  readonly cancelled = output<void>();

  readonly draft = signal<ScheduleDraft>({ authority: '', instructions: '', isRecordLevel: false });

  set<K extends keyof ScheduleDraft>(field: K, value: ScheduleDraft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  send(): void {
    if (this.busy()) return;
    this.create.emit(this.draft());
  }
}
