import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dictionary, DictionaryError, DictionaryErrorKind } from '../../src/dictionary';

const dict = new Dictionary();
// One property per data type, plus constraints of every kind, in a test model.
dict.registerModel(`<?xml version="1.0"?>
<model name="t:validation" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces><namespace uri="urn:test:validation" prefix="t"/></namespaces>
  <constraints>
    <constraint name="t:shortHindi" type="LENGTH">
      <parameter name="minLength"><value>2</value></parameter>
      <parameter name="maxLength"><value>6</value></parameter>
    </constraint>
  </constraints>
  <aspects>
    <aspect name="t:all">
      <properties>
        <property name="t:text"><type>d:text</type></property>
        <property name="t:mltext"><type>d:mltext</type></property>
        <property name="t:content"><type>d:content</type></property>
        <property name="t:int"><type>d:int</type></property>
        <property name="t:long"><type>d:long</type></property>
        <property name="t:float"><type>d:float</type></property>
        <property name="t:double"><type>d:double</type></property>
        <property name="t:date"><type>d:date</type></property>
        <property name="t:datetime"><type>d:datetime</type></property>
        <property name="t:boolean"><type>d:boolean</type></property>
        <property name="t:noderef"><type>d:noderef</type></property>
        <property name="t:qname"><type>d:qname</type></property>
        <property name="t:any"><type>d:any</type></property>
        <property name="t:category"><type>d:category</type><multiple>true</multiple></property>
        <property name="t:locale"><type>d:locale</type></property>
        <property name="t:period"><type>d:period</type></property>
        <property name="t:texts"><type>d:text</type><multiple>true</multiple></property>
        <property name="t:hindi"><type>d:text</type><constraints><constraint ref="t:shortHindi"/></constraints></property>
        <property name="t:code">
          <type>d:text</type>
          <constraints><constraint type="REGEX"><parameter name="expression"><value>[A-Z]{2}-\\d{3}</value></parameter></constraint></constraints>
        </property>
        <property name="t:colour">
          <type>d:text</type><multiple>true</multiple>
          <constraints><constraint type="LIST">
            <parameter name="allowedValues"><list><value>Red</value><value>Green</value></list></parameter>
            <parameter name="caseSensitive"><value>false</value></parameter>
          </constraint></constraints>
        </property>
        <property name="t:score">
          <type>d:double</type>
          <constraints><constraint type="MINMAX"><parameter name="minValue"><value>-1.5</value></parameter><parameter name="maxValue"><value>10</value></parameter></constraint></constraints>
        </property>
      </properties>
    </aspect>
  </aspects>
</model>`);

const NODE = 'a1b2c3d4-0000-4000-8000-000000000001';
/** Converts one value of the t:all aspect. */
function convert(prop: string, value: unknown): unknown {
  return dict.validateProperties({ type: 'cm:content', aspects: ['t:all'], properties: { [prop]: value }, mode: 'update' }).properties[
    prop
  ];
}
function fails(kind: DictionaryErrorKind, fn: () => unknown, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DictionaryError, `expected a DictionaryError, got ${e}`);
    assert.equal(e.kind, kind, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}
const create = (type: string, properties: Record<string, unknown>, aspects: string[] = []) =>
  dict.validateProperties({ type, aspects, properties, mode: 'create' });

