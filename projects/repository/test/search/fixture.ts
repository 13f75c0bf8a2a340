// Test fixture: a fresh SQLite database from schema.sql and a small builder that writes node rows,
// properties, aspects and node_text directly (independent of the node service).
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchContext } from '../../src/search';

const SCHEMA = join(__dirname, '../../src/persistence/schema.sql');

export interface NodeSpec {
  id?: string;
  type?: string;
  parent?: string | null;
  name: string;
  assocQName?: string;
  title?: string;
  description?: string;
  content?: string;
  created?: string;
  modified?: string;
  creator?: string;
  modifier?: string;
  owner?: string;
  acl?: string;
  mimeType?: string;
  size?: number;
  aspects?: string[];
  props?: Record<string, string | number | boolean | (string | number)[]>;
  archived?: boolean;
}

const TYPES: Record<string, string[]> = {
  'cm:content': ['cm:content', 'cm:dictionaryModel', 'eo:letter'],
  'cm:folder': ['cm:folder', 'st:site', 'eo:file'],
  'cm:titled': ['cm:titled']
};
const DATA_TYPES: Record<string, string> = {
  'cm:name': 'd:text',
  'cm:title': 'd:mltext',
  'cm:description': 'd:mltext',
  'cm:created': 'd:datetime',
  'cm:modified': 'd:datetime',
  'cm:creator': 'd:text',
  'cm:modifier': 'd:text',
  'cm:owner': 'd:text',
  'cm:content': 'd:content',
  'eo:receivedDate': 'd:date',
  'eo:pages': 'd:int',
  'eo:priority': 'd:text',
  'eo:fileNumber': 'd:text',
  'eo:urgent': 'd:boolean',
  'cm:author': 'd:text',
  'eo:deliveryMode': 'd:text',
  'eo:dispatchMode': 'd:text',
  'eo:sectionCode': 'd:text',
  'eo:computerNumber': 'd:long'
};
/** `<index><tokenised>` of the fixture's properties; the rest are tokenised, as in a model without `<index>`. */
const TOKENISED: Record<string, string> = {
  'eo:dispatchMode': 'false',
  'eo:sectionCode': 'BOTH'
};

let counter = 0;
export class Fixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'search-test-'));
  readonly db = new Database(join(this.dir, 'repo.db'));
  /** ACL ids the current test user may read; the owner clause mirrors the lead's read filter. */
  readable: string[] = ['acl-public'];
  user = 'alice';
  now = new Date('2026-03-15T10:30:00.000Z');

  constructor() {
    this.db.pragma('journal_mode = WAL');
    this.db.exec(readFileSync(SCHEMA, 'utf8'));
  }

  ctx(): SearchContext {
    return {
      db: this.db,
      subClassesOf: (q) => TYPES[q] ?? [q],
      propertyDataType: (q) => DATA_TYPES[q],
      propertyTokenised: (q) => TOKENISED[q],
      readFilter: (alias) => ({
        sql: `(${alias}.acl_id IN (${this.readable.map(() => '?').join(',') || 'NULL'}) OR ${alias}.owner = ?)`,
        params: [...this.readable, this.user]
      }),
      now: () => this.now
    };
  }

  node(s: NodeSpec): string {
    const id = s.id ?? `n${++counter}-${Math.random().toString(36).slice(2, 8)}`;
    const type = s.type ?? 'cm:content';
    const created = s.created ?? '2026-01-10T09:00:00.000Z';
    const isFolder = TYPES['cm:folder'].includes(type) ? 1 : 0;
    const isFile = TYPES['cm:content'].includes(type) ? 1 : 0;
    const info = this.db
      .prepare(
        `INSERT INTO node (id, type, parent_id, name, name_key, assoc_qname, is_folder, is_file, acl_id, owner,
        created_at, created_by, modified_at, modified_by, mime_type, size, archived_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
      )
      .run(
        id,
        type,
        s.parent ?? null,
        s.name,
        s.name.toLowerCase(),
        s.assocQName ?? `cm:${iso9075(s.name)}`,
        isFolder,
        isFile,
        s.acl ?? 'acl-public',
        s.owner ?? null,
        created,
        s.creator ?? 'admin',
        s.modified ?? created,
        s.modifier ?? s.creator ?? 'admin',
        s.mimeType ?? (isFile ? 'text/plain' : null),
        s.size ?? (isFile ? 100 : null),
        s.archived ? '2026-03-01T00:00:00.000Z' : null
      );
    const seq = Number(info.lastInsertRowid);
    this.db
      .prepare('INSERT INTO node_text (rowid, name, title, description, content) VALUES (?,?,?,?,?)')
      .run(seq, s.name, s.title ?? null, s.description ?? null, s.content ?? null);
    const props: Record<string, unknown> = { ...(s.props ?? {}) };
    if (s.title !== undefined) props['cm:title'] = s.title;
    if (s.description !== undefined) props['cm:description'] = s.description;
    const ins = this.db.prepare('INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value) VALUES (?,?,?,?,?,?)');
    for (const [q, v] of Object.entries(props)) {
      const values = Array.isArray(v) ? v : [v];
      values.forEach((x, ord) => {
        const dt = DATA_TYPES[q];
        const num = typeof x === 'number' ? x : dt === 'd:date' || dt === 'd:datetime' ? Date.parse(String(x)) : null;
        ins.run(seq, q, ord, String(x), num, JSON.stringify(x));
      });
    }
    for (const a of s.aspects ?? []) this.db.prepare('INSERT INTO aspect (node_id, qname) VALUES (?,?)').run(seq, a);
    return id;
  }

  secondaryChild(parent: string, child: string) {
    this.db.prepare("INSERT INTO child_assoc (parent_id, child_id, assoc_type) VALUES (?,?,'cm:contains')").run(parent, child);
  }

  tag(nodeId: string, tag: string) {
    const tid = `tag-${tag.toLowerCase()}`;
    this.db.prepare('INSERT OR IGNORE INTO tag (id, tag, tag_key) VALUES (?,?,?)').run(tid, tag, tag.toLowerCase());
    this.db.prepare('INSERT INTO node_tag (node_id, tag_id) VALUES (?,?)').run(nodeId, tid);
  }

  close() {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function iso9075(name: string): string {
  return name.replace(/[^\p{L}\p{N}\p{M}._-]/gu, (c) => `_x${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`);
}
