import { DRAFT_TEMPLATES, findTemplate, renderTemplate } from './draft-templates';

describe('draft templates', () => {
  const values = { fileNumber: 'A-11011/5/2026-EST-GAD', subject: 'Leave & "rules"', date: new Date('2026-01-05T10:00:00+05:30') };

  it('fills every placeholder of every template in both languages', () => {
    for (const template of DRAFT_TEMPLATES) {
      for (const language of ['en', 'hi'] as const) {
        const html = renderTemplate(template, language, values);
        expect(html).withContext(`${template.kind} ${language}`).not.toContain('{{');
        expect(html).toContain('A-11011/5/2026-EST-GAD');
        expect(html).toContain('Leave &amp; &quot;rules&quot;');
      }
    }
  });

  it('dates a letter DD/MM/YYYY (IST) in both languages, and puts Hindi first in a bilingual draft', () => {
    const html = renderTemplate(findTemplate('letter')!, 'bilingual', values);
    expect(html.match(/Dated: 05\/01\/2026|दिनांक: 05\/01\/2026/g)?.length).toBe(2);
    expect(html.indexOf('विषय')).toBeLessThan(html.indexOf('Subject'));
  });
});
