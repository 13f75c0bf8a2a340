// What a note may contain, enforced both when a note is stored and when it is shown: a note written in
// another client, seeded, or stored before a rule changed passes through the same allow-list again on
// its way into the page. A note is official noting, not a web page: paragraphs, emphasis, lists, small
// headings, simple tables and references to correspondence or earlier notes. Nothing else survives:
// no attributes but the reference's own, no URLs at all (a reference is an id, the file view opens it).
import DOMPurify from 'dompurify';

export type NoteReferenceKind = 'correspondence' | 'note';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'ol',
  'ul',
  'li',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a'
];
const ALLOWED_ATTR = ['data-eo-ref', 'data-eo-kind', 'colspan', 'rowspan'];
/** A repository node id (ACS: a UUID; the local repository: the same alphabet). */
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const KINDS: readonly string[] = ['correspondence', 'note'];

/** A private DOMPurify instance: hooks other features add to the global one do not reach notes. */
function purifier(display: boolean): ReturnType<typeof DOMPurify> {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.tagName === 'TD' || element.tagName === 'TH') {
      for (const span of ['colspan', 'rowspan']) {
        const value = element.getAttribute(span);
        if (value !== null && !/^[1-9]\d?$/.test(value)) element.removeAttribute(span);
      }
    }
    if (element.tagName !== 'A') {
      element.removeAttribute('data-eo-ref');
      element.removeAttribute('data-eo-kind');
      return;
    }
    const ref = element.getAttribute('data-eo-ref') ?? '';
    const kind = element.getAttribute('data-eo-kind') ?? '';
    if (!NODE_ID.test(ref) || !KINDS.includes(kind)) {
      // Not a reference: keep its words, drop the anchor.
      element.replaceWith(...Array.from(element.childNodes));
      return;
    }
    if (display) {
      // Shown references are keyboard-reachable links; these attributes are never stored.
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'link');
      element.setAttribute('class', 'eo-note-ref');
    }
  });
  return purify;
}

let storing: ReturnType<typeof DOMPurify> | undefined;
let showing: ReturnType<typeof DOMPurify> | undefined;

function purify(html: string, display: boolean): string {
  const instance = display ? (showing ??= purifier(true)) : (storing ??= purifier(false));
  return instance.sanitize(html, {
    ALLOWED_TAGS,
    // The display attributes are added by the hook after filtering, so a stored class or role never passes.
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false
  }) as string;
}

/** The HTML to store for a note: only the allow-list, no attribute but a reference's id and kind. */
export function sanitiseNoteHtml(html: string): string {
  return purify(html ?? '', false).trim();
}

