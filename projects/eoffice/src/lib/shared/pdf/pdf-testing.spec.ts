// Helpers for specs that read our PDFs back (a .spec file so the library build leaves it out).
import { openPdf } from './pdf-pages';

/** pdf.js reads PDFs on the main thread in unit tests (Karma does not serve the worker file). */
export async function usePdfjsOnMainThread(): Promise<void> {
  const scope = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error the worker bundle ships no type declarations
  scope.pdfjsWorker ??= await import('pdfjs-dist/build/pdf.worker.min.mjs');
}

/** The text layer of every page of a PDF, as a reader's search would see it. */
export async function pdfText(data: ArrayBuffer | Blob): Promise<string[]> {
  const pdf = await openPdf(data instanceof Blob ? await data.arrayBuffer() : data);
  try {
    const pages: string[] = [];
    for (let page = 1; page <= pdf.pageCount; page++) pages.push(await pdf.text(page));
    return pages;
  } finally {
    await pdf.close();
  }
}
