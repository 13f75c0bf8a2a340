/**
 * Who may see a task or a process through the workflow API, as ACS decides it (alfresco-community-repo
 * remote-api, org.alfresco.rest.workflow.api.impl): TasksImpl.getValidHistoricTask for GET /tasks/{id},
 * TasksImpl.update's gate for PUT /tasks/{id}, ProcessesImpl.getProcesses (Activiti's involvedUser) for the
 * list, and WorkflowRestImpl.validateIfUserAllowedToWorkWithProcess for a process and what hangs off it.
 * Involvement is Activiti's: assignee, owner, or a user identity link (candidate user, or the starter link
 * Alfresco's TaskCreateListener gives the initiator); a candidate group involves nobody.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { bpmn, completeTask, entries, startProcess, uploadDefinition, wf } from './support';

const POOL = bpmn(
  'eoVisibility',
  `<startEvent id="start" activiti:formKey="wf:submitGroupReviewTask"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="pool"/>
    <userTask id="pool" name="Pool" activiti:candidateGroups="clerks"/>
    <sequenceFlow id="f2" sourceRef="pool" targetRef="second"/>
    <userTask id="second" name="Second" activiti:candidateGroups="clerks"/>
    <sequenceFlow id="f3" sourceRef="second" targetRef="end"/>
    <endEvent id="end"/>`
);

describe('workflow: who sees a task or a process, as ACS decides it', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;
  let carla: AlfrescoApi;
  let cora: AlfrescoApi;
  let erin: AlfrescoApi;

  const status = async (call: Promise<unknown>) => {
    try {
      await call;
      return 200;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };
  const poolTask = async (processId: string) =>
    entries(await wf(admin, 'GET', `/processes/${processId}/tasks`)).find((t) => t.activityDefinitionId === 'pool');
  const listed = async (api: AlfrescoApi, processId: string) =>
    entries(await wf(api, 'GET', '/processes', { query: { where: "(status = 'any')", maxItems: 1000 } })).some((p) => p.id === processId);

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred');
    await repo().createUser('carla', { groups: ['GROUP_clerks'] });
    await repo().createUser('cora', { groups: ['GROUP_clerks'] });
    await repo().createUser('erin');
    [fred, carla, cora, erin] = await Promise.all(['fred', 'carla', 'cora', 'erin'].map((u) => repo().api(u, u)));
    await uploadDefinition(admin, 'visibility.bpmn20.xml', POOL);
  });

  it('a task: the group sees it only while it is unclaimed and open; the starter and the assignee always', async () => {
    const process = await startProcess(fred, 'eoVisibility', {});
    const task = await poolTask(process.id);
    assert.equal(await status(wf(carla, 'GET', `/tasks/${task.id}`)), 200, 'claimable by her group');
    assert.equal(await status(wf(fred, 'GET', `/tasks/${task.id}`)), 200, 'the starter link');
    expectError(await rejectionOf(wf(erin, 'GET', `/tasks/${task.id}`)), 403, 'Permission was denied');
    expectError(await rejectionOf(wf(erin, 'GET', '/tasks/999999')), 404);

    await wf(cora, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } });
    expectError(await rejectionOf(wf(carla, 'GET', `/tasks/${task.id}`)), 403);
    // claiming stays open to the group, which then meets the claim (TasksImpl.update's gate)
    expectError(await rejectionOf(wf(carla, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } })), 409);
    // any other update of a claimed task is the involved users' only
    expectError(await rejectionOf(wf(carla, 'PUT', `/tasks/${task.id}`, { query: { select: 'name' }, body: { name: 'x' } })), 403);
    assert.equal(await status(wf(cora, 'GET', `/tasks/${task.id}`)), 200);

    await completeTask(cora, task.id);
    // a finished task is no longer claimable
    expectError(await rejectionOf(wf(carla, 'GET', `/tasks/${task.id}`)), 403);
    assert.equal(await status(wf(cora, 'GET', `/tasks/${task.id}`)), 200, 'history keeps the assignee involved');
    assert.equal(await status(wf(fred, 'GET', `/tasks/${task.id}`)), 200);
    // what TasksImpl reads through getValidTask, the running task only, is not found once it is finished
    expectError(await rejectionOf(wf(cora, 'GET', `/tasks/${task.id}/candidates`)), 404);
    const variable = { name: 'eo_note', value: 'late', type: 'd:text', scope: 'local' };
    expectError(await rejectionOf(wf(cora, 'POST', `/tasks/${task.id}/variables`, { body: variable })), 404);
    assert.equal(await status(wf(cora, 'GET', `/tasks/${task.id}/variables`)), 200, 'getValidHistoricTask: still readable');
  });

  it('a process: listed for those its tasks involve and its starter, not for its candidate groups', async () => {
    const process = await startProcess(fred, 'eoVisibility', {});
    assert.equal(await listed(fred, process.id), true);
    assert.equal(await listed(admin, process.id), true);
    assert.equal(await listed(carla, process.id), false, 'a candidate group involves nobody');
    const refused = await rejectionOf(wf(carla, 'GET', `/processes/${process.id}`));
    expectError(refused, 403);
    assert.match(JSON.stringify(refused), new RegExp(`user is not allowed to access information about process ${process.id}`));
    expectError(await rejectionOf(wf(carla, 'GET', `/processes/${process.id}/variables`)), 403);
    expectError(await rejectionOf(wf(carla, 'GET', `/processes/${process.id}/items`)), 403);
    expectError(await rejectionOf(wf(carla, 'DELETE', `/processes/${process.id}`)), 403);

    const task = await poolTask(process.id);
    await wf(carla, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } });
    assert.equal(await listed(carla, process.id), true, 'claiming involves her');
    assert.equal(await status(wf(carla, 'GET', `/processes/${process.id}`)), 200);
    expectError(await rejectionOf(wf(admin, 'GET', '/processes/999999')), 404);
  });

  it('bpm_groupAssignee lets its members work with the process while its one open task is unclaimed (MNT-12382)', async () => {
    const process = await startProcess(fred, 'eoVisibility', { bpm_groupAssignee: 'GROUP_clerks' });
    assert.equal(await status(wf(carla, 'GET', `/processes/${process.id}`)), 200);
    assert.equal(await listed(carla, process.id), false, 'the list asks Activiti for involvement only');
    expectError(await rejectionOf(wf(erin, 'GET', `/processes/${process.id}`)), 403);
    const task = await poolTask(process.id);
    await wf(cora, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } });
    // claimed: the group rule no longer applies
    expectError(await rejectionOf(wf(carla, 'GET', `/processes/${process.id}`)), 403);
  });

  it('a process that never had a task involves nobody but an administrator', async () => {
    await uploadDefinition(
      admin,
      'no-task.bpmn20.xml',
      bpmn('eoNoTask', '<startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>')
    );
    const process = await startProcess(fred, 'eoNoTask', {});
    assert.equal(await listed(fred, process.id), true, 'the list: the starter link of the process itself');
    // validateIfUserAllowedToWorkWithProcess compares the initiator's person node id with the user name,
    // which never holds, and no task involves him
    expectError(await rejectionOf(wf(fred, 'GET', `/processes/${process.id}`)), 403);
    assert.equal(await status(wf(admin, 'GET', `/processes/${process.id}`)), 200);
  });
});
