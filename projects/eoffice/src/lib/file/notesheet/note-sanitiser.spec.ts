import { XSS_CORPUS, XssWindow, unsafeMarkup } from './notesheet-testing.spec';
import {
  cleanPastedHtml,
  isBlankNote,
  noteHtmlForDisplay,
  plainTextToHtml,
  referenceAnchor,
  referencedIds,
  sanitiseNoteHtml
} from './note-sanitiser';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('note sanitiser', () => {
  let host: HTMLElement;

  beforeEach(() => {
    delete (window as XssWindow).__eoXss;
    host = document.createElement('div');
    document.body.appendChild(host);
  });

  afterEach(() => host.remove());

  it('has a corpus of at least 30 classic payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it('stores and shows every payload as inert markup: nothing runs, nothing dangerous survives', async () => {
    for (const [i, payload] of XSS_CORPUS.entries()) {
      const stored = sanitiseNoteHtml(payload);
      const box = document.createElement('div');
      // What a stored note looks like in the page, and what a note stored by another client would look like.
      box.innerHTML = noteHtmlForDisplay(stored) + noteHtmlForDisplay(payload);
      host.appendChild(box);
      expect(unsafeMarkup(box))
        .withContext(`payload ${i + 1}: ${payload}`)
        .toEqual([]);
      expect(stored)
        .withContext(`payload ${i + 1}`)
        .not.toMatch(/javascript:|vbscript:|onerror|onload|<script|<iframe|<svg|<img|style=|href=/i);
    }
    await settle();
    expect((window as XssWindow).__eoXss).toBeUndefined();
  });

  it('keeps the words of a payload as text, so the officer sees what was written', () => {
    expect(sanitiseNoteHtml('<p onclick="x()">hover me</p>')).toBe('<p>hover me</p>');
    expect(sanitiseNoteHtml('<marquee>moving</marquee>')).toBe('moving');
    expect(sanitiseNoteHtml('<p>5 &lt; 6 &amp; "quoted"</p>')).toBe('<p>5 &lt; 6 &amp; "quoted"</p>');
  });

  it('keeps a reference only as an anchor with a valid id and kind, and never with an href', () => {
    const ref = referenceAnchor({ id: 'c0ffee-1', kind: 'correspondence', label: 'FR I' });
    expect(sanitiseNoteHtml(`<p>See ${ref}</p>`)).toBe('<p>See <a data-eo-ref="c0ffee-1" data-eo-kind="correspondence">FR I</a></p>');
    expect(sanitiseNoteHtml('<a href="https://example.org" data-eo-ref="n-1" data-eo-kind="note">Note 1</a>')).toBe(
      '<a data-eo-ref="n-1" data-eo-kind="note">Note 1</a>'
    );
    // An anchor that is not a valid reference keeps its words only.
    expect(sanitiseNoteHtml('<a data-eo-ref="a b" data-eo-kind="note">Note 2</a>')).toBe('Note 2');
    expect(sanitiseNoteHtml('<a data-eo-ref="n-3" data-eo-kind="web">Note 3</a>')).toBe('Note 3');
    expect(sanitiseNoteHtml('<p data-eo-ref="n-4" data-eo-kind="note">para</p>')).toBe('<p>para</p>');
    const shown = noteHtmlForDisplay(ref);
    expect(shown).toContain('tabindex="0"');
    expect(shown).toContain('role="link"');
    expect(referencedIds(`<p>${ref} and ${referenceAnchor({ id: 'n-9', kind: 'note', label: 'Note 9' })} and ${ref}</p>`)).toEqual([
      'c0ffee-1',
      'n-9'
    ]);
  });

  it('keeps the structure officers write: paragraphs, emphasis, lists, small headings, tables', () => {
    const html =
      '<h3>Facts</h3><p><strong>1.</strong> <em>As</em> <u>below</u><br>next</p><ol><li>a</li></ol><ul><li>b</li></ul>' +
      '<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>';
    expect(sanitiseNoteHtml(html)).toBe(html);
    expect(sanitiseNoteHtml('<td colspan="999999">x</td>')).not.toContain('colspan');
  });

  it('round-trips Devanagari unchanged, conjuncts and joiners included', () => {
    const hindi = 'विषय: अवकाश नियम, २०२६ — टिप्पणी क्रमांक ४ देखें। क्‍ष त्र ज्ञ श्र ऋ ॐ ख़ ड़ॉ';
    const html = `<p>${hindi}</p><ul><li><strong>${hindi}</strong></li></ul>`;
    const stored = sanitiseNoteHtml(html);
    expect(stored).toBe(html);
    const box = document.createElement('div');
    box.innerHTML = noteHtmlForDisplay(stored);
    expect(box.querySelector('p')?.textContent).toBe(hindi);
    expect(plainTextToHtml(hindi)).toBe(`<p>${hindi}</p>`);
  });

  it('shows a plain-text note as text, even when it looks like markup', () => {
    const html = plainTextToHtml('Para 1 <img src=x onerror=alert(1)>\nline two\n\nPara 2 & "more"');
    expect(html).toBe('<p>Para 1 &lt;img src=x onerror=alert(1)&gt;<br>line two</p><p>Para 2 &amp; &quot;more&quot;</p>');
  });

  it('tells a blank note from one with words or a reference', () => {
    expect(isBlankNote('<p><br></p><p> &nbsp; </p>')).toBeTrue();
    expect(isBlankNote('<p><script>x</script></p>')).toBeTrue();
    expect(isBlankNote('<p>ठीक</p>')).toBeFalse();
    expect(isBlankNote(referenceAnchor({ id: 'n-1', kind: 'note', label: 'Note 1' }))).toBeFalse();
  });
});

