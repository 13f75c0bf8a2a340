import {
  ChangeDetectionStrategy,
  Component,
  booleanAttribute,
  computed,
  inject,
  input,
  output,
  signal,
  effect,
  untracked
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { RetentionStep, StepChange, stepChangeProblems, stepInWords } from '../records.model';
import { Refusal, recordsWords } from '../records-failure';
import { PeriodFieldsUiComponent, StepPeriod } from './period-fields.ui-component';

/**
 * Changes a step already in a schedule: its period and its description, shown in words before it is sent
 * (AGS moves the due date of what already waits on the step). Removing the step (and those after it) is
 * offered only while AGS allows it (`removable`: nothing under the schedule yet). The page sends both and
 * hands back the repository's refusal, if any.
 */
@Component({
  selector: 'eoffice-edit-step-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, PeriodFieldsUiComponent, TranslatePipe],
  template: `
    <form class="eoffice-edit-step" (ngSubmit)="send()" data-automation-id="eoffice-records-edit-step-form">
      <div class="eoffice-edit-step__fields">
        <eoffice-period-fields [value]="change()" automationId="eoffice-records-edit" (periodChange)="patch($event)" />
        <mat-form-field class="eoffice-edit-step__description">
          <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.DESCRIPTION' | translate }}</mat-label>
          <input
            matInput
            name="description"
            [ngModel]="change().description"
            (ngModelChange)="set('description', $event)"
            data-automation-id="eoffice-records-edit-description" />
        </mat-form-field>
      </div>
      <p data-automation-id="eoffice-records-edit-preview">{{ 'EOFFICE.RECORDS.FILE_PLAN.PREVIEW' | translate: { words: preview() } }}</p>
      @for (problem of problems(); track problem) {
        <p role="alert" class="eoffice-edit-step__problem">{{ problem | translate }}</p>
      }
      @if (refusal(); as r) {
        <div role="alert" class="eoffice-edit-step__problem" data-automation-id="eoffice-records-edit-refused">
          {{ r.key | translate: r.params }}
        </div>
      }
      @if (!removable()) {
        <p class="eoffice-edit-step__note" data-automation-id="eoffice-records-remove-not-allowed">
          {{ 'EOFFICE.RECORDS.FILE_PLAN.REMOVE_NOT_ALLOWED' | translate }}
        </p>
      }
      <div class="eoffice-edit-step__actions">
        @if (removable()) {
          <button
            mat-button
            color="warn"
            type="button"
            [disabled]="busy()"
            (click)="remove.emit()"
            data-automation-id="eoffice-records-remove-step">
            {{ 'EOFFICE.RECORDS.FILE_PLAN.REMOVE_STEP' | translate }}
          </button>
        }
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="problems().length > 0 || busy()" data-automation-id="eoffice-records-edit-send">
          {{ 'EOFFICE.RECORDS.FILE_PLAN.SAVE_STEP' | translate }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .eoffice-edit-step {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 8px 0;
    }
    .eoffice-edit-step__fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .eoffice-edit-step__description {
      flex: 1 1 240px;
    }
    .eoffice-edit-step__problem {
      color: var(--mat-sys-error, #b3261e);
      margin: 4px 0;
    }
    .eoffice-edit-step__actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class EditStepFormUiComponent {
  private readonly translate = inject(TranslateService);

  readonly step = input.required<RetentionStep>();
  /** AGS allows removing steps only while no record folder or record is under the schedule. */
  readonly removable = input(false, { transform: booleanAttribute });
  readonly busy = input(false, { transform: booleanAttribute });
  readonly refusal = input<Refusal | null>(null);
  readonly save = output<StepChange>();
  readonly remove = output<void>();
  readonly cancelled = output<void>();

  readonly change = signal<StepChange>({ period: 'immediately', periodAmount: null, description: '' });
  readonly problems = computed(() => stepChangeProblems(this.change()));
  private readonly words = recordsWords((key, params) => this.translate.instant(key, params));
  readonly preview = computed(() => stepInWords({ ...this.step(), ...this.change() }, this.words));

  constructor() {
    // The form starts from the step as AGS holds it.
    effect(() => {
      const step = this.step();
      untracked(() =>
        this.change.set({ period: step.period ?? 'none', periodAmount: step.periodAmount ?? null, description: step.description ?? '' })
      );
    });
  }

  set<K extends keyof StepChange>(field: K, value: StepChange[K]): void {
    this.change.update((c) => ({ ...c, [field]: value }));
  }

  patch(period: Partial<StepPeriod>): void {
    this.change.update((c) => ({ ...c, ...period }));
  }

  send(): void {
    if (this.problems().length || this.busy()) return;
    this.save.emit(this.change());
  }
}
