/**
 * Record categories and retention schedules (CSMOP, issue 17): the CSMOP template is valid, and a schedule
 * AGS would refuse is refused before install writes anything, with AGS's reason and where it is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  CSMOP_KEEPING,
  describeRetentionStep,
  expectedRetentionStep,
  parseRetentionConfig,
  retentionCategoryFor,
  retentionStepDifference,
  retentionStepRequest,
  retentionStepRules,
  stepProblems,
  type RetentionStep
} from '@eoffice/domain';

const raw = () => JSON.parse(readFileSync(join(__dirname, '../../../config/retention/csmop.retention.json'), 'utf8'));
const label = (en: string) => ({ en, hi: `${en} (हिन्दी)` });
const step = (name: RetentionStep['name'], more: Partial<RetentionStep> = {}): RetentionStep => ({
  name,
  description: label(name),
  period: 'immediately',
  periodProperty: 'rma:dispositionAsOf',
  events: [],
  ...more
});
const CUTOFF = step('cutoff', { period: 'none', periodProperty: 'cm:created', events: ['case_closed'] });
const RETAIN_5 = step('retain', { period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate' });
/** A config of one category with these steps (and sub-categories). */
const config = (steps: unknown[], subCategories: unknown[] = [], code = 'C') => ({
  version: 1,
  categories: [
    {
      code,
      name: label('Category'),
      schedule: { authority: 'CSMOP', instructions: label('Keep'), isRecordLevel: false, steps },
      subCategories
    }
  ]
});
const refused = (json: unknown, message: RegExp) => assert.throws(() => parseRetentionConfig(json), message);

