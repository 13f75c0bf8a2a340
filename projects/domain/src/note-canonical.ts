// What an officer's digital signature on a green note covers (issue 18): one canonical text built from the
// file number, the note number, the note's content and the signer's post, encoded as UTF-8. The extension
// signs these bytes, the repository and `npx eoffice verify` rebuild them from the stored note, and the local
// signer bridge reads them back to show the officer what he is about to sign. All of them call this module,
// so the three agree byte for byte; docs/signatures.md describes the form.
//
// The content is the note's stored HTML (or plain text), reduced to what a reader of the notesheet sees:
// the notes' allow-list (notesheet/note-sanitiser.ts: paragraphs, emphasis, lists, small headings, simple
// tables, references), text in Unicode NFC, runs of white space as one space and none at the edges of a
// block. Markup a reader never sees (other tags, attributes, comments, entity spelling, `<b>` for `<strong>`,
// `<br/>` for `<br>`) leaves the bytes unchanged, so a harmless re-serialisation by a sanitiser or an
// ACS upgrade does not break a signature; any change to the words, their order, emphasis or structure does.

/** The first line of every canonical note: the form and its version (a new form gets a new version). */
export const NOTE_SIGNATURE_FORMAT = 'eoffice-note-signature/1';

/** What is signed when an officer confirms a note. */
export interface NoteToSign {
  /** The file's number as the file shows it, e.g. A-11011/5/2026-EST-GAD. */
  fileNumber: string;
  noteNumber: number;
  /** The note's stored content. */
  content: string;
  /** The stored content's mime type: text/html, or text/plain for seeded and older notes. */
  mimeType?: string;
  /** The post group the officer signs in, e.g. GROUP_EO_GAD_SO_EST. */
  signerPost: string;
}

/** A canonical note read back from its bytes (by the signer bridge, before it asks the officer). */
export interface CanonicalNote {
  fileNumber: string;
  noteNumber: number;
  signerPost: string;
  /** The canonical content (HTML of the allow-list, one block per line). */
  content: string;
  /** The content's first line of words, for the officer's confirmation. */
  firstLine: string;
}

const HEADERS = ['file-number', 'note-number', 'signer-post', 'content-type'] as const;
const CONTENT_TYPE = 'text/html';

/** The canonical text of a note (see the top of this file). Throws on a header value that cannot be one line. */
export function canonicalNoteText(note: NoteToSign): string {
  if (!Number.isInteger(note.noteNumber) || note.noteNumber < 1) throw new Error(`Invalid note number: ${note.noteNumber}`);
  const values = [headerValue('file number', note.fileNumber), String(note.noteNumber), headerValue('post', note.signerPost), CONTENT_TYPE];
  const head = HEADERS.map((name, i) => `${name}: ${values[i]}\n`).join('');
  return `${NOTE_SIGNATURE_FORMAT}\n${head}\n${canonicalNoteContent(note.content, note.mimeType)}`;
}

/** The bytes an officer signs for a note: the canonical text in UTF-8. */
export function canonicalNoteBytes(note: NoteToSign): Uint8Array {
  return new TextEncoder().encode(canonicalNoteText(note));
}

/**
 * Reads canonical note bytes back, or undefined when they are not exactly a canonical note of this version
 * (the signer bridge signs nothing else: a page cannot have it sign arbitrary bytes under a note's name).
 */
export function readCanonicalNote(bytes: Uint8Array | string): CanonicalNote | undefined {
  const read = readCanonicalHeaders(bytes, NOTE_SIGNATURE_FORMAT, HEADERS);
  if (!read) return undefined;
  const { text, values, content } = read;
  const [fileNumber, number, signerPost, contentType] = values;
  const noteNumber = Number(number);
  if (contentType !== CONTENT_TYPE || !/^[1-9]\d*$/.test(number)) return undefined;
  const note: NoteToSign = { fileNumber, noteNumber, signerPost, content, mimeType: CONTENT_TYPE };
  // Only a text this module would have written: the same input gives the same bytes again.
  try {
    if (canonicalNoteText(note) !== text) return undefined;
  } catch {
    return undefined;
  }
  return { fileNumber, noteNumber, signerPost, content, firstLine: firstLineOf(content) };
}

/**
 * The parts of a canonical text (a note's or an approval's): its first line must be the format, then each
 * header in order as "Name: value", an empty line, and the content; undefined for anything else, or for
 * bytes that are not UTF-8.
 */
function readCanonicalHeaders(
  bytes: Uint8Array | string,
  format: string,
  headers: readonly string[]
): { text: string; values: string[]; content: string } | undefined {
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[0] !== format || lines[headers.length + 1] !== '') return undefined;
  const values: string[] = [];
  for (let i = 0; i < headers.length; i++) {
    const prefix = `${headers[i]}: `;
    if (!lines[i + 1]?.startsWith(prefix)) return undefined;
    values.push(lines[i + 1].slice(prefix.length));
  }
  return { text, values, content: lines.slice(headers.length + 2).join('\n') };
}

