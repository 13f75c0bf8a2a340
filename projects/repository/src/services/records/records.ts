import type { Caller } from '../../auth/caller';
import { SYSTEM_CALLER } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { alfDate } from '../../util/alf-date';
import { ApiError, errors } from '../../errors/api-error';
import { RM, type FilePlanComponents } from './file-plan';
import type { Disposition } from './disposition';
import type { CreateNodeRequest } from '../node-service';
import { ROLE_PERMISSIONS } from '../permission-service';

const nodeRef = (id: string) => `workspace://SpacesStore/${id}`;

/** An action's AlfrescoRuntimeException: the message as AGS words it (a script meets it as its error). */
const actionFailed = (message: string) => new ApiError(500, 'framework.exception.ApiDefault', message);

/**
 * Records: made in a record folder, declared from a document anywhere, filed from Unfiled Records into a
 * folder, completed (AGS's "declared": rma:declaredRecord), as RecordServiceImpl and the GS records and
 * files endpoints do. What a record refuses afterwards (edits, content, deletion when frozen) is in
 * record-rules.ts, so that the core API meets the same rules.
 */
export class Records {
  constructor(
    private readonly fp: FilePlanComponents,
    private readonly disposition: Disposition
  ) {}

  private get store() {
    return this.fp.ctx.store;
  }

  /** validateRecord of FilePlanComponentsApiUtils: the records endpoints take records only (400). */
  lookup(caller: Caller, id: string): NodeRow {
    const node = this.fp.resolve(id);
    if (!this.fp.isRecord(node))
      throw errors.invalidArgument(`The given id:'${id}' is not valid for this endpoint. This endpoint only supports records.`);
    this.fp.requireCapability(caller, node, 'ViewRecords');
    return node;
  }

  /** POST /record-folders/{id}/records with a JSON body: a record filed in the folder at once. */
  createInFolder(caller: Caller, folderId: string, body: Record<string, unknown>, autoRename: boolean): NodeRow {
    const folder = this.fp.lookup(folderId, RM.folder);
    this.fp.requireCapability(caller, folder, 'CreateRecords');
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const nodeType = typeof body.nodeType === 'string' ? body.nodeType.trim() : '';
    if (!name || !nodeType) throw errors.invalidArgument('The properties name and nodeType are mandatory');
    if (!this.fp.ctx.dictionary.getType(nodeType)) throw errors.invalidArgument(`The given type:'${nodeType}' is invalid '`);
    // RecordFolderType's child rule, then its closed-folder rule (IntegrityException: 422).
    if (!this.fp.ctx.dictionary.isSubClassOf(nodeType, 'cm:content'))
      throw errors.integrity(`You can only create records in record folders and this was a ${nodeType}.`);
    if (this.fp.isClosed(folder)) throw errors.integrity("You can't add new items to a closed record folder.");
    const properties = body.properties && typeof body.properties === 'object' ? (body.properties as Record<string, unknown>) : {};
    const created = this.fp.createComponent(SYSTEM_CALLER, folder, {
      name,
      nodeType,
      properties,
      aspectNames: Array.isArray(body.aspectNames) ? (body.aspectNames as string[]) : undefined,
      autoRename
    });
    // Made by the system past the closed-folder check above; it is the caller's record.
    this.store.update(created.id, { created_by: caller.userId, modified_by: caller.userId, owner: caller.userId });
    return this.store.get(created.id)!;
  }

