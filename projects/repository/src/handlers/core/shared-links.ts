import { Router, type Request, type Response, type NextFunction } from 'express';
import { randomBytes } from 'node:crypto';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import { visibleAspects, visibleProperties, type NodeMapper } from '../../services/node-mapper';
import type { NodeRow } from '../../persistence/node-row';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, list, objectBody, bool, sendJson } from '../../http/api';
import { alfDate } from '../../util/alf-date';
import { ensureFeatureModels } from '../../services/feature-models';
import { sendContent } from './content-io';
import { inTransaction } from '../../persistence/database';
import type { SharedLinkRow } from '../../persistence/shared-link-store';

const RENDITIONS = ['doclib', 'imgpreview', 'medium', 'pdf'];
// Shown at the top of a link; left out of its `properties`.
const EXCLUDED_PROPS = [
  'cm:name',
  'cm:title',
  'cm:description',
  'cm:modified',
  'cm:modifier',
  'cm:created',
  'cm:creator',
  'qshare:sharedId',
  'qshare:sharedBy',
  'qshare:expiryDate'
];

/**
 * /shared-links: public links to files. Reading a link, its content and its renditions needs no
 * authentication (ACS marks them @WebApiNoAuth and then shows people by display name only); creating,
 * listing and deleting do. A node has at most one link; it carries aspect qshare:shared while shared.
 */
