import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { registerExportTable } from '../register/records-register';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TableExportService } from '../../shared/export/table-export.service';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { TransferredRecord } from '../records.model';
import { RecordsService } from '../records.service';
import { TransferListSmartComponent } from './transfer-list.smart-component';

const accessioned: TransferredRecord = {
  id: 'f1',
  identifier: '2026-0000000007',
  name: 'A-7-2026-Estt',
  location: 'A',
  archive: 'National Archives of India',
  kind: 'accession',
  transferredAt: '2032-01-02T05:00:00.000Z'
};

describe('TransferListSmartComponent', () => {
  let transferred: jasmine.Spy;

  beforeEach(() => {
    transferred = jasmine.createSpy('transferred').and.resolveTo({ rows: [accessioned], totalItems: 1 });
    TestBed.configureTestingModule({
      imports: [TransferListSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        providePageLayout(),
        { provide: RecordsService, useValue: { transferred } },
        { provide: TableExportService, useValue: {} }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(TransferListSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);

  it('lists what went to the archives: identifier, name, category, how, where and the Indian date', async () => {
    const { element } = await render();
    expect(transferred).toHaveBeenCalledWith(0, 25);
    const row = q(element, 'eoffice-transferred-row')!;
    for (const text of ['2026-0000000007', 'A-7-2026-Estt', 'Accession to the archives', 'National Archives of India', '02/01/2032'])
      expect(row.textContent).toContain(text);
  });

  it('says so when nothing was transferred, and when the list cannot be read', async () => {
    transferred.and.resolveTo({ rows: [], totalItems: 0 });
    let { element } = await render();
    expect(element.textContent).toContain('No records have been transferred.');
    transferred.and.rejectWith(new Error('offline'));
    ({ element } = await render());
    expect(q(element, 'eoffice-transferred-error')?.textContent).toContain('The transfer list could not be read.');
  });

  it('exports the whole list with its columns, dates kept as dates', async () => {
    const { fixture } = await render();
    // The export is made from the same register definition as the page's table.
    const translate = TestBed.inject(TranslateService);
    const table = registerExportTable(fixture.componentInstance.register, (key) => translate.instant(key));
    expect(table.fileName).toBe('transfer-list');
    expect(table.columns.map((c) => c.header)).toEqual([
      'Record identifier',
      'Name',
      'Category / folder',
      'Handed over by',
      'Sent to',
      'Handed over on'
    ]);
    const page = await (table.rows as (p: { skipCount: number; maxItems: number }) => Promise<{ rows: TransferredRecord[] }>)({
      skipCount: 0,
      maxItems: 500
    });
    expect(table.columns.map((c) => c.value(page.rows[0]))).toEqual([
      '2026-0000000007',
      'A-7-2026-Estt',
      'A',
      'Accession to the archives',
      'National Archives of India',
      new Date(accessioned.transferredAt!)
    ]);
  });
});