  /**
   * POST /record-folders/{id}/records with multipart/form-data (RecordFolderChildrenRelation's multipart
   * create, FilePlanComponentsApiUtils#uploadRecord): the `filedata` part becomes a filed record of
   * `nodeType` (cm:content unless given; only content types, 400), named by the `name` field or the part's
   * file name; the other `prefix:name` fields are its properties. Who may, and a closed folder, as for a
   * JSON body; a name taken is 409 unless autoRename.
   */
  uploadToFolder(
    caller: Caller,
    folderId: string,
    upload: { name: string; nodeType?: string; properties: Record<string, unknown>; content: CreateNodeRequest['content'] },
    autoRename: boolean
  ): NodeRow {
    const folder = this.fp.lookup(folderId, RM.folder);
    const nodeType = upload.nodeType || 'cm:content';
    const dictionary = this.fp.ctx.dictionary;
    if (!dictionary.getType(nodeType) || !dictionary.isSubClassOf(nodeType, 'cm:content')) {
      // AGS words the type as Java's QName.toString does: {namespace}localName.
      let full = nodeType;
      try {
        full = dictionary.expand(nodeType);
      } catch {
        // an unknown prefix: named as given
      }
      throw errors.invalidArgument(`Can only upload type of cm:content: ${full}`);
    }
    this.fp.requireCapability(caller, folder, 'CreateRecords');
    if (this.fp.isClosed(folder)) throw errors.integrity("You can't add new items to a closed record folder.");
    const created = this.fp.createComponent(SYSTEM_CALLER, folder, {
      name: upload.name,
      nodeType,
      properties: upload.properties,
      autoRename,
      content: upload.content
    });
    this.store.update(created.id, { created_by: caller.userId, modified_by: caller.userId, owner: caller.userId });
    return this.store.get(created.id)!;
  }

  /** Content just created in a record folder, by any API: a filed record under the folder's schedule. */
  fileNew(node: NodeRow): void {
    this.makeRecord(node, true);
    this.disposition.initialise(this.store.get(node.id)!);
  }

  /**
   * Content just created in Unfiled Records or an unfiled record folder, by any API: a record not yet filed
   * (RecordsManagementContainerType makes it one; it is filed later with POST /records/{id}/file).
   */
  makeUnfiled(node: NodeRow): void {
    this.makeRecord(node, false);
  }

  /**
   * rma:record and what comes with it; rma:dateFiled once the record is in a record folder. The record's
   * permissions are then set up from where it now is, as FilePlanPermissionServiceImpl#onAddRecord does
   * (setupPermissions with the record's primary parent): it inherits again, so the file plan's roles reach
   * it through its record folder and category, and the entries it carried are cleared (AGS keeps only its
   * in-place reader groups, which declare() sets afterwards).
   */
  private makeRecord(node: NodeRow, filed: boolean): void {
    this.fp.nodes.setPermissions(node.id, { isInheritanceEnabled: true, locallySet: [] });
    this.store.addAspects(
      node.id,
      ['rma:record', 'cm:titled', 'rma:recordComponentIdentifier', 'rma:commonRecordDetails', 'rma:filePlanComponent'].filter(
        (a) => !this.fp.has(node, a)
      )
    );
    this.fp.stamp(node, this.fp.filePlanOf(this.store.get(node.parent_id!)!).id);
    if (filed) this.store.setProperties(node.id, { 'rma:dateFiled': alfDate() });
  }

  /**
   * POST /files/{id}/declare: a document becomes a record (RecordServiceImpl#createRecord). It moves to
   * Unfiled Records, or to the given record folder, and unless hidden stays visible where it was through a
   * secondary link with its readers kept (AGS's in-place readers).
   */
  declare(caller: Caller, fileId: string, opts: { hideRecord: boolean; parentId?: string }): NodeRow {
    const filePlan = this.fp.filePlan();
    if (!filePlan)
      throw errors.integrity(
        'Cannot create record, because the default file plan cannot be determined. Make sure at least one file plan has been created.'
      );
    const target = opts.parentId ? this.fp.lookup(opts.parentId, RM.folder) : this.fp.resolve('-unfiled-');
    const doc = this.store.get(fileId);
    if (!doc) throw errors.notFound(fileId);
    const ref = nodeRef(doc.id);
    if (!this.fp.ctx.permissions.has(caller, doc, 'Read')) throw errors.notFound(fileId);
    if (!this.fp.ctx.permissions.has(caller, doc, 'Write'))
      throw errors.permissionDenied(
        `Cannot create record from document, because the user ${caller.userId} does not have Write permission on the document.`
      );
    if (!this.fp.ctx.dictionary.isSubClassOf(doc.type, 'cm:content'))
      throw errors.integrity(`Cannot create record, because ${ref} is not a supported type.`);
    if (this.fp.has(doc, 'rma:record')) throw errors.integrity(`Cannot create record, because ${ref} is already a record.`);
    if (this.fp.has(doc, 'cm:workingcopy')) throw errors.integrity(`Can node create record, because ${ref} is a working copy.`);
    if (opts.parentId) {
      if (this.fp.isClosed(target)) throw errors.integrity("You can't add new items to a closed record folder.");
      if (this.fp.isFrozen(target)) throw errors.integrity("You can't add new items to a frozen record folder.");
      this.fp.requireCapability(caller, target, 'CreateRecords');
    }
    const origin = doc.parent_id!;
    const readers = this.inPlaceReaders(doc);
    this.fp.nodes.move(SYSTEM_CALLER, doc, target);
    const moved = this.store.get(doc.id)!;
    this.makeRecord(moved, !!opts.parentId);
    this.appendIdentifierToName(this.store.get(doc.id)!);
    this.store.addAspects(doc.id, ['rma:recordOriginatingDetails']);
    this.store.setProperties(doc.id, {
      'rma:recordOriginatingUserId': caller.userId,
      'rma:recordOriginatingCreationDate': alfDate(),
      'rma:recordOriginatingLocation': nodeRef(origin)
    });
    if (opts.parentId) this.disposition.initialise(this.store.get(doc.id)!);
    if (!opts.hideRecord) {
      this.store.associations.add('secondary-child', origin, doc.id, 'cm:contains');
      // In-place readers: whoever could read the document still can (ExtendedSecurityServiceImpl#set, AGS's
      // ExtendedReaders), on top of what the record inherits from the file plan (makeRecord).
      this.fp.nodes.setPermissions(doc.id, {
        isInheritanceEnabled: true,
        locallySet: [...new Set([...readers, caller.userId])].map((authorityId) => ({ authorityId, name: 'Consumer' }))
      });
    }
    return this.store.get(doc.id)!;
  }

