/**
 * Notices (issue 19): each time an item reaches a post's Inbox (sent, sent back, a copy for information, an
 * approval asked) or is pulled back from it, the movement workflow (config/workflow/src/notices.js) gives every
 * officer of that post exactly one eo:notice in his "eOffice Notices" folder and one mail in his language
 * (his `locale` preference, set through ACS's preferences web script). Only he may read or change his notices.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SearchApi } from '@alfresco/js-api';
import { NOTICE_KINDS, UNREAD_NOTICES_QUERY, latestNoticesRequest, toNotice, unreadNoticesOfItem } from '@eoffice/domain';
import type { MailCatcher } from '../../repository/src/mail/mail-catcher';
import { act, actOn, diariseReceipt, openFile, refused, startMovement, taskOf, type Department } from './movement-support';
import {
  NOTICE_SO2,
  NOTICE_US,
  itemNumber,
  mailsTo,
  noticesOf,
  receivedBy,
  startNoticeDepartment,
  stopNoticeDepartment,
  webscriptAs
} from './notice-support';

// Officers of config/hierarchy/gad.hierarchy.json.
const CRU = 'pooja.patel';
const ASO1 = 'amit.kumar'; // ASO_EST_1
const SO = 'priya.nair'; // SO_EST
const US = NOTICE_US;
const SO2 = NOTICE_SO2;

/** Marks a notice read (js-api types node properties as text; the repository takes the d:boolean). */
const MARK_READ = { properties: { 'eo:noticeRead': true } } as never;

