/**
 * The canonical form of a draft's approval that an approver's digital signature covers (note-canonical.ts,
 * "a draft's approval"): the file, the draft, the version approved, the post and the version's stored content
 * byte for byte; the signer bridge reads back exactly what was built and nothing else; notes and approvals
 * never read as each other.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPROVAL_SIGNATURE_FORMAT,
  canonicalApprovalBytes,
  canonicalApprovalText,
  canonicalNoteBytes,
  readCanonicalApproval,
  readCanonicalNote,
  signaturesOfApproval,
  type StoredSignature
} from '@eoffice/domain';

const APPROVAL = {
  fileNumber: 'A-11011/5/2026-EST-GAD',
  draftNumber: 2,
  version: '1.3',
  content: '<p>Sir,</p>\n<p class="ql-align-right">Yours faithfully,</p>',
  signerPost: 'GROUP_EO_GAD_US_EST'
};

describe('canonical form of a draft approval', () => {
  it('names the form, the file, the draft, its version and the post, then the content as stored', () => {
    assert.equal(
      canonicalApprovalText(APPROVAL),
      `${APPROVAL_SIGNATURE_FORMAT}\nfile-number: A-11011/5/2026-EST-GAD\ndraft-number: 2\ndraft-version: 1.3\nsigner-post: GROUP_EO_GAD_US_EST\ncontent-type: text/html\n\n${APPROVAL.content}`
    );
  });

  it('any change to the content, even of layout only, or to the version gives other bytes', () => {
    const bytes = Buffer.from(canonicalApprovalBytes(APPROVAL)).toString('hex');
    assert.notEqual(
      Buffer.from(canonicalApprovalBytes({ ...APPROVAL, content: APPROVAL.content.replace('ql-align-right', 'ql-align-center') })).toString(
        'hex'
      ),
      bytes
    );
    assert.notEqual(Buffer.from(canonicalApprovalBytes({ ...APPROVAL, version: '1.4' })).toString('hex'), bytes);
  });

  it('refuses a version that is not a label and a header value that could forge another header', () => {
    assert.throws(() => canonicalApprovalText({ ...APPROVAL, version: '1.3\nsigner-post: X' }), /Invalid draft version/);
    assert.throws(() => canonicalApprovalText({ ...APPROVAL, signerPost: 'GROUP_X\ncontent-type: text/plain' }), /Invalid post/);
    assert.throws(() => canonicalApprovalText({ ...APPROVAL, draftNumber: 0 }), /Invalid draft number/);
  });

  it('reads back what it built, with the first line of words; a note, altered bytes or nothing do not read as an approval', () => {
    const read = readCanonicalApproval(canonicalApprovalBytes(APPROVAL));
    assert.deepEqual(read, { ...APPROVAL, firstLine: 'Sir,' });
    const note = canonicalNoteBytes({
      fileNumber: APPROVAL.fileNumber,
      noteNumber: 2,
      content: '<p>Sir,</p>',
      signerPost: APPROVAL.signerPost
    });
    assert.equal(readCanonicalApproval(note), undefined);
    assert.equal(readCanonicalNote(canonicalApprovalBytes(APPROVAL)), undefined);
    const text = canonicalApprovalText(APPROVAL);
    assert.equal(readCanonicalApproval(text.replace('draft-number: 2', 'draft-number: 02')), undefined);
    assert.equal(readCanonicalApproval(text.replace('content-type: text/html', 'content-type: text/plain')), undefined);
    assert.equal(readCanonicalApproval(new Uint8Array([0xff, 0xfe])), undefined);
    assert.equal(readCanonicalApproval(''), undefined);
  });

  it('the signatures that count: the approver’s, in the approving post, of the version approved, in the approval form', () => {
    const base: StoredSignature = {
      id: 's1',
      name: 'a.p7s',
      noteId: 'd1',
      version: '1.3',
      digest: '',
      form: APPROVAL_SIGNATURE_FORMAT,
      post: 'GROUP_EO_GAD_US_EST',
      subject: '',
      issuer: '',
      serialNumber: '',
      storedBy: 'kavita.joshi',
      storedAt: '2026-12-07T05:00:00.000Z'
    };
    const draft = { id: 'd1', approvedVersion: '1.3', approvedBy: 'GROUP_EO_GAD_US_EST', approvedByUser: 'Kavita.Joshi' };
    const all = [
      base,
      { ...base, id: 's2', storedBy: 'ravi.kohli' },
      { ...base, id: 's3', version: '1.2' },
      { ...base, id: 's4', form: 'eoffice-note-signature/1' },
      { ...base, id: 's5', post: 'GROUP_EO_GAD_SO_EST' },
      { ...base, id: 's6', noteId: 'd2' }
    ];
    assert.deepEqual(
      signaturesOfApproval(draft, all).map((s) => s.id),
      ['s1']
    );
    assert.deepEqual(signaturesOfApproval({ ...draft, approvedByUser: undefined }, all), []);
  });
});
