import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { DestroyedRecord } from '../records.model';
import { RecordsService } from '../records.service';
import { RecordsRegister, registerDate } from '../register/records-register';
import { RecordsRegisterUiComponent } from '../register/records-register.ui-component';

/**
 * The destruction register: what was destroyed under a retention schedule. AGS keeps a destroyed record's
 * node and metadata (rma:ghosted) without its content, so the register is read from the repository itself
 * and exported as the other registers are (CSV, XLSX, PDF).
 */
@Component({
  selector: 'eoffice-destruction-register-page',
  imports: [RecordsRegisterUiComponent],
  template: `<eoffice-records-register [register]="register" />`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DestructionRegisterSmartComponent {
  private readonly records = inject(RecordsService);

  readonly register: RecordsRegister<DestroyedRecord> = {
    titleKey: 'EOFFICE.RECORDS.DESTROYED.TITLE',
    name: 'destroyed',
    fileName: 'destruction-register',
    errorKey: 'EOFFICE.RECORDS.DESTROYED.LOAD_FAILED',
    emptyKey: 'EOFFICE.RECORDS.DESTROYED.EMPTY',
    columns: [
      { key: 'identifier', headerKey: 'EOFFICE.RECORDS.DESTROYED.IDENTIFIER', value: (r) => r.identifier, cell: 'number' },
      { key: 'name', headerKey: 'EOFFICE.RECORDS.DESTROYED.NAME', value: (r) => r.name, cell: 'line' },
      { key: 'location', headerKey: 'EOFFICE.RECORDS.DESTROYED.LOCATION', value: (r) => r.location, cell: 'line' },
      { key: 'destroyedAt', headerKey: 'EOFFICE.RECORDS.DESTROYED.DESTROYED_AT', value: (r) => registerDate(r.destroyedAt), cell: 'aside' }
    ],
    rows: (skipCount, maxItems) => this.records.destroyed(skipCount, maxItems)
  };
}
