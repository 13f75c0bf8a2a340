import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The text layer of each page of a PDF and its size, read with pdf.js's Node build. */
export async function readPdf(file: string): Promise<{ pages: number; pageTexts: string[]; text: string; bytes: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const standardFontDataUrl = path.resolve('node_modules/pdfjs-dist/standard_fonts') + path.sep;
  const doc = await pdfjs.getDocument({ data: data.slice(), standardFontDataUrl }).promise;
  const pageTexts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, pageTexts, text: pageTexts.join('\n') + '\n', bytes: data.byteLength };
}
