/** The formats a list can be exported to. */
export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/** A cell value; dates stay dates so spreadsheets can sort and filter them. */
export type ExportValue = string | number | Date | null;

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportValue;
}

/** One page of a paged row source. */
export interface ExportPageRequest {
  skipCount: number;
  maxItems: number;
}

/** What to export: a title for the PDF, the file name (without extension), columns and rows. */
export interface ExportTable<T> {
  title: string;
  subtitle?: string;
  fileName: string;
  columns: ExportColumn<T>[];
  /** The rows, or a source that is paged through (the whole list, not just the page on screen). */
  rows: T[] | ((page: ExportPageRequest) => Promise<{ rows: T[]; totalItems: number }>);
}

/** Rows gathered so far, of how many (null while unknown); then, for a PDF, rows written. */
export interface ExportProgress {
  done: number;
  total: number | null;
  /** 'reading' while rows are fetched (the default), 'writing' while a PDF is laid out. */
  stage?: 'reading' | 'writing';
}

/** A built export, before it is downloaded. */
export interface ExportFile {
  blob: Blob;
  fileName: string;
}

/** The error an export ends with when its AbortSignal fires. */
export const exportCancelled = (): DOMException => new DOMException('The export was cancelled', 'AbortError');

export const isExportCancelled = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