export function sharedLinksRouter(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): Router {
  ensureFeatureModels(ctx.dictionary);
  const r = Router();
  const { sharedLinks, favorites, store, permissions } = ctx;

  const unshare = (link: SharedLinkRow) => {
    sharedLinks.delete(link.id);
    store.removeAspects(link.node_id, ['qshare:shared']);
    store.setProperties(link.node_id, { 'qshare:sharedId': null, 'qshare:sharedBy': null, 'qshare:expiryDate': null });
  };

  /** A live link: unknown, expired (ACS's expiry action unshares it) or trashed targets answer 404. */
  const live = (sharedId: string): { link: SharedLinkRow; node: NodeRow } => {
    const link = sharedLinks.byId(sharedId);
    const node = link && store.get(link.node_id);
    if (!link || !node) throw errors.notFound(sharedId);
    if (link.expires_at && Date.parse(link.expires_at.replace('+0000', 'Z')) <= Date.now()) {
      inTransaction(ctx.db, () => unshare(link));
      throw errors.notFound(sharedId);
    }
    return { link, node };
  };

  const mayDelete = (caller: Caller, link: SharedLinkRow, node: NodeRow) =>
    caller.isAdmin || link.shared_by === caller.userId || permissions.has(caller, node, 'Delete');

  /** noAuth: the public view (display names only, no operations, path or properties). */
  const toJson = (caller: Caller | undefined, link: SharedLinkRow, node: NodeRow, include: Set<string>) => {
    const props = visibleProperties(store.properties(node.id));
    const user = (id: string) => (caller ? mapper.userInfo(id) : { displayName: mapper.userInfo(id).displayName });
    const out: Record<string, unknown> = { id: link.id, nodeId: node.id, name: node.name };
    if (typeof props['cm:title'] === 'string' && props['cm:title']) out.title = props['cm:title'];
    if (typeof props['cm:description'] === 'string' && props['cm:description']) out.description = props['cm:description'];
    out.modifiedAt = node.modified_at;
    out.modifiedByUser = user(node.modified_by);
    out.sharedByUser = user(link.shared_by);
    out.content = (mapper.toJson(caller ?? anonymous, node, { include: new Set() }) as { content: unknown }).content;
    if (link.expires_at) out.expiresAt = link.expires_at;
    if (!caller) return out;
    if (include.has('allowableOperations')) {
      out.allowableOperations = mayDelete(caller, link, node) ? ['delete'] : [];
      out.allowableOperationsOnTarget = permissions.allowableOperations(caller, node);
    }
    if (include.has('path')) out.path = mapper.path(caller, node);
    if (include.has('properties')) {
      for (const k of EXCLUDED_PROPS) delete props[k];
      out.properties = props;
    }
    if (include.has('isFavorite')) out.isFavorite = favorites.isFavorite(caller.userId, node.id);
    if (include.has('aspectNames')) out.aspectNames = visibleAspects(store.aspects(node.id));
    return out;
  };

  r.post(
    '/shared-links',
    handle(({ caller, query, body }) =>
      inTransaction(ctx.db, () => {
        const include = new Set(parseList(query.include));
        const bodies = Array.isArray(body) ? body : [objectBody(body)];
        if (!bodies.length) throw errors.invalidArgument('Could not read content from HTTP request body');
        const created = bodies.map((raw) => {
          const b = objectBody(raw);
          if (typeof b.nodeId !== 'string' || !b.nodeId) throw errors.invalidArgument('A valid nodeId must be specified !');
          const node = nodes.readable(caller, b.nodeId);
          const existing = sharedLinks.idOf(node.id);
          if (existing) throw errors.conflict(`sharedId already exists: ${node.id} [${existing}]`);
          if (!node.is_file) throw errors.invalidArgument(`Unable to create shared link to non-file content: ${node.id}`);
          const expiresAt = expiry(b.expiresAt);
          const link: SharedLinkRow = {
            id: randomBytes(16).toString('base64url'),
            node_id: node.id,
            shared_by: caller.userId,
            created_at: alfDate(),
            expires_at: expiresAt
          };
          sharedLinks.insert(link);
          store.addAspects(node.id, ['qshare:shared']);
          store.setProperties(node.id, { 'qshare:sharedId': link.id, 'qshare:sharedBy': caller.userId, 'qshare:expiryDate': expiresAt });
          return toJson(caller, link, store.get(node.id)!, include);
        });
        // ACS answers 201 Created here (the definitions say 200).
        if (Array.isArray(body)) return { status: 201, body: list(created, { skipCount: 0, maxItems: 100 }, created.length) };
        return { status: 201, body: entry(created[0]) };
      })
    )
  );

  r.get(
    '/shared-links',
    handle(({ caller, query }) => {
      const paging = parsePaging(query);
      const include = new Set(parseList(query.include));
      let sharedBy: string | undefined;
      if (query.where) {
        const m = /^\s*\(\s*sharedByUser\s*=\s*'([^']*)'\s*\)\s*$/.exec(query.where);
        if (!m) throw errors.invalidArgument(`Invalid where clause: ${query.where}`);
        sharedBy = m[1] === '-me-' ? caller.userId : m[1];
      }
      const { rows, total } = sharedLinks.livePage({
        now: alfDate(),
        readable: permissions.readFilter(caller, 'n'),
        sharedBy,
        skipCount: paging.skipCount,
        maxItems: paging.maxItems
      });
      return {
        body: list(
          rows.map((l) => toJson(caller, l, store.get(l.node_id)!, include)),
          paging,
          total
        )
      };
    })
  );

  r.delete(
    '/shared-links/:sharedId',
    handle(({ caller, params }) =>
      inTransaction(ctx.db, () => {
        const { link, node } = live(params.sharedId);
        if (!permissions.has(caller, node, 'Read') || !mayDelete(caller, link, node))
          throw errors.permissionDenied(`Can't perform unshare action: ${link.id}`);
        unshare(link);
      })
    )
  );

  r.post(
    '/shared-links/:sharedId/email',
    handle(({ params, body }) => {
      live(params.sharedId);
      const b = objectBody(body);
      if (typeof b.client !== 'string' || !b.client) throw errors.invalidArgument('A valid client must be specified.');
      if (!Array.isArray(b.recipientEmails) || !b.recipientEmails.length || b.recipientEmails.some((e) => typeof e !== 'string'))
        throw errors.invalidArgument('A valid recipientEmail must be specified.');
      // ACS queues the mail and answers 202; this repository has no outbound mail, so the request is
      // validated and accepted but nothing is sent (as an ACS without an SMTP server behaves).
      return { status: 202 };
    })
  );

  // Public reads: written as plain express handlers because handle() demands an authenticated caller.
  const publicRoute = (fn: (req: Request, res: Response) => void) => (req: Request, res: Response, next: NextFunction) => {
    try {
      fn(req, res);
    } catch (e) {
      next(e);
    }
  };

  r.get(
    '/shared-links/:sharedId',
    publicRoute((req, res) => {
      const { link, node } = live(req.params.sharedId);
      // ACS always answers this one in its public form, signed in or not.
      sendJson(res, 200, entry(toJson(undefined, link, node, new Set())));
    })
  );

  const content = publicRoute((req, res) => {
    const { node } = live(req.params.sharedId);
    const attachment = bool(typeof req.query.attachment === 'string' ? req.query.attachment : undefined, true);
    sendContent(ctx, req, res, node, attachment);
  });
  r.get('/shared-links/:sharedId/content', content);
  r.head('/shared-links/:sharedId/content', content);

  // Only CREATED renditions are listed for a link; this repository generates none.
  r.get(
    '/shared-links/:sharedId/renditions',
    publicRoute((req, res) => {
      live(req.params.sharedId);
      sendJson(res, 200, list([], { skipCount: 0, maxItems: 100 }, 0));
    })
  );
  const renditionMissing = publicRoute((req) => {
    live(req.params.sharedId);
    if (!RENDITIONS.includes(req.params.renditionId)) throw errors.invalidArgument(`Unknown rendition: ${req.params.renditionId}`);
    throw errors.notFound(req.params.renditionId);
  });
  r.get('/shared-links/:sharedId/renditions/:renditionId', renditionMissing);
  r.get('/shared-links/:sharedId/renditions/:renditionId/content', renditionMissing);

  return r;
}

const anonymous: Caller = { userId: 'guest', isAdmin: false, authorities: new Set() };

/** expiresAt must be a date in the future (ACS answers 400 otherwise). */
function expiry(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw errors.invalidArgument('expiresAt must be a date');
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(t)) throw errors.invalidArgument(`Invalid expiresAt: ${value}`);
  if (t <= Date.now()) throw errors.invalidArgument(`Invalid expiry date: ${value} (the date has already passed)`);
  return alfDate(t);
}
