/**
 * Timer boundary events on user tasks, as Activiti 5.23 runs them and Alfresco's reset-password definition uses
 * them: the job executor fires a due timer in the background; cancelActivity ends the task and the token leaves
 * by the timer's flow (run as the initiator, as Alfresco's AuthenticatedTimerJobHandler does), cancelActivity
 * "false" leaves the task open and starts a second token. What the engine cannot run is refused at deployment.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it, before } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, startProcess, uploadDefinition, wf, bpmn, DELEGATE } from './support';

/** ann answers, or after `eo_wait` the timer takes the file back to the initiator. */
const ESCALATING = bpmn(
  'eoEscalating',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="answer"/>
  <userTask id="answer" name="Answer" activiti:assignee="ann"/>
  <boundaryEvent id="overdue" cancelActivity="true" attachedToRef="answer">
    <timerEventDefinition><timeDuration>\${eo_wait}</timeDuration></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f2" sourceRef="answer" targetRef="end"/>
  <sequenceFlow id="f3" sourceRef="overdue" targetRef="note"/>
  <serviceTask id="note" activiti:class="${DELEGATE}"><extensionElements><activiti:field name="script"><activiti:string><![CDATA[
    execution.setVariable('eo_firedBy', person.properties.userName);
  ]]></activiti:string></activiti:field></extensionElements></serviceTask>
  <sequenceFlow id="f4" sourceRef="note" targetRef="escalated"/>
  <userTask id="escalated" name="Escalated" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f5" sourceRef="escalated" targetRef="end"/>
  <endEvent id="end"/>`
);

/** A reminder that does not take the task away: a date already past fires at the next acquisition. */
const REMINDING = bpmn(
  'eoReminding',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="answer"/>
  <userTask id="answer" name="Answer" activiti:assignee="ann"/>
  <boundaryEvent id="remind" cancelActivity="false" attachedToRef="answer">
    <timerEventDefinition><timeDate>2020-01-01T00:00:00Z</timeDate></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f2" sourceRef="answer" targetRef="end"/>
  <sequenceFlow id="f3" sourceRef="remind" targetRef="reminder"/>
  <userTask id="reminder" name="Remind ann" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f4" sourceRef="reminder" targetRef="end"/>
  <endEvent id="end"/>`
);

