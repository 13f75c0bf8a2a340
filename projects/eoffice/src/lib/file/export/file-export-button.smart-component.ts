import { ChangeDetectionStrategy, Component, OnDestroy, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ExportRun } from '../../shared/export/export-run';
import { FileExportProgress, FileExportService } from './file-export.service';

/** "Export file (PDF)" for the file view: progress over notes and correspondence, Cancel, errors beside it. */
@Component({
  selector: 'eoffice-file-export-button',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <div class="eoffice-file-export">
      @if (job.running()) {
        <div class="eoffice-file-export__progress" role="status" aria-live="polite" data-automation-id="eoffice-file-export-progress">
          <mat-progress-bar [mode]="job.percent() === null ? 'indeterminate' : 'determinate'" [value]="job.percent() ?? 0" />
          <span>
            @if (job.progress(); as p) {
              @if (p.stage === 'saving') {
                {{ 'EOFFICE.EXPORT.FILE_SAVING' | translate }}
              } @else {
                {{ 'EOFFICE.EXPORT.FILE_PROGRESS' | translate: { done: p.done, total: p.total } }}
                @if (p.pages) {
                  · {{ 'EOFFICE.EXPORT.FILE_PAGES' | translate: { done: p.pages.done, total: p.pages.total } }}
                }
              }
            } @else {
              {{ 'EOFFICE.EXPORT.STARTING' | translate }}
            }
          </span>
          <button mat-button type="button" (click)="cancel()" data-automation-id="eoffice-file-export-cancel">
            {{ 'EOFFICE.EXPORT.CANCEL' | translate }}
          </button>
        </div>
      } @else {
        <button mat-stroked-button type="button" [disabled]="!fileId()" (click)="run()" data-automation-id="eoffice-file-export">
          <mat-icon>picture_as_pdf</mat-icon>{{ 'EOFFICE.EXPORT.FILE_BUTTON' | translate }}
        </button>
      }
      @if (job.failed()) {
        <span class="eoffice-file-export__error" role="alert" data-automation-id="eoffice-file-export-error">
          {{ 'EOFFICE.EXPORT.FAILED' | translate }}
        </span>
      }
    </div>
  `,
  styles: `
    .eoffice-file-export {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .eoffice-file-export__progress {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font-size: 13px;
    }
    .eoffice-file-export__progress mat-progress-bar {
      width: 120px;
    }
    .eoffice-file-export__error {
      color: var(--mat-sys-error, #b3261e);
      font-size: 13px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class FileExportButtonSmartComponent implements OnDestroy {
  private readonly exporter = inject(FileExportService);

  readonly fileId = input.required<string>();
  readonly job = new ExportRun<FileExportProgress>();

  run(): Promise<void> {
    return this.job.start((onProgress, signal) => this.exporter.exportFile(this.fileId(), onProgress, signal));
  }

  cancel(): void {
    this.job.cancel();
  }

  ngOnDestroy(): void {
    this.cancel();
  }
}
