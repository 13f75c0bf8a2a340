import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import type { PersonRow } from '../services/authority-service';
import { errors } from '../errors/api-error';
import { HOST_OBJECT, JavaString, javaString, unwrapJava } from './java-host';

/**
 * The node objects repository JavaScript sees (Alfresco's ScriptNode), backed by the real node service:
 * every read goes to the database and every write is checked against the run-as user's permissions, in
 * the request's transaction. People and groups are not nodes here, so PersonNode and GroupNode stand in.
 * Members follow ScriptNode's Java signatures as Rhino shows them: String getters come back wrapped
 * (JavaString, typeof 'object'), boolean and number getters as JS primitives, Scriptable ones as JS arrays;
 * string arguments are converted with ToString as Rhino converts them for a Java String parameter.
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

/** Script values written to node properties: Java wrappers unwrapped, Dates as ISO text, nodes as their ids. */
function toPropertyValue(raw: unknown): unknown {
  const v = unwrapJava(raw);
  if (v === undefined) return null;
  if (isDate(v)) return v.toISOString();
  if (v instanceof ScriptNode) return v.nodeId;
  if (v instanceof PersonNode) return authorityOf(v);
  if (Array.isArray(v)) return v.map(toPropertyValue);
  return v;
}

/** Maps `userName`, `cm:userName` and `{uri}userName` to the prefixed form; bare names are cm:, as in ACS. */
function qnameOf(host: ScriptHost, given: unknown): string {
  const key = javaString(given);
  if (key.startsWith('{')) return host.ctx.dictionary.tryPrefix(key) ?? key;
  return key.includes(':') ? key : `cm:${key}`;
}

/**
 * A properties map readable and writable by short (`title`) or prefixed (`cm:title`) name. `convert` turns a
 * stored value into its script form when it is first read (a hand-over reads two properties of each note,
 * not all of them); a value set is kept as given.
 */
