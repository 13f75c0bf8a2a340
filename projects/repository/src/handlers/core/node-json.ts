import type { Caller } from '../../auth/caller';
import type { NodeRow } from '../../persistence/node-row';
import type { NodeMapper } from '../../services/node-mapper';
import { includeOf } from '../../http/api';

type Query = Record<string, string | undefined>;

/** The `include` list of a request (properties, aspectNames, permissions …). */

/** A node as the single-node endpoints answer it: every field, and what `include` asks for. */
export const fullNodeJson =
  (mapper: NodeMapper) =>
  (caller: Caller, node: NodeRow, q: Query): Record<string, unknown> =>
    mapper.toJson(caller, node, { include: includeOf(q), full: true });
