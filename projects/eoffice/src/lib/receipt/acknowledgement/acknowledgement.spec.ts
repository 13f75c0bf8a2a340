import { PdfWriter } from '../../shared/pdf/pdf-writer';
import { pdfText, usePdfjsOnMainThread } from '../../shared/pdf/pdf-testing.spec';
import { receiptNode, registryHierarchy } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { acknowledgementContent, acknowledgementPdf, writeAcknowledgement } from './acknowledgement';

describe('acknowledgement', () => {
  const receipt = toReceipt(receiptNode);
  beforeAll(usePdfjsOnMainThread);

  const value = (label: string) => acknowledgementContent(receipt, registryHierarchy).lines.find((l) => l.label.en === label)?.value;

  it('states the receipt number, dates and section the sender must quote', () => {
    const content = acknowledgementContent(receipt, registryHierarchy);

    expect(content.department).toEqual({ en: 'General Administration Department', hi: 'सामान्य प्रशासन विभाग' });
    expect(value('Receipt number')).toBe('12/2026/EST-GAD');
    expect(value('Computer No.')).toBe('2026000040');
    expect(value('Received on')).toBe('18/11/2026');
    expect(value('Letter date')).toBe('10/11/2026');
    expect(value('Section')).toBe('Establishment / स्थापना (EST)');
    expect(content.fileName).toBe('Acknowledgement-12-2026-EST-GAD.pdf');
  });

  it('keeps Hindi data: the subject in Devanagari is printed, labels in both languages', async () => {
    const content = acknowledgementContent(receipt, registryHierarchy);
    expect(value('Subject')).toBe('स्थानांतरण नीति 2026 पर टिप्पणियाँ');
    expect(value('Sender')).toBe('Anil Deshmukh, Deputy Secretary, General Administration Department');

    const writer = await PdfWriter.create({ title: 'ack' });
    await writeAcknowledgement(writer, content, new Date('2026-11-20T10:15:00+05:30'));
    const printed = writer.pages[0].join('\n');
    expect(printed).toContain('स्थानांतरण नीति 2026 पर टिप्पणियाँ');
    expect(printed).toContain('सामान्य प्रशासन विभाग');
    expect(printed).toContain('आवती संख्या');
    expect(printed).toContain('Generated on / तैयार किया गया: 20/11/2026 10:15');
  });

  it('produces a one-page PDF whose text layer carries the receipt number', async () => {
    const { doc, fileName } = await acknowledgementPdf(receipt, registryHierarchy);
    const bytes = doc.output('arraybuffer');

    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(doc.getNumberOfPages()).toBe(1);
    expect(fileName).toBe('Acknowledgement-12-2026-EST-GAD.pdf');
    const [page] = await pdfText(bytes);
    expect(page).toContain('12/2026/EST-GAD');
    expect(page).toContain('Acknowledgement of receipt');
  });
});