function propertiesProxy(
  host: ScriptHost,
  values: Record<string, unknown>,
  onSet?: (q: string, v: unknown) => void,
  convert?: (q: string, v: unknown) => unknown
): Record<string, unknown> {
  const ready = new Set<string>();
  return new Proxy(values, {
    get(target, key) {
      if (typeof key !== 'string') return undefined;
      const q = qnameOf(host, key);
      let v = target[q];
      if (convert && v !== undefined && !ready.has(q)) {
        target[q] = v = convert(q, v);
        ready.add(q);
      }
      return v === undefined ? null : v;
    },
    set(target, key, value) {
      if (typeof key !== 'string') return false;
      const q = qnameOf(host, key);
      target[q] = value;
      ready.add(q);
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
    /** The node's id for the runtime; scripts read `id`, a wrapped String. */
    readonly nodeId: string
  ) {}

  private get row(): NodeRow {
    const row = this.host.ctx.store.get(this.nodeId);
    if (!row) throw errors.notFound(this.nodeId);
    return row;
  }
  private wrap(row: NodeRow | undefined | null): ScriptNode | null {
    return row ? new ScriptNode(this.host, row.id) : null;
  }
  private readable(row: NodeRow): boolean {
    return this.host.ctx.permissions.has(this.host.caller, row, 'Read');
  }

  get id(): JavaString {
    return new JavaString(this.nodeId);
  }
  get nodeRef(): JavaString {
    return new JavaString(STORE_PREFIX + this.nodeId);
  }
  toString(): string {
    return STORE_PREFIX + this.nodeId;
  }
  exists(): boolean {
    return !!this.host.ctx.store.get(this.nodeId);
  }
  get name(): JavaString {
    return new JavaString(this.row.name);
  }
  set name(value: unknown) {
    this.host.nodes.update(this.host.caller, this.row, { name: javaString(value) });
  }
  get type(): JavaString {
    return new JavaString(this.host.ctx.dictionary.expand(this.row.type));
  }
  get typeShort(): JavaString {
    return new JavaString(this.row.type);
  }
  /** The short type for the runtime (`bpm:package` …). */
  get typeName(): string {
    return this.row.type;
  }
  isSubType(type: unknown): boolean {
    return this.host.ctx.dictionary.isSubClassOf(this.row.type, javaString(type));
  }
  get isContainer(): boolean {
    return !!this.row.is_folder;
  }
  get isDocument(): boolean {
    return !!this.row.is_file;
  }
  get mimetype(): JavaString | null {
    return this.row.mime_type === null ? null : new JavaString(this.row.mime_type);
  }
  get size(): number {
    return this.row.size ?? 0;
  }
  get parent(): ScriptNode | null {
    const p = this.row.parent_id ? this.host.ctx.store.get(this.row.parent_id) : undefined;
    return p && this.readable(p) ? this.wrap(p) : null;
  }

  /**
   * Current values plus unsaved changes, converted as ScriptNode.getProperties converts them (ValueConverter
   * .convertValueForScript): dates as Date objects, node references (d:noderef, d:category) as ScriptNodes,
   * with no check that the node exists or is readable, and multi-valued ones as arrays of those.
   */
  get properties(): Record<string, unknown> {
    if (!this.cachedProps) {
      const raw = this.host.ctx.store.properties(this.nodeId);
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
      this.cachedProps = propertiesProxy(
        this.host,
        values,
        (q, v) => (this.changed[q] = v),
        (q, v) => this.scriptValue(q, v)
      );
    }
    return this.cachedProps;
  }

  /** A stored property value as scripts read it: dates as Date, node references as ScriptNode. */
  private scriptValue(q: string, v: unknown): unknown {
    const dt = this.host.ctx.dictionary.getProperty(q)?.dataType;
    if ((dt === 'd:date' || dt === 'd:datetime') && typeof v === 'string') return new Date(v.replace(/\+0000$/, 'Z'));
    if (dt === 'd:noderef' || dt === 'd:category') {
      const node = (ref: unknown) => (typeof ref === 'string' && ref ? new ScriptNode(this.host, nodeIdOf(ref)) : ref);
      return Array.isArray(v) ? v.map(node) : node(v);
    }
    return v;
  }

  /** Forgets what was read and not saved (ScriptNode.reset(), which ScriptAction.execute calls on its node). */
  reset(): void {
    this.changed = {};
    this.cachedProps = undefined;
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
    return this.host.ctx.store.aspects(this.nodeId).map((a) => this.host.ctx.dictionary.expand(a));
  }
  hasAspect(aspect: string): boolean {
    return this.host.ctx.store.aspects(this.nodeId).includes(qnameOf(this.host, aspect));
  }
  addAspect(aspect: string, props?: Record<string, unknown>): boolean {
    const q = qnameOf(this.host, aspect);
    const properties = props
      ? Object.fromEntries(Object.entries(props).map(([k, v]) => [qnameOf(this.host, k), toPropertyValue(v)]))
      : undefined;
    this.host.nodes.update(this.host.caller, this.row, { aspectNames: [...this.host.ctx.store.aspects(this.nodeId), q], properties });
    this.cachedProps = undefined;
    return true;
  }
  removeAspect(aspect: string): boolean {
    const q = qnameOf(this.host, aspect);
    this.host.nodes.update(this.host.caller, this.row, { aspectNames: this.host.ctx.store.aspects(this.nodeId).filter((a) => a !== q) });
    this.cachedProps = undefined;
    return true;
  }

  get children(): ScriptNode[] {
    const rows = this.host.ctx.store.liveChildrenByName(this.nodeId);
    const secondary = this.host.ctx.store.associations.secondaryChildren(this.nodeId);
    return [...rows, ...secondary].filter((r) => this.readable(r)).map((r) => new ScriptNode(this.host, r.id));
  }
  childByNamePath(path: unknown): ScriptNode | null {
    let row: NodeRow | undefined = this.row;
    for (const segment of javaString(path).split('/').filter(Boolean)) {
      row = this.host.ctx.store.childByName(row.id, segment);
      if (!row || !this.readable(row)) return null;
    }
    return this.wrap(row);
  }
  createNode(name: unknown, type: unknown, props?: Record<string, unknown>): ScriptNode {
    const properties = props
      ? Object.fromEntries(Object.entries(props).map(([k, v]) => [qnameOf(this.host, k), toPropertyValue(v)]))
      : undefined;
    return this.wrap(
      this.host.nodes.create(this.host.caller, this.row, { name: javaString(name), nodeType: qnameOf(this.host, type), properties })
    )!;
  }
  createFolder(name: unknown): ScriptNode {
    return this.createNode(name, 'cm:folder');
  }
  createFile(name: unknown): ScriptNode {
    return this.createNode(name, 'cm:content');
  }
  remove(): boolean {
    this.host.nodes.delete(this.host.caller, this.row, false);
    return true;
  }
  /**
   * ScriptNode.specializeType: the node becomes `type` when that is a subtype of its own (true), otherwise
   * nothing changes (false), as Alfresco's ScriptNode does (it calls NodeService.setType only for a subtype).
   */
  specializeType(type: unknown): boolean {
    const row = this.row;
    const wanted = this.host.ctx.dictionary.tryPrefix(javaString(type)) ?? javaString(type);
    if (wanted === row.type || !this.host.ctx.dictionary.isSubClassOf(wanted, row.type)) return false;
    this.host.nodes.update(this.host.caller, row, { nodeType: wanted });
    this.cachedProps = undefined;
    return true;
  }
  move(destination: ScriptNode): boolean {
    this.host.nodes.move(this.host.caller, this.row, destination.row);
    return true;
  }
  copy(destination: ScriptNode): ScriptNode {
    return this.wrap(this.host.nodes.copy(this.host.caller, this.row, destination.row))!;
  }

  get content(): JavaString {
    const url = this.row.content_url;
    return new JavaString(url ? this.host.ctx.content.readText(url) : '');
  }
  set content(given: unknown) {
    const text = javaString(given);
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
  hasPermission(permission: unknown): boolean {
    return this.host.ctx.permissions.has(this.host.caller, this.row, javaString(permission) as never);
  }
  /** A method, as ScriptNode.inheritsPermissions() is: read as a property it is a function, always truthy. */
  inheritsPermissions(): boolean {
    return !!this.row.inherits;
  }
  setInheritsPermissions(inherit: unknown): void {
    this.requireChangePermissions();
    this.host.nodes.setPermissions(this.nodeId, { isInheritanceEnabled: !!unwrapJava(inherit) });
  }
  setPermission(permission: unknown, authority?: unknown): void {
    this.requireChangePermissions();
    const role = javaString(permission);
    const who = authority === undefined || authority === null ? 'GROUP_EVERYONE' : javaString(authority);
    const current = this.host.ctx.permissions.localEntries(this.nodeId).filter((e) => !(e.authority === who && e.permission === role));
    const locallySet = current.map((e) => ({
      authorityId: e.authority,
      name: e.permission,
      accessStatus: e.allowed ? 'ALLOWED' : 'DENIED'
    }));
    locallySet.push({ authorityId: who, name: role, accessStatus: 'ALLOWED' });
    this.host.nodes.setPermissions(this.nodeId, { locallySet });
  }
  removePermission(permission: unknown, authority?: unknown): void {
    this.requireChangePermissions();
    const role = javaString(permission);
    const who = authority === undefined || authority === null ? 'GROUP_EVERYONE' : javaString(authority);
    const locallySet = this.host.ctx.permissions
      .localEntries(this.nodeId)
      .filter((e) => !(e.authority === who && e.permission === role))
      .map((e) => ({ authorityId: e.authority, name: e.permission, accessStatus: e.allowed ? 'ALLOWED' : 'DENIED' }));
    this.host.nodes.setPermissions(this.nodeId, { locallySet });
  }
  /**
   * "ALLOWED;authority;role" for every entry in force on the node, inherited ones included, as
   * ScriptNode.getPermissions() gives them (retrieveAllSetPermissions + getSortedACLs: a DENIED entry
   * drops the matching ALLOWED one and is not listed itself).
   */
  get permissions(): string[] {
    return this.setPermissions(false).map((e) => `ALLOWED;${e.authority};${e.permission}`);
  }
  /** Only the entries set on the node itself (ScriptNode.getDirectPermissions()). */
  get directPermissions(): string[] {
    return this.setPermissions(true).map((e) => `ALLOWED;${e.authority};${e.permission}`);
  }
  /** Every entry with where it comes from: "ALLOWED;authority;role;DIRECT|INHERITED" (getFullPermissions()). */
  get fullPermissions(): string[] {
    return this.setPermissions(false).map((e) => `ALLOWED;${e.authority};${e.permission};${e.direct ? 'DIRECT' : 'INHERITED'}`);
  }
  private setPermissions(directOnly: boolean): { authority: string; permission: string; direct: boolean }[] {
    const row = this.row;
    // effectiveEntries gives the ACL's own entries first, then the inherited ones, nearest first.
    const own = row.acl_id === row.seq ? this.host.ctx.permissions.localEntries(row.id) : [];
    const fromAbove = directOnly ? [] : this.host.ctx.permissions.effectiveEntries(row.acl_id).slice(own.length);
    const kept = new Map<string, { authority: string; permission: string; direct: boolean }>();
    // Farthest first, so that an entry set nearer (a DENIED one above all) has the last word.
    const ordered = [
      ...(directOnly ? [] : fromAbove.map((e) => ({ e, direct: false })).reverse()),
      ...own.map((e) => ({ e, direct: true }))
    ];
    for (const { e, direct } of ordered) {
      const key = `${e.authority}\u0000${e.permission}`;
      if (e.allowed) kept.set(key, { authority: e.authority, permission: e.permission, direct });
      else kept.delete(key);
    }
    return [...kept.values()];
  }
  private requireChangePermissions(): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'ChangePermissions');
  }
  setOwner(user: unknown): void {
    this.requireChangePermissions();
    const userName = javaString(user);
    // OwnableServiceImpl.setOwner writes cm:owner through NodeService: an update like any other, so the node's
    // cm:modifier becomes the fully authenticated user (AbstractNodeDAOImpl.updateNodeImpl).
    this.host.nodes.makeOwner(this.host.caller, this.nodeId, userName);
  }
  getOwner(): JavaString {
    const row = this.row;
    return new JavaString(row.owner ?? row.created_by);
  }

  // ---- peer associations: { 'cm:references': [ScriptNode …] }
  get assocs(): Record<string, ScriptNode[]> {
    return this.groupAssocs('targets');
  }
  get sourceAssocs(): Record<string, ScriptNode[]> {
    return this.groupAssocs('sources');
  }
  private groupAssocs(direction: 'targets' | 'sources'): Record<string, ScriptNode[]> {
    const rows = this.host.ctx.store.associations.peerLinks(direction, this.nodeId);
    const out: Record<string, ScriptNode[]> = {};
    for (const r of rows) {
      const other = this.host.ctx.store.get(r.other);
      if (other && this.readable(other)) (out[r.assoc_type] ??= []).push(new ScriptNode(this.host, r.other));
    }
    return propertiesProxy(this.host, out) as Record<string, ScriptNode[]>;
  }
  createAssociation(target: ScriptNode, assocType: unknown): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'Write');
    this.host.ctx.store.associations.add('peer', this.nodeId, target.nodeId, qnameOf(this.host, assocType));
  }
  removeAssociation(target: ScriptNode, assocType: unknown): void {
    this.host.ctx.permissions.require(this.host.caller, this.row, 'Write');
    this.host.ctx.store.associations.remove('peer', this.nodeId, target.nodeId, qnameOf(this.host, assocType));
  }
  equals(other: unknown): boolean {
    return other instanceof ScriptNode && other.nodeId === this.nodeId;
  }
}

