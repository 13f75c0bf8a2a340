import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import type { RepositoryContext } from '../repository-context';
import type { CreateNodeRequest, NodeService } from '../node-service';
import type { NodeMapper } from '../node-mapper';
import { visibleAspects, visibleProperties } from '../node-mapper';
import { errors } from '../../errors/api-error';
import { FilePlanRoles, type Capability } from './file-plan-roles';

/** The records management site has one id, as in AGS (RMSitesImpl): every GS site call is about `rm`. */
export const RM_SITE_ID = 'rm';

export const RM = {
  site: 'rma:rmsite',
  filePlan: 'rma:filePlan',
  category: 'rma:recordCategory',
  folder: 'rma:recordFolder',
  unfiledContainer: 'rma:unfiledRecordContainer',
  unfiledFolder: 'rma:unfiledRecordFolder',
  holdContainer: 'rma:holdContainer',
  hold: 'rma:hold',
  transferContainer: 'rma:transferContainer',
  transfer: 'rma:transfer',
  schedule: 'rma:dispositionSchedule',
  step: 'rma:dispositionActionDefinition',
  nonElectronic: 'rma:nonElectronicDocument'
} as const;

/** The file plan's fixed containers (FilePlanServiceImpl's names) and the GS API's aliases for them. */
export const SPECIAL_CONTAINERS = [
  { alias: '-holds-', type: RM.holdContainer, name: 'Holds' },
  { alias: '-transfers-', type: RM.transferContainer, name: 'Transfers' },
  { alias: '-unfiled-', type: RM.unfiledContainer, name: 'Unfiled Records' }
] as const;

/** What a GS entity carries beyond its always-present fields (the `include` parameter). */
export type GsInclude = Set<string>;

/**
 * The file plan and its components as the GS REST API sees them: aliases, the endpoint type checks of
 * FilePlanComponentsApiUtils, the record identifier, and the JSON of each entity (ApiNodesModelFactory).
 * Services for schedules, records and holds build on it.
 */
export class FilePlanComponents {
  readonly roles: FilePlanRoles;

  constructor(
    readonly ctx: RepositoryContext,
    readonly nodes: NodeService,
    readonly mapper: NodeMapper
  ) {
    this.roles = new FilePlanRoles(ctx.authorities);
  }

  /** The file plan of site `rm` (its documentLibrary), or undefined before the RM site exists. */
  filePlan(): NodeRow | undefined {
    const site = this.ctx.sites.byId(RM_SITE_ID);
    if (!site) return undefined;
    return this.ctx.store.childByName(site.node_id, 'documentLibrary');
  }

  requireFilePlan(): NodeRow {
    const fp = this.filePlan();
    if (!fp) throw errors.notFound(RM_SITE_ID);
    return fp;
  }

  /** An id or one of the aliases `-filePlan-`, `-holds-`, `-transfers-`, `-unfiled-` (404 without an RM site). */
  resolve(idOrAlias: string): NodeRow {
    if (idOrAlias === '-filePlan-') return this.requireFilePlan();
    const special = SPECIAL_CONTAINERS.find((c) => c.alias === idOrAlias);
    if (special) {
      // By type, not name: a container may be renamed (PUT /transfer-containers/{id}), its alias stays.
      const row = this.ctx.store.liveChildren(this.requireFilePlan().id).find((n) => n.type === special.type);
      if (!row) throw errors.notFound(idOrAlias);
      return row;
    }
    const row = this.ctx.store.get(idOrAlias);
    if (!row) throw errors.notFound(idOrAlias);
    return row;
  }

  /**
   * lookupAndValidateNodeType: the endpoint's type, exactly (no subtypes); another type answers 400 with
   * AGS's message, naming the node's type as a full QName.
   */
  lookup(idOrAlias: string, type: string): NodeRow {
    const node = this.resolve(idOrAlias);
    if (node.type !== type) {
      const d = this.ctx.dictionary;
      throw errors.invalidArgument(
        `The given id:'${idOrAlias}' (nodeType:${d.expand(node.type)}) is not valid for this endpoint. Expected nodeType is:${d.expand(type)}`
      );
    }
    return node;
  }

