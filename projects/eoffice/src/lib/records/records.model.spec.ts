import en from '../../../assets/i18n/en.json';
import hi from '../../../assets/i18n/hi.json';
import { recordsWords } from './records-failure';
import {
  RecordCategory,
  RetentionSchedule,
  RetentionStep,
  StepDraft,
  completionAction,
  dueItem,
  filePlanTree,
  serverMessage,
  stepBody,
  stepInWords,
  stepProblems,
  toTransferredRecord
} from './records.model';

/** A translate.instant over the app's strings, enough for the step sentences. */
function instantOf(strings: unknown) {
  return (key: string, params: Record<string, string | number> = {}): string => {
    const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);
    return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? '')) : key;
  };
}
const english = recordsWords(instantOf(en));
const hindi = recordsWords(instantOf(hi));

const step = (s: Partial<RetentionStep>): RetentionStep => ({ id: s.name ?? 'x', index: 0, name: 'retain', events: [], ...s });
const draft = (d: Partial<StepDraft>): StepDraft => ({
  name: 'retain',
  period: 'year',
  periodAmount: 5,
  periodProperty: 'rma:cutOffDate',
  events: [],
  location: '',
  description: '',
  ...d
});

describe('records model', () => {
  it('puts a CSMOP category C schedule in words, in English and Hindi', () => {
    const cutoff = step({ name: 'cutoff', period: 'none', periodProperty: 'cm:created', events: ['case_closed'] });
    const retain = step({ name: 'retain', period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate' });
    const destroy = step({ name: 'destroy', period: 'immediately', periodProperty: 'rma:dispositionAsOf' });
    expect([cutoff, retain, destroy].map((s) => stepInWords(s, english))).toEqual([
      'Cut off when the case is closed',
      'Keep 5 years after cut-off',
      'Destroy'
    ]);
    expect(stepInWords(retain, hindi)).toBe('रखें — कट-ऑफ़ से 5 वर्ष बाद तक');
    expect(stepInWords(step({ name: 'retain', period: 'none', periodProperty: 'rma:cutOffDate' }), english)).toBe('Keep permanently');
    expect(stepInWords(step({ name: 'retain', period: 'none' }), hindi)).toBe('रखें — स्थायी रूप से');
    expect(stepInWords(step({ name: 'retain', period: 'month', periodAmount: 1 }), english)).toBe('Keep 1 month after creation');
    expect(stepInWords(step({ name: 'transfer', period: 'immediately', location: 'National Archives' }), english)).toBe(
      'Transfer to National Archives immediately'
    );
    // An event this app has no words for is shown by its name, never as a translation key.
    expect(stepInWords(step({ name: 'cutoff', period: 'none', events: ['WGI_action_complete'] }), english)).toBe(
      'Cut off when wgi action complete'
    );
  });

  it('lists what AGS would refuse about a new step before it is sent', () => {
    const cutoff = step({ name: 'cutoff' });
    const destroy = step({ name: 'destroy' });
    expect(stepProblems(draft({ name: '' }), [], false)).toEqual(['EOFFICE.RECORDS.RULE.NAME_REQUIRED']);
    expect(stepProblems(draft({ name: 'transfer', location: 'NAI' }), [], false)).toEqual(['EOFFICE.RECORDS.RULE.FIRST_STEP']);
    expect(stepProblems(draft({ name: 'retain' }), [cutoff], false)).toEqual([]);
    expect(stepProblems(draft({ name: 'cutoff', period: 'immediately', periodProperty: 'cm:created' }), [cutoff], false)).toEqual([
      'EOFFICE.RECORDS.RULE.ONCE_ONLY'
    ]);
    expect(stepProblems(draft({ name: 'retain' }), [cutoff, destroy], false)).toEqual(['EOFFICE.RECORDS.RULE.NOTHING_AFTER_DESTROY']);
    expect(
      stepProblems(
        draft({ name: 'cutoff', period: 'immediately', periodProperty: 'cm:created' }),
        [step({ name: 'retain' }), step({ name: 'transfer' })],
        false
      )
    ).toEqual(['EOFFICE.RECORDS.RULE.NO_CUTOFF_AFTER_TRANSFER']);
    expect(stepProblems(draft({ name: 'cutoff', periodProperty: 'rma:cutOffDate' }), [], false)).toEqual([
      'EOFFICE.RECORDS.RULE.CUTOFF_FROM_ITSELF'
    ]);
    expect(stepProblems(draft({ periodAmount: null }), [cutoff], false)).toEqual(['EOFFICE.RECORDS.RULE.AMOUNT']);
    expect(stepProblems(draft({ periodProperty: 'rma:dateFiled' }), [cutoff], false)).toEqual(['EOFFICE.RECORDS.RULE.FILED_RECORD_LEVEL']);
    expect(stepProblems(draft({ name: 'transfer', period: 'immediately' }), [cutoff], false)).toEqual(['EOFFICE.RECORDS.RULE.LOCATION']);
    expect(
      stepProblems(draft({ name: 'transfer', period: 'immediately', location: 'NAI' }), [cutoff, step({ name: 'transfer' })], false)
    ).toEqual([]);
  });

  it('sends a step as AGS takes it: the amount only for a counted period, the location only for a transfer', () => {
    expect(stepBody(draft({}))).toEqual({
      name: 'retain',
      description: 'retain',
      period: 'year',
      periodAmount: 5,
      periodProperty: 'rma:cutOffDate',
      events: []
    });
    expect(stepBody(draft({ name: 'transfer', period: 'immediately', location: ' NAI ', description: 'To the archives' }))).toEqual({
      name: 'transfer',
      description: 'To the archives',
      period: 'immediately',
      periodProperty: 'rma:cutOffDate',
      events: [],
      location: 'NAI'
    });
  });

  it('finds a due step: its date passed or its events complete, not yet done', () => {
    const today = new Date('2031-12-06T10:00:00Z');
    const action = (properties: Record<string, unknown>) => ({
      id: 'a1',
      name: 'a1',
      parentId: 'f1',
      properties: { 'rma:dispositionAction': 'destroy', ...properties },
      path: {
        name: '/Company Home/Sites/rm/documentLibrary/C-5/A-12-2026-Estt',
        elements: [
          { id: 'root', name: 'Company Home' },
          { id: 'f1', name: 'A-12-2026-Estt' }
        ]
      }
    });
    expect(dueItem(action({ 'rma:dispositionAsOf': '2031-12-01T00:00:00.000Z' }), today)).toEqual({
      itemId: 'f1',
      itemName: 'A-12-2026-Estt',
      location: 'C-5',
      step: 'destroy',
      asOf: '2031-12-01T00:00:00.000Z',
      eventsEligible: false
    });
    expect(dueItem(action({ 'rma:dispositionAsOf': '2032-01-01T00:00:00.000Z' }), today)).toBeNull();
    expect(dueItem(action({ 'rma:dispositionEventsEligible': true }), today)?.asOf).toBeNull();
    expect(
      dueItem(action({ 'rma:dispositionAsOf': '2031-12-01T00:00:00.000Z', 'rma:dispositionActionCompletedAt': '2031-12-02' }), today)
    ).toBeNull();
  });

  it("reads the repository's words from a GS refusal and from the ExecutionQueue's", () => {
    const gs = new Error(
      JSON.stringify({ error: { briefSummary: '07060001 Invalid Step - cutoff or retain should be the first step', statusCode: 422 } })
    );
    expect(serverMessage(gs)).toBe('Invalid Step - cutoff or retain should be the first step');
    const queue = new Error(
      JSON.stringify({ status: { code: 500 }, message: 'The record or record folder X isn\u2019t yet ready for retention action destroy.' })
    );
    expect(serverMessage(queue)).toContain('yet ready for retention action destroy');
    expect(serverMessage(new Error(''))).toBeNull();
  });

  it('lays the file plan out as a tree: sub-categories below their parent, C-2 before C-10, schedules own or inherited', () => {
    const schedule = (id: string): RetentionSchedule => ({ id, isRecordLevel: false, steps: [] });
    const flat: RecordCategory[] = [
      { id: 'c10', name: 'C-10', schedule: schedule('s10'), parentId: 'c' },
      { id: 'b', name: 'B', schedule: schedule('sb') },
      { id: 'c', name: 'C', schedule: schedule('sc') },
      { id: 'c2', name: 'C-2', schedule: schedule('sc'), parentId: 'c' },
      { id: 'c2x', name: 'C-2 (old)', schedule: schedule('sc'), parentId: 'c2' },
      { id: 'a', name: 'A', schedule: null }
    ];
    expect(filePlanTree(flat).map((c) => [c.name, c.depth, c.inheritedFrom ?? null])).toEqual([
      ['A', 0, null],
      ['B', 0, null],
      ['C', 0, null],
      ['C-2', 1, 'C'],
      ['C-2 (old)', 2, 'C'],
      ['C-10', 1, null]
    ]);
  });

  it('marks a transfer already under way, and completes it with the action that matches its step', () => {
    const today = new Date('2031-12-06T10:00:00.000Z');
    const open = dueItem(
      {
        id: 'x',
        name: 'x',
        properties: {
          'rma:dispositionAction': 'accession',
          'rma:dispositionAsOf': '2031-12-01T00:00:00.000Z',
          'rma:dispositionActionStartedAt': '2031-12-05T00:00:00.000Z'
        },
        path: { name: '/Company Home/Sites/rm/documentLibrary/A/A-7', elements: [{ id: 'f', name: 'A-7' }] }
      },
      today
    );
    expect(open?.inTransfer).toBeTrue();
    expect(completionAction(open!.step)).toBe('accessionComplete');
    expect(completionAction('transfer')).toBe('transferComplete');
  });

  it('reads a transferred or accessioned record for the transfer list', () => {
    const node = {
      id: 'f',
      name: 'A-7-2026-Estt',
      modifiedAt: '2032-01-02T05:00:00.000Z',
      aspectNames: ['rma:recordFolder', 'rma:ascended'],
      properties: { 'rma:identifier': '2026-0000000007', 'rma:location': 'National Archives of India' },
      path: { name: '/Company Home/Sites/rm/documentLibrary/A' }
    };
    expect(toTransferredRecord(node)).toEqual({
      id: 'f',
      identifier: '2026-0000000007',
      name: 'A-7-2026-Estt',
      location: 'A',
      archive: 'National Archives of India',
      kind: 'accession',
      transferredAt: '2032-01-02T05:00:00.000Z'
    });
    expect(toTransferredRecord({ ...node, aspectNames: ['rma:transferred'] }).kind).toBe('transfer');
  });
});
