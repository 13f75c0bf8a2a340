/**
 * Issue 13 replayed: officers of the demo department attack custody through the raw public REST API, with
 * the rights a real ACS gives them (the process's starter and every involved user may set a task's assignee,
 * complete its tasks, set variables, change the package and delete the process). Each attack must be
 * refused, or come to nothing, AND leave the item's custody, movements and numbers as they were.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Acs } from '../src/acs';
import { checkConsistency } from '../src/consistency';
import { artefacts } from './support';
import {
  actOn,
  claim,
  complete,
  diariseReceipt,
  item,
  movements,
  openFile,
  refused,
  startMovement,
  taskOf,
  type Department,
  GAD_OFFICERS,
  useDepartment
} from './movement-support';

const { CRU, ASO1, SO, US } = GAD_OFFICERS;

const wf = (acs: Acs, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, query: Record<string, unknown> = {}, body?: unknown) =>
  acs.call('workflow', method, path, query, body);

/** What must not change under an attack: custody, numbers and the movement record. */
async function custody(d: Department, id: string) {
  const p = await item(d, id);
  return {
    status: p['eo:status'],
    holder: p['eo:currentHolder'],
    previous: p['eo:previousHolder'] ?? null,
    process: p['eo:movementProcess'] ?? null,
    number: p['eo:receiptNumber'] ?? p['eo:fileNumber'],
    movements: await movements(d.admin, id)
  };
}

/** Runs the steps of an attack in order, stopping at the first refusal; gives the refused status (or 200). */
async function attack(...steps: (() => Promise<unknown>)[]): Promise<number> {
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      return Number((e as { status?: number }).status);
    }
  }
  return 200;
}

