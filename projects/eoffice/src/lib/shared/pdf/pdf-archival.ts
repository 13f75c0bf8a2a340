import type { PDFDocument } from 'pdf-lib';

/*
 * PDF/A-2u (ISO 19005-2, level U: every glyph maps to Unicode) for records kept permanently (CSMOP
 * categories A and B, docs/governance-services.md). What the writer adds to its ordinary PDFs, all here:
 * - XMP metadata in the catalog (uncompressed, as 6.6.2.1 asks) with the PDF/A identification
 *   (pdfaid:part 2, conformance U) and the same title, author, subject, keywords, producer, creator tool and
 *   dates as the Info dictionary (6.6.3 wants them equal);
 * - an OutputIntent (GTS_PDFA1) with an sRGB ICC profile, since pages use DeviceRGB (6.2.4.3); the profile
 *   is built here from the sRGB standard's published numbers (no file is shipped or fetched);
 * - a document ID in the trailer (6.1.3).
 * The rest PDF/A asks for is how PdfWriter always writes: fonts embedded (subset TrueType) with widths and
 * ToUnicode for every glyph drawn, no encryption, no JavaScript or actions, no transparency groups, no
 * LZW, JPEG images in DeviceRGB.
 */

/** The metadata of one archival PDF, as its Info dictionary carries it too. */
export interface ArchivalInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  creator: string;
  producer: string;
  /** Creation and modification time (whole seconds: the Info dictionary keeps no more). */
  date: Date;
  /** Natural language of the document (BCP 47), e.g. "en-IN" or "hi-IN". */
  lang?: string;
}

/** PDF/A part and conformance written in the XMP identification. */
export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'U';
/** The output condition the profile describes (the registry name of sRGB in the ICC's characterization data). */
export const SRGB_CONDITION = 'sRGB IEC61966-2.1';

/**
 * Makes `doc` a PDF/A-2u document: call after its pages and fonts are written and its Info dictionary is
 * set from the same `info`, before save().
 */
export function makeArchival(doc: PDFDocument, lib: typeof import('pdf-lib'), info: ArchivalInfo): void {
  const { PDFName, PDFHexString, PDFString } = lib;
  const context = doc.context;
  // The Info dictionary keeps whole seconds (D:YYYYMMDDHHmmSSZ): the XMP says the same instant.
  const date = new Date(Math.floor(info.date.getTime() / 1000) * 1000);
  const id = randomId();
  const metadata = context.stream(new TextEncoder().encode(xmp(info, date, id)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const profile = context.register(context.flateStream(srgbProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of(SRGB_CONDITION),
    DestOutputProfile: profile
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  if (info.lang) doc.catalog.set(PDFName.of('Lang'), PDFString.of(info.lang));
  const hex = PDFHexString.of(id.replace(/-/g, ''));
  context.trailerInfo.ID = context.obj([hex, hex]);
}

/** 16 random bytes as a UUID-shaped hex string: the document's ID and its XMP DocumentID. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Text for XML: markup escaped, and the control characters XML 1.0 cannot hold left out. */
const escapeXml = (s: string): string =>
  s
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    // eslint-disable-next-line no-control-regex -- those characters are what is removed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** An XMP date: as the Info dictionary's D:YYYYMMDDHHmmSSZ, to the second, in UTC. */
const xmpDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The XMP packet (UTF-8): PDF/A identification, Dublin Core, XMP basic, PDF and media management schemas. */
export function xmp(info: ArchivalInfo, date: Date, id: string): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    `<pdfaid:part>${PDFA_PART}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>`,
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.title)}</dc:title>`,
    info.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    info.keywords ? `<pdf:Keywords>${escapeXml(info.keywords)}</pdf:Keywords>` : '',
    `<pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(date)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>uuid:${id}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${id}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>'
  ];
  return lines.filter(Boolean).join('\n');
}

/*
 * The sRGB ICC profile (version 2.1, display class, RGB to XYZ), built from the numbers IEC 61966-2-1
 * publishes: the primaries adapted to the D50 connection space (Bradford), the D65 media white point, and
 * the sRGB tone curve as a 1024-entry table. Nothing is copied from another profile: there is no licence
 * to keep, and the profile's own copyright tag says it is free to use.
 */
