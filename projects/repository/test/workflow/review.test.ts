/**
 * Alfresco's own review-and-approve definition, unchanged: the reviewer's outcome is copied to the process
 * by the complete listener script, and the exclusive gateway sends the initiator an approved or rejected task.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, myTasks, referenceXml, startProcess, uploadDefinition, wf } from './support';

describe('workflow: review definition', () => {
  const repo = useTestRepository();
  let fred: AlfrescoApi;
  let joe: AlfrescoApi;

  before(async () => {
    const admin = await repo().api();
    await repo().createUser('fred');
    await repo().createUser('joe');
    fred = await repo().api('fred', 'fred');
    joe = await repo().api('joe', 'joe');
    await uploadDefinition(admin, 'review.bpmn20.xml', referenceXml('review.bpmn20.xml'));
  });

  async function review(outcome: 'Approve' | 'Reject' | undefined) {
    const process = await startProcess(fred, 'activitiReview', { bpm_assignee: 'joe', bpm_workflowDescription: `Review ${outcome}` });
    const [task] = await myTasks(joe, process.id);
    assert.equal(task.activityDefinitionId, 'reviewTask');
    assert.equal(task.formResourceKey, 'wf:activitiReviewTask');
    await completeTask(joe, task.id, outcome ? [{ name: 'wf_reviewOutcome', value: outcome, type: 'd:text', scope: 'local' }] : undefined);
    const [next] = await myTasks(fred, process.id);
    const vars = Object.fromEntries(entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v.value]));
    return { process, next, vars };
  }

  it('approve: the complete listener copies the outcome to the process; the initiator gets "Document Approved"', async () => {
    const { next, vars } = await review('Approve');
    assert.equal(vars.wf_reviewOutcome, 'Approve');
    assert.equal(next.activityDefinitionId, 'approved');
    assert.equal(next.name, 'Document Approved');
    assert.equal(next.description, 'The document was reviewed and approved.');
  });

  it('reject: the outcome Reject leads to "Document Rejected"', async () => {
    const { next, vars } = await review('Reject');
    assert.equal(vars.wf_reviewOutcome, 'Reject');
    assert.equal(next.activityDefinitionId, 'rejected');
  });

  it('no outcome given: the task type default (Reject) applies, as in ACS', async () => {
    const { next, vars } = await review(undefined);
    assert.equal(vars.wf_reviewOutcome, 'Reject');
    assert.equal(next.activityDefinitionId, 'rejected');
  });

  it('the review task shows its type defaults as local variables and its form model', async () => {
    const process = await startProcess(fred, 'activitiReview', { bpm_assignee: 'joe' });
    const [task] = await myTasks(joe, process.id);
    const vars = entries(await wf(joe, 'GET', `/tasks/${task.id}/variables`, { query: { where: "(scope = 'local')" } }));
    const outcome = vars.find((v) => v.name === 'wf_reviewOutcome');
    assert.deepEqual(outcome, { scope: 'local', name: 'wf_reviewOutcome', type: 'd:text', value: 'Reject' });
    const form = entries(await wf(joe, 'GET', `/tasks/${task.id}/task-form-model`));
    assert.deepEqual(form.find((f) => f.name === 'wf_reviewOutcome').allowedValues, ['Approve', 'Reject']);
    // A variable without scope is refused on the task variables resource.
    expectError(
      await rejectionOf(wf(joe, 'POST', `/tasks/${task.id}/variables`, { body: { name: 'wf_reviewOutcome', value: 'Approve' } })),
      400
    );
    const set = await wf(joe, 'POST', `/tasks/${task.id}/variables`, {
      body: { name: 'wf_reviewOutcome', value: 'Approve', scope: 'local' }
    });
    assert.equal(set.entry.value, 'Approve');
    await completeTask(joe, task.id);
    assert.equal((await myTasks(fred, process.id))[0].activityDefinitionId, 'approved');
  });

  it('where accepts AND only, and filters by process definition key and dates', async () => {
    expectError(await rejectionOf(wf(joe, 'GET', '/tasks', { query: { where: "(assignee = 'joe' OR assignee = 'fred')" } })), 400);
    const mine = entries(
      await wf(joe, 'GET', '/tasks', {
        query: { where: "(processDefinitionKey = 'activitiReview' AND startedAt > '2000-01-01T00:00:00.000+0000')" }
      })
    );
    assert.ok(mine.every((t) => t.processDefinitionId.startsWith('activitiReview:')));
    const none = entries(
      await wf(joe, 'GET', '/tasks', {
        query: { where: "(processDefinitionKey = 'activitiReview' AND startedAt > '2999-01-01T00:00:00.000+0000')" }
      })
    );
    assert.equal(none.length, 0);
  });
});