describe('property conversion per data type', () => {
  it('text and mltext take strings; numbers and booleans become strings; objects are refused', () => {
    assert.equal(convert('t:text', 'hello'), 'hello');
    assert.equal(convert('t:text', 42), '42');
    assert.equal(convert('t:mltext', 'शीर्षक'), 'शीर्षक');
    assert.equal(convert('t:text', ''), '', 'an empty text stays');
    fails('invalidValue', () => convert('t:text', { a: 1 }), /t:text/);
  });

  it('content values are skipped: content is written through the content endpoints', () => {
    const r = dict.validateProperties({
      type: 'cm:content',
      aspects: ['t:all'],
      properties: { 't:content': 'x', 'cm:content': 'y' },
      mode: 'update'
    });
    assert.deepEqual(r.properties, {});
  });

  it('int and long take integers and integer strings within range', () => {
    assert.equal(convert('t:int', 7), 7);
    assert.equal(convert('t:int', '-12'), -12);
    fails('invalidValue', () => convert('t:int', '1.5'));
    fails('invalidValue', () => convert('t:int', 2147483648));
    fails('invalidValue', () => convert('t:int', 'seven'));
    assert.equal(convert('t:long', '12345678901'), 12345678901);
    fails('invalidValue', () => convert('t:long', 2 ** 60));
  });

  it('float and double take numbers and numeric strings', () => {
    assert.equal(convert('t:float', '1.25'), 1.25);
    assert.equal(convert('t:double', -3e-2), -0.03);
    assert.equal(convert('t:double', '6.02e23'), 6.02e23);
    fails('invalidValue', () => convert('t:double', '1,5'));
    fails('invalidValue', () => convert('t:float', true));
  });

  it('date and datetime are stored as ISO-8601 UTC with milliseconds and +0000', () => {
    assert.equal(convert('t:date', '2024-05-01'), '2024-05-01T00:00:00.000+0000');
    assert.equal(convert('t:date', '2024-05-01T10:00:00+05:30'), '2024-05-01T04:30:00.000+0000');
    assert.equal(convert('t:datetime', '2024-05-01T10:11:12.345Z'), '2024-05-01T10:11:12.345+0000');
    assert.equal(convert('t:datetime', '2026-11-22T16:08:10.218+0000'), '2026-11-22T16:08:10.218+0000');
    assert.equal(convert('t:datetime', '2024-12-31T23:30:00-0100'), '2025-01-01T00:30:00.000+0000');
    fails('invalidValue', () => convert('t:date', '2024-02-30'));
    fails('invalidValue', () => convert('t:datetime', '01/05/2024'));
    fails('invalidValue', () => convert('t:datetime', '2024-05-01T25:00:00Z'));
  });

  it('boolean takes true/false and their strings only', () => {
    assert.equal(convert('t:boolean', true), true);
    assert.equal(convert('t:boolean', 'false'), false);
    assert.equal(convert('t:boolean', 'TRUE'), true);
    fails('invalidValue', () => convert('t:boolean', 'yes'));
    fails('invalidValue', () => convert('t:boolean', 1));
  });

  it('noderef and category take an id or a workspace node reference and store the id', () => {
    assert.equal(convert('t:noderef', NODE), NODE);
    assert.equal(convert('t:noderef', `workspace://SpacesStore/${NODE}`), NODE);
    assert.equal(convert('t:noderef', `archive://SpacesStore/${NODE}`), `archive://SpacesStore/${NODE}`);
    fails('invalidValue', () => convert('t:noderef', 'not a node'));
    assert.deepEqual(convert('t:category', `workspace://SpacesStore/${NODE}`), [NODE], 'multi-valued: a scalar becomes a list');
  });

  it('qname takes either form and stores the prefixed one', () => {
    assert.equal(convert('t:qname', '{http://www.alfresco.org/model/content/1.0}content'), 'cm:content');
    assert.equal(convert('t:qname', 'cm:folder'), 'cm:folder');
    fails('invalidValue', () => convert('t:qname', 'zz:unknown'));
  });

  it('any, locale and period', () => {
    assert.deepEqual(convert('t:any', { a: [1, 2] }), { a: [1, 2] });
    assert.equal(convert('t:locale', 'en-US'), 'en_US');
    assert.equal(convert('t:locale', 'hi_IN'), 'hi_IN');
    fails('invalidValue', () => convert('t:locale', 'not a locale'));
    assert.equal(convert('t:period', 'month|1'), 'month|1');
    assert.equal(convert('t:period', 'none'), 'none');
    fails('invalidValue', () => convert('t:period', '|1'));
  });

  it('multi-valued properties are arrays; single-valued ones refuse arrays; null removes', () => {
    assert.deepEqual(convert('t:texts', ['a', 'b']), ['a', 'b']);
    assert.deepEqual(convert('t:texts', 'a'), ['a']);
    fails('invalidValue', () => convert('t:text', ['a', 'b']), /single-valued/);
    fails('invalidValue', () => convert('t:texts', ['a', {}]));
    assert.equal(convert('t:int', null), null);
    assert.equal(convert('t:date', ''), null, 'an empty string clears a non-text property');
  });
});

