/**
 * /nodes/{nodeId}/renditions as ACS's RenditionsImpl answers it, for a repository that has no transformer:
 * requests are validated and accepted exactly as ACS accepts them (202: ACS renders asynchronously), but no
 * rendition is ever made, so every rendition stays NOT_CREATED and its content is 404, as on an ACS whose
 * asynchronous transform fails. Clients that poll (ADF's viewer) see the same thing as on such an ACS.
 */
import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { Caller } from '../../auth/caller';
import { errors } from '../../errors/api-error';
import { handle, pageOf, parsePaging, entry } from '../../http/api';

/** The rendition definitions ACS registers (alfresco/renditions/0100-baseRenditions.json) and their target types. */
export const RENDITION_DEFINITIONS: Record<string, string> = {
  medium: 'image/jpeg',
  doclib: 'image/png',
  imgpreview: 'image/jpeg',
  avatar: 'image/png',
  avatar32: 'image/png',
  webpreview: 'application/x-shockwave-flash',
  pdf: 'application/pdf'
};

/** The renditions GET /renditions lists: those a standard ACS can make from office documents, text and images. */
const LISTED = ['doclib', 'imgpreview', 'medium', 'pdf'];

const MIME_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG Image',
  'image/png': 'PNG Image',
  'application/pdf': 'Adobe PDF Document',
  'application/x-shockwave-flash': 'Shockwave Flash'
};

export function renditionsRouter(ctx: RepositoryContext, nodes: NodeService): Router {
  const r = Router();

  /** RenditionsImpl.validateNode: the node must exist, be readable and be a cm:content. */
  const sourceFile = (caller: Caller, nodeId: string) => {
    const node = nodes.readable(caller, nodeId);
    if (!ctx.dictionary.isSubClassOf(node.type, 'cm:content'))
      throw errors.invalidArgument(`Node id '${node.id}' does not represent a file.`);
    return node;
  };

  const notCreated = (id: string) => {
    const mimeType = RENDITION_DEFINITIONS[id];
    return { id, content: { mimeType, mimeTypeName: MIME_NAMES[mimeType] }, status: 'NOT_CREATED' };
  };

  r.get(
    '/nodes/:nodeId/renditions',
    handle(({ caller, params, query }) => {
      sourceFile(caller, params.nodeId);
      // where=(status='CREATED') lists none: nothing is ever rendered here.
      const created = /status\s*=\s*'CREATED'/i.test(query.where ?? '');
      return { body: pageOf(created ? [] : LISTED.map(notCreated), parsePaging(query)) };
    })
  );

  r.get(
    '/nodes/:nodeId/renditions/:renditionId',
    handle(({ caller, params }) => {
      sourceFile(caller, params.nodeId);
      if (!RENDITION_DEFINITIONS[params.renditionId]) throw errors.notFoundMessage(`${params.renditionId} is not registered.`);
      return { body: entry(notCreated(params.renditionId)) };
    })
  );

  r.get(
    '/nodes/:nodeId/renditions/:renditionId/content',
    handle(({ caller, params }) => {
      sourceFile(caller, params.nodeId);
      if (!RENDITION_DEFINITIONS[params.renditionId]) throw errors.notFoundMessage(`${params.renditionId} is not registered.`);
      throw errors.notFoundMessage(`The rendition with id: ${params.renditionId} was not found.`);
    })
  );

  // NodeRenditionsRelation.create → RenditionsImpl.createRenditions: one body or a list, each id possibly a
  // comma-separated list; an id missing is 400, unregistered ids 404 together, then the asynchronous render.
  r.post(
    '/nodes/:nodeId/renditions',
    handle(({ caller, params, body }) => {
      const requests = Array.isArray(body) ? body : [body];
      const node = sourceFile(caller, params.nodeId);
      const names = new Set<string | null>();
      for (const req of requests) {
        if (!req || typeof req !== 'object' || Array.isArray(req))
          throw errors.invalidArgument('Could not read content from HTTP request body');
        const id = (req as { id?: unknown }).id;
        if (id !== undefined && id !== null && typeof id !== 'string')
          throw errors.invalidArgument('Could not read content from HTTP request body');
        const split =
          typeof id === 'string'
            ? id
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : [];
        if (!split.length) names.add(null);
        split.forEach((n) => names.add(n));
      }
      if (names.has(null)) throw errors.invalidArgument('Null rendition name supplied');
      const unregistered = [...names].filter((n) => !RENDITION_DEFINITIONS[n!]);
      if (unregistered.length) throw errors.notFoundMessage(`Renditions not registered: ${unregistered.join(',')}`);
      // No transformer here can produce Flash (nor can ACS 7+): the transform client refuses it up front.
      if (names.has('webpreview'))
        throw errors.invalidArgument(
          `Unsupported rendition webpreview from ${node.mime_type ?? 'application/octet-stream'} size: ${node.size ?? 0}`
        );
      return { status: 202 };
    })
  );
  return r;
}
