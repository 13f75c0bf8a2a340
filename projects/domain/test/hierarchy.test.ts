/**
 * The department hierarchy template and the channel of submission: who may mark to whom, with the
 * reason an officer would be shown, in English and Hindi.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  mayMark,
  parseHierarchy,
  postGroup,
  postOfGroup,
  reportingChain,
  routeDown,
  sectionGroup,
  departmentGroup,
  departmentSite,
  officerTitle,
  validateHierarchy,
  type Hierarchy
} from '@eoffice/domain';

/** The GAD template as the installer reads it (config/hierarchy/gad.hierarchy.json, its $schema key aside). */
const gad = (): Hierarchy => {
  const raw = JSON.parse(readFileSync(join(__dirname, '../../../config/hierarchy/gad.hierarchy.json'), 'utf8'));
  delete raw.$schema;
  return parseHierarchy(raw);
};

describe('hierarchy template', () => {
  it('the GAD template is valid: two sections, a full chain ASO to Secretary, fifteen posts with incumbents', () => {
    const h = gad();
    assert.equal(h.department.code, 'GAD');
    assert.equal(h.sections.length, 2);
    assert.equal(h.posts.length, 15);
    assert.ok(h.posts.every((p) => p.incumbent));
    assert.deepEqual(
      reportingChain(h, 'ASO_EST_1').map((p) => p.code),
      ['SO_EST', 'US_EST', 'DS', 'JS', 'SECY', 'MINISTER']
    );
    assert.equal(h.channel.maxLevelJump, 4);
  });

  it('refuses an incumbent name without an incumbent, or without Hindi', () => {
    const h = gad();
    const [first, second, ...rest] = h.posts;
    const problems = validateHierarchy({
      ...h,
      posts: [{ ...first, incumbent: undefined }, { ...second, incumbentName: { en: 'Meera Iyer' } }, ...rest]
    });
    assert.deepEqual(problems, [
      `post ${first.code}: incumbentName needs en and hi, and an incumbent`,
      `post ${second.code}: incumbentName needs en and hi, and an incumbent`
    ]);
  });

  it('names groups and the site after the department and post codes', () => {
    const h = gad();
    assert.equal(departmentGroup(h), 'GROUP_EO_GAD');
    assert.equal(sectionGroup(h, 'EST'), 'GROUP_EO_GAD_SECTION_EST');
    assert.equal(postGroup(h, 'SO_EST'), 'GROUP_EO_GAD_SO_EST');
    assert.equal(postOfGroup(h, 'GROUP_EO_GAD_SO_EST')?.code, 'SO_EST');
    assert.equal(departmentSite(h), 'eo-gad');
  });

  it('shows a post as officers pick it: the incumbent by name first, the post alone when it names nobody', () => {
    const h = gad();
    const so = h.posts.find((p) => p.code === 'SO_EST')!;
    assert.equal(officerTitle(h, so), 'Priya Nair (Section Officer, Establishment)');
    assert.equal(officerTitle(h, so, 'hi'), 'प्रिया नायर (अनुभाग अधिकारी, स्थापना)');
    // Three Assistant Section Officers of one section are told apart by name.
    const asos = h.posts.filter((p) => p.code.startsWith('ASO_EST')).map((p) => officerTitle(h, p));
    assert.equal(new Set(asos).size, 3);
    assert.equal(officerTitle(h, { ...so, incumbent: undefined, incumbentName: undefined }), 'Section Officer (Establishment)');
    const secretary = h.posts.find((p) => p.code === 'SECY')!;
    assert.equal(officerTitle(h, secretary), `Meera Iyer (${secretary.designation.en})`);
  });

  it('reports every problem of a broken hierarchy', () => {
    const problems = validateHierarchy({
      version: 1,
      department: { code: 'gad', name: { en: 'GAD' } },
      sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
      posts: [
        { code: 'SO', level: 2, section: 'EST', designation: { en: 'SO', hi: 'अनुभाग अधिकारी' }, reportsTo: 'ASO' },
        { code: 'ASO', level: 1, section: 'XYZ', designation: { en: 'ASO', hi: 'सहायक' }, reportsTo: 'SO' },
        { code: 'US', level: 9, designation: { en: 'US', hi: 'अवर सचिव' }, reportsTo: 'NOBODY' }
      ],
      channel: { maxLevelJump: 0 }
    });
    const expected = [
      'department.code',
      'department.name needs en and hi',
      'post SO: reports to ASO, which is not at a higher level',
      'post ASO: unknown section XYZ',
      'post US: level must be 1..8',
      'post US: reportsTo names unknown post NOBODY',
      'channel.maxLevelJump must be 1..7'
    ];
    for (const e of expected)
      assert.ok(
        problems.some((p) => p.includes(e)),
        `expected a problem like "${e}" in ${JSON.stringify(problems)}`
      );
    assert.throws(() => parseHierarchy({ version: 1 }), /Invalid hierarchy/);
  });
});

