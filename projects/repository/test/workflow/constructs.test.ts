/**
 * One small definition per Activiti construct Alfresco's bundled definitions rely on, each run as Activiti 5.23
 * runs it: Java lists in scripts (`bpm_assignees.size()`, `new java.util.ArrayList()`) feeding a multi-instance
 * loop, the `workflow` root object, flow listeners whatever their `event` attribute, and a multi-instance loop
 * over a missing or non-collection variable, which Activiti refuses (MultiInstanceActivityBehavior).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { bootstrapFile, completeTask, entries, startProcess, uploadDefinition, wf, bpmn, DELEGATE } from './support';

const EXECUTION_LISTENER = 'org.alfresco.repo.workflow.activiti.listener.ScriptExecutionListener';
const scriptField = (code: string) =>
  `<activiti:field name="script"><activiti:string><![CDATA[${code}]]></activiti:string></activiti:field>`;
const scriptTask = (id: string, code: string) =>
  `<serviceTask id="${id}" activiti:class="${DELEGATE}"><extensionElements>${scriptField(code)}</extensionElements></serviceTask>`;

/**
 * Java lists: the assignees list read with size()/get(i), a new ArrayList built, stored and looped over.
 * `new java.util.ArrayList()` needs a trusted script, as in Alfresco's bundled definitions: this one is deployed
 * at bootstrap as they are (an upload to Data Dictionary runs sandboxed, without `java`: script-trust.test.ts).
 */
const JAVA_LISTS = bpmn(
  'eoJavaLists',
  `<startEvent id="start" activiti:formKey="wf:submitParallelReviewTask"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="collect"/>
  ${scriptTask(
    'collect',
    `var names = new java.util.ArrayList();
     for (var i = 0; i < bpm_assignees.size(); i++) names.add(bpm_assignees.get(i).properties.userName);
     execution.setVariable('eo_assigneeCount', bpm_assignees.size());
     execution.setVariable('eo_hasAnn', names.contains('ann'));
     execution.setVariable('eo_names', names);`
  )}
  <sequenceFlow id="f2" sourceRef="collect" targetRef="sign"/>
  <userTask id="sign" name="Sign">
    <humanPerformer><resourceAssignmentExpression><formalExpression>\${signer}</formalExpression></resourceAssignmentExpression></humanPerformer>
    <multiInstanceLoopCharacteristics isSequential="false">
      <loopDataInputRef>eo_names</loopDataInputRef>
      <inputDataItem name="signer"/>
    </multiInstanceLoopCharacteristics>
  </userTask>
  <sequenceFlow id="f3" sourceRef="sign" targetRef="end"/>
  <endEvent id="end"/>`
);

/** The `workflow` root object (Alfresco's WorkflowManager script extension). */
const WORKFLOW_ROOT = bpmn(
  'eoWorkflowRoot',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="read"/>
  ${scriptTask(
    'read',
    `execution.setVariable('eo_maxGroupReviewers', workflow.maxGroupReviewers);
     execution.setVariable('eo_definitionName', workflow.getDefinitionByName('activiti$eoWorkflowRoot').name);`
  )}
  <sequenceFlow id="f2" sourceRef="read" targetRef="wait"/>
  <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
  <endEvent id="end"/>`
);

/** Flow listeners declared for "start" and "end": Activiti runs both when the flow is taken. */
const FLOW_LISTENERS = bpmn(
  'eoFlowListeners',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="wait">
    <extensionElements>
      <activiti:executionListener event="start" class="${EXECUTION_LISTENER}">${scriptField(
        "execution.setVariable('eo_onStart', 'ran on ' + execution.eventName);"
      )}</activiti:executionListener>
      <activiti:executionListener event="end" expression="\${execution.setVariable('eo_onEnd', 'ran')}"/>
    </extensionElements>
  </sequenceFlow>
  <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
  <endEvent id="end"/>`
);