/** The HTML to put into the page for a stored note (sanitised again; references made focusable). */
export function noteHtmlForDisplay(html: string): string {
  return purify(html ?? '', true);
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Plain-text notes (seeded, or from older clients) as paragraphs: the text is escaped, never parsed. */
export function plainTextToHtml(text: string): string {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((para) => para.trim())
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A reference as stored in a note: an anchor with no href, only the target's id and kind. */
export function referenceAnchor(ref: { id: string; kind: NoteReferenceKind; label: string }): string {
  return `<a data-eo-ref="${escapeHtml(ref.id)}" data-eo-kind="${ref.kind}">${escapeHtml(ref.label)}</a>`;
}

/** The ids a note refers to, in order of first mention (stored as eo:noteReferences). */
export function referencedIds(html: string): string[] {
  const doc = new DOMParser().parseFromString(sanitiseNoteHtml(html), 'text/html');
  const ids = Array.from(doc.querySelectorAll('a[data-eo-ref]')).map((a) => a.getAttribute('data-eo-ref') ?? '');
  return [...new Set(ids.filter(Boolean))];
}

/** True when a note has no words (an empty editor gives `<p></p>` or `<p><br></p>`). */
export function isBlankNote(html: string): boolean {
  const doc = new DOMParser().parseFromString(sanitiseNoteHtml(html), 'text/html');
  return !(doc.body.textContent ?? '').replace(/[\s\u00a0\u200b\ufeff]/g, '') && !doc.querySelector('a[data-eo-ref]');
}

// ------------------------------------------------------------------ paste from word processors

const DROPPED = 'style, script, meta, link, title, xml, head, template, iframe, object, embed, noscript';
const LIST_MARKER_ORDERED = /^\s*(?:\d+|[a-z]|[ivxlc]+)[.)]\s*$/i;

function styleOf(el: Element): string {
  return (el.getAttribute('style') ?? '').toLowerCase();
}

/** Word's list paragraphs (style mso-list) carry their marker between `[if !supportLists]` comments. */
function takeWordListMarker(p: Element): string {
  let marker = '';
  const walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  for (let c = walker.nextNode(); c; c = walker.nextNode())
    if (/^\[if !supportLists\]/i.test((c as Comment).data)) starts.push(c as Comment);
  for (const start of starts) {
    let node = start.nextSibling;
    while (node && !(node.nodeType === Node.COMMENT_NODE && /^\[endif\]/i.test((node as Comment).data))) {
      const next = node.nextSibling;
      marker += node.textContent ?? '';
      node.remove();
      node = next;
    }
  }
  return marker.replace(/\u00a0/g, ' ').trim();
}

function groupWordLists(body: HTMLElement): void {
  const paragraphs = Array.from(body.querySelectorAll('p')).filter(
    (p) => /mso-list\s*:/.test(styleOf(p)) || /MsoListParagraph/i.test(p.className)
  );
  let list: HTMLElement | null = null;
  for (const p of paragraphs) {
    const marker = takeWordListMarker(p);
    const ordered = LIST_MARKER_ORDERED.test(marker);
    const previous = p.previousElementSibling;
    if (!list || previous !== list || (list.tagName === 'OL') !== ordered) {
      list = body.ownerDocument.createElement(ordered ? 'ol' : 'ul');
      p.before(list);
    }
    const item = body.ownerDocument.createElement('li');
    item.append(...Array.from(p.childNodes));
    list.append(item);
    p.remove();
  }
}

/** Inline styles word processors and Google Docs use for emphasis, turned into tags. */
function styleToTags(body: HTMLElement): void {
  for (const el of Array.from(body.querySelectorAll('span, font, b'))) {
    const style = styleOf(el);
    if (el.tagName === 'B' && /font-weight\s*:\s*(normal|[1-4]00)\b/.test(style)) {
      // Google Docs wraps a whole paste in <b style="font-weight:normal">.
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    if (el.tagName === 'B') continue;
    let inner: Node[] = Array.from(el.childNodes);
    const wrap = (tag: string) => {
      const w = el.ownerDocument.createElement(tag);
      w.append(...inner);
      inner = [w];
    };
    if (/font-weight\s*:\s*(bold|[6-9]00)\b/.test(style)) wrap('strong');
    if (/font-style\s*:\s*italic/.test(style)) wrap('em');
    if (/text-decoration[^;]*underline/.test(style)) wrap('u');
    el.replaceWith(...inner);
  }
}

/**
 * Cleans HTML pasted from MS Word, LibreOffice or a browser: drops Office markup (mso- styles, `o:p`,
 * conditional comments, classes, fonts, spans), keeps paragraphs, emphasis, lists, headings and tables,
 * and every character of the text (Devanagari included), then applies the note allow-list.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html ?? '', 'text/html');
  const body = doc.body;
  groupWordLists(body);
  body.querySelectorAll(DROPPED).forEach((el) => el.remove());
  // Office's namespaced elements (o:p is Word's empty-paragraph filler, w:* and v:* its drawing markup).
  for (const el of Array.from(body.getElementsByTagName('*'))) {
    if (!el.tagName.includes(':')) continue;
    if (el.tagName.toLowerCase() === 'o:p') el.replaceWith(...Array.from(el.childNodes).filter((n) => (n.textContent ?? '').trim()));
    else el.remove();
  }
  const comments = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const remove: Node[] = [];
  for (let c = comments.nextNode(); c; c = comments.nextNode()) remove.push(c);
  remove.forEach((c) => c.parentNode?.removeChild(c));
  styleToTags(body);
  // Word and LibreOffice headings beyond the note's small set become the nearest allowed one.
  for (const h of Array.from(body.querySelectorAll('h1, h5, h6'))) {
    const to = doc.createElement(h.tagName === 'H1' ? 'h2' : 'h4');
    to.append(...Array.from(h.childNodes));
    h.replaceWith(to);
  }
  return sanitiseNoteHtml(body.innerHTML.replace(/&nbsp;|\u00a0/g, ' '));
}