  /** The file plan a component belongs to (its rma:rootNodeRef), or the one of site rm. */
  filePlanOf(node: NodeRow): NodeRow {
    const root = this.ctx.store.properties(node.id)['rma:rootNodeRef'];
    if (typeof root === 'string') {
      const fp = this.ctx.store.get(root.replace(/^workspace:\/\/SpacesStore\//, ''));
      if (fp) return fp;
    }
    return this.requireFilePlan();
  }

  /** Reading anything in the file plan needs a file plan role (RM method security: 403 otherwise). */
  requireCapability(caller: Caller, node: NodeRow, capability: Capability): void {
    if (caller.isAdmin) return;
    this.roles.require(caller, this.filePlanOf(node).id, capability);
  }

  can(caller: Caller, node: NodeRow, capability: Capability): boolean {
    return caller.isAdmin || this.roles.has(caller, this.filePlanOf(node).id, capability);
  }

  has(node: NodeRow, aspect: string): boolean {
    return this.ctx.store.aspects(node.id).includes(aspect);
  }

  isRecord(node: NodeRow): boolean {
    return !!node.is_file && this.has(node, 'rma:record');
  }

  isFrozen(node: NodeRow): boolean {
    return this.has(node, 'rma:frozen');
  }

  /**
   * Marks a new component as AGS's behaviours do on creation: the file plan it belongs to and a unique
   * identifier, `<year>-<database id, ten digits>` (BasicIdentifierGenerator).
   */
  stamp(node: NodeRow, filePlanId: string): void {
    const props: Record<string, unknown> = { 'rma:rootNodeRef': `workspace://SpacesStore/${filePlanId}` };
    const aspects = new Set(this.ctx.store.aspects(node.id));
    const needsIdentifier = this.ctx.dictionary
      .mandatoryAspects(node.type)
      .concat([...aspects])
      .some((a) => a === 'rma:recordComponentIdentifier');
    if (needsIdentifier) props['rma:identifier'] = identifierOf(node);
    if (!aspects.has('rma:filePlanComponent')) this.ctx.store.addAspects(node.id, ['rma:filePlanComponent']);
    this.ctx.store.setProperties(node.id, props);
  }

  /**
   * Creates a file plan component with the caller as creator. Permission is the capability the caller's
   * role gives, checked by the service before this; ACLs on the file plan give the same to the core API.
   */
  createComponent(
    caller: Caller,
    parent: NodeRow,
    req: {
      name: string;
      nodeType: string;
      properties?: Record<string, unknown>;
      aspectNames?: string[];
      autoRename?: boolean;
      assocQName?: string;
      /** The content of a record uploaded with it (multipart POST /record-folders/{id}/records). */
      content?: CreateNodeRequest['content'];
    }
  ): NodeRow {
    const identifierPlaceholder = req.nodeType === RM.schedule || req.nodeType === RM.step ? {} : { 'rma:identifier': '-' };
    const created = this.nodes.create(caller, parent, {
      name: req.name,
      nodeType: req.nodeType,
      properties: { ...identifierPlaceholder, ...(req.properties ?? {}) },
      aspectNames: req.aspectNames,
      autoRename: req.autoRename,
      ...(req.content ? { content: req.content } : {}),
      system: req.assocQName ? { assocQName: req.assocQName } : {}
    });
    this.stamp(created, this.filePlanOf(parent).id);
    return this.ctx.store.get(created.id)!;
  }

  /** The fields every GS entity shares (FilePlanComponent in ApiNodesModelFactory). */
  baseJson(caller: Caller, node: NodeRow, include: GsInclude): Record<string, unknown> {
    const out: Record<string, unknown> = {
      id: node.id,
      parentId: node.parent_id ?? undefined,
      name: node.name,
      nodeType: node.type,
      createdAt: node.created_at,
      createdByUser: this.mapper.userInfo(node.created_by),
      modifiedAt: node.modified_at,
      modifiedByUser: this.mapper.userInfo(node.modified_by)
    };
    if (include.has('aspectNames')) out.aspectNames = visibleAspects(this.ctx.store.aspects(node.id));
    if (include.has('properties')) out.properties = visibleProperties(this.ctx.store.properties(node.id));
    if (include.has('path')) out.path = this.mapper.path(caller, node);
    if (include.has('allowableOperations')) out.allowableOperations = this.allowableOperations(caller, node);
    return out;
  }

  /**
   * getAllowableOperations of FilePlanComponentsApiUtils: delete except on the fixed containers, create on
   * container kinds, update — each by the caller's capability.
   */
  allowableOperations(caller: Caller, node: NodeRow): string[] {
    const ops: string[] = [];
    const fixed = [RM.filePlan, RM.holdContainer, RM.transferContainer, RM.unfiledContainer] as string[];
    const containers = [RM.filePlan, RM.category, RM.folder, RM.unfiledContainer, RM.unfiledFolder, RM.holdContainer] as string[];
    const manage = this.can(caller, node, node.type === RM.folder ? 'CreateModifyDestroyFolders' : 'CreateModifyDestroyFileplanMetadata');
    if (!fixed.includes(node.type) && (this.isRecord(node) ? this.can(caller, node, 'DeleteRecords') : manage)) ops.push('delete');
    if (containers.includes(node.type) && manage) ops.push('create');
    if (this.isRecord(node) ? this.can(caller, node, 'EditRecordMetadata') : manage) ops.push('update');
    return ops;
  }

  categoryJson(caller: Caller, node: NodeRow, include: GsInclude, asChild = false): Record<string, unknown> {
    const out = this.baseJson(caller, node, include);
    if (include.has('hasRetentionSchedule')) out.hasRetentionSchedule = !!this.scheduleOf(node);
    if (asChild) {
      if (include.has('isRecordCategory')) out.isRecordCategory = node.type === RM.category;
      if (include.has('isRecordFolder')) out.isRecordFolder = node.type === RM.folder;
      if (include.has('isClosed') && node.type === RM.folder) out.isClosed = this.isClosed(node);
    }
    return out;
  }

  folderJson(caller: Caller, node: NodeRow, include: GsInclude): Record<string, unknown> {
    const out = this.baseJson(caller, node, include);
    if (include.has('isClosed')) out.isClosed = this.isClosed(node);
    return out;
  }

  recordJson(caller: Caller, node: NodeRow, include: GsInclude): Record<string, unknown> {
    const out = this.baseJson(caller, node, include);
    if (include.has('isCompleted')) out.isCompleted = this.has(node, 'rma:declaredRecord');
    if (include.has('content') && node.type !== RM.nonElectronic) {
      const core = this.mapper.toJson(caller, node, { include: new Set() });
      if (core.content) out.content = core.content;
    }
    return out;
  }

  isClosed(folder: NodeRow): boolean {
    return this.ctx.store.properties(folder.id)['rma:isClosed'] === true;
  }

  /** The retention schedule that governs a category: its own, else the nearest ancestor's (getDispositionSchedule). */
  scheduleOf(category: NodeRow): NodeRow | undefined {
    for (
      let node: NodeRow | undefined = category;
      node && node.type === RM.category;
      node = node.parent_id ? this.ctx.store.get(node.parent_id) : undefined
    ) {
      const own = this.ownSchedule(node);
      if (own) return own;
    }
    return undefined;
  }

  ownSchedule(category: NodeRow): NodeRow | undefined {
    const id = this.ctx.store.childIdByAssocQName(category.id, SCHEDULE_ASSOC);
    return id ? this.ctx.store.get(id) : undefined;
  }

  /** The steps of a schedule in the order they were added (the order of rma:dispositionActionDefinitions). */
  stepsOf(schedule: NodeRow): NodeRow[] {
    return this.ctx.store
      .liveChildren(schedule.id)
      .filter((n) => n.type === RM.step)
      .sort((a, b) => a.seq - b.seq);
  }
}

/**
 * AGS keeps a category's schedule on the child association rma:dispositionSchedule, named
 * cm:dispositionSchedule; the node has no name of its own (its cm:name is its id), so no child a user names
 * can clash with it. This repository keeps one association QName per child, the name.
 */
export const SCHEDULE_ASSOC = 'cm:dispositionSchedule';

/** AGS's record identifier: the year and the node's database id (BasicIdentifierGenerator). */
export function identifierOf(node: NodeRow): string {
  return `${new Date().getUTCFullYear()}-${String(node.seq).padStart(10, '0')}`;
}