describe('constraints', () => {
  it('LIST: allowed values pass, others fail with the ACS message; caseSensitive=false ignores case', () => {
    assert.equal(create('bpm:task', { 'cm:name': 't', 'bpm:priority': 3 }).properties['bpm:priority'], 3);
    fails(
      'constraintViolation',
      () => create('bpm:task', { 'cm:name': 't', 'bpm:priority': 4 }),
      /^Constraint violation: The value is not an allowed value: 4 .*bpm:priority/
    );
    fails('constraintViolation', () => create('bpm:task', { 'cm:name': 't', 'bpm:status': 'Done' }), /allowed value: Done/);
    assert.deepEqual(convert('t:colour', ['red', 'GREEN']), ['red', 'GREEN']);
    fails('constraintViolation', () => convert('t:colour', ['Red', 'Blue']), /Blue/);
  });

  it('REGEX: cm:name refuses forbidden characters and trailing dots or spaces; requiresMatch=true needs a match', () => {
    assert.equal(create('cm:content', { 'cm:name': 'मसौदा पत्र v1.docx' }).properties['cm:name'], 'मसौदा पत्र v1.docx');
    for (const bad of ['a/b', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a>b', 'a|b', 'a\\b', 'name.', 'name ']) {
      fails('constraintViolation', () => create('cm:content', { 'cm:name': bad }), /cm:name/);
    }
    assert.equal(convert('t:code', 'AB-123'), 'AB-123');
    fails('constraintViolation', () => convert('t:code', 'AB-1234'), /does not match/);
  });

  it('LENGTH counts characters, not bytes (Devanagari)', () => {
    const namaste = 'नमस्ते'; // 6 characters, 18 bytes in UTF-8
    assert.equal(Buffer.byteLength(namaste), 18);
    assert.equal(convert('t:hindi', namaste), namaste);
    fails('constraintViolation', () => convert('t:hindi', 'नमस्ते!'), /length/);
    fails('constraintViolation', () => convert('t:hindi', 'न'), /between 2 and 6/);
    fails('constraintViolation', () => create('bpm:task', { 'cm:name': 't', 'bpm:comment': 'x'.repeat(4001) }), /bpm:comment/);
    assert.equal(create('bpm:task', { 'cm:name': 't', 'bpm:comment': 'क'.repeat(4000) }).properties['bpm:comment'], 'क'.repeat(4000));
  });

  it('MINMAX: values inside the range pass, outside fail', () => {
    assert.equal(convert('t:score', -1.5), -1.5);
    assert.equal(convert('t:score', '10'), 10);
    fails('constraintViolation', () => convert('t:score', 10.01), /range/);
    assert.equal(create('bpm:task', { 'cm:name': 't', 'bpm:percentComplete': 100 }).properties['bpm:percentComplete'], 100);
    fails('constraintViolation', () => create('bpm:task', { 'cm:name': 't', 'bpm:percentComplete': 101 }), /bpm:percentComplete/);
    fails(
      'constraintViolation',
      () => create('wf:submitParallelReviewTask', { 'cm:name': 't', 'wf:requiredApprovePercent': 0 }),
      /wf:requiredApprovePercent/
    );
  });
});

describe('validateProperties', () => {
  it('refuses unknown properties, unknown prefixes and properties of unrelated types', () => {
    fails('unknownProperty', () => create('cm:content', { 'cm:name': 'a', 'cm:nonexistent': 'x' }), /cm:nonexistent/);
    fails('unknownProperty', () => create('cm:content', { 'cm:name': 'a', 'zz:foo': 'x' }), /zz:foo/);
    fails('unknownProperty', () => create('cm:content', { 'cm:name': 'a', 'st:sitePreset': 'x' }), /st:sitePreset/);
  });

  it('refuses unknown types and aspects, and an aspect given as type', () => {
    fails('unknownType', () => create('cm:nope', { 'cm:name': 'a' }));
    fails('unknownType', () => create('cm:content', { 'cm:name': 'a' }, ['cm:nope']));
    fails('invalidType', () => create('cm:titled', { 'cm:name': 'a' }));
    fails('invalidType', () => create('cm:content', { 'cm:name': 'a' }, ['cm:folder']));
  });

  it('create needs every enforced mandatory property; plain mandatory ones are not enforced', () => {
    fails(
      'mandatoryMissing',
      () => create('cm:content', { 'cm:title': 'x' }),
      /Property '\{http:\/\/www\.alfresco\.org\/model\/content\/1\.0\}name'/
    );
    fails('mandatoryMissing', () => create('cm:folder', { 'cm:name': null }), /cm:name/);
    // cm:firstName is mandatory but not enforced
    assert.ok(create('cm:person', { 'cm:userName': 'u1' }));
  });

  it('update refuses null for an enforced mandatory property, and checks the merged result when given', () => {
    fails('mandatoryMissing', () => dict.validateProperties({ type: 'cm:content', properties: { 'cm:name': null }, mode: 'update' }));
    const ok = dict.validateProperties({
      type: 'cm:content',
      properties: { 'cm:title': 'x' },
      mode: 'update',
      current: { 'cm:name': 'a.txt' }
    });
    assert.equal(ok.properties['cm:title'], 'x');
    fails('mandatoryMissing', () =>
      dict.validateProperties({ type: 'cm:content', properties: { 'cm:title': 'x' }, mode: 'update', current: {} })
    );
  });

  it('setting cm:title adds cm:titled, as ACS does; other aspect properties add their aspect too', () => {
    const r = dict.validateProperties({
      type: 'cm:content',
      aspects: ['cm:auditable'],
      properties: { 'cm:title': 'Hello', 'cm:author': 'Asha' },
      mode: 'update'
    });
    assert.ok(r.aspectsToAdd.includes('cm:titled'));
    assert.ok(r.aspectsToAdd.includes('cm:author'));
    const already = dict.validateProperties({
      type: 'cm:content',
      aspects: ['cm:titled'],
      properties: { 'cm:title': 'Hello' },
      mode: 'update'
    });
    assert.ok(!already.aspectsToAdd.includes('cm:titled'));
    const exif = dict.validateProperties({ type: 'cm:content', properties: { 'exif:pixelXDimension': '640' }, mode: 'update' });
    assert.ok(exif.aspectsToAdd.includes('exif:exif'));
    assert.equal(exif.properties['exif:pixelXDimension'], 640);
  });

  it('aspectsToAdd lists missing mandatory aspects of the type and of added aspects', () => {
    const r = create('st:site', { 'cm:name': 'finance' });
    for (const a of ['cm:titled', 'sys:undeletable', 'sys:unmovable', 'cm:auditable', 'sys:referenceable', 'sys:localized'])
      assert.ok(r.aspectsToAdd.includes(a), a);
    const checked = dict.validateProperties({ type: 'cm:content', aspects: ['cm:checkedOut'], properties: {}, mode: 'update' });
    assert.ok(checked.aspectsToAdd.includes('cm:lockable'));
  });

  it('accepts {uri}local keys and types and answers prefixed keys', () => {
    const r = dict.validateProperties({
      type: '{http://www.alfresco.org/model/content/1.0}content',
      properties: {
        '{http://www.alfresco.org/model/content/1.0}name': 'a.txt',
        '{http://www.alfresco.org/model/content/1.0}description': 'd'
      },
      mode: 'create'
    });
    assert.equal(r.properties['cm:name'], 'a.txt');
    assert.equal(r.properties['cm:description'], 'd');
  });

  it('ignores repository-maintained properties and refuses other protected ones', () => {
    const r = create('cm:content', { 'cm:name': 'a', 'cm:created': '2020-01-01', 'cm:creator': 'mallory', 'sys:node-uuid': 'x' });
    assert.deepEqual(
      Object.keys(r.properties).filter((k) => !k.startsWith('sys:')),
      ['cm:name']
    );
    assert.ok(!('sys:node-uuid' in r.properties));
    fails('protectedProperty', () => create('cm:content', { 'cm:name': 'a', 'cm:versionLabel': '9.0' }), /cm:versionLabel/);
    fails('protectedProperty', () => create('cm:dictionaryModel', { 'cm:name': 'm.xml', 'cm:modelName': 'x:y' }));
    const internal = dict.validateProperties({
      type: 'cm:content',
      properties: { 'cm:name': 'a', 'cm:versionLabel': '1.0', 'cm:created': '2020-01-01' },
      mode: 'create',
      allowProtected: true
    });
    assert.equal(internal.properties['cm:versionLabel'], '1.0');
    assert.equal(internal.properties['cm:created'], '2020-01-01T00:00:00.000+0000');
  });

  it('fills model defaults on create, with overrides of the type applied', () => {
    assert.equal(create('cm:dictionaryModel', { 'cm:name': 'm.xml' }).properties['cm:modelActive'], false);
    const wfDef = create('bpm:workflowDefinition', { 'cm:name': 'review.bpmn20.xml' }).properties;
    assert.equal(wfDef['bpm:engineId'], 'activiti');
    assert.equal(wfDef['bpm:definitionDeployed'], false);
    const review = create('wf:activitiReviewTask', {}).properties;
    assert.equal(review['cm:name'], 'Task', 'cm:name default from the bpm:task override satisfies the mandatory check');
    assert.equal(review['bpm:packageItemActionGroup'], 'edit_package_item_actions');
    assert.equal(review['bpm:outcomePropertyName'], 'wf:reviewOutcome');
    assert.equal(review['wf:reviewOutcome'], 'Reject');
    assert.equal(review['bpm:priority'], 2);
  });

  it('on update only aspects being added get their defaults', () => {
    const r = dict.validateProperties({
      type: 'cm:content',
      aspects: ['cm:titled'],
      properties: { 'cm:autoVersion': false },
      mode: 'update'
    });
    assert.ok(r.aspectsToAdd.includes('cm:versionable'));
    assert.equal(r.properties['cm:autoVersion'], false);
    assert.equal(r.properties['cm:initialVersion'], true);
    assert.equal(r.properties['cm:autoVersionOnUpdateProps'], false);
    assert.ok(!('cm:title' in r.properties));
  });
});
