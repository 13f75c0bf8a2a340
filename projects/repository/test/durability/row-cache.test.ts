/**
 * The rows the repository keeps in memory (node rows, children by name, people and groups) are never older
 * than the database: a change made by any statement, a store method or raw SQL, is seen by the next read,
 * and a request whose writes are rolled back leaves no trace of them in what is read afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitBatch, inTransaction, openDatabase, setGroupCommit } from '../../src/persistence/database';
import { NodeStore } from '../../src/persistence/node-store';
import { AuthorityService } from '../../src/services/authority-service';
import { PermissionService } from '../../src/services/permission-service';
import { WorkflowStore } from '../../src/persistence/workflow-store';
import { alfDate } from '../../src/util/alf-date';

function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-row-cache-'));
  const db = openDatabase(path.join(dir, 'repository.sqlite'));
  setGroupCommit(db, false);
  const store = new NodeStore(db);
  const folder = (name: string, parent_id: string | null) =>
    store.insert({
      type: 'cm:folder',
      parent_id,
      name,
      is_folder: 1,
      is_file: 0,
      inherits: 1,
      owner: null,
      created_at: alfDate(),
      created_by: 'admin',
      modified_at: alfDate(),
      modified_by: 'admin',
      content_url: null,
      mime_type: null,
      encoding: null,
      size: null,
      locked_by: null,
      lock_type: null,
      lock_lifetime: null,
      lock_expires: null
    } as Parameters<NodeStore['insert']>[0]);
  const close = () => {
    commitBatch(db);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { db, store, folder, close };
}

test('a node renamed, moved or deleted by raw SQL reads as it is stored, by id and by name', () => {
  const { db, store, folder, close } = open();
  try {
    const root = inTransaction(db, () => folder('Root', null));
    const other = inTransaction(db, () => folder('Other', null));
    const child = inTransaction(db, () => folder('Notes', root.id));
    assert.equal(store.get(child.id)?.name, 'Notes');
    assert.equal(store.childByName(root.id, 'notes')?.id, child.id);

    inTransaction(db, () => store.setProperties(child.id, { 'cm:title': 'Notes of the file' }));
    assert.equal(store.properties(child.id)['cm:title'], 'Notes of the file');
    db.prepare("UPDATE property SET json_value = '\"Noting\"' WHERE node_id = ? AND qname = 'cm:title'").run(child.seq);
    assert.equal(store.properties(child.id)['cm:title'], 'Noting', 'a property changed by raw SQL');
    const props = store.properties(child.id);
    props['cm:title'] = 'changed by a caller';
    assert.equal(store.properties(child.id)['cm:title'], 'Noting', 'no caller shares the kept values');

    db.prepare("UPDATE node SET name = 'Drafts', name_key = 'drafts' WHERE id = ?").run(child.id);
    assert.equal(store.get(child.id)?.name, 'Drafts');
    assert.equal(store.childByName(root.id, 'Notes'), undefined, 'the old name finds nothing');
    assert.equal(store.childByName(root.id, 'Drafts')?.id, child.id);

    db.prepare('UPDATE node SET parent_id = ? WHERE id = ?').run(other.id, child.id);
    assert.equal(store.childByName(root.id, 'Drafts'), undefined, 'moved away');
    assert.equal(store.childByName(other.id, 'Drafts')?.id, child.id);

    db.prepare("UPDATE node SET archived_at = '2026-12-06T00:00:00.000+0000' WHERE id = ?").run(child.id);
    assert.equal(store.get(child.id), undefined, 'archived: not found by get');
    assert.ok(store.getIncludingArchived(child.id), 'but still there for the trashcan');
    db.prepare('DELETE FROM node WHERE id = ?').run(child.id);
    assert.equal(store.getIncludingArchived(child.id), undefined);
  } finally {
    close();
  }
});

test('writes rolled back leave nothing in the rows read afterwards; kept rows cannot be changed by a caller', () => {
  const { db, store, folder, close } = open();
  try {
    const root = inTransaction(db, () => folder('Root', null));
    assert.throws(
      () =>
        inTransaction(db, () => {
          store.update(root.id, { name: 'Renamed' });
          assert.equal(store.get(root.id)?.name, 'Renamed', 'seen inside the request');
          throw new Error('the request fails');
        }),
      /the request fails/
    );
    assert.equal(store.get(root.id)?.name, 'Root');
    const row = store.get(root.id)!;
    assert.ok(Object.isFrozen(row));
    assert.throws(() => {
      'use strict';
      (row as { name: string }).name = 'Changed';
    }, TypeError);
    assert.equal(store.get(root.id)?.name, 'Root');
  } finally {
    close();
  }
});

test('people and groups changed by any statement, or rolled back, read as stored', () => {
  const { db, close } = open();
  try {
    const authorities = new AuthorityService(db);
    db.prepare("INSERT INTO person (id, id_key, first_name, created_at) VALUES ('asha', 'asha', 'Asha', ?)").run(alfDate());
    assert.equal(authorities.person('Asha')?.first_name, 'Asha');
    db.prepare("UPDATE person SET first_name = 'Asha Rani' WHERE id = 'asha'").run();
    assert.equal(authorities.person('asha')?.first_name, 'Asha Rani');
    assert.equal(authorities.displayName('asha'), 'Asha Rani');
    assert.throws(() =>
      inTransaction(db, () => {
        db.prepare("UPDATE person SET first_name = 'Someone' WHERE id = 'asha'").run();
        assert.equal(authorities.person('asha')?.first_name, 'Someone');
        throw new Error('rolled back');
      })
    );
    assert.equal(authorities.person('asha')?.first_name, 'Asha Rani');

    assert.equal(authorities.group('GROUP_EO_TEST'), undefined);
    db.prepare("INSERT INTO authority_group (id, display_name, zones, created_at) VALUES ('GROUP_EO_TEST', 'Test', '[]', ?)").run(
      alfDate()
    );
    assert.equal(authorities.group('GROUP_EO_TEST')?.display_name, 'Test', 'a group made after a miss is found');
    db.prepare("DELETE FROM authority_group WHERE id = 'GROUP_EO_TEST'").run();
    assert.equal(authorities.group('GROUP_EO_TEST'), undefined);
  } finally {
    close();
  }
});

test("a node's own permission entries read as stored after any statement and after a rollback", () => {
  const { db, folder, close } = open();
  try {
    const permissions = new PermissionService(db, new AuthorityService(db));
    const node = inTransaction(db, () => folder('Receipts', null));
    const entries = () => permissions.localEntries(node.id).map((e) => `${e.authority};${e.permission};${e.allowed}`);
    assert.deepEqual(entries(), []);
    db.prepare("INSERT INTO ace (node_id, authority, permission, allowed) VALUES (?, 'GROUP_EO_CRU', 'Consumer', 1)").run(node.seq);
    assert.deepEqual(entries(), ['GROUP_EO_CRU;Consumer;1']);
    assert.throws(() =>
      inTransaction(db, () => {
        db.prepare("UPDATE ace SET permission = 'Collaborator' WHERE node_id = ?").run(node.seq);
        assert.deepEqual(entries(), ['GROUP_EO_CRU;Collaborator;1']);
        throw new Error('rolled back');
      })
    );
    assert.deepEqual(entries(), ['GROUP_EO_CRU;Consumer;1']);
    db.prepare('DELETE FROM ace WHERE node_id = ?').run(node.seq);
    assert.deepEqual(entries(), []);
  } finally {
    close();
  }
});

test('workflow executions and variables read as stored after any statement and after a rollback', () => {
  const { db, close } = open();
  try {
    const store = new WorkflowStore(db);
    inTransaction(db, () => {
      store.insertExecution({ id: '101', process_id: '101', parent_id: null, activity_id: 'start', state: 'active' });
      store.setVariable('101', '101', 'eowf_action', { type: 'd:text', value: 'send' });
    });
    assert.equal(store.execution('101')?.activity_id, 'start');
    assert.equal(store.variable('101', 'eowf_action')?.value, 'send');
    db.prepare("UPDATE wf_execution SET activity_id = 'review', state = 'waiting' WHERE id = '101'").run();
    db.prepare("UPDATE wf_variable SET value = '\"park\"' WHERE scope_id = '101'").run();
    assert.equal(store.execution('101')?.activity_id, 'review');
    assert.equal(store.variable('101', 'eowf_action')?.value, 'park');
    assert.throws(() =>
      inTransaction(db, () => {
        store.updateExecution('101', { state: 'ended' });
        store.deleteVariable('101', 'eowf_action');
        assert.equal(store.execution('101')?.state, 'ended');
        assert.equal(store.variable('101', 'eowf_action'), undefined);
        throw new Error('rolled back');
      })
    );
    assert.equal(store.execution('101')?.state, 'waiting');
    assert.equal(store.variable('101', 'eowf_action')?.value, 'park');
  } finally {
    close();
  }
});

test("a scope's variables, and a variable set to the value it holds, read as stored after any statement and after a rollback", () => {
  const { db, close } = open();
  try {
    const store = new WorkflowStore(db);
    const all = () => [...store.variables('202')].map(([k, v]) => `${k}=${JSON.stringify(v.value)}`);
    inTransaction(db, () => {
      store.setVariable('202', '202', 'eowf_holder', { type: 'd:text', value: 'SO_EST' });
      store.setVariable('202', '202', 'eowf_action', { type: 'd:text', value: 'send' });
    });
    assert.deepEqual(all(), ['eowf_action="send"', 'eowf_holder="SO_EST"'], 'ordered by name as SQLite orders them');
    // Set again to what it holds, then to something else, then a new one: each read back in order.
    inTransaction(db, () => {
      store.setVariable('202', '202', 'eowf_holder', { type: 'd:text', value: 'SO_EST' });
      store.setVariable('202', '202', 'eowf_action', { type: 'd:text', value: 'sendBack' });
      store.setVariable('202', '202', 'eowf_bpm', { type: 'd:int', value: 1 });
    });
    assert.deepEqual(all(), ['eowf_action="sendBack"', 'eowf_bpm=1', 'eowf_holder="SO_EST"']);
    // The same value of another type is a change.
    inTransaction(db, () => store.setVariable('202', '202', 'eowf_bpm', { type: 'd:text', value: 1 }));
    assert.equal(store.variable('202', 'eowf_bpm')?.type, 'd:text');
    // Changed by raw SQL, then set back to what it held before that change: written again.
    db.prepare("UPDATE wf_variable SET value = '\"US_EST\"' WHERE scope_id = '202' AND name = 'eowf_holder'").run();
    assert.ok(all().includes('eowf_holder="US_EST"'));
    inTransaction(db, () => store.setVariable('202', '202', 'eowf_holder', { type: 'd:text', value: 'SO_EST' }));
    assert.equal(db.prepare("SELECT value FROM wf_variable WHERE scope_id = '202' AND name = 'eowf_holder'").pluck().get(), '"SO_EST"');
    assert.throws(() =>
      inTransaction(db, () => {
        store.setVariable('202', '202', 'eowf_holder', { type: 'd:text', value: 'DS' });
        store.setVariable('202', '202', 'eowf_added', { type: 'd:text', value: 'x' });
        assert.deepEqual(all(), ['eowf_action="sendBack"', 'eowf_added="x"', 'eowf_bpm=1', 'eowf_holder="DS"']);
        throw new Error('rolled back');
      })
    );
    assert.deepEqual(all(), ['eowf_action="sendBack"', 'eowf_bpm=1', 'eowf_holder="SO_EST"']);
    // What a caller does to the values it was given is not what the next one reads.
    (store.variables('202').get('eowf_holder') as { value: unknown }).value = 'changed';
    assert.ok(all().includes('eowf_holder="SO_EST"'));
  } finally {
    close();
  }
});

test('a property set to the value it holds, or to an equal one of another kind, reads as stored after a rollback', () => {
  const { db, store, folder, close } = open();
  try {
    const node = inTransaction(db, () => folder('File', null));
    const stored = (q: string) =>
      db
        .prepare('SELECT ord, text_value, num_value, json_value FROM property WHERE node_id = ? AND qname = ? ORDER BY ord')
        .all(node.seq, q);
    inTransaction(db, () => store.setProperties(node.id, { 'cm:title': '5', 'eo:tags': ['a', 'b'], 'eo:flag': true }));
    assert.deepEqual(store.properties(node.id), { 'cm:title': '5', 'eo:tags': ['a', 'b'], 'eo:flag': true });
    // The same values again, then the text '5' as the number 5, one value where a list was, and a date.
    inTransaction(db, () => store.setProperties(node.id, { 'cm:title': '5', 'eo:tags': ['a', 'b'], 'eo:flag': true }));
    inTransaction(db, () => store.setProperties(node.id, { 'cm:title': 5, 'eo:tags': ['a'], 'eo:flag': null }));
    assert.deepEqual(store.properties(node.id), { 'cm:title': 5, 'eo:tags': ['a'] });
    assert.deepEqual(stored('cm:title'), [{ ord: -1, text_value: '5', num_value: 5, json_value: '5' }]);
    inTransaction(db, () => store.setProperties(node.id, { 'eo:tags': 'a' }));
    assert.deepEqual(store.properties(node.id)['eo:tags'], 'a', 'one value is not a list of one');
    assert.throws(() =>
      inTransaction(db, () => {
        store.setProperties(node.id, { 'cm:title': 6 });
        throw new Error('rolled back');
      })
    );
    assert.equal(store.properties(node.id)['cm:title'], 5);
    // Changed behind the kept rows, then set to the value it had: written again.
    db.prepare("UPDATE property SET json_value = '7', num_value = 7, text_value = '7' WHERE node_id = ? AND qname = 'cm:title'").run(
      node.seq
    );
    inTransaction(db, () => store.setProperties(node.id, { 'cm:title': 5 }));
    assert.deepEqual(stored('cm:title'), [{ ord: -1, text_value: '5', num_value: 5, json_value: '5' }]);
  } finally {
    close();
  }
});
