import type { Font as FontkitFont, Subset } from '@pdf-lib/fontkit';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { HarfBuzz, ShapedGlyph, ShapingFont } from './pdf-shaping';

/*
 * The fonts of our PDFs: Noto Sans for Latin text and Noto Sans Devanagari for Hindi (both as TrueType,
 * which is what a PDF embeds; the npm packages of web fonts ship only WOFF/WOFF2), regular and bold.
 * Italic is drawn slanted. HarfBuzz (pdf-shaping.ts) shapes each run of one script; the glyphs go into the
 * PDF by id, through a subset of the font (@pdf-lib/fontkit) with a ToUnicode map, so a reader's search,
 * copy and `pdftotext` get the words back. The fonts (about 1.7 MB) and HarfBuzz (0.4 MB) are fetched the
 * first time a PDF is written, never with the app.
 */

/** A file the PDF writer fetches, and the npm package it comes from. */
export interface PdfAsset {
  file: string;
  /** Folder of the file in node_modules (angular.json copies it from there to assets/eoffice/pdf). */
  module: string;
}

export const PDF_ASSETS = {
  harfbuzz: { file: 'harfbuzz.wasm', module: 'harfbuzzjs/dist' },
  latin: { file: 'NotoSans_400Regular.ttf', module: '@expo-google-fonts/noto-sans/400Regular' },
  latinBold: { file: 'NotoSans_700Bold.ttf', module: '@expo-google-fonts/noto-sans/700Bold' },
  devanagari: { file: 'NotoSansDevanagari_400Regular.ttf', module: '@expo-google-fonts/noto-sans-devanagari/400Regular' },
  devanagariBold: { file: 'NotoSansDevanagari_700Bold.ttf', module: '@expo-google-fonts/noto-sans-devanagari/700Bold' }
} satisfies Record<string, PdfAsset>;

type FaceName = Exclude<keyof typeof PDF_ASSETS, 'harfbuzz'>;

let locate = (asset: PdfAsset): string => new URL(`assets/eoffice/pdf/${asset.file}`, document.baseURI).href;

/** Where the assets are served from; unit tests serve them straight from node_modules. */
export function locatePdfAssets(locator: (asset: PdfAsset) => string): void {
  locate = locator;
  fontSet = null;
}

