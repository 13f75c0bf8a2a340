import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import { alfDate } from '../../util/alf-date';
import { errors } from '../../errors/api-error';
import { recordAudit } from '../audit';
import { RM, type FilePlanComponents } from './file-plan';

/** The association that links a held item to its hold (AGS: rma:frozenContent, beside cm:contains). */
const HELD = 'rma:frozenContent';

/**
 * Legal holds (HoldServiceImpl, FrozenAspect): a hold lives in the file plan's Holds container; putting
 * a record, a record folder or any document on hold freezes it (rma:frozen), and a folder's records with it;
 * an item leaves the frozen state when the last hold that holds it lets go. What frozen means for edits,
 * moves and deletion is in record-rules.ts.
 */
export class Holds {
  constructor(private readonly fp: FilePlanComponents) {}

  private get store() {
    return this.fp.ctx.store;
  }

  list(caller: Caller, filePlanId: string): NodeRow[] {
    const filePlan = this.fp.lookup(filePlanId, RM.filePlan);
    this.fp.requireCapability(caller, filePlan, 'ViewRecords');
    const container = this.fp.resolve('-holds-');
    return this.store.liveChildrenByName(container.id).filter((n) => n.type === RM.hold);
  }

  create(caller: Caller, filePlanId: string, body: Record<string, unknown>): NodeRow {
    const filePlan = this.fp.lookup(filePlanId, RM.filePlan);
    this.fp.requireCapability(caller, filePlan, 'CreateHold');
    const name = typeof body.name === 'string' ? body.name : '';
    const reason = typeof body.reason === 'string' ? body.reason : '';
    if (!name) throw errors.invalidArgument("'name' is a mandatory parameter");
    if (!reason) throw errors.invalidArgument("'reason' is a mandatory parameter");
    const container = this.fp.resolve('-holds-');
    if (this.store.childByName(container.id, name)) throw errors.conflict(`Duplicate child name not allowed: ${name}`);
    const props: Record<string, unknown> = { 'rma:holdReason': reason };
    if (typeof body.description === 'string') props['cm:description'] = body.description;
    const hold = this.fp.createComponent(caller, container, { name, nodeType: RM.hold, properties: props });
    recordAudit(this.fp.ctx, caller, hold.id, 'Create Hold', { name, reason });
    return hold;
  }

  get(caller: Caller, holdId: string): NodeRow {
    const hold = this.fp.lookup(holdId, RM.hold);
    this.fp.requireCapability(caller, hold, 'ViewRecords');
    return hold;
  }

  update(caller: Caller, holdId: string, body: Record<string, unknown>): NodeRow {
    const hold = this.fp.lookup(holdId, RM.hold);
    this.fp.requireCapability(caller, hold, 'EditHold');
    const props: Record<string, unknown> = {};
    if (typeof body.reason === 'string') {
      if (!body.reason) throw errors.invalidArgument("'reason' can not be empty");
      props['rma:holdReason'] = body.reason;
    }
    if (typeof body.description === 'string') props['cm:description'] = body.description;
    const name = typeof body.name === 'string' && body.name && body.name !== hold.name ? body.name : undefined;
    if (name && this.store.childByName(hold.parent_id!, name)) throw errors.conflict(`Duplicate child name not allowed: ${name}`);
    return this.fp.nodes.update(caller, hold, { name, properties: props });
  }

  /** DELETE /holds/{id} and POST /holds/{id}/delete with a reason: the held items are released first. */
  delete(caller: Caller, holdId: string, reason?: string): void {
    const hold = this.fp.lookup(holdId, RM.hold);
    this.fp.requireCapability(caller, hold, 'DeleteHold');
    const held = this.heldItems(hold);
    const blocked = held.filter((n) => !this.fp.ctx.permissions.has(caller, n, 'Write'));
    if (blocked.length)
      throw errors.permissionDenied(
        `Can't delete hold, because filing permissions for at least the following items are needed: ${blocked.map((n) => n.name).join(', ')}`
      );
    if (reason) this.store.setProperties(hold.id, { 'rma:holdDeletionReason': reason });
    for (const item of held) this.release(hold, item);
    recordAudit(this.fp.ctx, caller, hold.id, 'Delete Hold', { name: hold.name, reason: reason ?? null });
    this.fp.nodes.delete(caller, hold, true);
  }