  /**
   * Who could read the document before it became a record (ExtendedPermissionService#getReadersAndWriters on
   * the document itself, its own entries and those it inherited): the authorities allowed a role that reads,
   * less one denied it. GROUP_EVERYONE is left out, as AGS never puts it into an in-place reader group
   * (ExtendedSecurityServiceImpl#createIPRGroup).
   */
  private inPlaceReaders(doc: NodeRow): string[] {
    const entries = this.fp.ctx.permissions.effectiveEntries(doc.acl_id);
    const denied = new Set(entries.filter((e) => !e.allowed).map((e) => e.authority));
    return entries
      .filter((e) => e.allowed && (ROLE_PERMISSIONS[e.permission] ?? []).includes('Read') && !denied.has(e.authority))
      .map((e) => e.authority)
      .filter((a) => a !== 'GROUP_EVERYONE');
  }

  /** POST /records/{id}/complete (RecordServiceImpl#complete and validateForCompletion). */
  complete(caller: Caller, recordId: string): NodeRow {
    const record = this.lookup(caller, recordId);
    this.fp.requireCapability(caller, record, 'DeclareRecords');
    if (this.fp.isFrozen(record)) throw errors.integrity('The record is frozen.');
    if (this.fp.has(record, 'rma:declaredRecord')) throw errors.integrity('The record is already completed.');
    if (this.missingMandatory(record).length) throw errors.integrity('The record has missing mandatory properties.');
    this.store.addAspects(record.id, ['rma:declaredRecord']);
    this.store.setProperties(record.id, { 'rma:declaredAt': alfDate(), 'rma:declaredBy': caller.userId });
    // A completed record has no owner: ownership would otherwise give its creator rights the file plan does not.
    this.store.update(record.id, { owner: null });
    return this.store.get(record.id)!;
  }

  private missingMandatory(record: NodeRow): string[] {
    const props = this.store.properties(record.id);
    return (
      this.fp.ctx.dictionary
        .propertiesOf(record.type, this.store.aspects(record.id))
        .filter((p) => p.mandatory && !p.protected && (props[p.name] === undefined || props[p.name] === null || props[p.name] === ''))
        // sys: values and the name and content columns are the repository's own, always present.
        .filter((p) => !p.name.startsWith('sys:') && p.name !== 'cm:name' && p.name !== 'cm:content')
        .map((p) => p.name)
    );
  }

