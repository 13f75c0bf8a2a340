import { officeDate } from '@eoffice/domain';
import { Receipt, localDay } from '../model/receipt.model';

/**
 * A reply to the sender of a receipt, kept as a draft letter under the receipt (Replies/).
 *
 * Why so small: in e-Office a reply is really a DFA (draft for approval) in an e-File, approved up the
 * channel and then dispatched. Until e-Files carry drafts, the officer holding the receipt can prepare
 * the letter here, addressed and referenced from the diary entry; it is an eo:draft (kind `reply`, status
 * `draft`), so a file can take it over later instead of the officer typing it again.
 */
export interface ReplyDraft {
  /** The addressee block, one line each (name, designation, organisation, address, city – PIN). */
  to: string;
  /** "Your letter No. … dated …" and our receipt number, for the sender's and our records. */
  reference: string;
  subject: string;
  body: string;
}

export const REPLY_SUBJECT_PREFIX = 'Reply: ';
export const REPLIES_FOLDER = 'Replies';
/** Longest subject the model's eo:subject accepts, as on the diarise form. */
export const MAX_REPLY_SUBJECT = 1024;

/** The reply as the dialog first shows it: the sender block and letter reference of the receipt. */
export function replyDraftOf(receipt: Receipt, labels: { yourLetter: string; dated: string; ourReceipt: string }): ReplyDraft {
  const s = receipt.sender;
  const cityPin = [s.city, s.pin].filter((x) => !!x).join(' – ');
  const to = [s.name, s.designation, s.organisation, s.ministry, s.address, cityPin, s.state].filter((line) => !!line?.trim()).join('\n');
  const letter = receipt.letterNumber
    ? `${labels.yourLetter} ${receipt.letterNumber}${receipt.letterDate ? ` ${labels.dated} ${officeDate(receipt.letterDate)}` : ''}`
    : '';
  const reference = [letter, `${labels.ourReceipt} ${receipt.receiptNumber}`].filter((x) => !!x).join('\n');
  const subject = receipt.subject.startsWith(REPLY_SUBJECT_PREFIX) ? receipt.subject : REPLY_SUBJECT_PREFIX + receipt.subject;
  return { to, reference, subject: subject.slice(0, MAX_REPLY_SUBJECT), body: '' };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const lines = (text: string): string => escapeHtml(text.trim()).replace(/\r?\n/g, '<br>');

/** The draft letter stored in the repository: a plain HTML page (every field escaped), opened in ADF's viewer. */
export function replyLetterHtml(reply: ReplyDraft, receipt: Receipt, today = new Date()): string {
  const paragraphs = reply.body
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .filter((p) => !!p.trim())
    .map((p) => `<p>${lines(p)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${receipt.language === 'Hindi' ? 'hi' : 'en'}">
<head><meta charset="utf-8"><title>${escapeHtml(reply.subject)}</title></head>
<body>
<p class="date">${officeDate(today)}</p>
<address>${lines(reply.to)}</address>
<p class="reference">${lines(reply.reference)}</p>
<p class="subject"><strong>${escapeHtml(reply.subject.trim())}</strong></p>
${paragraphs}
</body>
</html>
`;
}

/** File name of a reply draft: the receipt's serial and the day, unique enough; the repository renames clashes. */
export function replyFileName(receipt: Receipt, today = new Date()): string {
  return `Reply-${receipt.receiptNumber.replace(/[^\p{L}\p{N}-]+/gu, '-')}-${localDay(today)}.html`;
}
