import { randomUUID } from 'node:crypto';
import { onRollback, onRowChange, type Db } from './database';
import { KeptRows } from './kept-rows';
import type { NodeRow } from './node-row';
import { AclChains } from './acl-chains';
import { VersionStore } from './version-store';
import { AssociationStore } from './association-store';
import { TrashcanStore } from './trashcan-store';
import { NodeListings } from './node-listings';
import { CategoryStore } from './category-store';
import { repairNode, touchesPairs } from './property-pairs';
import { errors } from '../errors/api-error';
import { alfDate } from '../util/alf-date';

/**
 * Low-level reads and writes of nodes, properties and aspects: no permission checks, no dictionary.
 * Services above it decide what is allowed; this class only keeps the tables consistent
 * (unique names, ACL ids, the full-text row).
 */
/** `(?, ?), (?, ?) …` for n rows of (node_id, qname), n ≤ 32. */
const ASPECT_VALUES = Array.from({ length: 33 }, (_, n) => Array.from({ length: n }, () => '(?, ?)').join(', '));
/** The property rows of a new node written by one statement at most (six parameters a row). */
const NEW_PROPERTY_ROWS = 64;
const PROPERTY_VALUES = Array.from({ length: NEW_PROPERTY_ROWS + 1 }, (_, n) =>
  Array.from({ length: n }, () => '(?,?,?,?,?,?)').join(', ')
);

/** Node rows kept at most (about 1 kB each). */
const ROWS_KEPT = 20_000;
/** Nodes whose property rows are kept at most (a few kB each). */
const PROPERTY_ROWS_KEPT = 5_000;

export class NodeStore {
  /** The chains of the ACLs in use (read-permission filtering); kept in step by the shape changes below and in NodeService. */
  readonly chains: AclChains;
  /** Version histories (table version). */
  readonly versions: VersionStore;
  /** Secondary children and peer associations. */
  readonly associations: AssociationStore;
  /** Deleted nodes: archiving, restoring, purging, the trashcan's listing. */
  readonly trashcan: TrashcanStore;
  /** The paged, filtered and sorted listings of nodes: a folder's children, the find query. */
  readonly listings: NodeListings;
  /** Category nodes and what they classify. */
  readonly categories: CategoryStore;

  /**
   * Node rows by id (null: no such node), as ACS's NodeDAO keeps nodes in its transactional cache: a
   * marking read the same few nodes 160 times. Every change to a node row, by any statement, drops that
   * row (onRowChange) and a rollback drops them all; rows are frozen so that no caller changes what the next
   * one reads.
   */
  private readonly rows = new KeptRows<NodeRow>(ROWS_KEPT);
  /** Each node's property rows as stored, by node seq (values parsed afresh for every caller, so none shares one). */
  private readonly propertyRows = new KeptRows<readonly { qname: string; ord: number; json_value: string }[], number>(PROPERTY_ROWS_KEPT);
  /** Each node's aspects in the order they were added, by node seq: every update of a node reads them. */
  private readonly aspectRows = new KeptRows<readonly string[], number>(PROPERTY_ROWS_KEPT);
  /** The id of the child last found under a parent by name ("parent/name key"). */
  private readonly children = new Map<string, string>();

  constructor(private readonly db: Db) {
    this.chains = new AclChains(db);
    this.versions = new VersionStore(db);
    this.associations = new AssociationStore(db);
    this.trashcan = new TrashcanStore(db, this);
    this.listings = new NodeListings(db);
    this.categories = new CategoryStore(db);
    onRowChange(db, 'node', 'id', (id) => this.rows.delete(id));
    onRowChange(db, 'property', 'node_id', (seq) => this.propertyRows.delete(seq));
    onRowChange(db, 'aspect', 'node_id', (seq) => this.aspectRows.delete(seq));
    onRollback(db, () => {
      this.rows.clear();
      this.propertyRows.clear();
      this.aspectRows.clear();
    });
  }

  get(id: string): NodeRow | undefined {
    const row = this.getIncludingArchived(id);
    return row && row.archived_at === null ? row : undefined;
  }

