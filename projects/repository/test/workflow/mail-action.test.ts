/**
 * The `mail` action as listener scripts use it (actions.create('mail')), sent over SMTP to a loopback server as
 * ACS's MailActionExecuter sends it: to_many resolved to addresses, send_after_commit holding the message until
 * the transaction commits (and dropping it when the transaction fails), a failed immediate send failing the
 * script unless ignore_send_failure.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { GroupsApi, PeopleApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';
import { startProcess, uploadDefinition, bpmn, DELEGATE } from './support';

const script = (code: string) =>
  `<activiti:field name="script"><activiti:string><![CDATA[${code}]]></activiti:string></activiti:field>` +
  `<activiti:field name="runAs"><activiti:string>admin</activiti:string></activiti:field>`;

/** Mails what the starter's variables say, then fails if asked to, then waits. */
const MAILER = bpmn(
  'eoMailer',
  `<startEvent id="start"/>
  <sequenceFlow id="f1" sourceRef="start" targetRef="mail"/>
  <serviceTask id="mail" activiti:class="${DELEGATE}"><extensionElements>${script(`
    var mail = actions.create('mail');
    mail.parameters.to_many = eo_to.split(',');
    mail.parameters.subject = eo_subject;
    mail.parameters.text = 'फ़ाइल आपको भेजी गई है। A file was sent to you.';
    mail.parameters.from = 'eoffice@gad.example.in';
    if (eo_afterCommit) mail.parameters.send_after_commit = true;
    if (eo_afterCommitAsText) mail.parameters.send_after_commit = 'true';
    if (eo_ignoreFailure) mail.parameters.ignore_send_failure = true;
    mail.execute(bpm_package);
    if (eo_failAfter) throw new Error('The file is closed');
  `)}</extensionElements></serviceTask>
  <sequenceFlow id="f2" sourceRef="mail" targetRef="wait"/>
  <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}"/>
  <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
  <endEvent id="end"/>`
);

const vars = (to: string, subject: string, more: Record<string, boolean> = {}) => ({
  eo_to: to,
  eo_subject: subject,
  eo_afterCommit: false,
  eo_afterCommitAsText: false,
  eo_ignoreFailure: false,
  eo_failAfter: false,
  ...more
});

describe('mail action: sent through the outbound SMTP settings', () => {
  const repo = useTestRepository({ mailCatcher: true });
  let starter: AlfrescoApi;

  before(async () => {
    const admin = await repo().api();
    await repo().createUser('priya.nair', { email: 'priya.nair@gad.example.in' });
    await repo().createUser('ravi.kumar', { email: 'ravi.kumar@gad.example.in' });
    // Transferred out of the department: a person who is disabled is never mailed.
    await repo().createUser('left.service', { email: 'left@gad.example.in' });
    await new PeopleApi(admin).updatePerson('left.service', { enabled: false });
    await repo().createUser('starter.so', { email: 'starter@gad.example.in' });
    const groups = new GroupsApi(admin);
    await groups.createGroup({ id: 'EO_TEST_SO', displayName: 'Section Officer' });
    for (const id of ['priya.nair', 'left.service']) await groups.createGroupMembership('GROUP_EO_TEST_SO', { id, memberType: 'PERSON' });
    await uploadDefinition(admin, 'mailer.bpmn20.xml', MAILER);
    starter = await repo().api('starter.so', 'starter.so');
  });

  it('to_many names a post (group) and a person: one message to every address, in Hindi and English', async () => {
    await startProcess(starter, 'eoMailer', vars('GROUP_EO_TEST_SO,ravi.kumar', 'नई फ़ाइल GAD/EST/2026/1', { eo_afterCommit: true }));
    const m = await repo().mail!.waitFor((x) => x.subject === 'नई फ़ाइल GAD/EST/2026/1');
    assert.deepEqual(m.to.sort(), ['priya.nair@gad.example.in', 'ravi.kumar@gad.example.in']);
    assert.equal(m.from, 'eoffice@gad.example.in');
    assert.match(m.text, /फ़ाइल आपको भेजी गई है।/);
  });

  it('sent at once (no send_after_commit): received before the start answers', async () => {
    await startProcess(starter, 'eoMailer', vars('ravi.kumar', 'At once 1'));
    assert.ok(await repo().mail!.waitFor((x) => x.subject === 'At once 1', 2000), 'the SMTP conversation finished inside the request');
  });

  it('a transaction that fails after send_after_commit sends nothing; one that fails after an immediate send cannot take it back', async () => {
    expectError(
      await rejectionOf(startProcess(starter, 'eoMailer', vars('ravi.kumar', 'Rolled back', { eo_afterCommit: true, eo_failAfter: true }))),
      500
    );
    expectError(await rejectionOf(startProcess(starter, 'eoMailer', vars('ravi.kumar', 'Gone already', { eo_failAfter: true }))), 500);
    await repo().mail!.waitFor((x) => x.subject === 'Gone already');
    // A later mail has arrived, so the rolled-back one would have too.
    await startProcess(starter, 'eoMailer', vars('ravi.kumar', 'Later', { eo_afterCommit: true }));
    await repo().mail!.waitFor((x) => x.subject === 'Later');
    assert.equal(repo().mail!.messages.filter((x) => x.subject === 'Rolled back').length, 0);
  });

  it("a Boolean parameter given as text fails the script with Java's ClassCastException, and nothing is sent", async () => {
    const e = await rejectionOf(startProcess(starter, 'eoMailer', vars('ravi.kumar', 'Text flag', { eo_afterCommitAsText: true })));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /ClassCastException.*send_after_commit/);
    await startProcess(starter, 'eoMailer', vars('ravi.kumar', 'After the text flag', { eo_afterCommit: true }));
    await repo().mail!.waitFor((x) => x.subject === 'After the text flag');
    assert.equal(repo().mail!.messages.filter((x) => x.subject === 'Text flag').length, 0);
  });

  it('nobody with an address: the message is skipped, the script goes on', async () => {
    const before = repo().mail!.messages.length;
    await startProcess(starter, 'eoMailer', vars('left.service,not-an-address', 'Nobody'));
    await startProcess(starter, 'eoMailer', vars('ravi.kumar', 'Somebody'));
    await repo().mail!.waitFor((x) => x.subject === 'Somebody');
    assert.equal(repo().mail!.messages.length, before + 1);
  });
});

describe('mail action without a mail server (ACS left at its example host)', () => {
  const repo = useTestRepository();

  it('fails the script with "Failed to send email to:", unless ignore_send_failure', async () => {
    const admin = await repo().api();
    await repo().createUser('ravi.kumar', { email: 'ravi.kumar@gad.example.in' });
    await uploadDefinition(admin, 'mailer.bpmn20.xml', MAILER);
    const e = await rejectionOf(startProcess(admin, 'eoMailer', vars('ravi.kumar', 'No server')));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Failed to send email to:ravi\.kumar/);
    const started = await startProcess(admin, 'eoMailer', vars('ravi.kumar', 'No server, ignored', { eo_ignoreFailure: true }));
    assert.ok(started.id);
  });
});
