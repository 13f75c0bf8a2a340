// Helpers for specs that read our PDFs back (a .spec file so the library build leaves it out).
import { locatePdfAssets } from './pdf-fonts';
import { openPdf } from './pdf-pages';

let assetsLocated = false;

/** The PDF writer's fonts and HarfBuzz, from node_modules as Karma serves them (karma.conf.js). */
export function usePdfAssetsFromNodeModules(): void {
  if (assetsLocated) return;
  assetsLocated = true;
  // Karma names served files outside its base path by their absolute path: ask it where each one is.
  const served = Object.keys((window as unknown as { __karma__: { files: Record<string, string> } }).__karma__.files);
  locatePdfAssets((asset) => served.find((path) => path.endsWith(`/node_modules/${asset.module}/${asset.file}`)) ?? asset.file);
}

/**
 * pdf.js reads PDFs on the main thread in unit tests (Karma does not serve the worker file); the specs
 * that read PDFs back also write them, so the writer's assets are located here too.
 */
export async function usePdfjsOnMainThread(): Promise<void> {
  usePdfAssetsFromNodeModules();
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
