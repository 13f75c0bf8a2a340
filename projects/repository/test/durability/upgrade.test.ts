/**
 * A repository made by an earlier version opens with its data intact: the property table, once a rowid table,
 * is rebuilt clustered by node, and every value (single and multi-valued) reads back the same through the API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startRepository } from '../../src/server';

const auth = 'Basic ' + Buffer.from('admin:admin').toString('base64');

test('a database whose property table predates clustering is rebuilt on open, every value kept', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-upgrade-'));
  const api = (url: string) => `${url}/alfresco/api/-default-/public/alfresco/versions/1`;
  try {
    let server = await startRepository({ port: 0, dataDir, quiet: true });
    const made = await fetch(`${api(server.url)}/nodes/-my-/children`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'letter.txt',
        nodeType: 'cm:content',
        properties: { 'cm:title': 'पत्र', 'cm:description': 'Letter of 04/12/2026' }
      })
    });
    assert.equal(made.status, 201);
    const id = ((await made.json()) as { entry: { id: string } }).entry.id;
    const before = await (
      await fetch(`${api(server.url)}/nodes/${id}?include=properties,aspectNames`, { headers: { Authorization: auth } })
    ).json();
    await server.close();

    // Turn the table back into the shape earlier versions made: a rowid table with its primary key.
    const file = path.join(dataDir, 'repository.sqlite');
    const old = new Database(file);
    const rows = old.prepare('SELECT COUNT(*) FROM property').pluck().get() as number;
    old.exec(`DROP INDEX property_value; DROP INDEX property_num; DROP INDEX property_multi;
      ALTER TABLE property RENAME TO p_new;
      CREATE TABLE property (node_id TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE, qname TEXT NOT NULL,
        ord INTEGER NOT NULL DEFAULT 0, text_value TEXT, num_value REAL, json_value TEXT NOT NULL, PRIMARY KEY (node_id, qname, ord));
      INSERT INTO property SELECT * FROM p_new; DROP TABLE p_new;`);
    assert.doesNotMatch(old.prepare("SELECT sql FROM sqlite_master WHERE name = 'property'").pluck().get() as string, /WITHOUT ROWID/);
    old.close();

    server = await startRepository({ port: 0, dataDir, quiet: true });
    try {
      const db = server.context.db;
      assert.match(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'property'").pluck().get() as string, /WITHOUT ROWID/);
      assert.equal(db.prepare('SELECT COUNT(*) FROM property').pluck().get(), rows, 'every value is kept');
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'property'").pluck().all();
      for (const name of ['property_value', 'property_num', 'property_multi']) assert.ok(indexes.includes(name), `${name} is made again`);
      const after = await (
        await fetch(`${api(server.url)}/nodes/${id}?include=properties,aspectNames`, { headers: { Authorization: auth } })
      ).json();
      assert.deepEqual(after, before);
      const found = await fetch(`${server.url}/alfresco/api/-default-/public/search/versions/1/search`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: { query: 'cm:title:"पत्र"', language: 'afts' } })
      });
      assert.equal(((await found.json()) as { list: { pagination: { totalItems: number } } }).list.pagination.totalItems, 1);
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
