import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import type { NodePolicy, NodeChange } from '../policies';
import { errors } from '../../errors/api-error';
import { RM, type FilePlanComponents } from './file-plan';

/** Namespaces whose properties anyone may change on a record (RecordServiceImpl's always-editable URIs). */
const ALWAYS_EDITABLE = ['usr:', 'sys:', 'wf:', 'app:', 'dl:', 'd:', 'bpm:', 'rn:'];
/** Record metadata: the records management namespaces (recordModelURIs). */
const RECORD_METADATA = ['rma:', 'rmc:', 'rmr:', 'rmv:', 'dod:'];

const FIXED_CONTAINERS: Record<string, string> = {
  [RM.filePlan]: 'File Plan',
  [RM.holdContainer]: 'Hold Container',
  [RM.transferContainer]: 'Transfer Container',
  [RM.unfiledContainer]: 'Unfiled Record Container'
};

/**
 * What Governance Services refuses on records, holds and the file plan, through every API: the GS
 * endpoints and the core /nodes API alike, since AGS enforces them in behaviours and method security below
 * both (RecordServiceImpl#onUpdateProperties, RecordAspect, FrozenAspect, the container types). An officer
 * who can write a document cannot change it once it is a completed record, nor delete what a hold keeps.
 */
export class RecordRules implements NodePolicy {
  constructor(
    private readonly fp: FilePlanComponents,
    /** Makes a content node just created in a record folder a filed record (Records.fileNew). */
    private readonly fileNew: (node: NodeRow) => void,
    /** Makes a content node just created in Unfiled Records an unfiled record (Records.makeUnfiled). */
    private readonly makeUnfiled: (node: NodeRow) => void = () => undefined
  ) {}

  /**
   * What may be created where in the file plan, whichever API creates it (the type behaviours of
   * RM/model/rma/type/: RecordFolderType, RecordCategoryType, HoldContainerType, TransferContainerType), and
   * content created in a record folder becomes a filed record, as RecordFolderType's behaviour files it.
   */
  onCreateNode(caller: Caller, node: NodeRow): void {
    const parent = node.parent_id ? this.fp.ctx.store.get(node.parent_id) : undefined;
    if (!parent) return;
    const { dictionary } = this.fp.ctx;
    if (parent.type === RM.folder) {
      if (node.type === 'rma:dispositionAction') return;
      if (!dictionary.isSubClassOf(node.type, 'cm:content'))
        throw errors.integrity(`You can only create records in record folders and this was a ${node.type}.`);
      if (caller.userId !== 'System' && this.fp.isClosed(parent))
        throw errors.integrity("You can't add new items to a closed record folder.");
      if (!this.fp.isRecord(node)) this.fileNew(node);
    } else if (parent.type === RM.category) {
      if (![RM.category, RM.folder, RM.schedule].includes(node.type as never))
        throw errors.integrity(`You can't create ${node.type} here.`);
    } else if (parent.type === RM.unfiledContainer || parent.type === RM.unfiledFolder) {
      // UnfiledRecordContainerType / UnfiledRecordFolderType: unfiled record folders and content only
      // (a plain cm:folder AGS retypes; refused here); content becomes an unfiled record.
      const content = dictionary.isSubClassOf(node.type, 'cm:content');
      if (node.type !== RM.unfiledFolder && !content) throw errors.integrity(`You can't create ${node.type} here.`);
      if (content && !this.fp.isRecord(node)) this.makeUnfiled(node);
    } else if (parent.type === RM.holdContainer) {
      if (node.type !== RM.hold) throw errors.integrity(`You can't create ${node.type} here.`);
    } else if (parent.type === RM.transferContainer) {
      // Only the transfer action makes transfer objects here (TransferServiceImpl disables the behaviour).
      if (caller.userId !== 'System' || node.type !== RM.transfer)
        throw errors.integrity("You can't create items in the Transfer container.");
    } else if (parent.type === RM.transfer) {
      throw errors.integrity("You can't create items in Transfer Folders.");
    }
  }

  beforeUpdateNode(caller: Caller, node: NodeRow, change: NodeChange): void {
    if (caller.userId === 'System') return;
    if (this.fp.isFrozen(node)) throw errors.permissionDenied("Frozen content can't be updated.");
    // TransferType refuses edits of a transfer; the Transfers container itself may be renamed or titled
    // (TransferContainerType has no such behaviour; PUT /transfer-containers/{id}).
    if (node.type === RM.transfer) throw errors.integrity("You can't edit transfer folder or container metadata.");
    if (change.removedAspects?.some((a) => a.startsWith('rma:')) && this.fp.has(node, 'rma:filePlanComponent'))
      throw errors.integrity(`The aspects ${change.removedAspects.join(', ')} of a file plan component can not be removed.`);
    if (!this.fp.isRecord(node)) return;
    if (change.content) throw errors.integrity("You can't update a record's content property.");
    const declared = this.fp.has(node, 'rma:declaredRecord');
    const cutOff = this.fp.has(node, 'rma:cutOff');
    const open = !declared && !cutOff;
    const nonRecordEdit = open && this.fp.can(caller, node, 'EditNonRecordMetadata');
    const recordEdit =
      (open && this.fp.can(caller, node, 'EditRecordMetadata')) || (declared && this.fp.can(caller, node, 'EditDeclaredRecordMetadata'));
    const changed = Object.keys(change.properties);
    if (change.name !== undefined) changed.push('cm:name');
    for (const qname of changed) {
      if (ALWAYS_EDITABLE.some((ns) => qname.startsWith(ns))) continue;
      const allowed = RECORD_METADATA.some((ns) => qname.startsWith(ns)) ? recordEdit : nonRecordEdit;
      if (!allowed)
        throw errors.permissionDenied(
          `The user ${caller.userId} does not have the permission to edit the record property ${this.fp.ctx.dictionary.expand(qname)} on the node workspace://SpacesStore/${node.id}`
        );
    }
  }

  beforeMoveNode(caller: Caller, node: NodeRow): void {
    if (caller.userId === 'System') return;
    if (this.fp.isFrozen(node)) throw errors.permissionDenied("Frozen content can't be moved.");
  }

  beforeDeleteNode(caller: Caller, node: NodeRow): void {
    if (caller.userId === 'System') return;
    const fixed = FIXED_CONTAINERS[node.type];
    if (fixed) throw errors.integrity(`Operation failed. Deletion of ${fixed} is not allowed.`);
    if (this.fp.isFrozen(node)) throw errors.permissionDenied("Frozen content can't be deleted.");
    if (node.is_folder && this.containsFrozen(node))
      throw errors.permissionDenied("Can't delete folder because it contains frozen content.");
    if (this.fp.isRecord(node) && !this.fp.can(caller, node, 'DeleteRecords')) throw errors.permissionDenied();
  }

  private containsFrozen(folder: NodeRow): boolean {
    return this.fp.ctx.store.subtreeIds(folder.id).some((id) => id !== folder.id && this.fp.ctx.store.hasAspect(id, 'rma:frozen'));
  }
}
