import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, objectBody, pageOf } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { inTransaction } from '../../persistence/database';

/** ACS's two rating schemes, in the order it lists them. fiveStar forbids rating one's own content. */
const SCHEMES = ['fiveStar', 'likes'] as const;
type Scheme = (typeof SCHEMES)[number];

/** /nodes/{nodeId}/ratings: likes (myRating true/false) and fiveStar (myRating 1..5). */
export function ratingsRouter(ctx: RepositoryContext, nodes: NodeService): Router {
  const r = Router();
  const { ratings, store } = ctx;

  const scheme = (id: unknown): Scheme => {
    if (typeof id !== 'string' || !(SCHEMES as readonly string[]).includes(id))
      throw errors.invalidArgument(`Invalid ratingSchemeId ${String(id)}`);
    return id as Scheme;
  };
  // Ratings are for files and folders.
  const rateable = (caller: Caller, nodeId: string) => {
    const node = nodes.readable(caller, nodeId);
    if (!node.is_file && !node.is_folder) throw errors.methodNotAllowed('Cannot rate this node');
    return node;
  };

  const toJson = (caller: Caller, node: NodeRow, s: Scheme) => {
    const agg = ratings.summary(node.id, s);
    const mine = ratings.of(node.id, s, caller.userId);
    const aggregate: Record<string, number> = { numberOfRatings: agg.n };
    if (s === 'fiveStar' && agg.n) aggregate.average = agg.avg!;
    return { id: s, aggregate, ...(mine ? { ratedAt: mine.rated_at, myRating: s === 'likes' ? true : mine.score } : {}) };
  };

  /** The rollup aspects ACS keeps on a rated node (count and total per scheme). */
  const rollup = (nodeId: string, s: Scheme) => {
    const agg = ratings.rollup(nodeId, s);
    store.addAspects(nodeId, ['cm:rateable', `cm:${s}RatingSchemeRollups`]);
    store.setProperties(nodeId, { [`cm:${s}RatingSchemeCount`]: agg.n, [`cm:${s}RatingSchemeTotal`]: agg.total });
  };

  r.get(
    '/nodes/:nodeId/ratings',
    handle(({ caller, params, query }) => {
      const node = nodes.readable(caller, params.nodeId);
      return {
        body: pageOf(
          SCHEMES.map((s) => toJson(caller, node, s)),
          parsePaging(query)
        )
      };
    })
  );

  r.post(
    '/nodes/:nodeId/ratings',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const node = rateable(caller, params.nodeId);
        const b = objectBody(body);
        const s = scheme(b.id ?? 'likes');
        let score: number | undefined;
        if (s === 'likes') {
          if (typeof b.myRating !== 'boolean') throw errors.invalidArgument('myRating must be true or false for the likes scheme');
          score = b.myRating ? 1 : undefined;
        } else {
          if (typeof b.myRating !== 'number' || !Number.isInteger(b.myRating) || b.myRating < 1 || b.myRating > 5)
            throw errors.invalidArgument('myRating must be an integer from 1 to 5 for the fiveStar scheme');
          if (node.created_by === caller.userId) throw errors.invalidArgument(`Users can't rate their own content for scheme ${s}`);
          score = b.myRating;
        }
        if (score === undefined) ratings.remove(node.id, caller.userId, s);
        else ratings.rate(node.id, caller.userId, s, score, alfDate());
        rollup(node.id, s);
        return { status: 201, body: entry(toJson(caller, node, s)) };
      })
    )
  );

  r.get(
    '/nodes/:nodeId/ratings/:ratingId',
    handle(({ caller, params }) => {
      const node = nodes.readable(caller, params.nodeId);
      return { body: entry(toJson(caller, node, scheme(params.ratingId))) };
    })
  );

  r.delete(
    '/nodes/:nodeId/ratings/:ratingId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const s = scheme(params.ratingId);
        const node = nodes.readable(caller, params.nodeId);
        ratings.remove(node.id, caller.userId, s);
        rollup(node.id, s);
      })
    )
  );

  return r;
}
