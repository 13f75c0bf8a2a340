// Activating a model file (cm:dictionaryModel with cm:modelActive true) is where ACS parses it: a model its
// binding refuses does not activate, and the request fails as ACS's v1 API fails it (500, "Failed to parse
// model"). The e-Office models in config/ must activate.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { NodesApi, UploadApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';

const CONFIG_MODELS = path.resolve(__dirname, '../../../../config/model');

// A dak letter whose mandatory flag follows its default: ACS stops at <mandatory>.
const MISORDERED = `<?xml version="1.0" encoding="UTF-8"?>
<model name="dak:dakModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces><namespace uri="http://example.gov.in/model/dak/1.0" prefix="dak"/></namespaces>
  <types>
    <type name="dak:letter">
      <parent>cm:content</parent>
      <properties>
        <property name="dak:mode">
          <type>d:text</type>
          <default>Post</default>
          <mandatory enforced="true">true</mandatory>
        </property>
      </properties>
    </type>
  </types>
</model>`;

describe('activating model files', () => {
  const repo = useTestRepository();

  const upload = (api: AlfrescoApi, name: string, xml: string, active: boolean) =>
    new UploadApi(api).uploadFile(new File([xml], name, { type: 'text/xml' }), '', '-root-', undefined, {
      name,
      nodeType: 'cm:dictionaryModel',
      relativePath: 'Data Dictionary/Models',
      'cm:modelActive': String(active)
    } as never);

  it('a model with <default> before <mandatory> fails to parse and does not activate', async () => {
    const api = await repo().api();
    const nodes = new NodesApi(api);

    const failed = expectError(await rejectionOf(upload(api, 'dak-active.xml', MISORDERED, true)), 500);
    assert.match(failed.briefSummary, /^\d{8} Failed to parse model/);
    assert.equal(failed.errorKey, 'framework.exception.ApiDefault');
    // The upload is undone with the activation, as ACS rolls the transaction back.
    expectError(await rejectionOf(nodes.getNode('-root-', { relativePath: 'Data Dictionary/Models/dak-active.xml' })), 404);

    const inactive = await upload(api, 'dak-inactive.xml', MISORDERED, false);
    const refused = expectError(
      await rejectionOf(nodes.updateNode(inactive.entry.id, { properties: { 'cm:modelActive': true } as never })),
      500
    );
    assert.match(refused.briefSummary, /Failed to parse model.*"\{http:\/\/www.alfresco.org\/model\/dictionary\/1.0\}mandatory" start tag/);
    const after = await nodes.getNode(inactive.entry.id);
    assert.notEqual(after.entry.properties['cm:modelActive'], true);
    expectError(await rejectionOf(nodes.createNode('-my-', { name: 'l.txt', nodeType: 'dak:letter' })), 400);
  });

  it('the e-Office content and workflow models activate', async () => {
    const api = await repo().api();
    const names = [];
    for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml']) {
      const node = await upload(api, file, fs.readFileSync(path.join(CONFIG_MODELS, file), 'utf8'), true);
      assert.equal(node.entry.properties['cm:modelActive'], true, file);
      names.push(node.entry.properties['cm:modelName']);
    }
    assert.deepEqual(names, ['eo:eofficeModel', 'eowf:eofficeWorkflowModel']);
    // Their classes are in the dictionary now.
    const remarked = await new NodesApi(api).createNode('-my-', {
      name: 'remarked',
      nodeType: 'cm:folder',
      aspectNames: ['eowf:remarked']
    });
    assert.ok(remarked.entry.aspectNames?.includes('eowf:remarked'));
  });
});