/**
 * The user or group name a PersonNode or GroupNode stands for, under a symbol: ACS hands scripts a ScriptNode
 * of the person or group node, which has no `userName` or `authorityName` member (scripts read
 * `properties.userName` / `properties.authorityName`), so scripts must not find one here either.
 */
export const AUTHORITY = Symbol('authority');

/** The user name of a person, the authority name of a group, for the runtime. */
export function authorityOf(v: PersonNode | GroupNode): string {
  return v[AUTHORITY];
}

/** A person as scripts see it (people.getPerson, initiator, bpm_assignee): properties.userName, email … */
export class PersonNode {
  readonly properties: Record<string, unknown>;
  readonly [AUTHORITY]: string;
  constructor(host: ScriptHost, userName: string, row?: PersonRow) {
    this[AUTHORITY] = userName;
    const p = row ?? host.ctx.authorities.person(userName);
    this.found = !!p;
    const extra = p ? (JSON.parse(p.properties) as Record<string, unknown>) : {};
    const values: Record<string, unknown> = {
      'cm:userName': p?.id ?? userName,
      'cm:firstName': p?.first_name ?? '',
      'cm:lastName': p?.last_name ?? '',
      'cm:email': p?.email ?? '',
      // A d:noderef property reaches scripts as a ScriptNode (ValueConverter.convertValueForScript).
      'cm:homeFolder': p?.home_folder_id ? new ScriptNode(host, p.home_folder_id) : null
    };
    for (const k of ['jobTitle', 'location', 'telephone', 'mobile', 'organization'])
      if (extra[k] !== undefined) values[`cm:${k === 'jobTitle' ? 'jobtitle' : k}`] = extra[k];
    // The person node's other properties (an aspect's, e.g. eo:officer's eo:nameHi), as ACS's person ScriptNode has them.
    const own = extra['properties'];
    if (own && typeof own === 'object' && !Array.isArray(own))
      for (const [k, v] of Object.entries(own as Record<string, unknown>)) if (k.includes(':') && !(k in values)) values[k] = v;
    this.properties = propertiesProxy(host, values);
    if (p) this[AUTHORITY] = p.id;
  }
  private readonly found: boolean;
  get id(): string {
    return this[AUTHORITY];
  }
  get nodeRef(): string {
    return `${STORE_PREFIX}person-${this[AUTHORITY]}`;
  }
  get name(): string {
    return this[AUTHORITY];
  }
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style -- overrides ScriptNode's getter
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
  readonly [AUTHORITY]: string;
  constructor(host: ScriptHost, authorityName: string) {
    this[AUTHORITY] = authorityName;
    const g = host.ctx.authorities.group(authorityName);
    this.found = !!g;
    this.properties = propertiesProxy(host, {
      'cm:authorityName': authorityName,
      'cm:authorityDisplayName': g?.display_name ?? authorityName
    });
  }
  private readonly found: boolean;
  get id(): string {
    return this[AUTHORITY];
  }
  get name(): string {
    return this[AUTHORITY];
  }
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style -- overrides ScriptNode's getter
  get typeShort(): string {
    return 'cm:authorityContainer';
  }
  get nodeRef(): string {
    return `${STORE_PREFIX}group-${this[AUTHORITY]}`;
  }
  exists(): boolean {
    return this.found;
  }
  toString(): string {
    return this.nodeRef;
  }
}

// Java values recognise these objects by a mark on their prototypes (java-host.ts, HOST_OBJECT).
for (const host of [ScriptNode, PersonNode, GroupNode]) Object.defineProperty(host.prototype, HOST_OBJECT, { value: true });
