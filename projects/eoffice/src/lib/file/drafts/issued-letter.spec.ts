import { usePdfAssetsFromNodeModules } from '../../shared/pdf/pdf-testing.spec';
import { IssuedLetterService, withIssueNumber } from './issued-letter';

describe('issued letter', () => {
  beforeAll(usePdfAssetsFromNodeModules);

  it("makes the letter's number line the issue number, and leaves other mentions of the file number", () => {
    const html = '<p>No. A-11011/5/2026-EST-GAD</p><p>सं.&nbsp;A-11011/5/2026-EST-GAD</p><p>See file A-11011/5/2026-EST-GAD.</p>';
    expect(withIssueNumber(html, 'A-11011/5/2026-EST-GAD', 'A-11011/5(I)/2026-EST-GAD')).toBe(
      '<p>No. A-11011/5(I)/2026-EST-GAD</p><p>सं.&nbsp;A-11011/5(I)/2026-EST-GAD</p><p>See file A-11011/5/2026-EST-GAD.</p>'
    );
    expect(withIssueNumber(html, 'A-11011/5/2026-EST-GAD', 'A-11011/5/2026-EST-GAD')).toBe(html);
  });

  it('is an A4 PDF with the issue number on every page and the text of the letter', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `<p>${i + 1}. The undersigned is directed to convey the sanction.</p>`).join(
      ''
    );
    const letter = await new IssuedLetterService().pdf(
      `<h2>OFFICE MEMORANDUM</h2><p><strong>Subject:</strong> leave rules</p>${paragraphs}`,
      {
        issueNumber: 'A-11011/5(I)/2026-EST-GAD',
        subject: 'leave rules',
        issuedAt: new Date(2026, 10, 23, 15, 30)
      }
    );

    expect(letter.blob.type).toBe('application/pdf');
    expect(new TextDecoder().decode((await letter.blob.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(letter.pages.length).toBeGreaterThan(1);
    letter.pages.forEach((page, i) =>
      expect(page.join(' '))
        .withContext(`page ${i + 1}`)
        .toContain('A-11011/5(I)/2026-EST-GAD')
    );
    const all = letter.pages.map((p) => p.join(' ')).join(' ');
    expect(all).toContain('OFFICE MEMORANDUM');
    expect(all).toContain('60. The undersigned is directed');
  });
});
