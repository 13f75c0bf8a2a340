/**
 * A link officer acts on what the absent officer had opened (issue 19). Opening an item claims its task, and
 * a claimed task is offered to no one else; CSMOP's link officer acts on everything marked to the absent
 * officer's post, opened or not. So when the period begins (link.js today, linkbegins.js on a later day) the
 * absent officer's claims on her post's tasks go back to its pool, and when it ends (unlink.js) the link
 * officer's do, so she finds them on her return (config/workflow/src/pending.js). Tried as an adversary: only
 * her claims, only her post's tasks, nobody outside the post gains anything, and only inside the period.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextOfficeDay, officeDay, officeMidnight } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import {
  actOn,
  claim,
  complete,
  item,
  movements,
  openFile,
  refused,
  startMovement,
  taskOf,
  GAD_OFFICERS,
  useDepartment
} from './movement-support';

const { ASO1, ASO2, SO, US } = GAD_OFFICERS; // SO goes on leave
const LINK = GAD_OFFICERS.SO_ADM; // her link officer
const COLLEAGUE = 'meena.sharma'; // a second officer holding SO_EST in her own right

interface TaskRow {
  id: string;
  assignee?: string;
  activityDefinitionId: string;
}

describe('link officers: what the absent officer had opened', () => {
  const d = useDepartment();
  const today = officeDay(new Date());
  const ids: Record<string, string> = {};
  const pids: Record<string, string> = {};
  let linkProcess = '';

  const startLink = (acs: Acs, variables: Record<string, string>) =>
    acs.call(
      'workflow',
      'POST',
      '/processes',
      {},
      { processDefinitionKey: 'eoLink', variables: { eowf_linkPost: 'SO_EST', ...variables } }
    );
  /** The process's open tasks, as the administrator lists them. */
  const tasksOf = async (pid: string): Promise<TaskRow[]> =>
    (await d.admin.call('workflow', 'GET', `/processes/${pid}/tasks`, { status: 'active' })).list.entries.map(
      (e: { entry: TaskRow }) => e.entry
    );
  const taskAt = async (pid: string, activity: string) => (await tasksOf(pid)).find((t) => t.activityDefinitionId === activity)!;
  const assignee = async (pid: string, activity = 'holder') => (await taskAt(pid, activity)).assignee ?? null;
  /** The latest movement's eo:movementForUser ('' when the officer acted in his own right). */
  const lastFor = async (id: string) => {
    const folder = await d.admin.nodes.getNode(id, { relativePath: 'Movements' });
    const list = await d.admin.nodes.listNodeChildren(folder.entry.id, { include: ['properties'], orderBy: ['name DESC'], maxItems: 1 });
    return list.list!.entries![0].entry.properties['eo:movementForUser'] ?? '';
  };
  const variable = async (pid: string, name: string) =>
    (await d.admin.call('workflow', 'GET', `/processes/${pid}/variables`, {})).list.entries.find(
      (e: { entry: { name: string } }) => e.entry.name === name
    )?.entry.value;
  /** A file the ASO sends to the Section Officer's post. */
  const sentToSo = async (key: string, subject: string) => {
    ids[key] = await openFile(d, ASO1, subject);
    pids[key] = await startMovement(await d.as(ASO1), ids[key], 'ASO_EST_1');
    await actOn(d, pids[key], ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
  };

  it('before she goes: she has opened files of her post, a closing to approve and a file of another post she holds', async () => {
    await d.addOfficer(COLLEAGUE, 'SO_EST');
    const so = await d.as(SO);
    for (const [key, subject] of [
      ['opened', 'Leave encashment'],
      ['later', 'Medical reimbursement'],
      ['kept', 'Tour programme'],
      ['colleague', 'Annual property return']
    ])
      await sentToSo(key, subject);
    for (const key of ['opened', 'later']) await claim(so, (await taskOf(d, pids[key])).id);
    // Her colleague in the same post opened one: his claim is his, not hers.
    await claim(await d.as(COLLEAGUE), (await taskOf(d, pids.colleague)).id);
    // A closing the ASO asks her post to approve, which she took up.
    ids.approval = await openFile(d, ASO1, 'Routine circular');
    pids.approval = await startMovement(await d.as(ASO1), ids.approval, 'ASO_EST_1');
    await actOn(d, pids.approval, ASO1, { eowf_action: 'close', eowf_to: 'SO_EST', eowf_remarks: 'No further action' });
    await claim(so, (await taskAt(pids.approval, 'approval')).id);
    // She also holds the Under Secretary's post for now; a file sent to it, opened by her there.
    await d.admin.groups.createGroupMembership(d.group('US_EST'), { id: SO, memberType: 'PERSON' });
    ids.other = await openFile(d, ASO1, 'Budget estimates');
    pids.other = await startMovement(await d.as(ASO1), ids.other, 'ASO_EST_1');
    await actOn(d, pids.other, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, pids.other, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    await claim(so, (await taskOf(d, pids.other)).id);

    assert.equal(await assignee(pids.opened), SO);
    // Claimed by her, the file is out of her post's pool: a link officer named now could not take it up.
    assert.equal(
      (await refused(async () => claim(await d.as(LINK), (await taskOf(d, pids.opened)).id))).status,
      403,
      'not his before the link'
    );
  });

  it('the link begins: her claims on her post’s tasks go back to its pool, nobody else’s and no other post’s', async () => {
    linkProcess = (await startLink(await d.as(SO), { eowf_linkOfficer: LINK, eowf_linkUntil: nextOfficeDay(today) })).entry.id;
    assert.equal(await assignee(pids.opened), null);
    assert.equal(await assignee(pids.later), null);
    assert.equal(await assignee(pids.approval, 'approval'), null, 'the closing she took up goes back to her post');
    assert.equal(await assignee(pids.colleague), COLLEAGUE, "her colleague's claim is his");
    assert.equal(await assignee(pids.other), SO, 'the other post she holds is not linked: her claim there stays');
    assert.equal(Number(await variable(linkProcess, 'eowf_linkReleased')), 3);
    // Still opened: the sender cannot pull back what her post had opened.
    const pulled = await refused(async () => claim(await d.as(ASO1), (await taskOf(d, pids.opened)).id));
    assert.ok(pulled.status && pulled.status >= 400, `the sender cannot take it back (${pulled.status})`);
    assert.equal(await assignee(pids.opened), null);
  });

  it('the link officer acts on the file she had opened, and the record says he acted for her', async () => {
    await actOn(d, pids.opened, LINK, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'Put up in her absence' });
    assert.equal((await item(d, ids.opened))['eo:currentHolder'], d.group('US_EST'));
    const last = (await movements(d.admin, ids.opened)).at(-1)!;
    assert.equal(last.fromUser, LINK);
    assert.equal(last.from, d.group('SO_EST'));
    assert.equal(await lastFor(ids.opened), SO, '"Suresh Yadav for Priya Nair"');
    // And decides the closing she had taken up.
    const approval = await taskAt(pids.approval, 'approval');
    const suresh = await d.as(LINK);
    await claim(suresh, approval.id);
    await complete(suresh, approval.id, { eowf_decision: 'approve', eowf_remarks: 'Approved in her absence' });
    assert.equal((await item(d, ids.approval))['eo:status'], 'closed');
    assert.equal(await lastFor(ids.approval), SO);
  });

  it('nobody outside the post gains anything: the released tasks are the post’s alone', async () => {
    for (const user of [US, ASO2]) {
      const out = await refused(async () => claim(await d.as(user), (await taskOf(d, pids.later)).id));
      assert.equal(out.status, 403, `${user} cannot take up what her post holds`);
    }
    // Not by naming himself her link officer either: only she or an administrator names one.
    const named = await refused(async () =>
      startLink(await d.as(ASO2), { eowf_linkOfficer: ASO2, eowf_linkUntil: today, eowf_linkFor: SO })
    );
    assert.match(named.summary, /may name a link officer only for himself/);
    assert.equal(await assignee(pids.later), null);
    // Her colleague's opened file stays his: the link officer cannot take it from him (409: claimed).
    const taken = await refused(async () => claim(await d.as(LINK), (await taskOf(d, pids.colleague)).id));
    assert.equal(taken.status, 409);
    assert.equal(await assignee(pids.colleague), COLLEAGUE);
  });

  it('she is back: what he had opened and not acted on goes back to her post, and he can no longer take it', async () => {
    await claim(await d.as(LINK), (await taskOf(d, pids.later)).id);
    assert.equal(await assignee(pids.later), LINK);
    const so = await d.as(SO);
    const hers = await so.call('workflow', 'GET', '/tasks', { where: `(processId='${linkProcess}')` });
    await complete(so, hers.list.entries[0].entry.id, {});
    assert.equal(await assignee(pids.later), null, 'not left with him');
    assert.equal(await assignee(pids.colleague), COLLEAGUE);
    assert.equal(await assignee(pids.other), SO);
    assert.equal((await refused(async () => claim(await d.as(LINK), (await taskOf(d, pids.later)).id))).status, 403);
    // She acts on it in her own right.
    await actOn(d, pids.later, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.equal((await movements(d.admin, ids.later)).at(-1)!.fromUser, SO);
    assert.equal(await lastFor(ids.later), '');
  });

  it('a period from a later day releases her claims only when its first day begins', async () => {
    const tomorrow = nextOfficeDay(today);
    const so = await d.as(SO);
    await claim(so, (await taskOf(d, pids.kept)).id);
    const p = await startLink(so, { eowf_linkOfficer: LINK, eowf_linkFrom: tomorrow, eowf_linkUntil: tomorrow });
    assert.equal(await assignee(pids.kept), SO, 'she is still here today: her claim stays');
    assert.equal(Number(await variable(p.entry.id, 'eowf_linkReleased')), 0);
    // Whom he acts for is the register's, not a variable of her process: planting another officer changes nothing.
    await so.call('workflow', 'POST', `/processes/${p.entry.id}/variables`, {}, [
      { name: 'eowf_linkFor', value: COLLEAGUE, type: 'd:text' }
    ]);
    await d.repo.fireTimers(new Date(Date.parse(officeMidnight(tomorrow)) + 60_000));
    assert.equal(await assignee(pids.kept), null, 'her claim goes back to the post as the first day begins');
    assert.equal(await assignee(pids.colleague), COLLEAGUE, "her colleague's stays his");
    assert.equal(await assignee(pids.other), SO);
    // The register still refuses him today (the clock has not reached the first day).
    const early = await refused(async () => claim(await d.as(LINK), (await taskOf(d, pids.kept)).id));
    assert.ok(early.status && early.status >= 400, `refused before the first day (${early.status})`);
    assert.equal(await assignee(pids.kept), null);
    const hers = await so.call('workflow', 'GET', '/tasks', { where: `(processId='${p.entry.id}')` });
    await complete(so, hers.list.entries[0].entry.id, {});
  });
});
