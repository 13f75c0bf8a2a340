/**
 * Every task variable the eoMovement scripts read (eoTaskVar / eoTaskValue in config/workflow/src) is a
 * property of the task type its user tasks name as form key, as ACS needs: the form model of
 * GET /tasks/{id}/task-form-model, and the typing of variables sent with PUT /tasks/{id}
 * (TasksImpl → RestVariableHelper), come from that type and its mandatory aspects.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Dictionary } from '../../repository/src/dictionary';
import { CONFIG_DIR } from '../src/config';

const source = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

describe('eoMovement task variables are declared in the workflow model', () => {
  const d = new Dictionary();
  for (const file of ['eofficeModel.xml', 'eofficeWorkflowModel.xml'])
    d.registerModel(fs.readFileSync(path.join(CONFIG_DIR, 'model', file), 'utf8'));
  const template = fs.readFileSync(path.join(CONFIG_DIR, 'workflow', 'src', 'eoMovement.template.xml'), 'utf8');
  const taskTypes = [...template.matchAll(/<userTask [^>]*activiti:formKey="([^"]+)"/g)].map((m) => m[1]);
  const declared = new Set(taskTypes.flatMap((t) => d.propertiesOf(t, d.mandatoryAspects(t)).map((p) => p.name.replace(':', '_'))));
  const read = new Set([...source(path.join(CONFIG_DIR, 'workflow', 'src')).matchAll(/eoTask(?:Var|Value)\('(\w+)'\)/g)].map((m) => m[1]));

  it('finds the task types and the variables the scripts read', () => {
    assert.deepEqual(taskTypes.sort(), ['eowf:approvalTask', 'eowf:holderTask']);
    assert.ok(read.has('eowf_action') && read.has('eowf_file'), [...read].join(', '));
  });

  it('declares each of them', () => {
    assert.deepEqual(
      [...read].filter((v) => !declared.has(v)),
      []
    );
  });
});
