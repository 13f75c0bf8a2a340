/**
 * The subject-head index files are numbered under: the shipped one is valid and names only sections of
 * the shipped hierarchy; a broken one is refused with every problem named; sections see their heads.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_DIR, loadArtefacts } from '../src/config';
import { headCode, headsForSection, parseSubjectHeadIndex, formatFileNumber } from '@eoffice/domain';

describe('subject-head index', () => {
  it('the shipped index is valid, bilingual, and names only sections of the shipped hierarchy', () => {
    const a = loadArtefacts();
    const sections = new Set(a.hierarchy.sections.map((s) => s.code));
    assert.ok(a.subjectHeads.heads.length >= 5);
    for (const h of a.subjectHeads.heads) {
      assert.match(h.name.hi, /[\u0900-\u097F]/, `${headCode(h)} has a Hindi name`);
      for (const s of h.sections ?? []) assert.ok(sections.has(s), `${headCode(h)} names section ${s}`);
      // every head makes a valid functional file number
      formatFileNumber({
        basicHead: h.basic,
        primaryHead: h.primary,
        secondaryHead: h.secondary,
        serial: 1,
        year: 2026,
        section: 'EST',
        department: 'GAD'
      });
    }
    assert.equal(a.subjectHeadsJson, JSON.stringify(parseSubjectHeadIndex(JSON.parse(a.subjectHeadsJson)), null, 2) + '\n');
  });

  it('a section sees its own heads and the department-wide ones, not another section’s', () => {
    const index = parseSubjectHeadIndex(
      JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, 'subject-heads', 'gad.subject-heads.json'), 'utf8'))
    );
    const est = headsForSection(index, 'EST').map(headCode);
    const adm = headsForSection(index, 'ADM').map(headCode);
    assert.ok(est.includes('A-11011'));
    assert.ok(!est.includes('G-20011'));
    assert.ok(adm.includes('G-20011'));
    assert.ok(!adm.includes('A-11011'));
    // heads without sections (Parliament questions, RTI) are open to both
    assert.ok(est.includes('H-11013') && adm.includes('H-11013'));
  });

  it('a broken index is refused, naming every problem', () => {
    assert.throws(
      () =>
        parseSubjectHeadIndex({
          version: 1,
          heads: [
            { basic: 'a', primary: '1', secondary: '0111', name: { en: 'x', hi: '' } },
            { basic: 'A', primary: '11', secondary: '011', name: { en: 'Recruitment', hi: 'भर्ती' }, sections: ['est'] },
            { basic: 'A', primary: '11', secondary: '011', name: { en: 'Again', hi: 'पुनः' } }
          ]
        }),
      (e: Error) =>
        /heads\[0\]\.basic/.test(e.message) &&
        /heads\[0\]\.primary/.test(e.message) &&
        /heads\[0\]\.secondary/.test(e.message) &&
        /heads\[0\]\.name needs en and hi/.test(e.message) &&
        /heads\[1\]\.sections/.test(e.message) &&
        /heads\[2\] repeats A-11011/.test(e.message)
    );
    assert.throws(() => parseSubjectHeadIndex({ version: 2, heads: [] }), /version must be 1; heads must list at least one head/);
  });
});
