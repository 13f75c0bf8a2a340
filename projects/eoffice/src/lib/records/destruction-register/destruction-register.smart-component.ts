import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { PageRequest, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';
import { DestroyedRecord } from '../records.model';
import { RecordsService } from '../records.service';

/**
 * The destruction register: what was destroyed under a retention schedule. AGS keeps a destroyed record's
 * node and metadata (rma:ghosted) without its content, so the register is read from the repository itself
 * and exported as the other registers are (CSV, XLSX, PDF).
 */
@Component({
  selector: 'eoffice-destruction-register-page',
  imports: [PageLayoutComponent, EofficeDatePipe, TranslatePipe, MatTableModule, ExportButtonSmartComponent, PagedTableUiComponent],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECORDS.DESTROYED.TITLE' | translate }}</h1>
        <eoffice-export-button [table]="registerTable" />
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          <eoffice-paged-table
            [list]="list"
            [columns]="columns"
            name="destroyed"
            errorKey="EOFFICE.RECORDS.DESTROYED.LOAD_FAILED"
            emptyKey="EOFFICE.RECORDS.DESTROYED.EMPTY">
            <ng-container matColumnDef="identifier">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DESTROYED.IDENTIFIER' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-number">{{ r.identifier }}</td>
            </ng-container>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DESTROYED.NAME' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-line">{{ r.name }}</td>
            </ng-container>
            <ng-container matColumnDef="location">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DESTROYED.LOCATION' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-line">{{ r.location }}</td>
            </ng-container>
            <ng-container matColumnDef="destroyedAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DESTROYED.DESTROYED_AT' | translate }}</th>
              <td mat-cell *matCellDef="let r" class="eoffice-card-aside">{{ r.destroyedAt | eofficeDate }}</td>
            </ng-container>
          </eoffice-paged-table>
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DestructionRegisterSmartComponent {
  private readonly records = inject(RecordsService);
  private readonly translate = inject(TranslateService);

  readonly columns = ['identifier', 'name', 'location', 'destroyedAt'];
  readonly list = new PagedList<DestroyedRecord, PageRequest>((request) => this.records.destroyed(request.skipCount, request.maxItems), {
    skipCount: 0,
    maxItems: 25
  });

  constructor() {
    void this.list.load();
  }

  readonly registerTable = (): ExportTable<DestroyedRecord> => {
    const t = (key: string) => this.translate.instant(key);
    return {
      title: t('EOFFICE.RECORDS.DESTROYED.TITLE'),
      fileName: 'destruction-register',
      columns: [
        { header: t('EOFFICE.RECORDS.DESTROYED.IDENTIFIER'), value: (r) => r.identifier },
        { header: t('EOFFICE.RECORDS.DESTROYED.NAME'), value: (r) => r.name },
        { header: t('EOFFICE.RECORDS.DESTROYED.LOCATION'), value: (r) => r.location },
        { header: t('EOFFICE.RECORDS.DESTROYED.DESTROYED_AT'), value: (r) => (r.destroyedAt ? new Date(r.destroyedAt) : null) }
      ],
      rows: (page) => this.records.destroyed(page.skipCount, page.maxItems)
    };
  };
}
