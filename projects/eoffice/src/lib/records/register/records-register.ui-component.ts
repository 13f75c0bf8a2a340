import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { officeDate } from '@eoffice/domain';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { PageRequest, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';
import { RecordsRegister, registerExportTable } from './records-register';

/** A records register page: title and export in the header, the register as a paged table (cards on a phone). */
@Component({
  selector: 'eoffice-records-register',
  imports: [PageLayoutComponent, TranslatePipe, MatTableModule, ExportButtonSmartComponent, PagedTableUiComponent],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ register().titleKey | translate }}</h1>
        <eoffice-export-button [table]="exportTable" />
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          <eoffice-paged-table
            [list]="list"
            [columns]="columnKeys"
            [name]="register().name"
            [errorKey]="register().errorKey"
            [emptyKey]="register().emptyKey">
            @for (column of register().columns; track column.key) {
              <ng-container [matColumnDef]="column.key">
                <th mat-header-cell *matHeaderCellDef>{{ column.headerKey | translate }}</th>
                <td
                  mat-cell
                  *matCellDef="let r"
                  [class.eoffice-card-number]="column.cell === 'number'"
                  [class.eoffice-card-line]="column.cell === 'line'"
                  [class.eoffice-card-aside]="column.cell === 'aside'">
                  {{ shown(column.value(r)) }}
                </td>
              </ng-container>
            }
          </eoffice-paged-table>
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class RecordsRegisterUiComponent<T extends object> implements OnInit {
  readonly register = input.required<RecordsRegister<T>>();

  private readonly translate = inject(TranslateService);
  protected list!: PagedList<T, PageRequest>;
  protected columnKeys: string[] = [];

  ngOnInit(): void {
    const register = this.register();
    this.columnKeys = register.columns.map((c) => c.key);
    this.list = new PagedList<T, PageRequest>((request) => register.rows(request.skipCount, request.maxItems), {
      skipCount: 0,
      maxItems: 25
    });
    void this.list.load();
  }

  protected shown(value: string | Date | null): string {
    // Dates as every screen shows them (the eofficeDate pipe's formatter).
    return value instanceof Date ? officeDate(value) : (value ?? '');
  }

  protected readonly exportTable = (): ExportTable<T> => registerExportTable(this.register(), (key) => this.translate.instant(key));
}
