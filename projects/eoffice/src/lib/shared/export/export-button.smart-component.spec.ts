import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ExportButtonSmartComponent } from './export-button.smart-component';
import { ExportProgress, ExportTable, exportCancelled } from './export.model';
import { TableExportService } from './table-export.service';
import { provideEnglish } from '../testing/spec-support.spec';

describe('ExportButtonSmartComponent', () => {
  let exportSpy: jasmine.Spy;
  const table: ExportTable<{ n: number }> = {
    title: 'Receipts',
    fileName: 'receipts',
    columns: [{ header: 'N', value: (r) => r.n }],
    rows: []
  };

  beforeEach(() => {
    exportSpy = jasmine.createSpy('export');
    TestBed.configureTestingModule({
      imports: [ExportButtonSmartComponent],
      providers: [...provideEnglish(), provideNoopAnimations(), { provide: TableExportService, useValue: { export: exportSpy } }]
    });
  });

  function render() {
    const fixture = TestBed.createComponent(ExportButtonSmartComponent);
    fixture.componentRef.setInput('table', () => table);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const choose = async (format: string) => {
      element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-export-button"]')!.click();
      fixture.detectChanges();
      await fixture.whenStable();
      document.querySelector<HTMLButtonElement>(`[data-automation-id="eoffice-export-${format}"]`)!.click();
      fixture.detectChanges();
    };
    return { fixture, element, choose };
  }

  it('offers CSV, Excel and PDF, and exports the chosen format', async () => {
    exportSpy.and.resolveTo();
    const { fixture, element, choose } = render();
    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-export-button"]')!.click();
    fixture.detectChanges();
    const offered = Array.from(document.querySelectorAll('[mat-menu-item]')).map((b) => b.textContent ?? '');
    expect(offered.length).toBe(3);
    expect(offered[0]).toContain('CSV');
    expect(offered[1]).toContain('Excel (XLSX)');
    expect(offered[2]).toContain('PDF');
    document.querySelector<HTMLButtonElement>('.cdk-overlay-backdrop')?.click();
    fixture.detectChanges();
    await fixture.whenStable();

    await choose('xlsx');
    await fixture.whenStable();

    expect(exportSpy).toHaveBeenCalledOnceWith('xlsx', table, jasmine.any(Function), jasmine.any(AbortSignal));
  });

  it('shows rows read of the total while it runs, and Cancel aborts the export', async () => {
    let report!: (p: ExportProgress) => void;
    let signal!: AbortSignal;
    exportSpy.and.callFake((_f: string, _t: unknown, onProgress: (p: ExportProgress) => void, s: AbortSignal) => {
      report = onProgress;
      signal = s;
      return new Promise<void>((_resolve, reject) => {
        s.addEventListener('abort', () => reject(exportCancelled()));
      });
    });
    const { fixture, element, choose } = render();

    await choose('pdf');
    report({ done: 200, total: 1250 });
    fixture.detectChanges();

    const progress = element.querySelector('[data-automation-id="eoffice-export-progress"]');
    expect(progress?.textContent).toContain('200 of 1250 rows');
    expect(element.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('16');
    report({ done: 600, total: 1250, stage: 'writing' });
    fixture.detectChanges();
    expect(progress?.textContent).toContain('Writing the PDF: 600 of 1250 rows');

    element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-export-cancel"]')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(signal.aborted).toBeTrue();
    expect(element.querySelector('[data-automation-id="eoffice-export-progress"]')).toBeNull();
    expect(element.querySelector('[data-automation-id="eoffice-export-error"]')).toBeNull();
  });

  it('says so next to the button when an export fails', async () => {
    exportSpy.and.rejectWith(new Error('HTTP 500'));
    const { fixture, element, choose } = render();

    await choose('csv');
    await fixture.whenStable();
    fixture.detectChanges();

    expect(element.querySelector('[data-automation-id="eoffice-export-error"]')?.textContent).toContain(
      'The export failed. Check your connection and try again.'
    );
    expect(element.querySelector('[data-automation-id="eoffice-export-button"]')).not.toBeNull();
  });
});
