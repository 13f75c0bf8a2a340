import { isBlankDraft, sanitiseDraftHtml } from './draft-sanitiser';

describe('sanitiseDraftHtml', () => {
  // A small XSS corpus: every entry must come out as harmless text or nothing.
  const corpus = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 1">',
    '<p onclick="window.__pwned = 1">text</p>',
    '<a href="javascript:window.__pwned = 1">link</a>',
    '<a href="data:text/html,<script>window.__pwned=1</script>">link</a>',
    '<svg><script>window.__pwned = 1</script></svg>',
    '<iframe src="javascript:window.__pwned = 1"></iframe>',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
    '<form action="javascript:window.__pwned=1"><button>go</button></form>',
    '<p style="background:url(javascript:window.__pwned=1)">styled</p>',
    '<template><img src=x onerror="window.__pwned=1"></template>',
    '"><img src=x onerror=window.__pwned=1>'
  ];

  it('leaves nothing in the XSS corpus that runs or loads when shown', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    try {
      for (const attack of corpus) {
        const clean = sanitiseDraftHtml(attack);
        expect(clean).not.toMatch(/<script|<img|<iframe|<svg|<form|onerror|onclick|javascript:|style=/i);
        host.innerHTML = clean;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    } finally {
      host.remove();
    }
  });

  it('keeps what a letter needs: paragraphs, headings, lists, emphasis, Devanagari, Quill alignment', () => {
    const letter =
      '<h2 class="ql-align-center">कार्यालय ज्ञापन</h2><p><strong>विषय:</strong> <em>leave</em> <u>rules</u></p>' +
      '<ol><li data-list="bullet" class="ql-indent-1">one</li></ol><p class="ql-align-justify" dir="rtl" lang="hi">text</p>' +
      '<table><tbody><tr><td colspan="2">cell</td></tr></tbody></table>';
    expect(sanitiseDraftHtml(letter)).toBe(letter);
  });

  it('drops Quill list markers it does not know', () => {
    expect(sanitiseDraftHtml('<ol><li data-list="javascript:x">one</li></ol>')).toBe('<ol><li>one</li></ol>');
  });

  it('drops foreign classes and word-processor styles but keeps their text', () => {
    const pasted =
      '<style>p.MsoNormal{margin:0}</style><p class="MsoNormal ql-align-right"><span style="font-family:Mangal">पाठ</span></p>';
    expect(sanitiseDraftHtml(pasted)).toBe('<p class="ql-align-right"><span>पाठ</span></p>');
  });

  it('opens links in a new tab that cannot reach back', () => {
    expect(sanitiseDraftHtml('<a href="https://dopt.gov.in">DoPT</a>')).toBe(
      '<a href="https://dopt.gov.in" target="_blank" rel="noopener noreferrer">DoPT</a>'
    );
  });

  it('tells an empty editor from a draft with text', () => {
    expect(isBlankDraft('<p><br></p>')).toBeTrue();
    expect(isBlankDraft('<script>alert(1)</script>')).toBeTrue();
    expect(isBlankDraft('<p>सेवा में</p>')).toBeFalse();
  });
});
