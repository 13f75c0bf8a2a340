import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import { sendJson } from '../../http/api';
import { errors } from '../../errors/api-error';

export const REPOSITORY_VERSION = {
  major: '26',
  minor: '3',
  patch: '0',
  hotfix: '0',
  schema: 20000,
  label: 'r-eoffice',
  display: '26.3.0.0 (eOffice local repository) schema 20000'
};

/** /alfresco/api/discovery: what this repository is and what it has installed. */
export function discoveryRouter(
  ctx: RepositoryContext,
  modules: () => { id: string; title: string; description: string; version: string; installState: string; installDate: string }[]
): Router {
  const r = Router();
  r.get('/', (_req, res, next) => {
    if (!res.locals.caller) return next(errors.unauthorized());
    sendJson(res, 200, {
      entry: {
        repository: {
          id: ctx.wellKnown.root,
          edition: 'Community',
          version: REPOSITORY_VERSION,
          license: undefined,
          status: {
            isReadOnly: false,
            isAuditEnabled: true,
            isQuickShareEnabled: true,
            isThumbnailGenerationEnabled: false,
            isDirectAccessUrlEnabled: false
          },
          modules: modules()
        }
      }
    });
  });
  return r;
}
