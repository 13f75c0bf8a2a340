// ACS reads a model through its ordered JiBX binding (m2binding.xml): what the binding does not expect, in
// the place it expects it, fails the whole model with "Failed to parse model". Each case below is XML that
// the parser used to accept and that ACS refuses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BUILT_IN_MODELS_DIR, Dictionary, DictionaryError, parseModel } from '../../src/dictionary';
import { parseAllReferenceModels } from './support';

const D = '{http://www.alfresco.org/model/dictionary/1.0}';
const CONFIG_MODELS = path.resolve(__dirname, '../../../../config/model');

const model = (classes: string, head = '') => `<?xml version="1.0" encoding="UTF-8"?>
<model name="x:m" xmlns="http://www.alfresco.org/model/dictionary/1.0">
  ${head}
  <imports>
    <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="d"/>
    <import uri="http://www.alfresco.org/model/content/1.0" prefix="cm"/>
  </imports>
  <namespaces><namespace uri="urn:x" prefix="x"/></namespaces>
  <types>
    ${classes}
  </types>
</model>`;
const type = (body: string) => model(`<type name="x:t"><parent>cm:content</parent>${body}</type>`);
const property = (body: string) => type(`<properties><property name="x:p">${body}</property></properties>`);

function refused(xml: string, detail: string): void {
  assert.throws(
    () => parseModel(xml),
    (e: unknown) => {
      assert.ok(e instanceof DictionaryError, String(e));
      assert.equal(e.kind, 'parseFailure');
      assert.equal(e.message.split(' (line ')[0], `Failed to parse model: ${detail}`);
      assert.match(e.message, /\(line \d+, col \d+\)$/);
      return true;
    }
  );
}

describe('dictionary binding: element order and vocabulary as ACS reads them', () => {
  it('refuses <default> before <mandatory>, naming where it stopped', () => {
    const xml = property('<type>d:text</type><default>a</default><mandatory enforced="true">true</mandatory>');
    refused(xml, `Expected "${D}property" end tag, found "${D}mandatory" start tag`);
    // The position is the offending tag's.
    const line = xml.split('\n').findIndex((l) => l.includes('<mandatory')) + 1;
    assert.throws(() => parseModel(xml), new RegExp(`\\(line ${line}, col \\d+\\)$`));
  });

  it('accepts the same property in the binding order', () => {
    const m = parseModel(property('<type>d:text</type><mandatory enforced="true">true</mandatory><default>a</default>'));
    const p = m.types[0].properties[0];
    assert.equal(p.mandatory, true);
    assert.equal(p.mandatoryEnforced, true);
    assert.equal(p.defaultValue, 'a');
  });

  it('refuses <mandatory-aspects> before <overrides>, and <properties> after <associations>', () => {
    refused(
      type(
        '<mandatory-aspects><aspect>cm:titled</aspect></mandatory-aspects><overrides><property name="cm:name"><default>x</default></property></overrides>'
      ),
      `Expected "${D}type" end tag, found "${D}overrides" start tag`
    );
    refused(
      type('<associations><association name="x:a"><target><class>cm:content</class></target></association></associations><properties/>'),
      `Expected "${D}type" end tag, found "${D}properties" start tag`
    );
  });

  it('refuses model headers out of order: <imports> after <namespaces>, <author> before <description>', () => {
    refused(
      `<model name="x:m" xmlns="http://www.alfresco.org/model/dictionary/1.0"><namespaces><namespace uri="urn:x" prefix="x"/></namespaces><imports/></model>`,
      `Expected "${D}model" end tag, found "${D}imports" start tag`
    );
    refused(
      model('', '<author>me</author><description>d</description>'),
      `Expected "${D}model" end tag, found "${D}description" start tag`
    );
  });

  it('refuses elements the binding does not know, even where the published schema allows them', () => {
    // modelSchema.xsd has <encrypted> on properties; the binding ACS reads with has not.
    refused(property('<type>d:text</type><encrypted>true</encrypted>'), `Expected "${D}property" end tag, found "${D}encrypted" start tag`);
    refused(type('<label>t</label>'), `Expected "${D}type" end tag, found "${D}label" start tag`);
    // An element of another namespace is another element.
    refused(
      property('<type>d:text</type><x:mandatory xmlns:x="urn:other">true</x:mandatory>'),
      `Expected "${D}property" end tag, found "{urn:other}mandatory" start tag`
    );
  });

  it('refuses a second copy of a single element and child elements inside a value', () => {
    refused(type('<title>a</title><title>b</title>'), `Expected "${D}type" end tag, found "${D}title" start tag`);
    refused(property('<type>d:text<b/></type>'), `Expected "${D}type" end tag, found "${D}b" start tag`);
  });

  it('refuses missing required elements and attributes', () => {
    refused(property('<title>p</title>'), `Expected "${D}type" start tag, found "${D}property" end tag`);
    refused(
      type('<associations><association name="x:a"><source><many>true</many></source></association></associations>'),
      `Expected "${D}target" start tag, found "${D}association" end tag`
    );
    refused(property('<type>d:text</type><index><atomic>true</atomic></index>'), 'Missing required attribute "enabled"');
    refused(model('<type><parent>cm:content</parent></type>'), 'Missing required attribute "name"');
    refused(
      `<model name="x:m" xmlns="http://www.alfresco.org/model/dictionary/1.0"><data-types><data-type name="x:d"/></data-types></model>`,
      `Expected "${D}java-class" start tag, found "${D}data-type" end tag`
    );
  });

  it('refuses a model outside the dictionary namespace', () => {
    refused('<model name="x:m"><types/></model>', 'No unmarshaller for element "model"');
  });

  it('reads associations and child associations in any order among themselves, comments and CDATA aside', () => {
    const m = parseModel(
      type(`<associations>
        <child-association name="x:c"><target><class>cm:content</class></target><duplicate>false</duplicate></child-association>
        <!-- a comment between the two -->
        <association name="x:a"><source><mandatory>false</mandatory></source><target><class>cm:content</class><many>true</many></target></association>
        <child-association name="x:d"><title><![CDATA[<d>]]></title><target><class>cm:content</class></target></child-association>
      </associations>`)
    );
    assert.deepEqual(
      m.types[0].associations.map((a) => `${a.name}:${a.isChild}`),
      ['x:a:false', 'x:c:true', 'x:d:true']
    );
  });

  it("reads Alfresco's own models, the built-in ones and the e-Office models", () => {
    assert.equal(parseAllReferenceModels().length, 7);
    assert.ok(new Dictionary().models().length >= 9, 'every built-in model registers');
    for (const dir of [BUILT_IN_MODELS_DIR, CONFIG_MODELS])
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.xml'))) {
        assert.doesNotThrow(() => parseModel(fs.readFileSync(path.join(dir, f), 'utf8')), f);
      }
  });
});
