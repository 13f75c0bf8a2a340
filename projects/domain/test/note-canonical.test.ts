/**
 * The canonical form of a note that an officer's digital signature covers (note-canonical.ts): what a
 * reader sees changes the bytes, what only the markup spells differently does not, and the signer bridge
 * reads back exactly what was built.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTE_SIGNATURE_FORMAT, canonicalNoteBytes, canonicalNoteContent, canonicalNoteText, readCanonicalNote } from '@eoffice/domain';

const NOTE = {
  fileNumber: 'A-11011/5/2026-EST-GAD',
  noteNumber: 3,
  content: '<p>Leave of Shri Ravi Kumar may be <strong>sanctioned</strong>.</p><p>Submitted.</p>',
  mimeType: 'text/html',
  signerPost: 'GROUP_EO_GAD_SO_EST'
};

const same = (a: string, b: string) =>
  assert.equal(canonicalNoteContent(a, 'text/html'), canonicalNoteContent(b, 'text/html'), `${a}\n${b}`);
const differ = (a: string, b: string) =>
  assert.notEqual(canonicalNoteContent(a, 'text/html'), canonicalNoteContent(b, 'text/html'), `${a}\n${b}`);

describe('canonical form of a note', () => {
  it('is a versioned text of file number, note number, post and content, in UTF-8', () => {
    const text = canonicalNoteText(NOTE);
    assert.equal(
      text,
      [
        NOTE_SIGNATURE_FORMAT,
        'file-number: A-11011/5/2026-EST-GAD',
        'note-number: 3',
        'signer-post: GROUP_EO_GAD_SO_EST',
        'content-type: text/html',
        '',
        '<p>Leave of Shri Ravi Kumar may be <strong>sanctioned</strong>.</p>',
        '<p>Submitted.</p>',
        ''
      ].join('\n')
    );
    assert.deepEqual(canonicalNoteBytes(NOTE), new TextEncoder().encode(text));
  });

  it('binds the note to its file, its number and the post it is signed in', () => {
    const base = canonicalNoteText(NOTE);
    assert.notEqual(canonicalNoteText({ ...NOTE, fileNumber: 'A-11011/6/2026-EST-GAD' }), base);
    assert.notEqual(canonicalNoteText({ ...NOTE, noteNumber: 4 }), base);
    assert.notEqual(canonicalNoteText({ ...NOTE, signerPost: 'GROUP_EO_GAD_US_EST' }), base);
  });

  it('ignores what a reader never sees: entity spelling, attributes, comments, other tags, b for strong, tag case, white space', () => {
    same('<p>Rs. 5,000 &amp; more</p>', '<P class="x" style="color:red">Rs. 5,000 &#38; more</P>');
    same('<p><b>Approved</b> <i>as proposed</i></p>', '<p><strong>Approved</strong> <em>as proposed</em></p>');
    same('<p>one<br/>two</p>', '<p>one<br>two</p>');
    same('<p>may be <strong>sanctioned</strong> now</p>', '<p>may be<strong> sanctioned </strong>now</p>');
    same('<p>  Submitted   for\n orders. </p>', '<p>Submitted for orders.</p>');
    same('<p>Submitted<!-- draft --> for <span lang="en">orders</span>.</p>', '<p>Submitted for orders.</p>');
    same('<p>Seen.</p>\n\n<p>Put up.</p>', '<p>Seen.</p><p>Put up.</p>');
    same('<p>Seen.<script>alert(1)</script></p>', '<p>Seen.</p>');
    same('<table><tr><td colspan="2" onclick="x()">a</td></tr></table>', "<table><tr><td colspan='2'>a</td></tr></table>");
  });

  it('keeps what a reader sees: words, emphasis, structure, references, spaces between words', () => {
    differ('<p>sanctioned</p>', '<p>not sanctioned</p>');
    differ('<p><strong>sanctioned</strong></p>', '<p>sanctioned</p>');
    differ('<p>a</p><p>b</p>', '<p>a<br>b</p>');
    differ('<p>a b</p>', '<p>ab</p>');
    differ('<p>a <u>b</u></p>', '<p>a b</p>');
    differ('<ol><li>a</li></ol>', '<ul><li>a</li></ul>');
    differ('<td colspan="2">a</td>', '<td>a</td>');
    differ('<p><a data-eo-ref="n1" data-eo-kind="note">Note 1</a></p>', '<p><a data-eo-ref="n2" data-eo-kind="note">Note 1</a></p>');
    // A non-breaking space is shown, and kept; an entity this form does not read stays apart from its text.
    differ('<p>a&nbsp;&nbsp;b</p>', '<p>a b</p>');
    differ('<p>caf&eacute;</p>', '<p>caf&amp;eacute;</p>');
    differ('<p>café</p>', '<p>caf&eacute;</p>');
  });

  it('writes Devanagari and other text in NFC, so a composed and a decomposed spelling sign alike', () => {
    // क़ (U+0958) is excluded from composition: NFC writes it as क + nukta, as does the decomposed input.
    same('<p>\u0958ानून</p>', '<p>\u0915\u093cानून</p>');
    same('<p>Caf\u00e9</p>', '<p>Cafe\u0301</p>');
    // The zero-width non-joiner changes how a conjunct is drawn: kept.
    differ('<p>क्\u200cष</p>', '<p>क्ष</p>');
  });

  it('reads plain-text notes as the notesheet shows them: paragraphs at blank lines, line breaks within', () => {
    assert.equal(
      canonicalNoteContent('Put up.\nFor orders.\n\nSeen <b>x</b>', 'text/plain'),
      '<p>Put up.<br>\nFor orders.</p>\n<p>Seen &lt;b&gt;x&lt;/b&gt;</p>\n'
    );
    assert.equal(canonicalNoteContent('Put up.', 'text/plain'), canonicalNoteContent('<p>Put up.</p>', 'text/html'));
  });

  it('keeps references with a node id and kind only, as the note sanitiser does, and drops any other anchor but its words', () => {
    assert.equal(
      canonicalNoteContent(
        '<p><a href="https://x" data-eo-kind="note" data-eo-ref="n-1">Note 1</a> <a href="javascript:x">here</a></p>',
        'text/html'
      ),
      '<p><a data-eo-ref="n-1" data-eo-kind="note">Note 1</a> here</p>\n'
    );
  });

  it('refuses a file number or post that would break the header into another line', () => {
    assert.throws(() => canonicalNoteText({ ...NOTE, fileNumber: 'A-1\nnote-number: 9' }), /Invalid file number/);
    assert.throws(() => canonicalNoteText({ ...NOTE, signerPost: '' }), /Invalid post/);
    assert.throws(() => canonicalNoteText({ ...NOTE, noteNumber: 0 }), /Invalid note number/);
  });

  it('is read back by the signer bridge, with the first line of words for the officer; anything else is not a note', () => {
    const read = readCanonicalNote(canonicalNoteBytes({ ...NOTE, content: '<h3>Leave &amp; LTC</h3><p>Sanctioned.</p>' }));
    assert.deepEqual(read && { ...read, content: undefined }, {
      fileNumber: NOTE.fileNumber,
      noteNumber: 3,
      signerPost: NOTE.signerPost,
      content: undefined,
      firstLine: 'Leave & LTC'
    });
    assert.equal(readCanonicalNote(new TextEncoder().encode('%PDF-1.7 anything')), undefined);
    // Hand-made bytes that are not in canonical form (here: a tag this form never writes) are refused too.
    const text = canonicalNoteText(NOTE);
    assert.equal(readCanonicalNote(text.replace('<p>Submitted.</p>', '<p style="display:none">Approved.</p>')), undefined);
    assert.equal(readCanonicalNote(text.replace('note-number: 3', 'note-number: 03')), undefined);
    assert.equal(readCanonicalNote(new Uint8Array([0xff, 0xfe])), undefined);
    assert.ok(readCanonicalNote(text));
  });

  it('is stable: the canonical content of canonical content is itself', () => {
    for (const html of [
      NOTE.content,
      '<p>a&nbsp;b caf&eacute; <a data-eo-ref="x" data-eo-kind="correspondence">C/1</a></p><table><tr><td rowspan="3">x</td></tr></table>',
      'text before<p>block</p>after<br>'
    ]) {
      const once = canonicalNoteContent(html, 'text/html');
      assert.equal(canonicalNoteContent(once, 'text/html'), once);
    }
  });
});
