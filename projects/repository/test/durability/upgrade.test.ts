/**
 * A repository made by an earlier version opens with its data intact. Earlier versions keyed the tables a node's
 * properties, aspects and permissions live in by the node's uuid (and node.acl_id was the uuid of the node
 * defining the ACL); before that, the property table was a rowid table. Either is rebuilt once on open with
 * integer keys (node.seq), and every value, aspect, permission, index and search answer is what it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startRepository, type RepositoryServer } from '../../src/server';

const basic = (user: string) => 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');
const ADMIN = basic('admin');
const api = (server: RepositoryServer) => `${server.url}/alfresco/api/-default-/public/alfresco/versions/1`;
const searchUrl = (server: RepositoryServer) => `${server.url}/alfresco/api/-default-/public/search/versions/1/search`;

const UUID_KEYED = ['node', 'property', 'aspect', 'ace', 'acl_member'];

/**
 * Turns a database back into the shape an earlier version made: the same tables keyed by node uuid, node.acl_id
 * the uuid of the node defining the ACL, node.seq a plain rowid; with `rowidProperties`, the property table
 * also a rowid table (as before it was clustered by node).
 */
function toUuidKeys(file: string, rowidProperties: boolean): void {
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.pragma('legacy_alter_table = ON');
  const ddl = (table: string) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const old: Record<string, string> = {
    node: ddl('node')
      .replace(/seq\s+INTEGER PRIMARY KEY AUTOINCREMENT/, 'seq INTEGER PRIMARY KEY')
      .replace(/acl_id\s+INTEGER NOT NULL/, 'acl_id TEXT NOT NULL'),
    property: ddl('property')
      .replace(/node_id\s+INTEGER NOT NULL REFERENCES node\(seq\)/, 'node_id TEXT NOT NULL REFERENCES node(id)')
      .replace(rowidProperties ? /WITHOUT ROWID/ : /$^/, ''),
    aspect: ddl('aspect').replace(/node_id INTEGER NOT NULL REFERENCES node\(seq\)/, 'node_id TEXT NOT NULL REFERENCES node(id)'),
    ace: ddl('ace')
      .replace(/node_id\s+INTEGER NOT NULL REFERENCES node\(seq\)/, 'node_id TEXT NOT NULL REFERENCES node(id)')
      .replace(/WITHOUT ROWID/, ''),
    acl_member: ddl('acl_member')
      .replace(/acl_id INTEGER/, 'acl_id TEXT')
      .replace(/def_id INTEGER/, 'def_id TEXT')
  };
  for (const [table, sql] of Object.entries(old)) assert.doesNotMatch(sql, /INTEGER NOT NULL REFERENCES node\(seq\)/, table);
  db.transaction(() => {
    const marks = UUID_KEYED.map(() => '?').join(',');
    for (const name of db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
      .pluck()
      .all(...UUID_KEYED) as string[])
      db.exec(`DROP INDEX "${name}"`);
    for (const table of UUID_KEYED) db.exec(`ALTER TABLE ${table} RENAME TO ${table}_int`);
    for (const table of UUID_KEYED) db.exec(old[table]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('node')").pluck().all() as string[];
    const from = columns.map((c) => (c === 'acl_id' ? '(SELECT a.id FROM node_int a WHERE a.seq = o.acl_id)' : `o.${c}`));
    db.exec(`INSERT INTO node (${columns.join(', ')}) SELECT ${from.join(', ')} FROM node_int o`);
    db.exec(`INSERT INTO property SELECT n.id, p.qname, p.ord, p.text_value, p.num_value, p.json_value FROM property_int p JOIN node n ON n.seq = p.node_id;
      INSERT INTO aspect (node_id, qname) SELECT n.id, a.qname FROM aspect_int a JOIN node n ON n.seq = a.node_id ORDER BY a.rowid;
      INSERT INTO ace SELECT n.id, e.authority, e.permission, e.allowed FROM ace_int e JOIN node n ON n.seq = e.node_id;
      INSERT INTO acl_member SELECT a.id, m.depth, d.id FROM acl_member_int m JOIN node a ON a.seq = m.acl_id JOIN node d ON d.seq = m.def_id;
      CREATE INDEX node_acl ON node(acl_id);
      CREATE INDEX ace_authority ON ace(authority, allowed, permission, node_id);`);
    for (const table of UUID_KEYED) db.exec(`DROP TABLE ${table}_int`);
  })();
  assert.equal(db.prepare("SELECT type FROM pragma_table_info('property') WHERE name = 'node_id'").pluck().get(), 'TEXT');
  assert.equal(typeof db.prepare('SELECT acl_id FROM node LIMIT 1').pluck().get(), 'string');
  db.close();
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, any> });

