import type { NodeRow } from '../persistence/node-row';
import type { Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import { SETTABLE_ROLES } from './permission-service';

/** What a node entry carries beyond the always-present fields (the `include` parameter). */
export interface NodeView {
  include: Set<string>;
  /** GET/POST/PUT of a single node return aspectNames and properties by default, listings do not. */
  full?: boolean;
  /** Children listings report the association to the parent when include=association. */
  association?: { assocType: string; isPrimary: boolean };
}

const MIME_NAMES: Record<string, string> = {
  'application/pdf': 'Adobe PDF Document',
  'text/plain': 'Plain Text',
  'text/html': 'HTML',
  'text/xml': 'XML',
  'application/json': 'JSON',
  'image/png': 'PNG Image',
  'image/jpeg': 'JPEG Image',
  'image/tiff': 'TIFF Image',
  'application/octet-stream': 'Binary File (Octet Stream)',
  'application/msword': 'Microsoft Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Microsoft Word 2007',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Microsoft Excel 2007'
};

/**
 * ACS hides the system namespace from the REST API: NodesImpl's EXCLUDED_NS (sys:) drops sys: aspects and
 * properties from every Node it maps, path elements included, and refuses them in requests.
 */
export const HIDDEN_PREFIX = 'sys:';
export const isHiddenQName = (qname: string): boolean => qname.startsWith(HIDDEN_PREFIX);

/** The aspects of a node as the API shows them (no sys: aspects). */
export function visibleAspects(aspects: string[]): string[] {
  return aspects.filter((a) => !isHiddenQName(a));
}

/** The properties of a node as the API shows them: no sys: properties, and no empty strings (ACS maps them to absent). */
export function visibleProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !isHiddenQName(k) && v !== ''));
}

/** Turns node rows into the `Node` JSON of the core API. */
export class NodeMapper {
  constructor(private readonly ctx: RepositoryContext) {}

  userInfo(id: string): { id: string; displayName: string } {
    return { id, displayName: this.ctx.authorities.displayName(id) };
  }

  toJson(caller: Caller, node: NodeRow, view: NodeView): Record<string, unknown> {
    const { store, permissions } = this.ctx;
    const out: Record<string, unknown> = {
      id: node.id,
      name: node.name,
      nodeType: node.type,
      isFolder: !!node.is_folder,
      isFile: !!node.is_file,
      modifiedAt: node.modified_at,
      modifiedByUser: this.userInfo(node.modified_by),
      createdAt: node.created_at,
      createdByUser: this.userInfo(node.created_by)
    };
    const parentId = node.parent_id ?? node.archived_parent_id;
    if (parentId) out.parentId = parentId;
    if (node.is_file) {
      out.content = {
        mimeType: node.mime_type ?? 'application/octet-stream',
        mimeTypeName: MIME_NAMES[node.mime_type ?? ''] ?? node.mime_type ?? 'Binary',
        sizeInBytes: node.size ?? 0,
        encoding: node.encoding ?? 'UTF-8'
      };
    }
    const inc = view.include;
    // NodesImpl.mapFromNodeAspects/mapFromNodeProperties answer null when nothing is left after the exclusions,
    // so an empty list or map is left out of the JSON rather than sent empty.
    if (view.full || inc.has('aspectNames')) {
      const aspects = visibleAspects(store.aspects(node.id));
      if (aspects.length) out.aspectNames = aspects;
    }
    if (view.full || inc.has('properties')) {
      const props = visibleProperties(store.properties(node.id));
      if (node.owner) props['cm:owner'] = this.userInfo(node.owner);
      if (Object.keys(props).length) out.properties = props;
    }
    if (inc.has('isLink')) out.isLink = node.type === 'app:filelink' || node.type === 'app:folderlink';
    if (inc.has('isLocked')) out.isLocked = !!node.locked_by;
    if (inc.has('isFavorite')) out.isFavorite = this.ctx.favorites.isFavorite(caller.userId, node.id);
    if (inc.has('allowableOperations')) out.allowableOperations = permissions.allowableOperations(caller, node);
    if (inc.has('path')) out.path = this.path(caller, node);
    // ACS reads them through PermissionService.getAllSetPermissions, which asks for ReadPermissions (owner,
    // Coordinator, administrator): without it NodesImpl catches the refusal and leaves the field out.
    if (inc.has('permissions') && permissions.has(caller, node, 'ReadPermissions')) out.permissions = this.permissionsInfo(node);
    if (inc.has('association') && view.association) out.association = view.association;
    if (inc.has('isDirectLinkEnabled')) out.isDirectLinkEnabled = false;
    return out;
  }

  path(caller: Caller, node: NodeRow): Record<string, unknown> {
    const chain = this.ctx.store.ancestors(node).filter((n) => n.id !== this.ctx.wellKnown.root);
    const elements = chain.map((n) => ({
      id: n.id,
      name: n.name,
      nodeType: n.type,
      aspectNames: visibleAspects(this.ctx.store.aspects(n.id))
    }));
    const isComplete = chain.every((n) => this.ctx.permissions.has(caller, n, 'Read'));
    return { name: '/' + chain.map((n) => n.name).join('/'), isComplete, elements };
  }

  permissionsInfo(node: NodeRow): Record<string, unknown> {
    const { permissions, store } = this.ctx;
    const toEntry = (a: { authority: string; permission: string; allowed: number }) => ({
      authorityId: a.authority,
      name: a.permission,
      accessStatus: a.allowed ? 'ALLOWED' : 'DENIED'
    });
    const local = permissions.localEntries(node.id).map(toEntry);
    let inherited: ReturnType<typeof toEntry>[] = [];
    if (node.inherits && node.parent_id) {
      const parent = store.getIncludingArchived(node.parent_id);
      if (parent) inherited = permissions.effectiveEntries(parent.acl_id).map(toEntry);
    }
    const siteRoles = store.aspects(node.id).includes('st:siteContainer') || node.type === 'st:site';
    const out: Record<string, unknown> = {
      isInheritanceEnabled: !!node.inherits,
      settable: siteRoles ? ['SiteManager', 'SiteCollaborator', 'SiteContributor', 'SiteConsumer', ...SETTABLE_ROLES] : SETTABLE_ROLES
    };
    if (inherited.length) out.inherited = inherited;
    if (local.length) out.locallySet = local;
    return out;
  }
}
