/**
 * Which scripts run trusted, as ACS decides it (ActivitiWorkflowEngine.deployDefinition, ActivitiScriptBase.isSecure):
 * a definition deployed at bootstrap (WorkflowDeployer, full access) or one whose processes all declare Alfresco's
 * internal namespace runs with `java` and Rhino's NativeJavaList views; the same file uploaded to Data Dictionary ›
 * Workflow Definitions runs sandboxed, where `java` is not defined. Bootstrap is idempotent across restarts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, before } from 'node:test';
import type { AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { startTestRepository, useTestRepository } from '../support/test-repository';
import type { RepositoryServer } from '../../src/server';
import { bootstrapFile, entries, startProcess, uploadDefinition, wf } from './support';

const bpmn = (id: string, namespace: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
  targetNamespace="${namespace}">
  <process isExecutable="true" id="${id}" name="${id}">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="collect"/>
    <serviceTask id="collect" activiti:class="org.alfresco.repo.workflow.activiti.script.AlfrescoScriptDelegate">
      <extensionElements><activiti:field name="script"><activiti:string><![CDATA[var names = new java.util.ArrayList();
for (var i = 0; i < bpm_assignees.length; i++) names.add(bpm_assignees[i].properties.userName);
execution.setVariable('eo_names', names);]]></activiti:string></activiti:field></extensionElements>
    </serviceTask>
    <sequenceFlow id="f2" sourceRef="collect" targetRef="wait"/>
    <userTask id="wait" name="Wait" activiti:assignee="\${initiator.properties.userName}"/>
    <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

const JAVA_USER = bpmn('eoJavaUser', 'http://eoffice.example/workflow');
const INTERNAL = bpmn('eoJavaInternal', 'http://alfresco.org/workflows/internal');
const BOOTSTRAP = [bootstrapFile('java-user.bpmn20.xml', JAVA_USER)];

describe('workflow: trusted and sandboxed scripts', () => {
  const repo = useTestRepository({ workflows: BOOTSTRAP });
  let admin: AlfrescoApi;
  let fred: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
    for (const u of ['fred', 'ann', 'bob']) await repo().createUser(u);
    fred = await repo().api('fred', 'fred');
  });

  const names = async (processId: string) =>
    entries(await wf(admin, 'GET', `/processes/${processId}/variables`)).find((v) => v.name === 'eo_names')?.value;
  /** The latest version of a key (ACS lists only the latest ones). */
  const latest = async (key: string) =>
    entries(await wf(admin, 'GET', '/process-definitions', { query: { where: `(key = '${key}')` } }))[0];
  let bootstrapped: { id: string; deploymentId: string };
  const deployment = async (definition: { deploymentId: string }) =>
    (await wf(admin, 'GET', `/deployments/${definition.deploymentId}`)).entry;

  it('a definition deployed at bootstrap runs trusted: java.util.ArrayList, list.length and list[i]', async () => {
    const process = await startProcess(fred, 'eoJavaUser', { bpm_assignees: ['ann', 'bob'] });
    assert.deepEqual(await names(process.id), ['ann', 'bob']);
    bootstrapped = await latest('eoJavaUser');
    assert.equal(process.processDefinitionId, bootstrapped.id);
    assert.equal((await deployment(bootstrapped)).category, 'http://alfresco.org/workflows/fullAccess');
  });

  it('the same file uploaded to Data Dictionary runs sandboxed: "java" is not defined, and no process is left', async () => {
    await uploadDefinition(admin, 'java-user.bpmn20.xml', JAVA_USER);
    const uploaded = await latest('eoJavaUser');
    assert.equal(uploaded.version, 2, 'the upload is the next version of the key');
    assert.equal((await deployment(uploaded)).category, undefined);
    const before = entries(await wf(admin, 'GET', '/processes', { query: { maxItems: 1000 } })).length;
    const e = await rejectionOf(startProcess(fred, 'eoJavaUser', { bpm_assignees: ['ann'] }));
    expectError(e, 500);
    assert.match(JSON.stringify(e), /Workflow script failed in eoJavaUser.*ReferenceError: \\*"java\\*" is not defined\. \(AlfrescoJS#1\)/);
    assert.equal(entries(await wf(admin, 'GET', '/processes', { query: { maxItems: 1000 } })).length, before);
    // Trust belongs to the deployment, not the key: the bootstrap version still runs trusted.
    const process = (
      await wf(fred, 'POST', '/processes', { body: { processDefinitionId: bootstrapped.id, variables: { bpm_assignees: ['bob'] } } })
    ).entry;
    assert.deepEqual(await names(process.id), ['bob']);
  });

  it("an upload whose processes are all in Alfresco's internal namespace runs trusted, as in ACS", async () => {
    await uploadDefinition(admin, 'java-internal.bpmn20.xml', INTERNAL);
    const process = await startProcess(fred, 'eoJavaInternal', { bpm_assignees: ['ann'] });
    assert.deepEqual(await names(process.id), ['ann']);
    assert.equal((await deployment(await latest('eoJavaInternal'))).category, 'http://alfresco.org/workflows/internal');
  });
});

describe('workflow: bootstrap deployment across restarts', () => {
  it('a restart with the same bootstrap files adds no version', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-repo-restart-'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startRepository } = require('../../src/server') as { startRepository: (o: object) => Promise<RepositoryServer> };
    const first = await startRepository({ port: 0, dataDir, quiet: true, workflows: BOOTSTRAP });
    await first.close();
    const again = await startTestRepository({ dataDir, workflows: BOOTSTRAP });
    try {
      const admin = await again.api();
      const versions = entries(await wf(admin, 'GET', '/process-definitions', { query: { where: "(key = 'eoJavaUser')" } }));
      assert.deepEqual(
        versions.map((d) => d.version),
        [1]
      );
    } finally {
      await again.stop();
    }
  });
});
