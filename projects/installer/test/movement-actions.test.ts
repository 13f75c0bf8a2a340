/**
 * One movement vocabulary: the action table (projects/domain/src/movement-actions.ts) is what the
 * models accept, what the workflow scripts handle and record, and what the translations label. Adding an
 * action to the table without the model and the script (or the reverse) fails here; so does an action whose
 * button or history entry has no English or Hindi label. The table's rules for when an action is offered are
 * checked for the officers the views serve.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Dictionary } from '../../repository/src/dictionary';
import { CONFIG_DIR } from '../src/config';
import { ActionContext, MOVEMENT_ACTION_TABLE, actionCodes, offeredActions, recordedActionCodes } from '@eoffice/domain';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const modelXml = (name: string) => fs.readFileSync(path.join(CONFIG_DIR, 'model', name), 'utf8');
const script = (name: string) => fs.readFileSync(path.join(CONFIG_DIR, 'workflow', 'src', name), 'utf8');
const translations = (lang: 'en' | 'hi') =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'projects', 'eoffice', 'assets', 'i18n', `${lang}.json`), 'utf8')) as object;
const valueOf = (json: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], json);
const sorted = (values: string[]) => [...values].sort();

function allowedValues(name: string): string[] {
  const d = new Dictionary();
  d.registerModel(modelXml('eofficeModel.xml'));
  d.registerModel(modelXml('eofficeWorkflowModel.xml'));
  const constraint = d.getConstraint(name);
  assert.ok(constraint, `${name} is a constraint of the models`);
  return constraint.parameters['allowedValues'] as string[];
}

/** The values a script compares `variable` with (`variable == 'x'`, `variable != 'x'`). */
function comparedValues(source: string, variable: string): string[] {
  return [...new Set([...source.matchAll(new RegExp(`\\b${variable}\\s*[!=]=\\s*'(\\w+)'`, 'g'))].map((m) => m[1]))];
}

describe('movement action table', () => {
  it('the workflow model accepts exactly the holder-task actions and the decisions of the table', () => {
    assert.deepEqual(sorted(allowedValues('eowf:actions')), sorted(actionCodes('holderTask')));
    assert.deepEqual(sorted(allowedValues('eowf:decisions')), sorted(actionCodes('decision')));
  });

  it('the content model records exactly the actions the table gives a history label', () => {
    assert.deepEqual(sorted(allowedValues('eo:movementActions')), sorted(recordedActionCodes()));
  });

  it('the holder task script handles every holder-task action of the table and no other', () => {
    assert.deepEqual(sorted(comparedValues(script('complete.js'), 'action')), sorted(actionCodes('holderTask')));
  });

  it('the approval script decides with the table’s decisions', () => {
    assert.deepEqual(sorted(comparedValues(script('approve.js'), 'decision')), sorted(actionCodes('decision')));
  });

  it('every action a script writes into an item’s history has a history label in the table', () => {
    const recordable = recordedActionCodes() as string[];
    const scripts = fs.readdirSync(path.join(CONFIG_DIR, 'workflow', 'src')).filter((f) => f.endsWith('.js'));
    const written = scripts.flatMap((f) => [...script(f).matchAll(/eoRecord\([^{]*\{\s*action:\s*'(\w+)'/g)].map((m) => m[1]));
    assert.ok(written.includes('send') && written.includes('reopen'), 'the scripts record sends and reopenings');
    for (const code of written) assert.ok(recordable.includes(code), `${code} is recorded by a script but has no history label`);
  });

  it('labels every button and history entry in English and Hindi', () => {
    const en = translations('en');
    const hi = translations('hi');
    for (const action of MOVEMENT_ACTION_TABLE) {
      const keys = [action.historyKey, action.namedKey, action.namedHintKey, action.kinds.length ? action.buttonKey : undefined].filter(
        (k): k is string => !!k
      );
      for (const key of keys) {
        assert.equal(typeof valueOf(en, key), 'string', `en ${key}`);
        assert.equal(typeof valueOf(hi, key), 'string', `hi ${key}`);
      }
    }
    // Both kinds of label exist apart: the button asks ("Take out of park"), the history tells ("Taken out of park").
    assert.equal(valueOf(en, 'EOFFICE.MOVEMENT.ACTIONS.unpark'), 'Take out of park');
    assert.equal(valueOf(en, 'EOFFICE.MOVEMENT.HISTORY.unpark'), 'Taken out of park');
  });

  it('codes are unique and each offered action has an icon', () => {
    const codes = MOVEMENT_ACTION_TABLE.map((a) => a.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const action of MOVEMENT_ACTION_TABLE) if (action.kinds.length) assert.match(action.icon, /^[a-z_]+$/, action.code);
  });
});

describe('which movement actions an officer is offered', () => {
  const base: ActionContext = { kind: 'file', status: 'inMovement', task: null, postHolds: false, postOriginated: false, returnsTo: false };
  const offered = (c: Partial<ActionContext>) => offeredActions({ ...base, ...c }).map((a) => a.code);

  it('the holder of a file in movement sends, sends back (when someone sent it), parks and closes it', () => {
    assert.deepEqual(offered({ task: 'holder', postHolds: true, returnsTo: true }), ['send', 'sendBack', 'park', 'close']);
    assert.deepEqual(offered({ task: 'holder', postHolds: true }), ['send', 'park', 'close']);
  });

  it('a parked item is taken out of park, not parked again', () => {
    assert.deepEqual(offered({ status: 'parked', task: 'holder', returnsTo: true }), ['send', 'unpark', 'close']);
    assert.deepEqual(offered({ kind: 'receipt', status: 'parked', task: 'holder' }), ['send', 'unpark', 'copy', 'putInFile', 'close']);
  });

  it('the holder of a receipt sends, parks, copies, puts it in a file and closes it; never sends it back', () => {
    assert.deepEqual(offered({ kind: 'receipt', task: 'holder', returnsTo: true }), ['send', 'park', 'copy', 'putInFile', 'close']);
  });

  it('a new item at the officer’s post, not moved yet, is sent; a new receipt is put in a file or closed only with its task', () => {
    assert.deepEqual(offered({ status: 'created', postHolds: true }), ['send', 'close']);
    assert.deepEqual(offered({ kind: 'receipt', status: 'created', postHolds: true }), ['send', 'copy']);
    assert.deepEqual(offered({ status: 'created' }), []);
  });

  it('the sender of an unopened item may only pull it back', () => {
    assert.deepEqual(offered({ task: 'pullBack' }), ['pullBack']);
    assert.deepEqual(offered({ kind: 'receipt', task: 'pullBack' }), ['pullBack']);
  });

  it('the approver of a request on a file approves or refuses it', () => {
    assert.deepEqual(offered({ task: 'approval' }), ['approve', 'refuse']);
  });

  it('a closed file is reopened by the post holding it or the one that opened it', () => {
    assert.deepEqual(offered({ status: 'closed', postHolds: true }), ['reopen']);
    assert.deepEqual(offered({ status: 'closed', postOriginated: true }), ['reopen']);
    assert.deepEqual(offered({ status: 'closed' }), []);
    assert.deepEqual(offered({ kind: 'receipt', status: 'closed', postHolds: true }), []);
  });

  it('a reader with no task and not holding the item is offered nothing', () => {
    assert.deepEqual(offered({}), []);
    assert.deepEqual(offered({ kind: 'receipt', postHolds: true }), []);
  });
});
