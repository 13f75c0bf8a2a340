import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';

/** What an update is about to change, for policies that refuse some changes (records, holds). */
export interface NodeChange {
  /** The new name, when it changes. */
  name?: string;
  /** The properties whose values change, with their new values (null: removed). */
  properties: Record<string, unknown>;
  removedAspects?: string[];
  /** The content itself is replaced. */
  content?: boolean;
}

/**
 * Behaviours bound to node events, as Alfresco's policies are (beforeUpdateNode, onCreateNode,
 * onUpdateNode, beforeMoveNode, beforeDeleteNode). They run inside the request's transaction, so throwing
 * rolls the whole change back. Dynamic models and workflow definitions deploy themselves this way, and
 * Governance Services' rules on records and holds refuse changes this way, whichever API asks.
 */
export interface NodePolicy {
  onCreateNode?(caller: Caller, node: NodeRow): void;
  beforeUpdateNode?(caller: Caller, node: NodeRow, change: NodeChange): void;
  onUpdateNode?(caller: Caller, node: NodeRow, before: { properties: Record<string, unknown> }): void;
  beforeMoveNode?(caller: Caller, node: NodeRow, target: NodeRow): void;
  beforeDeleteNode?(caller: Caller, node: NodeRow): void;
}
