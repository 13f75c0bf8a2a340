import { receiptNode, registryHierarchy } from '../mock/receipt.mock';
import { toReceipt } from '../model/receipt.model';
import { acknowledgementContent, acknowledgementPdf } from './acknowledgement';

describe('acknowledgement', () => {
  const receipt = toReceipt(receiptNode);

  it('states the receipt number, dates and section the sender must quote', () => {
    const content = acknowledgementContent(receipt, registryHierarchy);

    expect(content.department).toBe('General Administration Department');
    expect(content.lines).toContain(['Receipt number', '12/2026/EST-GAD']);
    expect(content.lines).toContain(['Received on', '2026-11-18']);
    expect(content.lines).toContain(['Section', 'Establishment (EST)']);
    expect(content.fileName).toBe('Acknowledgement-12-2026-EST-GAD.pdf');
  });

  it('leaves out Devanagari text that the standard PDF fonts cannot print', () => {
    const content = acknowledgementContent(receipt, registryHierarchy);

    expect(content.lines.map(([label]) => label)).not.toContain('Subject');
    expect(content.lines).toContain(['Sender', 'Anil Deshmukh']);
  });

  it('produces a one-page PDF carrying the receipt number', async () => {
    const { doc } = await acknowledgementPdf(receipt, registryHierarchy);
    const bytes = doc.output();

    expect(bytes.startsWith('%PDF-')).toBeTrue();
    expect(doc.getNumberOfPages()).toBe(1);
    expect(bytes).toContain('12/2026/EST-GAD');
  });
});
