/**
 * Due dates and the 7-working-day norm (issue 19): the movement's holder task carries two non-interrupting timers
 * (config/workflow/src/notices.js). When the item's due date begins, and when it has been held beyond the norm,
 * every officer of the holding post gets exactly one notice and one mail in his language, never twice for one
 * holding. The daily digest (eoDaily) mails each officer who asked for it one list of his pending items a day,
 * and each reporting post the overdue items of the posts that report to it. The timers are fired with the
 * repository's test clock (LocalRepository.fireTimers), the mails received by a loopback SMTP server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchApi } from '@alfresco/js-api';
import {
  escalatedRequest,
  nextOfficeDay,
  officeDate,
  officeDay,
  officeMidnight,
  parseHierarchy,
  parseHolidayCalendar,
  WorkingDays
} from '@eoffice/domain';
import type { MailCatcher } from '../../repository/src/mail/mail-catcher';
import { actOn, item, openFile, refused, startMovement, taskOf, type Department } from './movement-support';
import {
  NOTICE_SO2,
  NOTICE_US,
  itemNumber,
  mailsTo,
  noticesOf,
  startNoticeDepartment,
  stopNoticeDepartment,
  webscriptAs
} from './notice-support';

const ASO1 = 'amit.kumar'; // ASO_EST_1
const SO = 'priya.nair'; // SO_EST, reports to US_EST
const US = NOTICE_US;
const SO2 = NOTICE_SO2;

const DAY_MS = 86_400_000;
const CONFIG = join(__dirname, '..', '..', '..', 'config');
const hierarchy = parseHierarchy(JSON.parse(readFileSync(join(CONFIG, 'hierarchy', 'gad.hierarchy.json'), 'utf8')));
const days = new WorkingDays(parseHolidayCalendar(JSON.parse(readFileSync(join(CONFIG, 'calendar', 'holidays-2026.json'), 'utf8'))));
/** An office day `n` days after today (IST). */
const dayAfter = (n: number) => {
  let d = officeDay(new Date());
  for (let i = 0; i < n; i++) d = nextOfficeDay(d);
  return d;
};
/** An instant during the office day `day`. */
const during = (day: string) => new Date(Date.parse(officeMidnight(day)) + 10 * 3_600_000);

