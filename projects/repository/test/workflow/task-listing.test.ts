/**
 * GET /tasks and GET /processes/{id}/tasks as ACS answers them (TasksImpl, MapBasedQueryWalker in
 * alfresco-community-repo's remote-api): the involvement filter for non-administrators, candidateUser and
 * candidateGroup, where values that are text unless typed, and the properties and operators accepted.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, startProcess, uploadDefinition, wf } from './support';

const FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
  targetNamespace="http://eoffice.example/workflow">
  <process isExecutable="true" id="eoListing" name="Listing flow">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f2" sourceRef="fork" targetRef="pool"/>
    <sequenceFlow id="f3" sourceRef="fork" targetRef="direct"/>
    <sequenceFlow id="f4" sourceRef="fork" targetRef="mine"/>
    <sequenceFlow id="f5" sourceRef="fork" targetRef="ask"/>
    <userTask id="pool" name="Pool" activiti:candidateGroups="clerks"/>
    <userTask id="direct" name="Direct" activiti:candidateUsers="dora"/>
    <userTask id="mine" name="Mine" activiti:assignee="\${initiator.properties.userName}"/>
    <userTask id="ask" name="Ask carla" activiti:candidateUsers="carla"/>
    <sequenceFlow id="f6" sourceRef="pool" targetRef="join"/>
    <sequenceFlow id="f7" sourceRef="direct" targetRef="join"/>
    <sequenceFlow id="f8" sourceRef="mine" targetRef="join"/>
    <sequenceFlow id="f9" sourceRef="ask" targetRef="join"/>
    <parallelGateway id="join"/>
    <sequenceFlow id="f10" sourceRef="join" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

describe('workflow: listing tasks as ACS does', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;
  let carla: AlfrescoApi;
  let dora: AlfrescoApi;
  let erin: AlfrescoApi;
  let processId: string;

  const list = async (api: AlfrescoApi, where?: string) =>
    entries(await wf(api, 'GET', '/tasks', { query: where ? { where, maxItems: 100 } : { maxItems: 100 } }))
      .filter((t) => t.processId === processId)
      .map((t) => t.activityDefinitionId)
      .sort();

  before(async () => {
    admin = await repo().api();
    await repo().createUser('fred');
    await repo().createUser('carla', { groups: ['GROUP_clerks'] });
    await repo().createUser('dora');
    await repo().createUser('erin', { groups: ['GROUP_auditors'] });
    [fred, carla, dora, erin] = await Promise.all(['fred', 'carla', 'dora', 'erin'].map((u) => repo().api(u, u)));
    await uploadDefinition(admin, 'listing.bpmn20.xml', FLOW);
    processId = (await startProcess(fred, 'eoListing', { eo_opened: false, eo_count: 5, eo_code: 'A1' })).id;
  });

  it('without candidateUser or candidateGroup a non-administrator sees only the tasks they are involved in', async () => {
    // carla's group is offered "pool", and carla by name "ask": only the user link involves her.
    assert.deepEqual(await list(carla), ['ask']);
    // the starter is: Alfresco's TaskCreateListener links the initiator to every task it creates
    assert.deepEqual(await list(fred), ['ask', 'direct', 'mine', 'pool']);
    assert.deepEqual(await list(dora), ['direct']);
    assert.deepEqual(await list(erin), []);
    assert.deepEqual(await list(admin), ['ask', 'direct', 'mine', 'pool']);
  });

  it('candidateGroup lists the pool of any group, member or not; candidateUser the pools of the user’s groups', async () => {
    assert.deepEqual(await list(carla, "(candidateGroup = 'GROUP_clerks')"), ['pool']);
    assert.deepEqual(await list(erin, "(candidateGroup = 'GROUP_clerks')"), ['pool'], 'ACS checks no membership');
    // a user in groups: the tasks offered to those groups (taskCandidateGroupIn), not those offered by name
    assert.deepEqual(await list(erin, "(candidateUser = 'carla')"), ['pool']);
    // a user in no group: the tasks offered to the user by name
    assert.deepEqual(await list(erin, "(candidateUser = 'dora')"), ['direct']);
    // processId lifts the involvement filter too
    assert.deepEqual(await list(erin, `(processId = '${processId}')`), ['ask', 'direct', 'mine', 'pool']);
  });

  it('candidate filters only with status active; other statuses refused in ACS words', async () => {
    const refused = expectError(
      await rejectionOf(wf(carla, 'GET', '/tasks', { query: { where: "(candidateGroup = 'GROUP_clerks' AND status = 'any')" } })),
      400
    );
    assert.match(refused.briefSummary, /Filtering on candidateGroup is only allowed in combination with status-parameter 'active'/);
    const user = expectError(
      await rejectionOf(wf(carla, 'GET', '/tasks', { query: { where: "(candidateUser = 'carla' AND status = 'completed')" } })),
      400
    );
    assert.match(user.briefSummary, /Filtering on candidateUser is only allowed/);
    const status = expectError(await rejectionOf(wf(carla, 'GET', '/tasks', { query: { where: "(status = 'open')" } })), 400);
    assert.match(status.briefSummary, /Invalid status parameter: open$/);
  });

  it('where values are text unless typed: an untyped false or 5 matches no boolean or number variable', async () => {
    assert.deepEqual(await list(admin, '(variables/eo_opened = false)'), []);
    assert.deepEqual(await list(admin, "(variables/eo_opened = 'false')"), []);
    assert.deepEqual(await list(admin, "(variables/eo_opened = 'd:boolean false')"), ['ask', 'direct', 'mine', 'pool']);
    assert.deepEqual(await list(admin, "(variables/eo_opened = 'd_boolean true')"), []);
    assert.deepEqual(await list(admin, '(variables/eo_count = 5)'), []);
    assert.deepEqual((await list(admin, "(variables/eo_count = 'd:int 5')")).length, 4);
    assert.deepEqual((await list(admin, "(variables/eo_count >= 'd:int 6')")).length, 0);
    assert.deepEqual((await list(admin, "(variables/eo_code = 'A1')")).length, 4);
    assert.deepEqual((await list(admin, "(variables/eo_code MATCHES('A%'))")).length, 4);
    assert.deepEqual((await list(admin, "(variables/eo_code = 'd:text A1')")).length, 4);
    const prefix = expectError(
      await rejectionOf(wf(admin, 'GET', '/tasks', { query: { where: "(variables/eo_code = 'zz:text A1')" } })),
      400
    );
    assert.match(prefix.briefSummary, /Error translating propertyName variables\/eo_code with value zz:text A1/);
    const matching = expectError(
      await rejectionOf(wf(admin, 'GET', '/tasks', { query: { where: "(variables/eo_count MATCHES('d:int 5'))" } })),
      400
    );
    assert.match(matching.briefSummary, /the matches operator can only be used with a String value for property eo_count/);
  });

  it('variables/name compares the process variables, variables/local/name the task’s own', async () => {
    const [mine] = entries(await wf(fred, 'GET', '/tasks', { query: { where: "(assignee = 'fred')" } }));
    await wf(fred, 'POST', `/tasks/${mine.id}/variables`, { body: { name: 'eo_note', value: 'seen', type: 'd:text', scope: 'local' } });
    assert.deepEqual(await list(admin, "(variables/eo_note = 'seen')"), []);
    assert.deepEqual(await list(admin, "(variables/local/eo_note = 'seen')"), ['mine']);
    assert.deepEqual(await list(admin, "(variables/global/eo_code = 'A1')"), ['ask', 'direct', 'mine', 'pool']);
    assert.deepEqual(await list(admin, "(variables/local/eo_code = 'A1')"), []);
  });

  it('no -me- alias in where; priority only with =, >= and <=, as an Integer', async () => {
    assert.deepEqual(await list(fred, "(assignee = '-me-')"), []);
    assert.deepEqual(await list(fred, "(assignee = 'fred')"), ['mine']);
    const gt = expectError(await rejectionOf(wf(admin, 'GET', '/tasks', { query: { where: '(priority > 1)' } })), 400);
    assert.match(gt.briefSummary, /The property 'priority' with value '1' isn't supported for GREATERTHAN comparison/);
    const nan = expectError(await rejectionOf(wf(admin, 'GET', '/tasks', { query: { where: "(priority = 'high')" } })), 400);
    assert.match(nan.briefSummary, /Query property value for 'priority' should be a valid Integer/);
    assert.equal((await list(admin, '(priority >= 1)')).length, 4);
    const matches = expectError(await rejectionOf(wf(admin, 'GET', '/tasks', { query: { where: "(status MATCHES('a%'))" } })), 400);
    assert.match(matches.briefSummary, /Cannot use matching for property: status/);
  });

  it('a process’s tasks take status as a query parameter; where does not filter them', async () => {
    const [mine] = entries(await wf(fred, 'GET', '/tasks', { query: { where: "(assignee = 'fred')" } }));
    await completeTask(fred, mine.id);
    const ids = async (query: Record<string, string>) =>
      entries(await wf(fred, 'GET', `/processes/${processId}/tasks`, { query }))
        .map((t) => t.activityDefinitionId)
        .sort();
    assert.deepEqual(await ids({ where: "(status = 'completed')" }), ['ask', 'direct', 'pool']);
    assert.deepEqual(await ids({ status: 'completed' }), ['mine']);
    assert.deepEqual(await ids({ status: 'any' }), ['ask', 'direct', 'mine', 'pool']);
    const bad = expectError(await rejectionOf(wf(fred, 'GET', `/processes/${processId}/tasks`, { query: { status: 'open' } })), 400);
    assert.match(bad.briefSummary, /Invalid status parameter: open$/);
    // completed tasks keep the involvement filter: fred completed "mine"
    assert.deepEqual(await list(fred, "(status = 'completed')"), ['mine']);
    assert.deepEqual(await list(carla, "(status = 'any')"), ['ask']);
  });
});
