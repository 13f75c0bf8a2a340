/**
 * The dak diary's list queries (receipt-query.ts): every list is scoped to the department's receipt series,
 * custody is matched exactly, filters are office days (IST) and escaped text, and read/unread is an ID filter
 * from the workflow's unopened tasks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readClause, receiptListKind, receiptQuery, unreadTasksWhere } from '@eoffice/domain';
import { excludes, includes } from './text-assert';

const SITE = 'eo-gad';
const RECEIPTS = '(TYPE:"eo:receipt" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Receipts/*/*/*")';

describe('receiptQuery', () => {
  it('lists the receipts diarised by the officer’s posts', () => {
    assert.equal(receiptQuery(SITE, { originPosts: ['GROUP_EO_GAD_CRU'] }, {}), `${RECEIPTS} AND =eo:originPost:"GROUP_EO_GAD_CRU"`);
  });

  it('every list counts only receipts at their place in the department’s series tree', () => {
    for (const list of ['created', 'inbox', 'sent', 'closed', 'acknowledgement'] as const)
      assert.equal(receiptQuery(SITE, receiptListKind(list, ['GROUP_EO_GAD_SO_EST']), {}).startsWith(`${RECEIPTS} AND `), true, list);
  });

  it('matches nothing for an officer without a post instead of listing every receipt', () => {
    includes(receiptQuery(SITE, { holderPosts: [] }, {}), '=eo:currentHolder:"-none-"');
  });

  it('adds each filter that is set', () => {
    const query = receiptQuery(
      SITE,
      { originPosts: ['GROUP_A', 'GROUP_B'] },
      { diarisedFrom: '2026-11-01', mainCategory: 'RTI', urgency: 'Immediate', securityGrading: 'Secret', form: 'physical' }
    );

    includes(query, '(=eo:originPost:"GROUP_A" OR =eo:originPost:"GROUP_B")');
    includes(query, 'eo:diarisedDate:["2026-10-31T18:30:00.000Z" TO MAX]');
    includes(query, '=eo:mainCategory:"RTI"');
    includes(query, '=eo:urgency:"Immediate"');
    includes(query, '=eo:securityGrading:"Secret"');
    includes(query, '=eo:receiptForm:"physical"');
  });

  it('filters by office days (IST): a receipt diarised at 01:00 IST on 5 December is a 5 December receipt', () => {
    const diarised = Date.parse('2026-12-05T01:00:00+05:30'); // still 4 December in UTC
    const on = (from: string, to: string) =>
      inRange(receiptQuery(SITE, { originPosts: ['G'] }, { diarisedFrom: from, diarisedTo: to }), diarised);

    assert.equal(on('2026-12-05', '2026-12-05'), true);
    assert.equal(on('2026-12-04', '2026-12-04'), false);
    assert.equal(on('2026-12-01', '2026-12-04'), false);
  });

  it('searches the sender in name, organisation and ministry, Devanagari included, with quotes escaped', () => {
    const query = receiptQuery(SITE, { originPosts: ['G'] }, { sender: 'राजेश "x"' });

    includes(query, 'eo:senderName:"*राजेश*"');
    includes(query, 'eo:senderOrganisation:"*\\"x\\"*"');
    includes(query, 'eo:senderMinistry:');
  });

  it('Inbox, Sent and Closed ask for the states an officer expects in each', () => {
    const posts = ['GROUP_EO_GAD_SO_EST'];
    includes(receiptQuery(SITE, receiptListKind('inbox', posts), {}), '(=eo:status:"inMovement" OR =eo:status:"parked")');
    const sent = receiptQuery(SITE, receiptListKind('sent', posts), {});
    includes(sent, '=eo:previousHolder:"GROUP_EO_GAD_SO_EST"');
    excludes(sent, 'eo:currentHolder');
    const closed = receiptQuery(SITE, receiptListKind('closed', posts), {});
    includes(closed, '=eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
    includes(closed, '(=eo:status:"closed" OR =eo:status:"putInFile")');
    includes(receiptQuery(SITE, receiptListKind('created', posts), {}), '=eo:originPost:"GROUP_EO_GAD_SO_EST"');
    // A closed receipt whose reopening waits for the post's approval is in its Inbox too.
    includes(
      receiptQuery(SITE, receiptListKind('inbox', posts), {}),
      '((=eo:currentHolder:"GROUP_EO_GAD_SO_EST" AND (=eo:status:"inMovement" OR =eo:status:"parked")) OR =eo:approverPost:"GROUP_EO_GAD_SO_EST")'
    );
    excludes(sent, 'eo:approverPost');
  });

  it('Acknowledgement lists what the post diarised and has not yet acknowledged', () => {
    const q = receiptQuery(SITE, receiptListKind('acknowledgement', ['GROUP_EO_GAD_CRU']), {});
    includes(q, '=eo:originPost:"GROUP_EO_GAD_CRU"');
    includes(q, 'NOT eo:acknowledgedAt:[MIN TO MAX]');
  });

  it('keeps only the unopened receipts the workflow named, or leaves them out, still one server query', () => {
    const inbox = receiptListKind('inbox', ['GROUP_EO_GAD_SO_EST']);

    includes(
      receiptQuery(SITE, inbox, { read: 'unread' }, ['r1', 'r2']),
      'AND (ID:"workspace://SpacesStore/r1" OR ID:"workspace://SpacesStore/r2")'
    );
    includes(receiptQuery(SITE, inbox, { read: 'read' }, ['r1']), 'AND NOT (ID:"workspace://SpacesStore/r1")');
    excludes(receiptQuery(SITE, inbox, {}, ['r1']), 'ID:');
  });

  it('shows no receipt as unread when none is unopened, and every one as read', () => {
    assert.equal(readClause('unread', []), 'ID:"workspace://SpacesStore/-none-"');
    assert.equal(readClause('read', []), undefined);
  });

  it("asks the workflow for the post's unopened holder tasks (Inbox) or unopened sends (Sent), with the item ids", () => {
    // candidateGroup: ACS lists a non-administrator only their own tasks otherwise; the boolean typed, or it is text
    assert.equal(
      unreadTasksWhere('GROUP_EO_GAD_SO_EST', 'holder'),
      "(candidateGroup='GROUP_EO_GAD_SO_EST' AND processDefinitionKey='eoMovement' AND variables/eowf_holderGroup='GROUP_EO_GAD_SO_EST' AND variables/eowf_opened='d:boolean false' AND includeProcessVariables=true)"
    );
    includes(
      unreadTasksWhere('GROUP_EO_GAD_US_EST', 'sender'),
      "(candidateGroup='GROUP_EO_GAD_US_EST' AND processDefinitionKey='eoMovement' AND variables/eowf_senderGroup='GROUP_EO_GAD_US_EST'"
    );
    includes(unreadTasksWhere("GROUP_X'", 'sender'), "variables/eowf_senderGroup='GROUP_X'");
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
