import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import type { PersonRow } from '../services/authority-service';
import { errors } from '../errors/api-error';

/**
 * The node objects repository JavaScript sees (Alfresco's ScriptNode), backed by the real node service:
 * every read goes to the database and every write is checked against the run-as user's permissions, in
 * the request's transaction. People and groups are not nodes here, so PersonNode and GroupNode stand in.
 */

export const STORE_PREFIX = 'workspace://SpacesStore/';

export interface ScriptHost {
  ctx: RepositoryContext;
  nodes: NodeService;
  caller: Caller;
}

export function nodeIdOf(ref: string): string {
  return ref.startsWith(STORE_PREFIX) ? ref.slice(STORE_PREFIX.length) : ref;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Script values written to node properties: Dates as ISO text, nodes as their ids. */
function toPropertyValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (isDate(v)) return v.toISOString();
  if (v instanceof ScriptNode) return v.id;
  if (v instanceof PersonNode) return v.userName;
  if (Array.isArray(v)) return v.map(toPropertyValue);
  return v;
}

/** Maps `userName`, `cm:userName` and `{uri}userName` to the prefixed form; bare names are cm:, as in ACS. */
function qnameOf(host: ScriptHost, key: string): string {
  if (key.startsWith('{')) return host.ctx.dictionary.tryPrefix(key) ?? key;
  return key.includes(':') ? key : `cm:${key}`;
}

/** A properties map readable and writable by short (`title`) or prefixed (`cm:title`) name. */
function propertiesProxy(
  host: ScriptHost,
  values: Record<string, unknown>,
  onSet?: (q: string, v: unknown) => void
): Record<string, unknown> {
  return new Proxy(values, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      const v = target[qnameOf(host, key)];
      return v === undefined ? null : v;
    },
    set(target, key, value) {
      if (typeof key !== 'string') return false;
      const q = qnameOf(host, key);
      target[q] = value;
      onSet?.(q, value);
      return true;
    },
    has: (target, key) => typeof key === 'string' && qnameOf(host, key) in target
  });
}

export class ScriptNode {
  private changed: Record<string, unknown> = {};
  private cachedProps?: Record<string, unknown>;

  constructor(
    private readonly host: ScriptHost,
    readonly id: string
  ) {}

  private get row(): NodeRow {
    const row = this.host.ctx.store.get(this.id);
    if (!row) throw errors.notFound(this.id);
    return row;
  }
  private wrap(row: NodeRow | undefined | null): ScriptNode | null {
    return row ? new ScriptNode(this.host, row.id) : null;
  }
  private readable(row: NodeRow): boolean {
    return this.host.ctx.permissions.has(this.host.caller, row, 'Read');
  }

  get nodeRef(): string {
    return STORE_PREFIX + this.id;
  }
  toString(): string {
    return this.nodeRef;
  }
  exists(): boolean {
    return !!this.host.ctx.store.get(this.id);
  }
  get name(): string {
    return this.row.name;
  }
  set name(value: string) {
    this.host.nodes.update(this.host.caller, this.row, { name: value });
  }
  get type(): string {
    return this.host.ctx.dictionary.expand(this.row.type);
  }
  get typeShort(): string {
    return this.row.type;
  }
  isSubType(type: string): boolean {
    return this.host.ctx.dictionary.isSubClassOf(this.row.type, type);
  }
  get isContainer(): boolean {
    return !!this.row.is_folder;
  }
  get isDocument(): boolean {
    return !!this.row.is_file;
  }
  get mimetype(): string | null {
    return this.row.mime_type;
  }
  get size(): number {
    return this.row.size ?? 0;
  }
  get parent(): ScriptNode | null {
    const p = this.row.parent_id ? this.host.ctx.store.get(this.row.parent_id) : undefined;
    return p && this.readable(p) ? this.wrap(p) : null;
  }

  /** Current values plus unsaved changes; dates come back as Date objects, as ScriptNode gives them. */
  get properties(): Record<string, unknown> {
    if (!this.cachedProps) {
      const raw = this.host.ctx.store.properties(this.id);
      const row = this.row;
      const values: Record<string, unknown> = {
        ...raw,
        'cm:name': row.name,
        'cm:created': row.created_at,
        'cm:creator': row.created_by,
        'cm:modified': row.modified_at,
        'cm:modifier': row.modified_by,
        'sys:node-uuid': row.id
      };
      for (const [q, v] of Object.entries(values)) {
        const dt = this.host.ctx.dictionary.getProperty(q)?.dataType;
        if ((dt === 'd:date' || dt === 'd:datetime') && typeof v === 'string') values[q] = new Date(v.replace(/\+0000$/, 'Z'));
      }
      this.cachedProps = propertiesProxy(this.host, values, (q, v) => (this.changed[q] = v));
    }
    return this.cachedProps;
  }

  /** Writes the property changes made through `properties` (ScriptNode.save()). */
  save(): ScriptNode {
    const props = Object.fromEntries(Object.entries(this.changed).map(([k, v]) => [k, toPropertyValue(v)]));
    const name = props['cm:name'];
    delete props['cm:name'];
    this.host.nodes.update(this.host.caller, this.row, { properties: props, ...(typeof name === 'string' ? { name } : {}) });
    this.changed = {};
    this.cachedProps = undefined;
    return this;
  }

