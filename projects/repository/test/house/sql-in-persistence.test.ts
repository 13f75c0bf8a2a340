/**
 * SQL lives in the persistence layer (issue 15): handlers speak HTTP, services hold the rules, and the stores
 * under `src/persistence/` own every statement, as Azurite's handlers call its metadata stores. A statement
 * written anywhere else (a `prepare`, an `exec`, a pragma, or a string that reads as SQL) is named here with
 * its file and line, so moving a table or changing an index means reading one layer.
 *
 *   node scripts/run-repository-tests.mjs sql-in-persistence      lists what is still outside
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const PERSISTENCE = path.join(SRC, 'persistence');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Calls that run SQL on a better-sqlite3 handle, and string openings that read as a statement. */
const SQL_CALL = /\bdb\.(prepare|exec|pragma|transaction|function|aggregate)\(/u;
const SQL_TEXT =
  /['"`]\s*(SELECT\s+(?:DISTINCT\s+)?[\w*(]|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(?:TEMP\s+|UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s|WITH\s+(?:RECURSIVE\s+)?\w+\s*(?:\([^)]*\))?\s*AS\s*\(|PRAGMA\s)/u;
/** Fragments a query builder joins into a statement (`' AND '`, `' ORDER BY '`, `EXISTS (SELECT`). */
const SQL_FRAGMENT =
  /\b(?:EXISTS\s*\(\s*SELECT|IN\s*\(\s*SELECT|ORDER\s+BY\s+[\w.]+\s+(?:ASC|DESC)|LEFT\s+JOIN\s+\w+|INNER\s+JOIN\s+\w+)\b/u;

/** Each line outside persistence/ that runs or spells SQL, as "file:line: text". */
function sqlOutsidePersistence(): string[] {
  const found: string[] = [];
  for (const file of sources(SRC)) {
    if (file.startsWith(PERSISTENCE + path.sep)) continue;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/u, '');
      if (SQL_CALL.test(code) || SQL_TEXT.test(code) || SQL_FRAGMENT.test(code)) {
        found.push(`${path.relative(SRC, file)}:${i + 1}: ${line.trim().slice(0, 110)}`);
      }
    });
  }
  return found;
}

test('no SQL outside src/persistence/: every statement is a store method', () => {
  const found = sqlOutsidePersistence();
  const byFile = new Map<string, number>();
  for (const f of found) byFile.set(f.split(':')[0], (byFile.get(f.split(':')[0]) ?? 0) + 1);
  assert.deepEqual(
    found,
    [],
    `${found.length} lines in ${byFile.size} files outside persistence/ hold SQL:\n` +
      [...byFile].map(([f, n]) => `  ${f} (${n})`).join('\n') +
      '\n' +
      found.slice(0, 40).join('\n')
  );
});

test('the detector sees the SQL it is meant to see', () => {
  // Fails if the patterns rot: each line below must be caught, each harmless one left alone.
  const caught = [
    `db.prepare('SELECT * FROM node WHERE id = ?').get(id)`,
    'const q = `INSERT OR IGNORE INTO node_tag (node_id, tag_id) VALUES (?,?)`;',
    "where.push('EXISTS (SELECT 1 FROM aspect a WHERE a.node_id = n.id)');",
    "db.exec('CREATE TEMP TRIGGER t AFTER UPDATE ON node BEGIN SELECT 1; END');",
    "db.pragma('journal_mode = WAL')",
    'this.ctx.db.transaction(() => work())();',
    "const rows = 'WITH RECURSIVE up(id) AS (SELECT 1)';"
  ];
  const harmless = ["throw errors.invalid('Select a file first');", "const label = 'Update the note';", 'regex.exec(text)'];
  for (const line of caught) assert.ok(SQL_CALL.test(line) || SQL_TEXT.test(line) || SQL_FRAGMENT.test(line), line);
  for (const line of harmless) assert.ok(!SQL_CALL.test(line) && !SQL_TEXT.test(line) && !SQL_FRAGMENT.test(line), line);
});