/** A multi-instance loop over `eo_reviewers` (a variable name) and over `${eo_reviewers}` (an expression). */
const loopOver = (id: string, collection: string) =>
  bpmn(
    id,
    `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <userTask id="review" name="Review" activiti:assignee="\${reviewer}">
    <multiInstanceLoopCharacteristics isSequential="true" activiti:collection="${collection}" activiti:elementVariable="reviewer"/>
  </userTask>
  <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  <endEvent id="end"/>`
  );

/** The same loop reached by completing a task: the PUT /tasks call fails and the task stays open. */
const LOOP_AFTER_TASK = bpmn(
  'eoLoopAfterTask',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="prepare"/>
  <userTask id="prepare" name="Prepare" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f2" sourceRef="prepare" targetRef="review"/>
  <userTask id="review" name="Review" activiti:assignee="\${reviewer}">
    <multiInstanceLoopCharacteristics isSequential="false">
      <loopDataInputRef>eo_reviewers</loopDataInputRef>
      <inputDataItem name="reviewer"/>
    </multiInstanceLoopCharacteristics>
  </userTask>
  <sequenceFlow id="f3" sourceRef="review" targetRef="end"/>
  <endEvent id="end"/>`
);

const TASK_LISTENER = 'org.alfresco.repo.workflow.activiti.tasklistener.ScriptTaskListener';
const taskListener = (event: string, code: string) =>
  `<activiti:taskListener event="${event}" class="${TASK_LISTENER}">${scriptField(code)}</activiti:taskListener>`;

/**
 * Task listeners for `all` (every task event) and `delete` (every task as it ends: after `complete`, as
 * TaskEntity.complete ends it through TaskEntityManager.deleteTask, and without completion: here by the
 * loop's completion condition, or by deleting the process), which Activiti 5.23 fires.
 */
const TASK_EVENTS = bpmn(
  'eoTaskEvents',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
  <userTask id="check" name="Check" activiti:assignee="\${initiator.properties.userName}">
    <extensionElements>${taskListener(
      'all',
      "execution.setVariable('eo_events', (typeof eo_events == 'undefined' ? '' : eo_events) + task.eventName + ';');"
    )}</extensionElements>
  </userTask>
  <sequenceFlow id="f2" sourceRef="check" targetRef="sign"/>
  <userTask id="sign" name="Sign" activiti:assignee="\${signer}">
    <extensionElements>${taskListener(
      'delete',
      "companyhome.childByNamePath('Shared').createFolder('withdrawn-' + task.assignee + '-' + execution.getVariable('eo_mark'));"
    )}</extensionElements>
    <multiInstanceLoopCharacteristics isSequential="false" activiti:collection="\${eo_signers}" activiti:elementVariable="signer">
      <completionCondition>\${nrOfCompletedInstances >= 1}</completionCondition>
    </multiInstanceLoopCharacteristics>
  </userTask>
  <sequenceFlow id="f3" sourceRef="sign" targetRef="end"/>
  <endEvent id="end"/>`
);

/**
 * Who a task listener runs as, and when `assignment` fires: Activiti's TaskEntity.setAssignee fires it on every
 * change of assignee (a starter naming someone through PUT ?select=assignee, a release), and a listener without
 * runAs runs as the REST caller, `person` included, also for the `delete` of a process deleted by a user.
 */
