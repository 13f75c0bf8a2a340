import { unreadTasksWhere } from '../../movement/model/movement.model';
import { readClause, receiptListKind, receiptQuery } from './receipt-query';

const SITE = 'eo-gad';
const RECEIPTS = '(TYPE:"eo:receipt" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Receipts/*/*/*")';

describe('receiptQuery', () => {
  it('lists the receipts diarised by the officer’s posts', () => {
    expect(receiptQuery(SITE, { originPosts: ['GROUP_EO_GAD_CRU'] }, {})).toBe(`${RECEIPTS} AND =eo:originPost:"GROUP_EO_GAD_CRU"`);
  });

  it('every list counts only receipts at their place in the department’s series tree', () => {
    for (const list of ['created', 'inbox', 'sent', 'closed', 'acknowledgement'] as const)
      expect(receiptQuery(SITE, receiptListKind(list, ['GROUP_EO_GAD_SO_EST']), {}).startsWith(`${RECEIPTS} AND `))
        .withContext(list)
        .toBeTrue();
  });

  it('matches nothing for an officer without a post instead of listing every receipt', () => {
    expect(receiptQuery(SITE, { holderPosts: [] }, {})).toContain('=eo:currentHolder:"-none-"');
  });

  it('adds each filter that is set', () => {
    const query = receiptQuery(
      SITE,
      { originPosts: ['GROUP_A', 'GROUP_B'] },
      { diarisedFrom: '2026-11-01', mainCategory: 'RTI', urgency: 'Immediate', securityGrading: 'Secret', form: 'physical' }
    );

    expect(query).toContain('(=eo:originPost:"GROUP_A" OR =eo:originPost:"GROUP_B")');
    expect(query).toContain('eo:diarisedDate:["2026-10-31T18:30:00.000Z" TO MAX]');
    expect(query).toContain('=eo:mainCategory:"RTI"');
    expect(query).toContain('=eo:urgency:"Immediate"');
    expect(query).toContain('=eo:securityGrading:"Secret"');
    expect(query).toContain('=eo:receiptForm:"physical"');
  });

  it('filters by office days (IST): a receipt diarised at 01:00 IST on 5 December is a 5 December receipt', () => {
    const diarised = Date.parse('2026-12-05T01:00:00+05:30'); // still 4 December in UTC
    const on = (from: string, to: string) =>
      inRange(receiptQuery(SITE, { originPosts: ['G'] }, { diarisedFrom: from, diarisedTo: to }), diarised);

    expect(on('2026-12-05', '2026-12-05')).toBeTrue();
    expect(on('2026-12-04', '2026-12-04')).toBeFalse();
    expect(on('2026-12-01', '2026-12-04')).toBeFalse();
  });

  it('searches the sender in name, organisation and ministry, Devanagari included, with quotes escaped', () => {
    const query = receiptQuery(SITE, { originPosts: ['G'] }, { sender: 'राजेश "x"' });

    expect(query).toContain('eo:senderName:"*राजेश*"');
    expect(query).toContain('eo:senderOrganisation:"*\\"x\\"*"');
    expect(query).toContain('eo:senderMinistry:');
  });

  it('Inbox, Sent and Closed ask for the states an officer expects in each', () => {
    const posts = ['GROUP_EO_GAD_SO_EST'];
    expect(receiptQuery(SITE, receiptListKind('inbox', posts), {})).toContain('(=eo:status:"inMovement" OR =eo:status:"parked")');
    const sent = receiptQuery(SITE, receiptListKind('sent', posts), {});
    expect(sent).toContain('=eo:previousHolder:"GROUP_EO_GAD_SO_EST"');
    expect(sent).not.toContain('eo:currentHolder');
    const closed = receiptQuery(SITE, receiptListKind('closed', posts), {});
    expect(closed).toContain('=eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
    expect(closed).toContain('(=eo:status:"closed" OR =eo:status:"putInFile")');
    expect(receiptQuery(SITE, receiptListKind('created', posts), {})).toContain('=eo:originPost:"GROUP_EO_GAD_SO_EST"');
    // A closed receipt whose reopening waits for the post's approval is in its Inbox too.
    expect(receiptQuery(SITE, receiptListKind('inbox', posts), {})).toContain(
      '((=eo:currentHolder:"GROUP_EO_GAD_SO_EST" AND (=eo:status:"inMovement" OR =eo:status:"parked")) OR =eo:approverPost:"GROUP_EO_GAD_SO_EST")'
    );
    expect(sent).not.toContain('eo:approverPost');
  });

  it('Acknowledgement lists what the post diarised and has not yet acknowledged', () => {
    const q = receiptQuery(SITE, receiptListKind('acknowledgement', ['GROUP_EO_GAD_CRU']), {});
    expect(q).toContain('=eo:originPost:"GROUP_EO_GAD_CRU"');
    expect(q).toContain('NOT eo:acknowledgedAt:[MIN TO MAX]');
  });

  it('keeps only the unopened receipts the workflow named, or leaves them out, still one server query', () => {
    const inbox = receiptListKind('inbox', ['GROUP_EO_GAD_SO_EST']);

    expect(receiptQuery(SITE, inbox, { read: 'unread' }, ['r1', 'r2'])).toContain(
      'AND (ID:"workspace://SpacesStore/r1" OR ID:"workspace://SpacesStore/r2")'
    );
    expect(receiptQuery(SITE, inbox, { read: 'read' }, ['r1'])).toContain('AND NOT (ID:"workspace://SpacesStore/r1")');
    expect(receiptQuery(SITE, inbox, {}, ['r1'])).not.toContain('ID:');
  });

  it('shows no receipt as unread when none is unopened, and every one as read', () => {
    expect(readClause('unread', [])).toBe('ID:"workspace://SpacesStore/-none-"');
    expect(readClause('read', [])).toBeUndefined();
  });

  it("asks the workflow for the post's unopened holder tasks (Inbox) or unopened sends (Sent), with the item ids", () => {
    // candidateGroup: ACS lists a non-administrator only their own tasks otherwise; the boolean typed, or it is text
    expect(unreadTasksWhere('GROUP_EO_GAD_SO_EST', 'holder')).toBe(
      "(candidateGroup='GROUP_EO_GAD_SO_EST' AND processDefinitionKey='eoMovement' AND variables/eowf_holderGroup='GROUP_EO_GAD_SO_EST' AND variables/eowf_opened='d:boolean false' AND includeProcessVariables=true)"
    );
    expect(unreadTasksWhere('GROUP_EO_GAD_US_EST', 'sender')).toContain(
      "(candidateGroup='GROUP_EO_GAD_US_EST' AND processDefinitionKey='eoMovement' AND variables/eowf_senderGroup='GROUP_EO_GAD_US_EST'"
    );
    expect(unreadTasksWhere("GROUP_X'", 'sender')).toContain("variables/eowf_senderGroup='GROUP_X'");
  });
});

/** Whether an instant falls in the query's eo:diarisedDate range, reading dates without a zone as UTC as ACS does. */
function inRange(query: string, instant: number): boolean {
  const m = /eo:diarisedDate:([[<])("[^"]*"|MIN) TO ("[^"]*"|MAX)([\]>])/.exec(query);
  if (!m) throw new Error(`no diarised date range in ${query}`);
  const at = (v: string) => Date.parse(/[Zz]|[+-]\d\d:\d\d$/.test(v.slice(1, -1)) ? v.slice(1, -1) : `${v.slice(1, -1)}Z`);
  const aboveLow = m[2] === 'MIN' || (m[1] === '[' ? instant >= at(m[2]) : instant > at(m[2]));
  const belowHigh = m[3] === 'MAX' || (m[4] === ']' ? instant <= at(m[3]) : instant < at(m[3]));
  return aboveLow && belowHigh;
}