describe('mayMark: the channel of submission', () => {
  it('allows marking to the post one reports to and to posts that report to one', () => {
    const h = gad();
    const up = mayMark(h, 'ASO_EST_1', 'SO_EST');
    assert.equal(up.allowed, true);
    assert.match(up.reason.en, /reports to Section Officer \(Establishment\)/);
    assert.match(up.reason.hi, /अनुभाग अधिकारी \(स्थापना\)/);
    assert.equal(mayMark(h, 'SO_EST', 'ASO_EST_2').allowed, true);
    assert.equal(mayMark(h, 'SECY', 'MINISTER').allowed, true);
  });

  it('allows same-level posts of one section, not of another', () => {
    const h = gad();
    assert.equal(mayMark(h, 'ASO_EST_1', 'ASO_EST_3').allowed, true);
    assert.equal(mayMark(h, 'DS', 'DIR').allowed, true, 'posts above the sections count as one level group');
    const across = mayMark(h, 'ASO_EST_1', 'ASO_ADM_1');
    assert.equal(across.allowed, false);
    assert.match(across.reason.en, /outside the channel of submission/);
    assert.match(across.reason.hi, /प्रस्तुतीकरण माध्यम से बाहर/);
    assert.equal(mayMark(h, 'SO_EST', 'SO_ADM').allowed, false);
  });

  it('allows jumps of up to four levels along the reporting line and names the levels jumped', () => {
    const h = gad();
    const jump = mayMark(h, 'ASO_EST_1', 'JS');
    assert.equal(jump.allowed, true);
    assert.deepEqual(jump.jumped, ['SO_EST', 'US_EST', 'DS']);
    const down = mayMark(h, 'JS', 'ASO_EST_1');
    assert.equal(down.allowed, true);
    assert.deepEqual(down.jumped, ['DS', 'US_EST', 'SO_EST']);
  });

  it('refuses a jump of more than four levels, saying where to mark instead', () => {
    const h = gad();
    const far = mayMark(h, 'ASO_EST_1', 'SECY');
    assert.equal(far.allowed, false);
    assert.match(far.reason.en, /6 levels above .* at most 4 levels/);
    assert.match(far.reason.en, /Joint Secretary first/);
    assert.match(far.reason.hi, /अधिकतम 4 स्तर/);
    // A department may allow less.
    const strict = { ...h, channel: { ...h.channel, maxLevelJump: 2 } };
    assert.equal(mayMark(strict, 'ASO_EST_1', 'US_EST').allowed, true);
    assert.equal(mayMark(strict, 'ASO_EST_1', 'DS').allowed, false);
  });

  it('honours extra links of the department, refuses marking to oneself and unknown posts', () => {
    const h = gad();
    assert.equal(mayMark(h, 'CRU', 'ASO_EST_2').allowed, true);
    assert.match(mayMark(h, 'CRU', 'ASO_EST_2').reason.en, /department allows/);
    assert.equal(mayMark(h, 'ASO_EST_2', 'CRU').allowed, false, 'extra links go one way');
    assert.equal(mayMark(h, 'SO_EST', 'SO_EST').allowed, false);
    assert.match(mayMark(h, 'SO_EST', 'XX').reason.en, /Unknown post XX/);
  });

  it('routes a file coming down through the levels it jumped on the way up', () => {
    const h = gad();
    const { jumped } = mayMark(h, 'ASO_EST_1', 'JS');
    // JS marks it back to the ASO: it goes to the highest jumped level first, then down.
    assert.equal(routeDown(h, 'JS', 'ASO_EST_1', jumped), 'DS');
    assert.equal(routeDown(h, 'DS', 'ASO_EST_1', ['SO_EST', 'US_EST']), 'US_EST');
    assert.equal(routeDown(h, 'SO_EST', 'ASO_EST_1', []), 'ASO_EST_1');
    const relaxed = { ...h, channel: { ...h.channel, returnThroughJumpedLevels: false } };
    assert.equal(routeDown(relaxed, 'JS', 'ASO_EST_1', jumped), 'ASO_EST_1');
  });
});
