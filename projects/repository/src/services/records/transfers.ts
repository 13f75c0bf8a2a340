import { SYSTEM_CALLER, type Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { ApiError } from '../../errors/api-error';
import { recordAudit } from '../audit';
import { RM, type FilePlanComponents } from './file-plan';
import type { Disposition } from './disposition';

/** The association that holds a transferred item below its transfer object (AGS: rma:transferred). */
const TRANSFERRED = 'rma:transferred';

/** What a refused transfer action says (AlfrescoRuntimeException: the web script answers 500). */
const refused = (message: string) => new ApiError(500, 'framework.exception.ApiDefault', message);

/**
 * The transfer and accession steps (TransferServiceImpl, TransferAction, TransferCompleteAction): executing
 * the step makes a transfer object in the file plan's Transfers container, named after the item's database
 * id, holding the item (and through it its records) while the archives take it over; the item and its
 * records are `rma:transferring` and the step is started, not done. Completing the transfer
 * (`transferComplete`, `accessionComplete`) marks them `rma:transferred` (or `rma:ascended` for an
 * accession) with the step's location, completes the step, makes the schedule's next step due and deletes
 * the transfer object. What was transferred is then found by those aspects (the transfer list).
 */
export class Transfers {
  constructor(
    private readonly fp: FilePlanComponents,
    private readonly disposition: Disposition
  ) {
    disposition.onTransfer = (caller, item, records, step, accession) => this.transfer(caller, item, records, step, accession);
  }

  private get store() {
    return this.fp.ctx.store;
  }

  /** TransferService#transfer: the transfer object for one item (the step's checks are done by Disposition). */
  transfer(caller: Caller, item: NodeRow, records: NodeRow[], step: NodeRow | undefined, accession: boolean): NodeRow {
    // One transfer at a time: the step stays next while the item is in transfer, so a second run is refused
    // (MSG_NODE_ALREADY_TRANSFER).
    if (this.fp.has(item, 'rma:transferring')) throw refused('The file, folder, or category is already being transferred.');
    const container = this.fp.resolve('-transfers-');
    const location = step ? this.store.properties(step.id)['rma:dispositionLocation'] : undefined;
    const made = this.fp.nodes.create(SYSTEM_CALLER, container, {
      name: String(item.seq).padStart(10, '0'),
      nodeType: RM.transfer,
      properties: {
        'rma:transferAccessionIndicator': accession,
        'rma:transferPDFIndicator': [item, ...records].some((n) => n.is_file && n.mime_type === 'application/pdf'),
        ...(typeof location === 'string' ? { 'rma:transferLocation': location } : {})
      }
    });
    this.fp.stamp(made, this.fp.filePlanOf(container).id);
    // The records manager who ran the step made the transfer (AGS creates it as the running user).
    this.store.update(made.id, { created_by: caller.userId, modified_by: caller.userId });
    const transfer = this.store.get(made.id)!;
    this.store.associations.add('secondary-child', transfer.id, item.id, TRANSFERRED);
    for (const n of [item, ...records]) if (!this.fp.has(n, 'rma:transferring')) this.store.addAspects(n.id, ['rma:transferring']);
    return transfer;
  }

  /** The items a transfer holds (its rma:transferred children). */
  itemsOf(transfer: NodeRow): NodeRow[] {
    return this.store.associations.secondaryChildren(transfer.id).filter((n) => n.assoc === TRANSFERRED);
  }

  /**
   * transferComplete / accessionComplete on a transfer object (TransferServiceImpl#completeTransfer): each
   * item not held is marked done, its step completed and the next made due; the transfer object goes.
   */
  complete(caller: Caller, transferId: string, accession: boolean): void {
    const transfer = this.fp.resolve(transferId);
    if (transfer.type !== RM.transfer) throw refused("The file, folder, or category isn't a transfer object.");
    this.fp.requireCapability(caller, transfer, accession ? 'AuthorizeNominatedTransfers' : 'AuthorizeAllTransfers');
    const p = this.store.properties(transfer.id);
    const isAccession = p['rma:transferAccessionIndicator'] === true;
    // AGS reads the location with toString(), failing on an accession (which has none); empty here.
    const location = typeof p['rma:transferLocation'] === 'string' ? p['rma:transferLocation'] : '';
    const items = this.itemsOf(transfer);
    for (const item of items) {
      if (this.fp.isFrozen(item)) throw refused('Could not complete a transfer that contains held folders');
      if (this.recordsIn(item).some((r) => this.fp.isFrozen(r)))
        throw refused('Cound not complete a transfer that contains folders with held children');
    }
    const marker = isAccession ? 'rma:ascended' : 'rma:transferred';
    for (const item of items) {
      for (const n of [item, ...this.recordsIn(item)]) {
        this.store.removeAspects(n.id, ['rma:transferring']);
        if (!this.fp.has(n, marker)) this.store.addAspects(n.id, [marker]);
        this.store.setProperties(n.id, { 'rma:location': location });
      }
      this.disposition.completeNext(caller, this.store.get(item.id)!);
      recordAudit(this.fp.ctx, caller, item.id, isAccession ? 'Accession Complete' : 'Transfer Complete', {
        transfer: transfer.name,
        location
      });
    }
    this.fp.nodes.delete(SYSTEM_CALLER, transfer, true);
  }

  private recordsIn(item: NodeRow): NodeRow[] {
    return item.type === RM.folder ? this.store.liveChildren(item.id).filter((n) => this.fp.isRecord(n)) : [];
  }
}
