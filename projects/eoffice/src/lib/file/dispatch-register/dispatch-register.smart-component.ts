import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DELIVERY_MODES, MovementRefusal, labelOf } from '@eoffice/domain';
import { ExportTable } from '../../shared/export/export.model';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { PageRequest, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';
import { Dispatch, DraftError } from '../drafts/draft.model';
import { DispatchRegisterList, DispatchRegisterService } from './dispatch-register.service';

/** The Central Registry's dispatch register: letters issued "by CRU", to post and mark dispatched. */
@Component({
  selector: 'eoffice-dispatch-register-page',
  imports: [
    PageLayoutComponent,
    EofficeDatePipe,
    TranslatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatIconModule,
    MatTableModule,
    ExportButtonSmartComponent,
    PagedTableUiComponent
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.DISPATCH.TITLE' | translate }}</h1>
        <eoffice-export-button [table]="registerTable" />
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-dispatch-register">
          <mat-button-toggle-group
            [value]="choice()"
            (change)="show($event.value)"
            [attr.aria-label]="'EOFFICE.DISPATCH.TITLE' | translate">
            <mat-button-toggle value="pending" data-automation-id="eoffice-dispatch-pending">{{
              'EOFFICE.DISPATCH.PENDING' | translate
            }}</mat-button-toggle>
            <mat-button-toggle value="dispatched" data-automation-id="eoffice-dispatch-dispatched">{{
              'EOFFICE.DISPATCH.DISPATCHED' | translate
            }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (markError(); as e) {
            <div role="alert" class="eoffice-dispatch-register__error" data-automation-id="eoffice-dispatch-error">{{ e | translate }}</div>
          }
          <eoffice-paged-table
            [list]="list"
            [columns]="columns"
            name="dispatch"
            errorKey="EOFFICE.DISPATCH.LOAD_FAILED"
            emptyKey="EOFFICE.DISPATCH.EMPTY">
            <ng-container matColumnDef="issueNumber">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.DISPATCH.ISSUE_NUMBER' | translate }}</th>
              <td mat-cell *matCellDef="let d" class="eoffice-card-number">
                <a [href]="letterUrl(d)" target="_blank" rel="noopener" data-automation-id="eoffice-dispatch-letter">{{ d.issueNumber }}</a>
              </td>
            </ng-container>
            <ng-container matColumnDef="addressees">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.DISPATCH.ADDRESSEES' | translate }}</th>
              <td mat-cell *matCellDef="let d" class="eoffice-card-line">{{ d.addressees.join('; ') }}</td>
            </ng-container>
            <ng-container matColumnDef="deliveryMode">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.DISPATCH.DELIVERY_MODE' | translate }}</th>
              <td mat-cell *matCellDef="let d" class="eoffice-card-aside">{{ mode(d.deliveryMode) }}</td>
            </ng-container>
            <ng-container matColumnDef="issuedAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.DISPATCH.ISSUED_AT' | translate }}</th>
              <td mat-cell *matCellDef="let d" class="eoffice-card-line">{{ d.issuedAt | eofficeDate: 'datetime' }}</td>
            </ng-container>
            <ng-container matColumnDef="action">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.DISPATCH.STATUS' | translate }}</th>
              <td mat-cell *matCellDef="let d" class="eoffice-card-line">
                @if (d.status === 'pending') {
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy() === d.id"
                    (click)="markDispatched(d)"
                    data-automation-id="eoffice-dispatch-mark">
                    <mat-icon>local_post_office</mat-icon>{{ 'EOFFICE.DISPATCH.MARK' | translate }}
                  </button>
                } @else {
                  {{ 'EOFFICE.DISPATCH.DONE' | translate }} {{ d.dispatchedAt | eofficeDate: 'datetime' }}
                }
              </td>
            </ng-container>
          </eoffice-paged-table>
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrl: '../../shared/layout/page-header.scss',
  styles: `
    .eoffice-dispatch-register {
      padding: 8px 24px;
    }
    mat-button-toggle-group {
      align-self: flex-start;
      /* a long register would otherwise squeeze it to a line (it clips its overflow, so it may shrink to 0) */
      flex-shrink: 0;
    }
    eoffice-paged-table {
      margin-top: 8px;
    }
    .eoffice-dispatch-register__error {
      color: var(--mat-sys-error, #b3261e);
      margin: 8px 0;
    }
    @media (max-width: 600px) {
      .eoffice-dispatch-register {
        padding: 8px 12px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DispatchRegisterSmartComponent {
  private readonly register = inject(DispatchRegisterService);
  private readonly translate = inject(TranslateService);

  readonly columns = ['issueNumber', 'addressees', 'deliveryMode', 'issuedAt', 'action'];
  readonly choice = signal<DispatchRegisterList>('pending');
  /** Pending letters oldest first (the next to post); dispatched ones newest first. A register of 25 a page. */
  readonly list = new PagedList<Dispatch, PageRequest>(
    async (request) => {
      const page = await this.register.list(this.choice(), request.skipCount, request.maxItems);
      return { rows: page.dispatches, totalItems: page.totalItems };
    },
    { skipCount: 0, maxItems: 25 },
    []
  );
  readonly busy = signal<string | null>(null);
  /** Why the last "Mark dispatched" was refused (the letter stays pending): a translation key, or the repository's reason. */
  readonly markError = signal<string | null>(null);

  constructor() {
    void this.list.load();
  }

  mode(value: string): string {
    return labelOf(DELIVERY_MODES, value, this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en');
  }

  letterUrl(d: Dispatch): string {
    return this.register.letterUrl(d.id);
  }

  show(list: DispatchRegisterList): void {
    this.choice.set(list);
    this.markError.set(null);
    void this.list.refine({});
  }

  /** Records that the letter went out; it moves from Pending to Dispatched. */
  async markDispatched(d: Dispatch): Promise<void> {
    this.busy.set(d.id);
    this.markError.set(null);
    try {
      await this.register.markDispatched(d.id);
      await this.list.load();
    } catch (error) {
      this.markError.set(markRefusal(error));
    } finally {
      this.busy.set(null);
    }
  }

  readonly registerTable = (): ExportTable<Dispatch> => {
    const t = (key: string) => this.translate.instant(key);
    const list = this.choice();
    return {
      title: `${t('EOFFICE.DISPATCH.TITLE')} – ${t(list === 'pending' ? 'EOFFICE.DISPATCH.PENDING' : 'EOFFICE.DISPATCH.DISPATCHED')}`,
      fileName: `dispatch-register-${list}`,
      columns: [
        { header: t('EOFFICE.DISPATCH.ISSUE_NUMBER'), value: (d) => d.issueNumber },
        { header: t('EOFFICE.DISPATCH.ADDRESSEES'), value: (d) => d.addressees.join('; ') },
        { header: t('EOFFICE.DISPATCH.DELIVERY_MODE'), value: (d) => this.mode(d.deliveryMode) },
        { header: t('EOFFICE.DISPATCH.ISSUED_AT'), value: (d) => (d.issuedAt ? new Date(d.issuedAt) : null) },
        { header: t('EOFFICE.DISPATCH.DISPATCHED_AT'), value: (d) => (d.dispatchedAt ? new Date(d.dispatchedAt) : null) }
      ],
      rows: async (page) => {
        const result = await this.register.list(list, page.skipCount, page.maxItems);
        return { rows: result.dispatches, totalItems: result.totalItems };
      }
    };
  };
}

/**
 * What the register says when the repository refused a dispatch: its reason in the officer's language where it
 * is one the repository gives in words (an approval not signed where the department requires it, a letter no
 * longer pending), else the repository's words, else that it could not be recorded.
 */
function markRefusal(error: unknown): string {
  if (error instanceof DraftError) return error.key;
  if (error instanceof MovementRefusal) return error.key ?? (error.message || 'EOFFICE.DISPATCH.MARK_FAILED');
  return 'EOFFICE.DISPATCH.MARK_FAILED';
}
