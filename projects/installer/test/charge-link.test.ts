/**
 * Link officers (issue 19): while the Section Officer is away she (or an administrator) names a link officer
 * for her post until a day; items marked to her post reach him, he may act on them and the movement record
 * says "X for Y"; the link ends by itself, enforced by the repository (config/workflow/src/link.js, links.js,
 * unlink.js): after the last day he is refused, whatever his client does.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officeDay, officeMidnight, nextOfficeDay } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import {
  actOn,
  claim,
  inbox,
  item,
  movements,
  openFile,
  refused,
  startMovement,
  taskOf,
  complete,
  GAD_OFFICERS,
  useDepartment
} from './movement-support';

const { ASO1, SO, US } = GAD_OFFICERS; // SO goes on leave
const LINK = GAD_OFFICERS.SO_ADM; // her link officer

const DAY = 86_400_000;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - DAY).toISOString().slice(0, 10);

describe('link officers', () => {
  const d = useDepartment();
  let linkProcess: string;
  const today = officeDay(new Date());

  const start = (acs: Acs, variables: Record<string, string>) =>
    acs.call('workflow', 'POST', '/processes', {}, { processDefinitionKey: 'eoLink', variables });
  const members = async (group: string) =>
    ((await d.admin.groups.listGroupMemberships(group, { maxItems: 100 })).list?.entries ?? []).map((e) => e.entry.id).sort();
  const register = (user: string, group: string) =>
    d.admin.nodes.getNode('-root-', { relativePath: `Data Dictionary/eOffice/Links/${user}/${group}`, include: ['properties'] });
  /** A file the ASO sends to the Section Officer's post. */
  const sentToSo = async (subject: string) => {
    const id = await openFile(d, ASO1, subject);
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    return { id, pid };
  };

  it('only the absent officer herself, or an administrator, names a link officer, for a day not yet over', async () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        ASO1,
        { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkUntil: today, eowf_linkFor: SO },
        /may name a link officer only for himself/
      ],
      [
        ASO1,
        { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkUntil: today },
        /amit\.kumar does not hold Section Officer \(Establishment\)/
      ],
      [SO, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: SO, eowf_linkUntil: today }, /cannot be his own link officer/],
      [SO, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: 'nobody.here', eowf_linkUntil: today }, /No user nobody\.here/],
      [SO, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkUntil: dayBefore(today) }, /is already over/]
    ];
    for (const [user, variables, message] of cases)
      assert.match((await refused(async () => start(await d.as(user), variables))).summary, message);
    assert.deepEqual(await members(d.group('SO_EST')), [SO], 'no link was made');
  });

  it('during the period items marked to her post reach the link officer, who acts on them: "X for Y"', async () => {
    const p = await start(await d.as(SO), { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkUntil: today });
    linkProcess = p.entry.id;
    assert.deepEqual(await members(d.group('SO_EST')), [SO, LINK].sort());
    const link = (await register(LINK, d.group('SO_EST'))).entry.properties;
    assert.equal(link['eo:linkFor'], SO);
    assert.equal(link['eo:linkUntil'], today);
    // It ends by itself: the process's timer is due as the day after the last begins, in IST.
    const vars = await d.admin.call('workflow', 'GET', `/processes/${linkProcess}/variables`, {});
    const ends = vars.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'eowf_linkEnds').entry.value;
    assert.equal(ends, `${nextOfficeDay(today)}T00:00:00+05:30`);
    // She sees her link in her own task list (she may end it early).
    const hers = await (await d.as(SO)).call('workflow', 'GET', '/tasks', { where: `(processId='${linkProcess}')` });
    assert.equal(hers.list.entries[0].entry.assignee, SO);

    const { id, pid } = await sentToSo('Leave encashment');
    const pool = (await inbox(await d.as(LINK), d.group('SO_EST'))).map((t) => t.processId);
    assert.ok(pool.includes(pid), "the file reaches the link officer's Inbox");
    await actOn(d, pid, LINK, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'Put up in her absence' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
    const last = (await movements(d.admin, id)).at(-1)!;
    assert.equal(last.fromUser, LINK);
    assert.equal(last.from, d.group('SO_EST'));
    const node = await d.admin.nodes.getNode((await d.admin.nodes.getNode(id, { relativePath: 'Movements' })).entry.id, {});
    assert.ok(node);
    const entries = await d.admin.nodes.listNodeChildren(node.entry.id, { include: ['properties'], orderBy: ['name DESC'], maxItems: 1 });
    assert.equal(entries.list!.entries![0].entry.properties['eo:movementForUser'], SO, 'the record names both: Suresh for Priya');
  });

  it('nobody but the workflow can stretch the period: the register is the administrator’s', async () => {
    const node = await register(LINK, d.group('SO_EST'));
    for (const user of [LINK, SO]) {
      const out = await refused(async () =>
        (await d.as(user)).nodes.updateNode(node.entry.id, { properties: { 'eo:linkUntil': '2999-12-31' } } as never)
      );
      assert.equal(out.status, 403, `${user} cannot edit the register`);
    }
  });

  it('after the last day the repository refuses the link officer, and the holder still acts', async () => {
    const { id, pid } = await sentToSo('Medical reimbursement');
    // The last day has passed (the register as it reads tomorrow; the timer that takes him out may not have run).
    const node = await register(LINK, d.group('SO_EST'));
    await d.admin.nodes.updateNode(node.entry.id, { properties: { 'eo:linkUntil': dayBefore(today) } } as never);
    const suresh = await d.as(LINK);
    const task = await taskOf(d, pid);
    const claimed = await refused(() => claim(suresh, task.id));
    assert.ok(claimed.status && claimed.status >= 400, 'he can no longer take it up');
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('SO_EST'));
    // Nor act on one he had opened within the period.
    await d.admin.nodes.updateNode(node.entry.id, { properties: { 'eo:linkUntil': today } } as never);
    await claim(suresh, task.id);
    await d.admin.nodes.updateNode(node.entry.id, { properties: { 'eo:linkUntil': dayBefore(today) } } as never);
    const acted = await refused(() => complete(suresh, task.id, { eowf_action: 'send', eowf_to: 'US_EST' }));
    assert.ok(acted.status && acted.status >= 400, 'his action after the period is refused');
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('SO_EST'));
    // The incumbent acts on it as ever (the administrator first gives the claim back to the post).
    await d.admin.call('workflow', 'PUT', `/tasks/${task.id}`, { select: 'state' }, { state: 'unclaimed' });
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    const last = (await movements(d.admin, id)).at(-1)!;
    assert.equal(last.fromUser, SO);
    await d.admin.nodes.updateNode(node.entry.id, { properties: { 'eo:linkUntil': today } } as never);
  });

  it('she ends the link when she is back: he leaves the post, the register keeps when', async () => {
    const hers = await (await d.as(SO)).call('workflow', 'GET', '/tasks', { where: `(processId='${linkProcess}')` });
    await complete(await d.as(SO), hers.list.entries[0].entry.id, {});
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
    assert.equal((await refused(() => register(LINK, d.group('SO_EST')))).status, 404, 'no link any more');
    const links = await d.admin.nodes.getNode('-root-', { relativePath: `Data Dictionary/eOffice/Links/${LINK}` });
    const kept = await d.admin.nodes.listNodeChildren(links.entry.id, { include: ['properties'] });
    assert.ok(kept.list!.entries![0].entry.properties['eo:linkEndedAt'], 'when it ended is kept');
    const { pid } = await sentToSo('Tour programme');
    const out = await refused(async () => claim(await d.as(LINK), (await taskOf(d, pid)).id));
    assert.equal(out.status, 403, 'what reaches her post is no longer his to take up');
  });

  it('a period from a later day: he joins the post as its first day begins (IST), and cannot act before it', async () => {
    const tomorrow = nextOfficeDay(today);
    const so = await d.as(SO);
    const refusals: [string, Record<string, string>, RegExp][] = [
      [SO, { eowf_linkFrom: dayBefore(today), eowf_linkUntil: tomorrow }, /first day of the link, \d{2}\/\d{2}\/\d{4}, is already over/],
      [SO, { eowf_linkFrom: nextOfficeDay(tomorrow), eowf_linkUntil: tomorrow }, /comes after its last day/],
      [SO, { eowf_linkFrom: 'soon', eowf_linkUntil: tomorrow }, /Not a date: soon/],
      // Another officer cannot name one for her post, from a later day either.
      [US, { eowf_linkFrom: tomorrow, eowf_linkUntil: tomorrow }, /kavita\.joshi does not hold Section Officer \(Establishment\)/],
      [US, { eowf_linkFrom: tomorrow, eowf_linkUntil: tomorrow, eowf_linkFor: SO }, /may name a link officer only for himself/]
    ];
    for (const [user, dates, message] of refusals)
      assert.match(
        (await refused(async () => start(await d.as(user), { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, ...dates }))).summary,
        message
      );

    const p = await start(so, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkFrom: tomorrow, eowf_linkUntil: tomorrow });
    assert.deepEqual(await members(d.group('SO_EST')), [SO], 'not his before the first day');
    const link = (await register(LINK, d.group('SO_EST'))).entry.properties;
    assert.equal(Date.parse(link['eo:linkFrom']), Date.parse(officeMidnight(tomorrow)));
    const vars = await d.admin.call('workflow', 'GET', `/processes/${p.entry.id}/variables`, {});
    const starts = vars.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'eowf_linkStarts').entry.value;
    assert.equal(starts, `${tomorrow}T00:00:00+05:30`);
    // Before it: the file sent to her post is not his to take up.
    const { id, pid } = await sentToSo('Annual property return');
    const suresh = await d.as(LINK);
    assert.equal((await refused(async () => claim(suresh, (await taskOf(d, pid)).id))).status, 403);
    // He cannot name a link officer for her post himself.
    assert.match(
      (await refused(() => start(suresh, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: US, eowf_linkUntil: tomorrow }))).summary,
      /suresh\.yadav does not hold Section Officer \(Establishment\)/
    );

    // 00:00 IST of the first day: the timer puts him in the post's group.
    await d.repo.fireTimers(new Date(Date.parse(officeMidnight(tomorrow)) + 60_000));
    assert.deepEqual(await members(d.group('SO_EST')), [SO, LINK].sort());
    // Were the job early (the clock still says today), the register still refuses him: he cannot take the
    // file up, and its custody stays.
    const task = await taskOf(d, pid);
    const taken = await refused(() => claim(suresh, task.id));
    assert.ok(taken.status && taken.status >= 400, `refused before the first day (${taken.status})`);
    assert.match(taken.summary, /suresh\.yadav does not hold this item/);
    assert.equal((await taskOf(d, pid)).assignee ?? null, null);
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('SO_EST'));
    // Nor may he, now in her group by his link, name another link officer for her post.
    assert.match(
      (await refused(() => start(suresh, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: US, eowf_linkUntil: tomorrow }))).summary,
      /suresh\.yadav does not hold Section Officer \(Establishment\)/
    );
    // Once the period has begun (the register as it reads tomorrow), he acts for her.
    const node = await register(LINK, d.group('SO_EST'));
    await d.admin.nodes.updateNode(node.entry.id, { properties: { 'eo:linkFrom': new Date(Date.now() - DAY).toISOString() } } as never);
    await actOn(d, pid, LINK, { eowf_action: 'send', eowf_to: 'US_EST' });
    const last = (await movements(d.admin, id)).at(-1)!;
    assert.equal(last.fromUser, LINK);

    // She is not going after all: ending it takes him out.
    const hers = await so.call('workflow', 'GET', '/tasks', { where: `(processId='${p.entry.id}')` });
    await complete(so, hers.list.entries[0].entry.id, {});
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
  });

  it('a period from a later day ended before it began never makes him a member', async () => {
    const tomorrow = nextOfficeDay(today);
    const so = await d.as(SO);
    const p = await start(so, { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkFrom: tomorrow, eowf_linkUntil: tomorrow });
    const hers = await so.call('workflow', 'GET', '/tasks', { where: `(processId='${p.entry.id}')` });
    await complete(so, hers.list.entries[0].entry.id, {});
    await d.repo.fireTimers(new Date(Date.parse(officeMidnight(tomorrow)) + 60_000));
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
    assert.equal((await refused(() => register(LINK, d.group('SO_EST')))).status, 404);
  });

  it('a transfer of charge passes the post from its incumbent, not from her link officer', async () => {
    await start(await d.as(SO), { eowf_linkPost: 'SO_EST', eowf_linkOfficer: LINK, eowf_linkUntil: today });
    await d.admin.people.createPerson({
      id: 'anjali.sen',
      firstName: 'Anjali',
      lastName: 'Sen',
      email: 'a@example.gov.in',
      password: 'demo1234',
      aspectNames: ['eo:officer'],
      properties: { 'eo:nameHi': 'अंजलि सेन' }
    });
    await d.admin.call(
      'workflow',
      'POST',
      '/processes',
      {},
      { processDefinitionKey: 'eoCharge', variables: { eowf_chargePost: 'SO_EST', eowf_chargeTo: 'anjali.sen' } }
    );
    assert.deepEqual(await members(d.group('SO_EST')), ['anjali.sen', LINK].sort(), 'Priya leaves, her link officer stays for his period');
    // The hierarchy names her as her account does, in Hindi too (eo:officer's eo:nameHi).
    const h = await d.admin.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/hierarchy.json' });
    const text = String(await d.admin.nodes.getNodeContent(h.entry.id).then((b: unknown) => (b as Blob).text?.() ?? b));
    const post = JSON.parse(text).posts.find((p: { code: string }) => p.code === 'SO_EST');
    assert.deepEqual(post.incumbentName, { en: 'Anjali Sen', hi: 'अंजलि सेन' });
  });
});
