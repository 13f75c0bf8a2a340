import { ExportTable } from '../../shared/export/export.model';

/** One column of a records register: its header, its value (a Date is shown and exported as a date), its cell. */
export interface RegisterColumn<T> {
  key: string;
  headerKey: string;
  value: (row: T) => string | Date | null;
  /** How the cell reads on a phone card: the number at the top, a line, or aside. */
  cell: 'number' | 'line' | 'aside';
}

/**
 * A register the records manager reads and exports (destruction register, transfer list): one definition
 * drives the page's table and the export, so a column is added in one place.
 */
export interface RecordsRegister<T> {
  titleKey: string;
  /** What the data-automation-ids say after "eoffice-": destroyed, transferred. */
  name: string;
  fileName: string;
  errorKey: string;
  emptyKey: string;
  columns: RegisterColumn<T>[];
  rows: (skipCount: number, maxItems: number) => Promise<{ rows: T[]; totalItems: number }>;
}

/** The register as the export button writes it (CSV, XLSX, PDF), headers in the officer's language. */
export function registerExportTable<T>(register: RecordsRegister<T>, t: (key: string) => string): ExportTable<T> {
  return {
    title: t(register.titleKey),
    fileName: register.fileName,
    columns: register.columns.map((c) => ({ header: t(c.headerKey), value: c.value })),
    rows: (page) => register.rows(page.skipCount, page.maxItems)
  };
}

/** A repository date as the register's value: a Date, or nothing. */
export const registerDate = (iso: string | null): Date | null => (iso ? new Date(iso) : null);