  getIncludingArchived(id: string): NodeRow | undefined {
    return this.rows.get(id, () => this.db.prepare('SELECT * FROM node WHERE id = ?').get(id) as NodeRow | undefined);
  }

  /**
   * The seq of a node (archived ones included), which the tables keyed by node (property, aspect, ace) hold:
   * read through the kept rows, so a node just read costs no second look-up.
   */
  seqOf(id: string): number | undefined {
    return this.getIncludingArchived(id)?.seq;
  }

  require(id: string): NodeRow {
    const n = this.get(id);
    if (!n) throw errors.notFound(id);
    return n;
  }

  childByName(parentId: string, name: string): NodeRow | undefined {
    const key = nameKey(name);
    // The child found last time, if it is still there under that name (its row is read through the cache
    // above, which changes drop, so the answer is checked against the stored row, never trusted).
    const slot = `${parentId}/${key}`;
    const known = this.children.get(slot);
    const row = known === undefined ? undefined : this.get(known);
    if (row && row.parent_id === parentId && row.name_key === key) return row;
    const found = this.db.prepare('SELECT * FROM node WHERE parent_id = ? AND name_key = ? AND archived_at IS NULL').get(parentId, key) as
      | NodeRow
      | undefined;
    if (found) {
      if (this.children.size >= ROWS_KEPT) this.children.clear();
      this.children.set(slot, found.id);
    }
    return found;
  }

  /** The repository's root (sys:store_root), once bootstrap has made it. */
  storeRootId(): string | undefined {
    return this.db
      .prepare("SELECT id FROM node WHERE parent_id IS NULL AND assoc_qname = 'sys:store_root' AND archived_at IS NULL")
      .pluck()
      .get() as string | undefined;
  }

  /**
   * The child of `parentId` with the association QName `assocQName` (how system nodes are found: Data
   * Dictionary is app:dictionary whatever its name). `evenArchived`: a child in the trashcan counts too.
   */
  childIdByAssocQName(parentId: string, assocQName: string, evenArchived = false): string | undefined {
    const sql = evenArchived
      ? 'SELECT id FROM node WHERE parent_id = ? AND assoc_qname = ?'
      : 'SELECT id FROM node WHERE parent_id = ? AND assoc_qname = ? AND archived_at IS NULL';
    return this.db.prepare(sql).pluck().get(parentId, assocQName) as string | undefined;
  }

  /** The live primary children of a node, in the order stored. */
  liveChildren(parentId: string): NodeRow[] {
    return this.db.prepare('SELECT * FROM node WHERE parent_id = ? AND archived_at IS NULL').all(parentId) as NodeRow[];
  }

  /**
   * A node's live primary children, by name. Their ids first, and the rows from those kept when all are (a hand-over
   * lists a file's 500 notes on every send, and making 500 rows of the node table afresh each time cost more
   * than the rest of its walk); otherwise every row, read at once and kept.
   */
  liveChildrenByName(parentId: string): NodeRow[] {
    const ids = this.db
      .prepare('SELECT id FROM node WHERE parent_id = ? AND archived_at IS NULL ORDER BY name_key')
      .pluck()
      .all(parentId) as string[];
    const kept: NodeRow[] = [];
    for (const id of ids) {
      const row = this.rows.peek(id);
      if (!row) break;
      kept.push(row);
    }
    if (kept.length === ids.length) return kept;
    const rows = this.db
      .prepare('SELECT * FROM node WHERE parent_id = ? AND archived_at IS NULL ORDER BY name_key')
      .all(parentId) as NodeRow[];
    for (const r of rows) if (!this.rows.peek(r.id)) this.rows.set(r.id, r);
    return rows;
  }

  hasLiveChildren(parentId: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM node WHERE parent_id = ? AND archived_at IS NULL').get(parentId);
  }

