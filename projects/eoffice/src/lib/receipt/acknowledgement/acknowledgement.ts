import { Hierarchy, Label, officeDate, officeDateTime } from '@eoffice/domain';
import { PdfDocument, PdfWriter } from '../../shared/pdf/pdf-writer';
import { Receipt, senderLine } from '../model/receipt.model';

/**
 * The acknowledgement goes to the sender, not to the officer on screen, so it is printed in both
 * official languages whatever language the app is in (as bilingual government forms are); its labels
 * live here beside the layout, like the model's en/hi vocabulary.
 */
export const ACKNOWLEDGEMENT_TEXT = {
  title: { en: 'Acknowledgement of receipt', hi: 'पावती' },
  intro: {
    en: 'Your communication has been received and diarised as follows:',
    hi: 'आपका पत्र प्राप्त हो गया है और निम्नानुसार डायरी किया गया है:'
  },
  quote: {
    en: 'Please quote the receipt number in any further reference.',
    hi: 'कृपया आगे के किसी भी पत्राचार में आवती संख्या का उल्लेख करें।'
  },
  generated: { en: 'Generated on', hi: 'तैयार किया गया' },
  receiptNumber: { en: 'Receipt number', hi: 'आवती संख्या' },
  computerNumber: { en: 'Computer No.', hi: 'कंप्यूटर सं.' },
  receivedOn: { en: 'Received on', hi: 'प्राप्ति तिथि' },
  diarisedOn: { en: 'Diarised on', hi: 'डायरी तिथि' },
  section: { en: 'Section', hi: 'अनुभाग' },
  letterNumber: { en: 'Letter number', hi: 'पत्र संख्या' },
  letterDate: { en: 'Letter date', hi: 'पत्र की तिथि' },
  sender: { en: 'Sender', hi: 'प्रेषक' },
  subject: { en: 'Subject', hi: 'विषय' }
} satisfies Record<string, Label>;

/** What an acknowledgement to the sender states, in the order printed. */
export interface AcknowledgementContent {
  /** The department in Hindi and English, as on a bilingual letterhead. */
  department: Label;
  lines: { label: Label; value: string }[];
  fileName: string;
}

/** The facts of an acknowledgement: receipt number, dates, section, and the letter it answers (Hindi text too). */
export function acknowledgementContent(receipt: Receipt, hierarchy: Hierarchy | null): AcknowledgementContent {
  const t = ACKNOWLEDGEMENT_TEXT;
  const section = hierarchy?.sections.find((s) => s.code === receipt.section);
  const sender = senderLine(receipt.sender.name, receipt.sender.designation, receipt.sender.organisation || receipt.sender.ministry);
  const lines: { label: Label; value: string }[] = [
    { label: t.receiptNumber, value: receipt.receiptNumber },
    { label: t.computerNumber, value: receipt.computerNumber ? String(receipt.computerNumber) : '' },
    { label: t.receivedOn, value: officeDate(receipt.receivedDate) },
    { label: t.diarisedOn, value: officeDate(receipt.diarisedAt) },
    { label: t.section, value: section ? `${section.name.en} / ${section.name.hi} (${section.code})` : receipt.section },
    { label: t.letterNumber, value: receipt.letterNumber },
    { label: t.letterDate, value: officeDate(receipt.letterDate) },
    { label: t.sender, value: sender },
    { label: t.subject, value: receipt.subject }
  ];
  return {
    department: hierarchy?.department.name ?? { en: '', hi: '' },
    lines: lines.filter(({ value }) => value?.trim()),
    fileName: `Acknowledgement-${receipt.receiptNumber.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`
  };
}

/** Lays the acknowledgement out on an A4 page: letterhead, title, the facts in two columns, the request to quote. */
export async function writeAcknowledgement(writer: PdfWriter, content: AcknowledgementContent, generatedAt = new Date()): Promise<void> {
  const t = ACKNOWLEDGEMENT_TEXT;
  if (content.department.hi) await writer.text(content.department.hi, { size: 14, bold: true, align: 'center' });
  if (content.department.en) await writer.text(content.department.en, { size: 14, bold: true, align: 'center', spaceAfter: 4 });
  await writer.text(`${t.title.hi} / ${t.title.en}`, { size: 16, bold: true, align: 'center', spaceAfter: 6 });
  await writer.text(t.intro.hi, { size: 11 });
  await writer.text(t.intro.en, { size: 11, spaceAfter: 5 });
  await writer.fields(content.lines.map(({ label, value }) => [`${label.en}\n${label.hi}`, value]));
  writer.rule(4);
  await writer.text(t.quote.hi, { size: 10 });
  await writer.text(t.quote.en, { size: 10, spaceAfter: 3 });
  await writer.text(`${t.generated.en} / ${t.generated.hi}: ${officeDateTime(generatedAt)}`, { size: 9, color: '#555555' });
}

/** Builds the acknowledgement PDF (the writer and its fonts are loaded only when one is asked for). */
export async function acknowledgementPdf(receipt: Receipt, hierarchy: Hierarchy | null): Promise<{ doc: PdfDocument; fileName: string }> {
  const content = acknowledgementContent(receipt, hierarchy);
  const writer = await PdfWriter.create({
    title: `${ACKNOWLEDGEMENT_TEXT.title.en} ${receipt.receiptNumber}`,
    subject: receipt.subject,
    keywords: receipt.receiptNumber,
    header: receipt.receiptNumber,
    headerRight: content.department.en
  });
  await writeAcknowledgement(writer, content);
  return { doc: await writer.finish(), fileName: content.fileName };
}
