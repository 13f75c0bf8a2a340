import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { PeopleService } from '../../services/people-service';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, entry, list, objectBody } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { inTransaction } from '../../persistence/database';
import type { CommentRow } from '../../persistence/comment-store';

/**
 * /nodes/{nodeId}/comments. Reading needs Read on the node. Writing a comment needs AddChildren
 * (Contributor, Collaborator, Coordinator): ACS stores a comment as a post created by the commenter
 * inside the node's discussion, which inherits the node's permissions, so Consumers and Editors get 403.
 * Only the author, a Coordinator of the node or an administrator may edit or delete a comment, and
 * nobody may while the node is locked (409).
 */
export function commentsRouter(ctx: RepositoryContext, nodes: NodeService, people: PeopleService): Router {
  const r = Router();
  const { comments, permissions, authorities } = ctx;

  const personJson = (id: string) => {
    const p = authorities.person(id);
    return p ? people.toJson(p) : { id, firstName: id, displayName: id, email: '', enabled: false };
  };

  const isLocked = (caller: Caller, node: NodeRow) => {
    try {
      nodes.requireUnlocked(caller, node);
      return false;
    } catch {
      return true;
    }
  };
  const mayChange = (caller: Caller, node: NodeRow, c: CommentRow) =>
    !isLocked(caller, node) && (c.created_by === caller.userId || caller.isAdmin || permissions.has(caller, node, 'ChangePermissions'));

  const toJson = (caller: Caller, node: NodeRow, c: CommentRow) => {
    const allowed = mayChange(caller, node, c);
    return {
      id: c.id,
      content: c.content,
      createdBy: personJson(c.created_by),
      createdAt: c.created_at,
      edited: c.modified_at !== c.created_at,
      modifiedBy: personJson(c.modified_by),
      modifiedAt: c.modified_at,
      canEdit: allowed,
      canDelete: allowed
    };
  };

  /** Comments live on files and folders only. */
  const commentable = (caller: Caller, nodeId: string) => {
    const node = nodes.readable(caller, nodeId);
    if (!node.is_file && !node.is_folder) throw errors.invalidArgument('NodeId of folder or content is expected');
    return node;
  };
  const commentOf = (node: NodeRow, commentId: string) => {
    const c = comments.get(node.id, commentId);
    if (!c) throw errors.notFound(commentId);
    return c;
  };
  const contentOf = (raw: unknown) => {
    const b = objectBody(raw);
    if (typeof b.content !== 'string' || !b.content.trim()) throw errors.invalidArgument('Comment content is required');
    return b.content;
  };

  r.get(
    '/nodes/:nodeId/comments',
    handle(({ caller, params, query }) => {
      const node = commentable(caller, params.nodeId);
      const paging = parsePaging(query);
      const total = comments.count(node.id);
      const rows = comments.page(node.id, paging.skipCount, paging.maxItems);
      return {
        body: list(
          rows.map((c) => toJson(caller, node, c)),
          paging,
          total
        )
      };
    })
  );

  r.post(
    '/nodes/:nodeId/comments',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const node = commentable(caller, params.nodeId);
        permissions.require(caller, node, 'AddChildren');
        nodes.requireUnlocked(caller, node);
        const bodies = Array.isArray(body) ? body : [body];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const created = bodies.map((b) => {
          const now = alfDate();
          const c: CommentRow = {
            id: randomUUID(),
            node_id: node.id,
            content: contentOf(b),
            created_by: caller.userId,
            created_at: now,
            modified_by: caller.userId,
            modified_at: now
          };
          comments.insert(c);
          return toJson(caller, node, c);
        });
        updateRollup(node.id);
        if (Array.isArray(body)) return { status: 201, body: list(created, { skipCount: 0, maxItems: 100 }, created.length) };
        return { status: 201, body: entry(created[0]) };
      })
    )
  );

  r.put(
    '/nodes/:nodeId/comments/:commentId',
    handle(({ caller, params, body }) =>
      inTransaction(ctx.db, () => {
        const node = commentable(caller, params.nodeId);
        const c = commentOf(node, params.commentId);
        const content = contentOf(body);
        nodes.requireUnlocked(caller, node);
        if (!mayChange(caller, node, c)) throw errors.permissionDenied('Only the author of a comment can edit it');
        // A distinct timestamp marks the comment as edited even within the millisecond it was made.
        let now = alfDate();
        if (now <= c.created_at) now = alfDate(Date.parse(c.created_at.replace('+0000', 'Z')) + 1);
        comments.edit(c.id, content, caller.userId, now);
        return { body: entry(toJson(caller, node, commentOf(node, c.id))) };
      })
    )
  );

  r.delete(
    '/nodes/:nodeId/comments/:commentId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const node = commentable(caller, params.nodeId);
        const c = commentOf(node, params.commentId);
        nodes.requireUnlocked(caller, node);
        if (!mayChange(caller, node, c)) throw errors.permissionDenied('Only the author of a comment can delete it');
        comments.delete(c.id);
        updateRollup(node.id);
      })
    )
  );

  /** fm:commentsRollup keeps the count on the node, as ACS does, so listings can show it without a join. */
  function updateRollup(nodeId: string): void {
    const count = comments.count(nodeId);
    ctx.store.addAspects(nodeId, ['fm:discussable', 'fm:commentsRollup']);
    ctx.store.setProperties(nodeId, { 'fm:commentCount': count });
  }

  return r;
}
