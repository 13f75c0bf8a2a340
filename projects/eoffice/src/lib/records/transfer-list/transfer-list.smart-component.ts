import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { PageRequest, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';
import { TransferredRecord } from '../records.model';
import { RecordsService } from '../records.service';

/**
 * The transfer list: record folders and records handed over under their retention schedule, to a record
 * room (transfer) or to the National Archives (accession), with where they went. AGS marks them when the
 * transfer completes and keeps their metadata, so the list is read from the repository and exported as the
 * other registers are (CSV, XLSX, PDF).
 */
@Component({
  selector: 'eoffice-transfer-list-page',
  imports: [PageLayoutComponent, EofficeDatePipe, TranslatePipe, MatTableModule, ExportButtonSmartComponent, PagedTableUiComponent],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECORDS.TRANSFERRED.TITLE' | translate }}</h1>
        <eoffice-export-button [table]="registerTable" />
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          <eoffice-paged-table
            [list]="list"
            [columns]="columns"
            name="transferred"
            errorKey="EOFFICE.RECORDS.TRANSFERRED.LOAD_FAILED"
            emptyKey="EOFFICE.RECORDS.TRANSFERRED.EMPTY">
            <ng-container matColumnDef="identifier">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.IDENTIFIER' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-number">{{ r.identifier }}</td>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.NAME' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-line">{{ r.name }}</td>
            </ng-container>
            <ng-container matColumnDef="location">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.LOCATION' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-line">{{ r.location }}</td>
            </ng-container>
            <ng-container matColumnDef="kind">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.KIND' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-aside">{{ kindLabel(r) }}</td>
            </ng-container>
            <ng-container matColumnDef="archive">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.ARCHIVE' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-line">{{ r.archive }}</td>
            </ng-container>
            <ng-container matColumnDef="transferredAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.TRANSFERRED.TRANSFERRED_AT' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-aside">{{ r.transferredAt | eofficeDate }}</td>
            </ng-container>
          </eoffice-paged-table>
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class TransferListSmartComponent {
  private readonly records = inject(RecordsService);
  private readonly translate = inject(TranslateService);

  readonly columns = ['identifier', 'name', 'location', 'kind', 'archive', 'transferredAt'];
  readonly list = new PagedList<TransferredRecord, PageRequest>(
    (request) => this.records.transferred(request.skipCount, request.maxItems),
    {
      skipCount: 0,
      maxItems: 25
    }
  );

  constructor() {
    void this.list.load();
  }

  kindLabel(r: TransferredRecord): string {
    return this.translate.instant(
      r.kind === 'accession' ? 'EOFFICE.RECORDS.TRANSFERRED.ACCESSIONED' : 'EOFFICE.RECORDS.TRANSFERRED.TRANSFERRED'
    );
  }

  readonly registerTable = (): ExportTable<TransferredRecord> => {
    const t = (key: string) => this.translate.instant(key);
    return {
      title: t('EOFFICE.RECORDS.TRANSFERRED.TITLE'),
      fileName: 'transfer-list',
      columns: [
        { header: t('EOFFICE.RECORDS.TRANSFERRED.IDENTIFIER'), value: (r) => r.identifier },
        { header: t('EOFFICE.RECORDS.TRANSFERRED.NAME'), value: (r) => r.name },
        { header: t('EOFFICE.RECORDS.TRANSFERRED.LOCATION'), value: (r) => r.location },
        { header: t('EOFFICE.RECORDS.TRANSFERRED.KIND'), value: (r) => this.kindLabel(r) },
        { header: t('EOFFICE.RECORDS.TRANSFERRED.ARCHIVE'), value: (r) => r.archive },
        { header: t('EOFFICE.RECORDS.TRANSFERRED.TRANSFERRED_AT'), value: (r) => (r.transferredAt ? new Date(r.transferredAt) : null) }
      ],
      rows: (page) => this.records.transferred(page.skipCount, page.maxItems)
    };
  };
}
