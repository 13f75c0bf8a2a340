import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { TransferredRecord } from '../records.model';
import { RecordsService } from '../records.service';
import { RecordsRegister, registerDate } from '../register/records-register';
import { RecordsRegisterUiComponent } from '../register/records-register.ui-component';

/**
 * The transfer list: record folders and records handed over under their retention schedule, to a record
 * room (transfer) or to the National Archives (accession), with where they went. AGS marks them when the
 * transfer completes and keeps their metadata, so the list is read from the repository and exported as the
 * other registers are (CSV, XLSX, PDF).
 */
@Component({
  selector: 'eoffice-transfer-list-page',
  imports: [RecordsRegisterUiComponent],
  template: `<eoffice-records-register [register]="register" />`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class TransferListSmartComponent {
  private readonly records = inject(RecordsService);
  private readonly translate = inject(TranslateService);

  readonly register: RecordsRegister<TransferredRecord> = {
    titleKey: 'EOFFICE.RECORDS.TRANSFERRED.TITLE',
    name: 'transferred',
    fileName: 'transfer-list',
    errorKey: 'EOFFICE.RECORDS.TRANSFERRED.LOAD_FAILED',
    emptyKey: 'EOFFICE.RECORDS.TRANSFERRED.EMPTY',
    columns: [
      { key: 'identifier', headerKey: 'EOFFICE.RECORDS.TRANSFERRED.IDENTIFIER', value: (r) => r.identifier, cell: 'number' },
      { key: 'name', headerKey: 'EOFFICE.RECORDS.TRANSFERRED.NAME', value: (r) => r.name, cell: 'line' },
      { key: 'location', headerKey: 'EOFFICE.RECORDS.TRANSFERRED.LOCATION', value: (r) => r.location, cell: 'line' },
      { key: 'kind', headerKey: 'EOFFICE.RECORDS.TRANSFERRED.KIND', value: (r) => this.kindLabel(r), cell: 'aside' },
      { key: 'archive', headerKey: 'EOFFICE.RECORDS.TRANSFERRED.ARCHIVE', value: (r) => r.archive, cell: 'line' },
      {
        key: 'transferredAt',
        headerKey: 'EOFFICE.RECORDS.TRANSFERRED.TRANSFERRED_AT',
        value: (r) => registerDate(r.transferredAt),
        cell: 'aside'
      }
    ],
    rows: (skipCount, maxItems) => this.records.transferred(skipCount, maxItems)
  };

  private kindLabel(r: TransferredRecord): string {
    return this.translate.instant(
      r.kind === 'accession' ? 'EOFFICE.RECORDS.TRANSFERRED.ACCESSIONED' : 'EOFFICE.RECORDS.TRANSFERRED.TRANSFERRED'
    );
  }
}