describe('notices of items reaching an Inbox', () => {
  let d: Department;
  let catcher: MailCatcher;

  const webscript = (user: string, method: string, path: string, body?: unknown) => webscriptAs(d, user, method, path, body);
  const notices = (user: string, itemId?: string) => noticesOf(d, user, itemId);
  const received = (user: string, text: string) => receivedBy(catcher, user, text);
  const mails = (user: string, text: string, count = 1) => mailsTo(catcher, user, text, count);
  const numberOf = (id: string) => itemNumber(d, id);

  before(async () => ({ d, catcher } = await startNoticeDepartment()));
  after(() => stopNoticeDepartment(d, catcher));

  it("the model's notice kinds are the bell's", () => {
    const xml = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'config', 'model', 'eofficeModel.xml'), 'utf8');
    const list = /<constraint name="eo:noticeKinds" type="LIST">([\s\S]*?)<\/constraint>/.exec(xml)?.[1] ?? '';
    assert.deepEqual(
      [...list.matchAll(/<value>([^<]*)<\/value>/g)].map((m) => m[1]),
      [...NOTICE_KINDS]
    );
  });

  it('a file sent to a post: one unread notice and one mail for each of its officers, in each one’s language', async () => {
    const file = await openFile(d, ASO1, 'Notice of a file sent');
    const number = await numberOf(file);
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    assert.deepEqual(await notices(SO, file), [], 'starting a movement tells nobody');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'Please see' });
    for (const officer of [SO, SO2]) {
      const mine = await notices(officer, file);
      assert.deepEqual(
        mine.map((n) => [n.kind, n.number, n.from, n.read]),
        [['send', number, d.group('ASO_EST_1'), false]],
        `${officer}: one notice`
      );
      const sent = await mails(officer, number);
      assert.equal(sent.length, 1, `${officer}: one mail`);
      assert.equal(sent[0].subject, `e-Office: ${number} has been sent to you by Assistant Section Officer (Establishment)`);
      assert.match(sent[0].text, /Subject: Notice of a file sent/);
      assert.match(sent[0].text, /Remarks: Please see/);
    }
    assert.deepEqual(await notices(ASO1, file), [], 'the sender gets no notice');

    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.deepEqual(
      (await notices(US, file)).map((n) => n.kind),
      ['send']
    );
    const hindi = await mails(US, number);
    assert.equal(hindi.length, 1);
    assert.equal(hindi[0].subject, `ई-ऑफिस: ${number} अनुभाग अधिकारी (स्थापना) द्वारा आपको भेजी गई है`);
    assert.match(hindi[0].text, /विषय: Notice of a file sent/);
    assert.equal((await notices(SO, file)).length, 1, 'officers of the sending post get nothing more');
  });

  it('sent back and pulled back: the post it reaches, or is taken from, is told', async () => {
    const file = await openFile(d, ASO1, 'Notice of a file sent back');
    const number = await numberOf(file);
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, pid, SO, { eowf_action: 'sendBack', eowf_remarks: 'Add the rules' });
    assert.deepEqual(
      (await notices(ASO1, file)).map((n) => [n.kind, n.from]),
      [['sendBack', d.group('SO_EST')]]
    );
    assert.equal((await mails(ASO1, number)).length, 1);
    assert.match((await mails(ASO1, number))[0].subject, /has been sent back to you by Section Officer \(Establishment\)$/);

    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    // Pulled back before anyone of SO_EST opened it: both of its officers are told it is gone.
    await act(await d.as(ASO1), (await taskOf(d, pid)).id, { eowf_action: 'pullBack' });
    for (const officer of [SO, SO2])
      assert.deepEqual(
        (await notices(officer, file)).map((n) => [n.kind, n.read]).sort(),
        [
          ['pullBack', false],
          ['send', true],
          ['send', true]
        ],
        `${officer}: two sends, read since the file was taken back, and the pull back, unread`
      );
    assert.equal((await mails(SO2, number, 3)).length, 3);
    assert.match(
      (await mails(SO2, number, 3)).map((m) => m.subject).join('|'),
      /has been pulled back from you by Assistant Section Officer/
    );
  });

  it('copies for information and an approval asked: one notice each', async () => {
    const receipt = await diariseReceipt(d, CRU, 'Notice of a circular');
    const rpid = await startMovement(await d.as(CRU), receipt, 'CRU');
    await actOn(d, rpid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_copyTo: 'ASO_EST_1' });
    assert.deepEqual(
      (await notices(ASO1, receipt)).map((n) => n.kind),
      ['copy']
    );
    assert.deepEqual(
      (await notices(SO, receipt)).map((n) => n.kind),
      ['send']
    );
    await actOn(d, rpid, SO, { eowf_action: 'copy', eowf_copyTo: 'ASO_EST_2' });
    assert.deepEqual(
      (await notices('neha.gupta', receipt)).map((n) => n.kind),
      ['copy']
    );
    assert.equal((await notices(ASO1, receipt)).length, 1, 'a copy to another post tells only that post');

    const file = await openFile(d, ASO1, 'Notice of a closing asked');
    const fpid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, fpid, ASO1, { eowf_action: 'close', eowf_remarks: 'No further action' });
    for (const officer of [SO, SO2])
      assert.deepEqual(
        (await notices(officer, file)).map((n) => n.kind),
        ['approval']
      );
    assert.match(
      (await mails(SO, await numberOf(file)))[0].subject,
      /^e-Office: Assistant Section Officer \(Establishment\) asks for your approval on /
    );
  });

  it('only the officer reads and marks his notices: another officer is refused through REST', async () => {
    const [mine] = await notices(SO);
    assert.ok(mine, 'the Section Officer has notices');
    const other = await d.as(US);
    assert.equal((await refused(() => other.nodes.getNode(mine.id))).status, 403, 'another officer cannot read it');
    assert.equal((await refused(() => other.nodes.updateNode(mine.id, MARK_READ))).status, 403, 'nor mark it read');
    assert.equal((await refused(() => other.nodes.deleteNode(mine.id))).status, 403, 'nor delete it');
    const colleague = await d.as(SO2);
    assert.equal((await refused(() => colleague.nodes.getNode(mine.id))).status, 403, 'not even an officer of the same post');
    // A search finds only one's own notices.
    const found = await new SearchApi(other.api).search({
      query: { query: 'TYPE:"eo:notice"', language: 'afts' },
      paging: { maxItems: 1000, skipCount: 0 }
    });
    const ids = new Set((await notices(US)).map((n) => n.id));
    assert.ok(found.list!.entries!.length > 0);
    assert.ok(
      found.list!.entries!.every((e) => ids.has(e.entry.id)),
      'the search shows her own notices only'
    );

    const owner = await d.as(SO);
    // The bell's queries (@eoffice/domain): what is unread, and the unread notices of one item.
    const search = async (query: string) =>
      (await new SearchApi(owner.api).search({ query: { query, language: 'afts' }, paging: { maxItems: 1000, skipCount: 0 } }))
        .list!.entries!.map((e) => e.entry.id)
        .sort();
    assert.deepEqual(
      await search(UNREAD_NOTICES_QUERY),
      (await notices(SO))
        .filter((n) => !n.read)
        .map((n) => n.id)
        .sort()
    );
    assert.deepEqual(
      await search(unreadNoticesOfItem(mine.itemId)),
      (await notices(SO, mine.itemId))
        .filter((n) => !n.read)
        .map((n) => n.id)
        .sort()
    );
    const latest = await new SearchApi(owner.api).search(latestNoticesRequest(3) as never);
    const newest = latest.list!.entries!.map((e) => toNotice(e.entry as never)!);
    assert.equal(newest.length, 3);
    assert.ok(
      newest.every((n, i) => i === 0 || n.at <= newest[i - 1].at),
      'newest first'
    );
    assert.equal(newest[0].from.hi.length > 0, true, 'the sender in Hindi too');
    await owner.nodes.updateNode(mine.id, MARK_READ);
    assert.equal((await notices(SO)).find((n) => n.id === mine.id)?.read, true, 'the officer marks it read');
    assert.ok(!(await search(UNREAD_NOTICES_QUERY)).includes(mine.id), 'and it is no longer counted');
    assert.equal((await refused(() => owner.nodes.deleteNode(mine.id))).status, 403, 'but cannot delete it');
  });

  it('an officer who asked for the daily digest gets his notices but no mail for each', async () => {
    const r = await webscript(SO2, 'POST', `/api/people/${SO2}/preferences`, { eoffice: { notices: { mail: 'daily' } } });
    assert.equal(r.status, 200);
    const file = await openFile(d, ASO1, 'Notice without a mail');
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    const number = await numberOf(file);
    assert.equal((await notices(SO2, file)).length, 1);
    assert.equal((await mails(SO, number)).length, 1, 'his colleague is mailed');
    // Each movement's mails are handed to the server as it commits: by the time a later movement's mail has
    // arrived, one for him from this movement would have too.
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    await mails(US, number);
    assert.equal(received(SO2, number).length, 0, 'no mail for the officer on the digest');
  });
});