const S15 = (v: number) => Math.round(v * 65536);
const D50 = [0.9642, 1.0, 0.8249];
const WHITE_D65 = [0.9505, 1.0, 1.0891];
const RED = [0.4361, 0.2225, 0.0139];
const GREEN = [0.3851, 0.7169, 0.0971];
const BLUE = [0.1431, 0.0606, 0.7141];
const CURVE_POINTS = 1024;

let profileBytes: Uint8Array | null = null;

/** The sRGB profile's bytes (built once). */
export function srgbProfile(): Uint8Array {
  profileBytes ??= buildSrgbProfile();
  return profileBytes;
}

function buildSrgbProfile(): Uint8Array {
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const u16 = (n: number) => [(n >>> 8) & 255, n & 255];
  const xyz = (v: number[]) => [...ascii('XYZ '), 0, 0, 0, 0, ...v.flatMap((c) => u32(S15(c)))];
  const description = 'sRGB IEC61966-2.1 (eOffice)';
  const desc = [
    ...ascii('desc'),
    ...u32(0),
    ...u32(description.length + 1),
    ...ascii(description),
    0,
    ...u32(0), // Unicode language
    ...u32(0), // Unicode count
    ...u16(0), // ScriptCode code
    0, // ScriptCode count
    ...new Array(67).fill(0)
  ];
  const cprt = [...ascii('text'), ...u32(0), ...ascii('No copyright, use freely'), 0];
  const curve = [...ascii('curv'), ...u32(0), ...u32(CURVE_POINTS)];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const v = i / (CURVE_POINTS - 1);
    const linear = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    curve.push(...u16(Math.round(linear * 65535)));
  }
  // The three tone curves share one table, as ICC allows.
  const data: [string, number[]][] = [
    ['desc', desc],
    ['cprt', cprt],
    ['wtpt', xyz(WHITE_D65)],
    ['rXYZ', xyz(RED)],
    ['gXYZ', xyz(GREEN)],
    ['bXYZ', xyz(BLUE)],
    ['rTRC', curve]
  ];
  const tags: [string, string][] = [
    ['desc', 'desc'],
    ['cprt', 'cprt'],
    ['wtpt', 'wtpt'],
    ['rXYZ', 'rXYZ'],
    ['gXYZ', 'gXYZ'],
    ['bXYZ', 'bXYZ'],
    ['rTRC', 'rTRC'],
    ['gTRC', 'rTRC'],
    ['bTRC', 'rTRC']
  ];
  const tableSize = 4 + 12 * tags.length;
  const offsets = new Map<string, { offset: number; size: number }>();
  const body: number[] = [];
  let at = 128 + tableSize;
  for (const [name, bytes] of data) {
    offsets.set(name, { offset: at, size: bytes.length });
    body.push(...bytes);
    at += bytes.length;
    // Each tag's data starts on a 4-byte boundary.
    while (at % 4) {
      body.push(0);
      at++;
    }
  }
  const size = at;
  const now = [2026, 1, 1, 0, 0, 0];
  const header = [
    ...u32(size),
    ...u32(0), // preferred CMM
    ...u32(0x02100000), // version 2.1
    ...ascii('mntr'),
    ...ascii('RGB '),
    ...ascii('XYZ '),
    ...now.flatMap(u16),
    ...ascii('acsp'),
    ...u32(0), // platform
    ...u32(0), // flags
    ...u32(0), // manufacturer
    ...u32(0), // model
    ...u32(0),
    ...u32(0), // attributes
    ...u32(0), // rendering intent: perceptual
    ...D50.flatMap((c) => u32(S15(c))),
    ...u32(0) // creator
  ];
  while (header.length < 128) header.push(0);
  const table = [...u32(tags.length)];
  for (const [sig, dataName] of tags) {
    const { offset, size: length } = offsets.get(dataName)!;
    table.push(...ascii(sig), ...u32(offset), ...u32(length));
  }
  return new Uint8Array([...header, ...table, ...body]);
}
