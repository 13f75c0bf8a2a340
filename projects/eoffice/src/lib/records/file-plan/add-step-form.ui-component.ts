import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { RETENTION_STEP_NAMES } from '@eoffice/domain';
import { OFFERED_EVENTS, RetentionStep, StepDraft, stepInWords, stepProblems } from '../records.model';
import { Refusal, recordsWords } from '../records-failure';
import { PeriodFieldsUiComponent, StepPeriod } from './period-fields.ui-component';

const EMPTY_DRAFT: StepDraft = {
  name: '',
  period: 'immediately',
  periodAmount: null,
  periodProperty: 'cm:created',
  events: [],
  location: '',
  description: ''
};

/**
 * A new step for a retention schedule. AGS's rules are shown before it is sent, and what this step would
 * break of them is listed (and the step not offered to send); the step as it will read is shown in words.
 * The page sends it (`add`) and hands back the repository's refusal, if any (`refusal`).
 */
@Component({
  selector: 'eoffice-add-step-form',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, PeriodFieldsUiComponent, TranslatePipe],
  template: `
    <form class="eoffice-add-step" (ngSubmit)="send()" data-automation-id="eoffice-records-add-step-form">
      <p class="eoffice-add-step__rules" data-automation-id="eoffice-records-step-rules">
        {{ 'EOFFICE.RECORDS.FILE_PLAN.RULES' | translate }}
      </p>
      <div class="eoffice-add-step__fields">
        <mat-form-field>
          <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.STEP_NAME' | translate }}</mat-label>
          <mat-select
            name="name"
            [ngModel]="draft().name"
            (ngModelChange)="set('name', $event)"
            data-automation-id="eoffice-records-step-name">
            @for (name of stepNames; track name) {
              <mat-option [value]="name">{{ 'EOFFICE.RECORDS.STEP_NAME.' + name.toUpperCase() | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <eoffice-period-fields [value]="draft()" withFrom (periodChange)="patch($event)" />
        <mat-form-field>
          <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.EVENTS' | translate }}</mat-label>
          <mat-select name="events" multiple [ngModel]="draft().events" (ngModelChange)="set('events', $event)">
            @for (event of events; track event) {
              <mat-option [value]="event">{{ 'EOFFICE.RECORDS.EVENT.' + event.toUpperCase() | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (draft().name === 'transfer') {
          <mat-form-field>
            <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.LOCATION' | translate }}</mat-label>
            <input matInput name="location" [ngModel]="draft().location" (ngModelChange)="set('location', $event)" />
          </mat-form-field>
        }
        <mat-form-field class="eoffice-add-step__description">
          <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.DESCRIPTION' | translate }}</mat-label>
          <input matInput name="description" [ngModel]="draft().description" (ngModelChange)="set('description', $event)" />
        </mat-form-field>
      </div>
      @if (draft().name) {
        <p data-automation-id="eoffice-records-step-preview">{{ 'EOFFICE.RECORDS.FILE_PLAN.PREVIEW' | translate: { words: preview() } }}</p>
      }
      @if (problems().length) {
        <ul class="eoffice-add-step__problems" role="alert" data-automation-id="eoffice-records-step-problems">
          @for (problem of problems(); track problem) {
            <li>{{ problem | translate }}</li>
          }
        </ul>
      } @else {
        <p data-automation-id="eoffice-records-step-rules-met">{{ 'EOFFICE.RECORDS.FILE_PLAN.RULES_MET' | translate }}</p>
      }
      @if (refusal(); as r) {
        <div role="alert" class="eoffice-add-step__refusal" data-automation-id="eoffice-records-step-refused">
          {{ r.key | translate: r.params }}
        </div>
      }
      <div class="eoffice-add-step__actions">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="problems().length > 0 || busy()" data-automation-id="eoffice-records-step-send">
          {{ 'EOFFICE.RECORDS.FILE_PLAN.SEND' | translate }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .eoffice-add-step {
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 8px 0;
    }
    .eoffice-add-step__fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .eoffice-add-step__description {
      flex: 1 1 240px;
    }
    .eoffice-add-step__problems,
    .eoffice-add-step__refusal {
      color: var(--mat-sys-error, #b3261e);
      margin: 4px 0;
    }
    .eoffice-add-step__actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class AddStepFormUiComponent {
  private readonly translate = inject(TranslateService);

  /** The schedule's steps so far, in order. */
  readonly steps = input.required<readonly RetentionStep[]>();
  readonly recordLevel = input(false, { transform: booleanAttribute });
  readonly busy = input(false, { transform: booleanAttribute });
  /** What the repository said when it refused the step last sent. */
  readonly refusal = input<Refusal | null>(null);
  readonly add = output<StepDraft>();
  readonly cancelled = output<void>();

  readonly stepNames = RETENTION_STEP_NAMES;
  readonly events = OFFERED_EVENTS;

  readonly draft = signal<StepDraft>({ ...EMPTY_DRAFT });
  readonly problems = computed(() => stepProblems(this.draft(), this.steps(), this.recordLevel()));
  private readonly words = recordsWords((key, params) => this.translate.instant(key, params));
  readonly preview = computed(() => stepInWords(this.draft(), this.words));

  set<K extends keyof StepDraft>(field: K, value: StepDraft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  patch(period: Partial<StepPeriod>): void {
    this.draft.update((d) => ({ ...d, ...period }));
  }

  send(): void {
    if (this.problems().length || this.busy()) return;
    this.add.emit(this.draft());
  }
}
