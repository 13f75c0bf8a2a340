/**
 * The script API a transfer of charge needs (docs/workflow-scripts.md), as ACS offers it: People.addAuthority /
 * removeAuthority (AuthorityService, administrators only), JscriptWorkflowInstance.getPaths() and
 * JscriptWorkflowPath.getTasks(), JscriptWorkflowTask.getProperties() / setProperties() with cm:owner the
 * assignee. Each script records what happened in process variables; the test reads them through the REST API.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GroupsApi, type AlfrescoApi } from '@alfresco/js-api';
import { useTestRepository } from '../support/test-repository';
import { bpmn, entries, startProcess, uploadDefinition, wf } from './support';

const EXECUTION_LISTENER = 'org.alfresco.repo.workflow.activiti.listener.ScriptExecutionListener';
const listener = (code: string, runAs: boolean) =>
  `<activiti:executionListener event="start" class="${EXECUTION_LISTENER}">${
    runAs ? '<activiti:field name="runAs"><activiti:string>admin</activiti:string></activiti:field>' : ''
  }<activiti:field name="script"><activiti:string><![CDATA[${code}]]></activiti:string></activiti:field></activiti:executionListener>`;

/** A process whose start listener runs `code` (as admin when `runAs`) and ends at once. */
const instant = (key: string, code: string, runAs: boolean) =>
  bpmn(
    key,
    `<extensionElements>${listener(code, runAs)}</extensionElements>
  <startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>`
  );

const MEMBERSHIP = `
  var who = people.getPerson(execution.getVariable('eo_who'));
  var group = people.getGroup('GROUP_clerks');
  if (String(execution.getVariable('eo_change')) == 'add') people.addAuthority(group, who);
  else people.removeAuthority(group, who);`;

/** Waits in a task offered to GROUP_clerks, to be claimed and then released by another process's script. */
const POOLED = bpmn(
  'eoPooled',
  `<startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
  <userTask id="work" name="Work" activiti:candidateGroups="GROUP_clerks"/>
  <sequenceFlow id="f2" sourceRef="work" targetRef="end"/><endEvent id="end"/>`
);

const RELEASE = `
  var paths = workflow.getInstance('activiti$' + execution.getVariable('eo_target')).getPaths();
  var tasks = paths[0].getTasks();
  execution.setVariable('eo_count', paths.length + '/' + tasks.length);
  var props = tasks[0].getProperties();
  execution.setVariable('eo_owner', String(props['cm:owner']));
  if (String(execution.getVariable('eo_also')) == 'description') props['bpm:description'] = 'changed';
  if (String(execution.getVariable('eo_also')) == 'title') props['cm:title'] = 'kept on the task';
  props['cm:owner'] = null;
  tasks[0].setProperties(props);`;

describe('workflow: the script API of a transfer of charge', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let carla: AlfrescoApi;

  const members = async () =>
    ((await new GroupsApi(admin).listGroupMemberships('GROUP_clerks')).list?.entries ?? []).map((m) => m.entry.id).sort();
  const variable = async (processId: string, name: string) =>
    entries<{ name: string; value: unknown }>(await wf(admin, 'GET', `/processes/${processId}/variables`)).find((v) => v.name === name)
      ?.value;

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred');
    await repo().createUser('carla', { groups: ['GROUP_clerks'] });
    carla = await repo().api('carla', 'carla');
    await uploadDefinition(admin, 'members-admin.bpmn20.xml', instant('eoMembersAdmin', MEMBERSHIP, true));
    await uploadDefinition(admin, 'members-caller.bpmn20.xml', instant('eoMembersCaller', MEMBERSHIP, false));
    await uploadDefinition(admin, 'pooled.bpmn20.xml', POOLED);
    await uploadDefinition(admin, 'release.bpmn20.xml', instant('eoRelease', RELEASE, true));
  });

  it('people.addAuthority and removeAuthority change a group for an administrator, in the script’s transaction', async () => {
    await startProcess(carla, 'eoMembersAdmin', { eo_who: 'fred', eo_change: 'add' });
    assert.deepEqual(await members(), ['carla', 'fred']);
    await startProcess(carla, 'eoMembersAdmin', { eo_who: 'fred', eo_change: 'remove' });
    assert.deepEqual(await members(), ['carla']);
  });

  it('an officer’s own script cannot change a group: AuthorityService refuses him', async () => {
    await assert.rejects(
      startProcess(carla, 'eoMembersCaller', { eo_who: 'carla', eo_change: 'remove' }),
      (e: { status?: number; message?: string }) => {
        assert.equal(e.status, 500);
        assert.match(String(e.message), /Access Denied/);
        return true;
      }
    );
    assert.deepEqual(await members(), ['carla']);
  });

  it('a task claimed by one officer is released to its candidates through its properties, and nothing else changes', async () => {
    const target = await startProcess(carla, 'eoPooled', {});
    const [task] = entries<{ id: string }>(await wf(admin, 'GET', `/processes/${target.id}/tasks`));
    await wf(carla, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } });

    await assert.rejects(startProcess(admin, 'eoRelease', { eo_target: target.id, eo_also: 'description' }), (e: { message?: string }) => {
      assert.match(String(e.message), /does not change the task's bpm:description in this repository/);
      return true;
    });
    assert.equal((await wf(admin, 'GET', `/tasks/${task.id}`)).entry.assignee, 'carla', 'a refused change changes nothing');

    const release = await startProcess(admin, 'eoRelease', { eo_target: target.id, eo_also: '' });
    assert.equal(await variable(release.id, 'eo_count'), '1/1');
    assert.equal(await variable(release.id, 'eo_owner'), 'carla');
    assert.equal((await wf(admin, 'GET', `/tasks/${task.id}`)).entry.assignee, undefined);
  });

  it('every other property handed back is kept on the task as a local variable, as ACS keeps it', async () => {
    const target = await startProcess(carla, 'eoPooled', {});
    const [task] = entries<{ id: string }>(await wf(admin, 'GET', `/processes/${target.id}/tasks`));
    await startProcess(admin, 'eoRelease', { eo_target: target.id, eo_also: 'title' });
    const variables = entries<{ name: string; value: unknown; scope: string }>(await wf(admin, 'GET', `/tasks/${task.id}/variables`));
    assert.deepEqual(
      variables.filter((v) => v.name === 'cm_title').map((v) => [v.scope, v.value]),
      [['local', 'kept on the task']]
    );
  });
});