  /** POST /records/{id}/file: a record in Unfiled Records moves into the folder; one already filed is linked. */
  file(caller: Caller, recordId: string, body: Record<string, unknown>): NodeRow {
    const record = this.lookup(caller, recordId);
    if (typeof body.targetParentId !== 'string' || !body.targetParentId) throw errors.invalidArgument('targetParentId is mandatory');
    const folder = this.fp.lookup(body.targetParentId, RM.folder);
    if (this.fp.isClosed(folder) || !this.fp.can(caller, folder, 'FileUnfiledRecords')) throw errors.permissionDenied();
    const parent = this.store.get(record.parent_id!)!;
    if (parent.type === RM.folder) {
      if (parent.id === folder.id || this.store.associations.secondaryParents(record.id).some((p) => p.id === folder.id))
        throw errors.internal('Cannot link a record to the same record folder more than once');
      this.store.associations.add('secondary-child', folder.id, record.id, 'cm:contains');
      return record;
    }
    if (this.store.childByName(folder.id, record.name)) throw errors.integrity(`Duplicate child name not allowed: ${record.name}`);
    this.fp.nodes.move(SYSTEM_CALLER, record, folder);
    this.store.setProperties(record.id, { 'rma:dateFiled': alfDate() });
    this.disposition.initialise(this.store.get(record.id)!);
    return this.store.get(record.id)!;
  }

  /**
   * RecordUtils.generateRecordIdentifier / appendIdentifierToName, as RecordServiceImpl#createRecord runs them:
   * a declared document is renamed `<name> (<identifier>)<.ext>` (its old name kept as rma:origionalName,
   * AGS's spelling), so records from different folders never clash by name in one record folder.
   */
  private appendIdentifierToName(record: NodeRow): void {
    const identifier = this.store.properties(record.id)['rma:identifier'];
    if (typeof identifier !== 'string' || !identifier || record.name.includes(` (${identifier})`)) return;
    const dot = record.name.lastIndexOf('.');
    const [prefix, postfix] = dot > 0 ? [record.name.slice(0, dot), record.name.slice(dot)] : [record.name, ''];
    this.store.setProperties(record.id, { 'rma:origionalName': record.name });
    this.fp.nodes.update(SYSTEM_CALLER, record, { name: `${prefix} (${identifier})${postfix}` });
  }

  // ------------------------------------------------------------------ the records actions scripts run
  // (ScriptActionService: actions.create(name).execute(node); workflow/script-actions.ts). Each does what
  // AGS's action executer does when the core ActionService runs it, refusing and ignoring alike.

  /**
   * CreateRecordAction (`create-record`, amps/ags/…/action/dm/CreateRecordAction.java): the document becomes a
   * record (RecordServiceImpl#createRecord) in Unfiled Records, or, with `path`, in the record folder that
   * path names under the file plan (RecordActionUtils.resolvePath), then filed; unless `hide-record`, it stays
   * where it was as a secondary child, readable by whoever could read it there.
   */
  createRecordAction(caller: Caller, doc: NodeRow, params: { path?: string; hideRecord?: boolean }): void {
    if (!this.fp.filePlan())
      throw actionFailed(
        'Cannot create record, because the default file plan cannot be determined. Make sure at least one file plan has been created.'
      );
    const folder = params.path ? this.resolveRecordFolderPath(params.path, 'create-record') : undefined;
    this.declare(caller, doc.id, { hideRecord: !!params.hideRecord, parentId: folder?.id });
  }

  /** RecordActionUtils.resolvePath: an existing record folder, element by element below the file plan. */
  private resolveRecordFolderPath(path: string, action: string): NodeRow {
    const elements = path.split('/').filter((e) => e.trim());
    if (!elements.length) throw actionFailed(`Unable to execute ${action} action, because the destination path could not be found.`);
    let node = this.fp.requireFilePlan();
    for (const name of elements) {
      const child = this.store.childByName(node.id, name);
      if (!child) throw actionFailed(`Unable to execute ${action} action, because the destination path could not be found.`);
      if ([RM.holdContainer, RM.transferContainer, RM.unfiledContainer].includes(child.type as never))
        throw actionFailed(`Unable to execute ${action} action, because the destination path is invalid.`);
      node = child;
    }
    if (node.type !== RM.folder)
      throw actionFailed(`Unable to execute ${action} action, because the destination path is not a record folder.`);
    return node;
  }

