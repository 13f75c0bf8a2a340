/**
 * Wrapping of styled text for the PDF writer, whatever measures it: the writer's shaped fonts
 * (pdf-fonts.ts), or a canvas.
 */

/** Fonts tried in order: Noto (Linux, Android), Nirmala UI and Mangal (Windows), Lohit (older Linux). */
export const PDF_FONT_FAMILY =
  '"Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Mangal", "Lohit Devanagari", "Kohinoor Devanagari", Arial, sans-serif';

/** A piece of text in one style. */
export interface PdfRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A wrapped line: its pieces (x offsets relative to the line start, in canvas px) and its width. */
export interface PdfLine {
  pieces: { text: string; x: number; run: PdfRun }[];
  width: number;
}

/** The canvas font for a run at a size in px. */
export function canvasFont(run: Pick<PdfRun, 'bold' | 'italic'>, sizePx: number): string {
  return `${run.italic ? 'italic ' : ''}${run.bold ? 'bold ' : ''}${sizePx.toFixed(1)}px ${PDF_FONT_FAMILY}`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits text into user-perceived characters, so a Devanagari conjunct is never cut in half. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Wraps runs into lines no wider than `maxWidth` px. Breaks at spaces and after slashes and hyphens (not
 * inside dates);
 * a word wider than the line is broken between graphemes. Newlines in the text force a break.
 */
export function wrapRuns(measurer: CanvasRenderingContext2D | TextMeasure, runs: PdfRun[], sizePx: number, maxWidth: number): PdfLine[] {
  const ctx = typeof measurer === 'function' ? measureWith(measurer, sizePx) : measurer;
  const lines: PdfLine[] = [];
  let line: PdfLine = { pieces: [], width: 0 };
  const push = () => {
    // Trailing spaces take no room at the end of a line.
    const last = line.pieces[line.pieces.length - 1];
    if (last && /\s+$/.test(last.text)) {
      ctx.font = canvasFont(last.run, sizePx);
      last.text = last.text.replace(/\s+$/, '');
      line.width = last.x + ctx.measureText(last.text).width;
    }
    lines.push(line);
    line = { pieces: [], width: 0 };
  };
  const place = (text: string, run: PdfRun, width: number) => {
    line.pieces.push({ text, x: line.width, run });
    line.width += width;
  };
  for (const run of runs) {
    ctx.font = canvasFont(run, sizePx);
    const paragraphs = run.text.replace(/\r\n?/g, '\n').split('\n');
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) push();
      // Tokens end after spaces, a slash or a hyphen, but a date such as 23-11-2026 stays whole.
      for (const token of paragraph.match(/(?:[^\s/-]|(?<=\d)-(?=\d))*[/-]?\s*/g) ?? []) {
        if (!token) continue;
        const width = ctx.measureText(token).width;
        const trimmed = ctx.measureText(token.trimEnd()).width;
        if (line.width + trimmed <= maxWidth) {
          place(token, run, width);
          continue;
        }
        if (line.pieces.length) push();
        if (trimmed <= maxWidth) {
          if (!/^\s+$/.test(token)) place(token, run, width);
          continue;
        }
        let chunk = '';
        for (const g of splitGraphemes(token)) {
          if (chunk && ctx.measureText(chunk + g).width > maxWidth) {
            place(chunk, run, ctx.measureText(chunk).width);
            push();
            chunk = '';
          }
          chunk += g;
        }
        if (chunk) place(chunk, run, ctx.measureText(chunk).width);
      }
    });
  }
  if (line.pieces.length || !lines.length) push();
  return lines;
}

/** Width of text in a run's style at a size, in the units of the size. */
export type TextMeasure = (text: string, run: PdfRun, size: number) => number;

/** The two calls wrapRuns makes on a canvas, answered by a measure function. */
function measureWith(measure: TextMeasure, size: number): Pick<CanvasRenderingContext2D, 'font' | 'measureText'> {
  let run: PdfRun = { text: '' };
  return {
    // wrapRuns sets the style as a canvas font before measuring (canvasFont()); only its style matters here.
    set font(font: string) {
      run = { text: '', bold: /\bbold\b/.test(font), italic: /\bitalic\b/.test(font) };
    },
    get font(): string {
      return canvasFont(run, size);
    },
    measureText: (text: string) => ({ width: measure(text, run, size) }) as TextMetrics
  };
}

/** Plain text of a line. */
export const lineText = (line: PdfLine): string => line.pieces.map((p) => p.text).join('');
