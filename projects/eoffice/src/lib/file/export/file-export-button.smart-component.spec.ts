import { TestBed } from '@angular/core/testing';
import { exportCancelled } from '../../shared/export/export.model';
import { FileExportButtonSmartComponent } from './file-export-button.smart-component';
import { FileExportProgress, FileExportService } from './file-export.service';
import { provideEnglish } from '../../shared/testing/spec-support.spec';

describe('FileExportButtonSmartComponent', () => {
  let exportFile: jasmine.Spy;

  beforeEach(() => {
    exportFile = jasmine.createSpy('exportFile');
    TestBed.configureTestingModule({
      imports: [FileExportButtonSmartComponent],
      providers: [...provideEnglish(), { provide: FileExportService, useValue: { exportFile } }]
    });
  });

  function render() {
    const fixture = TestBed.createComponent(FileExportButtonSmartComponent);
    fixture.componentRef.setInput('fileId', 'file-1');
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (id: string) => element.querySelector<HTMLButtonElement>(`[data-automation-id="${id}"]`);
    return { fixture, element, button };
  }

  it('shows items done of all while the file is exported, and Cancel stops it quietly', async () => {
    let report!: (p: FileExportProgress) => void;
    let signal!: AbortSignal;
    exportFile.and.callFake((_id: string, onProgress: (p: FileExportProgress) => void, s: AbortSignal) => {
      report = onProgress;
      signal = s;
      return new Promise<void>((_resolve, reject) => s.addEventListener('abort', () => reject(exportCancelled())));
    });
    const { fixture, element, button } = render();

    button('eoffice-file-export')!.click();
    report({ done: 3, total: 12, stage: 'notes' });
    fixture.detectChanges();

    expect(exportFile).toHaveBeenCalledOnceWith('file-1', jasmine.any(Function), jasmine.any(AbortSignal));
    expect(element.textContent).toContain('3 of 12 notes and correspondence items');
    report({ done: 7, total: 12, stage: 'correspondence', pages: { done: 40, total: 200 } });
    fixture.detectChanges();
    expect(element.textContent?.replace(/\s+/g, ' ')).toContain('7 of 12 notes and correspondence items · page 40 of 200');
    report({ done: 12, total: 12, stage: 'saving' });
    fixture.detectChanges();
    expect(element.textContent).toContain('Saving the PDF…');

    button('eoffice-file-export-cancel')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(signal.aborted).toBeTrue();
    expect(button('eoffice-file-export')).not.toBeNull();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so beside the button when the export fails', async () => {
    exportFile.and.rejectWith(new Error('403'));
    const { fixture, element, button } = render();

    button('eoffice-file-export')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('The export failed.');
  });
});
