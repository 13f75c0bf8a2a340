/**
 * Dynamic models: a model file in Data Dictionary › Models with cm:modelActive true joins the dictionary
 * without a restart, as in ACS; its types, mandatory properties and constraints are then enforced.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi, UploadApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model name="dak:dakModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Test model for dynamic deployment</description>
  <author>eOffice tests</author>
  <version>1.0</version>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces>
    <namespace uri="http://example.gov.in/model/dak/1.0" prefix="dak"/>
  </namespaces>
  <constraints>
    <constraint name="dak:modes" type="LIST">
      <parameter name="allowedValues"><list><value>Post</value><value>Hand</value><value>E-mail</value></list></parameter>
    </constraint>
  </constraints>
  <types>
    <type name="dak:letter">
      <title>Letter</title>
      <parent>cm:content</parent>
      <properties>
        <property name="dak:letterNumber">
          <type>d:text</type>
          <mandatory enforced="true">true</mandatory>
        </property>
        <property name="dak:mode">
          <type>d:text</type>
          <constraints><constraint ref="dak:modes"/></constraints>
        </property>
        <property name="dak:pages">
          <type>d:int</type>
        </property>
      </properties>
    </type>
  </types>
</model>`;

describe('dynamic models', () => {
  const repo = useTestRepository();

  async function uploadModel(api: AlfrescoApi, name: string, active: boolean, xml = MODEL) {
    const file = new File([xml], name, { type: 'text/xml' });
    return new UploadApi(api).uploadFile(file, '', '-root-', undefined, {
      name,
      nodeType: 'cm:dictionaryModel',
      relativePath: 'Data Dictionary/Models',
      'cm:modelActive': String(active)
    } as never);
  }

  it('an inactive model file adds nothing; activating it makes its type usable', async () => {
    const api = await repo().api();
    const nodes = new NodesApi(api);
    const model = await uploadModel(api, 'dak-model.xml', false);
    expectError(await rejectionOf(nodes.createNode('-my-', { name: 'l1.txt', nodeType: 'dak:letter' })), 400);

    await nodes.updateNode(model.entry.id, { properties: { 'cm:modelActive': true } as Record<string, unknown> as never });
    const letter = await nodes.createNode('-my-', {
      name: 'l1.txt',
      nodeType: 'dak:letter',
      properties: { 'dak:letterNumber': 'F.1/2026', 'dak:mode': 'Post', 'dak:pages': 3 }
    });
    assert.equal(letter.entry.nodeType, 'dak:letter');
    assert.equal(letter.entry.properties['dak:letterNumber'], 'F.1/2026');
    assert.equal(letter.entry.properties['dak:pages'], 3);

    // The model's rules are enforced: LIST constraint (IntegrityException, 422), mandatory property, data type.
    expectError(
      await rejectionOf(
        nodes.createNode('-my-', {
          name: 'l2.txt',
          nodeType: 'dak:letter',
          properties: { 'dak:letterNumber': 'F.2', 'dak:mode': 'Pigeon' }
        })
      ),
      422
    );
    expectError(
      await rejectionOf(nodes.createNode('-my-', { name: 'l3.txt', nodeType: 'dak:letter', properties: { 'dak:mode': 'Hand' } })),
      400
    );
    expectError(
      await rejectionOf(
        nodes.createNode('-my-', { name: 'l4.txt', nodeType: 'dak:letter', properties: { 'dak:letterNumber': 'F.4', 'dak:pages': 'many' } })
      ),
      400
    );

    // A model in use cannot be deactivated: ModelValidator's AlfrescoRuntimeException, unmapped by the v1 API.
    expectError(
      await rejectionOf(nodes.updateNode(model.entry.id, { properties: { 'cm:modelActive': false } as Record<string, unknown> as never })),
      500
    );
    await nodes.deleteNode(letter.entry.id, { permanent: true });
    await nodes.updateNode(model.entry.id, { properties: { 'cm:modelActive': false } as Record<string, unknown> as never });
    expectError(
      await rejectionOf(nodes.createNode('-my-', { name: 'l5.txt', nodeType: 'dak:letter', properties: { 'dak:letterNumber': 'F.5' } })),
      400
    );
  });

  it('only administrators and model administrators may activate a model', async () => {
    const admin = await repo().api();
    const model = await uploadModel(admin, 'dak-model-2.xml', false);
    await repo().createUser('clerk');
    await repo().grant(model.entry.parentId!, 'clerk', 'Collaborator');
    const clerk = await repo().api('clerk', 'clerk');
    expectError(
      await rejectionOf(
        new NodesApi(clerk).updateNode(model.entry.id, { properties: { 'cm:modelActive': true } as Record<string, unknown> as never })
      ),
      409
    );
    const stillInactive = await new NodesApi(admin).getNode(model.entry.id);
    assert.notEqual(stillInactive.entry.properties['cm:modelActive'], true);
  });

  it('a model that does not compile fails its activation with 500, as ACS’s unmapped DictionaryException', async () => {
    const admin = await repo().api();
    const broken = MODEL.replace('dak:dakModel', 'dak:brokenModel')
      .replace('http://example.gov.in/model/dak/1.0', 'http://example.gov.in/model/dakb/1.0')
      .replace(/dak:/g, 'dakb:')
      .replace('prefix="dak"', 'prefix="dakb"')
      .replace('<parent>cm:content</parent>', '<parent>cm:noSuchType</parent>');
    const failed = expectError(await rejectionOf(uploadModel(admin, 'dak-broken.xml', true, broken)), 500);
    assert.equal(failed.errorKey, 'framework.exception.ApiDefault');
    const inactive = await uploadModel(admin, 'dak-broken-2.xml', false, broken);
    expectError(
      await rejectionOf(
        new NodesApi(admin).updateNode(inactive.entry.id, { properties: { 'cm:modelActive': true } as Record<string, unknown> as never })
      ),
      500
    );
  });

  it('only administrators and model administrators may create a model file, even an inactive one (409)', async () => {
    const admin = await repo().api();
    const models = await new NodesApi(admin).getNode('-root-', { relativePath: 'Data Dictionary/Models' });
    await repo().createUser('typist');
    await repo().grant(models.entry.id, 'typist', 'Collaborator');
    const typist = await repo().api('typist', 'typist');
    const create = (api: AlfrescoApi, name: string) =>
      new NodesApi(api).createNode(models.entry.id, {
        name,
        nodeType: 'cm:dictionaryModel',
        properties: { 'cm:modelActive': false } as Record<string, unknown> as never
      });
    expectError(await rejectionOf(create(typist, 'dak-typist.xml')), 409);
    await create(admin, 'dak-admin.xml');
  });
});