for (const rowidProperties of [false, true]) {
  test(`a database keyed by node uuid${rowidProperties ? ', its property table a rowid table,' : ''} is rebuilt with integer keys on open, everything kept`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-upgrade-'));
    try {
      // properties searched together (property-pairs.ts): their pairs name nodes by seq too
      let server = await startRepository({ port: 0, dataDir, quiet: true, pairedProperties: [['cm:author', 'cm:title']] });
      for (const id of ['ravi', 'sita']) server.context.authorities.insertPerson({ id, firstName: id, password: id });
      const post = (url: string, body: unknown) =>
        fetch(url, { method: 'POST', headers: { Authorization: ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      // A folder only ravi may read (inheritance cut), holding a letter with single and multi-valued properties.
      const folder = await json(await post(`${api(server)}/nodes/-root-/children`, { name: 'Confidential', nodeType: 'cm:folder' }));
      assert.equal(folder.status, 201);
      const folderId = folder.body.entry.id as string;
      const acl = await fetch(`${api(server)}/nodes/${folderId}`, {
        method: 'PUT',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ permissions: { isInheritanceEnabled: false, locallySet: [{ authorityId: 'ravi', name: 'Consumer' }] } })
      });
      assert.equal(acl.status, 200);
      const made = await json(
        await post(`${api(server)}/nodes/${folderId}/children`, {
          name: 'letter.txt',
          nodeType: 'cm:content',
          aspectNames: ['cm:titled', 'cm:author'],
          properties: { 'cm:title': 'पत्र', 'cm:description': 'Letter of 04/12/2026', 'cm:author': 'Meera' }
        })
      );
      assert.equal(made.status, 201);
      const id = made.body.entry.id as string;
      const tagged = await post(`${api(server)}/nodes/${id}/tags`, [{ tag: 'gad' }]);
      assert.equal(tagged.status, 201);
      const read = (user: string) =>
        fetch(`${api(server)}/nodes/${id}?include=properties,aspectNames,permissions,path`, { headers: { Authorization: basic(user) } });
      const find = async (user: string, query: string) =>
        (
          await json(
            await fetch(searchUrl(server), {
              method: 'POST',
              headers: { Authorization: basic(user), 'Content-Type': 'application/json' },
              body: JSON.stringify({ query: { query, language: 'afts' } })
            })
          )
        ).body.list.pagination.totalItems as number;
      const before = await json(await read('admin'));
      const asRavi = await json(await read('ravi'));
      assert.equal(asRavi.status, 200);
      assert.equal((await read('sita')).status, 403);
      const counts = (db: Database.Database) =>
        Object.fromEntries(UUID_KEYED.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
      const counted = counts(server.context.db);
      const pairs = (db: Database.Database) =>
        db
          .prepare(
            'SELECT n.id, p.qname, p.text_value, p.with_qname, p.with_value FROM property_pair p JOIN node n ON n.seq = p.node_id ORDER BY 1, 2, 3, 4, 5'
          )
          .all();
      const paired = pairs(server.context.db);
      assert.deepEqual(paired, [{ id, qname: 'cm:author', text_value: 'Meera', with_qname: 'cm:title', with_value: 'पत्र' }]);
      await server.close();

      const file = path.join(dataDir, 'repository.sqlite');
      toUuidKeys(file, rowidProperties);

      server = await startRepository({ port: 0, dataDir, quiet: true });
      try {
        const db = server.context.db;
        assert.deepEqual(counts(db), counted, 'every row is kept');
        assert.deepEqual(pairs(db), paired, 'the pairs name the nodes by their new seqs');
        const shape = (table: string) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;
        assert.match(shape('property'), /WITHOUT ROWID/);
        assert.match(shape('node'), /AUTOINCREMENT/);
        for (const [table, column] of [
          ['property', 'node_id'],
          ['aspect', 'node_id'],
          ['ace', 'node_id'],
          ['acl_member', 'acl_id'],
          ['acl_member', 'def_id'],
          ['node', 'acl_id']
        ]) {
          assert.equal(db.prepare(`SELECT type FROM pragma_table_info('${table}') WHERE name = ?`).pluck().get(column), 'INTEGER');
          assert.equal(
            db.prepare(`SELECT COUNT(*) FROM ${table} WHERE typeof(${column}) <> 'integer'`).pluck().get(),
            0,
            `${table}.${column} holds integers`
          );
        }
        const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
        for (const name of [
          'property_value',
          'property_num',
          'property_multi',
          'aspect_qname',
          'ace_authority',
          'acl_member_def',
          'node_acl',
          'node_parent',
          'node_unique_name'
        ])
          assert.ok(indexes.includes(name), `${name} is made again`);
        assert.equal(
          db.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name LIKE ?').pluck().get('%_uuid_keys'),
          0,
          'the old tables are gone'
        );

        assert.deepEqual(await json(await read('admin')), before, 'properties, aspects, permissions and path read the same');
        assert.deepEqual(await json(await read('ravi')), asRavi, 'ravi still reads it');
        assert.equal((await read('sita')).status, 403, 'sita still may not');
        for (const query of ['cm:title:"पत्र"', 'cm:author:Meera', 'ASPECT:"cm:titled"', 'TAG:gad', 'letter'])
          for (const [user, total] of [
            ['admin', 1],
            ['ravi', 1],
            ['sita', 0]
          ] as const)
            assert.equal(await find(user, `${query} AND TYPE:"cm:content"`), total, `${query} as ${user}`);

        // The pairs still follow the properties after the rebuild.
        const renamed = await fetch(`${api(server)}/nodes/${id}`, {
          method: 'PUT',
          headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
          body: JSON.stringify({ properties: { 'cm:author': 'Sita' } })
        });
        assert.equal(renamed.status, 200);
        assert.deepEqual(pairs(db), [{ ...paired[0], text_value: 'Sita' }], 'a changed property changes its pairs');

        // A node made afterwards gets a seq never used before, and its own ACL works as before.
        const maxSeq = db.prepare('SELECT max(seq) FROM node').pluck().get() as number;
        const more = await json(await post(`${api(server)}/nodes/${folderId}/children`, { name: 'reply.txt', nodeType: 'cm:content' }));
        assert.equal(more.status, 201);
        assert.ok((server.context.store.get(more.body.entry.id)!.seq as number) > maxSeq);
        assert.equal(
          (await fetch(`${api(server)}/nodes/${more.body.entry.id}`, { headers: { Authorization: basic('ravi') } })).status,
          200
        );
        assert.equal(
          (await fetch(`${api(server)}/nodes/${more.body.entry.id}`, { headers: { Authorization: basic('sita') } })).status,
          403
        );
      } finally {
        await server.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('a database whose property pairs were kept by triggers on every property row opens without them, its pairs kept by the node store', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-upgrade-'));
  try {
    const pairedProperties: [string, string][] = [['cm:author', 'cm:title']];
    let server = await startRepository({ port: 0, dataDir, quiet: true, pairedProperties });
    const made = await fetch(`${api(server)}/nodes/-root-/children`, {
      method: 'POST',
      headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'letter.txt', nodeType: 'cm:content', properties: { 'cm:author': 'Meera', 'cm:title': 'Leave' } })
    });
    assert.equal(made.status, 201);
    const id = ((await made.json()) as { entry: { id: string } }).entry.id;
    await server.close();
    // as the version before made them: one per kind of change to a property row (their bodies do not matter here)
    const old = new Database(path.join(dataDir, 'repository.sqlite'));
    for (const event of ['insert', 'update', 'delete'])
      old.exec(`CREATE TRIGGER property_pair_${event} AFTER ${event.toUpperCase()} ON property BEGIN SELECT 1; END`);
    old.close();

    server = await startRepository({ port: 0, dataDir, quiet: true, pairedProperties });
    try {
      const db = server.context.db;
      assert.deepEqual(
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'property' AND name LIKE 'property_pair%'")
          .pluck()
          .all(),
        []
      );
      const pairs = () =>
        db.prepare('SELECT text_value, with_value FROM property_pair p JOIN node n ON n.seq = p.node_id WHERE n.id = ?').all(id);
      assert.deepEqual(pairs(), [{ text_value: 'Meera', with_value: 'Leave' }]);
      const changed = await fetch(`${api(server)}/nodes/${id}`, {
        method: 'PUT',
        headers: { Authorization: ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ properties: { 'cm:title': 'Tour' } })
      });
      assert.equal(changed.status, 200);
      assert.deepEqual(pairs(), [{ text_value: 'Meera', with_value: 'Tour' }]);
      const gone = await fetch(`${api(server)}/nodes/${id}?permanent=true`, { method: 'DELETE', headers: { Authorization: ADMIN } });
      assert.equal(gone.status, 204);
      assert.deepEqual(pairs(), []);
      assert.equal(db.prepare('SELECT count(*) FROM property_pair').pluck().get(), 0, 'a purged node leaves no pairs');
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
