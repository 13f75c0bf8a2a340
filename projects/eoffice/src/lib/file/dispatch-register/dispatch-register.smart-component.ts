import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DELIVERY_MODES, labelOf } from '../../domain';
import { ExportTable } from '../../shared/export/export.model';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { Dispatch } from '../drafts/draft.model';
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
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    ExportButtonSmartComponent
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.DISPATCH.TITLE' | translate }}</h1>
        <eoffice-export-button [table]="registerTable" />
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-dispatch-register">
          <mat-button-toggle-group [value]="list()" (change)="show($event.value)" [attr.aria-label]="'EOFFICE.DISPATCH.TITLE' | translate">
            <mat-button-toggle value="pending" data-automation-id="eoffice-dispatch-pending">{{
              'EOFFICE.DISPATCH.PENDING' | translate
            }}</mat-button-toggle>
            <mat-button-toggle value="dispatched" data-automation-id="eoffice-dispatch-dispatched">{{
              'EOFFICE.DISPATCH.DISPATCHED' | translate
            }}</mat-button-toggle>
          </mat-button-toggle-group>
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" />
          }
          @if (error(); as e) {
            <div role="alert" class="eoffice-dispatch-register__error" data-automation-id="eoffice-dispatch-error">{{ e | translate }}</div>
          }
          <table mat-table [dataSource]="rows()" class="eoffice-cards" data-automation-id="eoffice-dispatch-table">
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
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns" data-automation-id="eoffice-dispatch-row"></tr>
            <tr class="mat-mdc-row" *matNoDataRow>
              <td class="mat-mdc-cell eoffice-dispatch-register__empty" [attr.colspan]="columns.length">
                {{ 'EOFFICE.DISPATCH.EMPTY' | translate }}
              </td>
            </tr>
          </table>
          <mat-paginator [length]="total()" [pageSize]="pageSize" [pageIndex]="pageIndex()" (page)="onPage($event)" />
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../../shared/layout/phone-list.scss'],
  styles: `
    .eoffice-dispatch-register {
      padding: 8px 24px;
    }
    mat-button-toggle-group {
      align-self: flex-start;
      /* a long register would otherwise squeeze it to a line (it clips its overflow, so it may shrink to 0) */
      flex-shrink: 0;
    }
    table {
      width: 100%;
      margin-top: 8px;
    }
    .eoffice-dispatch-register__error {
      color: var(--mat-sys-error, #b3261e);
      margin: 8px 0;
    }
    .eoffice-dispatch-register__empty {
      padding: 16px;
      text-align: center;
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
  readonly pageSize = 25;
  readonly list = signal<DispatchRegisterList>('pending');
  readonly rows = signal<Dispatch[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(0);
  readonly loading = signal(false);
  readonly busy = signal<string | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  mode(value: string): string {
    return labelOf(DELIVERY_MODES, value, this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en');
  }

  letterUrl(d: Dispatch): string {
    return this.register.letterUrl(d.id);
  }

  show(list: DispatchRegisterList): void {
    this.list.set(list);
    this.pageIndex.set(0);
    void this.load();
  }

  onPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.register.list(this.list(), this.pageIndex() * this.pageSize, this.pageSize);
      this.rows.set(page.dispatches);
      this.total.set(page.totalItems);
    } catch {
      this.rows.set([]);
      this.error.set('EOFFICE.DISPATCH.LOAD_FAILED');
    } finally {
      this.loading.set(false);
    }
  }

  /** Records that the letter went out; it moves from Pending to Dispatched. */
  async markDispatched(d: Dispatch): Promise<void> {
    this.busy.set(d.id);
    this.error.set(null);
    try {
      await this.register.markDispatched(d.id);
      await this.load();
    } catch {
      this.error.set('EOFFICE.DISPATCH.MARK_FAILED');
    } finally {
      this.busy.set(null);
    }
  }

  readonly registerTable = (): ExportTable<Dispatch> => {
    const t = (key: string) => this.translate.instant(key);
    const list = this.list();
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
