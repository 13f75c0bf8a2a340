import type { Caller } from '../../auth/caller';
import { SYSTEM_CALLER } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { alfDate } from '../../util/alf-date';
import { errors } from '../../errors/api-error';
import { RM, type FilePlanComponents } from './file-plan';
import type { Disposition } from './disposition';

const nodeRef = (id: string) => `workspace://SpacesStore/${id}`;

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

  /** Content just created in a record folder, by any API: a filed record under the folder's schedule. */
  fileNew(node: NodeRow): void {
    this.makeRecord(node, true);
    this.disposition.initialise(this.store.get(node.id)!);
  }

  /** rma:record and what comes with it; rma:dateFiled once the record is in a record folder. */
  private makeRecord(node: NodeRow, filed: boolean): void {
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
    const readers = this.fp.ctx.permissions
      .effectiveEntries(this.store.get(origin)!.acl_id)
      .filter((e) => e.allowed)
      .map((e) => e.authority);
    this.fp.nodes.move(SYSTEM_CALLER, doc, target);
    const moved = this.store.get(doc.id)!;
    this.makeRecord(moved, !!opts.parentId);
    this.store.addAspects(doc.id, ['rma:recordOriginatingDetails']);
    this.store.setProperties(doc.id, {
      'rma:recordOriginatingUserId': caller.userId,
      'rma:recordOriginatingCreationDate': alfDate(),
      'rma:recordOriginatingLocation': nodeRef(origin)
    });
    if (opts.parentId) this.disposition.initialise(this.store.get(doc.id)!);
    if (!opts.hideRecord) {
      this.store.associations.add('secondary-child', origin, doc.id, 'cm:contains');
      // In-place readers: whoever could read the document where it was still can (ExtendedReaders in AGS).
      this.fp.nodes.setPermissions(doc.id, {
        locallySet: [...new Set([...readers, caller.userId])].map((authorityId) => ({ authorityId, name: 'Consumer' }))
      });
    }
    return this.store.get(doc.id)!;
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

  /** Closing and reopening a record folder (AGS's closeRecordFolder / openRecordFolder actions). */
  setClosed(caller: Caller, folder: NodeRow, closed: boolean): void {
    this.fp.requireCapability(caller, folder, closed ? 'CloseFolders' : 'ReOpenFolders');
    this.store.setProperties(folder.id, { 'rma:isClosed': closed });
  }
}
