/**
 * Alfresco's bundled pooled, parallel and group review definitions (fixtures/, copied unchanged from
 * alfresco-community-repo), deployed and run to the end. Between them they need a pooled task offered to a
 * group, a multi-instance task over `bpm_assignees`, Java lists in scripts (`bpm_assignees.size()`,
 * `new java.util.ArrayList()`), the `workflow` root object, a flow listener declared with `event="start"` and a
 * completion condition on the required approval percentage (`wf_requiredApprovePercent`).
 *
 * In ACS these run from the deployment its WorkflowDeployer makes at bootstrap, with full access (scripts may
 * use `java`), so they are deployed here by the repository's bootstrap path (the `workflows` option). Uploaded
 * to Data Dictionary they would run sandboxed, where parallel-review-group's `new java.util.ArrayList()` fails
 * (script-trust.test.ts).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it, before } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, myTasks, startProcess, wf } from './support';

const BUNDLED = ['review-pooled.bpmn20.xml', 'parallel-review.bpmn20.xml', 'parallel-review-group.bpmn20.xml'].map((f) =>
  path.join(__dirname, 'fixtures', f)
);

describe('workflow: Alfresco bundled review definitions', () => {
  const repo = useTestRepository({ workflows: BUNDLED });
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;
  const people: Record<string, AlfrescoApi> = {};

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred');
    fred = await repo().api('fred', 'fred');
    for (const u of ['ann', 'bob']) await repo().createUser(u, { groups: ['GROUP_reviewers'] });
    await repo().createUser('cid');
    for (const u of ['ann', 'bob', 'cid']) people[u] = await repo().api(u, u);
  });

  const processTasks = async (processId: string) => entries(await wf(admin, 'GET', `/processes/${processId}/tasks`));
  const outcome = (value: 'Approve' | 'Reject') => [{ name: 'wf_reviewOutcome', value, type: 'd:text', scope: 'local' }];
  const localVars = async (api: AlfrescoApi, taskId: string) =>
    Object.fromEntries(
      entries(await wf(api, 'GET', `/tasks/${taskId}/variables`, { query: { where: "(scope = 'local')" } })).map((v) => [v.name, v.value])
    );

  /** Each named reviewer completes their own review task with the outcome given. */
  async function review(processId: string, outcomes: [string, 'Approve' | 'Reject'][]) {
    for (const [user, value] of outcomes) {
      const [task] = await myTasks(people[user], processId);
      assert.ok(task, `${user} has a review task`);
      assert.equal(task.activityDefinitionId, 'reviewTask');
      await completeTask(people[user], task.id, outcome(value));
    }
  }

  it('review-pooled: the group is offered the task, a member claims and approves, the initiator closes it', async () => {
    const process = await startProcess(fred, 'activitiReviewPooled', { bpm_groupAssignee: 'GROUP_reviewers', bpm_workflowPriority: 1 });
    const pooled = entries(await wf(people.ann, 'GET', '/tasks', { query: { where: "(candidateGroup = 'GROUP_reviewers')" } })).filter(
      (t) => t.processId === process.id
    );
    assert.equal(pooled.length, 1);
    assert.equal(pooled[0].state, 'unclaimed');
    assert.equal(pooled[0].priority, 1, "the create listener copies the workflow's priority");
    assert.deepEqual(entries(await wf(people.ann, 'GET', `/tasks/${pooled[0].id}/candidates`)), [
      { candidateType: 'group', candidateId: 'GROUP_reviewers' }
    ]);
    await wf(people.bob, 'PUT', `/tasks/${pooled[0].id}`, { query: { select: 'state' }, body: { state: 'claimed' } });
    await completeTask(people.bob, pooled[0].id, outcome('Approve'));
    const [approved] = await myTasks(fred, process.id);
    assert.equal(approved.activityDefinitionId, 'approved');
    await completeTask(fred, approved.id);
    const done = (await wf(fred, 'GET', `/processes/${process.id}`)).entry;
    assert.equal(done.completed, true);
    assert.equal(done.endActivityDefinitionId, 'end');
  });

  it('parallel-review: one task per assignee; the required percentage of approvals ends the review early', async () => {
    const process = await startProcess(fred, 'activitiParallelReview', {
      bpm_assignees: ['ann', 'bob', 'cid'],
      wf_requiredApprovePercent: 60
    });
    assert.deepEqual((await processTasks(process.id)).map((t) => t.assignee).sort(), ['ann', 'bob', 'cid']);
    await review(process.id, [['ann', 'Approve']]);
    assert.equal((await processTasks(process.id)).length, 2, '33% approved: the review goes on');
    await review(process.id, [['bob', 'Approve']]);
    // 67% >= 60%: the completion condition ends cid's task and the gateway approves.
    const [approved] = await myTasks(fred, process.id);
    assert.equal(approved.activityDefinitionId, 'approved');
    assert.deepEqual(
      (await processTasks(process.id)).map((t) => t.id),
      [approved.id]
    );
    const vars = await localVars(fred, approved.id);
    assert.equal(vars.wf_reviewerCount, 3, 'bpm_assignees.size() in the start listener');
    assert.equal(vars.wf_approveCount, 2);
    assert.equal(vars.wf_requiredPercent, 60);
    assert.ok(Math.abs(vars.wf_actualPercent - 200 / 3) < 1e-9);
    await completeTask(fred, approved.id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });

  it('parallel-review: once too many reject for the percentage to be reached, the review is rejected', async () => {
    const process = await startProcess(fred, 'activitiParallelReview', { bpm_assignees: ['ann', 'bob'], wf_requiredApprovePercent: 100 });
    await review(process.id, [['bob', 'Reject']]);
    const [rejected] = await myTasks(fred, process.id);
    assert.equal(rejected.activityDefinitionId, 'rejected');
    assert.equal((await processTasks(process.id)).length, 1, "ann's review was cancelled");
    await completeTask(fred, rejected.id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });

  it('parallel-review-group: the flow listener lists the members in a java.util.ArrayList; the default 50% applies', async () => {
    // wf_requiredApprovePercent is left out: the start task type's default (50) applies.
    const process = await startProcess(fred, 'activitiParallelGroupReview', { bpm_groupAssignee: 'GROUP_reviewers' });
    const vars = Object.fromEntries(entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v.value]));
    assert.deepEqual([...vars.wf_groupMembers].sort(), ['ann', 'bob']);
    assert.equal(vars.wf_reviewerCount, 2);
    assert.deepEqual((await processTasks(process.id)).map((t) => t.assignee).sort(), ['ann', 'bob']);
    await review(process.id, [['ann', 'Approve']]);
    const [approved] = await myTasks(fred, process.id);
    assert.equal(approved.activityDefinitionId, 'approved', '50% of two reviewers is one approval');
    const local = await localVars(fred, approved.id);
    assert.equal(local.wf_requiredPercent, 50);
    assert.equal(local.wf_approveCount, 1);
    assert.equal(local.wf_rejectCount, 0);
    await completeTask(fred, approved.id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });
});
