import type { NodeRow } from '../persistence/node-row';
import type { StagedContent } from '../persistence/content-store';
import { auditUser, type Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import { errors, ApiError } from '../errors/api-error';
import { alfDate } from '../util/alf-date';
import { DictionaryError } from '../dictionary';
import { recordAudit } from './audit';
import { guessMimeType } from './mime-types';

/** Node names: no * " < > \ / ? : |, no trailing dot or space (the cm:filename constraint). */
const INVALID_NAME = /[*"<>\\/?:|]|[. ]$/;
/**
 * Stricter than ACS's cm:filename, which lets these through: control characters (C0, DEL, C1), line and
 * paragraph separators, and the bidi marks, embeddings, overrides and isolates that make `txt.exe` display as
 * `exe.txt`. Devanagari's joiners (ZWJ, ZWNJ) stay allowed.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;
const MAX_NAME = 255;

/** Properties held in node columns or managed by the repository: never written through `properties`. */
const SYSTEM_PROPERTIES = new Set([
  'cm:name',
  'cm:created',
  'cm:creator',
  'cm:modified',
  'cm:modifier',
  'cm:content',
  'sys:node-uuid',
  'sys:store-protocol',
  'sys:store-identifier',
  'sys:node-dbid',
  'cm:lockOwner',
  'cm:lockType',
  'cm:lockLifetime',
  'cm:expiryDate',
  'cm:versionLabel',
  'cm:versionType'
]);

export interface CreateNodeRequest {
  name: string;
  nodeType: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
  relativePath?: string;
  autoRename?: boolean;
  content?: { staged: StagedContent; mimeType: string; encoding?: string; text?: string };
  versioningEnabled?: boolean;
  majorVersion?: boolean;
  versionComment?: string;
  /** Set by bootstrap and services that create system nodes (no permission check, fixed id). */
  system?: { id?: string; assocQName?: string; inherits?: boolean };
}

export interface UpdateNodeRequest {
  name?: string;
  nodeType?: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
  permissions?: { isInheritanceEnabled?: boolean; locallySet?: { authorityId: string; name: string; accessStatus?: string }[] };
}

/**
 * The node operations of the core API: creation, update, deletion to the trashcan, copy, move, locks,
 * content and versions. Every method checks the caller's permissions and the dictionary's rules, and
 * is called inside the request's transaction.
 */
export class NodeService {
  constructor(private readonly ctx: RepositoryContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** Resolves an id or alias (-root-, -my-, -shared-) and an optional relativePath below it. */
  resolve(caller: Caller, idOrAlias: string, relativePath?: string): NodeRow {
    let node: NodeRow;
    if (idOrAlias === '-root-') node = this.store.require(this.ctx.wellKnown.companyHome);
    else if (idOrAlias === '-shared-') node = this.store.require(this.ctx.wellKnown.shared);
    else if (idOrAlias === '-my-') {
      const home = this.ctx.authorities.person(caller.userId)?.home_folder_id;
      if (!home) throw errors.notFound('-my-');
      node = this.store.require(home);
    } else node = this.store.require(idOrAlias);
    if (relativePath) {
      for (const segment of relativePath.split('/').filter(Boolean)) {
        this.ctx.permissions.require(caller, node, 'Read');
        const child = this.store.childByName(node.id, segment);
        if (!child) throw errors.notFound(relativePath);
        node = child;
      }
    }
    return node;
  }

  /** The node at relativePath below parent, or undefined where a segment does not exist yet. */
  resolveOrNull(caller: Caller, parent: NodeRow, relativePath: string): NodeRow | undefined {
    let node: NodeRow | undefined = parent;
    for (const segment of relativePath.split('/').filter(Boolean)) {
      node = this.store.childByName(node.id, segment);
      if (!node) return undefined;
    }
    this.ctx.permissions.require(caller, node, 'Read');
    return node;
  }

  /** A node the caller may read; 403 when it exists but is unreadable, as ACS answers. */
  readable(caller: Caller, idOrAlias: string, relativePath?: string): NodeRow {
    const node = this.resolve(caller, idOrAlias, relativePath);
    this.ctx.permissions.require(caller, node, 'Read');
    return node;
  }

  validateName(name: unknown): string {
    if (typeof name !== 'string' || !name.trim()) throw errors.invalidArgument('Name is required');
    if (name.length > MAX_NAME) throw errors.invalidArgument(`Name is too long: ${name.length} characters (at most ${MAX_NAME})`);
    if (INVALID_NAME.test(name) || name === '.' || name === '..') throw errors.integrity(`Name contains invalid characters: ${name}`);
    if (UNSAFE_NAME.test(name))
      throw errors.integrity(`Name contains control or bidirectional formatting characters: ${JSON.stringify(name)}`);
    return name;
  }

  /** Creates a node (folder, content or any type) below `parent`, creating relativePath folders on the way. */
  create(caller: Caller, parent: NodeRow, req: CreateNodeRequest): NodeRow {
    const dictionary = this.ctx.dictionary;
    if (!parent.is_folder && !req.system) throw errors.invalidArgument(`Parent node is not a folder: ${parent.id}`);
    // With a relativePath, ACS checks CreateChildren only on the folder the path names (below), and the
    // starting node must only be readable to look the path up (NodesImpl.createNode → getOrCreatePath).
    if (!req.system) this.ctx.permissions.require(caller, parent, req.relativePath ? 'Read' : 'AddChildren');
    const name = this.validateName(req.name);
    const type = req.nodeType;
    if (!type) throw errors.invalidArgument('nodeType is required');
    if (!dictionary.getType(type)) throw errors.invalidArgument(`Unknown nodeType: ${type}`);
    if (dictionary.getAspect(type)) throw errors.invalidArgument(`${type} is an aspect, not a type`);
    const isFolder = dictionary.isSubClassOf(type, 'cm:folder');
    const isFile = dictionary.isSubClassOf(type, 'cm:content');
    if (req.content && !isFile) throw errors.invalidArgument(`Only content nodes can hold content: ${type}`);
    if (!isFolder && !isFile && !req.system && !dictionary.isSubClassOf(type, 'cm:cmobject'))
      throw errors.integrity(`Type is not a cm:cmobject: ${type}`);

    if (req.relativePath) {
      parent = this.ensureFolders(caller, parent, req.relativePath);
      // ACS creates in the folder the path names (NodesImpl.createNode: getOrCreatePath, then the
      // permission-checked NodeService.createNode), so that folder's CreateChildren decides, not the start's.
      if (!req.system) this.ctx.permissions.require(caller, parent, 'AddChildren');
    }

    for (const a of req.aspectNames ?? []) if (!dictionary.getAspect(a)) throw errors.invalidArgument(`Unknown aspect: ${a}`);
    const requested = { ...(req.properties ?? {}) };
    for (const key of Object.keys(requested)) if (SYSTEM_PROPERTIES.has(key) && !req.system) delete requested[key];
    const aspects = new Set<string>([...dictionary.mandatoryAspects(type), ...(req.aspectNames ?? [])]);
    for (const a of [...aspects]) for (const m of dictionary.mandatoryAspects(a)) aspects.add(m);
    aspects.add('cm:auditable');
    aspects.add('sys:referenceable');
    aspects.add('sys:localized');
    const checked = this.checkProperties(type, [...aspects], { ...requested, 'cm:name': name }, 'create');
    checked.aspectsToAdd.forEach((a) => aspects.add(a));
    // A node may be made with its owner named (cm:owner, which brings cm:ownable: DbNodeServiceImpl adds the
    // aspects its properties imply); NodeService.createNode asks CreateChildren only, nothing of ownership. The
    // owner column follows cm:owner (makeOwner), here in the row's INSERT.
    const owner = 'cm:owner' in checked.properties ? this.ownerNamed(checked.properties) : null;

    let finalName = name;
    if (req.autoRename) finalName = this.freeName(parent.id, name);
    const now = alfDate();
    const contentUrl = req.content ? this.ctx.content.commit(req.content.staged) : null;
    const versioned = !!req.content && req.versioningEnabled !== false && !req.system;
    if (versioned) aspects.add('cm:versionable');
    const node = this.store.insert({
      id: req.system?.id,
      type,
      parent_id: parent.id,
      name: finalName,
      assoc_qname: req.system?.assocQName,
      is_folder: isFolder ? 1 : 0,
      is_file: isFile ? 1 : 0,
      inherits: req.system?.inherits === false ? 0 : 1,
      ownAcl: req.system?.inherits === false,
      owner,
      created_at: now,
      created_by: auditUser(caller),
      modified_at: now,
      modified_by: auditUser(caller),
      content_url: contentUrl,
      mime_type: isFile ? (req.content?.mimeType ?? guessMimeType(finalName)) : null,
      encoding: isFile ? (req.content?.encoding ?? 'UTF-8') : null,
      size: isFile ? (req.content?.staged.size ?? 0) : null,
      locked_by: null,
      lock_type: null,
      lock_lifetime: null,
      lock_expires: null
    });
    this.store.addAspects(node.id, aspects);
    const props = { ...checked.properties };
    if (versioned) {
      props['cm:versionLabel'] = req.majorVersion === false ? '0.1' : '1.0';
      props['cm:versionType'] = req.majorVersion === false ? 'MINOR' : 'MAJOR';
    }
    // A node just made has no property or full-text row to replace.
    this.store.setProperties(node.id, props, true);
    this.store.index(node, props, req.content?.text, true);
    if (versioned) this.snapshotVersion(node.id, String(props['cm:versionLabel']), req.versionComment);
    recordAudit(this.ctx, caller, node.id, 'CREATE', { type, name: finalName });
    const created = this.store.get(node.id)!;
    for (const p of this.ctx.policies) p.onCreateNode?.(caller, created);
    return created;
  }

  private ensureFolders(caller: Caller, parent: NodeRow, relativePath: string): NodeRow {
    let current = parent;
    for (const segment of relativePath.split('/').filter(Boolean)) {
      const existing = this.store.childByName(current.id, segment);
      if (existing) {
        if (!existing.is_folder) throw errors.invalidArgument(`relativePath names a file, not a folder: ${segment}`);
        this.ctx.permissions.require(caller, existing, 'Read');
        current = existing;
      } else current = this.create(caller, current, { name: segment, nodeType: 'cm:folder' });
    }
    return current;
  }

  /** ACS's autoRename: "name.txt" becomes "name-1.txt", "name-2.txt" … until the name is free. */
  private freeName(parentId: string, name: string): string {
    if (!this.store.childByName(parentId, name)) return name;
    const dot = name.lastIndexOf('.');
    const base = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    for (let i = 1; ; i++) {
      const candidate = `${base}-${i}${ext}`;
      if (!this.store.childByName(parentId, candidate)) return candidate;
    }
  }

  checkProperties(
    type: string,
    aspects: string[],
    properties: Record<string, unknown>,
    mode: 'create' | 'update',
    current?: Record<string, unknown>
  ) {
    try {
      const result = this.ctx.dictionary.validateProperties({ type, aspects, properties, mode, current });
      // cm:name lives in the node row; it is validated here (cm:filename) but never stored as a property.
      delete result.properties['cm:name'];
      return result;
    } catch (e) {
      throw toApiError(e);
    }
  }

  update(caller: Caller, node: NodeRow, req: UpdateNodeRequest): NodeRow {
    const { dictionary, permissions } = this.ctx;
    const changesContentOrProps =
      req.name !== undefined || req.nodeType !== undefined || req.aspectNames !== undefined || req.properties !== undefined;
    if (changesContentOrProps) {
      permissions.require(caller, node, 'Write');
      this.requireUnlocked(caller, node);
    }
    if (req.permissions) permissions.require(caller, node, 'ChangePermissions');

    const fields: Partial<NodeRow> = {};
    if (req.name !== undefined && req.name !== node.name) {
      fields.name = this.validateName(req.name);
      if (node.id === this.ctx.wellKnown.companyHome) throw errors.permissionDenied();
    }
    let type = node.type;
    if (req.nodeType !== undefined && req.nodeType !== node.type) {
      if (!dictionary.getType(req.nodeType)) throw errors.invalidArgument(`Unknown nodeType: ${req.nodeType}`);
      // ACS only specialises: the new type must be a subtype of the current one.
      if (!dictionary.isSubClassOf(req.nodeType, node.type))
        throw errors.invalidArgument(`Cannot change type from ${node.type} to ${req.nodeType}: not a subtype`);
      type = req.nodeType;
      fields.type = type;
    }
    let aspects = this.store.aspects(node.id);
    const storedAspects = new Set(aspects);
    const removedAspects: string[] = [];
    if (req.aspectNames) {
      for (const a of req.aspectNames) if (!dictionary.getAspect(a)) throw errors.invalidArgument(`Unknown aspect: ${a}`);
      const keep = new Set(req.aspectNames);
      for (const m of dictionary.mandatoryAspects(type)) keep.add(m);
      for (const a of ['cm:auditable', 'sys:referenceable', 'sys:localized', 'cm:versionable', 'cm:lockable'])
        if (aspects.includes(a)) keep.add(a);
      removedAspects.push(...aspects.filter((a) => !keep.has(a)));
      aspects = [...keep];
    }
    const requested = { ...(req.properties ?? {}) };
    for (const key of Object.keys(requested)) if (SYSTEM_PROPERTIES.has(key)) delete requested[key];
    // Mandatory properties are checked on the node as it will be, so clearing one is refused.
    const stored = this.store.properties(node.id);
    const current = { ...stored, 'cm:name': fields.name ?? node.name };
    const checked = this.checkProperties(type, aspects, requested, 'update', current);
    this.changeOwnership(caller, node, checked.properties, fields);
    const allAspects = new Set([...aspects, ...checked.aspectsToAdd]);
    for (const a of [...allAspects]) for (const m of dictionary.mandatoryAspects(a)) allAspects.add(m);

    if (changesContentOrProps) {
      const before = { properties: stored };
      const changed = Object.fromEntries(
        Object.entries(checked.properties).filter(([q, v]) => JSON.stringify(v ?? null) !== JSON.stringify(before.properties[q] ?? null))
      );
      for (const p of this.ctx.policies) p.beforeUpdateNode?.(caller, node, { name: fields.name, properties: changed, removedAspects });
      fields.modified_at = alfDate();
      fields.modified_by = auditUser(caller);
      this.store.update(node.id, fields);
      if (removedAspects.length) {
        this.store.removeAspects(node.id, removedAspects);
        // Properties of a removed aspect go with it.
        const drop: Record<string, null> = {};
        for (const a of removedAspects) for (const p of dictionary.getAspect(a)?.properties ?? []) drop[p.name] = null;
        this.store.setProperties(node.id, drop);
      }
      // Only what changes is written: a listener re-setting a node's custody values on every hand-over
      // otherwise rewrote every aspect and property row of the item, and its full-text row, each time.
      this.store.addAspects(
        node.id,
        [...allAspects].filter((a) => !storedAspects.has(a))
      );
      this.store.setProperties(node.id, changed);
      const updated = this.store.get(node.id)!;
      if (fields.name !== undefined || removedAspects.length || 'cm:title' in changed || 'cm:description' in changed)
        this.store.index(updated, this.store.properties(node.id));
      recordAudit(this.ctx, caller, node.id, 'UPDATE', { name: updated.name });
      for (const p of this.ctx.policies) p.onUpdateNode?.(caller, updated, before);
    }
    if (req.permissions) this.setPermissions(node.id, req.permissions);
    return this.store.get(node.id)!;
  }

  /**
   * cm:owner is the node's ownership itself (OwnableServiceImpl.getOwner reads it where cm:ownable is applied,
   * and the owner holds FullControl), so ACS guards it beyond WriteProperties: a property map that changes it
   * needs TakeOwnership too (ACLEntryVoter's ACL_ITEM.0.cm:ownable.TakeOwnership on NodeService.addProperties,
   * public-services-security-context.xml, the fix of ALF-19234 "an Editor can take ownership"), held only by a
   * Coordinator and the owner: a Collaborator is refused with 403. The same value is no change and passes.
   * Here TakeOwnership is held by the same callers as ChangePermissions. NodesImpl.validatePropValues refuses
   * an owner who is not a person; removing the owner (null), which ACS fails with a 500, is a 400 here.
   * The owner column follows cm:owner (makeOwner), here in the node row's UPDATE.
   */
  private changeOwnership(caller: Caller, node: NodeRow, properties: Record<string, unknown>, fields: Partial<NodeRow>): void {
    if (!('cm:owner' in properties)) return;
    if (String(properties['cm:owner'] ?? '') === (node.owner ?? node.created_by)) return;
    this.ctx.permissions.require(caller, node, 'ChangePermissions');
    fields.owner = this.ownerNamed(properties);
  }

  /** The person `properties` name as owner (cm:owner, kept in their canonical case), refused when none is named or it is not a person. */
  private ownerNamed(properties: Record<string, unknown>): string {
    const owner = properties['cm:owner'];
    if (owner === null || owner === undefined || owner === '') throw errors.invalidArgument('cm:owner cannot be removed');
    const person = this.ctx.authorities.person(String(owner).toLowerCase());
    if (!person) throw errors.invalidArgument(`The owner ${String(owner)} is not a person`);
    properties['cm:owner'] = person.id;
    return person.id;
  }

  /**
   * Makes `owner` the node's owner as OwnableServiceImpl.setOwner does, an update by `caller` (cm:modifier): cm:owner,
   * with cm:ownable, and the owner column, which follows cm:owner (permission checks and search read it). Checks
   * nothing, as setPermissions: who may is asked by whoever calls. create and update write the same three within
   * the writes they make anyway (the column in the node row's INSERT or UPDATE, cm:ownable as the aspect cm:owner
   * implies, cm:owner among the properties), so that naming an owner costs no statement of its own.
   */
  makeOwner(caller: Caller, nodeId: string, owner: string): void {
    this.store.update(nodeId, { owner, modified_at: alfDate(), modified_by: auditUser(caller) });
    this.store.addAspects(nodeId, ['cm:ownable']);
    this.store.setProperties(nodeId, { 'cm:owner': owner });
  }

  setPermissions(nodeId: string, p: NonNullable<UpdateNodeRequest['permissions']>): void {
    const { permissions } = this.ctx;
    const node = this.store.require(nodeId);
    let entriesChanged = false;
    if (p.locallySet) {
      for (const ace of p.locallySet) {
        if (!ace || typeof ace.authorityId !== 'string' || typeof ace.name !== 'string')
          throw errors.invalidArgument('Each locallySet entry needs authorityId and name');
        if (!(ace.name in ROLE_NAMES)) throw errors.invalidArgument(`Unknown permission: ${ace.name}`);
        if (ace.accessStatus !== undefined && ace.accessStatus !== 'ALLOWED' && ace.accessStatus !== 'DENIED')
          throw errors.invalidArgument(`Invalid accessStatus: ${ace.accessStatus}`);
        const known =
          ace.authorityId === 'GROUP_EVERYONE' ||
          (ace.authorityId.startsWith('GROUP_')
            ? this.ctx.authorities.group(ace.authorityId)
            : this.ctx.authorities.person(ace.authorityId));
        if (!known) throw errors.invalidArgument(`Cannot set permissions on this node - unknown authority: ${ace.authorityId}`);
      }
      // The entries become exactly locallySet (the last of duplicates wins); only the difference is written,
      // and setting what is already set changes nothing, as PermissionService.setPermission leaves an
      // existing entry alone. Rewriting them all on each call cleared every permission answer remembered.
      const key = (authority: string, permission: string) => `${authority}\u0000${permission}`;
      const wanted = new Map(
        p.locallySet.map((ace) => [key(ace.authorityId, ace.name), { ace, allowed: ace.accessStatus === 'DENIED' ? 0 : 1 }])
      );
      const current = permissions.localEntries(nodeId);
      for (const c of current) {
        const w = wanted.get(key(c.authority, c.permission));
        if (w && w.allowed === c.allowed) wanted.delete(key(c.authority, c.permission));
        else if (!w) {
          permissions.acl.remove(nodeId, c.authority, c.permission);
          entriesChanged = true;
        }
      }
      for (const { ace, allowed } of wanted.values()) permissions.acl.put(nodeId, ace.authorityId, ace.name, allowed);
      if (wanted.size) entriesChanged = true;
    }
    const inherits = p.isInheritanceEnabled === undefined ? node.inherits : p.isInheritanceEnabled ? 1 : 0;
    if (!entriesChanged && inherits === node.inherits) return;
    if (inherits !== node.inherits) this.store.update(nodeId, { inherits });
    this.refreshAcl(nodeId);
    // New entries alone change no ACL's chain; starting or ending an own ACL, or switching inheritance, does.
    const wasDefining = node.acl_id === node.seq;
    if (inherits !== node.inherits || wasDefining !== (this.store.getIncludingArchived(nodeId)!.acl_id === node.seq))
      this.store.chains.changed(nodeId, wasDefining);
    permissions.invalidate();
  }

  /** Recomputes a node's ACL id after its entries or inheritance changed, and propagates it down. */
  refreshAcl(nodeId: string): void {
    const node = this.store.getIncludingArchived(nodeId)!;
    const hasEntries = this.ctx.permissions.acl.hasEntries(nodeId);
    const parent = node.parent_id ? this.store.getIncludingArchived(node.parent_id) : undefined;
    const wanted = hasEntries || !node.inherits || !parent ? node.seq : parent.acl_id;
    if (wanted !== node.acl_id) this.store.reassignAcl(node.id, node.acl_id, wanted);
  }

  requireUnlocked(caller: Caller, node: NodeRow): void {
    if (!node.locked_by) return;
    if (node.lock_expires && Date.parse(node.lock_expires.replace('+0000', 'Z')) < Date.now()) return;
    if (node.locked_by !== caller.userId || node.lock_type === 'READ_ONLY_LOCK')
      throw errors.locked(`Cannot perform operation since the node (id:${node.id}) is locked.`);
  }

  /** Deletes to the trashcan (the default) or permanently. */
  delete(caller: Caller, node: NodeRow, permanent: boolean): void {
    const { permissions, wellKnown } = this.ctx;
    if (Object.values(wellKnown).includes(node.id)) throw errors.permissionDenied('This node cannot be deleted');
    if (this.store.hasAspect(node.id, 'sys:undeletable')) throw errors.permissionDenied('This node cannot be deleted');
    permissions.require(caller, node, 'Delete');
    this.requireUnlocked(caller, node);
    if (permanent && !caller.isAdmin && !permissions.isOwner(caller, node) && !permissions.has(caller, node, 'Delete'))
      throw errors.permissionDenied();
    for (const p of this.ctx.policies) p.beforeDeleteNode?.(caller, node);
    const ids = this.store.subtreeIds(node.id);
    if (permanent) {
      this.purgeIds(ids);
    } else {
      // The archived root leaves its folder (freeing the name) but remembers it for restore; a deleted node
      // is no longer a favourite nor shared.
      this.store.trashcan.archive(node.id, ids, caller.userId, alfDate());
    }
    recordAudit(this.ctx, caller, node.id, permanent ? 'DELETE' : 'ARCHIVE', { name: node.name });
  }

  purgeIds(ids: string[]): void {
    this.store.trashcan.purge(ids);
    this.ctx.permissions.invalidate();
  }

  restore(caller: Caller, archived: NodeRow, targetParentId?: string): NodeRow {
    const parentId = targetParentId ?? archived.archived_parent_id;
    const parent = parentId ? this.store.get(parentId) : undefined;
    if (!parent) throw errors.notFoundMessage(`Original parent of ${archived.id} no longer exists; give targetParentId`);
    if (!caller.isAdmin && archived.archived_by !== caller.userId && !this.ctx.permissions.isOwner(caller, archived))
      throw errors.permissionDenied();
    this.ctx.permissions.require(caller, parent, 'AddChildren');
    const ids = this.store.subtreeIds(archived.id);
    this.store.update(archived.id, { parent_id: parent.id, archived_parent_id: null });
    this.store.trashcan.unarchive(ids);
    this.refreshAclAfterMove(archived.id);
    recordAudit(this.ctx, caller, archived.id, 'RESTORE', { name: archived.name });
    return this.store.get(archived.id)!;
  }

  private refreshAclAfterMove(nodeId: string): void {
    const node = this.store.getIncludingArchived(nodeId)!;
    if (node.acl_id !== node.seq) {
      const parent = node.parent_id ? this.store.get(node.parent_id) : undefined;
      if (parent) this.store.reassignAcl(node.id, node.acl_id, parent.acl_id);
    }
    this.store.chains.changed(nodeId, node.acl_id === node.seq);
    this.ctx.permissions.invalidate();
  }

  move(caller: Caller, node: NodeRow, target: NodeRow, newName?: string): NodeRow {
    const { permissions } = this.ctx;
    if (!target.is_folder) throw errors.invalidArgument(`Target is not a folder: ${target.id}`);
    permissions.require(caller, node, 'Delete');
    permissions.require(caller, target, 'AddChildren');
    this.requireUnlocked(caller, node);
    if (this.store.subtreeIds(node.id).includes(target.id)) throw errors.invalidArgument('Cannot move a node below itself');
    for (const p of this.ctx.policies) p.beforeMoveNode?.(caller, node, target);
    const fields: Partial<NodeRow> = { parent_id: target.id, modified_at: alfDate(), modified_by: auditUser(caller) };
    if (newName !== undefined) fields.name = this.validateName(newName);
    this.store.update(node.id, fields);
    this.refreshAclAfterMove(node.id);
    recordAudit(this.ctx, caller, node.id, 'MOVE', { target: target.id });
    return this.store.get(node.id)!;
  }

  copy(caller: Caller, node: NodeRow, target: NodeRow, newName?: string): NodeRow {
    if (!target.is_folder) throw errors.invalidArgument(`Target is not a folder: ${target.id}`);
    this.ctx.permissions.require(caller, target, 'AddChildren');
    const copy = this.copyTree(caller, node, target, newName ?? node.name);
    recordAudit(this.ctx, caller, copy.id, 'COPY', { source: node.id });
    return copy;
  }

  private copyTree(caller: Caller, source: NodeRow, target: NodeRow, name: string): NodeRow {
    const now = alfDate();
    const copy = this.store.insert({
      type: source.type,
      parent_id: target.id,
      name: this.validateName(name),
      is_folder: source.is_folder,
      is_file: source.is_file,
      inherits: 1,
      owner: null,
      created_at: now,
      created_by: auditUser(caller),
      modified_at: now,
      modified_by: auditUser(caller),
      // Binaries are immutable in the content store, so a copy can share the URL.
      content_url: source.content_url,
      mime_type: source.mime_type,
      encoding: source.encoding,
      size: source.size,
      locked_by: null,
      lock_type: null,
      lock_lifetime: null,
      lock_expires: null
    });
    const props = this.store.properties(source.id);
    for (const k of ['cm:lockOwner', 'cm:lockType', 'cm:lockLifetime', 'cm:versionLabel', 'cm:versionType']) delete props[k];
    this.store.addAspects(
      copy.id,
      this.store.aspects(source.id).filter((a) => a !== 'cm:lockable' && a !== 'cm:versionable')
    );
    this.store.addAspects(copy.id, ['cm:copiedfrom']);
    this.store.setProperties(copy.id, props);
    this.store.index(copy, props, this.store.indexedContent(source));
    this.store.associations.add('peer', copy.id, source.id, 'cm:original');
    for (const child of this.store.liveChildren(source.id))
      if (this.ctx.permissions.has(caller, child, 'Read')) this.copyTree(caller, child, copy, child.name);
    return this.store.get(copy.id)!;
  }

  lock(caller: Caller, node: NodeRow, body: { type?: string; lifetime?: string; timeToExpire?: number }): NodeRow {
    this.ctx.permissions.require(caller, node, 'Write');
    if (!node.is_file) throw errors.invalidArgument('Only content nodes can be locked');
    if (node.locked_by && node.locked_by !== caller.userId) this.requireUnlocked(caller, node);
    const type = body.type === 'FULL' ? 'READ_ONLY_LOCK' : 'WRITE_LOCK';
    if (body.type !== undefined && body.type !== 'FULL' && body.type !== 'ALLOW_OWNER_CHANGES')
      throw errors.invalidArgument(`Invalid lock type: ${body.type}`);
    const lifetime = body.lifetime ?? 'PERSISTENT';
    if (lifetime !== 'PERSISTENT' && lifetime !== 'EPHEMERAL') throw errors.invalidArgument(`Invalid lock lifetime: ${lifetime}`);
    const expires = body.timeToExpire && body.timeToExpire > 0 ? alfDate(Date.now() + body.timeToExpire * 1000) : null;
    this.store.update(node.id, { locked_by: caller.userId, lock_type: type, lock_lifetime: lifetime, lock_expires: expires });
    this.store.addAspects(node.id, ['cm:lockable']);
    this.store.setProperties(node.id, {
      'cm:lockOwner': caller.userId,
      'cm:lockType': type,
      'cm:lockLifetime': lifetime,
      'cm:expiryDate': expires
    });
    return this.store.get(node.id)!;
  }

  unlock(caller: Caller, node: NodeRow): NodeRow {
    if (!node.locked_by) throw errors.invalidArgument(`Node is not locked: ${node.id}`);
    if (node.locked_by !== caller.userId && !caller.isAdmin && !this.ctx.permissions.isOwner(caller, node))
      throw errors.permissionDenied('Only the lock owner can unlock the node');
    this.store.update(node.id, { locked_by: null, lock_type: null, lock_lifetime: null, lock_expires: null });
    this.store.removeAspects(node.id, ['cm:lockable']);
    this.store.setProperties(node.id, { 'cm:lockOwner': null, 'cm:lockType': null, 'cm:lockLifetime': null, 'cm:expiryDate': null });
    return this.store.get(node.id)!;
  }

  /** Replaces a file's content; a versionable node gets a new minor (or major) version. */
  putContent(
    caller: Caller,
    node: NodeRow,
    content: { staged: StagedContent; mimeType?: string; encoding?: string; text?: string },
    opts: { majorVersion?: boolean; comment?: string; name?: string }
  ): NodeRow {
    if (!node.is_file) throw errors.invalidArgument(`Node is not a file: ${node.id}`);
    this.ctx.permissions.require(caller, node, 'Write');
    this.requireUnlocked(caller, node);
    for (const p of this.ctx.policies) p.beforeUpdateNode?.(caller, node, { properties: {}, content: true });
    const fields: Partial<NodeRow> = {
      content_url: this.ctx.content.commit(content.staged),
      size: content.staged.size,
      mime_type: content.mimeType ?? node.mime_type,
      encoding: content.encoding ?? node.encoding,
      modified_at: alfDate(),
      modified_by: auditUser(caller)
    };
    if (opts.name !== undefined) fields.name = this.validateName(opts.name);
    this.store.update(node.id, fields);
    const props = this.store.properties(node.id);
    if (this.store.aspects(node.id).includes('cm:versionable')) {
      const label = nextVersion(String(props['cm:versionLabel'] ?? '1.0'), !!opts.majorVersion);
      this.store.setProperties(node.id, { 'cm:versionLabel': label, 'cm:versionType': opts.majorVersion ? 'MAJOR' : 'MINOR' });
      this.snapshotVersion(node.id, label, opts.comment);
    }
    const updated = this.store.get(node.id)!;
    this.store.index(updated, props, content.text ?? '');
    recordAudit(this.ctx, caller, node.id, 'UPDATE CONTENT', { size: content.staged.size });
    for (const p of this.ctx.policies) p.onUpdateNode?.(caller, updated, { properties: props });
    return updated;
  }

  /** Records the node's current state as a version (the history keeps every version, newest first). */
  snapshotVersion(nodeId: string, label: string, comment?: string): void {
    const node = this.store.get(nodeId)!;
    this.store.versions.snapshot(node, label, this.store.properties(nodeId), this.store.aspects(nodeId), comment);
  }

  revert(caller: Caller, node: NodeRow, label: string, majorVersion: boolean, comment?: string): NodeRow {
    this.ctx.permissions.require(caller, node, 'Write');
    this.requireUnlocked(caller, node);
    const v = this.store.versions.byLabel(node.id, label);
    if (!v) throw errors.notFound(label);
    const props = this.store.properties(node.id);
    const newLabel = nextVersion(String(props['cm:versionLabel'] ?? '1.0'), majorVersion);
    this.store.update(node.id, {
      content_url: v.content_url,
      mime_type: v.mime_type,
      encoding: v.encoding,
      size: v.size,
      modified_at: alfDate(),
      modified_by: auditUser(caller)
    });
    const old = JSON.parse(v.properties) as Record<string, unknown>;
    delete old['cm:versionLabel'];
    delete old['cm:versionType'];
    this.store.setProperties(node.id, { ...old, 'cm:versionLabel': newLabel, 'cm:versionType': majorVersion ? 'MAJOR' : 'MINOR' });
    this.snapshotVersion(node.id, newLabel, comment);
    return this.store.get(node.id)!;
  }
}

const ROLE_NAMES: Record<string, true> = Object.fromEntries(
  [
    'Consumer',
    'Editor',
    'Contributor',
    'Collaborator',
    'Coordinator',
    'SiteConsumer',
    'SiteContributor',
    'SiteCollaborator',
    'SiteManager',
    'Read',
    'Write',
    'Delete',
    'AddChildren',
    'ReadPermissions',
    'ChangePermissions',
    'All',
    'FullControl'
  ].map((r) => [r, true])
);

export function nextVersion(label: string, major: boolean): string {
  const [maj, min] = label.split('.').map(Number);
  return major ? `${maj + 1}.0` : `${maj}.${min + 1}`;
}

/**
 * Dictionary violations (data types, unknown or missing properties) answer 400. A value outside a property's
 * constraint (LIST, MINMAX, REGEX, LENGTH) answers 422, as on ACS: there the node service stores it and
 * IntegrityChecker (PropertiesIntegrityEvent.checkPropertyValues: "Invalid property value") fails the
 * transaction with an IntegrityException, which the v1 API maps to 422 (remote-api public-rest-context.xml).
 */
export function toApiError(e: unknown): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof DictionaryError && e.kind === 'constraintViolation') return errors.integrity(e.message);
  if (e instanceof DictionaryError) return errors.invalidArgument(e.message);
  return e;
}
