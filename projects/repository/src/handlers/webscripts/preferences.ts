/**
 * The preferences web scripts of ACS's remote-api (alfresco/templates/webscripts/org/alfresco/repository/
 * preference/): how Share and the e-Office extension set a person's preferences, which the public v1 API only
 * reads. Authentication `user`; both answer 404 for no such person, and 401 with PreferenceService's
 * AccessDeniedException message for a caller who is neither the person nor an administrator (the scripts
 * catch that exception and set 401; any other failure is 500).
 *
 * - `POST /api/people/{userid}/preferences` (preferences.post.json.js): the JSON body's values, nested
 *   objects as dotted names (ScriptPreferenceService.setPreferences), replace those of the same names; others
 *   are kept. The response template renders no data: `{}` here.
 * - `GET /api/people/{userid}/preferences[?pf=filter]` (preferences.get.js): the preferences as one nested
 *   JSON object (jsonUtils.toJSONString of ScriptPreferenceService.getPreferences).
 */
import express, { Router, type Request, type Response } from 'express';
import type { Caller } from '../../auth/caller';
import { inTransaction } from '../../persistence/database';
import type { RepositoryContext } from '../../services/repository-context';
import { PreferenceAccessDenied, PreferenceService, flattenPreferences, nestPreferences } from '../../services/preference-service';
import { WebScriptError } from './legacy';

export const PREFERENCES_WEBSCRIPT = /^\/api\/people\/([^/]+)\/preferences(\.json)?$/;

export function preferencesWebScriptRouter(ctx: RepositoryContext): Router {
  const r = Router();
  const service = new PreferenceService(ctx);

  /**
   * Authentication `user`: without credentials the web script runtime challenges (401, WWW-Authenticate) before
   * the script runs. Then people.getPerson(userid) == null: 404 "The user x could not be found".
   */
  const userOf = (req: Request, res: Response): string => {
    if (!res.locals.caller) {
      res.setHeader('WWW-Authenticate', 'Basic realm="Alfresco"');
      throw new WebScriptError(
        401,
        `Web Script ${req.method === 'GET' ? 'preferences.get' : 'preferences.post'} requires user authentication.`
      );
    }
    const userid = decodeURIComponent(PREFERENCES_WEBSCRIPT.exec(req.path)![1]);
    if (!ctx.authorities.person(userid)) throw new WebScriptError(404, `The user ${userid} could not be found`);
    return userid;
  };
  const refusal = (e: unknown) => {
    if (e instanceof PreferenceAccessDenied) return new WebScriptError(401, e.message);
    return e;
  };
  const json = (res: Response, body: unknown) => res.status(200).type('application/json;charset=UTF-8').send(JSON.stringify(body));

  r.get(PREFERENCES_WEBSCRIPT, (req, res, next) => {
    try {
      const userid = userOf(req, res);
      const filter = typeof req.query.pf === 'string' ? req.query.pf : null;
      try {
        json(res, nestPreferences(service.get(res.locals.caller as Caller, userid, filter)));
      } catch (e) {
        throw refusal(e);
      }
    } catch (e) {
      next(e);
    }
  });

  r.post(PREFERENCES_WEBSCRIPT, express.text({ type: () => true, limit: '1mb' }), (req, res, next) => {
    try {
      const userid = userOf(req, res);
      let body: unknown;
      try {
        body = typeof req.body === 'string' ? JSON.parse(req.body) : req.body;
      } catch (e) {
        throw new WebScriptError(400, `Unable to parse JSON POST body: ${(e as Error).message}`);
      }
      // jsonUtils.toObject takes a JSON object only.
      if (!body || typeof body !== 'object' || Array.isArray(body))
        throw new WebScriptError(400, "Unable to parse JSON POST body: A JSONObject text must begin with '{' at 1 [character 2 line 1]");
      try {
        inTransaction(ctx.db, () => service.set(res.locals.caller as Caller, userid, flattenPreferences(body as Record<string, unknown>)));
      } catch (e) {
        throw refusal(e);
      }
      json(res, {});
    } catch (e) {
      next(e);
    }
  });

  r.all(PREFERENCES_WEBSCRIPT, (req, _res, next) =>
    next(new WebScriptError(405, `Script url ${req.path} does not support the method ${req.method}`))
  );
  // Errors are rendered by the web script status template (legacyWebScriptErrors, mounted in registry.ts).
  return r;
}
