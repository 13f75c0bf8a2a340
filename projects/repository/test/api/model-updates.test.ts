/**
 * New content for an active model: ACS validates it against the version in the dictionary
 * (DictionaryModelType's beforeCommit, ModelValidatorImpl.validateModel) and fails the request with an
 * AlfrescoRuntimeException the v1 API answers 500 ApiDefault when the update is not incremental — a type
 * deleted, a mandatory aspect added, a property's data type or multiplicity changed, a property deleted while
 * nodes use it. The node keeps its content and the dictionary its model; incremental updates pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NodesApi, UploadApi, type AlfrescoApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository } from '../support/test-repository';

const MU = '{http://example.gov.in/model/mu/1.0}';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model name="mu:muModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Model updates</description>
  <version>1.0</version>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces>
    <namespace uri="http://example.gov.in/model/mu/1.0" prefix="mu"/>
  </namespaces>
  <types>
    <type name="mu:letter">
      <title>Letter</title>
      <parent>cm:content</parent>
      <properties>
        <property name="mu:number">
          <title>Number</title>
          <type>d:text</type>
        </property>
        <property name="mu:pages">
          <type>d:int</type>
        </property>
        <property name="mu:remark">
          <type>d:text</type>
        </property>
      </properties>
    </type>
    <type name="mu:memo">
      <parent>cm:content</parent>
    </type>
  </types>
  <aspects>
    <aspect name="mu:tracked">
      <properties>
        <property name="mu:trackedBy"><type>d:text</type></property>
      </properties>
    </aspect>
  </aspects>
</model>`;

/** The model with each [from, to] replaced once (each `from` must occur). */
function variant(xml: string, ...edits: [string, string][]): string {
  for (const [from, to] of edits) {
    assert.ok(xml.includes(from), `the model has ${from}`);
    xml = xml.replace(from, to);
  }
  return xml;
}

