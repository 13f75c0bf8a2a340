import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { pendencyLevel } from '../../receipt/model/receipt.model';

/**
 * Working days an item has been pending, coloured against the 7-day norm (within, nearing, over), with the
 * level in words as its tooltip.
 */
@Component({
  selector: 'eoffice-days-pending',
  imports: [TranslatePipe],
  template: `<span
    class="eoffice-pendency eoffice-pendency--{{ level() }}"
    [attr.data-automation-id]="automationId()"
    [attr.title]="'EOFFICE.RECEIPT.LIST.PENDENCY.' + level().toUpperCase() | translate"
    >{{ days() }}</span
  >`,
  styles: `
    .eoffice-pendency {
      display: inline-block;
      min-width: 28px;
      padding: 2px 8px;
      border-radius: 12px;
      text-align: center;
      font-weight: 500;
    }
    .eoffice-pendency--within {
      background: #e8f5e9;
      color: #1b5e20;
    }
    .eoffice-pendency--nearing {
      background: #fff8e1;
      color: #8d6e00;
    }
    .eoffice-pendency--over {
      background: #ffebee;
      color: #b71c1c;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DaysPendingUiComponent {
  readonly days = input.required<number>();
  /** The badge's data-automation-id, as each list names it (eoffice-receipts-pending …). */
  readonly automationId = input<string>();
  readonly level = computed(() => pendencyLevel(this.days()));
}