function headerValue(what: string, value: string): string {
  const v = (value ?? '').normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  if (!v || /[\u0000-\u001f\u007f\u2028\u2029]/.test(v)) throw new Error(`Invalid ${what} for a signed note: ${JSON.stringify(value)}`);
  return v;
}

// ------------------------------------------------------------------ a draft's approval

/** The first line of a canonical approval: an approver's signature over the draft version he approved. */
export const APPROVAL_SIGNATURE_FORMAT = 'eoffice-draft-approval/1';

/** What an approver signs when he approves a draft for issue (docs/signatures.md, "Approvals"). */
export interface ApprovalToSign {
  fileNumber: string;
  draftNumber: number;
  /** The version approved (cm:versionLabel), whose content is `content`. */
  version: string;
  /** That version's stored HTML, exactly as the repository keeps it. */
  content: string;
  /** The approving post's group, e.g. GROUP_EO_GAD_US_EST. */
  signerPost: string;
}

const APPROVAL_HEADERS = ['file-number', 'draft-number', 'draft-version', 'signer-post', 'content-type'] as const;

/**
 * The canonical text of an approval. Unlike a note's, the content is kept byte for byte as stored: a version's
 * content never changes in the repository (a new text is a new version), so nothing re-serialises it, and a
 * letter's layout (alignment, spacing) is part of what was approved.
 */
export function canonicalApprovalText(a: ApprovalToSign): string {
  if (!Number.isInteger(a.draftNumber) || a.draftNumber < 1) throw new Error(`Invalid draft number: ${a.draftNumber}`);
  if (!/^\d+\.\d+$/.test(a.version ?? '')) throw new Error(`Invalid draft version: ${JSON.stringify(a.version)}`);
  const values = [
    headerValue('file number', a.fileNumber),
    String(a.draftNumber),
    a.version,
    headerValue('post', a.signerPost),
    CONTENT_TYPE
  ];
  const head = APPROVAL_HEADERS.map((name, i) => `${name}: ${values[i]}\n`).join('');
  return `${APPROVAL_SIGNATURE_FORMAT}\n${head}\n${a.content ?? ''}`;
}

export function canonicalApprovalBytes(a: ApprovalToSign): Uint8Array {
  return new TextEncoder().encode(canonicalApprovalText(a));
}

/** Canonical approval bytes read back (the signer bridge shows them), or undefined when they are not exactly one. */
export function readCanonicalApproval(bytes: Uint8Array | string): (ApprovalToSign & { firstLine: string }) | undefined {
  const read = readCanonicalHeaders(bytes, APPROVAL_SIGNATURE_FORMAT, APPROVAL_HEADERS);
  if (!read) return undefined;
  const { text, values, content } = read;
  const [fileNumber, number, version, signerPost, contentType] = values;
  if (contentType !== CONTENT_TYPE || !/^[1-9]\d*$/.test(number)) return undefined;
  const approval = {
    fileNumber,
    draftNumber: Number(number),
    version,
    signerPost,
    content
  };
  try {
    if (canonicalApprovalText(approval) !== text) return undefined;
  } catch {
    return undefined;
  }
  return { ...approval, firstLine: firstLineOf(canonicalNoteContent(approval.content, CONTENT_TYPE)) };
}

// ------------------------------------------------------------------ content

/** The notes' allow-list (the extension's note-sanitiser.ts), block and inline. `b` and `i` are written as strong and em. */
const BLOCK = new Set(['p', 'ol', 'ul', 'li', 'h2', 'h3', 'h4', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const INLINE = new Set(['strong', 'em', 'u', 'a']);
const SYNONYM: Record<string, string> = { b: 'strong', i: 'em' };
/** Elements whose content a sanitiser drops with them (DOMPurify's FORBID_CONTENTS, the ones that matter here). */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'noscript',
  'noembed',
  'noframes',
  'xmp',
  'title',
  'textarea',
  'head',
  'svg',
  'math',
  'audio',
  'video',
  'object'
]);
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const REF_KINDS = ['correspondence', 'note'];
const SPAN = /^[1-9]\d?$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * A note's content in canonical form: the allow-list's tags in lower case with only their allowed attributes
 * (a reference's id and kind, a cell's spans) in a fixed order, every other tag dropped (keeping its words,
 * except script, style and the like), text in NFC with `&`, `<`, `>` escaped, white space collapsed as a
 * browser shows it, a new line after each block and each `<br>`. Plain text becomes paragraphs, as the
 * notesheet shows it. An entity other than the five of XML and `&nbsp;` stays as written (so it still
 * differs from the character a browser would show for it and from the text `&amp;name;`).
 */
export function canonicalNoteContent(content: string, mimeType?: string): string {
  // A browser ignores NUL in a page; here it would also stand for an unknown entity (decodeEntities).
  // eslint-disable-next-line no-control-regex
  const source = (content ?? '').replace(/\u0000/g, '');
  const html = mimeType === 'text/html' || (!mimeType && /^\s*</.test(source));
  return canonicalHtml(html ? source : plainTextParagraphs(source));
}

/** Plain text as the notesheet shows it: blank lines part paragraphs, a single new line is a line break. */
function plainTextParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((para) => para.trim())
    .map((para) => `<p>${para.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</p>`)
    .join('');
}

