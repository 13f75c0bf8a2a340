import type { jsPDF } from 'jspdf';
import { Hierarchy } from '../../domain';
import { Receipt } from '../model/receipt.model';

/** What an acknowledgement to the sender states, in the order printed. */
export interface AcknowledgementContent {
  department: string;
  lines: [label: string, value: string][];
  fileName: string;
}

/**
 * The standard PDF fonts cover Latin-1 only; text in Devanagari needs an embedded font with shaping,
 * so such values are left out of the printed acknowledgement rather than printed as garbage.
 */
const printable = (value: string): boolean => /^[\u0020-\u00FF]*$/.test(value);

/** The facts of an acknowledgement: receipt number, dates, section, and the letter it answers. */
export function acknowledgementContent(receipt: Receipt, hierarchy: Hierarchy | null): AcknowledgementContent {
  const section = hierarchy?.sections.find((s) => s.code === receipt.section);
  const lines: [string, string][] = [
    ['Receipt number', receipt.receiptNumber],
    ['Received on', receipt.receivedDate],
    ['Diarised on', receipt.diarisedAt.slice(0, 10)],
    ['Section', section ? `${section.name.en} (${section.code})` : receipt.section],
    ['Letter number', receipt.letterNumber],
    ['Letter date', receipt.letterDate],
    ['Sender', receipt.sender.name],
    ['Subject', receipt.subject]
  ];
  return {
    department: hierarchy?.department.name.en ?? '',
    lines: lines.filter(([, value]) => value.trim() !== '' && printable(value)),
    fileName: `Acknowledgement-${receipt.receiptNumber.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`
  };
}

/** Lays the acknowledgement out on an A4 page. */
export function drawAcknowledgement(doc: jsPDF, content: AcknowledgementContent, generatedAt = new Date()): jsPDF {
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  if (content.department) doc.text(content.department, 105, 25, { align: 'center' });
  doc.setFontSize(16);
  doc.text('Acknowledgement of receipt', 105, 38, { align: 'center' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(11);
  doc.text('Your communication has been received and diarised as follows:', 20, 55);
  let y = 68;
  for (const [label, value] of content.lines) {
    doc.setFont('helvetica', 'bold');
    doc.text(label, 20, y);
    doc.setFont('helvetica', 'normal');
    const wrapped = doc.splitTextToSize(value, 120) as string[];
    doc.text(wrapped, 70, y);
    y += 8 * wrapped.length;
  }
  doc.setFontSize(9);
  doc.text(
    `Generated on ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Quote the receipt number in any reference.`,
    20,
    y + 12
  );
  return doc;
}

/** Builds the acknowledgement PDF (jsPDF is loaded only when one is asked for). */
export async function acknowledgementPdf(receipt: Receipt, hierarchy: Hierarchy | null): Promise<{ doc: jsPDF; fileName: string }> {
  const { jsPDF } = await import('jspdf');
  const content = acknowledgementContent(receipt, hierarchy);
  return { doc: drawAcknowledgement(new jsPDF({ unit: 'mm', format: 'a4' }), content), fileName: content.fileName };
}
