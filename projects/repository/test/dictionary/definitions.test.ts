// The model API entries (GET /types/{id}, GET /aspects/{id}) built from the dictionary, checked against
// the contract in acs-api/alfresco-model.yaml.
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { Dictionary } from '../../src/dictionary';
import { SHARED } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml: { load(s: string): unknown } = require('js-yaml');

const dict = new Dictionary();
const contract = yaml.load(fs.readFileSync(path.join(SHARED, 'acs-api/alfresco-model.yaml'), 'utf8')) as {
  definitions: Record<string, any>;
};
const definitions = structuredClone(contract.definitions);
// Contract slip: Constraint.parameters declares every value as an object, but a real ACS answers
// strings, booleans, numbers and arrays there (allowedValues: [...], requiresMatch: false). Values are
// left unconstrained in the copy we validate with.
definitions.Constraint.properties.parameters = { type: 'object' };
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'model.json', definitions });
const validateTypeEntry = ajv.getSchema('model.json#/definitions/TypeEntry')!;
const validateAspectEntry = ajv.getSchema('model.json#/definitions/AspectEntry')!;
const validateTypePaging = ajv.getSchema('model.json#/definitions/TypePaging')!;

describe('model API definitions', () => {
  it('every built-in type and aspect satisfies the contract', () => {
    for (const t of dict.allTypes()) {
      const entry = { entry: dict.toTypeDefinition(t.name) };
      assert.ok(validateTypeEntry(entry), `${t.name}: ${ajv.errorsText(validateTypeEntry.errors)}`);
    }
    for (const a of dict.allAspects()) {
      const entry = { entry: dict.toAspectDefinition(a.name) };
      assert.ok(validateAspectEntry(entry), `${a.name}: ${ajv.errorsText(validateAspectEntry.errors)}`);
    }
    const list = dict.allTypes().map((t) => ({ entry: dict.toTypeDefinition(t.name) }));
    const paging = {
      list: { pagination: { count: list.length, hasMoreItems: false, totalItems: list.length, skipCount: 0, maxItems: 100 }, entries: list }
    };
    assert.ok(validateTypePaging(paging), ajv.errorsText(validateTypePaging.errors));
  });

  it('the contract check can fail', () => {
    const broken = { entry: { ...dict.toTypeDefinition('cm:content')!, properties: [{ title: 'no id' }] } };
    assert.equal(validateTypeEntry(broken), false);
  });

  it('cm:content lists inherited properties, its mandatory aspects, archive flag and model', () => {
    const def = dict.toTypeDefinition('cm:content')!;
    assert.equal(def.id, 'cm:content');
    assert.equal(def.title, 'Content');
    assert.equal(def.parentId, 'cm:cmobject');
    assert.deepEqual(
      def.properties.map((p) => p.id),
      ['cm:name', 'cm:content']
    );
    const name = def.properties[0];
    assert.equal(name.dataType, 'd:text');
    assert.equal(name.isMandatory, true);
    assert.equal(name.isMandatoryEnforced, true);
    assert.equal(name.isMultiValued, false);
    assert.equal(name.constraints[0].id, 'cm:filename');
    assert.equal(name.constraints[0].type, 'REGEX');
    assert.equal(name.constraints[0].parameters.requiresMatch, false);
    assert.deepEqual(def.mandatoryAspects.sort(), ['cm:auditable', 'sys:localized', 'sys:referenceable']);
    assert.equal(def.isContainer, false);
    assert.equal(def.isArchive, true);
    assert.equal(def.includedInSupertypeQuery, true);
    assert.deepEqual(def.model, {
      id: 'cm:contentmodel',
      author: 'eOffice',
      description: 'Content domain of the eOffice repository',
      namespaceUri: 'http://www.alfresco.org/model/content/1.0',
      namespacePrefix: 'cm'
    });
    assert.equal(dict.toTypeDefinition('cm:titled'), undefined, 'an aspect is not a type');
  });

  it('cm:folder is a container with its child association', () => {
    const def = dict.toTypeDefinition('cm:folder')!;
    assert.equal(def.isContainer, true);
    const contains = def.associations.find((a) => a.id === 'cm:contains')!;
    assert.equal(contains.isChild, true);
    assert.deepEqual(contains.source, { cls: 'cm:folder', isMandatory: false, isMany: true, isMandatoryEnforced: false });
    assert.deepEqual(contains.target, { cls: 'sys:base', isMandatory: false, isMany: true, isMandatoryEnforced: false });
  });

  it('aspects show their properties, constraints with typed parameters and defaults', () => {
    const titled = dict.toAspectDefinition('cm:titled')!;
    assert.deepEqual(
      titled.properties.map((p) => [p.id, p.dataType]),
      [
        ['cm:title', 'd:mltext'],
        ['cm:description', 'd:mltext']
      ]
    );
    assert.equal(titled.parentId, undefined);
    const start = dict.toTypeDefinition('bpm:startTask')!;
    const priority = start.properties.find((p) => p.id === 'bpm:workflowPriority')!;
    assert.equal(priority.defaultValue, '2');
    assert.deepEqual(priority.constraints[0].parameters, { allowedValues: ['1', '2', '3'], caseSensitive: true, sorted: false });
    const description = start.properties.find((p) => p.id === 'bpm:workflowDescription')!;
    assert.deepEqual(description.constraints[0].parameters, { minLength: 0, maxLength: 250 });
    assert.equal(
      start.properties.find((p) => p.id === 'bpm:packageActionGroup')!.defaultValue,
      'add_package_item_actions',
      'override shown'
    );
    const dm = dict.toTypeDefinition('cm:dictionaryModel')!;
    assert.equal(dm.properties.find((p) => p.id === 'cm:modelActive')!.defaultValue, 'false');
    assert.equal(dm.properties.find((p) => p.id === 'cm:modelName')!.isProtected, true);
  });
});