  /** Live nodes marked cm:modelActive = true: the dynamic models to deploy at start. */
  activeModelNodes(): NodeRow[] {
    return this.db
      .prepare(
        "SELECT n.* FROM node n JOIN property p ON p.node_id = n.seq AND p.qname = 'cm:modelActive' AND p.text_value = 'true' WHERE n.archived_at IS NULL"
      )
      .all() as NodeRow[];
  }

  /** Whether any node, archived ones included, is of one of these types or has one of these aspects. */
  usesAnyClass(qnames: string[]): boolean {
    const marks = qnames.map(() => '?').join(',');
    return !!this.db
      .prepare(`SELECT 1 FROM node WHERE type IN (${marks}) UNION SELECT 1 FROM aspect WHERE qname IN (${marks}) LIMIT 1`)
      .get(...qnames, ...qnames);
  }

  /** Primary ancestors from the root down to the parent of `node`. */
  ancestors(node: NodeRow): NodeRow[] {
    return this.db
      .prepare(
        `WITH RECURSIVE up(id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM node WHERE id = ?
             UNION ALL SELECT n.id, n.parent_id, up.depth + 1 FROM node n JOIN up ON n.id = up.parent_id)
           SELECT node.* FROM up JOIN node ON node.id = up.id WHERE up.depth > 0 ORDER BY up.depth DESC`
      )
      .all(node.id) as NodeRow[];
  }

  /** Ids of node and every node below it (primary hierarchy), archived ones included. */
  subtreeIds(id: string): string[] {
    return this.db
      .prepare(
        `WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT n.id FROM node n JOIN down ON n.parent_id = down.id)
         SELECT id FROM down`
      )
      .pluck()
      .all(id) as string[];
  }

  properties(id: string): Record<string, unknown> {
    const seq = this.seqOf(id);
    if (seq === undefined) return {};
    const rows = this.propertyRows.get(
      seq,
      () =>
        this.db.prepare('SELECT qname, ord, json_value FROM property WHERE node_id = ? ORDER BY qname, ord').all(seq) as {
          qname: string;
          ord: number;
          json_value: string;
        }[]
    )!;
    const out: Record<string, unknown> = {};
    for (const r of rows) {
      const v = JSON.parse(r.json_value);
      if (r.ord === -1) out[r.qname] = v;
      else ((out[r.qname] ??= []) as unknown[]).push(v);
    }
    return out;
  }

  hasAspect(id: string, qname: string): boolean {
    return this.keptAspects(id).includes(qname);
  }

  aspects(id: string): string[] {
    return [...this.keptAspects(id)];
  }

  private keptAspects(id: string): readonly string[] {
    const seq = this.seqOf(id);
    if (seq === undefined) return [];
    return this.aspectRows.get(
      seq,
      () => this.db.prepare('SELECT qname FROM aspect WHERE node_id = ? ORDER BY rowid').pluck().all(seq) as string[]
    )!;
  }