describe('retention config', () => {
  it('the CSMOP template: A to the National Archives, B kept for ever, C and its sub-categories destroyed after their years', () => {
    const c = parseRetentionConfig(raw());
    assert.deepEqual(
      c.categories.map((x) => x.code),
      ['A', 'B', 'C']
    );
    const steps = (code: string) => {
      const found = [...c.categories, ...c.categories.flatMap((x) => x.subCategories)].find((x) => x.code === code)!;
      return found.schedule.steps.map(describeRetentionStep);
    };
    assert.deepEqual(steps('A'), [
      'cutoff none from cm:created on case_closed',
      'retain year|25 from rma:cutOffDate',
      'accession immediately from rma:dispositionAsOf'
    ]);
    assert.deepEqual(steps('B'), ['cutoff none from cm:created on case_closed', 'retain none from rma:cutOffDate']);
    assert.deepEqual(steps('C-5'), [
      'cutoff none from cm:created on case_closed',
      'retain year|5 from rma:cutOffDate',
      'destroyContent immediately from rma:dispositionAsOf'
    ]);
    assert.deepEqual(
      c.categories[2].subCategories.map((s) => s.code),
      ['C-1', 'C-3', 'C-5', 'C-10']
    );
    for (const x of [...c.categories, ...c.categories.flatMap((y) => y.subCategories)]) {
      assert.equal(x.schedule.isRecordLevel, false, `${x.code}: an e-file is kept and disposed of whole`);
      assert.match(x.name.hi, /[\u0900-\u097F]/, `${x.code} has a Hindi name`);
    }
  });

  it('finds the category a closed file is recorded in from its record category and retention years', () => {
    const c = parseRetentionConfig(raw());
    assert.equal(retentionCategoryFor(c, 'C', 5)?.code, 'C-5');
    assert.equal(retentionCategoryFor(c, 'C', 7)?.code, 'C', 'no C-7: the category itself');
    assert.equal(retentionCategoryFor(c, 'A', 5)?.code, 'A');
    assert.equal(retentionCategoryFor(c, 'Z'), undefined);
  });

  it('refuses step orders AGS refuses, with its reason and where the step is', () => {
    refused(
      config([step('transfer', { location: 'NAI' }), CUTOFF]),
      /categories\[0\] \(C\)\.schedule\.steps\[0\] \(transfer\): cutoff or retain should be the first step/
    );
    refused(
      config([CUTOFF, step('destroyContent'), step('accession')]),
      /steps\[2\] \(accession\): destroy action is already added. No other action is allowed after Destroy/
    );
    refused(config([CUTOFF, step('destroyContent'), step('destroyNode')]), /steps\[2\] \(destroyNode\): destroy action is already added/);
    refused(
      config([CUTOFF, RETAIN_5, RETAIN_5]),
      /steps\[2\] \(retain\): this step already exists. Only transfer action is allowed multiple times/
    );
    refused(
      config([RETAIN_5, step('transfer', { location: 'Record room' }), CUTOFF]),
      /steps\[2\] \(cutoff\): can't use cutoff after transfer or accession/
    );
    refused(config([RETAIN_5, step('accession'), CUTOFF]), /can't use cutoff after transfer or accession/);
    refused(config([CUTOFF, step('shred' as never)]), /steps\[1\] \(shred\): name value is invalid: shred/);
    // Transfer, and transfer only, may repeat.
    assert.doesNotThrow(() =>
      parseRetentionConfig(
        config([
          CUTOFF,
          RETAIN_5,
          step('transfer', { location: 'Record room' }),
          step('transfer', { location: 'NAI' }),
          step('destroyContent')
        ])
      )
    );
  });

  it('names every rule a draft step breaks by code, for a form to word; the installer keeps the first answer of AGS alone', () => {
    const destroy = step('destroyContent');
    // A form's draft: the amount may be null, the location empty, the description plain text.
    const draft = { name: 'cutoff', period: 'year', periodAmount: null, periodProperty: 'rma:cutOffDate', events: [], location: '' };
    assert.deepEqual(retentionStepRules({ ...draft, name: '' }, [], false), ['name-missing']);
    assert.deepEqual(retentionStepRules(draft, [RETAIN_5, step('transfer', { location: 'NAI' }), destroy], false), [
      'after-destroy',
      'cutoff-after-transfer',
      'cutoff-from-cutoff',
      'location-not-transfer',
      'amount-missing',
      'description-missing'
    ]);
    assert.deepEqual(retentionStepRules({ ...draft, name: 'cutoff' }, [CUTOFF, step('accession')], false).slice(0, 2), [
      'repeated',
      'cutoff-after-transfer'
    ]);
    assert.deepEqual(
      retentionStepRules({ ...draft, name: 'transfer', periodAmount: 2, periodProperty: 'rma:dateFiled' }, [], false).slice(0, 3),
      ['first-step', 'filed-not-record-level', 'location-missing']
    );
    assert.deepEqual(retentionStepRules(RETAIN_5, [CUTOFF], false), []);
    assert.deepEqual(retentionStepRules(step('transfer', { location: 'NAI' }), [CUTOFF, step('transfer', { location: 'x' })], false), []);
    // The same step in the installer's words: AGS answers the first rule of order alone.
    assert.deepEqual(stepProblems(draft, [RETAIN_5, step('transfer', { location: 'NAI' }), destroy], false), [
      'destroy action is already added. No other action is allowed after Destroy'
    ]);
    assert.deepEqual(stepProblems({ ...draft, name: 'retain', periodAmount: 1, periodProperty: 'cm:created' }, [CUTOFF], false), [
      'location is only valid for the transfer step',
      'description needs en and hi'
    ]);
  });

  it('refuses period properties, events and fields AGS refuses for the step', () => {
    refused(
      config([step('cutoff', { period: 'none', periodProperty: 'rma:cutOffDate', events: ['case_closed'] })]),
      /rma:cutOffDate is not valid for the cutoff step/
    );
    refused(
      config([CUTOFF, step('retain', { period: 'year', periodAmount: 1, periodProperty: 'rma:dateFiled' })]),
      /rma:dateFiled is valid only in a record-level schedule/
    );
    refused(
      config([CUTOFF, step('retain', { period: 'year', periodAmount: 1, periodProperty: 'cm:modified' as never })]),
      /periodProperty must be one of/
    );
    refused(
      config([step('cutoff', { period: 'none', periodProperty: 'cm:created', events: ['lunch'] })]),
      /events must list events AGS knows/
    );
    refused(config([CUTOFF, step('retain', { period: 'fortnight' as never })]), /period must be one of/);
    refused(config([CUTOFF, step('retain', { period: 'year', periodProperty: 'rma:cutOffDate' })]), /period year needs periodAmount/);
    refused(
      config([CUTOFF, step('retain', { period: 'yearend', periodAmount: 2, periodProperty: 'rma:cutOffDate' })]),
      /periodAmount is kept only with/
    );
    refused(
      config([CUTOFF, step('retain', { period: 'year', periodAmount: 1, periodProperty: 'rma:cutOffDate', location: 'x' })]),
      /location is only valid for the transfer step/
    );
    refused(config([CUTOFF, step('transfer')]), /a transfer step needs its location/);
    refused(
      config([
        CUTOFF,
        step('retain', { period: 'year', periodAmount: 1, periodProperty: 'rma:cutOffDate', combineRetentionStepConditions: true })
      ]),
      /combineRetentionStepConditions is only valid for the accession step/
    );
    refused(
      config([CUTOFF, step('retain', { period: 'none', periodProperty: 'rma:cutOffDate' }), step('destroyContent')]),
      /falls due neither by date .* never reached/
    );
  });

  it('checks codes: sub-categories are <code>-<n> and keep their records n years; names in English and Hindi', () => {
    const sub = (code: string, steps: unknown[]) => ({
      code,
      name: label(code),
      schedule: { authority: 'CSMOP', instructions: label('Keep'), isRecordLevel: false, steps }
    });
    assert.equal(
      parseRetentionConfig(config([CUTOFF, RETAIN_5, step('destroyContent')], [sub('C-5', [CUTOFF, RETAIN_5, step('destroyContent')])]))
        .categories[0].subCategories[0].code,
      'C-5'
    );
    refused(
      config([CUTOFF], [sub('C-3', [CUTOFF, RETAIN_5])]),
      /subCategories\[0\] \(C-3\): its retain step must keep the records 3 year\(s\)/
    );
    refused(config([CUTOFF], [sub('D-3', [CUTOFF])]), /a sub-category's code is C-<n>/);
    refused(config([CUTOFF], [], 'c'), /code must be a record category such as A, B or C/);
    refused(
      { version: 1, categories: [config([CUTOFF]).categories[0], config([CUTOFF]).categories[0]] },
      /categories\[1\] \(C\): code repeated/
    );
    refused(
      { ...config([CUTOFF]), categories: [{ ...config([CUTOFF]).categories[0], name: { en: 'Only English' } }] },
      /name needs en and hi/
    );
    refused({ version: 2, categories: [] }, /version must be 1; categories must list at least one category/);
  });

  it('sends a step as the GS API takes it and compares it with the step AGS answers', () => {
    const destroy = step('destroyContent');
    assert.deepEqual(retentionStepRequest(RETAIN_5), {
      name: 'retain',
      description: 'retain / retain (हिन्दी)',
      period: 'year',
      periodAmount: 5,
      periodProperty: 'rma:cutOffDate',
      events: []
    });
    // As AGS answers: destroyContent is "destroy" keeping the metadata; no events field when there are none.
    const held = {
      name: 'destroy',
      description: 'destroyContent / destroyContent (हिन्दी)',
      period: 'immediately',
      periodProperty: 'rma:dispositionAsOf',
      retainRecordMetadataAfterDestruction: true
    };
    assert.equal(retentionStepDifference(destroy, held), '');
    assert.match(retentionStepDifference(step('destroyNode'), held), /retainRecordMetadataAfterDestruction/);
    assert.equal(
      retentionStepDifference(RETAIN_5, {
        name: 'retain',
        description: 'retain / retain (हिन्दी)',
        period: 'year',
        periodAmount: 3,
        periodProperty: 'rma:cutOffDate'
      }),
      'periodAmount 3 instead of 5'
    );
  });
});

describe('what an officer is told of a closed file’s next retention step', () => {
  it('CSMOP_KEEPING says what config/retention says: cut off on closing, the years kept, the step after', () => {
    const config = parseRetentionConfig(raw());
    assert.deepEqual(Object.keys(CSMOP_KEEPING).sort(), config.categories.map((c) => c.code).sort());
    for (const c of config.categories) {
      const [cutoff, retain, then] = c.schedule.steps;
      assert.equal(cutoff.name, 'cutoff', c.code);
      assert.deepEqual(cutoff.events, ['case_closed'], c.code);
      assert.equal(retain.name, 'retain', c.code);
      assert.equal(retain.periodProperty === 'rma:cutOffDate' || retain.period === 'none', true, c.code);
      assert.deepEqual(
        { years: retain.period === 'year' ? retain.periodAmount : null, then: then?.name ?? null },
        CSMOP_KEEPING[c.code],
        c.code
      );
      // A sub-category `<code>-<n>` keeps n years and then does what its root does.
      for (const s of c.subCategories) {
        const years = Number(s.code.split('-')[1]);
        assert.deepEqual(
          s.schedule.steps.map((x) => [x.name, x.period === 'year' ? x.periodAmount : x.period]),
          [
            ['cutoff', 'none'],
            ['retain', years],
            [CSMOP_KEEPING[c.code].then, 'immediately']
          ],
          s.code
        );
      }
    }
  });

  it('before the cut-off: the cut-off, due when the case closed; after it: the retention, due its years later', () => {
    const closedAt = '2026-12-07T10:00:00.000Z';
    assert.deepEqual(expectedRetentionStep({ category: 'C-5', closedAt }), { step: 'cutoff', asOf: closedAt });
    assert.deepEqual(expectedRetentionStep({ category: 'C-5', closedAt, cutOffAt: '2026-12-08T09:00:00.000Z' }), {
      step: 'retain',
      asOf: '2031-12-08T09:00:00.000Z'
    });
    assert.equal(expectedRetentionStep({ category: 'C', cutOffAt: '2026-12-08T09:00:00.000Z' })?.asOf, '2036-12-08T09:00:00.000Z');
    assert.equal(expectedRetentionStep({ category: 'A', cutOffAt: '2026-12-08T09:00:00.000Z' })?.asOf, '2051-12-08T09:00:00.000Z');
    assert.deepEqual(expectedRetentionStep({ category: 'B', cutOffAt: '2026-12-08T09:00:00.000Z' }), { step: 'retain', asOf: null });
    assert.equal(expectedRetentionStep({ category: 'C-5', cutOffAt: '2026-12-08T09:00:00.000Z', disposed: true }), undefined);
    assert.equal(expectedRetentionStep({ category: 'Z' }), undefined);
  });
});
