import { Hierarchy, parseHierarchy } from '@eoffice/domain';
import { groupMarkingOptions, markingOptions } from './marking-options';

const hierarchy: Hierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [
    { code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } },
    { code: 'ADM', name: { en: 'Administration', hi: 'प्रशासन' } }
  ],
  posts: [
    { code: 'JS', level: 5, designation: { en: 'Joint Secretary', hi: 'संयुक्त सचिव' } },
    { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' }, reportsTo: 'JS' },
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' },
    {
      code: 'ASO_EST',
      level: 1,
      section: 'EST',
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      reportsTo: 'SO_EST'
    },
    { code: 'SO_ADM', level: 2, section: 'ADM', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'JS' }
  ]
});

describe('marking options', () => {
  it('offers the channel of submission first, the post reported to at the top', () => {
    const options = markingOptions(hierarchy, 'SO_EST', 'en');
    expect(options[0].code).toBe('US_EST');
    const allowed = options.filter((o) => o.allowed).map((o) => o.code);
    expect(allowed).toContain('ASO_EST');
    expect(options.findIndex((o) => !o.allowed)).toBeGreaterThan(options.map((o) => o.allowed).lastIndexOf(true));
    expect(options.some((o) => o.code === 'SO_EST')).toBeFalse();
  });

  it('explains in Hindi why a post outside the channel is refused', () => {
    const other = markingOptions(hierarchy, 'ASO_EST', 'hi').find((o) => o.code === 'SO_ADM')!;
    expect(other.allowed).toBeFalse();
    expect(other.reason).toMatch(/[\u0900-\u097F]/);
    expect(other.title).toBe('अनुभाग अधिकारी (प्रशासन)');
  });

  it('says which levels a marking up the line skips', () => {
    const js = markingOptions(hierarchy, 'SO_EST', 'en').find((o) => o.code === 'JS')!;
    expect(js.allowed).toBeTrue();
    expect(js.jumped).toEqual(['US_EST']);
  });

  it('puts the frequent recipients on top in their order, each post once, a refused one still explained', () => {
    const options = markingOptions(hierarchy, 'ASO_EST', 'en');
    const { frequent, others } = groupMarkingOptions(options, ['SO_ADM', 'SO_EST', 'GONE']);
    expect(frequent.map((o) => o.code)).toEqual(['SO_ADM', 'SO_EST']);
    expect(frequent[0].allowed).toBeFalse();
    expect(frequent[0].reason).toContain('outside the channel of submission');
    expect(others.map((o) => o.code)).toEqual(options.map((o) => o.code).filter((c) => c !== 'SO_ADM' && c !== 'SO_EST'));
  });
});