  /**
   * Stores property values. Single values use ord -1 so that a multi-valued property holding one value
   * stays an array when read back. null removes the property.
   */
  /** Sets (null: removes) each property; `fresh`: the node was just made and has none to replace. */
  setProperties(id: string, props: Record<string, unknown>, fresh = false): void {
    const seq = this.requireSeq(id);
    if (fresh) return this.insertProperties(seq, props);
    const del = this.db.prepare('DELETE FROM property WHERE node_id = ? AND qname = ?');
    const ins = this.db.prepare('INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value) VALUES (?,?,?,?,?,?)');
    // Updated in place where the value exists (an upsert: a REPLACE is a delete and an insert, workflow-store.ts).
    const upsert = this.db.prepare(
      'INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value) VALUES (?,?,?,?,?,?) ' +
        'ON CONFLICT (node_id, qname, ord) DO UPDATE SET text_value = excluded.text_value, num_value = excluded.num_value, json_value = excluded.json_value'
    );
    // A property set to the value it holds is not written again, as ACS's node DAO writes only the properties
    // whose values differ from the stored ones (AbstractNodeDAOImpl.updateNodePropertiesImpl compares the maps).
    // Known only from the kept rows, which are the stored ones (any change to them has dropped them).
    const stored = this.propertyRows.peek(seq);
    const written: string[] = [];
    for (const [qname, value] of Object.entries(props)) {
      if (stored && storedAs(stored, qname, value)) continue;
      written.push(qname);
      const single = value !== null && value !== undefined && !Array.isArray(value);
      // A single value over what the kept rows say is at most one single value is one statement (the row's
      // key is the same); otherwise the old rows go first.
      if (single && stored && singleAtMost(stored, qname)) {
        upsert.run(propertyRow(seq, qname, -1, value));
        continue;
      }
      del.run(seq, qname);
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) value.forEach((v, i) => ins.run(propertyRow(seq, qname, i, v)));
      else ins.run(propertyRow(seq, qname, -1, value));
    }
    // The node's pairs of properties searched together, made again once for the whole save (property-pairs.ts)
    if (touchesPairs(this.db, written)) repairNode(this.db, seq, false);
  }

  /**
   * A new node's properties: nothing stored to compare with or delete, so its rows go in by one statement (a
   * notice or a movement record has fifteen; one statement each was most of what making it cost in SQL).
   */
  private insertProperties(seq: number, props: Record<string, unknown>): void {
    const rows: unknown[] = [];
    const written: string[] = [];
    for (const [qname, value] of Object.entries(props)) {
      written.push(qname);
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) value.forEach((v, i) => rows.push(...propertyRow(seq, qname, i, v)));
      else rows.push(...propertyRow(seq, qname, -1, value));
    }
    for (let at = 0; at < rows.length; at += NEW_PROPERTY_ROWS * 6) {
      const chunk = rows.slice(at, at + NEW_PROPERTY_ROWS * 6);
      this.db
        .prepare(
          `INSERT INTO property (node_id, qname, ord, text_value, num_value, json_value) VALUES ${PROPERTY_VALUES[chunk.length / 6]}`
        )
        .run(chunk);
    }
    if (touchesPairs(this.db, written)) repairNode(this.db, seq, true);
  }

  /** Whether any node, archived ones included, or any version of one holds a value of the property. */
  propertyInUse(qname: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM property WHERE qname = ? LIMIT 1').get(qname) || this.versions.holdsProperty(qname);
  }

  addAspects(id: string, aspects: Iterable<string>): void {
    const seq = this.requireSeq(id);
    const list = [...aspects];
    if (!list.length) return;
    // One statement for them all (a node is made with four or more), in the order given: rowid order is list order.
    const values = ASPECT_VALUES[list.length];
    if (values === undefined) {
      const ins = this.db.prepare('INSERT OR IGNORE INTO aspect (node_id, qname) VALUES (?, ?)');
      for (const a of list) ins.run(seq, a);
      return;
    }
    this.db.prepare(`INSERT OR IGNORE INTO aspect (node_id, qname) VALUES ${values}`).run(list.flatMap((a) => [seq, a]));
  }

  removeAspects(id: string, aspects: Iterable<string>): void {
    const seq = this.seqOf(id) ?? null;
    const del = this.db.prepare('DELETE FROM aspect WHERE node_id = ? AND qname = ?');
    for (const a of aspects) del.run(seq, a);
  }

  /** The seq of a node that must exist (a write for a node that does not is a fault of the caller, not a 404). */
  private requireSeq(id: string): number {
    const seq = this.seqOf(id);
    if (seq === undefined) throw new Error(`no node ${id}`);
    return seq;
  }

  /**
   * Inserts a node row; a clash of names under one parent answers 409 as ACS does. The node uses its parent's
   * ACL, or defines its own (`ownAcl`, or no parent): then its acl_id is its own seq, known once inserted.
   */
  insert(
    row: Omit<NodeRow, 'seq' | 'name_key' | 'assoc_qname' | 'acl_id' | 'archived_at' | 'archived_by' | 'archived_parent_id' | 'id'> & {
      id?: string;
      assoc_qname?: string;
      ownAcl?: boolean;
    }
  ): NodeRow {
    const id = row.id ?? randomUUID();
    const parent = row.parent_id ? this.getIncludingArchived(row.parent_id) : undefined;
    const inherited = row.ownAcl ? undefined : parent?.acl_id;
    let inserted: NodeRow;
    try {
      // The row as stored comes back with the insert (seq and all), and is kept: no second look-up by uuid.
      inserted = this.db
        .prepare(
          `INSERT INTO node (id, type, parent_id, name, name_key, assoc_qname, is_folder, is_file, inherits, acl_id, owner,
             created_at, created_by, modified_at, modified_by, content_url, mime_type, encoding, size,
             locked_by, lock_type, lock_lifetime, lock_expires)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING *`
        )
        .get(
          id,
          row.type,
          row.parent_id,
          row.name,
          nameKey(row.name),
          row.assoc_qname ?? `cm:${iso9075(row.name)}`,
          row.is_folder,
          row.is_file,
          row.inherits,
          inherited ?? 0,
          row.owner,
          row.created_at,
          row.created_by,
          row.modified_at,
          row.modified_by,
          row.content_url,
          row.mime_type,
          row.encoding,
          row.size,
          row.locked_by,
          row.lock_type,
          row.lock_lifetime,
          row.lock_expires
        ) as NodeRow;
    } catch (e) {
      throw uniqueNameClash(e, row.name);
    }
    if (inherited === undefined) {
      this.db.prepare('UPDATE node SET acl_id = seq WHERE id = ?').run(id);
      this.chains.defined(id);
      return this.get(id)!;
    }
    this.rows.set(id, inserted);
    return inserted;
  }

  update(id: string, fields: Partial<NodeRow>): void {
    const entries = Object.entries(fields).filter(([k]) => k !== 'id' && k !== 'seq');
    if ('name' in fields) entries.push(['name_key', nameKey(String(fields.name))]);
    if (!entries.length) return;
    const before = this.rows.peek(id);
    let changes: number;
    try {
      changes = this.db
        .prepare(`UPDATE node SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`)
        .run(...entries.map(([, v]) => v), id).changes;
    } catch (e) {
      throw uniqueNameClash(e, String(fields.name ?? ''));
    }
    // The row as now stored, kept again when each value is stored as given (a text in a TEXT column, an integer
    // in an INTEGER one): a node is usually read again right after it is written (the trigger dropped it).
    if (before && changes === 1 && entries.every(([k, v]) => storedAsGiven(k, v)))
      this.rows.set(id, { ...before, ...Object.fromEntries(entries) });
  }

  touch(id: string, user: string): void {
    this.db.prepare('UPDATE node SET modified_at = ?, modified_by = ? WHERE id = ?').run(alfDate(), user, id);
  }

  /** Re-points nodes that inherit an ACL from `oldAcl` within the subtree of `rootId` to `newAcl` (ACLs are seqs). */
  reassignAcl(rootId: string, oldAcl: number, newAcl: number): void {
    if (oldAcl === newAcl) return;
    this.db
      .prepare(
        // Walked down by parent (CROSS JOIN, unary +), not through every node of the ACL: costs the subtree only.
        `WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT n.id FROM down CROSS JOIN node n ON n.parent_id = down.id WHERE +n.acl_id = ?)
         UPDATE node SET acl_id = ? WHERE id IN (SELECT id FROM down) AND +acl_id = ?`
      )
      .run(rootId, oldAcl, newAcl, oldAcl);
  }

  /** Keeps the full-text row of a node in step with its name, title, description and text content. */
  /** Writes the node's full-text row; `fresh`: the node was just made and has no row yet. */
  index(node: NodeRow, props: Record<string, unknown>, contentText?: string, fresh = false): void {
    const existing = fresh
      ? undefined
      : (this.db.prepare('SELECT content FROM node_text WHERE rowid = ?').get(node.seq) as { content: string } | undefined);
    if (!fresh) this.db.prepare('DELETE FROM node_text WHERE rowid = ?').run(node.seq);
    this.db
      .prepare('INSERT INTO node_text (rowid, name, title, description, content) VALUES (?,?,?,?,?)')
      .run(node.seq, node.name, textOf(props['cm:title']), textOf(props['cm:description']), contentText ?? existing?.content ?? '');
  }

  /** The text content a node's full-text row holds (a copy carries it over without reading the binary). */
  indexedContent(node: NodeRow): string | undefined {
    return (this.db.prepare('SELECT content FROM node_text WHERE rowid = ?').get(node.seq) as { content: string } | undefined)?.content;
  }

  unindex(seqs: number[]): void {
    const del = this.db.prepare('DELETE FROM node_text WHERE rowid = ?');
    for (const s of seqs) del.run(s);
  }
}