describe('custody under attack through the REST API (issue 13)', () => {
  const d = useDepartment();

  /** A receipt the CRU diarised and sent to the Section Officer (Establishment), unopened. */
  async function receiptWithSO(subject: string): Promise<{ id: string; pid: string }> {
    const id = await diariseReceipt(d, CRU, subject);
    const pid = await startMovement(await d.as(CRU), id, 'CRU');
    await actOn(d, pid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
    return { id, pid };
  }

  it('1. the starter cannot claim the holder’s task for her: the item stays unopened', async () => {
    const { id, pid } = await receiptWithSO('Impersonation by assignee');
    const task = await taskOf(d, pid);
    const before = await custody(d, id);
    const forged = await refused(async () => wf(await d.as(CRU), 'PUT', `/tasks/${task.id}`, { select: 'assignee' }, { assignee: SO }));
    assert.equal(forged.status, 500);
    assert.match(forged.summary, /pooja\.patel cannot claim this task for priya\.nair/);
    assert.deepEqual(await custody(d, id), before);
    assert.equal((await taskOf(d, pid)).assignee, undefined, 'the task is still unclaimed');
  });

  it('1. the starter cannot complete the task the holder claimed, with any action', async () => {
    const { id, pid } = await receiptWithSO('Impersonation by completion');
    const task = await taskOf(d, pid);
    await claim(await d.as(SO), task.id);
    const before = await custody(d, id);
    for (const vars of [{ eowf_action: 'send', eowf_to: 'US_EST' }, { eowf_action: 'close' }, { eowf_action: 'park' }]) {
      const forged = await refused(async () => complete(await d.as(CRU), task.id, vars));
      assert.equal(forged.status, 500);
      assert.match(forged.summary, /pooja\.patel does not hold/);
    }
    assert.deepEqual(await custody(d, id), before);
    await complete(await d.as(SO), task.id, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'), 'the holder herself still sends');
  });

  it('1. an Assistant Section Officer cannot approve his own close request', async () => {
    const id = await openFile(d, ASO1, 'Self-approved closure');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'close', eowf_remarks: 'Nothing more to do' });
    const approval = await taskOf(d, pid);
    assert.equal(approval.activityDefinitionId, 'approval');
    const before = await custody(d, id);
    const status = await attack(
      async () => wf(await d.as(ASO1), 'PUT', `/tasks/${approval.id}`, { select: 'assignee' }, { assignee: SO }),
      async () => complete(await d.as(ASO1), approval.id, { eowf_decision: 'approve' })
    );
    assert.equal(status, 500);
    assert.deepEqual(await custody(d, id), before);
    assert.notEqual((await item(d, id))['eo:status'], 'closed');
  });

  it('2. a swapped package acts on the bound item only: the planted file is untouched', async () => {
    // B: a file the ASO opened and sent up; he may still read it, the SO holds it.
    const planted = await openFile(d, ASO1, 'Planted file');
    const plantedPid = await startMovement(await d.as(ASO1), planted, 'ASO_EST_1');
    await actOn(d, plantedPid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    const plantedBefore = await custody(d, planted);
    // A: a file the ASO holds; he swaps its package for B, then asks to close.
    const own = await openFile(d, ASO1, 'Own file');
    const pid = await startMovement(await d.as(ASO1), own, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    await wf(aso, 'DELETE', `/processes/${pid}/items/${own}`);
    await wf(aso, 'POST', `/processes/${pid}/items`, {}, { id: planted });
    await actOn(d, pid, ASO1, { eowf_action: 'close', eowf_remarks: 'Close the planted one' });
    assert.deepEqual(await custody(d, planted), plantedBefore, 'the file held by the SO did not move');
    assert.equal((await item(d, own))['eo:pendingRequest'], 'close', 'the request concerns the bound file');
    assert.equal((await taskOf(d, plantedPid)).activityDefinitionId, 'holder', 'the planted file keeps its own task');
  });

  it('3. setting eowf_opened=false does not let the sender pull back an opened item', async () => {
    const { id, pid } = await receiptWithSO('Pull back after opening');
    const task = await taskOf(d, pid);
    await claim(await d.as(SO), task.id); // opened
    const before = await custody(d, id);
    const cru = await d.as(CRU);
    const status = await attack(
      () => wf(cru, 'POST', `/processes/${pid}/variables`, {}, [{ name: 'eowf_opened', value: false, type: 'd:boolean' }]),
      () => wf(cru, 'POST', `/tasks/${task.id}/variables`, {}, [{ name: 'eowf_opened', value: false, type: 'd:boolean', scope: 'global' }]),
      () => wf(cru, 'PUT', `/tasks/${task.id}`, { select: 'assignee' }, { assignee: CRU }),
      () => complete(cru, task.id, { eowf_action: 'pullBack' })
    );
    assert.notEqual(status, 200);
    assert.deepEqual(await custody(d, id), before);
  });

  it('3. a planted eowf_holder does not lock the real holder out', async () => {
    const { id, pid } = await receiptWithSO('Planted holder variable');
    await wf(await d.as(CRU), 'POST', `/processes/${pid}/variables`, {}, [{ name: 'eowf_holder', value: 'CRU', type: 'd:text' }]);
    await wf(await d.as(CRU), 'POST', `/processes/${pid}/variables`, {}, [
      { name: 'eowf_senderGroup', value: d.group('CRU'), type: 'd:text' }
    ]);
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    const after = await custody(d, id);
    assert.equal(after.holder, d.group('US_EST'));
    assert.deepEqual(
      after.movements.map((m) => [m.action, m.from, m.to, m.fromUser]),
      [
        ['send', d.group('CRU'), d.group('SO_EST'), CRU],
        ['send', d.group('SO_EST'), d.group('US_EST'), SO]
      ]
    );
  });

  it('3. removing the item from the package does not lock the real holder out', async () => {
    const { id, pid } = await receiptWithSO('Item removed from the package');
    await wf(await d.as(CRU), 'DELETE', `/processes/${pid}/items/${id}`);
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
    await actOn(d, pid, US, { eowf_action: 'sendBack', eowf_remarks: 'Seen' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('SO_EST'));
  });

  it('3. the starter cannot delete the movement; an administrator can, and the holder then starts anew', async () => {
    const { id, pid } = await receiptWithSO('Deleted process');
    const before = await custody(d, id);
    const deleted = await refused(async () => wf(await d.as(CRU), 'DELETE', `/processes/${pid}`));
    assert.equal(deleted.status, 500);
    assert.match(deleted.summary, /only an administrator can cancel its movement/);
    assert.deepEqual(await custody(d, id), before);
    assert.equal((await taskOf(d, pid)).activityDefinitionId, 'holder', 'the holder keeps her task');

    await wf(d.admin, 'DELETE', `/processes/${pid}`);
    const cancelled = await item(d, id);
    assert.equal(cancelled['eo:movementProcess'], undefined, 'the item is no longer bound');
    assert.equal(cancelled['eo:currentHolder'], d.group('SO_EST'), 'custody stays with the holder');
    const again = await startMovement(await d.as(SO), id, 'SO_EST');
    await actOn(d, again, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
  });

  it('8. close approval cannot be addressed to a Section Officer of another section', async () => {
    const id = await openFile(d, ASO1, 'Approval outside the line');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const task = await taskOf(d, pid);
    await claim(await d.as(ASO1), task.id);
    const before = await custody(d, id);
    const out = await refused(async () => complete(await d.as(ASO1), task.id, { eowf_action: 'close', eowf_to: 'SO_ADM' }));
    assert.equal(out.status, 500);
    assert.match(out.summary, /not on the reporting line/);
    assert.deepEqual(await custody(d, id), before);
    assert.equal((await taskOf(d, pid)).activityDefinitionId, 'holder');
  });

  it('leaves nothing for the consistency check to find (npx eoffice doctor --consistency)', async () => {
    const report = await checkConsistency(d.admin, artefacts().hierarchy);
    assert.deepEqual(report.findings, []);
    assert.ok(report.items > 0 && report.openTasks > 0, `${report.items} items, ${report.openTasks} open tasks checked`);
  });
});
