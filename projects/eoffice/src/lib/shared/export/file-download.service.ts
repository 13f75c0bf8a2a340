import { Injectable } from '@angular/core';

/** Hands a built file to the browser as a download (its own service so tests can catch the file). */
@Injectable({ providedIn: 'root' })
export class FileDownloadService {
  save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** A file name for a download: no characters Windows refuses, spaces as dashes, Devanagari kept, dated. */
export function downloadName(base: string, extension: string, at = new Date()): string {
  const stem =
    base
      .replace(/\.(csv|xlsx|pdf)$/i, '')
      // eslint-disable-next-line no-control-regex -- control characters are refused in file names too
      .replace(/[\\/:*?"<>|\u0000-\u001F]+/g, '-')
      .replace(/\s+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'export';
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return `${stem.slice(0, 100)}-${day}.${extension}`;
}
