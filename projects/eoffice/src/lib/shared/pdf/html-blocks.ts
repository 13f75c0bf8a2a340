import { PdfRun } from './pdf-text';

/** A paragraph of a note written in the rich-text editor, ready for the PDF writer. */
export interface HtmlBlock {
  runs: PdfRun[];
  /** 1-3 for headings. */
  heading?: number;
  /** Nesting depth of list items and quotes. */
  depth: number;
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION', 'ARTICLE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

/**
 * Turns a note's HTML (Quill's markup: p, h1-h3, ol/ul/li, strong, em, u, br, a) into paragraphs of
 * styled runs. DOMParser builds an inert document (no scripts run, no images load), so nothing of the
 * note reaches the page's DOM.
 */
export function htmlToBlocks(html: string): HtmlBlock[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const blocks: HtmlBlock[] = [];
  let current: HtmlBlock | null = null;
  const start = (depth: number, heading?: number, prefix = '') => {
    current = { runs: prefix ? [{ text: prefix }] : [], depth, heading };
    blocks.push(current);
  };
  const walk = (node: Node, style: Omit<PdfRun, 'text'>, depth: number, list: { ordered: boolean; n: number } | null) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (!text.trim() && !current) return;
      if (!current) start(depth);
      current!.runs.push({ text, ...style });
      return;
    }
    if (!(node instanceof Element) || SKIPPED.has(node.tagName)) return;
    const tag = node.tagName;
    if (tag === 'BR') {
      if (!current) start(depth);
      current!.runs.push({ text: '\n', ...style });
      return;
    }
    const next = {
      bold: style.bold || ['B', 'STRONG', 'TH'].includes(tag) || /^H[1-6]$/.test(tag),
      italic: style.italic || ['I', 'EM'].includes(tag),
      underline: style.underline || tag === 'U'
    };
    if (tag === 'OL' || tag === 'UL') {
      const own = { ordered: tag === 'OL', n: 0 };
      current = null;
      node.childNodes.forEach((child) => walk(child, style, depth + 1, own));
      current = null;
      return;
    }
    if (BLOCKS.has(tag)) {
      const heading = /^H([1-6])$/.exec(tag)?.[1];
      let prefix = '';
      if (tag === 'LI' && list) {
        list.n++;
        // Quill 2 marks bullets on <li data-list="bullet"> inside an <ol>.
        const bullet = !list.ordered || node.getAttribute('data-list') === 'bullet';
        prefix = bullet ? '•  ' : `${list.n}.  `;
      }
      start(tag === 'BLOCKQUOTE' ? depth + 1 : depth, heading ? Math.min(3, Number(heading)) : undefined, prefix);
      node.childNodes.forEach((child) => walk(child, next, tag === 'BLOCKQUOTE' ? depth + 1 : depth, list));
      current = null;
      return;
    }
    node.childNodes.forEach((child) => walk(child, next, depth, list));
  };
  body.childNodes.forEach((child) => walk(child, {}, 0, null));
  return blocks.map((block) => ({ ...block, runs: trimRuns(block.runs) })).filter((block) => block.runs.some((run) => run.text.trim()));
}

/** The text of the blocks, one paragraph a line (for search and tests). */
export const blocksText = (blocks: HtmlBlock[]): string => blocks.map((b) => b.runs.map((r) => r.text).join('')).join('\n');

function trimRuns(runs: PdfRun[]): PdfRun[] {
  const out = runs.map((run) => ({ ...run }));
  if (out.length) out[0].text = out[0].text.replace(/^ +/, '');
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  return out.filter((run) => run.text);
}