describe('due dates, the 7-working-day norm and the daily digest', () => {
  let d: Department;
  let catcher: MailCatcher;

  const webscript = (user: string, method: string, path: string, body?: unknown) => webscriptAs(d, user, method, path, body);
  const notices = (user: string, itemId: string) => noticesOf(d, user, itemId);
  const mails = (user: string, text: string, count = 1) => mailsTo(catcher, user, text, count);
  const kinds = async (user: string, itemId: string) => (await notices(user, itemId)).map((n) => n.kind).sort();
  const numberOf = (id: string) => itemNumber(d, id);

  before(async () => ({ d, catcher } = await startNoticeDepartment()));
  after(() => stopNoticeDepartment(d, catcher));

  it('the due date begins: one notice and one mail for each officer of the holding post, once', async () => {
    const file = await openFile(d, ASO1, 'Due in three days');
    const number = await numberOf(file);
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    const due = dayAfter(3);
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_dueDate: due });
    d.repo.fireTimers(new Date());
    assert.deepEqual(await kinds(SO, file), ['send'], 'not yet due');
    d.repo.fireTimers(during(due));
    for (const officer of [SO, SO2]) {
      assert.deepEqual(await kinds(officer, file), ['due', 'send'], `${officer}: one due notice`);
      const sent = await mails(officer, `is due on ${officeDate(due)}`);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].subject, `e-Office: ${number} is due on ${officeDate(due)}`);
    }
    d.repo.fireTimers(during(due));
    assert.deepEqual(await kinds(SO, file), ['due', 'send'], 'a timer fires once');
    assert.deepEqual(await kinds(ASO1, file), [], 'the sender is not told');
  });

  it('the norm passes: one notice each, not repeated when the task is entered again for the same holding', async () => {
    const file = await openFile(d, ASO1, 'Held too long');
    const number = await numberOf(file);
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    d.repo.fireTimers(new Date(Date.now() + 5 * DAY_MS));
    assert.deepEqual(await kinds(SO, file), ['send'], 'five calendar days are within seven working days');
    d.repo.fireTimers(new Date(Date.now() + 20 * DAY_MS));
    assert.deepEqual(await kinds(SO, file), ['overdue', 'send']);
    assert.deepEqual(await kinds(SO2, file), ['overdue', 'send']);
    const late = await mails(SO, `${number} has been with you`);
    assert.equal(late.length, 1);
    assert.match(late[0].subject, /, beyond the norm of 7 working days$/);
    // Parked and taken out again: the task is entered twice more with the same holding; no second notice.
    await actOn(d, pid, SO, { eowf_action: 'park' });
    d.repo.fireTimers(new Date(Date.now() + 20 * DAY_MS));
    await actOn(d, pid, SO, { eowf_action: 'unpark' });
    d.repo.fireTimers(new Date(Date.now() + 20 * DAY_MS));
    assert.deepEqual(await kinds(SO, file), ['overdue', 'send'], 'still one overdue notice');
    // Sent on: a new holding, a new norm; the Under Secretary reads hers in Hindi.
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    d.repo.fireTimers(new Date(Date.now() + 20 * DAY_MS));
    assert.deepEqual(await kinds(US, file), ['overdue', 'send']);
    const hindi = await mails(US, `${number} आपके पास`);
    assert.equal(hindi.length, 1);
    assert.match(hindi[0].subject, /7 कार्य दिवसों का मानदंड पार हो गया है$/);
  });
  /** The ids of the items the officer's dashboard shows as escalated on `day` (the extension's request, his permissions). */
  async function escalated(user: string, day: string): Promise<string[]> {
    const acs = await d.as(user);
    const body = escalatedRequest(hierarchy, 'eo-gad', [d.postOf(user)], days, day, { skipCount: 0, maxItems: 100 });
    if (!body) return [];
    const r = await new SearchApi(acs.api).search(body as never);
    return r.list!.entries!.map((e) => e.entry.id).sort();
  }

  it('escalation: past the norm the item is on the reporting officer’s dashboard, and nobody can take it off', async () => {
    const file = await openFile(d, ASO1, 'Escalated to the Under Secretary');
    const pid = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    const later = officeDay(new Date(Date.now() + 20 * DAY_MS));
    assert.ok(!(await escalated(US, later)).includes(file), 'before the norm passes the Under Secretary cannot even read it');

    // The holder tries to put the timers off: ACS refuses him the process's variables (he is no longer involved),
    // and were they his to set, the timers are computed from the item each time the task is entered.
    const so = await d.as(SO);
    await so
      .call('workflow', 'POST', `/processes/${pid}/variables`, {}, [{ name: 'eowf_normAt', value: '2099-01-01T00:00:00+05:30' }])
      .then(
        () => undefined,
        () => undefined
      );
    await actOn(d, pid, SO, { eowf_action: 'park' });
    await actOn(d, pid, SO, { eowf_action: 'unpark' });
    // …nor can he write the item's custody dates.
    const write = await refused(() => so.nodes.updateNode(file, { properties: { 'eo:heldSince': new Date().toISOString() } } as never));
    assert.equal(write.status, 403);
    d.repo.fireTimers(new Date(Date.now() + 20 * DAY_MS));
    assert.deepEqual(await kinds(SO, file), ['overdue', 'send']);
    assert.ok((await escalated(US, later)).includes(file), 'the Under Secretary (SO_EST reports to US_EST) sees it');
    assert.ok(!(await escalated(SO, later)).includes(file), 'not the holder: nobody below reports to him with it');
    assert.equal(String((await item(d, file))['eo:status']), 'inMovement');
    // The delete of the process is refused to him, so the timers stay.
    const del = await refused(() => so.call('workflow', 'DELETE', `/processes/${pid}`));
    assert.ok(del.status && del.status >= 400, `the holder cannot cancel the movement (${del.status})`);
    assert.ok(await taskOf(d, pid));
  });

  it('an officer cannot make notices for others nor start the daily mails', async () => {
    const admin = d.admin;
    const folder = await admin.nodes.getNode('-root-', { relativePath: `User Homes/${US}/eOffice Notices` });
    const so = await d.as(SO);
    const planted = await refused(() =>
      so.nodes.createNode(folder.entry.id, {
        name: 'fake',
        nodeType: 'eo:notice',
        properties: { 'eo:noticeKind': 'overdue', 'eo:noticeItem': folder.entry.id, 'eo:noticeAt': new Date().toISOString() }
      } as never)
    );
    assert.ok(planted.status === 403 || planted.status === 404, `planting a notice is refused (${planted.status})`);
    // Nor turn off another officer's mails: only he (or an administrator) writes his preferences (ACS answers 401).
    const theirs = await webscript(SO, 'POST', `/api/people/${US}/preferences`, { eoffice: { notices: { mail: 'daily' } } });
    assert.equal(theirs.status, 401);
    const started = await refused(() => so.call('workflow', 'POST', '/processes', {}, { processDefinitionKey: 'eoDaily' }));
    assert.match(started.summary, /priya\.nair is not an administrator: only an administrator starts the daily mails/);
  });

  it('the daily digest: exactly one a day for each officer who asked, in his language; reporting posts get their overdue items', async () => {
    const r = await webscript(SO2, 'POST', `/api/people/${SO2}/preferences`, { eoffice: { notices: { mail: 'daily' } } });
    assert.equal(r.status, 200);
    const hi = await webscript(US, 'POST', `/api/people/${US}/preferences`, { eoffice: { notices: { mail: 'both' } } });
    assert.equal(hi.status, 200);
    const digests = (user: string) =>
      catcher.messages.filter((m) => m.to.includes(`${user}@example.gov.in`) && /pending items on|लंबित मामले/.test(m.subject));
    const escalations = (user: string) =>
      catcher.messages.filter((m) => m.to.includes(`${user}@example.gov.in`) && /overdue items with|अतिदेय मामले/.test(m.subject));
    // The next morning's run, as the eoDaily process has it scheduled (earlier tests' clocks moved it on).
    const nextRun = async () => {
      const [pid] = (await d.admin.call('workflow', 'GET', '/processes', { where: "(processDefinitionKey='eoDaily' AND status='active')" }))
        .list.entries as { entry: { id: string } }[];
      const vars = await d.admin.call('workflow', 'GET', `/processes/${pid.entry.id}/variables`, { maxItems: 100 });
      const at = vars.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'eowf_dailyAt').entry.value;
      return new Date(Date.parse(String(at)) + 60_000);
    };
    const first = await nextRun();
    d.repo.fireTimers(first);
    await catcher.waitFor(() => digests(SO2).length >= 1 && digests(US).length >= 1);
    d.repo.fireTimers(first);
    const [so2] = digests(SO2);
    assert.equal(
      so2.subject,
      `e-Office: your pending items on ${officeDate(first)} (${so2.text.split('\n').filter((l) => l.startsWith('- ')).length})`
    );
    assert.match(so2.text, /Due in three days/, 'the items of his post');
    assert.doesNotMatch(so2.text, /Held too long/, 'not what his post no longer holds');
    assert.match(digests(US)[0].subject, new RegExp(`^ई-ऑफिस: ${officeDate(first)} को आपके लंबित मामले \\(\\d+\\)$`));
    assert.equal(digests(SO).length, 0, 'no digest for an officer who did not ask');
    // The next day: one more each; the first day is never mailed again.
    const second = await nextRun();
    assert.equal(officeDay(second), nextOfficeDay(officeDay(first)));
    d.repo.fireTimers(second);
    d.repo.fireTimers(second);
    await catcher.waitFor(() => digests(SO2).length >= 2 && digests(US).length >= 2);
    // A third run's mails would be handed over after the second's: the third day's arriving means no extra came.
    d.repo.fireTimers(await nextRun());
    await catcher.waitFor(() => digests(SO2).length >= 3);
    assert.equal(new Set(digests(SO2).map((m) => m.subject.replace(/ \(\d+\)$/, ''))).size, 3, 'one digest on each of three days');
    assert.equal(digests(SO2).length, 3);
    // The Under Secretary's escalations: SO_EST's items past their due date or the norm, one mail a day, in Hindi.
    const mine = escalations(US);
    assert.ok(mine.length >= 1);
    const perDay = mine.map((m) => /\((\d\d\/\d\d\/\d{4})\)$/.exec(m.subject)?.[1]);
    assert.equal(new Set(perDay).size, perDay.length, 'at most one escalation mail a day');
    assert.match(mine[mine.length - 1].subject, /^ई-ऑफिस: आपको रिपोर्ट करने वाले पदों के पास \d+ अतिदेय मामले/);
    assert.match(mine[mine.length - 1].text, /Due in three days/, 'past its due date with the Section Officer');
  });
});