function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return Object.values(v as object).join(' ');
  return String(v);
}

/** Whether the kept rows hold `qname` as nothing or as one single value (ord -1), never as a list. */
function singleAtMost(rows: readonly { qname: string; ord: number }[], qname: string): boolean {
  for (const r of rows) if (r.qname === qname && r.ord !== -1) return false;
  return true;
}

/**
 * Whether `rows` (a node's property rows, ordered by qname and ord) hold `value` for `qname` exactly as
 * setProperties would write it. Only for values whose JSON says all that their rows hold (strings, booleans,
 * finite numbers, lists of them, none); any other value counts as changed.
 */
function storedAs(rows: readonly { qname: string; ord: number; json_value: string }[], qname: string, value: unknown): boolean {
  const plain = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  let expected: string[];
  let list = false;
  if (value === null || value === undefined) expected = [];
  else if (Array.isArray(value)) {
    if (!value.every(plain)) return false;
    expected = value.map((v) => JSON.stringify(v));
    list = true;
  } else if (plain(value)) expected = [JSON.stringify(value)];
  else return false;
  let i = 0;
  for (const r of rows) {
    if (r.qname !== qname) continue;
    if (i >= expected.length || r.ord !== (list ? i : -1) || r.json_value !== expected[i]) return false;
    i++;
  }
  return i === expected.length;
}