type Token = { kind: 'text'; text: string } | { kind: 'open' | 'close'; name: string; attrs: Record<string, string> };

function canonicalHtml(html: string): string {
  let out = '';
  // A space between words is written once, before the inline tags around it: `a <b>b</b>` and `a<b> b</b>`
  // look the same, so they are the same. Inline opening tags wait for the next words (or their closing tag).
  let pendingSpace = false;
  let opens = '';
  let lineStart = true;
  const anchors: boolean[] = [];
  const endLine = (markup: string) => {
    out += opens + markup;
    opens = '';
    pendingSpace = false;
    lineStart = true;
  };
  const inline = (open: boolean, markup: string) => {
    if (open) opens += markup;
    else {
      out += opens + markup;
      opens = '';
    }
  };
  for (const token of tokens(html)) {
    if (token.kind === 'text') {
      for (const part of token.text.split(/([\t\n\f\r ]+)/)) {
        if (!part) continue;
        if (/^[\t\n\f\r ]+$/.test(part)) {
          pendingSpace = !lineStart;
          continue;
        }
        out += (pendingSpace ? ' ' : '') + opens + part;
        opens = '';
        pendingSpace = false;
        lineStart = false;
      }
      continue;
    }
    const name = SYNONYM[token.name] ?? token.name;
    if (name === 'br') {
      if (token.kind === 'open') endLine('<br>\n');
    } else if (BLOCK.has(name)) {
      if (token.kind === 'close') endLine(`</${name}>\n`);
      else {
        // A block begins on its own line: words before it end theirs.
        if (!lineStart) out += '\n';
        endLine(`<${name}${blockAttributes(name, token.attrs)}>`);
      }
    } else if (name === 'a') {
      if (token.kind === 'open') {
        const ref = token.attrs['data-eo-ref'] ?? '';
        const kind = token.attrs['data-eo-kind'] ?? '';
        const kept = NODE_ID.test(ref) && REF_KINDS.includes(kind);
        anchors.push(kept);
        if (kept) inline(true, `<a data-eo-ref="${ref}" data-eo-kind="${kind}">`);
      } else if (anchors.pop()) inline(false, '</a>');
    } else if (INLINE.has(name)) {
      inline(token.kind === 'open', token.kind === 'open' ? `<${name}>` : `</${name}>`);
    }
  }
  out += opens;
  return out.replace(/\n+$/, '') + (out ? '\n' : '');
}

function blockAttributes(name: string, attrs: Record<string, string>): string {
  if (name !== 'td' && name !== 'th') return '';
  return ['colspan', 'rowspan']
    .filter((a) => SPAN.test(attrs[a] ?? ''))
    .map((a) => ` ${a}="${attrs[a]}"`)
    .join('');
}

/** A tolerant tokenizer for the note subset: tags, attributes, comments, text with entities decoded (NFC, escaped again). */
function* tokens(html: string): Generator<Token> {
  let i = 0;
  let text = '';
  const flush = function* (): Generator<Token> {
    if (text) yield { kind: 'text', text: escapeText(decodeEntities(text).normalize('NFC')) };
    text = '';
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    const rest = html.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(rest)) {
      const end = html.indexOf('>', lt);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(rest);
    if (!tag) {
      text += '<';
      i = lt + 1;
      continue;
    }
    const { attrs, end } = attributes(html, lt + tag[0].length);
    yield* flush();
    const name = tag[2].toLowerCase();
    i = end;
    if (!tag[1] && DROPPED_WITH_CONTENT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const after = close < 0 ? -1 : html.indexOf('>', close);
      i = after < 0 ? html.length : after + 1;
      continue;
    }
    yield { kind: tag[1] ? 'close' : 'open', name, attrs };
  }
  yield* flush();
}

function attributes(html: string, from: number): { attrs: Record<string, string>; end: number } {
  const attrs: Record<string, string> = {};
  const pattern = /\s*(?:([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?|(\/)|(>))/y;
  pattern.lastIndex = from;
  let i = from;
  for (;;) {
    const m = pattern.exec(html);
    if (!m) {
      // Anything else up to the tag's end is no attribute of the subset.
      const end = html.indexOf('>', i);
      return { attrs, end: end < 0 ? html.length : end + 1 };
    }
    i = pattern.lastIndex;
    if (m[6]) return { attrs, end: i };
    const name = m[1]?.toLowerCase();
    if (name && !(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    // Kept as written, marked so that it cannot equal the escaped text "&amp;name;" (see canonicalNoteContent).
    return ENTITIES[body] ?? `\u0000${body};`;
  });
}

/** Escapes text; a NUL (only ever an unknown entity's mark, see decodeEntities) becomes its `&` again. */
function escapeText(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // eslint-disable-next-line no-control-regex
  return escaped.replace(/\u0000/g, '&');
}

/** The words of the first line of canonical content (tags removed, the five entities read). */
function firstLineOf(content: string): string {
  for (const line of content.split('\n')) {
    const words = line
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim();
    if (words) return words.length > 120 ? `${words.slice(0, 120)}…` : words;
  }
  return '';
}
