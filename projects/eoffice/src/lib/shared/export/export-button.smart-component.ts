import { ChangeDetectionStrategy, Component, OnDestroy, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ExportFormat, ExportProgress, ExportTable, isExportCancelled } from './export.model';
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
  readonly running = signal<ExportFormat | null>(null);
  readonly progress = signal<ExportProgress | null>(null);
  readonly error = signal<string | null>(null);
  readonly percent = computed(() => {
    const p = this.progress();
    return p?.total ? Math.min(100, Math.round((100 * p.done) / p.total)) : null;
  });
  private controller: AbortController | null = null;

  async run(format: ExportFormat): Promise<void> {
    if (this.running()) return;
    this.controller = new AbortController();
    this.running.set(format);
    this.progress.set(null);
    this.error.set(null);
    try {
      await this.exporter.export(format, this.table()(), (p) => this.progress.set(p), this.controller.signal);
    } catch (error) {
      if (!isExportCancelled(error)) this.error.set('EOFFICE.EXPORT.FAILED');
    } finally {
      this.running.set(null);
      this.progress.set(null);
      this.controller = null;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  ngOnDestroy(): void {
    this.cancel();
  }
}