/** A timer on a multi-instance task belongs to the whole loop: firing ends every instance. */
const LOOP_DEADLINE = bpmn(
  'eoLoopDeadline',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="sign"/>
  <userTask id="sign" name="Sign" activiti:assignee="\${signer}">
    <multiInstanceLoopCharacteristics isSequential="false" activiti:collection="\${eo_signers}" activiti:elementVariable="signer"/>
  </userTask>
  <boundaryEvent id="deadline" attachedToRef="sign">
    <timerEventDefinition><timeDuration>PT0S</timeDuration></timerEventDefinition>
  </boundaryEvent>
  <sequenceFlow id="f2" sourceRef="sign" targetRef="end"/>
  <sequenceFlow id="f3" sourceRef="deadline" targetRef="late"/>
  <userTask id="late" name="Signatures late" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f4" sourceRef="late" targetRef="end"/>
  <endEvent id="end"/>`
);

/** A definition whose only boundary event is `event`. */
const withBoundary = (event: string) =>
  bpmn(
    'eoBadTimer',
    `<startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="t"/>
  <userTask id="t" activiti:assignee="ann"/>
  <boundaryEvent id="b" attachedToRef="t">${event}</boundaryEvent>
  <sequenceFlow id="f2" sourceRef="t" targetRef="end"/><sequenceFlow id="f3" sourceRef="b" targetRef="end"/><endEvent id="end"/>`
  );

describe('workflow: timer boundary events', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
    for (const u of ['fred', 'ann', 'bob']) await repo().createUser(u);
    fred = await repo().api('fred', 'fred');
    await uploadDefinition(admin, 'escalating.bpmn20.xml', ESCALATING);
    await uploadDefinition(admin, 'reminding.bpmn20.xml', REMINDING);
    await uploadDefinition(admin, 'loop-deadline.bpmn20.xml', LOOP_DEADLINE);
    // Alfresco's own ActivitiTimerExecutionTest definition, unchanged: a PT1S timer whose flow listener fails on demand.
    const alfrescoTimer = fs.readFileSync(path.join(__dirname, 'fixtures', 'testTimerTransaction.bpmn20.xml'), 'utf8');
    await uploadDefinition(admin, 'testTimerTransaction.bpmn20.xml', alfrescoTimer);
  });

  const openTasks = async (processId: string) =>
    entries(await wf(admin, 'GET', `/processes/${processId}/tasks`)).map((t) => [t.activityDefinitionId, t.assignee]);

  /** Polls until the process's open tasks are as expected (the job executor acquires every second). */
  async function tasksBecome(processId: string, expected: (string | undefined)[][], timeoutMs = 8000) {
    const until = Date.now() + timeoutMs;
    let tasks = await openTasks(processId);
    while (JSON.stringify(tasks) !== JSON.stringify(expected) && Date.now() < until) {
      await sleep(200);
      tasks = await openTasks(processId);
    }
    assert.deepEqual(tasks, expected);
  }

  it('an interrupting timer ends the task when due and the token leaves by its flow, run as the initiator', async () => {
    const process = await startProcess(fred, 'eoEscalating', { eo_wait: 'PT1S' });
    assert.deepEqual(await openTasks(process.id), [['answer', 'ann']], 'not due yet');
    await tasksBecome(process.id, [['escalated', 'fred']]);
    const vars = Object.fromEntries(entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v.value]));
    assert.equal(vars.eo_firedBy, 'fred');
    const [escalated] = entries(await wf(fred, 'GET', `/processes/${process.id}/tasks`));
    await completeTask(fred, escalated.id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });

  it('a task completed before its timer is due leaves the timer unfired', async () => {
    const process = await startProcess(fred, 'eoEscalating', { eo_wait: 'PT1S' });
    const [answer] = entries(await wf(admin, 'GET', `/processes/${process.id}/tasks`));
    await completeTask(await repo().api('ann', 'ann'), answer.id);
    await sleep(2200);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
    assert.deepEqual(await openTasks(process.id), []);
  });

  it('a non-interrupting timer starts a second token and the task stays', async () => {
    const process = await startProcess(fred, 'eoReminding', {});
    await tasksBecome(process.id, [
      ['answer', 'ann'],
      ['reminder', 'fred']
    ]);
  });

  it('a timer on a multi-instance task ends every instance', async () => {
    const process = await startProcess(fred, 'eoLoopDeadline', { eo_signers: ['ann', 'bob'] });
    await tasksBecome(process.id, [['late', 'fred']]);
  });

  it("Alfresco's testTimerTransaction: the timer fires after a second, its take listener runs as the initiator", async () => {
    const process = await startProcess(fred, 'testTimerTransaction', { error: false, theTaskAssignee: 'ann' });
    assert.deepEqual(await openTasks(process.id), [['firstTask', 'ann']]);
    await tasksBecome(process.id, [['waitTask', undefined]]);
    const vars = Object.fromEntries(entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v.value]));
    assert.equal(vars.timerExecutedAs, 'fred');
  });

  it("Alfresco's testTimerTransaction: a failing timer rolls back its changes and the task stays", async () => {
    const home = (await new NodesApi(fred).getNode('-my-')).entry;
    const process = await startProcess(fred, 'testTimerTransaction', { error: true, theTaskAssignee: 'ann' });
    await sleep(4500); // due after 1 s, then three failing attempts a second apart
    assert.deepEqual(await openTasks(process.id), [['firstTask', 'ann']]);
    assert.equal((await new NodesApi(fred).getNode(home.id)).entry.name, home.name, 'the rename of the home folder was rolled back');
  });

  it('a timer value that is not an ISO 8601 duration fails the call that reaches the task', async () => {
    const e = await rejectionOf(startProcess(fred, 'eoEscalating', { eo_wait: 'tomorrow' }));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /couldn't resolve duedate/);
  });

  it('boundary events the engine cannot run are refused at deployment', async () => {
    for (const event of [
      '<timerEventDefinition><timeCycle>R3/PT10H</timeCycle></timerEventDefinition>',
      '<errorEventDefinition/>',
      '<timerEventDefinition/>'
    ])
      expectError(await rejectionOf(uploadDefinition(admin, 'bad-timer.bpmn20.xml', withBoundary(event))), 409);
  });
});
