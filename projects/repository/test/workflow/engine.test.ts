/**
 * Definitions of our own exercising what the bundled two do not: redeployment and undeployment, script
 * tasks working on real nodes, parallel fork/join, candidate groups and claiming, multi-instance tasks with
 * a completion condition, and a failing listener script rolling the whole request back.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, myTasks, setDeployed, startProcess, uploadDefinition, wf } from './support';

const bpmn = (body: string, id = 'eoFlow', name = 'eOffice test flow') => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://eoffice.example/workflow">
  <process isExecutable="true" id="${id}" name="${name}">${body}</process>
</definitions>`;

const SCRIPT_TASK = 'org.alfresco.repo.workflow.activiti.script.AlfrescoScriptDelegate';
const LISTENER = 'org.alfresco.repo.workflow.activiti.tasklistener.ScriptTaskListener';
const script = (event: string, code: string) =>
  `<activiti:taskListener event="${event}" class="${LISTENER}"><activiti:field name="script"><activiti:string><![CDATA[${code}]]></activiti:string></activiti:field></activiti:taskListener>`;

const FLOW = bpmn(`
  <startEvent id="start" activiti:formKey="bpm:startTask"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="prepare"/>
  <serviceTask id="prepare" activiti:class="${SCRIPT_TASK}">
    <extensionElements><activiti:field name="script"><activiti:string><![CDATA[
      var folder = companyhome.childByNamePath('Shared').createFolder('File ' + bpm_workflowDescription);
      folder.properties['cm:title'] = 'Opened by ' + person.properties.userName;
      folder.save();
      execution.setVariable('eo_folder', folder);
      execution.setVariable('eo_itemCount', bpm_package.children.length);
    ]]></activiti:string></activiti:field></extensionElements>
  </serviceTask>
  <sequenceFlow id="f2" sourceRef="prepare" targetRef="fork"/>
  <parallelGateway id="fork"/>
  <sequenceFlow id="f3" sourceRef="fork" targetRef="note"/>
  <sequenceFlow id="f4" sourceRef="fork" targetRef="pool"/>
  <userTask id="note" name="Note for \${initiator.properties.firstName}" activiti:assignee="\${initiator.properties.userName}"/>
  <userTask id="pool" name="Pooled check" activiti:candidateGroups="clerks"/>
  <sequenceFlow id="f5" sourceRef="note" targetRef="join"/>
  <sequenceFlow id="f6" sourceRef="pool" targetRef="join"/>
  <parallelGateway id="join"/>
  <sequenceFlow id="f7" sourceRef="join" targetRef="sign"/>
  <userTask id="sign" name="Sign" activiti:assignee="\${signer.properties.userName}">
    <extensionElements>${script('complete', "execution.setVariable('eo_signatures', (execution.getVariable('eo_signatures') || 0) + 1);")}</extensionElements>
    <multiInstanceLoopCharacteristics isSequential="false" activiti:collection="\${bpm_assignees}" activiti:elementVariable="signer">
      <completionCondition>\${nrOfCompletedInstances >= 2}</completionCondition>
    </multiInstanceLoopCharacteristics>
  </userTask>
  <sequenceFlow id="f8" sourceRef="sign" targetRef="decide"/>
  <exclusiveGateway id="decide" default="low"/>
  <sequenceFlow id="high" sourceRef="decide" targetRef="archive"><conditionExpression xsi:type="tFormalExpression">\${eo_signatures >= 2 &amp;&amp; bpm_workflowPriority == 1}</conditionExpression></sequenceFlow>
  <sequenceFlow id="low" sourceRef="decide" targetRef="end"/>
  <userTask id="archive" name="Archive" activiti:assignee="admin"/>
  <sequenceFlow id="f9" sourceRef="archive" targetRef="end"/>
  <endEvent id="end"/>`);

const REFUSING = bpmn(
  `
  <startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
  <userTask id="check" name="Check" activiti:assignee="\${initiator.properties.userName}">
    <extensionElements>${script(
      'complete',
      `companyhome.childByNamePath('Shared').createFolder('half-state');
       execution.setVariable('eo_touched', true);
       if (task.getVariable('eo_ok') != true) throw new Error('Refused: the check is not confirmed');`
    )}</extensionElements>
  </userTask>
  <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>
  <endEvent id="end"/>`,
  'eoRefusing',
  'Refusing flow'
);

describe('workflow: engine', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred', { firstName: 'Fred' });
    for (const u of ['ann', 'bob', 'cid']) await repo().createUser(u);
    await repo().createUser('carla', { groups: ['GROUP_clerks'] });
    fred = await repo().api('fred', 'fred');
  });

  it('redeploying makes a new version; undeploying removes it; only admins see deployments', async () => {
    const v1 = await uploadDefinition(admin, 'flow-v1.bpmn20.xml', FLOW);
    const v2 = await uploadDefinition(admin, 'flow-v2.bpmn20.xml', FLOW);
    let defs = entries(await wf(fred, 'GET', '/process-definitions', { query: { where: "(key = 'eoFlow')" } }));
    assert.deepEqual(
      defs.map((d) => d.version),
      [2],
      'only the newest version is listed'
    );
    assert.match(defs[0].id, /^eoFlow:2:\d+$/);
    assert.equal((await wf(fred, 'GET', `/process-definitions/${defs[0].id}`)).entry.key, 'eoFlow');
    const props = (await new NodesApi(admin).getNode(v2.entry.id)).entry.properties;
    assert.equal(props['bpm:definitionName'], 'activiti$eoFlow');
    expectError(await rejectionOf(wf(fred, 'GET', '/deployments')), 403);
    assert.ok(entries(await wf(admin, 'GET', '/deployments')).some((d) => d.id === defs[0].deploymentId));

    await setDeployed(admin, v2.entry.id, false);
    defs = entries(await wf(fred, 'GET', '/process-definitions', { query: { where: "(key = 'eoFlow')" } }));
    assert.deepEqual(
      defs.map((d) => d.version),
      [1]
    );
    void v1;
  });

  it('an invalid definition is refused at upload and leaves no node', async () => {
    const bad = bpmn('<startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="x"/><callActivity id="x"/>', 'eoBad');
    expectError(await rejectionOf(uploadDefinition(admin, 'bad.bpmn20.xml', bad)), 409);
    const children = await new NodesApi(admin).listNodeChildren('-root-', { relativePath: 'Data Dictionary/Workflow Definitions' });
    assert.ok(!children.list?.entries?.some((e) => e.entry.name === 'bad.bpmn20.xml'));
  });

  it('script task, parallel fork/join, candidate group, multi-instance with completion condition, gateway', async () => {
    const doc = await new NodesApi(fred).createNode('-my-', { name: 'letter.txt', nodeType: 'cm:content' });
    const process = await startProcess(
      fred,
      'eoFlow',
      { bpm_workflowDescription: 'F-12', bpm_workflowPriority: 1, bpm_assignees: ['ann', 'bob', 'cid'] },
      [doc.entry.id]
    );

    // The script task ran as fred on real nodes and set variables.
    const vars = Object.fromEntries(entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v]));
    assert.equal(vars.eo_itemCount.value, 1);
    assert.equal(vars.eo_folder.type, 'd:noderef');
    const folderId = String(vars.eo_folder.value).replace('workspace://SpacesStore/', '');
    const folder = (await new NodesApi(fred).getNode(folderId)).entry;
    assert.equal(folder.name, 'File F-12');
    assert.equal(folder.properties['cm:title'], 'Opened by fred');
    assert.equal(folder.createdByUser.id, 'fred');

    // Fork: fred's note and a pooled task for the clerks group.
    const [note] = await myTasks(fred, process.id);
    assert.equal(note.name, 'Note for Fred');
    const carla = await repo().api('carla', 'carla');
    const pooled = entries(await wf(carla, 'GET', '/tasks', { query: { where: "(candidateGroup = 'GROUP_clerks')" } }));
    assert.equal(pooled.length, 1);
    assert.equal(pooled[0].state, 'unclaimed');
    assert.deepEqual(entries(await wf(carla, 'GET', `/tasks/${pooled[0].id}/candidates`)), [
      { candidateType: 'group', candidateId: 'GROUP_clerks' }
    ]);
    expectError(await rejectionOf(completeTask(carla, pooled[0].id)), 403);
    // Two clerks claim at once: one wins, the other gets 409.
    await repo().createUser('dora', { groups: ['GROUP_clerks'] });
    const dora = await repo().api('dora', 'dora');
    const claims = await Promise.allSettled(
      [carla, dora].map((api) => wf(api, 'PUT', `/tasks/${pooled[0].id}`, { query: { select: 'state' }, body: { state: 'claimed' } }))
    );
    assert.equal(claims.filter((c) => c.status === 'fulfilled').length, 1);
    expectError((claims.find((c) => c.status === 'rejected') as PromiseRejectedResult).reason, 409);
    const winner = claims[0].status === 'fulfilled' ? carla : dora;
    await completeTask(winner, pooled[0].id);
    assert.deepEqual(
      entries(await wf(admin, 'GET', `/processes/${process.id}/tasks`)).map((t) => t.activityDefinitionId),
      ['note'],
      'the join waits for the other branch'
    );
    await completeTask(fred, note.id);

    // Multi-instance: one task per assignee; two signatures complete it and cancel the third.
    const signs = entries(await wf(admin, 'GET', `/processes/${process.id}/tasks`));
    assert.deepEqual(signs.map((t) => t.assignee).sort(), ['ann', 'bob', 'cid']);
    for (const u of ['ann', 'bob']) await completeTask(await repo().api(u, u), signs.find((t) => t.assignee === u).id);
    const after = entries(await wf(admin, 'GET', `/processes/${process.id}/tasks`));
    assert.deepEqual(
      after.map((t) => [t.activityDefinitionId, t.assignee]),
      [['archive', 'admin']],
      'priority 1 and two signatures lead to archive'
    );
    const finalVars = Object.fromEntries(
      entries(await wf(admin, 'GET', `/processes/${process.id}/variables`)).map((v) => [v.name, v.value])
    );
    assert.equal(finalVars.eo_signatures, 2);
    await completeTask(admin, after[0].id);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
    const activities = await repo().request('GET', `/alfresco/api/-default-/public/workflow/versions/1/processes/${process.id}/activities`);
    repo().recorder.ignore((e) => /\/activities/.test(e.url)); // ACS has this resource; the definitions do not list it
    assert.ok((activities.body as any).list.entries.some((e: any) => e.entry.activityDefinitionId === 'fork'));
  });

  it('a listener script that throws answers 500 with its message and leaves no half-state', async () => {
    await uploadDefinition(admin, 'refusing.bpmn20.xml', REFUSING);
    const process = await startProcess(fred, 'eoRefusing', {});
    const [task] = await myTasks(fred, process.id);
    const e = await rejectionOf(completeTask(fred, task.id));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Refused: the check is not confirmed/);
    // Nothing of the failed call remains: task open, variable unset, folder not created.
    assert.equal((await wf(fred, 'GET', `/tasks/${task.id}`)).entry.state, 'claimed');
    assert.ok(!entries(await wf(fred, 'GET', `/processes/${process.id}/variables`)).some((v) => v.name === 'eo_touched'));
    const shared = await new NodesApi(fred).listNodeChildren('-shared-');
    assert.ok(!shared.list?.entries?.some((c) => c.entry.name === 'half-state'));
    // With the confirmation the same completion goes through.
    await completeTask(fred, task.id, [{ name: 'eo_ok', value: true, scope: 'local' }]);
    assert.equal((await wf(fred, 'GET', `/processes/${process.id}`)).entry.completed, true);
  });
});