/** A property row's values in the table's column order (node_id, qname, ord, text_value, num_value, json_value). */
function propertyRow(seq: number, qname: string, ord: number, v: unknown): unknown[] {
  return [seq, qname, ord, ...indexable(v), JSON.stringify(v)];
}

/** The canonical text and numeric forms of a value, used by search, sorting and facets. */
function indexable(v: unknown): [string | null, number | null] {
  if (typeof v === 'number') return [String(v), v];
  if (typeof v === 'boolean') return [String(v), v ? 1 : 0];
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) {
      const t = Date.parse(v.replace(/\+0000$/, 'Z'));
      return [v, Number.isNaN(t) ? null : t];
    }
    return [v, null];
  }
  if (v && typeof v === 'object') return [JSON.stringify(v), null];
  return [null, null];
}

function uniqueNameClash(e: unknown, name: string): unknown {
  const err = e as { code?: string; message?: string };
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message?.includes('name_key')) return errors.duplicateName(name);
  return e;
}

/**
 * The key sibling names are unique on. Case is ignored as in ACS; the name is also NFC-normalised (ACS compares
 * code points) so that `café` typed precomposed and with a combining accent, which look the same, cannot both
 * exist in one folder.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** ISO 9075 encoding of a name for association QNames (spaces become _x0020_ …), as Alfresco does. */
export function iso9075(name: string): string {
  let out = '';
  [...name].forEach((ch, i) => {
    const valid = /[\p{L}_]/u.test(ch) || (i > 0 && /[\p{L}\p{N}\p{M}._-]/u.test(ch));
    out += valid ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
  });
  return out;
}

/** The node table's INTEGER columns (schema.sql); the others are TEXT. */
const INTEGER_COLUMNS = new Set(['seq', 'is_folder', 'is_file', 'inherits', 'acl_id', 'size']);

/** Whether SQLite stores `value` in node column `column` as it is, with no conversion by the column's affinity. */
function storedAsGiven(column: string, value: unknown): boolean {
  return value === null || (INTEGER_COLUMNS.has(column) ? Number.isSafeInteger(value) : typeof value === 'string');
}
