// Every artefact install deploys is valid against the schema ACS reads it with: content models against
// Alfresco's modelSchema.xsd, workflow definitions against Activiti's BPMN20.xsd. Alfresco's own reference
// artefacts go through the same harness, and so do broken copies of ours, to show it accepts and refuses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CONFIG_DIR, loadArtefacts } from '../src/config';
import { configSchemaChecks } from '../src/doctor';
import { DEFAULT_SCHEMA_DIR, hasXmllint, schemaFiles, schemaProblems, type SchemaFiles } from '../src/xml-schemas';

const REFERENCE = path.resolve(DEFAULT_SCHEMA_DIR, '..');
const xmlFiles = (dir: string, suffix: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => ({ name: f, xml: fs.readFileSync(path.join(dir, f), 'utf8') }));

describe('config/ artefacts against the official schemas', () => {
  let schemas: SchemaFiles;
  before(() => {
    assert.ok(hasXmllint(), 'xmllint is missing: install Debian package libxml2-utils (.ci/run does)');
    const found = schemaFiles(DEFAULT_SCHEMA_DIR);
    assert.ok(found, `schemas missing under ${DEFAULT_SCHEMA_DIR}`);
    schemas = found;
  });
  const valid = (name: string, xml: string, xsd: string) => assert.deepEqual(schemaProblems(xml, xsd), [], name);

  it('every content model in config/model validates against modelSchema.xsd', () => {
    const models = loadArtefacts().models;
    assert.deepEqual(models.map((m) => m.name).sort(), ['eofficeModel.xml', 'eofficeWorkflowModel.xml']);
    for (const m of models) valid(m.name, m.xml, schemas.model);
  });

  it('every workflow definition in config/workflow validates against BPMN20.xsd', () => {
    const workflows = xmlFiles(path.join(CONFIG_DIR, 'workflow'), '.bpmn20.xml');
    assert.ok(workflows.some((w) => w.name === 'eoMovement.bpmn20.xml'));
    for (const w of workflows) valid(w.name, w.xml, schemas.bpmn);
  });

  it("Alfresco's bundled adhoc and review definitions and its content models validate the same way", () => {
    const workflows = xmlFiles(path.join(REFERENCE, 'workflow'), '.bpmn20.xml');
    assert.equal(workflows.length, 2);
    for (const w of workflows) valid(w.name, w.xml, schemas.bpmn);
    // dictionaryModel.xml is left out: it carries <analyserResourceBundleName>, which ACS's binding reads
    // but the published schema does not declare.
    const models = xmlFiles(path.join(REFERENCE, 'model'), '.xml').filter((m) => m.name !== 'dictionaryModel.xml');
    assert.equal(models.length, 6);
    for (const m of models) valid(m.name, m.xml, schemas.model);
  });

  it('refuses a model with <default> before <mandatory> and a sequence flow without its source', () => {
    const model = loadArtefacts().modelXml;
    const swapped = model.replace(
      /(<mandatory enforced="true">true<\/mandatory>)(\s*)(<default>[^<]*<\/default>)/,
      (_all, mandatory: string, space: string, dflt: string) => `${dflt}${space}${mandatory}`
    );
    assert.notEqual(swapped, model, 'the model has a mandatory property with a default to swap');
    assert.match(schemaProblems(swapped, schemas.model).join('\n'), /element mandatory: .*not expected/);

    const bpmn = fs.readFileSync(path.join(CONFIG_DIR, 'workflow', 'eoMovement.bpmn20.xml'), 'utf8');
    const sourceless = bpmn.replace(/(<sequenceFlow\b[^>]*?)\ssourceRef="[^"]*"/, '$1');
    assert.notEqual(sourceless, bpmn);
    assert.match(schemaProblems(sourceless, schemas.bpmn).join('\n'), /sourceRef/);
  });

  it('doctor reports each config/ file against its schema, and says when it cannot check', () => {
    const a = loadArtefacts();
    const lines = configSchemaChecks(a).map((c) => `${c.state} ${c.what}`);
    assert.deepEqual(lines, [
      'ok config/model/eofficeModel.xml valid against modelSchema.xsd',
      'ok config/model/eofficeWorkflowModel.xml valid against modelSchema.xsd',
      'ok config/workflow/eoCharge.bpmn20.xml valid against BPMN20.xsd',
      'ok config/workflow/eoDaily.bpmn20.xml valid against BPMN20.xsd',
      'ok config/workflow/eoLink.bpmn20.xml valid against BPMN20.xsd',
      'ok config/workflow/eoMovement.bpmn20.xml valid against BPMN20.xsd',
      'ok config/workflow/eoRegister.bpmn20.xml valid against BPMN20.xsd'
    ]);
    const overrides = /(<overrides>[\s\S]*?<\/overrides>)(\s*)(<mandatory-aspects>.*?<\/mandatory-aspects>)/;
    const broken = a.models.map((m) => ({ ...m, xml: m.xml.replace(overrides, '$3$2$1') }));
    assert.notDeepEqual(broken, a.models);
    const [, workflowModel] = configSchemaChecks({ ...a, models: broken });
    assert.equal(workflowModel.state, 'warning');
    assert.match(workflowModel.what, /^config\/model\/eofficeWorkflowModel\.xml is not valid against modelSchema\.xsd: .*overrides/);
    assert.deepEqual(
      configSchemaChecks(a, path.join(CONFIG_DIR, 'no-schemas')).map((c) => c.state),
      ['info']
    );
  });
});