const WHO_ACTS = bpmn(
  'eoWhoActs',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
  <userTask id="work" name="Work" activiti:candidateUsers="ann,bob">
    <extensionElements>${taskListener(
      'all',
      "if (task.eventName == 'delete') companyhome.childByNamePath('Shared').createFolder('deleted-by-' + person.properties.userName); else execution.setVariable('eo_log', (typeof eo_log == 'undefined' ? '' : eo_log) + task.eventName + ':' + (task.assignee || '-') + ':' + person.properties.userName + ';');"
    )}</extensionElements>
  </userTask>
  <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
  <endEvent id="end"/>`
);

describe('workflow: Activiti constructs of the bundled definitions', () => {
  const repo = useTestRepository({ workflows: [bootstrapFile('java-lists.bpmn20.xml', JAVA_LISTS)] });
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
    for (const u of ['fred', 'ann', 'bob']) await repo().createUser(u);
    fred = await repo().api('fred', 'fred');
    await uploadDefinition(admin, 'workflow-root.bpmn20.xml', WORKFLOW_ROOT);
    await uploadDefinition(admin, 'flow-listeners.bpmn20.xml', FLOW_LISTENERS);
    await uploadDefinition(admin, 'loop-variable.bpmn20.xml', loopOver('eoLoopVariable', 'eo_reviewers'));
    await uploadDefinition(admin, 'loop-expression.bpmn20.xml', loopOver('eoLoopExpression', '${eo_reviewers}'));
    await uploadDefinition(admin, 'loop-after-task.bpmn20.xml', LOOP_AFTER_TASK);
    await uploadDefinition(admin, 'task-events.bpmn20.xml', TASK_EVENTS);
    await uploadDefinition(admin, 'who-acts.bpmn20.xml', WHO_ACTS);
  });

  const variables = async (processId: string) =>
    Object.fromEntries(entries(await wf(admin, 'GET', `/processes/${processId}/variables`)).map((v) => [v.name, v.value]));
  const processTasks = async (processId: string) => entries(await wf(admin, 'GET', `/processes/${processId}/tasks`));
  const processCount = async () => entries(await wf(admin, 'GET', '/processes', { query: { maxItems: 1000 } })).length;

  it('Java lists: size()/get(i) on bpm_assignees, a java.util.ArrayList stored and looped over', async () => {
    const process = await startProcess(fred, 'eoJavaLists', { bpm_assignees: ['ann', 'bob'] });
    const vars = await variables(process.id);
    assert.equal(vars.eo_assigneeCount, 2);
    assert.equal(vars.eo_hasAnn, true);
    assert.deepEqual(vars.eo_names, ['ann', 'bob']);
    const tasks = await processTasks(process.id);
    assert.deepEqual(tasks.map((t) => t.assignee).sort(), ['ann', 'bob'], 'one task per list element');
    for (const t of tasks) await completeTask(await repo().api(t.assignee, t.assignee), t.id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });

  it('the workflow root object: maxGroupReviewers (0 by default) and definitions by name', async () => {
    const process = await startProcess(fred, 'eoWorkflowRoot', {});
    const vars = await variables(process.id);
    assert.equal(vars.eo_maxGroupReviewers, 0);
    assert.equal(vars.eo_definitionName, 'activiti$eoWorkflowRoot');
  });

  it('flow listeners declared for "start" and "end" both run when the flow is taken', async () => {
    const process = await startProcess(fred, 'eoFlowListeners', {});
    const vars = await variables(process.id);
    assert.equal(vars.eo_onStart, 'ran on take');
    assert.equal(vars.eo_onEnd, 'ran');
  });

  it("a multi-instance loop over a missing variable fails the start with Activiti's error and leaves no process", async () => {
    const before = await processCount();
    const e = await rejectionOf(startProcess(fred, 'eoLoopVariable', {}));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Variable eo_reviewers is not found/);
    assert.equal(await processCount(), before);
  });

  it('a multi-instance loop over a variable that is not a list fails as Activiti does', async () => {
    const e = await rejectionOf(startProcess(fred, 'eoLoopVariable', { eo_reviewers: 'ann' }));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Variable eo_reviewers' is not a Collection/);
    const viaExpression = await rejectionOf(startProcess(fred, 'eoLoopExpression', { eo_reviewers: 'ann' }));
    expectError(viaExpression, 500);
    assert.match(JSON.stringify(viaExpression), /\$\{eo_reviewers\}' didn't resolve to a Collection/);
  });

  it('completing the task that leads into a loop over a missing variable fails with 500 and the task stays open', async () => {
    const process = await startProcess(fred, 'eoLoopAfterTask', {});
    const [prepare] = await processTasks(process.id);
    const e = await rejectionOf(completeTask(fred, prepare.id));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Variable eo_reviewers is not found/);
    assert.equal((await wf(fred, 'GET', `/tasks/${prepare.id}`)).entry.state, 'claimed');
    assert.deepEqual(
      (await processTasks(process.id)).map((t) => t.activityDefinitionId),
      ['prepare']
    );
  });

  it('a task listener for "all" runs on assignment, create, complete and delete; "delete" runs for completed and withdrawn instances', async () => {
    const process = await startProcess(fred, 'eoTaskEvents', { eo_signers: ['ann', 'bob'], eo_mark: 'loop' });
    const [check] = await processTasks(process.id);
    await completeTask(fred, check.id);
    // Activiti 5.23 assigns a new task (firing `assignment`) before it fires `create`; a completed task is
    // then deleted (TaskEntity.complete → TaskEntityManager.deleteTask), which fires `delete` after `complete`.
    assert.equal((await variables(process.id)).eo_events, 'assignment;create;complete;delete;');
    const signs = await processTasks(process.id);
    await completeTask(await repo().api('ann', 'ann'), signs.find((t) => t.assignee === 'ann').id);
    const shared = await new NodesApi(admin).listNodeChildren('-root-', { relativePath: 'Shared' });
    const names = (shared.list?.entries ?? []).map((e) => e.entry.name);
    assert.ok(names.includes('withdrawn-bob-loop'), "bob's open instance was deleted by the completion condition");
    assert.ok(names.includes('withdrawn-ann-loop'), "ann's completed task fires delete too, after complete");
  });

  it('deleting a process runs the delete listeners of its open tasks', async () => {
    const process = await startProcess(fred, 'eoTaskEvents', { eo_signers: ['ann'], eo_mark: 'cancel' });
    await completeTask(fred, (await processTasks(process.id))[0].id);
    await wf(fred, 'DELETE', `/processes/${process.id}`);
    const shared = await new NodesApi(admin).listNodeChildren('-root-', { relativePath: 'Shared' });
    assert.ok((shared.list?.entries ?? []).some((e) => e.entry.name === 'withdrawn-ann-cancel'));
  });

  it('naming an assignee and releasing a task fire "assignment", run as the caller; a deleted process runs "delete" as the deleting user', async () => {
    const process = await startProcess(fred, 'eoWhoActs', {});
    const [work] = await processTasks(process.id);
    await wf(fred, 'PUT', `/tasks/${work.id}`, { query: { select: 'assignee' }, body: { assignee: 'ann' } });
    await wf(await repo().api('ann', 'ann'), 'PUT', `/tasks/${work.id}`, { query: { select: 'state' }, body: { state: 'unclaimed' } });
    assert.equal((await variables(process.id)).eo_log, 'create:-:fred;assignment:ann:fred;assignment:-:ann;');
    await wf(fred, 'DELETE', `/processes/${process.id}`);
    const shared = await new NodesApi(admin).listNodeChildren('-root-', { relativePath: 'Shared' });
    assert.ok((shared.list?.entries ?? []).some((e) => e.entry.name === 'deleted-by-fred'));
  });

  it('an empty list makes no instance and the process moves on, as in Activiti', async () => {
    const process = await startProcess(fred, 'eoLoopVariable', { eo_reviewers: [] });
    // admin: a process that never had a task involves nobody, not even its starter (ProcessesImpl)
    assert.equal((await wf(admin, 'GET', `/processes/${process.id}`)).entry.completed, true);
    const listed = await startProcess(fred, 'eoLoopVariable', { eo_reviewers: ['ann', 'bob'] });
    assert.deepEqual(
      (await processTasks(listed.id)).map((t) => t.assignee),
      ['ann'],
      'sequential: one instance at a time'
    );
  });
});