  get aspects(): string[] {
    return this.host.ctx.store.aspects(this.id).map((a) => this.host.ctx.dictionary.expand(a));
  }
  hasAspect(aspect: string): boolean {
    return this.host.ctx.store.aspects(this.id).includes(qnameOf(this.host, aspect));
  }
  addAspect(aspect: string, props?: Record<string, unknown>): boolean {
    const q = qnameOf(this.host, aspect);
    const properties = props
      ? Object.fromEntries(Object.entries(props).map(([k, v]) => [qnameOf(this.host, k), toPropertyValue(v)]))
      : undefined;
    this.host.nodes.update(this.host.caller, this.row, { aspectNames: [...this.host.ctx.store.aspects(this.id), q], properties });
    this.cachedProps = undefined;
    return true;
  }
  removeAspect(aspect: string): boolean {
    const q = qnameOf(this.host, aspect);
    this.host.nodes.update(this.host.caller, this.row, { aspectNames: this.host.ctx.store.aspects(this.id).filter((a) => a !== q) });
    this.cachedProps = undefined;
    return true;
  }

  get children(): ScriptNode[] {
    const rows = this.host.ctx.db
      .prepare('SELECT * FROM node WHERE parent_id = ? AND archived_at IS NULL ORDER BY name_key')
      .all(this.id) as NodeRow[];
    const secondary = this.host.ctx.db
      .prepare(
        'SELECT n.* FROM child_assoc c JOIN node n ON n.id = c.child_id WHERE c.parent_id = ? AND n.archived_at IS NULL ORDER BY n.name_key'
      )
      .all(this.id) as NodeRow[];
    return [...rows, ...secondary].filter((r) => this.readable(r)).map((r) => new ScriptNode(this.host, r.id));
  }
  childByNamePath(path: string): ScriptNode | null {
    let row: NodeRow | undefined = this.row;
    for (const segment of path.split('/').filter(Boolean)) {
      row = this.host.ctx.store.childByName(row.id, segment);
      if (!row || !this.readable(row)) return null;
    }
    return this.wrap(row);
  }
  createNode(name: string, type: string, props?: Record<string, unknown>): ScriptNode {
    const properties = props
      ? Object.fromEntries(Object.entries(props).map(([k, v]) => [qnameOf(this.host, k), toPropertyValue(v)]))
      : undefined;
    return this.wrap(this.host.nodes.create(this.host.caller, this.row, { name, nodeType: qnameOf(this.host, type), properties }))!;
  }
  createFolder(name: string): ScriptNode {
    return this.createNode(name, 'cm:folder');
  }
  createFile(name: string): ScriptNode {
    return this.createNode(name, 'cm:content');
  }
  remove(): boolean {
    this.host.nodes.delete(this.host.caller, this.row, false);
    return true;
  }
  move(destination: ScriptNode): boolean {
    this.host.nodes.move(this.host.caller, this.row, destination.row);
    return true;
  }
  copy(destination: ScriptNode): ScriptNode {
    return this.wrap(this.host.nodes.copy(this.host.caller, this.row, destination.row))!;
  }

  get content(): string {
    const url = this.row.content_url;
    return url ? this.host.ctx.content.readText(url) : '';
  }
  set content(text: string) {
    const tempPath = join(this.host.ctx.content.path('store://'), '..', 'contentstore.tmp', randomUUID());
    const buf = Buffer.from(String(text), 'utf8');
    writeFileSync(tempPath, buf);
    this.host.nodes.putContent(
      this.host.caller,
      this.row,
      { staged: { tempPath, size: buf.length }, mimeType: this.row.mime_type ?? 'text/plain', text: String(text) },
      {}
    );
  }

