import { receiptNode } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { replyDraftOf, replyFileName, replyLetterHtml } from './reply-letter';

describe('reply letter', () => {
  const labels = { yourLetter: 'Your letter No.', dated: 'dated', ourReceipt: 'Our receipt No.' };
  const receipt = toReceipt(receiptNode);

  it('addresses the sender from the sender block and quotes both letter and receipt numbers', () => {
    const reply = replyDraftOf(receipt, labels);

    expect(reply.to.split('\n')).toEqual([
      'Anil Deshmukh',
      'Deputy Secretary',
      'General Administration Department',
      'Government of Maharashtra',
      'Mantralaya, Madame Cama Road',
      'Mumbai – 400032',
      'Maharashtra'
    ]);
    expect(reply.reference).toBe('Your letter No. GAD/2026/114 dated 10/11/2026\nOur receipt No. 12/2026/EST-GAD');
    expect(reply.subject).toBe('Reply: स्थानांतरण नीति 2026 पर टिप्पणियाँ');
    expect(reply.body).toBe('');
  });

  it('leaves out what the diarist did not record and does not stack "Reply:" on a reply', () => {
    const bare = {
      ...receipt,
      letterNumber: '',
      subject: 'Reply: leave rules',
      sender: { ...receipt.sender, designation: '', city: '', pin: '' }
    };
    const reply = replyDraftOf(bare, labels);

    expect(reply.reference).toBe('Our receipt No. 12/2026/EST-GAD');
    expect(reply.subject).toBe('Reply: leave rules');
    expect(reply.to).not.toContain('–');
  });

  it('writes a letter whose text cannot inject markup, paragraphs kept', () => {
    const html = replyLetterHtml(
      {
        to: 'Shri <b>A</b>',
        reference: 'Ref & co',
        subject: 'Reply: "x"',
        body: 'First line\nsame paragraph\n\n<script>alert(1)</script>'
      },
      receipt,
      new Date('2026-11-21T10:00:00+05:30')
    );

    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Shri &lt;b&gt;A&lt;/b&gt;');
    expect(html).toContain('<p>First line<br>same paragraph</p>');
    expect(html).toContain('<p class="date">21/11/2026</p>');
    expect(html).toContain('lang="hi"');
  });

  it('names the draft after the receipt number and the day, without slashes', () => {
    expect(replyFileName(receipt, new Date(2026, 10, 21))).toBe('Reply-12-2026-EST-GAD-2026-11-21.html');
  });
});
