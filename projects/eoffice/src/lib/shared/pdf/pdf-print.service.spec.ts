import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Subject } from 'rxjs';
import { FileDownloadService } from '../export/file-download.service';
import { PdfPrintService } from './pdf-print.service';
import { provideEnglish } from '../testing/spec-support.spec';

describe('PdfPrintService', () => {
  let save: jasmine.Spy;
  let open: jasmine.Spy;
  let action: Subject<void>;
  let tab: { document: Document; location: { href: string }; closed: boolean; close: jasmine.Spy };

  beforeEach(() => {
    save = jasmine.createSpy('save');
    action = new Subject<void>();
    open = jasmine.createSpy('snackBar.open').and.returnValue({ onAction: () => action });
    tab = {
      document: document.implementation.createHTMLDocument(''),
      location: { href: 'about:blank' },
      closed: false,
      close: jasmine.createSpy('close')
    };
    TestBed.configureTestingModule({
      providers: [...provideEnglish(), { provide: FileDownloadService, useValue: { save } }, { provide: MatSnackBar, useValue: { open } }]
    });
  });

  const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });

  it('opens a tab on the click, shows the PDF in it to print, and offers the download beside the notice', () => {
    const windowOpen = spyOn(window, 'open').and.returnValue(tab as unknown as Window);
    const job = TestBed.inject(PdfPrintService).start();
    expect(windowOpen).toHaveBeenCalledOnceWith('', '_blank');
    expect(tab.document.body.textContent).toBe('Preparing the PDF for printing…');

    expect(job.show(pdf, 'Acknowledgement-1-2026-CRU-GAD.pdf')).toBe('opened');
    expect(tab.location.href).toMatch(/^blob:/);
    expect(save).not.toHaveBeenCalled();
    expect(open).toHaveBeenCalledOnceWith('The PDF is open in a new tab: print it from there.', 'Download');

    action.next();
    expect(save).toHaveBeenCalledOnceWith(pdf, 'Acknowledgement-1-2026-CRU-GAD.pdf');
  });

  it('downloads the PDF, and says so, when the browser allows no new tab', () => {
    spyOn(window, 'open').and.returnValue(null);
    expect(TestBed.inject(PdfPrintService).start().show(pdf, 'a.pdf')).toBe('downloaded');
    expect(save).toHaveBeenCalledOnceWith(pdf, 'a.pdf');
    expect(open.calls.mostRecent().args[0]).toContain('was downloaded');
  });

  it('downloads the PDF when the officer closed the waiting tab', () => {
    spyOn(window, 'open').and.returnValue(tab as unknown as Window);
    const job = TestBed.inject(PdfPrintService).start();
    tab.closed = true;
    expect(job.show(pdf, 'a.pdf')).toBe('downloaded');
    expect(save).toHaveBeenCalled();
  });

  it('closes the waiting tab and says so when the PDF cannot be made', () => {
    spyOn(window, 'open').and.returnValue(tab as unknown as Window);
    TestBed.inject(PdfPrintService).start().fail();
    expect(tab.close).toHaveBeenCalled();
    expect(open.calls.mostRecent().args[0]).toBe('The PDF could not be made.');
  });
});
