import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dictionary, DictionaryError, DictionaryErrorKind } from '../../src/dictionary';

// An eOffice-style custom model: a document type below cm:content with a mandatory aspect and a
// LIST-constrained property.
const DAK_MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model name="eo:dakModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Dak (inward correspondence)</description>
  <author>eOffice tests</author>
  <version>1.0</version>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces><namespace uri="http://eoffice.example/model/dak/1.0" prefix="eo"/></namespaces>
  <constraints>
    <constraint name="eo:priorities" type="LIST">
      <parameter name="allowedValues"><list><value>Normal</value><value>Immediate</value><value>Most Immediate</value></list></parameter>
    </constraint>
  </constraints>
  <types>
    <type name="eo:dak">
      <title>Dak</title>
      <parent>cm:content</parent>
      <properties>
        <property name="eo:priority">
          <type>d:text</type><mandatory enforced="true">true</mandatory><default>Normal</default>
          <constraints><constraint ref="eo:priorities"/></constraints>
        </property>
        <property name="eo:receivedOn"><type>d:date</type></property>
      </properties>
      <mandatory-aspects><aspect>eo:diarised</aspect></mandatory-aspects>
    </type>
    <type name="eo:urgentDak"><parent>eo:dak</parent></type>
  </types>
  <aspects>
    <aspect name="eo:diarised">
      <title>Diarised</title>
      <properties>
        <property name="eo:diaryNumber"><type>d:text</type><mandatory enforced="true">true</mandatory></property>
      </properties>
      <mandatory-aspects><aspect>cm:titled</aspect></mandatory-aspects>
    </aspect>
  </aspects>
