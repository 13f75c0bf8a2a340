import type { PDFDocumentProxy } from 'pdfjs-dist';

/** Where the host serves pdf.js's worker (angular.json copies it next to index.html for ADF's viewer). */
export const PDFJS_WORKER_FILE = 'pdf.worker.min.mjs';

let workerSource: Promise<string> | null = null;

/**
 * The worker as a blob URL, as ADF's viewer does: a module worker must be served as JavaScript, and
 * not every web server knows the .mjs extension.
 */
function workerUrl(): Promise<string> {
  workerSource ??= fetch(new URL(PDFJS_WORKER_FILE, document.baseURI))
    .then(async (response) => {
      if (!response.ok) throw new Error(`${PDFJS_WORKER_FILE}: ${response.status}`);
      return URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
    })
    .catch((error) => {
      workerSource = null;
      throw error;
    });
  return workerSource;
}

/** One page of a PDF drawn on a canvas. */
export interface RenderedPage {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
}

/** An opened PDF: its page count, a way to draw each page, and close(). */
export interface OpenedPdf {
  pageCount: number;
  render(page: number, dpi?: number): Promise<RenderedPage>;
  /** The text layer of a page (what search and copy see). */
  text(page: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens a PDF with pdf.js (loaded on demand). Each PDF gets its own worker rather than the worker port
 * ADF's viewer sets and tears down with the viewer. Where pdf.js already runs on the main thread
 * (globalThis.pdfjsWorker, as in unit tests) it is used instead.
 */
export async function openPdf(data: ArrayBuffer): Promise<OpenedPdf> {
  // pdf.js 5 calls Promise.try, which zone.js's Promise (and browsers before Chrome 128) lack.
  const promise = Promise as unknown as { try?: (fn: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise<unknown> };
  promise.try ??= (fn, ...args) => new Promise((resolve) => resolve(fn(...args)));
  const pdfjs = await import('pdfjs-dist');
  if (!(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker) pdfjs.GlobalWorkerOptions.workerSrc = await workerUrl();
  const worker = new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({ data: new Uint8Array(data), worker });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    worker.destroy();
    throw error;
  }
  return {
    pageCount: doc.numPages,
    async render(number: number, dpi = 120): Promise<RenderedPage> {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport, background: '#ffffff' }).promise;
      page.cleanup();
      return { canvas, width: viewport.width, height: viewport.height };
    },
    async text(number: number): Promise<string> {
      const content = await (await doc.getPage(number)).getTextContent();
      // Items break wherever the font or position changes, inside a line too (a Hindi word next to an
      // English one): lines end where pdf.js says they do.
      return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    },
    async close(): Promise<void> {
      await doc.destroy();
      worker.destroy();
    }
  };
}
