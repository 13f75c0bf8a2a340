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
import { NodeStore } from '../../src/services/node-store';
import { AuthorityService } from '../../src/services/authority-service';
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