</model>`;

function fails(kind: DictionaryErrorKind, fn: () => unknown, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DictionaryError, `expected a DictionaryError, got ${e}`);
    assert.equal(e.kind, kind, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}
const model = (
  body: string,
  ns = 'x',
  imports = '<import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/><import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>'
) =>
  `<model name="${ns}:m" xmlns="http://www.alfresco.org/model/dictionary/1.0"><imports>${imports}</imports>
   <namespaces><namespace uri="urn:${ns}" prefix="${ns}"/></namespaces>${body}</model>`;

describe('custom models', () => {
  it('registers a model with a parent type, a mandatory aspect and a LIST constraint, and validates against it', () => {
    const dict = new Dictionary();
    const info = dict.registerModel(DAK_MODEL);
    assert.equal(info.name, 'eo:dakModel');
    assert.equal(info.namespaceUri, 'http://eoffice.example/model/dak/1.0');
    assert.deepEqual(info.types, ['eo:dak', 'eo:urgentDak']);
    assert.ok(dict.models().some((m) => m.name === 'eo:dakModel' && !m.builtIn));

    assert.ok(dict.isSubClassOf('eo:urgentDak', 'cm:content'));
    assert.ok(dict.isContentType('eo:urgentDak'));
    assert.ok(!dict.isFolderType('eo:dak'));
    assert.deepEqual([...dict.mandatoryAspects('eo:urgentDak')].sort(), [
      'cm:auditable',
      'cm:titled',
      'eo:diarised',
      'sys:localized',
      'sys:referenceable'
    ]);
    const names = dict.propertiesOf('eo:urgentDak').map((p) => p.name);
    for (const p of ['cm:name', 'eo:priority', 'eo:diaryNumber', 'cm:title', 'cm:created']) assert.ok(names.includes(p), p);

    const ok = dict.validateProperties({
      type: 'eo:urgentDak',
      properties: { 'cm:name': 'letter.pdf', 'eo:diaryNumber': 'D/2024/17', 'eo:receivedOn': '2024-04-02' },
      mode: 'create'
    });
    assert.equal(ok.properties['eo:priority'], 'Normal', 'default applied');
    assert.equal(ok.properties['eo:receivedOn'], '2024-04-02T00:00:00.000+0000');
    assert.ok(ok.aspectsToAdd.includes('eo:diarised') && ok.aspectsToAdd.includes('cm:titled'));

    assert.throws(
      () =>
        dict.validateProperties({
          type: 'eo:dak',
          properties: { 'cm:name': 'a', 'eo:diaryNumber': '1', 'eo:priority': 'Urgent' },
          mode: 'create'
        }),
      (e: unknown) => e instanceof DictionaryError && e.kind === 'constraintViolation' && /not an allowed value: Urgent/.test(e.message)
    );
    fails(
      'mandatoryMissing',
      () => dict.validateProperties({ type: 'eo:dak', properties: { 'cm:name': 'a' }, mode: 'create' }),
      /diaryNumber/
    );

    const def = dict.toTypeDefinition('eo:urgentDak')!;
    assert.equal(def.parentId, 'eo:dak');
    assert.equal(def.model.id, 'eo:dakModel');
    assert.equal(def.model.namespacePrefix, 'eo');
    assert.deepEqual(def.properties.find((p) => p.id === 'eo:priority')!.constraints[0], {
      id: 'eo:priorities',
      type: 'LIST',
      parameters: { allowedValues: ['Normal', 'Immediate', 'Most Immediate'], caseSensitive: true, sorted: false }
    });
  });

  it('unregisters a custom model, but not a built-in one or one another model imports', () => {
    const dict = new Dictionary();
    dict.registerModel(DAK_MODEL);
    dict.registerModel(
      model(
        '<types><type name="y:sub"><parent>eo:dak</parent></type></types>',
        'y',
        '<import uri="http://eoffice.example/model/dak/1.0" prefix="eo"/>'
      )
    );
    fails('modelInUse', () => dict.unregisterModel('eo:dakModel'), /y:m/);
    dict.unregisterModel('y:m');
    dict.unregisterModel('{http://eoffice.example/model/dak/1.0}dakModel');
    assert.equal(dict.getType('cm:content')?.name, 'cm:content');
    assert.equal(dict.getProperty('eo:priority'), undefined);
    fails('unknownPrefix', () => dict.expand('eo:dak'));
    dict.registerModel(DAK_MODEL); // can come back after removal
    fails('modelInUse', () => dict.unregisterModel('cm:contentmodel'));
    fails('unknownModel', () => dict.unregisterModel('zz:none'));
  });

  it('refuses invalid models and leaves the dictionary unchanged', () => {
    const dict = new Dictionary();
    const before = dict.models().length;
    fails('parseFailure', () => dict.registerModel('<model name="x:m"><types>'), /^Failed to parse model/);
    fails(
      'invalidModel',
      () => dict.registerModel(model('<types><type name="x:t"><parent>cm:nothing</parent></type></types>')),
      /parent 'cm:nothing'/
    );
    fails(
      'invalidModel',
      () => dict.registerModel(model('<types><type name="x:t"><parent>cm:titled</parent></type></types>')),
      /not a type/
    );
    fails('unknownPrefix', () => dict.registerModel(model('<types><type name="x:t"><parent>zz:thing</parent></type></types>')), /zz/);
    fails('invalidModel', () => dict.registerModel(model('<types><type name="x:t"/><type name="x:t"/></types>')), /already defined/);
    fails(
      'invalidModel',
      () => dict.registerModel(model('<types><type name="cm:content"/></types>')),
      /not in a namespace the model defines/
    );
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model('<types><type name="x:t"><properties><property name="x:p"><type>d:nope</type></property></properties></type></types>')
        ),
      /d:nope/
    );
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model(
            '<aspects><aspect name="x:a"><properties><property name="x:p"><type>d:text</type><constraints><constraint ref="x:none"/></constraints></property></properties></aspect></aspects>'
          )
        ),
      /x:none/
    );
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model('<types><type name="x:t"><mandatory-aspects><aspect>cm:folder</aspect></mandatory-aspects></type></types>')
        ),
      /mandatory aspect/
    );
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model('<types><type name="x:t"><overrides><property name="cm:title"><default>x</default></property></overrides></type></types>')
        ),
      /does not inherit/
    );
    fails('invalidModel', () => dict.registerModel(model('', 'x', '<import uri="urn:unknown" prefix="u"/>')), /urn:unknown/);
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model('<types><type name="x:a"><parent>x:b</parent></type><type name="x:b"><parent>x:a</parent></type></types>')
        ),
      /cycle/
    );
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          model(
            '<aspects><aspect name="x:a"><properties><property name="x:p"><type>d:text</type><constraints><constraint type="REGEX"><parameter name="expression"><value>(unclosed</value></parameter></constraint></constraints></property></properties></aspect></aspects>'
          )
        ),
      /invalid expression/
    );
    // a namespace can only belong to one model
    fails(
      'invalidModel',
      () =>
        dict.registerModel(
          '<model name="cm:other" xmlns="http://www.alfresco.org/model/dictionary/1.0"><namespaces><namespace uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/></namespaces></model>'
        ),
      /already defined/
    );
    assert.equal(dict.models().length, before);
    assert.equal(dict.getType('x:t'), undefined);
    // and a valid one still registers afterwards
    dict.registerModel(model('<types><type name="x:t"><parent>cm:folder</parent></type></types>'));
    assert.ok(dict.isFolderType('x:t'));
  });
});

describe('dictionary lookups', () => {
  const dict = new Dictionary();

  it('expands and prefixes QNames in both directions', () => {
    assert.equal(dict.expand('cm:title'), '{http://www.alfresco.org/model/content/1.0}title');
    assert.equal(dict.expand('{http://www.alfresco.org/model/content/1.0}title'), '{http://www.alfresco.org/model/content/1.0}title');
    assert.equal(dict.prefix('{http://www.alfresco.org/model/site/1.0}site'), 'st:site');
    assert.equal(dict.prefix('cm:title'), 'cm:title');
    fails('unknownPrefix', () => dict.expand('zz:title'));
    fails('unknownPrefix', () => dict.prefix('{urn:nowhere}x'));
  });

  it('finds classes, properties and associations by either form', () => {
    assert.equal(dict.getType('{http://www.alfresco.org/model/content/1.0}folder')?.name, 'cm:folder');
    assert.equal(dict.getType('cm:titled'), undefined);
    assert.equal(dict.getAspect('cm:titled')?.name, 'cm:titled');
    assert.equal(dict.getClass('cm:titled')?.kind, 'aspect');
    assert.equal(dict.getProperty('cm:title')?.dataType, 'd:mltext');
    assert.equal(dict.getAssociation('cm:contains')?.isChild, true);
    assert.equal(dict.getAssociation('bpm:assignee')?.target.cls, 'cm:person');
    assert.equal(dict.getType('nope'), undefined);
    assert.ok(dict.allTypes().every((t) => t.kind === 'type'));
    assert.ok(dict.allAspects().some((a) => a.name === 'cm:likesRatingSchemeRollups'));
  });

  it('answers subclass, folder and content questions as the REST API needs them', () => {
    assert.ok(dict.isSubClassOf('st:site', 'cm:folder'));
    assert.ok(dict.isSubClassOf('cm:folder', 'cm:folder'));
    assert.ok(!dict.isSubClassOf('cm:folder', 'cm:content'));
    assert.ok(dict.isSubClassOf('app:uifacets', 'cm:titled'));
    assert.ok(dict.isFolderType('cm:folder') && dict.isFolderType('st:site') && dict.isFolderType('fm:topic'));
    assert.ok(!dict.isFolderType('cm:systemfolder') && !dict.isFolderType('bpm:package'), 'system folders are not folders');
    assert.ok(!dict.isFolderType('cm:content'));
    assert.ok(dict.isContentType('cm:content') && dict.isContentType('cm:dictionaryModel') && dict.isContentType('bpm:workflowDefinition'));
    assert.ok(!dict.isContentType('cm:folder') && !dict.isContentType('cm:person'));
  });

  it('lists mandatory aspects transitively and the properties of a type with its aspects', () => {
    assert.deepEqual([...dict.mandatoryAspects('cm:content')].sort(), ['cm:auditable', 'sys:localized', 'sys:referenceable']);
    assert.deepEqual(dict.mandatoryAspects('cm:checkedOut'), ['cm:lockable']);
    assert.ok(dict.mandatoryAspects('wf:submitAdhocTask').includes('bpm:assignee'));
    const props = dict.propertiesOf('cm:content', ['cm:titled', 'cm:versionable']).map((p) => p.name);
    for (const p of ['cm:name', 'cm:content', 'cm:created', 'cm:title', 'cm:versionLabel', 'sys:node-uuid'])
      assert.ok(props.includes(p), p);
    assert.ok(!props.includes('cm:author'));
    // app:uifacets inherits cm:title from its parent aspect
    assert.ok(dict.propertiesOf('cm:folder', ['app:uifacets']).some((p) => p.name === 'cm:title'));
  });

  it('names the aspect that declares a property', () => {
    assert.equal(dict.aspectDeclaringProperty('cm:title'), 'cm:titled');
    assert.equal(dict.aspectDeclaringProperty('{http://www.alfresco.org/model/content/1.0}author'), 'cm:author');
    assert.equal(dict.aspectDeclaringProperty('cm:name'), undefined, 'a type property');
    assert.equal(dict.aspectDeclaringProperty('cm:nope'), undefined);
  });
});
