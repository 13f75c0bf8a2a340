import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import { FileDownloadService } from '../export/file-download.service';

/** How long the opened tab's PDF stays readable (its viewer may read the blob again to print or save it). */
const TAB_URL_LIFETIME_MS = 10 * 60_000;

/** A print under way: the tab opened on the click, waiting for its PDF. */
export interface PdfPrintJob {
  /** Shows the PDF in the tab (its viewer prints it), with a Download offer; downloads it if no tab could open. */
  show(blob: Blob, fileName: string): 'opened' | 'downloaded';
  /** The PDF could not be made: closes the waiting tab and says so. */
  fail(): void;
}

/**
 * PDFs a clerk prints (an acknowledgement to post to the sender): opened in a new tab, where the browser's
 * PDF viewer prints them, rather than only downloaded to be found and opened again. The tab is opened at
 * once, on the click, because the PDF takes a moment to make and browsers allow a new tab only right after
 * a click; it shows the PDF when ready. A Download action beside the notice keeps the file at hand, and a
 * browser that refuses the tab gets the download instead.
 */
@Injectable({ providedIn: 'root' })
export class PdfPrintService {
  private readonly download = inject(FileDownloadService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Call synchronously in the click handler, before building the PDF. */
  start(): PdfPrintJob {
    const tab = window.open('', '_blank');
    if (tab) {
      try {
        tab.document.title = this.translate.instant('EOFFICE.PDF.PRINT_PREPARING');
        tab.document.body.textContent = this.translate.instant('EOFFICE.PDF.PRINT_PREPARING');
      } catch {
        // a tab the page may not write into still shows the PDF once it is ready
      }
    }
    return {
      show: (blob, fileName) => {
        if (!tab || tab.closed) {
          this.download.save(blob, fileName);
          this.snackBar.open(this.translate.instant('EOFFICE.PDF.PRINT_BLOCKED'));
          return 'downloaded';
        }
        const url = URL.createObjectURL(blob);
        tab.location.href = url;
        setTimeout(() => URL.revokeObjectURL(url), TAB_URL_LIFETIME_MS);
        this.snackBar
          .open(this.translate.instant('EOFFICE.PDF.PRINT_OPENED'), this.translate.instant('EOFFICE.PDF.DOWNLOAD'))
          .onAction()
          .subscribe(() => this.download.save(blob, fileName));
        return 'opened';
      },
      fail: () => {
        tab?.close();
        this.snackBar.open(this.translate.instant('EOFFICE.PDF.PRINT_FAILED'));
      }
    };
  }
}
