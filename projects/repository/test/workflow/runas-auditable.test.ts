/**
 * What a listener running as admin (activiti:field runAs) writes is the officer's in cm:creator / cm:modifier,
 * as on ACS: ActivitiScriptBase runs the script through AuthenticationUtil.runAs, which changes the run-as user
 * only, and AuditablePropertiesEntity.setAuditValues names the fully authenticated user. A node the script
 * makes is therefore the officer's to own (OwnableServiceImpl.getOwner falls back to cm:creator), with
 * FullControl over it, until the script gives it to the administrator (ScriptNode.setOwner): what lib.js
 * eoAdminMade does for every node whose integrity matters (movement records, series folders, notices).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { NodesApi, type AlfrescoApi } from '@alfresco/js-api';
import { useTestRepository } from '../support/test-repository';
import { bpmn, entries, startProcess, uploadDefinition, wf } from './support';

const EXECUTION_LISTENER = 'org.alfresco.repo.workflow.activiti.listener.ScriptExecutionListener';
const MAKE = `
  var mine = companyhome.createFolder('runas-made-' + execution.getVariable('eo_tag'));
  var given = companyhome.createFolder('runas-given-' + execution.getVariable('eo_tag'));
  given.setOwner(String(person.properties.userName));
  var named = companyhome.createNode('runas-named-' + execution.getVariable('eo_tag'), 'cm:content', { 'cm:owner': String(person.properties.userName) });
  execution.setVariable('eo_named', String(named.id));
  execution.setVariable('eo_mine', String(mine.id));
  execution.setVariable('eo_given', String(given.id));`;
const PROCESS = bpmn(
  'eoRunAsMakes',
  `<extensionElements><activiti:executionListener event="start" class="${EXECUTION_LISTENER}"><activiti:field name="runAs"><activiti:string>admin</activiti:string></activiti:field><activiti:field name="script"><activiti:string><![CDATA[${MAKE}]]></activiti:string></activiti:field></activiti:executionListener></extensionElements>
  <startEvent id="start"/><sequenceFlow id="f" sourceRef="start" targetRef="end"/><endEvent id="end"/>`
);

describe('workflow: a runAs listener writes as the officer in cm:creator / cm:modifier (ACS AuthenticationUtil.runAs)', () => {
  const repo = useTestRepository();
  let admin: AlfrescoApi;
  let carla: AlfrescoApi;

  before(async () => {
    admin = await repo().api();
    await repo().createUser('carla');
    carla = await repo().api('carla', 'carla');
    await uploadDefinition(admin, 'runas-makes.bpmn20.xml', PROCESS);
  });

  it('a node the script makes is created by and owned by the officer; setOwner gives it to the administrator', async () => {
    const started = await startProcess(carla, 'eoRunAsMakes', { eo_tag: 'one' });
    const vars = entries<{ name: string; value: unknown }>(await wf(admin, 'GET', `/processes/${started.id}/variables`));
    const id = (name: string) => String(vars.find((v) => v.name === name)?.value);
    const nodes = new NodesApi(admin);
    const mine = (await nodes.getNode(id('eo_mine'))).entry;
    assert.equal(mine.createdByUser?.id, 'carla');
    assert.equal(mine.modifiedByUser?.id, 'carla');
    // Her own: the owner's FullControl lets her change it, whatever Company Home grants her.
    await new NodesApi(carla).updateNode(id('eo_mine'), { properties: { 'cm:title': 'hers' } });
    // Given to the administrator: the setOwner is itself an update by her (cm:modifier), and she may no longer write.
    const given = (await nodes.getNode(id('eo_given'))).entry;
    assert.equal(given.modifiedByUser?.id, 'carla');
    await assert.rejects(
      new NodesApi(carla).updateNode(id('eo_given'), { properties: { 'cm:title': 'hers' } }),
      (e: { status?: number }) => {
        assert.equal(e.status, 403);
        return true;
      }
    );
  });

  it('a node made with cm:owner among its properties is the administrator’s from the start, without a second write', async () => {
    const started = await startProcess(carla, 'eoRunAsMakes', { eo_tag: 'two' });
    const vars = entries<{ name: string; value: unknown }>(await wf(admin, 'GET', `/processes/${started.id}/variables`));
    const named = String(vars.find((v) => v.name === 'eo_named')?.value);
    const entry = (await new NodesApi(admin).getNode(named)).entry;
    assert.equal(entry.createdByUser?.id, 'carla');
    assert.equal(entry.modifiedAt?.getTime(), entry.createdAt?.getTime(), 'made once, never updated');
    assert.ok(entry.aspectNames?.includes('cm:ownable'), 'the property brings its aspect, as DbNodeServiceImpl adds it');
    assert.equal((entry.properties?.['cm:owner'] as { id: string }).id, 'admin');
    await assert.rejects(new NodesApi(carla).updateNode(named, { properties: { 'cm:title': 'hers' } }), (e: { status?: number }) => {
      assert.equal(e.status, 403);
      return true;
    });
  });
});