  // ---- permissions and ownership
  hasPermission(permission: string): boolean {
    return this.host.ctx.permissions.has(this.host.caller, this.row, permission as never);
  }
  get inheritsPermissions(): boolean {
    return !!this.row.inherits;
  }
  setInheritsPermissions(inherit: boolean): void {
    this.requireChangePermissions();
    this.host.nodes.setPermissions(this.id, { isInheritanceEnabled: !!inherit });
  }
  setPermission(role: string, authority?: string): void {
    this.requireChangePermissions();
    const who = authority ?? 'GROUP_EVERYONE';
    const current = this.host.ctx.permissions.localEntries(this.id).filter((e) => !(e.authority === who && e.permission === role));
    const locallySet = current.map((e) => ({
      authorityId: e.authority,
      name: e.permission,
      accessStatus: e.allowed ? 'ALLOWED' : 'DENIED'
    }));
    locallySet.push({ authorityId: who, name: role, accessStatus: 'ALLOWED' });
    this.host.nodes.setPermissions(this.id, { locallySet });
  }
  removePermission(role: string, authority?: string): void {
    this.requireChangePermissions();
    const who = authority ?? 'GROUP_EVERYONE';
    const locallySet = this.host.ctx.permissions
      .localEntries(this.id)
      .filter((e) => !(e.authority === who && e.permission === role))
      .map((e) => ({ authorityId: e.authority, name: e.permission, accessStatus: e.allowed ? 'ALLOWED' : 'DENIED' }));
    this.host.nodes.setPermissions(this.id, { locallySet });
  }
  /** "ALLOWED;authority;role" strings, as ScriptNode.getPermissions() gives them. */
  get permissions(): string[] {
    return this.host.ctx.permissions.localEntries(this.id).map((e) => `${e.allowed ? 'ALLOWED' : 'DENIED'};${e.authority};${e.permission}`);
  }
  private requireChangePermissions(): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'ChangePermissions');
  }
  setOwner(userName: string): void {
    this.requireChangePermissions();
    this.host.ctx.store.update(this.id, { owner: userName });
    this.host.ctx.store.addAspects(this.id, ['cm:ownable']);
    this.host.ctx.store.setProperties(this.id, { 'cm:owner': userName });
  }
  getOwner(): string {
    const row = this.row;
    return row.owner ?? row.created_by;
  }

  // ---- peer associations: { 'cm:references': [ScriptNode …] }
  get assocs(): Record<string, ScriptNode[]> {
    return this.groupAssocs('SELECT target_id AS other, assoc_type FROM peer_assoc WHERE source_id = ?');
  }
  get sourceAssocs(): Record<string, ScriptNode[]> {
    return this.groupAssocs('SELECT source_id AS other, assoc_type FROM peer_assoc WHERE target_id = ?');
  }
  private groupAssocs(sql: string): Record<string, ScriptNode[]> {
    const rows = this.host.ctx.db.prepare(sql).all(this.id) as { other: string; assoc_type: string }[];
    const out: Record<string, ScriptNode[]> = {};
    for (const r of rows) {
      const other = this.host.ctx.store.get(r.other);
      if (other && this.readable(other)) (out[r.assoc_type] ??= []).push(new ScriptNode(this.host, r.other));
    }
    return propertiesProxy(this.host, out) as Record<string, ScriptNode[]>;
  }
  createAssociation(target: ScriptNode, assocType: string): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'Write');
    this.host.ctx.db
      .prepare('INSERT OR IGNORE INTO peer_assoc (source_id, target_id, assoc_type) VALUES (?,?,?)')
      .run(this.id, target.id, qnameOf(this.host, assocType));
  }
  removeAssociation(target: ScriptNode, assocType: string): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'Write');
    this.host.ctx.db
      .prepare('DELETE FROM peer_assoc WHERE source_id = ? AND target_id = ? AND assoc_type = ?')
      .run(this.id, target.id, qnameOf(this.host, assocType));
  }
  equals(other: unknown): boolean {
    return other instanceof ScriptNode && other.id === this.id;
  }
}

/** A person as scripts see it (people.getPerson, initiator, bpm_assignee): properties.userName, email … */
export class PersonNode {
  readonly properties: Record<string, unknown>;
  constructor(
    host: ScriptHost,
    readonly userName: string,
    row?: PersonRow
  ) {
    const p = row ?? host.ctx.authorities.person(userName);
    this.found = !!p;
    const extra = p ? (JSON.parse(p.properties) as Record<string, unknown>) : {};
    const values: Record<string, unknown> = {
      'cm:userName': p?.id ?? userName,
      'cm:firstName': p?.first_name ?? '',
      'cm:lastName': p?.last_name ?? '',
      'cm:email': p?.email ?? '',
      'cm:homeFolder': p?.home_folder_id ?? null
    };
    for (const k of ['jobTitle', 'location', 'telephone', 'mobile', 'organization'])
      if (extra[k] !== undefined) values[`cm:${k === 'jobTitle' ? 'jobtitle' : k}`] = extra[k];
    this.properties = propertiesProxy(host, values);
    if (p) this.userName = p.id;
  }
  private readonly found: boolean;
  get id(): string {
    return this.userName;
  }
  get nodeRef(): string {
    return `${STORE_PREFIX}person-${this.userName}`;
  }
  get name(): string {
    return this.userName;
  }
  get typeShort(): string {
    return 'cm:person';
  }
  exists(): boolean {
    return this.found;
  }
  toString(): string {
    return this.nodeRef;
  }
}

/** A group as scripts see it (people.getGroup, bpm_groupAssignee): properties.authorityName … */
export class GroupNode {
  readonly properties: Record<string, unknown>;
  constructor(
    host: ScriptHost,
    readonly authorityName: string
  ) {
    const g = host.ctx.authorities.group(authorityName);
    this.found = !!g;
    this.properties = propertiesProxy(host, {
      'cm:authorityName': authorityName,
      'cm:authorityDisplayName': g?.display_name ?? authorityName
    });
  }
  private readonly found: boolean;
  get id(): string {
    return this.authorityName;
  }
  get name(): string {
    return this.authorityName;
  }
  get typeShort(): string {
    return 'cm:authorityContainer';
  }
  get nodeRef(): string {
    return `${STORE_PREFIX}group-${this.authorityName}`;
  }
  exists(): boolean {
    return this.found;
  }
  toString(): string {
    return this.nodeRef;
  }
}
