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

/**
 * The host's Hindi for the Content App's and ADF's own keys (projects/content-app/src/i18n-hi): a key that is
 * not in the English it translates would never be shown (a typo, or a key renamed upstream), and a dropped
 * `{{ placeholder }}` would show a count or a name as nothing.
 */
describe("the host's Hindi for the Content App and ADF (projects/content-app/src/i18n-hi)", () => {
  const HOST = path.join(ROOT, 'projects/content-app/src/i18n-hi');
  const sources: Record<string, string> = {
    aca: 'node_modules/@alfresco/aca-content/assets/i18n/en.json',
    'adf-core': 'node_modules/@alfresco/adf-core/bundles/assets/adf-core/i18n/en.json',
    'adf-content-services': 'node_modules/@alfresco/adf-content-services/bundles/assets/adf-content-services/i18n/en.json'
  };
  const read = (file: string) => flat(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')));
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  const glossary = readGlossary(fs.readFileSync(path.join(ROOT, 'docs/glossary.md'), 'utf8'));

  for (const [folder, english] of Object.entries(sources)) {
    const en = read(english);
    const hi = read(path.relative(ROOT, path.join(HOST, folder, 'hi.json')));

    it(`${folder}: translates keys that exist, keeping their placeholders, in the glossary's terms`, () => {
      assert.ok(Object.keys(hi).length >= 40, `${folder}: ${Object.keys(hi).length} keys`);
      const wrong: string[] = [];
      for (const [key, text] of Object.entries(hi)) {
        if (!(key in en)) wrong.push(`${key}: not a key of ${english}`);
        else if (placeholders(en[key]).join() !== placeholders(text).join())
          wrong.push(`${key}: "${text}" lost a placeholder of "${en[key]}"`);
        else if (text.trim() === en[key].trim()) wrong.push(`${key}: still English`);
        for (const term of glossary)
          if (en[key]?.trim().toLowerCase() === term.en.toLowerCase() && text.trim() !== term.hi)
            wrong.push(`${key}: "${en[key]}" is "${text}", the glossary says "${term.hi}"`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('covers what an officer sees of the Content App: the Files menu, sign-in, the user menu and the paginator', () => {
    const all = Object.assign({}, ...Object.keys(sources).map((f) => read(path.relative(ROOT, path.join(HOST, f, 'hi.json')))));
    for (const key of [
      'APP.BROWSE.FILE.SIDENAV_LINK.LABEL',
      'APP.BROWSE.PERSONAL.SIDENAV_LINK.LABEL',
      'APP.BROWSE.SEARCH.SAVE_SEARCH.NAVBAR.MANAGE_BUTTON',
      'APP.SIGN_OUT',
      'LOGIN.LABEL.USERNAME',
      'CORE.PAGINATION.ITEMS_PER_PAGE',
      'SEARCH.INPUT.PLACEHOLDER'
    ])
      assert.ok(all[key], `${key} has Hindi`);
  });
});
