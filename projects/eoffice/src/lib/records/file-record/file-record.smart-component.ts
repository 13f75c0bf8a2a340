import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Choice, RECORD_CATEGORIES, labelOf } from '@eoffice/domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { FileRecord, FileRecordService } from './file-record.service';

/**
 * On a closed e-file, what the officer may know of it as a record: that its papers were declared records
 * (Governance Services), the record folder and category they are filed in, how long the category keeps
 * them, whether a legal hold holds them, the next retention step and its date when the officer may read it,
 * and each paper with its record badge. Records are not changed or deleted by anyone (AGS refuses it): the
 * panel says so, and offers nothing. A file none of whose papers is a record shows nothing.
 */
@Component({
  selector: 'eoffice-file-record',
  imports: [TranslatePipe, MatIconModule, EofficeDatePipe],
  template: `
    @if (record(); as r) {
      <section
        class="eoffice-file-record"
        data-automation-id="eoffice-file-record"
        [attr.aria-label]="'EOFFICE.RECORDS.FILE.TITLE' | translate">
        <div class="eoffice-file-record__head">
          <mat-icon aria-hidden="true">verified</mat-icon>
          <strong>{{ 'EOFFICE.RECORDS.FILE.TITLE' | translate }}</strong>
          @if (r.held) {
            <span class="eoffice-file-record__badge eoffice-file-record__badge--held" data-automation-id="eoffice-file-record-held">
              {{ 'EOFFICE.RECORDS.FOLDERS.HELD' | translate }}
            </span>
          }
        </div>
        <dl class="eoffice-file-record__facts">
          <dt>{{ 'EOFFICE.RECORDS.FILE.FOLDER' | translate }}</dt>
          <dd data-automation-id="eoffice-file-record-folder">{{ r.folder }}</dd>
          <dt>{{ 'EOFFICE.RECORDS.FILE.CATEGORY' | translate }}</dt>
          <dd data-automation-id="eoffice-file-record-category">{{ r.category || r.recordCategory }}</dd>
          <dt>{{ 'EOFFICE.RECORDS.FILE.RETENTION' | translate }}</dt>
          <dd data-automation-id="eoffice-file-record-retention">
            {{ categoryLabel(r.recordCategory) }}
            @if (r.retentionYears) {
              ·
              {{
                (r.retentionYears === 1 ? 'EOFFICE.RECORDS.UNIT.YEAR' : 'EOFFICE.RECORDS.UNIT.YEARS')
                  | translate: { count: r.retentionYears }
              }}
            }
          </dd>
          @if (r.nextStep; as next) {
            <dt>{{ 'EOFFICE.RECORDS.FILE.NEXT_STEP' | translate }}</dt>
            <dd data-automation-id="eoffice-file-record-next">
              {{ stepLabel(next.step) }}
              @if (next.asOf) {
                · {{ next.asOf | eofficeDate }}
              }
            </dd>
          }
        </dl>
        <p class="eoffice-file-record__note">{{ 'EOFFICE.RECORDS.FILE.UNCHANGEABLE' | translate }}</p>
        <ul class="eoffice-file-record__papers">
          @for (paper of r.papers; track paper.id) {
            <li data-automation-id="eoffice-file-record-paper">
              <span class="eoffice-file-record__badge" data-automation-id="eoffice-file-record-badge">{{
                (paper.completed ? 'EOFFICE.RECORDS.FILE.RECORD' : 'EOFFICE.RECORDS.FILE.RECORD_INCOMPLETE') | translate
              }}</span
              >&ngsp;<span>{{ paper.name }}</span>
              @if (paper.held) {
                <span class="eoffice-file-record__badge eoffice-file-record__badge--held">{{
                  'EOFFICE.RECORDS.FOLDERS.HELD' | translate
                }}</span>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .eoffice-file-record {
      border: 1px solid var(--theme-border-color, rgba(0, 0, 0, 0.12));
      border-radius: 4px;
      padding: 8px 12px;
      margin: 8px 0;
      font-size: 13px;
    }
    .eoffice-file-record__head {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .eoffice-file-record__facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 6px 0;
      dt {
        color: var(--theme-secondary-text-color, rgba(0, 0, 0, 0.6));
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .eoffice-file-record__note {
      margin: 4px 0;
      color: var(--theme-secondary-text-color, rgba(0, 0, 0, 0.6));
    }
    .eoffice-file-record__papers {
      list-style: none;
      padding: 0;
      margin: 0;
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        align-items: center;
        padding: 2px 0;
      }
    }
    .eoffice-file-record__badge {
      border: 1px solid currentColor;
      border-radius: 10px;
      padding: 0 8px;
      font-size: 12px;
    }
    .eoffice-file-record__badge--held {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class FileRecordSmartComponent {
  private readonly service = inject(FileRecordService);
  private readonly translate = inject(TranslateService);

  /** The closed e-file. */
  readonly fileId = input.required<string>();

  readonly state = new LoadState();
  readonly record = signal<FileRecord | null>(null);

  constructor() {
    effect(() => {
      const id = this.fileId();
      void this.state.run(
        () => this.service.read(id),
        (record) => this.record.set(record),
        // Nothing to say about a file whose papers cannot be read: the e-file shows its own failure.
        () => this.record.set(null)
      );
    });
  }

  categoryLabel(code: string | undefined): string {
    const lang = this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
    return labelOf(RECORD_CATEGORIES as Choice[], code, lang) || code || '—';
  }

  stepLabel(step: string): string {
    const key = `EOFFICE.RECORDS.STEP_NAME.${step.toUpperCase()}`;
    const label = this.translate.instant(key);
    return label === key ? step : label;
  }
}
