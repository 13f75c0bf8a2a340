import { Injectable, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { officeDate, officeDateTime, officeIsoDateTime } from '@eoffice/domain';
import { GeneratedBy, GeneratedByService } from '../pdf/generated-by.service';
import { PdfWriter } from '../pdf/pdf-writer';
import { ExportFile, ExportFormat, ExportProgress, ExportTable, ExportValue, exportCancelled } from './export.model';
import { FileDownloadService, downloadName } from './file-download.service';

/** Rows asked for per request when paging through a row source. */
export const EXPORT_PAGE_SIZE = 100;

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf'
};

/** Lists (registers, pendency, MIS tables) as CSV, XLSX or PDF, built in the browser and downloaded. */
@Injectable({ providedIn: 'root' })
export class TableExportService {
  private readonly download = inject(FileDownloadService);
  private readonly translate = inject(TranslateService);
  private readonly generatedBy = inject(GeneratedByService);

  /** Builds the file (paging through the rows, reporting progress) and downloads it. */
  async export<T>(
    format: ExportFormat,
    table: ExportTable<T>,
    onProgress?: (p: ExportProgress) => void,
    signal?: AbortSignal
  ): Promise<void> {
    const file = await this.build(format, table, onProgress, signal);
    if (signal?.aborted) throw exportCancelled();
    this.download.save(file.blob, file.fileName);
  }

  /** Builds the file without downloading it. */
  async build<T>(
    format: ExportFormat,
    table: ExportTable<T>,
    onProgress?: (p: ExportProgress) => void,
    signal?: AbortSignal
  ): Promise<ExportFile> {
    const rows = await collectRows(table, onProgress, signal);
    const values = rows.map((row) => table.columns.map((column) => column.value(row)));
    const fileName = downloadName(table.fileName, format);
    if (format === 'csv') return { blob: new Blob([toCsv(table, values)], { type: MIME.csv }), fileName };
    if (format === 'xlsx') return { blob: await toXlsx(table, values), fileName };
    return { blob: await this.toPdf(table, values, onProgress, signal), fileName };
  }

  private async toPdf<T>(
    table: ExportTable<T>,
    values: ExportValue[][],
    onProgress?: (p: ExportProgress) => void,
    signal?: AbortSignal
  ): Promise<Blob> {
    const by: GeneratedBy | null = await this.generatedBy.current().catch(() => null);
    const at = new Date();
    const footer = by ? this.generatedBy.line(by, at) : this.translate.instant('EOFFICE.PDF.GENERATED_ON', { at: officeDateTime(at) });
    const writer = await PdfWriter.create({
      title: table.title,
      subject: table.subtitle,
      author: by?.name,
      header: table.title,
      footer,
      orientation: table.columns.length > 6 ? 'landscape' : 'portrait'
    });
    await writer.text(table.title, { size: 14, bold: true, spaceAfter: 1 });
    if (table.subtitle) await writer.text(table.subtitle, { size: 10, color: '#555555', spaceAfter: 1 });
    await writer.text(this.translate.instant('EOFFICE.PDF.ROWS', { count: values.length }), { size: 9, color: '#555555', spaceAfter: 2 });
    if (signal?.aborted) throw exportCancelled();
    const lang = this.translate.getCurrentLang() === 'hi' ? 'hi-IN' : 'en-IN';
    await writer.table(
      table.columns.map((column, i) => ({
        header: column.header,
        align: values.some((row) => typeof row[i] === 'number') ? 'right' : 'left'
      })),
      values.map((row) => row.map((value) => displayValue(value, lang))),
      8.5,
      (drawn) => {
        if (signal?.aborted) throw exportCancelled();
        onProgress?.({ done: drawn, total: values.length, stage: 'writing' });
      }
    );
    const doc = await writer.finish();
    return doc.output('blob');
  }
}

/** Every row of the table: the array as given, or page after page of the row source until all are read. */
export async function collectRows<T>(table: ExportTable<T>, onProgress?: (p: ExportProgress) => void, signal?: AbortSignal): Promise<T[]> {
  if (signal?.aborted) throw exportCancelled();
  if (Array.isArray(table.rows)) {
    onProgress?.({ done: table.rows.length, total: table.rows.length });
    return table.rows;
  }
  const rows: T[] = [];
  let total: number | null = null;
  onProgress?.({ done: 0, total });
  while (total === null || rows.length < total) {
    const page = await table.rows({ skipCount: rows.length, maxItems: EXPORT_PAGE_SIZE });
    if (signal?.aborted) throw exportCancelled();
    rows.push(...page.rows);
    total = page.totalItems;
    onProgress?.({ done: rows.length, total });
    // A source that returns less than it announced (rows deleted meanwhile) must not loop forever.
    if (page.rows.length === 0) break;
  }
  return rows;
}

/** Whether a date carries a time of day worth printing: anything but an IST midnight. */
const withTime = (value: Date): boolean => officeIsoDateTime(value).length > 10;

/** A value as people read it in a printed register: dates as on screen (DD/MM/YYYY, IST), numbers grouped. */
function displayValue(value: ExportValue, locale: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return withTime(value) ? officeDateTime(value) : officeDate(value);
  return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
}

/** A value in a CSV cell: ISO dates of the IST day (sortable, unambiguous), plain numbers. */
function csvValue(value: ExportValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return officeIsoDateTime(value);
  if (typeof value === 'number') return String(value);
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection): quote it as text.
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV with a UTF-8 byte order mark: without the BOM Excel reads the file as the ANSI code
 * page and Devanagari comes out as mojibake.
 */
export function toCsv<T>(table: ExportTable<T>, values: ExportValue[][]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [table.columns.map((c) => cell(c.header)), ...values.map((row) => row.map((v) => cell(csvValue(v))))];
  return '\uFEFF' + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** An XLSX workbook (write-excel-file, loaded on demand): bold frozen header row, dates as dates. */
export async function toXlsx<T>(table: ExportTable<T>, values: ExportValue[][]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const header = table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const, wrap: true }));
  const body = values.map((row) =>
    row.map((value) => {
      if (value === null || value === undefined || value === '') return null;
      if (value instanceof Date) {
        // A spreadsheet date has no time zone and write-excel-file counts from UTC: hand it the IST wall clock.
        const ist = new Date(`${officeIsoDateTime(value).replace(' ', 'T')}Z`);
        return { value: ist, type: Date, format: withTime(value) ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy' };
      }
      return typeof value === 'number' ? { value, type: Number } : { value, type: String, wrap: value.length > 60 };
    })
  );
  const widths = table.columns.map((c, i) =>
    Math.min(
      60,
      Math.max(
        10,
        c.header.length + 2,
        ...values.slice(0, 200).map((row) => (row[i] instanceof Date ? 16 : String(row[i] ?? '').length + 2))
      )
    )
  );
  return writeXlsxFile([header, ...body], {
    sheet: table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1',
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1
  }).toBlob();
}
