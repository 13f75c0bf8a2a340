/**
 * Alfresco's own ad hoc definition, deployed unchanged from a bpm:workflowDefinition node and run through
 * the workflow API: start with an assignee and items, the assignee's task, completion, the initiator's
 * verify task, and what its listener scripts did (due date and priority copied, mail recorded).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { completeTask, entries, ignoreItemPeople, myTasks, referenceXml, startProcess, uploadDefinition, wf } from './support';

describe('workflow: adhoc definition', () => {
  const repo = useTestRepository({ mailCatcher: true });
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;
  let joe: AlfrescoApi;
  let docId: string;

  before(async () => {
    ignoreItemPeople(repo().recorder);
    admin = await repo().api();
    await repo().createUser('fred', { email: 'fred@example.com' });
    await repo().createUser('joe', { email: 'joe@example.com' });
    fred = await repo().api('fred', 'fred');
    joe = await repo().api('joe', 'joe');
    await uploadDefinition(admin, 'adhoc.bpmn20.xml', referenceXml('adhoc.bpmn20.xml'));
    const doc = await new NodesApi(fred).createNode('-my-', {
      name: 'report.txt',
      nodeType: 'cm:content',
      properties: { 'cm:title': 'Quarterly report' }
    });
    docId = doc.entry.id;
  });

  it('a deployed definition appears under its BPMN process id, with a start form', async () => {
    const defs = entries(await wf(fred, 'GET', '/process-definitions', { query: { where: "(key = 'activitiAdhoc')" } }));
    assert.equal(defs.length, 1);
    assert.match(defs[0].id, /^activitiAdhoc:1:\d+$/);
    assert.equal(defs[0].name, 'Adhoc Activiti Process');
    assert.equal(defs[0].startFormResourceKey, 'wf:submitAdhocTask');
    const form = entries(await wf(fred, 'GET', `/process-definitions/${defs[0].id}/start-form-model`));
    const names = form.map((f) => f.name);
    assert.ok(names.includes('bpm_workflowDescription') && names.includes('wf_notifyMe') && names.includes('bpm_assignee'), names.join());
    assert.equal(form.find((f) => f.name === 'bpm_assignee').dataType, 'cm:person');
  });

  it('runs end to end: assignee task, completion, verify task for the initiator, mail from the listener', async () => {
    const due = '2030-05-01T10:00:00.000+0000';
    const process = await startProcess(
      fred,
      'activitiAdhoc',
      {
        bpm_assignee: 'joe',
        bpm_workflowDescription: 'Check the report',
        bpm_workflowDueDate: due,
        bpm_workflowPriority: 1,
        wf_notifyMe: true
      },
      [docId]
    );
    assert.equal(process.startUserId, 'fred');
    assert.equal(process.processDefinitionKey, 'activitiAdhoc');
    assert.equal(process.completed, false);

    // joe sees his task; its create listener copied the workflow due date and priority.
    const [task] = await myTasks(joe, process.id);
    assert.ok(task, 'joe has the adhoc task');
    assert.equal(task.activityDefinitionId, 'adhocTask');
    assert.equal(task.name, 'Adhoc Task');
    assert.equal(task.assignee, 'joe');
    assert.equal(task.state, 'claimed');
    assert.equal(task.formResourceKey, 'wf:adhocTask');
    assert.equal(task.priority, 1);
    assert.equal(task.dueAt, due);
    assert.equal(task.description, 'Check the report');
    assert.deepEqual(await myTasks(fred, process.id), [], 'fred has no task yet');

    // The item is in the package, seen from the process and from the task.
    const items = entries(await wf(joe, 'GET', `/tasks/${task.id}/items`));
    assert.deepEqual(
      items.map((i) => [i.id, i.name, i.title]),
      [[docId, 'report.txt', 'Quarterly report']]
    );
    const vars = entries(await wf(joe, 'GET', `/processes/${process.id}/variables`));
    const byName = Object.fromEntries(vars.map((v) => [v.name, v]));
    assert.deepEqual([byName.bpm_assignee.type, byName.bpm_assignee.value], ['cm:person', 'joe']);
    // initiator is not declared on the start type, so like ACS it shows as a d:noderef holding the user name.
    assert.deepEqual([byName.initiator.type, byName.initiator.value], ['d:noderef', 'fred']);
    assert.equal(byName.bpm_package.type, 'bpm:workflowPackage');
    assert.match(byName.bpm_package.value, /^workspace:\/\/SpacesStore\//);
    assert.equal(byName.wf_notifyMe.value, true);

    // Only the assignee (or owner, starter, admin) may complete.
    await repo().createUser('eve');
    const eve = await repo().api('eve', 'eve');
    expectError(await rejectionOf(completeTask(eve, task.id)), 403);

    const done = await completeTask(joe, task.id);
    assert.equal(done.entry.state, 'completed');
    // A completed task answers 405 to further updates, and stays readable with its end.
    expectError(await rejectionOf(completeTask(joe, task.id)), 405);
    const historic = (await wf(joe, 'GET', `/tasks/${task.id}`)).entry;
    assert.equal(historic.state, 'completed');
    assert.ok(historic.endedAt && historic.durationInMs >= 0);

    const [verify] = await myTasks(fred, process.id);
    assert.equal(verify.activityDefinitionId, 'verifyTaskDone');
    assert.equal(verify.description, 'Verify the task was completed.');
    assert.equal(verify.priority, 1);

    // The verify task's create listener mailed the initiator from the assignee, over SMTP, before the task
    // completion answered (the adhoc script sends at once, without send_after_commit).
    const mail = repo().mail!.messages.find((m) => m.subject === 'Adhoc Task Check the report');
    assert.ok(
      mail,
      `mails received: ${
        repo()
          .mail!.messages.map((m) => m.subject)
          .join(', ') || 'none'
      }`
    );
    assert.deepEqual([mail.from, mail.to, mail.text.trim()], ['joe@example.com', ['fred@example.com'], "It's done"]);

    await completeTask(fred, verify.id);
    const ended = (await wf(fred, 'GET', `/processes/${process.id}`)).entry;
    assert.equal(ended.completed, true);
    assert.equal(ended.endActivityDefinitionId, 'theEnd');
    assert.deepEqual(
      entries(await wf(fred, 'GET', '/processes', { query: { where: "(status = 'completed')" } })).map((p) => p.id),
      [process.id]
    );
    const history = entries(await wf(fred, 'GET', `/processes/${process.id}/tasks`, { query: { status: 'completed' } }));
    assert.deepEqual(
      history.map((t) => [t.activityDefinitionId, t.assignee]),
      [
        ['adhocTask', 'joe'],
        ['verifyTaskDone', 'fred']
      ]
    );
  });

  it('claiming: an assigned task cannot be claimed by someone else (409); tasks are private to those involved', async () => {
    const process = await startProcess(fred, 'activitiAdhoc', { bpm_assignee: 'joe' });
    const [task] = await myTasks(joe, process.id);
    expectError(await rejectionOf(wf(admin, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } })), 409);
    await repo().createUser('mallory');
    const mallory = await repo().api('mallory', 'mallory');
    expectError(await rejectionOf(wf(mallory, 'GET', `/tasks/${task.id}`)), 403);
    expectError(await rejectionOf(wf(mallory, 'GET', `/processes/${process.id}`)), 403);
    assert.equal(entries(await wf(mallory, 'GET', '/tasks')).length, 0);
    // joe unclaims: the task leaves him; the starter may claim it.
    assert.equal(
      (await wf(joe, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'unclaimed' } })).entry.state,
      'unclaimed'
    );
    expectError(await rejectionOf(wf(joe, 'GET', `/tasks/${task.id}`)), 403);
    assert.equal(
      (await wf(fred, 'PUT', `/tasks/${task.id}`, { query: { select: 'state' }, body: { state: 'claimed' } })).entry.assignee,
      'fred'
    );
  });

  it('two concurrent completions of one task: exactly one succeeds, the other gets 405', async () => {
    const process = await startProcess(fred, 'activitiAdhoc', { bpm_assignee: 'joe' });
    const [task] = await myTasks(joe, process.id);
    const results = await Promise.allSettled([completeTask(joe, task.id), completeTask(joe, task.id)]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expectError(failed.reason, 405);
    assert.equal((await myTasks(fred, process.id)).length, 1, 'exactly one verify task');
  });

  it('deleting a process ends it for everyone; whoever its tasks involve may, others may not', async () => {
    // ProcessesImpl.deleteProcess checks only validateIfUserAllowedToWorkWithProcess (DeleteProcessSanityTests:
    // the assignee deletes with 204, a user not involved gets 403)
    await repo().createUser('olga');
    const olga = await repo().api('olga', 'olga');
    const assigned = await startProcess(fred, 'activitiAdhoc', { bpm_assignee: 'joe' });
    const refused = await rejectionOf(wf(olga, 'DELETE', `/processes/${assigned.id}`));
    expectError(refused, 403);
    assert.match(JSON.stringify(refused), /user is not allowed to access information about process/);
    await wf(joe, 'DELETE', `/processes/${assigned.id}`);
    assert.equal((await wf(admin, 'GET', `/processes/${assigned.id}`)).entry.completed, true);
    const process = await startProcess(fred, 'activitiAdhoc', { bpm_assignee: 'joe' });
    await wf(fred, 'DELETE', `/processes/${process.id}`);
    assert.deepEqual(await myTasks(joe, process.id), []);
    const p = (await wf(fred, 'GET', `/processes/${process.id}`)).entry;
    assert.equal(p.completed, true);
    assert.equal(p.deleteReason, 'deleted through REST API');
  });

  it('a missing assignee fails the start with the expression error and leaves no process behind', async () => {
    const before = entries(await wf(admin, 'GET', '/processes', { query: { where: "(status = 'any')" } })).length;
    const e = await rejectionOf(startProcess(fred, 'activitiAdhoc', {}));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /bpm_assignee/);
    assert.equal(entries(await wf(admin, 'GET', '/processes', { query: { where: "(status = 'any')" } })).length, before);
  });
});
