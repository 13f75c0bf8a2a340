import { canvasFont, lineText, splitGraphemes, wrapRuns } from './pdf-text';

describe('wrapRuns', () => {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const size = 40;

  it('breaks lines at spaces and keeps every word', () => {
    const text = 'The draft policy is placed below for approval of the competent authority';
    ctx.font = canvasFont({}, size);
    const lines = wrapRuns(ctx, [{ text }], size, ctx.measureText('The draft policy is').width + 2);

    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map(lineText).join(' ')).toBe(text);
    lines.forEach((line) => expect(lineText(line)).not.toMatch(/^\s|\s$/));
  });

  it('never cuts a Devanagari conjunct or vowel sign from its letter', () => {
    const word = 'क्षत्रियस्वाभिमानप्रतिष्ठानम्'.repeat(3);
    const lines = wrapRuns(ctx, [{ text: word }], size, 120);

    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join('')).toBe(word);
    for (const line of lines.slice(1)) {
      // A line starting with a virama or a dependent vowel sign would mean a grapheme was split.
      expect(lineText(line)).not.toMatch(/^[\u093E-\u094D\u0900-\u0903]/);
    }
    expect(splitGraphemes('क्षि')).toEqual(['क्षि']);
  });

  it('breaks a file number after its slashes and hyphens, but never inside a date', () => {
    ctx.font = canvasFont({}, size);
    const narrow = ctx.measureText('A-11011/5/2026').width + 1;
    const lines = wrapRuns(ctx, [{ text: 'A-11011/5/2026-EST-GAD on 23-11-2026' }], size, narrow).map(lineText);

    expect(lines.join(' ').replace(/\/ /g, '/').replace(/- /g, '-')).toBe('A-11011/5/2026-EST-GAD on 23-11-2026');
    expect(lines[0]).toBe('A-11011/5/');
    expect(lines.some((line) => line.endsWith('23-11-2026'))).toBeTrue();
    expect(lines.some((line) => /(^|\s)(23-|23-11-)$/.test(line))).toBeFalse();
  });

  it('keeps runs in their own style and honours line breaks', () => {
    const lines = wrapRuns(ctx, [{ text: 'Approved.\n' }, { text: 'Issue', bold: true }, { text: ' the letter.' }], size, 5000);

    expect(lines.map(lineText)).toEqual(['Approved.', 'Issue the letter.']);
    expect(lines[1].pieces[0].run.bold).toBeTrue();
    expect(lines[1].pieces[1].x).toBeGreaterThan(0);
  });
});
