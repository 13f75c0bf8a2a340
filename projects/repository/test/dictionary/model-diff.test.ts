// The diff of two versions of a model, by ACS's rules (DictionaryDAOImpl.diffModel and the M2*Definition diff
// methods): what is incremental, what is not, and that a model diffed against itself is all UNCHANGED — the
// built-in models and the e-Office models in config/ included.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BUILT_IN_MODELS, BUILT_IN_MODELS_DIR, Dictionary, ModelDiff } from '../../src/dictionary';

const CONFIG_MODELS = path.resolve(__dirname, '../../../../config/model');
const UP = '{http://example.gov.in/model/up/1.0}';

const BASE = `<?xml version="1.0" encoding="UTF-8"?>
<model name="up:upModel" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  <description>Model updates</description>
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces>
    <namespace uri="http://example.gov.in/model/up/1.0" prefix="up"/>
  </namespaces>
  <constraints>
    <constraint name="up:modes" type="LIST">
      <parameter name="allowedValues"><list><value>Post</value><value>Hand</value></list></parameter>
    </constraint>
  </constraints>
  <types>
    <type name="up:letter">
      <title>Letter</title>
      <parent>cm:content</parent>
      <properties>
        <property name="up:number">
          <title>Number</title>
          <type>d:text</type>
        </property>
        <property name="up:pages">
          <type>d:int</type>
          <mandatory>true</mandatory>
        </property>
        <property name="up:mode">
          <type>d:text</type>
          <constraints><constraint ref="up:modes"/></constraints>
        </property>
      </properties>
      <associations>
        <association name="up:refersTo">
          <source><mandatory>false</mandatory><many>true</many></source>
          <target><class>up:letter</class><mandatory>false</mandatory><many>true</many></target>
        </association>
      </associations>
    </type>
    <type name="up:urgentLetter">
      <parent>up:letter</parent>
    </type>
    <type name="up:bundle">
      <parent>cm:cmobject</parent>
      <associations>
        <child-association name="up:parts">
          <source><mandatory>false</mandatory><many>true</many></source>
          <target><class>up:letter</class><mandatory>false</mandatory><many>true</many></target>
        </child-association>
      </associations>
    </type>
  </types>
  <aspects>
    <aspect name="up:tracked">
      <properties>
        <property name="up:trackedBy"><type>d:text</type></property>
      </properties>
    </aspect>
  </aspects>
</model>`;

/** The base model with each [from, to] replaced once (each `from` must occur). */
function variant(...edits: [string, string][]): string {
  let xml = BASE;
  for (const [from, to] of edits) {
    assert.ok(xml.includes(from), `the base model has ${from}`);
    xml = xml.replace(from, to);
  }
  return xml;
}

function diffOf(next: string, previous = BASE): ModelDiff[] {
  const dictionary = new Dictionary();
  dictionary.registerModel(previous);
  return dictionary.diffModel(next);
}

/** The diff type of one element (the first diff naming it with that element type). */
function kindOf(diffs: ModelDiff[], elementType: string, name: string): string | undefined {
  return diffs.find((d) => d.elementType === elementType && d.elementName === name)?.diffType;
}

const changed = (diffs: ModelDiff[]) => diffs.filter((d) => d.diffType !== 'UNCHANGED');

