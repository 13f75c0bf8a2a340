/**
 * Transfer of charge gives back only the post's own claims (config/workflow/src/charge.js over pending.js
 * eoReleasePostItemClaims). Tried as an adversary: an officer who holds two posts loses charge of one; what she
 * had opened for the other, even in a process of an item the transferred post holds, stays hers, and the
 * successor gains nothing of that other post.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { chargeStartBody } from '@eoffice/domain';
import { actOn, claim, complete, openFile, refused, startMovement, taskOf, GAD_OFFICERS, useDepartment } from './movement-support';

const { ASO1, SO } = GAD_OFFICERS; // SO holds SO_EST and, for now, US_EST too; charge of SO_EST passes
const NEW_SO = 'anjali.sen'; // takes charge of SO_EST

describe('transfer of charge: the predecessor’s claims on another post she holds stay hers', () => {
  const d = useDepartment();
  const ids: Record<string, string> = {};
  const pids: Record<string, string> = {};
  const assignee = async (pid: string) => (await taskOf(d, pid)).assignee ?? null;
  /** A file the ASO sends to the Section Officer's post. */
  const sentToSo = async (key: string, subject: string) => {
    ids[key] = await openFile(d, ASO1, subject);
    pids[key] = await startMovement(await d.as(ASO1), ids[key], 'ASO_EST_1');
    await actOn(d, pids[key], ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
  };

  before(async () => {
    await d.addPerson(NEW_SO, 'Anjali', 'Sen');
    await d.admin.groups.createGroupMembership(d.group('US_EST'), { id: SO, memberType: 'PERSON' });
    const so = await d.as(SO);
    // Her post's: a file she opened in its Inbox.
    await sentToSo('opened', 'Leave encashment');
    await claim(so, (await taskOf(d, pids.opened)).id);
    // Held by her post, but the task is the Under Secretary's: she asked that post to approve closing it and,
    // holding it too, took the request up there.
    await sentToSo('asked', 'Routine circular');
    await actOn(d, pids.asked, SO, { eowf_action: 'close', eowf_to: 'US_EST', eowf_remarks: 'No further action' });
    await claim(so, (await taskOf(d, pids.asked)).id);
    // Held by the other post: sent on by her post, opened by her there.
    await sentToSo('other', 'Budget estimates');
    await actOn(d, pids.other, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    await claim(so, (await taskOf(d, pids.other)).id);
  });

  it('only her claim on her transferred post’s task goes back to its pool', async () => {
    const started = await d.admin.call('workflow', 'POST', '/processes', {}, chargeStartBody({ post: 'SO_EST', to: NEW_SO }));
    const vars = await d.admin.call('workflow', 'GET', `/processes/${started.entry.id}/variables`, {});
    const released = vars.list.entries.find((e: { entry: { name: string } }) => e.entry.name === 'eowf_chargeReleased')?.entry.value;
    assert.equal(Number(released), 1);
    assert.equal(await assignee(pids.opened), null, 'her opened file goes to the post, for the successor');
    assert.equal(await assignee(pids.asked), SO, 'the approval she took up for the other post stays hers');
    assert.equal(await assignee(pids.other), SO, 'the file she opened in the other post stays hers');
  });

  it('the successor gains nothing of the other post: she can neither take up nor decide its work', async () => {
    const anjali = await d.as(NEW_SO);
    for (const key of ['asked', 'other']) {
      const out = await refused(async () => claim(anjali, (await taskOf(d, pids[key])).id));
      assert.ok(out.status === 403 || out.status === 409, `${key}: refused (${out.status})`);
      assert.equal(await assignee(pids[key]), SO);
    }
    // She still decides the request in her own right, as the other post.
    await complete(await d.as(SO), (await taskOf(d, pids.asked)).id, { eowf_decision: 'approve', eowf_remarks: 'Approved' });
    assert.equal((await d.admin.nodes.getNode(ids.asked, { include: ['properties'] })).entry.properties['eo:status'], 'closed');
  });
});
