// A PDF with an embedded PAdES signature (ETSI EN 319 142-1, baseline B-B; ISO 32000-1 §12.8): the issued
// letter that any PDF reader verifies (issue 18). The signature dictionary has /SubFilter
// /ETSI.CAdES.detached, a /ByteRange over the whole file except its own /Contents, and /Contents holds the
// CMS of cms.ts over those bytes, made by any Signer (a token through the signer bridge, a certificate file),
// with signing-certificate-v2 and without a signing-time attribute: the time is the dictionary's /M. The
// field is a signature widget on a page: invisible, or a box whose words name the signer from his
// certificate. pdf-lib (loaded when a PDF is signed or checked) places it; the bytes are patched after.
//
// Why not a library: @signpdf (MIT) does this, but leans on Node's Buffer throughout and signs through
// node-forge, while this runs in the browser too and signs through the Signer interface.
import type * as PdfLib from 'pdf-lib';
import { officeDateTime } from '@eoffice/domain';
import type { Signer } from './signer';
import { TrustStore, VerificationResult, VerifyOptions, verifyDetached } from './verify';
import { commonName } from './x509';

export interface PadesAppearance {
  /** The page (0-based; default the last). */
  page?: number;
  /** The box in PDF points from the page's lower left corner: x, y, width, height. */
  rect: [number, number, number, number];
}

export interface PadesOptions {
  /** Why (/Reason), e.g. the issue number: "Issued: No. A-11011/5/2026-EST-GAD". */
  reason?: string;
  /** Where (/Location), e.g. the department. */
  location?: string;
  /** The signing time written as /M (default now). */
  signingTime?: Date;
  /** A visible signature block; without it the signature is invisible (a field with an empty box). */
  appearance?: PadesAppearance;
  /** The signature field's name (default "Signature1"). */
  fieldName?: string;
  /** Bytes kept for the CMS (default 16 KiB, written as 32 KiB of hex; a DSC chain of three RSA certificates needs about 6). */
  reserve?: number;
}

export class PadesError extends Error {}

const BYTE_RANGE_PLACEHOLDER = '**********';
const DEFAULT_RESERVE = 16 * 1024;

/** The letter signed: `pdf` saved again with one signature field and its PAdES signature. */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: PadesOptions = {}): Promise<Uint8Array> {
  const lib = await import('pdf-lib');
  let doc: PdfLib.PDFDocument;
  try {
    doc = await lib.PDFDocument.load(pdf, { updateMetadata: false });
  } catch (e) {
    throw new PadesError(`Not a PDF that can be signed: ${(e as Error).message}`);
  }
  // Saving again would break an earlier signature (a second one needs an incremental update, not built).
  if (signatureFields(lib, doc).length) throw new PadesError('The PDF is already signed');
  const [certificate] = await signer.certificates();
  if (!certificate) throw new PadesError('The signer has no certificate');
  const name = commonName(certificate.subject);
  const time = options.signingTime ?? new Date();
  const reserve = options.reserve ?? DEFAULT_RESERVE;
  const ctx = doc.context;

  const byteRange = lib.PDFArray.withContext(ctx);
  byteRange.push(lib.PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(lib.PDFName.of(BYTE_RANGE_PLACEHOLDER));
  const signature = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: lib.PDFHexString.of('0'.repeat(reserve * 2)),
    M: lib.PDFString.fromDate(time),
    Name: lib.PDFHexString.fromText(name),
    ...(options.reason && { Reason: lib.PDFHexString.fromText(options.reason) }),
    ...(options.location && { Location: lib.PDFHexString.fromText(options.location) })
  });
  const signatureRef = ctx.register(signature);

  const pages = doc.getPages();
  const pageIndex = options.appearance?.page ?? pages.length - 1;
  const page = pages[pageIndex];
  if (!page) throw new PadesError(`The PDF has no page ${pageIndex + 1}`);
  const [x, y, w, h] = options.appearance?.rect ?? [0, 0, 0, 0];
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x, y, x + w, y + h],
    V: signatureRef,
    T: lib.PDFString.of(options.fieldName ?? 'Signature1'),
    // Print (4) and Locked (128): printed with the letter, not moved or deleted in a viewer.
    F: 132,
    P: page.ref
  });
  if (options.appearance) widget.set(lib.PDFName.of('AP'), ctx.obj({ N: await appearanceStream(lib, doc, w, h, name, time) }));
  const widgetRef = ctx.register(widget);
  page.node.addAnnot(widgetRef);
  const form = doc.catalog.getOrCreateAcroForm();
  form.addField(widgetRef);
  // SignaturesExist (1) and AppendOnly (2): viewers keep later changes as incremental updates.
  form.dict.set(lib.PDFName.of('SigFlags'), lib.PDFNumber.of(3));

  // No object streams: the signature dictionary must stay plain text in the file to be patched below.
  const prepared = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
  return embed(prepared, reserve, (content) => signer.sign(content, { pades: true }));
}