async function fetchAsset(asset: PdfAsset): Promise<ArrayBuffer> {
  const response = await fetch(locate(asset));
  if (!response.ok) throw new Error(`${asset.file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** One font file, ready to shape with and to subset. */
export class FontFace {
  /**
   * What each glyph stands for (glyph id → text), for the ToUnicode map. Learnt from the shaping: a glyph
   * that is a cluster by itself stands for the cluster; conjunct parts are learnt from probes (fontFaces()).
   */
  readonly unicode = new Map<number, string>();

  constructor(
    readonly name: FaceName,
    readonly shaping: ShapingFont,
    readonly fontkit: FontkitFont
  ) {}

  get unitsPerEm(): number {
    return this.shaping.unitsPerEm;
  }
}

export type FontFaces = Record<FaceName, FontFace>;

let fontSet: Promise<FontFaces> | null = null;

/** HarfBuzz and the four fonts, fetched and parsed once a session. */
export function fontFaces(): Promise<FontFaces> {
  fontSet ??= loadFaces().catch((error) => {
    fontSet = null;
    throw error;
  });
  return fontSet;
}

async function loadFaces(): Promise<FontFaces> {
  const [{ default: fontkit }, wasm, ...files] = await Promise.all([
    import('@pdf-lib/fontkit'),
    fetchAsset(PDF_ASSETS.harfbuzz),
    ...(['latin', 'latinBold', 'devanagari', 'devanagariBold'] as const).map((name) => fetchAsset(PDF_ASSETS[name]))
  ]);
  const hb = await HarfBuzz.load(wasm);
  const names: FaceName[] = ['latin', 'latinBold', 'devanagari', 'devanagariBold'];
  const faces = Object.fromEntries(
    names.map((name, i) => {
      const bytes = new Uint8Array(files[i]);
      return [name, new FontFace(name, hb.font(bytes), fontkit.create(bytes) as FontkitFont)];
    })
  ) as FontFaces;
  learnDevanagari(faces.devanagari);
  learnDevanagari(faces.devanagariBold);
  return faces;
}

const VIRAMA = '\u094D';
const ZWJ = '\u200D';

/**
 * Teaches a Devanagari face what its presentation forms stand for, by shaping each consonant in the
 * contexts that produce them: the i-matra drawn before its consonant, the reph (र्) drawn above the
 * next, half forms, and the rakar (्र) below. A glyph that appears in place of the known letters stands
 * for the rest of the probe.
 */
function learnDevanagari(face: FontFace): void {
  const learn = (probe: string, known: string, meaning: string) => {
    const knownGlyphs = new Set([...known].map((c) => face.shaping.nominal(c.codePointAt(0)!)));
    const fresh = face.shaping.shape(probe).filter((g) => !knownGlyphs.has(g.gid));
    if (fresh.length === 1 && !face.unicode.has(fresh[0].gid)) face.unicode.set(fresh[0].gid, meaning);
  };
  for (let code = 0x915; code <= 0x939; code++) {
    const c = String.fromCharCode(code);
    learn(c + '\u093F', c, '\u093F');
    learn('र' + VIRAMA + c, c, 'र' + VIRAMA);
    learn(c + VIRAMA + ZWJ, '', c + VIRAMA);
    learn(c + VIRAMA + 'र', '', c + VIRAMA + 'र');
    learn(c + '\u093C', '', c + '\u093C');
  }
}

/** True for characters the Devanagari font draws (the joiners stay with their neighbours). */
export function isDevanagari(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (c >= 0x900 && c <= 0x97f) || (c >= 0xa8e0 && c <= 0xa8ff) || (c >= 0x1cd0 && c <= 0x1cff);
}

/** ZWNJ, ZWJ and the dotted circle: they belong to the run they are in. */
const JOINERS = new Set([0x200c, 0x200d, 0x25cc]);

/** A glyph placed relative to its run's start, in font units; `text` is its share of the run's text. */
export interface RunGlyph {
  gid: number;
  x: number;
  y: number;
  /** How far HarfBuzz moves on after it (the font's advance, adjusted by kerning and spacing rules). */
  advance: number;
  text: string;
}

/** A run of one script shaped in one face: glyphs in visual order, as HarfBuzz placed them. */
export interface ShapedRun {
  face: FontFace;
  text: string;
  glyphs: RunGlyph[];
  /** Advance of the whole run, in font units. */
  width: number;
}

/** Splits text into script runs and shapes each with the right face. */
export function shapeText(faces: FontFaces, text: string, bold = false): ShapedRun[] {
  const latin = bold ? faces.latinBold : faces.latin;
  const devanagari = bold ? faces.devanagariBold : faces.devanagari;
  const runs: ShapedRun[] = [];
  let current = '';
  let currentFace: FontFace | null = null;
  for (const char of text) {
    let face = isDevanagari(char) ? devanagari : latin;
    // Joiners and a character Noto Sans lacks stay with the run they are in.
    if (currentFace && (JOINERS.has(char.codePointAt(0)!) || (face === latin && !latin.shaping.nominal(char.codePointAt(0)!))))
      face = currentFace;
    if (face !== currentFace && current) {
      runs.push(shapeRun(currentFace!, current));
      current = '';
    }
    currentFace = face;
    current += char;
  }
  if (current && currentFace) runs.push(shapeRun(currentFace, current));
  return runs;
}

/** Shapes one run and gives each glyph its share of the text (clusterText(), readableByPdfjs()). */
function shapeRun(face: FontFace, text: string): ShapedRun {
  const shaped = face.shaping.shape(text);
  const glyphs: RunGlyph[] = [];
  const carrier = carrierGlyph(face);
  let pen = 0;
  for (let start = 0; start < shaped.length; ) {
    let end = start;
    while (end < shaped.length && shaped[end].cluster === shaped[start].cluster) end++;
    const from = shaped[start].cluster;
    const to = end < shaped.length ? shaped[end].cluster : text.length;
    const cluster = shaped.slice(start, end);
    const texts = clusterText(face, text.slice(Math.min(from, to), Math.max(from, to)), cluster);
    cluster.forEach((g, i) => {
      const [own, carried] = g.xAdvance ? readableByPdfjs(texts[i]) : [texts[i], ''];
      // A glyph standing for nothing maps to a joiner, which pdf.js skips (an empty mapping it would
      // read as the glyph's number).
      glyphs.push({ gid: g.gid, x: pen + g.xOffset, y: g.yOffset, advance: g.xAdvance, text: own || NOTHING });
      pen += g.xAdvance;
      if (carried) glyphs.push({ gid: carrier, x: pen, y: 0, advance: 0, text: carried });
    });
    start = end;
  }
  return { face, text, glyphs, width: pen };
}

/**
 * The glyph that carries marks for pdf.js (readableByPdfjs()): an invisible one of no width in the font
 * itself (a joiner's; Noto Sans and Noto Sans Devanagari have them), so that its width of 0 in /W is the
 * font's own, as PDF/A asks; a space where the font has none.
 */
function carrierGlyph(face: FontFace): number {
  for (const code of [0x200c, 0x200d, 0x200b]) {
    const gid = face.shaping.nominal(code);
    if (gid && face.shaping.advance(gid) === 0) return gid;
  }
  return face.shaping.nominal(0x20);
}

const NOTHING = '\u200C';

/**
 * pdf.js (ADF's viewer, and our own reading of PDFs) counts a glyph whose text contains a non-spacing
 * mark (the virama of a conjunct, a nukta, most matras) as zero-width, loses its place in the line and
 * then reads gaps, spaces, in the middle of Hindi words; it drops a glyph whose text ends in a joiner.
 * So a glyph that advances keeps its text up to the first such mark, and the rest is carried by an
 * invisible zero-width glyph drawn after it (a space of width 0), where pdf.js expects a mark to be.
 */
function readableByPdfjs(text: string): [own: string, carried: string] {
  const clean = text.replace(/\p{Cf}/gu, '');
  const mark = clean.search(/\p{Mn}/u);
  return mark < 0 ? [clean, ''] : [clean.slice(0, mark), clean.slice(mark)];
}

/**
 * What each glyph of a cluster (in visual order) stands for, so that read in drawing order they give
 * the cluster's text. A PDF reader reads glyphs in the order they are drawn, each as the ToUnicode map
 * says, and Devanagari is not drawn in the order it is written: the i-matra (ि) comes before its
 * consonant, the reph (र्) after the consonant it sits on. When the glyphs' own meanings (their cmap
 * characters, or what fontFaces() learnt) read right, they are used; otherwise the cluster's characters
 * are dealt out in drawing order, and the writer gives such a glyph a CID of its own (EmbeddedFont.cid()).
 */
function clusterText(face: FontFace, text: string, glyphs: ShapedGlyph[]): string[] {
  if (glyphs.length === 1) {
    if (!face.unicode.has(glyphs[0].gid)) face.unicode.set(glyphs[0].gid, text);
    return [text];
  }
  const own = glyphs.map((g) => face.unicode.get(g.gid) ?? [...text].find((c) => face.shaping.nominal(c.codePointAt(0)!) === g.gid));
  if (own.every((m) => m !== undefined) && own.join('') === text) {
    glyphs.forEach((g, i) => face.unicode.has(g.gid) || face.unicode.set(g.gid, own[i]!));
    return own as string[];
  }
  // Dealt to the glyphs that advance, a letter with its non-spacing marks at a time (see
  // readableByPdfjs()); the last takes the rest, and marks drawn in place stand for nothing.
  const units = text.match(/\P{Mn}\p{Mn}*|\p{Mn}+/gu) ?? [];
  const advancing = glyphs.flatMap((g, i) => (g.xAdvance ? [i] : []));
  if (!advancing.length) advancing.push(glyphs.length - 1);
  const texts = glyphs.map(() => '');
  advancing.forEach((g, n) => (texts[g] = n < advancing.length - 1 ? (units[n] ?? '') : units.slice(n).join('')));
  return texts;
}

/** A face as it is embedded in one PDF: the subset of glyphs used so far, and its resource name. */
export class EmbeddedFont {
  private readonly subset: Subset;
  /** Glyph id in the font → its glyph id in the subset, which is also its CID. */
  private readonly cids = new Map<number, number>();
  /**
   * Further CIDs for a glyph standing for other text than its own (see clusterText()), or advancing by
   * another width than the font's (HarfBuzz's spacing of Devanagari): with its widths in /W, a viewer
   * moves exactly as HarfBuzz did and finds no gaps between the glyphs of a word. Numbered from the
   * font's glyph count up, so never one of the subset's own ids: "gid width text" → CID.
   */
  private readonly aliases = new Map<string, { cid: number; gid: number; width: number; text: string }>();

  constructor(
    readonly face: FontFace,
    readonly resourceName: string,
    readonly ref: PDFRef
  ) {
    this.subset = face.fontkit.createSubset();
    padGlyphs(this.subset);
  }

  /**
   * The CID to write for a glyph standing for `text` and advancing by `advance` font units (adds the
   * glyph to the subset).
   */
  cid(gid: number, text: string, advance: number): number {
    let cid = this.cids.get(gid);
    if (cid === undefined) {
      cid = this.subset.includeGlyph(gid);
      this.cids.set(gid, cid);
    }
    if (this.face.unicode.get(gid) === text && this.face.shaping.advance(gid) === advance) return cid;
    const key = `${gid} ${advance} ${text}`;
    let alias = this.aliases.get(key);
    if (!alias) {
      alias = { cid: this.face.fontkit.numGlyphs + this.aliases.size, gid: cid, width: advance, text };
      this.aliases.set(key, alias);
    }
    return alias.cid;
  }

  /** Writes the font (Type0 / CIDFontType2 with the TrueType subset, widths and ToUnicode) under its ref. */
  async embed(doc: PDFDocument, lib: typeof import('pdf-lib'), tag: string): Promise<void> {
    const { PDFString } = lib;
    const context = doc.context;
    const bytes = await encodeSubset(this.subset);
    const scale = 1000 / this.face.unitsPerEm;
    const fk = this.face.fontkit;
    const name = `${tag}+${(fk.postscriptName ?? this.face.name).replace(/[^A-Za-z0-9-]/g, '')}`;
    const file = context.register(context.flateStream(bytes, { Length1: bytes.length }));
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: 4,
        FontBBox: [fk.bbox.minX, fk.bbox.minY, fk.bbox.maxX, fk.bbox.maxY].map((v) => Math.round(v * scale)),
        ItalicAngle: 0,
        Ascent: Math.round(fk.ascent * scale),
        Descent: Math.round(fk.descent * scale),
        CapHeight: Math.round((fk.capHeight || fk.ascent) * scale),
        StemV: 80,
        FontFile2: file
      })
    );
    const width = (gid: number) => Math.round(this.face.shaping.advance(gid) * scale);
    const entries = [...this.cids].sort((a, b) => a[1] - b[1]);
    const aliases = [...this.aliases.values()];
    const widths: (number | number[])[] = [];
    for (const [gid, cid] of entries) widths.push(cid, [width(gid)]);
    for (const alias of aliases) widths.push(alias.cid, [Math.round(alias.width * scale)]);
    // CID → glyph in the subset: itself, except for the aliases.
    const lastCid = Math.max(0, ...entries.map(([, cid]) => cid), ...aliases.map((a) => a.cid));
    const cidToGid = new Uint8Array(2 * (lastCid + 1));
    for (const [, cid] of entries) {
      cidToGid[2 * cid] = cid >> 8;
      cidToGid[2 * cid + 1] = cid & 255;
    }
    for (const alias of aliases) {
      cidToGid[2 * alias.cid] = alias.gid >> 8;
      cidToGid[2 * alias.cid + 1] = alias.gid & 255;
    }
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: widths,
        CIDToGIDMap: aliases.length ? context.register(context.flateStream(cidToGid)) : 'Identity'
      })
    );
    const unicode: [number, string][] = [];
    for (const [gid, cid] of entries) if (this.face.unicode.has(gid)) unicode.push([cid, this.face.unicode.get(gid)!]);
    for (const alias of aliases) unicode.push([alias.cid, alias.text]);
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(unicode)));
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode
      })
    );
  }
}

/** The internals of fontkit's TrueType subset that padGlyphs() reaches into. */
interface TtfSubsetInternals {
  _addGlyph(gid: number): number;
  glyf: Uint8Array[];
  offset: number;
}

/**
 * fontkit writes a small subset with a short `loca` table, which stores offsets halved, but copies each
 * glyph's bytes unpadded: after a glyph of odd length (Noto Sans has many) every later glyph would be read
 * from the wrong place and come out blank. Padding each glyph to an even length keeps the offsets exact.
 */
function padGlyphs(subset: Subset): void {
  const internals = subset as unknown as TtfSubsetInternals;
  const addGlyph = internals._addGlyph.bind(subset);
  internals._addGlyph = (gid: number) => {
    const index = addGlyph(gid);
    const data = internals.glyf[index];
    if (data.length % 2) {
      // Of the same (Buffer) class: fontkit's encoder accepts nothing else.
      const padded = new (data.constructor as new (length: number) => Uint8Array)(data.length + 1);
      padded.set(data);
      padded[data.length] = 0;
      internals.glyf[index] = padded;
      internals.offset += 1;
    }
    return index;
  };
}

function encodeSubset(subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    try {
      subset
        .encodeStream()
        .on('data', (chunk) => parts.push(chunk))
        .on('end', () => {
          const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            out.set(p, at);
            at += p.length;
          }
          resolve(out);
        });
    } catch (error) {
      reject(error);
    }
  });
}

/** Four hex digits of a 16-bit value. */
export const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** Text as UTF-16BE hex, as PDF strings and CMaps write it. */
export const utf16Hex = (text: string): string => Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');

/** The ToUnicode CMap: CID → the text its glyph stands for (nothing for a glyph that adds none). */
function toUnicodeCMap(entries: [cid: number, text: string][]): string {
  const known = entries;
  const blocks: string[] = [];
  for (let i = 0; i < known.length; i += 100) {
    const chunk = known.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([cid, text]) => `<${hex4(cid)}> <${utf16Hex(text)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end'
  ].join('\n');
}
