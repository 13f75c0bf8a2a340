import { ChangeDetectionStrategy, Component, booleanAttribute, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { COUNTED_RETENTION_PERIODS, PERIOD_PROPERTIES } from '@eoffice/domain';
import { PERIODS } from '../records.model';

/** A retention step's period as its forms hold it; `periodProperty` only where the form asks from when it counts. */
export interface StepPeriod {
  period: string;
  periodAmount: number | null;
  periodProperty?: string;
}

/** The FROM.* key naming a period property in the list. */
const FROM_KEYS: Record<string, string> = {
  'cm:created': 'CREATED',
  'rma:cutOffDate': 'CUT_OFF',
  'rma:dispositionAsOf': 'LAST_STEP',
  'rma:dateFiled': 'FILED'
};

/**
 * A retention step's period fields, for the add-step and edit-step forms: the period, and for a counted one
 * (years, months…) how many and, with `withFrom`, from when. It lays its fields out in the form's own row
 * (display: contents) and hands back each change (`periodChange`: the fields changed); the form keeps the value.
 */
@Component({
  selector: 'eoffice-period-fields',
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field>
      <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.PERIOD' | translate }}</mat-label>
      <mat-select
        [ngModel]="value().period"
        [ngModelOptions]="{ standalone: true }"
        (ngModelChange)="set({ period: $event })"
        [attr.data-automation-id]="automationId() + '-period'">
        @for (period of periods; track period) {
          <mat-option [value]="period">{{ 'EOFFICE.RECORDS.PERIOD.' + period.toUpperCase() | translate }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    @if (counted()) {
      <mat-form-field>
        <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.AMOUNT' | translate }}</mat-label>
        <input
          matInput
          type="number"
          min="1"
          [ngModel]="value().periodAmount"
          [ngModelOptions]="{ standalone: true }"
          (ngModelChange)="set({ periodAmount: $event === '' || $event === null ? null : +$event })"
          [attr.data-automation-id]="automationId() + '-amount'" />
      </mat-form-field>
      @if (withFrom()) {
        <mat-form-field>
          <mat-label>{{ 'EOFFICE.RECORDS.FILE_PLAN.FROM' | translate }}</mat-label>
          <mat-select
            [ngModel]="value().periodProperty"
            [ngModelOptions]="{ standalone: true }"
            (ngModelChange)="set({ periodProperty: $event })"
            [attr.data-automation-id]="automationId() + '-from'">
            @for (property of periodProperties; track property) {
              <mat-option [value]="property">{{ 'EOFFICE.RECORDS.FROM.' + fromKey(property) | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class PeriodFieldsUiComponent {
  readonly value = input.required<StepPeriod>();
  /** Also ask from when a counted period runs (the add-step form; the edit-step form changes the period alone). */
  readonly withFrom = input(false, { transform: booleanAttribute });
  /** Prefix of the fields' data-automation-id: `<prefix>-period`, `-amount`, `-from`. */
  readonly automationId = input('eoffice-records-step');
  readonly periodChange = output<Partial<StepPeriod>>();

  readonly periods = PERIODS;
  readonly periodProperties = PERIOD_PROPERTIES;
  readonly counted = computed(() => COUNTED_RETENTION_PERIODS.includes(this.value().period));

  fromKey(property: string): string {
    return FROM_KEYS[property] ?? 'CREATED';
  }

  set(change: Partial<StepPeriod>): void {
    this.periodChange.emit(change);
  }
}