/** A box with the signer's name from the certificate and the time (Helvetica: a DSC's name is in Latin letters). */
async function appearanceStream(
  lib: typeof PdfLib,
  doc: PdfLib.PDFDocument,
  width: number,
  height: number,
  name: string,
  time: Date
): Promise<PdfLib.PDFRef> {
  const font = await doc.embedFont(lib.StandardFonts.Helvetica);
  const lines = [`Digitally signed by ${name}`, `Date: ${officeDateTime(time)} IST`];
  const size = Math.min(9, Math.max(5, height / 4));
  const ops = ['q', '0.2 0.2 0.6 RG', '0.5 w', `0.5 0.5 ${width - 1} ${height - 1} re S`, 'BT', `/F1 ${size} Tf`, '0 0 0.4 rg'];
  lines.forEach((line, i) => {
    // A character Helvetica cannot write is left out of the box, never of the signature.
    const text = [...line].filter((c) => font.getCharacterSet().includes(c.codePointAt(0)!)).join('');
    const hex = font.encodeText(text).toString();
    ops.push(`1 0 0 1 4 ${height - (i + 1) * (size + 3)} Tm`, `${hex} Tj`);
  });
  ops.push('ET', 'Q');
  const stream = doc.context.stream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } }
  });
  return doc.context.register(stream);
}

