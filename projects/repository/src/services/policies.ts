import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';

/**
 * Behaviours bound to node events, as Alfresco's policies are (onCreateNode, onUpdateNode,
 * beforeDeleteNode). They run inside the request's transaction, so throwing rolls the whole change back.
 * Dynamic models and workflow definitions deploy themselves this way.
 */
export interface NodePolicy {
  onCreateNode?(caller: Caller, node: NodeRow): void;
  onUpdateNode?(caller: Caller, node: NodeRow, before: { properties: Record<string, unknown> }): void;
  beforeDeleteNode?(caller: Caller, node: NodeRow): void;
}
