import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DictionaryError, parseModel } from '../../src/dictionary';
import { parseAllReferenceModels, readReference } from './support';

describe('model XML parser', () => {
  it('parses every reference model of Alfresco', () => {
    const models = parseAllReferenceModels();
    const names = models.map((m) => m.name).sort();
    assert.deepEqual(names, [
      'app:applicationmodel',
      'bpm:businessprocessmodel',
      'cm:contentmodel',
      'd:dictionary',
      'st:siteModel',
      'sys:systemmodel',
      'wf:workflowmodel'
    ]);
    const cm = models.find((m) => m.name === 'cm:contentmodel')!;
    assert.ok(cm.types.length > 15 && cm.aspects.length > 50, 'all cm classes are read');
    assert.equal(models.find((m) => m.name === 'd:dictionary')!.dataTypes.length, 21);
  });

  it('reads properties with enforced mandatory flags, multiplicity, protection and index settings', () => {
    const cm = parseModel(readReference('contentModel.xml'));
    const cmobject = cm.types.find((t) => t.name === 'cm:cmobject')!;
    assert.equal(cmobject.parent, 'sys:base');
    assert.deepEqual(cmobject.mandatoryAspects, ['cm:auditable']);
    const name = cmobject.properties[0];
    assert.equal(name.name, 'cm:name');
    assert.equal(name.mandatory, true);
    assert.equal(name.mandatoryEnforced, true);
    assert.equal(name.index?.tokenised, 'both');
    assert.equal(name.index?.facetable, false);
    assert.equal(name.constraints[0].ref, 'cm:filename');
    assert.equal(name.constraints[0].type, 'REGEX');
    assert.equal(name.constraints[0].parameters.requiresMatch, 'false');

    const storeName = cm.aspects.find((a) => a.name === 'cm:storeSelector')!.properties[0];
    assert.equal(storeName.mandatory, true);
    assert.equal(storeName.mandatoryEnforced, false, 'enforced="false" is read');

    const auditable = cm.aspects.find((a) => a.name === 'cm:auditable')!;
    assert.ok(auditable.properties.every((p) => p.protected));
    const tags = cm.aspects.find((a) => a.name === 'cm:taggable')!.properties[0];
    assert.equal(tags.multiple, true);
    assert.equal(tags.dataType, 'd:category');
  });

  it('reads associations and child associations with both ends', () => {
    const cm = parseModel(readReference('contentModel.xml'));
    const contains = cm.types.find((t) => t.name === 'cm:folder')!.associations[0];
    assert.equal(contains.name, 'cm:contains');
    assert.equal(contains.isChild, true);
    assert.equal(contains.target.cls, 'sys:base');
    assert.equal(contains.duplicate, false);
    assert.equal(contains.propagateTimestamps, true);
    const avatar = cm.types.find((t) => t.name === 'cm:person')!.associations[0];
    assert.equal(avatar.isChild, false);
    assert.equal(avatar.source.role, 'cm:avatarOf');
    assert.equal(avatar.target.role, 'cm:hasAvatar');
    assert.equal(avatar.target.cls, 'cm:content');
  });

  it('reads named, referenced and inline constraints and overrides', () => {
    const bpm = parseModel(readReference('bpmModel.xml'));
    const priority = bpm.constraints.find((c) => c.name === 'bpm:allowedPriority')!;
    assert.deepEqual(priority.parameters.allowedValues, ['1', '2', '3']);
    const task = bpm.types.find((t) => t.name === 'bpm:task')!;
    assert.deepEqual(task.overrides, [
      { name: 'cm:name', defaultValue: 'Task', mandatory: undefined, mandatoryEnforced: undefined, constraints: undefined }
    ]);

    const wf = parseModel(readReference('workflowModel.xml'));
    const percent = wf.types.find((t) => t.name === 'wf:submitConcurrentReviewTask')!.properties[0];
    assert.equal(percent.constraints[0].type, 'MINMAX');
    assert.equal(percent.constraints[0].name, 'wf:requiredApprovePercent_anon_0');
    assert.deepEqual(percent.constraints[0].parameters, { minValue: '1', maxValue: '100' });
    const outcome = wf.types.find((t) => t.name === 'wf:activitiReviewTask')!.properties[0];
    assert.equal(outcome.constraints[0].name, 'wf:reviewOutcomeOptions');
    assert.deepEqual(outcome.constraints[0].parameters.allowedValues, ['Approve', 'Reject']);
  });

  it('maps imported namespaces to the prefix the repository uses', () => {
    const xml = `<model name="my:m" xmlns="http://www.alfresco.org/model/dictionary/1.0">
      <imports><import uri="http://www.alfresco.org/model/content/1.0" prefix="content"/>
               <import uri="http://www.alfresco.org/model/dictionary/1.0" prefix="dict"/></imports>
      <namespaces><namespace uri="urn:my" prefix="my"/></namespaces>
      <types><type name="my:doc"><parent>content:content</parent>
        <properties><property name="my:ref"><type>dict:text</type></property></properties></type></types></model>`;
    const m = parseModel(xml, {
      prefixForUri: (u) => ({ 'http://www.alfresco.org/model/content/1.0': 'cm', 'http://www.alfresco.org/model/dictionary/1.0': 'd' })[u]
    });
    assert.equal(m.types[0].parent, 'cm:content');
    assert.equal(m.types[0].properties[0].dataType, 'd:text');
  });

  it('rejects malformed XML, non-models and unknown prefixes', () => {
    assert.throws(
      () => parseModel('<model name="a:b"><types></model>'),
      (e: unknown) => e instanceof DictionaryError && e.kind === 'parseFailure' && /^Failed to parse model/.test(e.message)
    );
    assert.throws(
      () => parseModel('<other/>'),
      (e: unknown) => e instanceof DictionaryError && e.kind === 'parseFailure' && /No unmarshaller for element "other"/.test(e.message)
    );
    assert.throws(
      () =>
        parseModel(
          '<model name="x:m" xmlns="http://www.alfresco.org/model/dictionary/1.0"><namespaces><namespace uri="urn:x" prefix="x"/></namespaces><types><type name="y:t"/></types></model>'
        ),
      (e: unknown) => e instanceof DictionaryError && e.kind === 'unknownPrefix' && /'y'/.test(e.message)
    );
  });
});