  /**
   * FileToAction (`fileTo`, CopyMoveLinkFileToBaseAction in MOVE mode): an unfiled record (or a document)
   * moves into `destinationRecordFolder`, or the record folder `path` names below the file plan; with
   * `createRecordPath` a missing last element is created as a record folder and missing ones above it as
   * categories. A frozen or already filed node is left as it is (isOkToProceedWithAction), as AGS does.
   */
  fileToAction(node: NodeRow, params: { destination?: NodeRow; path?: string; createRecordPath?: boolean }): void {
    const isContent = this.fp.ctx.dictionary.isSubClassOf(node.type, 'cm:content');
    const filed = this.fp.isRecord(node) && this.store.properties(node.id)['rma:dateFiled'] !== undefined;
    if (this.fp.isFrozen(node) || filed || !isContent) return;
    let target = params.destination;
    if (!target) {
      let at = this.fp.filePlanOf(node);
      const elements = (params.path ?? '').split('/').filter((e) => e.trim());
      elements.forEach((name, i) => {
        let child = this.store.childByName(at.id, name);
        if (!child) {
          if (!params.createRecordPath)
            throw actionFailed('Unable to execute fileTo action, because the destination path could not be determined.');
          if (i === elements.length - 1) {
            child = this.fp.createComponent(SYSTEM_CALLER, at, { name, nodeType: RM.folder });
            this.disposition.initialise(child);
          } else {
            if (at.type === RM.folder)
              throw actionFailed(
                'Unable to execute fileTo action, because the destination path has a record category within a record folder.'
              );
            child = this.fp.createComponent(SYSTEM_CALLER, at, { name, nodeType: RM.category });
          }
        } else if ([RM.holdContainer, RM.transferContainer, RM.unfiledContainer].includes(child.type as never))
          throw actionFailed('Unable to execute fileTo action, because the destination path in invalid.');
        at = child;
      });
      target = at;
    }
    if (target.type === RM.category)
      throw actionFailed(
        'Unable to run fileTo action, because the destination record folder is an inappropriate type. A record category cannot contain a record'
      );
    // The move itself meets the type behaviours (RecordFolderType: content only, nothing in a closed folder).
    if (target.type !== RM.folder) throw errors.integrity(`You can't create ${node.type} here.`);
    if (this.fp.isClosed(target)) throw errors.integrity("You can't add new items to a closed record folder.");
    if (this.store.childByName(target.id, node.name)) throw errors.integrity(`Duplicate child name not allowed: ${node.name}`);
    this.fp.nodes.move(SYSTEM_CALLER, node, target);
    if (!this.fp.isRecord(this.store.get(node.id)!)) this.makeRecord(this.store.get(node.id)!, true);
    else this.store.setProperties(node.id, { 'rma:dateFiled': alfDate() });
    this.disposition.initialise(this.store.get(node.id)!);
  }

  /**
   * DeclareRecordAction (`declareRecord`): completes the record through RecordService#complete (its
   * DeclareRecords capability), ignoring what completion refuses (not a record, frozen, already complete);
   * missing mandatory metadata leaves the result "missingProperties".
   */
  declareRecordAction(caller: Caller, node: NodeRow): string | undefined {
    if (!this.fp.isRecord(node) || this.fp.isFrozen(node) || this.fp.has(node, 'rma:declaredRecord')) return undefined;
    if (this.missingMandatory(node).length) return 'missingProperties';
    this.complete(caller, node.id);
    return undefined;
  }

  /**
   * CloseRecordFolderAction / OpenRecordFolderAction: a record folder (or a filed record's folder) is closed or
   * reopened; anything else, or a frozen node, is left as it is (RecordFolderServiceImpl only warns).
   */
  closeOrOpenAction(caller: Caller, node: NodeRow, closed: boolean): void {
    if (this.fp.isFrozen(node)) return;
    const folder = this.fp.isRecord(node) && node.parent_id ? this.store.get(node.parent_id) : node;
    if (!folder || folder.type !== RM.folder) return;
    this.setClosed(caller, folder, closed);
  }

  /** Closing and reopening a record folder (AGS's closeRecordFolder / openRecordFolder actions). */
  setClosed(caller: Caller, folder: NodeRow, closed: boolean): void {
    this.fp.requireCapability(caller, folder, closed ? 'CloseFolders' : 'ReOpenFolders');
    this.store.setProperties(folder.id, { 'rma:isClosed': closed });
  }
}
