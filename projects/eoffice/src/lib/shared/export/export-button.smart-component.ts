import { ChangeDetectionStrategy, Component, OnDestroy, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ExportFormat, ExportProgress, ExportTable } from './export.model';
import { ExportRun } from './export-run';
import { TableExportService } from './table-export.service';

/**
 * "Export" with a CSV / XLSX / PDF menu for any list. While an export runs it shows a progress bar with
 * the rows read so far and a Cancel button; a failure is shown beside it as a translated message.
 */
@Component({
  selector: 'eoffice-export-button',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './export-button.smart-component.html',
  styleUrl: './export-button.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ExportButtonSmartComponent implements OnDestroy {
  private readonly exporter = inject(TableExportService);

  /** Builds the table when an export starts (so it pages through the current filter). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly table = input.required<() => ExportTable<any>>();
  readonly disabled = input(false);

  readonly formats: { format: ExportFormat; label: string; icon: string }[] = [
    { format: 'csv', label: 'EOFFICE.EXPORT.CSV', icon: 'description' },
    { format: 'xlsx', label: 'EOFFICE.EXPORT.XLSX', icon: 'table_chart' },
    { format: 'pdf', label: 'EOFFICE.EXPORT.PDF', icon: 'picture_as_pdf' }
  ];
  readonly job = new ExportRun<ExportProgress>();

  run(format: ExportFormat): Promise<void> {
    return this.job.start((onProgress, signal) => this.exporter.export(format, this.table()(), onProgress, signal));
  }

  cancel(): void {
    this.job.cancel();
  }

  ngOnDestroy(): void {
    this.cancel();
  }
}
