/**
 * The Hindi of the extension uses the glossary's terms (docs/glossary.md): a string whose English is a term
 * carries the term's Hindi, and a string whose English uses a term never carries the word listed as wrong
 * for it (unless its English also names what that word means, e.g. "Remarks on the note").
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const flat = (o: Record<string, unknown>, prefix = '', out: Record<string, string> = {}): Record<string, string> => {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object') flat(v as Record<string, unknown>, `${prefix}${k}.`, out);
    else out[`${prefix}${k}`] = String(v);
  }
  return out;
};
const strings = (lang: string) =>
  flat(JSON.parse(fs.readFileSync(path.join(ROOT, 'projects/eoffice/assets/i18n', `${lang}.json`), 'utf8')));

interface Term {
  en: string;
  hi: string;
  not?: string;
}

/** The glossary table: | English | हिन्दी | not | why |. */
function readGlossary(markdown: string): Term[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim())
    )
    .filter(([en, hi]) => en && hi && en !== 'English' && !/^-+$/.test(en))
    .map(([en, hi, not]) => ({ en, hi, not: not || undefined }));
}

/** The term as a whole word of the text (`Remarks (optional)` has it, `Premarks` does not). */
const wordIn = (text: string, term: string) =>
  new RegExp(`(^|[^\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text);

describe('the Hindi glossary (docs/glossary.md)', () => {
  const glossary = readGlossary(fs.readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8'));
  const en = strings('en');
  const hi = strings('hi');

  it('is read from the docs (a table of terms)', () => {
    assert.ok(glossary.length >= 15, `${glossary.length} terms`);
    assert.deepEqual(
      glossary.find((t) => t.en === 'Remarks'),
      { en: 'Remarks', hi: 'अभ्युक्ति', not: 'टिप्पणी' }
    );
  });

  it('a string that is a term says it as the glossary does', () => {
    const wrong: string[] = [];
    for (const term of glossary)
      for (const [key, english] of Object.entries(en))
        if (english.trim().toLowerCase() === term.en.toLowerCase() && hi[key]?.trim() !== term.hi)
          wrong.push(`${key}: "${english}" is "${hi[key]}", the glossary says "${term.hi}"`);
    assert.deepEqual(wrong, []);
  });

  it('a string that uses a term never carries the word that means something else', () => {
    const wrong: string[] = [];
    for (const term of glossary.filter((t) => t.not)) {
      // Terms whose Hindi is the avoided word: a string naming one of them may use it.
      const meant = glossary.filter((t) => t !== term && t.hi.includes(term.not!));
      for (const [key, english] of Object.entries(en)) {
        if (!wordIn(english, term.en) || !hi[key]?.includes(term.not!)) continue;
        if (meant.some((m) => wordIn(english, m.en))) continue;
        wrong.push(`${key}: "${english}" says "${term.not}" in "${hi[key]}" (the glossary: ${term.hi})`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