  heldItems(hold: NodeRow): NodeRow[] {
    return this.store.associations.secondaryChildren(hold.id).filter((n) => n.assoc === HELD);
  }

  /** POST /holds/{id}/children: each id a record, a record folder or a document (AddToHold). */
  add(caller: Caller, holdId: string, ids: string[]): string[] {
    const hold = this.fp.lookup(holdId, RM.hold);
    this.fp.requireCapability(caller, hold, 'AddToHold');
    for (const id of ids) {
      const node = this.store.get(id);
      if (!node || !this.fp.ctx.permissions.has(caller, node, 'Read')) throw errors.notFound(id);
      const isContent = this.fp.ctx.dictionary.isSubClassOf(node.type, 'cm:content');
      if (node.type !== RM.folder && !isContent)
        throw errors.invalidArgument(
          `${node.name} isn't a record, a record folder or content. Only records, record folders or content can be added to a hold.`
        );
      if (node.locked_by) throw errors.invalidArgument("Locked content can't be added to a hold.");
      if (!this.fp.ctx.permissions.has(caller, node, 'Write'))
        throw errors.permissionDenied('Access Denied.  You do not have the appropriate permissions to perform this operation.');
      if (!this.store.associations.add('secondary-child', hold.id, node.id, HELD)) continue;
      for (const item of [node, ...this.recordsIn(node)]) this.freeze(caller, item);
      recordAudit(this.fp.ctx, caller, node.id, 'Add To Hold', {
        hold: hold.name,
        reason: this.store.properties(hold.id)['rma:holdReason']
      });
    }
    return ids;
  }

  /** DELETE /holds/{id}/children/{childId}. */
  remove(caller: Caller, holdId: string, childId: string): void {
    const hold = this.fp.lookup(holdId, RM.hold);
    this.fp.requireCapability(caller, hold, 'RemoveFromHold');
    const node = this.store.get(childId);
    if (!node || !this.fp.ctx.permissions.has(caller, node, 'Read')) throw errors.permissionDenied();
    if (!this.heldItems(hold).some((n) => n.id === node.id)) throw errors.notFound(childId);
    this.release(hold, node);
    recordAudit(this.fp.ctx, caller, node.id, 'Remove From Hold', { hold: hold.name });
  }

  private release(hold: NodeRow, node: NodeRow): void {
    this.store.associations.remove('secondary-child', hold.id, node.id, HELD);
    for (const item of [node, ...this.recordsIn(node)]) if (!this.isHeldAnywhere(item)) this.store.removeAspects(item.id, ['rma:frozen']);
  }

  /** Held itself, or inside a held record folder. */
  private isHeldAnywhere(node: NodeRow): boolean {
    const held = (n: NodeRow) => this.store.associations.secondaryParents(n.id).some((p) => p.assoc === HELD);
    if (held(node)) return true;
    const parent = node.parent_id ? this.store.get(node.parent_id) : undefined;
    return !!parent && parent.type === RM.folder && held(parent);
  }

  private recordsIn(node: NodeRow): NodeRow[] {
    return node.type === RM.folder ? this.store.liveChildren(node.id).filter((c) => !!c.is_file) : [];
  }

  private freeze(caller: Caller, node: NodeRow): void {
    if (this.fp.isFrozen(node)) return;
    this.store.addAspects(node.id, ['rma:frozen']);
    this.store.setProperties(node.id, { 'rma:frozenAt': alfDate(), 'rma:frozenBy': caller.userId });
  }

  holdJson(hold: NodeRow): Record<string, unknown> {
    const p = this.store.properties(hold.id);
    const out: Record<string, unknown> = { id: hold.id, name: hold.name, reason: p['rma:holdReason'] };
    if (typeof p['cm:description'] === 'string' && p['cm:description']) out.description = p['cm:description'];
    return out;
  }
}