describe('updating an active model', () => {
  const repo = useTestRepository();

  async function activeModel(api: AlfrescoApi, name: string, xml: string) {
    const file = new File([xml], name, { type: 'text/xml' });
    const node = await new UploadApi(api).uploadFile(file, '', '-root-', undefined, {
      name,
      nodeType: 'cm:dictionaryModel',
      relativePath: 'Data Dictionary/Models',
      'cm:modelActive': 'true'
    } as never);
    assert.equal(node.entry.properties['cm:modelActive'], true);
    return node.entry.id;
  }

  const update = (api: AlfrescoApi, id: string, xml: string) => new NodesApi(api).updateNodeContent(id, xml as never);

  async function contentOf(api: AlfrescoApi, id: string): Promise<string> {
    return Buffer.from((await new NodesApi(api).getNodeContent(id)) as unknown as ArrayBuffer).toString();
  }

  /** The refused update answers 500 ApiDefault with ACS's message; the node and the model are as before. */
  async function refused(api: AlfrescoApi, id: string, xml: string, message: string, before: string) {
    const error = expectError(await rejectionOf(update(api, id, xml)), 500, message);
    assert.equal(error.errorKey, 'framework.exception.ApiDefault');
    assert.equal(await contentOf(api, id), before);
    // The model in the dictionary is still the previous one: its type and property work.
    const nodes = new NodesApi(api);
    const probe = await nodes.createNode('-my-', {
      name: `probe-${Math.random().toString(36).slice(2)}.txt`,
      nodeType: 'mu:letter',
      properties: { 'mu:number': 'F.9', 'mu:pages': 2 }
    });
    assert.equal(probe.entry.properties['mu:pages'], 2);
    await nodes.deleteNode(probe.entry.id, { permanent: true });
    return error;
  }

  it('an incremental update passes: new property, new type, new titles; the new property is usable', async () => {
    const api = await repo().api();
    const id = await activeModel(
      api,
      'mu-incremental.xml',
      MODEL.replace(/mu:/g, 'mi:')
        .replace(/\/mu\//, '/mi/')
        .replace('prefix="mu"', 'prefix="mi"')
    );
    const next = variant(
      MODEL.replace(/mu:/g, 'mi:')
        .replace(/\/mu\//, '/mi/')
        .replace('prefix="mu"', 'prefix="mi"'),
      ['<title>Letter</title>', '<title>Letter (inward)</title>'],
      ['<title>Number</title>', '<title>Letter number</title>'],
      [
        '<property name="mi:remark">',
        '<property name="mi:sender">\n          <type>d:text</type>\n        </property>\n        <property name="mi:remark">'
      ],
      ['</types>', '  <type name="mi:circular"><parent>cm:content</parent></type>\n  </types>'],
      ['<version>1.0</version>', '<version>1.1</version>']
    );
    const updated = await update(api, id, next);
    assert.equal(updated.entry.properties['cm:modelVersion'], '1.1');
    const nodes = new NodesApi(api);
    const letter = await nodes.createNode('-my-', {
      name: 'incremental.txt',
      nodeType: 'mi:letter',
      properties: { 'mi:number': 'F.1', 'mi:sender': 'Collector' }
    });
    assert.equal(letter.entry.properties['mi:sender'], 'Collector');
    const circular = await nodes.createNode('-my-', { name: 'circular.txt', nodeType: 'mi:circular' });
    assert.equal(circular.entry.nodeType, 'mi:circular');
    // The same content again is no change at all.
    await update(api, id, next);
  });

  it('refuses non-incremental updates with ACS’s messages and keeps the previous model', async () => {
    const api = await repo().api();
    const id = await activeModel(api, 'mu-model.xml', MODEL);
    const nodes = new NodesApi(api);
    const used = await nodes.createNode('-my-', {
      name: 'used.txt',
      nodeType: 'mu:letter',
      properties: { 'mu:number': 'F.1', 'mu:pages': 3 }
    });

    // (b) a mandatory aspect added to an existing type
    await refused(
      api,
      id,
      variant(MODEL, [
        '</properties>\n    </type>',
        '</properties>\n      <mandatory-aspects><aspect>mu:tracked</aspect></mandatory-aspects>\n    </type>'
      ]),
      `Failed to validate model update - found non-incrementally updated TYPE '${MU}letter'`,
      MODEL
    );
    // ... and to an existing aspect
    await refused(
      api,
      id,
      variant(
        MODEL,
        ['<aspects>', '<aspects>\n    <aspect name="mu:flagged"/>'],
        [
          '<property name="mu:trackedBy"><type>d:text</type></property>\n      </properties>',
          '<property name="mu:trackedBy"><type>d:text</type></property>\n      </properties>\n      <mandatory-aspects><aspect>mu:flagged</aspect></mandatory-aspects>'
        ]
      ),
      `Failed to validate model update - found non-incrementally updated ASPECT '${MU}tracked'`,
      MODEL
    );
    // (c) a property's data type changed, or made multiple
    await refused(
      api,
      id,
      variant(MODEL, ['<type>d:int</type>', '<type>d:long</type>']),
      `Failed to validate model update - found non-incrementally updated PROPERTY '${MU}pages'`,
      MODEL
    );
    await refused(
      api,
      id,
      variant(MODEL, ['<type>d:int</type>', '<type>d:int</type>\n          <multiple>true</multiple>']),
      `Failed to validate model update - found non-incrementally updated PROPERTY '${MU}pages'`,
      MODEL
    );
    // mandatory false -> true
    await refused(
      api,
      id,
      variant(MODEL, ['<type>d:int</type>', '<type>d:int</type>\n          <mandatory>true</mandatory>']),
      `found non-incrementally updated PROPERTY '${MU}pages'`,
      MODEL
    );
    // (d) a type deleted (unused, still refused), and an aspect
    await refused(
      api,
      id,
      variant(MODEL, ['<type name="mu:memo">\n      <parent>cm:content</parent>\n    </type>', '']),
      `Failed to validate model update - found deleted TYPE '${MU}memo'`,
      MODEL
    );
    await refused(
      api,
      id,
      variant(MODEL, [
        '<aspect name="mu:tracked">\n      <properties>\n        <property name="mu:trackedBy"><type>d:text</type></property>\n      </properties>\n    </aspect>',
        ''
      ]),
      `Failed to validate model update - found deleted ASPECT '${MU}tracked'`,
      MODEL
    );
    // (e) a property deleted while a node has a value of it (ModelInUseException)
    await refused(
      api,
      id,
      variant(MODEL, ['<property name="mu:pages">\n          <type>d:int</type>\n        </property>', '']),
      `Failed to validate property delete, property ${MU}pages is in use`,
      MODEL
    );
    // an archived node still uses it (its property rows stay, as in ACS's archive store)
    await nodes.deleteNode(used.entry.id);
    await refused(
      api,
      id,
      variant(MODEL, ['<property name="mu:pages">\n          <type>d:int</type>\n        </property>', '']),
      `Failed to validate property delete, property ${MU}pages is in use`,
      MODEL
    );

    // (f) after all of that the model is the first one: its type with its property, and its aspect.
    const after = await nodes.createNode('-my-', {
      name: 'after.txt',
      nodeType: 'mu:letter',
      aspectNames: ['mu:tracked'],
      properties: { 'mu:number': 'F.2', 'mu:pages': 4, 'mu:trackedBy': 'Clerk' }
    });
    assert.equal(after.entry.properties['mu:pages'], 4);
    const model = await nodes.getNode(id);
    assert.equal(model.entry.properties['cm:modelActive'], true);
    assert.equal(model.entry.properties['cm:modelName'], 'mu:muModel');
  });

  it('a property no node uses may be deleted (validateDeleteProperty lets it go)', async () => {
    const api = await repo().api();
    const xml = MODEL.replace(/mu:/g, 'md:')
      .replace(/\/mu\//, '/md/')
      .replace('prefix="mu"', 'prefix="md"');
    const id = await activeModel(api, 'md-model.xml', xml);
    const nodes = new NodesApi(api);
    await nodes.createNode('-my-', { name: 'd1.txt', nodeType: 'md:letter', properties: { 'md:number': 'F.1' } });
    const next = variant(xml, ['<property name="md:remark">\n          <type>d:text</type>\n        </property>', '']);
    await update(api, id, next);
    assert.equal(await contentOf(api, id), next);
    expectError(
      await rejectionOf(nodes.createNode('-my-', { name: 'd2.txt', nodeType: 'md:letter', properties: { 'md:remark': 'x' } })),
      400
    );
    await nodes.createNode('-my-', { name: 'd3.txt', nodeType: 'md:letter', properties: { 'md:number': 'F.3' } });
  });

  it('an inactive model takes any new content; the check is the dictionary’s, on update of an active model', async () => {
    const api = await repo().api();
    const xml = MODEL.replace(/mu:/g, 'mn:')
      .replace(/\/mu\//, '/mn/')
      .replace('prefix="mu"', 'prefix="mn"');
    const file = new File([xml], 'mn-model.xml', { type: 'text/xml' });
    const node = await new UploadApi(api).uploadFile(file, '', '-root-', undefined, {
      name: 'mn-model.xml',
      nodeType: 'cm:dictionaryModel',
      relativePath: 'Data Dictionary/Models',
      'cm:modelActive': 'false'
    } as never);
    // DictionaryModelType.onContentUpdate queues only an active model.
    const without = variant(xml, ['<type name="mn:memo">\n      <parent>cm:content</parent>\n    </type>', '']);
    await update(api, node.entry.id, without);
    // Its activation has no previous version in the dictionary to compare with.
    await new NodesApi(api).updateNode(node.entry.id, { properties: { 'cm:modelActive': true } as Record<string, unknown> as never });
    expectError(await rejectionOf(new NodesApi(api).createNode('-my-', { name: 'm.txt', nodeType: 'mn:memo' })), 400);
  });

  it('a named constraint a property still refers to cannot be deleted; one no longer referred to can', async () => {
    const api = await repo().api();
    const xml = variant(
      MODEL.replace(/mu:/g, 'mc:')
        .replace(/\/mu\//, '/mc/')
        .replace('prefix="mu"', 'prefix="mc"'),
      [
        '<types>',
        '<constraints>\n    <constraint name="mc:modes" type="LIST">\n      <parameter name="allowedValues"><list><value>Post</value><value>Hand</value></list></parameter>\n    </constraint>\n  </constraints>\n  <types>'
      ],
      [
        '<property name="mc:remark">\n          <type>d:text</type>',
        '<property name="mc:remark">\n          <type>d:text</type>\n          <constraints><constraint ref="mc:modes"/></constraints>'
      ]
    );
    const id = await activeModel(api, 'mc-model.xml', xml);
    const constraint = / {2}<constraints>\n {4}<constraint name="mc:modes"[\s\S]*?<\/constraints>\n/.exec(xml)![0];
    const error = expectError(
      await rejectionOf(update(api, id, xml.replace(constraint, ''))),
      500,
      "Failed to validate constraint delete - constraint definition '{http://example.gov.in/model/mc/1.0}modes' is being referenced by " +
        "'{http://example.gov.in/model/mc/1.0}muModel_letter_remark_anon_0' property constraint"
    );
    assert.equal(error.errorKey, 'framework.exception.ApiDefault');
    expectError(
      await rejectionOf(
        new NodesApi(api).createNode('-my-', { name: 'c1.txt', nodeType: 'mc:letter', properties: { 'mc:remark': 'Pigeon' } })
      ),
      422
    );
    // Constraint and reference gone together: a property's constraints are not compared (a TODO in diffProperty).
    const next = xml.replace(constraint, '').replace('\n          <constraints><constraint ref="mc:modes"/></constraints>', '');
    await update(api, id, next);
    await new NodesApi(api).createNode('-my-', { name: 'c2.txt', nodeType: 'mc:letter', properties: { 'mc:remark': 'Pigeon' } });
  });

  it('a model imported by another may be updated incrementally, but not to import it back (circular dependency)', async () => {
    const api = await repo().api();
    const base = MODEL.replace(/mu:/g, 'ma:')
      .replace(/\/mu\//, '/ma/')
      .replace('prefix="mu"', 'prefix="ma"');
    const a = await activeModel(api, 'ma-model.xml', base);
    const b = `<?xml version="1.0" encoding="UTF-8"?>
<model name="mb:mbModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://example.gov.in/model/ma/1.0" prefix="ma"/>
  </imports>
  <namespaces><namespace uri="http://example.gov.in/model/mb/1.0" prefix="mb"/></namespaces>
  <types><type name="mb:urgent"><parent>ma:letter</parent></type></types>
</model>`;
    await activeModel(api, 'mb-model.xml', b);
    await update(api, a, variant(base, ['<title>Letter</title>', '<title>Letter (inward)</title>']));
    const circular = variant(base, ['</imports>', '  <import uri="http://example.gov.in/model/mb/1.0" prefix="mb"/>\n  </imports>']);
    expectError(
      await rejectionOf(update(api, a, circular)),
      500,
      "Failed to validate model update - found circular dependency. You can't set parent mbModel as it's model already depends on ma:muModel"
    );
    const urgent = await new NodesApi(api).createNode('-my-', { name: 'u.txt', nodeType: 'mb:urgent', properties: { 'ma:pages': 1 } });
    assert.equal(urgent.entry.properties['ma:pages'], 1);
  });
});
