import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { registerExportTable } from '../register/records-register';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TableExportService } from '../../shared/export/table-export.service';
import { deferred, provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';
import { DestroyedRecord } from '../records.model';
import { RecordsService } from '../records.service';
import { DestructionRegisterSmartComponent } from './destruction-register.smart-component';

const destroyed: DestroyedRecord = {
  id: 'r1',
  identifier: '2026-0000000042',
  name: 'Green note 1',
  location: 'C-5 / A-12-2026-Estt',
  destroyedAt: '2031-12-06T06:30:00.000Z'
};

describe('DestructionRegisterSmartComponent', () => {
  let destroyedList: jasmine.Spy;

  beforeEach(() => {
    destroyedList = jasmine.createSpy('destroyed').and.resolveTo({ rows: [destroyed], totalItems: 1 });
    TestBed.configureTestingModule({
      imports: [DestructionRegisterSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        providePageLayout(),
        { provide: RecordsService, useValue: { destroyed: destroyedList } },
        { provide: TableExportService, useValue: {} }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(DestructionRegisterSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const q = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);

  it('lists destroyed records with identifier, name, category and folder, and the Indian date destroyed', async () => {
    const { element } = await render();
    expect(destroyedList).toHaveBeenCalledWith(0, 25);
    const row = q(element, 'eoffice-destroyed-row')!;
    expect(row.textContent).toContain('2026-0000000042');
    expect(row.textContent).toContain('Green note 1');
    expect(row.textContent).toContain('C-5 / A-12-2026-Estt');
    expect(row.textContent).toContain('06/12/2031');
  });

  it('shows its progress, then says so when nothing was destroyed', async () => {
    const pending = deferred<{ rows: DestroyedRecord[]; totalItems: number }>();
    destroyedList.and.returnValue(pending.promise);
    const fixture = TestBed.createComponent(DestructionRegisterSmartComponent);
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('mat-progress-bar')).not.toBeNull();
    pending.resolve({ rows: [], totalItems: 0 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('No records have been destroyed.');
  });

  it('says so when the register cannot be read', async () => {
    destroyedList.and.rejectWith(new Error('offline'));
    const { element } = await render();
    expect(q(element, 'eoffice-destroyed-error')?.textContent).toContain('The destruction register could not be read.');
  });

  it('exports the whole register with its columns, dates kept as dates', async () => {
    const { fixture } = await render();
    // The export is made from the same register definition as the page's table.
    const translate = TestBed.inject(TranslateService);
    const table = registerExportTable(fixture.componentInstance.register, (key) => translate.instant(key));
    expect(table.fileName).toBe('destruction-register');
    expect(table.columns.map((c) => c.header)).toEqual(['Record identifier', 'Name', 'Category / folder', 'Destroyed on']);
    const page = await (table.rows as (p: { skipCount: number; maxItems: number }) => Promise<{ rows: DestroyedRecord[] }>)({
      skipCount: 0,
      maxItems: 500
    });
    expect(table.columns.map((c) => c.value(page.rows[0]))).toEqual([
      '2026-0000000042',
      'Green note 1',
      'C-5 / A-12-2026-Estt',
      new Date(destroyed.destroyedAt!)
    ]);
  });
});