describe('paste cleaning', () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; font-family:"Calibri"} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=EN-IN style='tab-interval:36.0pt'><!--StartFragment-->
<p class=MsoNormal><b><span lang=HI style='font-family:"Nirmala UI";mso-bidi-language:HI'>विषय:</span></b><span lang=HI style='mso-bidi-language:HI'> अवकाश नियमों में संशोधन</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>First point<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Second point<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>Numbered one</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>2.<span>&nbsp;&nbsp; </span></span><![endif]>Numbered two</p>
<p class=MsoNormal><i style='mso-bidi-font-style:normal'>Submitted for orders</i><span style='font-size:12.0pt'>.</span><o:p>&nbsp;</o:p></p>
<h1 style='mso-margin-top-alt:auto'><span style='mso-fareast-font-family:"Times New Roman"'>Heading</span></h1>
<!--EndFragment--></body></html>`;

  it('cleans MS Word HTML down to the structure, keeping Devanagari and lists', () => {
    const clean = cleanPastedHtml(word);
    expect(clean).not.toMatch(/mso|class=|style=|lang=|o:p|<span|<font|<!--|<meta|<xml|Symbol|·/i);
    expect(clean).toContain('<p><b>विषय:</b> अवकाश नियमों में संशोधन</p>');
    expect(clean).toContain('<ul><li>First point</li><li>Second point</li></ul>');
    expect(clean).toContain('<ol><li>Numbered one</li><li>Numbered two</li></ol>');
    expect(clean).toContain('<p><i>Submitted for orders</i>.</p>');
    expect(clean).toContain('<h2>Heading</h2>');
  });

  it('cleans LibreOffice and Google Docs HTML, turning style emphasis into tags', () => {
    const libre =
      '<p style="margin-bottom: 0cm; line-height: 100%"><font face="Noto Sans Devanagari"><span lang="hi-IN">नस्ती</span></font> ' +
      '<span style="font-weight: bold">तुरंत</span> <span style="font-style: italic; text-decoration: underline">देखें</span></p>';
    expect(cleanPastedHtml(libre)).toBe('<p>नस्ती <strong>तुरंत</strong> <u><em>देखें</em></u></p>');
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Bold</span> plain</p></b>';
    expect(cleanPastedHtml(docs)).toBe('<p><strong>Bold</strong> plain</p>');
  });

  it('drops anything dangerous that a paste carries', () => {
    const clean = cleanPastedHtml(
      '<p onclick="x()">a<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">b</a></p>'
    );
    expect(clean).toBe('<p>ab</p>');
  });
});
