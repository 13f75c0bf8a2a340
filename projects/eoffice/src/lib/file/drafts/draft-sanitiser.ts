// Draft letters are HTML typed in the editor or pasted from word processors. What is stored and what is
// shown pass through one strict allow-list: the structure a letter needs (paragraphs, headings, lists,
// emphasis, tables, links) and nothing that can run or load anything (no script, style, event handler,
// image, frame or form). Quill's alignment, indent and list markers are kept; other classes go.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'h1',
  'h2',
  'h3',
  'ol',
  'ul',
  'li',
  'blockquote',
  'a',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td'
];
const ALLOWED_ATTR = ['href', 'class', 'data-list', 'lang', 'dir', 'colspan', 'rowspan'];
/** Quill's own formatting classes (ql-align-center, ql-indent-2, ql-direction-rtl). */
const QUILL_CLASS = /^ql-(align-(center|right|justify)|indent-[1-8]|direction-rtl)$/;
const QUILL_LIST = /^(bullet|ordered)$/;

let purifier: ReturnType<typeof DOMPurify> | undefined;

/** A DOMPurify instance of our own, so that our hooks never touch anybody else's sanitising. */
function draftPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class') {
      data.attrValue = data.attrValue
        .split(/\s+/)
        .filter((c) => QUILL_CLASS.test(c))
        .join(' ');
      if (!data.attrValue) data.keepAttr = false;
    }
    if (data.attrName === 'data-list' && !QUILL_LIST.test(data.attrValue)) data.keepAttr = false;
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    // Links leave the e-Office in a new tab and cannot reach back into it.
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = p;
  return p;
}

/** The HTML of a draft as it may be stored and shown. */
export function sanitiseDraftHtml(html: string): string {
  return draftPurifier().sanitize(html ?? '', {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    // Plain values, not addresses: exempt from the URI check that href gets.
    ADD_URI_SAFE_ATTR: ['data-list', 'lang', 'dir', 'colspan', 'rowspan'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(https?:|mailto:)/i,
    KEEP_CONTENT: true,
    // Word processors paste their markup inside <style> and <!-- --> blocks: content dropped with the tag.
    FORBID_CONTENTS: ['script', 'style', 'title', 'xml', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'],
    RETURN_TRUSTED_TYPE: false
  }) as string;
}

/** True when the draft holds no text at all (an empty editor gives `<p><br></p>`). */
export function isBlankDraft(html: string): boolean {
  const div = document.createElement('div');
  div.innerHTML = sanitiseDraftHtml(html);
  return !(div.textContent ?? '').trim();
}