/** Writes the byte range into the prepared file, signs the bytes it names, and puts the CMS into /Contents. */
async function embed(prepared: Uint8Array, reserve: number, sign: (content: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const text = latin1(prepared);
  const hole = `<${'0'.repeat(reserve * 2)}>`;
  const start = text.indexOf(hole);
  if (start < 0 || text.indexOf(hole, start + 1) >= 0)
    throw new PadesError('The signature placeholder is not in the saved PDF exactly once');
  const end = start + hole.length;
  const placeholder = /\[\s*0\s+\/\*{10}\s+\/\*{10}\s+\/\*{10}\s*\]/.exec(text);
  if (!placeholder) throw new PadesError('The byte range placeholder is not in the saved PDF');
  const ranges = `[0 ${start} ${end} ${prepared.length - end}]`;
  if (ranges.length > placeholder[0].length) throw new PadesError('The PDF is too large for its byte range placeholder');
  const out = new Uint8Array(prepared);
  out.set(ascii(ranges.padEnd(placeholder[0].length, ' ')), placeholder.index);
  const content = new Uint8Array(start + out.length - end);
  content.set(out.subarray(0, start), 0);
  content.set(out.subarray(end), start);
  const cms = await sign(content);
  if (cms.length > reserve) throw new PadesError(`The signature (${cms.length} bytes) is larger than the room kept for it (${reserve})`);
  out.set(ascii([...cms].map((b) => b.toString(16).padStart(2, '0')).join('')), start + 1);
  return out;
}

// ------------------------------------------------------------------ what a token signs

/** What the officer is shown before his token signs a letter (the signer bridge, as readCanonicalNote for notes). */
export interface LetterToSign {
  /** The signature dictionary's /Reason: "Issued: No. <issue number>". */
  reason: string;
  /** The document's /Title (the issue number, as the issued letter writes it), when it has one. */
  title?: string;
  /** Bytes that will be signed: the whole letter but the room kept for the signature. */
  length: number;
}

/**
 * Reads the bytes a Signer is given by signPdf (`sign(content, { pades: true })`): a PDF whose one PAdES
 * signature dictionary has a byte range over exactly these bytes plus the hole of its /Contents, and a
 * /Reason. Anything else (a note, arbitrary data, a PDF signed otherwise) gives undefined: a signer bridge
 * signs no bytes under a letter's name that signPdf did not prepare.
 */
export function readLetterToSign(content: Uint8Array): LetterToSign | undefined {
  const text = latin1(content);
  if (!text.startsWith('%PDF-')) return undefined;
  const subFilters = text.match(/\/SubFilter\s*\/ETSI\.CAdES\.detached/g) ?? [];
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (subFilters.length !== 1 || ranges.length !== 1) return undefined;
  const [a, b, c] = ranges[0].slice(1).map(Number);
  // The hole sits right after "/Contents" and is all the content lacks: a + c bytes in all.
  if (a + c !== content.length || b <= a || !/\/Contents\s*$/.test(text.slice(Math.max(0, a - 16), a))) return undefined;
  const reason = pdfText(/\/Reason\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(text)?.[1]);
  if (!reason) return undefined;
  return { reason, title: pdfText(/\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(text)?.[1]), length: content.length };
}

/** A PDF text string as written by pdf-lib: <FEFF…> UTF-16BE hex, or a literal (…) of Latin letters. */
function pdfText(token: string | undefined): string | undefined {
  if (!token) return undefined;
  if (token.startsWith('(')) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  const hex = token.slice(1, -1).replace(/\s+/g, '');
  const bytes = (hex.match(/../g) ?? []).map((h) => parseInt(h, 16));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  return String.fromCharCode(...bytes);
}

// ------------------------------------------------------------------ verification

export interface PdfSignatureResult extends VerificationResult {
  /** The signature field's name. */
  field: string;
  /** /M of the signature dictionary: the time the signer's software wrote. */
  claimedTime?: string;
  reasonText?: string;
  /** True when the signed bytes are the whole file: nothing was added after the signature. */
  wholeDocument: boolean;
}

/**
 * Every signature of the PDF, checked as a reader would: its bytes (the byte range, which must be the
 * whole file but the signature itself), the CMS against the department's trust (verify.ts), and whether
 * anything was appended after it. A PDF that cannot be read gives no result.
 */
export async function verifyPdf(pdf: Uint8Array, trust: TrustStore, options: VerifyOptions = {}): Promise<PdfSignatureResult[]> {
  const lib = await import('pdf-lib');
  const doc = await lib.PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  const out: PdfSignatureResult[] = [];
  for (const { field, dict } of signatureFields(lib, doc)) {
    const ranges = dict.lookupMaybe(lib.PDFName.of('ByteRange'), lib.PDFArray);
    const contents = dict.lookupMaybe(lib.PDFName.of('Contents'), lib.PDFString, lib.PDFHexString);
    const m = dict.lookupMaybe(lib.PDFName.of('M'), lib.PDFString, lib.PDFHexString);
    const reason = dict.lookupMaybe(lib.PDFName.of('Reason'), lib.PDFString, lib.PDFHexString);
    const claimed = safeDate(() => m?.decodeDate());
    const base = { field, claimedTime: claimed?.toISOString(), reasonText: reason?.decodeText(), wholeDocument: false };
    const numbers = ranges?.asArray().map((n) => (n instanceof lib.PDFNumber ? n.asNumber() : NaN)) ?? [];
    if (!contents || numbers.length !== 4 || numbers.some((n) => !Number.isInteger(n) || n < 0)) {
      out.push({ ...base, status: 'changed', reason: 'The signature is damaged (no byte range or contents)' });
      continue;
    }
    const [a, b, c, d] = numbers;
    // The gap must be exactly the signature's own hex string: nothing else of the file may go unsigned.
    const gap = latin1(pdf.subarray(b, c));
    if (a !== 0 || b >= c || c + d > pdf.length || !/^<[0-9A-Fa-f]*>$/.test(gap)) {
      out.push({ ...base, status: 'changed', reason: 'The signature does not cover the document (its byte range)' });
      continue;
    }
    const content = new Uint8Array(b + d);
    content.set(pdf.subarray(0, b), 0);
    content.set(pdf.subarray(c, c + d), b);
    const cms = trimDer(contents.asBytes());
    const result = await verifyDetached(content, cms, trust, { ...options, now: options.now ?? claimed });
    const wholeDocument = c + d === pdf.length;
    const changed = result.status === 'changed' ? { reason: result.reason.replace(/\bthe note\b/gi, 'the document') } : {};
    if (result.status === 'valid' && !wholeDocument)
      out.push({
        ...result,
        ...base,
        status: 'changed',
        reason: 'The document was changed after it was signed (bytes added after the signature)'
      });
    else out.push({ ...result, ...changed, ...base, wholeDocument });
  }
  return out;
}

function safeDate(read: () => Date | undefined): Date | undefined {
  try {
    const date = read();
    return date && !isNaN(date.getTime()) ? date : undefined;
  } catch {
    return undefined;
  }
}

/** The signature fields of the document's form that hold a signature (/FT /Sig with a /V dictionary). */
function signatureFields(lib: typeof PdfLib, doc: PdfLib.PDFDocument): { field: string; dict: PdfLib.PDFDict }[] {
  const form = doc.catalog.lookupMaybe(lib.PDFName.of('AcroForm'), lib.PDFDict);
  const fields = form?.lookupMaybe(lib.PDFName.of('Fields'), lib.PDFArray);
  const out: { field: string; dict: PdfLib.PDFDict }[] = [];
  const visit = (ref: PdfLib.PDFObject, depth: number) => {
    const node = ref instanceof lib.PDFRef ? doc.context.lookup(ref) : ref;
    if (!(node instanceof lib.PDFDict) || depth > 16) return;
    const kids = node.lookupMaybe(lib.PDFName.of('Kids'), lib.PDFArray);
    kids?.asArray().forEach((kid) => visit(kid, depth + 1));
    const type = node.lookupMaybe(lib.PDFName.of('FT'), lib.PDFName);
    const value = node.lookupMaybe(lib.PDFName.of('V'), lib.PDFDict);
    if (type?.asString() === '/Sig' && value) {
      const title = node.lookupMaybe(lib.PDFName.of('T'), lib.PDFString, lib.PDFHexString);
      out.push({ field: title?.decodeText() ?? '', dict: value });
    }
  };
  fields?.asArray().forEach((f) => visit(f, 0));
  return out;
}

/** /Contents is padded with zeros after the DER: the CMS is as long as its outer length says. */
function trimDer(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x30) return bytes;
  const first = bytes[1];
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return bytes;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return bytes.subarray(0, Math.min(bytes.length, 2 + count + length));
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