describe('model diff (ACS rules)', () => {
  it('a model diffed against itself is all UNCHANGED, inherited properties included', () => {
    const diffs = diffOf(BASE);
    assert.deepEqual(changed(diffs), []);
    // up:urgentLetter compares the properties it inherits from up:letter and from cm:content.
    assert.equal(kindOf(diffs, 'TYPE', `${UP}urgentLetter`), 'UNCHANGED');
    const urgent = diffs.slice(
      0,
      diffs.findIndex((d) => d.elementName === `${UP}urgentLetter`)
    );
    assert.ok(urgent.some((d) => d.elementName === '{http://www.alfresco.org/model/content/1.0}name'));
    assert.equal(kindOf(diffs, 'TYPE_CONSTRAINT', `${UP}modes`), 'UNCHANGED');
  });

  it('the e-Office models in config/ are unchanged against themselves', () => {
    const dictionary = new Dictionary();
    for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml']) {
      const xml = fs.readFileSync(path.join(CONFIG_MODELS, file), 'utf8');
      dictionary.registerModel(xml);
      const diffs = dictionary.diffModel(xml);
      assert.ok(diffs.length > 100, `${file}: ${diffs.length} diffs`);
      assert.deepEqual(changed(diffs), [], file);
    }
  });

  it('the e-Office models in config/ are incremental updates of those a department may have installed', () => {
    // What `npx eoffice install` would meet on a real ACS that runs an earlier version (installed-models/README.md).
    const dictionary = new Dictionary();
    const installed = path.join(__dirname, 'installed-models');
    for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml'])
      dictionary.registerModel(fs.readFileSync(path.join(installed, file), 'utf8'));
    for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml']) {
      const diffs = dictionary.diffModel(fs.readFileSync(path.join(CONFIG_MODELS, file), 'utf8'));
      const refused = diffs.filter((d) => d.diffType === 'UPDATED' || (d.diffType === 'DELETED' && d.elementType !== 'TYPE_NAMESPACE'));
      assert.deepEqual(refused, [], file);
    }
    // The check sees a change: the ledger of frozen notes came after the installed version.
    const xml = fs.readFileSync(path.join(CONFIG_MODELS, 'eofficeModel.xml'), 'utf8');
    assert.ok(dictionary.diffModel(xml).some((d) => d.diffType === 'CREATED' && d.elementName.endsWith('}frozenNotes')));
  });

  it('each built-in model is unchanged against itself', () => {
    const dictionary = new Dictionary();
    let compared = 0;
    for (const file of BUILT_IN_MODELS) {
      const diffs = dictionary.diffModel(fs.readFileSync(path.join(BUILT_IN_MODELS_DIR, file), 'utf8'));
      compared += diffs.length;
      assert.deepEqual(changed(diffs), [], file);
    }
    assert.ok(compared > 500, `${compared} diffs`);
  });

  it('index defaults written out are no change: enabled, atomic true, stored false, tokenised TRUE (any case)', () => {
    const explicit = variant([
      '<mandatory>true</mandatory>',
      '<mandatory>true</mandatory>\n          <index enabled="true"><atomic>true</atomic><stored>false</stored><tokenised>True</tokenised></index>'
    ]);
    assert.deepEqual(changed(diffOf(explicit)), []);
  });

  it('titles, descriptions, defaults, a new property, type, aspect or association are incremental', () => {
    const diffs = diffOf(
      variant(
        ['<title>Letter</title>', '<title>Letter (inward)</title><description>A letter</description>'],
        ['<title>Number</title>', '<title>Letter number</title>'],
        [
          '<property name="up:trackedBy"><type>d:text</type></property>',
          '<property name="up:trackedBy"><type>d:text</type><default>x</default></property>\n<property name="up:trackedOn"><type>d:date</type></property>'
        ],
        ['<aspects>', '<aspects>\n<aspect name="up:flagged"/>'],
        ['</types>', '<type name="up:memo"><parent>cm:content</parent></type>\n</types>']
      )
    );
    assert.equal(kindOf(diffs, 'TYPE', `${UP}letter`), 'UPDATED_INC');
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}number`), 'UPDATED_INC');
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}trackedBy`), 'UPDATED_INC');
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}trackedOn`), 'CREATED');
    assert.equal(kindOf(diffs, 'ASPECT', `${UP}tracked`), 'UNCHANGED');
    assert.equal(kindOf(diffs, 'ASPECT', `${UP}flagged`), 'CREATED');
    assert.equal(kindOf(diffs, 'TYPE', `${UP}memo`), 'CREATED');
    assert.ok(!diffs.some((d) => d.diffType === 'UPDATED' || d.diffType === 'DELETED'));
  });

  it('relaxing mandatory or protected is incremental; tightening them is not', () => {
    assert.equal(
      kindOf(diffOf(variant(['<mandatory>true</mandatory>', '<mandatory>false</mandatory>'])), 'PROPERTY', `${UP}pages`),
      'UPDATED_INC'
    );
    const tightened = diffOf(
      variant(
        ['<type>d:text</type>', '<type>d:text</type>\n          <protected>true</protected>'],
        [
          '<type>d:text</type>\n          <constraints>',
          '<type>d:text</type>\n          <mandatory>true</mandatory>\n          <constraints>'
        ]
      )
    );
    assert.equal(kindOf(tightened, 'PROPERTY', `${UP}number`), 'UPDATED');
    assert.equal(kindOf(tightened, 'PROPERTY', `${UP}mode`), 'UPDATED');
    const enforced = diffOf(variant(['<mandatory>true</mandatory>', '<mandatory enforced="true">true</mandatory>']));
    assert.equal(kindOf(enforced, 'PROPERTY', `${UP}pages`), 'UPDATED');
  });

  it('a property whose data type, multiplicity, index or tokenisation changes is updated non-incrementally', () => {
    assert.equal(kindOf(diffOf(variant(['<type>d:int</type>', '<type>d:long</type>'])), 'PROPERTY', `${UP}pages`), 'UPDATED');
    assert.equal(
      kindOf(
        diffOf(variant(['<mandatory>true</mandatory>', '<mandatory>true</mandatory>\n          <multiple>true</multiple>'])),
        'PROPERTY',
        `${UP}pages`
      ),
      'UPDATED'
    );
    const index = (inner: string, enabled = true) =>
      variant(['<mandatory>true</mandatory>', `<mandatory>true</mandatory>\n          <index enabled="${enabled}">${inner}</index>`]);
    assert.equal(kindOf(diffOf(index('', false)), 'PROPERTY', `${UP}pages`), 'UPDATED');
    assert.equal(kindOf(diffOf(index('<tokenised>both</tokenised>')), 'PROPERTY', `${UP}pages`), 'UPDATED');
    assert.equal(kindOf(diffOf(index('<stored>true</stored>')), 'PROPERTY', `${UP}pages`), 'UPDATED_INC');
    assert.equal(kindOf(diffOf(index('<atomic>false</atomic>')), 'PROPERTY', `${UP}pages`), 'UPDATED_INC');
  });

  it('an inherited property that changes is reported on the class that inherits it as well', () => {
    const diffs = diffOf(variant(['<type>d:int</type>', '<type>d:long</type>']));
    const onPages = diffs.filter((d) => d.elementName === `${UP}pages`).map((d) => d.diffType);
    assert.deepEqual(onPages, ['UPDATED', 'UPDATED']);
  });

  it('a mandatory aspect added to a type or an aspect updates it non-incrementally; one removed does not', () => {
    const added = diffOf(
      variant([
        '<parent>up:letter</parent>',
        '<parent>up:letter</parent>\n<mandatory-aspects><aspect>up:tracked</aspect></mandatory-aspects>'
      ])
    );
    assert.equal(kindOf(added, 'TYPE', `${UP}urgentLetter`), 'UPDATED');
    assert.equal(kindOf(added, 'TYPE', `${UP}letter`), 'UNCHANGED');
    const onAspect = diffOf(
      variant(
        ['<aspects>', '<aspects>\n<aspect name="up:flagged"/>'],
        [
          '<property name="up:trackedBy"><type>d:text</type></property>\n      </properties>',
          '<property name="up:trackedBy"><type>d:text</type></property>\n      </properties>\n<mandatory-aspects><aspect>up:flagged</aspect></mandatory-aspects>'
        ]
      ),
      variant(['<aspects>', '<aspects>\n<aspect name="up:flagged"/>'])
    );
    assert.equal(kindOf(onAspect, 'ASPECT', `${UP}tracked`), 'UPDATED');
    const withAspect = variant([
      '<parent>up:letter</parent>',
      '<parent>up:letter</parent>\n<mandatory-aspects><aspect>up:tracked</aspect></mandatory-aspects>'
    ]);
    assert.equal(kindOf(diffOf(BASE, withAspect), 'TYPE', `${UP}urgentLetter`), 'UNCHANGED');
  });

  it('a parent changed is non-incremental, and the properties it brought are deleted from the class', () => {
    const diffs = diffOf(variant(['<parent>up:letter</parent>', '<parent>cm:content</parent>']));
    assert.equal(kindOf(diffs, 'TYPE', `${UP}urgentLetter`), 'UPDATED');
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}pages`), 'UNCHANGED'); // on up:letter, which still has it
    const urgentDeleted = diffs.filter((d) => d.diffType === 'DELETED').map((d) => d.elementName);
    assert.deepEqual(urgentDeleted.sort(), [`${UP}mode`, `${UP}number`, `${UP}pages`, `${UP}refersTo`]);
  });

  it('a class that loses its child associations is updated; one that gains its first is incremental', () => {
    const lost = diffOf(
      variant(['<child-association name="up:parts">', '<association name="up:parts">'], ['</child-association>', '</association>'])
    );
    // Whether an association is a child one is not compared (ACS's diffAssoc); that the class is no longer a container is.
    assert.equal(kindOf(lost, 'ASSOCIATION', `${UP}parts`), 'UNCHANGED');
    assert.equal(kindOf(lost, 'TYPE', `${UP}bundle`), 'UPDATED');
    const gained = diffOf(
      variant([
        '<association name="up:refersTo">',
        '<child-association name="up:attachments"><target><class>cm:content</class></target></child-association>\n<association name="up:refersTo">'
      ])
    );
    assert.equal(kindOf(gained, 'TYPE', `${UP}letter`), 'UPDATED_INC');
    assert.equal(kindOf(gained, 'ASSOCIATION', `${UP}attachments`), 'CREATED');
    assert.equal(kindOf(gained, 'TYPE', `${UP}urgentLetter`), 'UPDATED_INC');
  });

  it('an association whose target changes is updated; one removed is deleted', () => {
    const target = diffOf(
      variant([
        '<target><class>up:letter</class><mandatory>false</mandatory><many>true</many></target>\n        </association>',
        '<target><class>cm:content</class><mandatory>false</mandatory><many>true</many></target>\n        </association>'
      ])
    );
    assert.equal(kindOf(target, 'ASSOCIATION', `${UP}refersTo`), 'UPDATED');
    const removed = diffOf(
      variant([
        `<associations>
        <association name="up:refersTo">
          <source><mandatory>false</mandatory><many>true</many></source>
          <target><class>up:letter</class><mandatory>false</mandatory><many>true</many></target>
        </association>
      </associations>`,
        ''
      ])
    );
    assert.equal(kindOf(removed, 'ASSOCIATION', `${UP}refersTo`), 'DELETED');
    assert.equal(kindOf(removed, 'TYPE', `${UP}letter`), 'UNCHANGED');
  });

  it('a type, aspect or property removed is deleted', () => {
    const diffs = diffOf(
      variant(
        [
          `<type name="up:urgentLetter">
      <parent>up:letter</parent>
    </type>`,
          ''
        ],
        ['<property name="up:trackedBy"><type>d:text</type></property>', '']
      )
    );
    assert.equal(kindOf(diffs, 'TYPE', `${UP}urgentLetter`), 'DELETED');
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}trackedBy`), 'DELETED');
    assert.equal(kindOf(diffs, 'ASPECT', `${UP}tracked`), 'UNCHANGED');
  });

  it('an override added in a subtype makes the inherited property non-incrementally updated there', () => {
    const diffs = diffOf(
      variant([
        '<parent>up:letter</parent>',
        '<parent>up:letter</parent>\n<overrides><property name="up:number"><default>F.1</default></property></overrides>'
      ])
    );
    const onNumber = diffs.filter((d) => d.elementName === `${UP}number`).map((d) => d.diffType);
    assert.deepEqual(onNumber, ['UNCHANGED', 'UPDATED']);
    assert.equal(kindOf(diffs, 'TYPE', `${UP}urgentLetter`), 'UNCHANGED');
  });

  it('named constraints: a changed one stays UNCHANGED (ACS compares it with itself), one removed is deleted', () => {
    const values = variant(['<value>Hand</value>', '<value>Hand</value><value>E-mail</value>']);
    assert.equal(kindOf(diffOf(values), 'TYPE_CONSTRAINT', `${UP}modes`), 'UNCHANGED');
    const dictionary = new Dictionary();
    dictionary.registerModel(BASE);
    const removed = dictionary.diffModelDefs(dictionary.modelDef('up:upModel')!, {
      ...dictionary.modelDef('up:upModel')!,
      constraints: []
    });
    assert.equal(kindOf(removed, 'TYPE_CONSTRAINT', `${UP}modes`), 'DELETED');
  });

  it('imports: a prefix changed is an updated namespace, a new import a created one, both named by the model', () => {
    const diffs = diffOf(
      variant(
        ['prefix="d"/>', 'prefix="dd"/>'],
        ['<type>d:text</type>', '<type>dd:text</type>'],
        ['<type>d:int</type>', '<type>dd:int</type>'],
        ['<type>d:text</type>', '<type>dd:text</type>'],
        ['<property name="up:trackedBy"><type>d:text</type>', '<property name="up:trackedBy"><type>dd:text</type>'],
        ['</imports>', '<import uri="http://www.alfresco.org/model/system/1.0" prefix="sys"/>\n</imports>']
      )
    );
    const namespaces = diffs.filter((d) => d.elementType === 'TYPE_NAMESPACE');
    assert.deepEqual(
      namespaces.map((d) => [d.diffType, d.elementName, d.namespace?.uri]),
      [
        ['UPDATED', `${UP}upModel`, 'http://www.alfresco.org/model/dictionary/1.0'],
        ['CREATED', `${UP}upModel`, 'http://www.alfresco.org/model/system/1.0']
      ]
    );
    assert.equal(kindOf(diffs, 'PROPERTY', `${UP}pages`), 'UNCHANGED');
  });

  it('names are QNames: a model that renames the prefix of its own namespace changes nothing', () => {
    const renamed = BASE.replace(/up:/g, 'upd:').replace('prefix="up"', 'prefix="upd"');
    assert.deepEqual(changed(diffOf(renamed)), []);
  });

  it('no registered model of that name: no diffs', () => {
    assert.deepEqual(diffOf(BASE.replace('up:upModel', 'up:otherModel')), []);
  });
});
