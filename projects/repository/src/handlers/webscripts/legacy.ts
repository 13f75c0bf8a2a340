/**
 * The two classic web scripts that monitoring and older clients still call, under ACS's web script servlet
 * paths (/alfresco/service, /s, /wcservice, /wcs):
 *
 * - `GET /api/server` (server.get.desc.xml, authentication none): `{ data: { edition, version, schema } }`
 *   from the server descriptor, `schema` as a string (the template prints it with `?c` inside quotes).
 * - `GET /api/login?u=&pw=` (bean Login) and `POST /api/login` with `{ username, password }` (bean LoginPost):
 *   a new ticket, rendered by login.get/post.{xml,json}.ftl. GET answers XML unless JSON is asked for (its
 *   descriptor's default format is xml); POST answers JSON by default.
 *
 * Errors are not the v1 envelope: the web script runtime renders its status template for the response
 * format (Spring Surf's json.status.ftl / xml.status.ftl), with the messages of AbstractLoginBean, Login and
 * LoginPost (400 "Username not specified", "Password not specified", "Unable to parse JSON POST body: …";
 * 403 "Login failed").
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { TicketService } from '../../auth/authentication';
import { REPOSITORY_VERSION } from '../discovery/discovery';

/** The servlet mappings of ACS's web script servlet (web.xml of alfresco.war). */
export const WEBSCRIPT_ROOTS = ['/alfresco/service', '/alfresco/s', '/alfresco/wcservice', '/alfresco/wcs'];

/** Web scripts declared `<authentication>none</authentication>`: any credentials sent are not checked. */
export const PUBLIC_WEBSCRIPTS = ['/api/server', '/api/login'];

type Format = 'json' | 'xml';

const STATUS_TEXT: Record<number, [string, string]> = {
  400: ['Bad Request', 'Request sent by the client was syntactically incorrect.'],
  401: ['Unauthorized', 'The request requires HTTP authentication.'],
  403: ['Forbidden', 'Client does not have access to the requested resource.'],
  404: ['Not Found', 'Requested resource is not available.'],
  405: ['Method Not Allowed', 'Specified method is not allowed for the resource.'],
  500: ['Internal Error', 'An error inside the HTTP server which prevented it from fulfilling the request.']
};

/** A WebScriptException: a status code and message, rendered by the status template. */
export class WebScriptError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

export function legacyWebScriptsRouter(ctx: RepositoryContext, tickets: TicketService): Router {
  const r = Router();

  r.get(/^\/api\/server(\.json)?$/, (req, res, next) => {
    const format = formatOf(req, 'json');
    if (format !== 'json') return next(new WebScriptError(500, `Cannot locate template processor for format ${format}`));
    const { major, minor, patch, label, schema } = REPOSITORY_VERSION;
    // DescriptorServiceImpl.getVersion(): major.minor.revision, then the label in brackets.
    const version = `${major}.${minor}.${patch}${label ? ` (${label})` : ''}`;
    res
      .status(200)
      .type('application/json;charset=UTF-8')
      .send(JSON.stringify({ data: { edition: 'Community', version, schema: String(schema) } }));
  });

  const issue = (res: Response, format: string, username: string, password: string) => {
    if (format !== 'json' && format !== 'xml') throw new WebScriptError(500, `Cannot locate template processor for format ${format}`);
    const person = ctx.authorities.verify(username, password);
    if (!person || !person.enabled) throw new WebScriptError(403, 'Login failed');
    const ticket = tickets.issue(person.id);
    if (format === 'json')
      res
        .status(200)
        .type('application/json;charset=UTF-8')
        .send(JSON.stringify({ data: { ticket } }));
    else res.status(200).type('text/xml;charset=UTF-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n<ticket>${ticket}</ticket>\n`);
  };

  r.get(/^\/api\/login(\.json|\.xml)?$/, (req, res, next) => {
    try {
      const format = formatOf(req, 'xml');
      const u = typeof req.query.u === 'string' ? req.query.u : '';
      if (!u) throw new WebScriptError(400, 'Username not specified');
      if (typeof req.query.pw !== 'string') throw new WebScriptError(400, 'Password not specified');
      issue(res, format, u, req.query.pw);
    } catch (e) {
      next(e);
    }
  });

  r.post(/^\/api\/login(\.json|\.xml)?$/, express.text({ type: () => true, limit: '1mb' }), (req, res, next) => {
    try {
      const format = formatOf(req, 'json');
      const json = typeof req.body === 'string' ? parseObject(req.body) : (req.body as Record<string, unknown> | undefined);
      if (!json || typeof json !== 'object' || Array.isArray(json))
        throw new WebScriptError(400, "Unable to parse JSON POST body: A JSONObject text must begin with '{' at 1 [character 2 line 1]");
      const username = stringField(json, 'username');
      const password = stringField(json, 'password');
      if (!username) throw new WebScriptError(400, 'Username not specified');
      issue(res, format, username, password);
    } catch (e) {
      next(e);
    }
  });

  r.all(/^\/api\/(server|login)(\.json|\.xml)?$/, (req, _res, next) =>
    next(new WebScriptError(405, `Script url ${req.path} does not support the method ${req.method}`))
  );
  return r;
}

/**
 * Errors on the web script paths, rendered as the web script runtime does. Mounted as an error handler so
 * that a malformed JSON body (rejected by the app's JSON parser) gets the status template too.
 */
export function legacyWebScriptErrors(scripts: (string | RegExp)[] = []) {
  const rendered = [...PUBLIC_WEBSCRIPTS, ...scripts];
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!rendered.some((p) => (typeof p === 'string' ? req.path === p || req.path.startsWith(`${p}.`) : p.test(req.path))))
      return next(err);
    let error: WebScriptError;
    if (err instanceof WebScriptError) error = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed')
      error = new WebScriptError(400, `Unable to parse JSON POST body: ${(err as Error).message}`);
    else return next(err);
    const format = formatOf(req, req.method === 'GET' && req.path.startsWith('/api/login') ? 'xml' : 'json');
    const [name, description] = STATUS_TEXT[error.status] ?? [String(error.status), ''];
    if (format === 'xml') {
      res
        .status(error.status)
        .type('text/xml;charset=UTF-8')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<response>\n  <status>\n    <code>${error.status}</code>\n    <name>${name}</name>\n` +
            `    <description>${description}</description>\n  </status>\n  <message>${xmlText(error.message)}</message>\n</response>\n`
        );
    } else {
      res
        .status(error.status)
        .type('application/json;charset=UTF-8')
        .send(
          JSON.stringify({
            status: { code: error.status, name, description },
            message: error.message,
            exception: '',
            callstack: [],
            server: `schema ${REPOSITORY_VERSION.schema}`,
            time: new Date().toUTCString()
          })
        );
    }
  };
}

/** The response format: the URL extension, else the `format` argument, else the descriptor's default. */
function formatOf(req: Request, fallback: Format): string {
  const ext = /\.(\w+)$/.exec(req.path)?.[1];
  const asked = ext ?? (typeof req.query.format === 'string' ? req.query.format : undefined);
  return asked ?? fallback;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** org.json's getString: a missing key or a non-string value is a JSONException. */
function stringField(json: Record<string, unknown>, key: string): string {
  const v = json[key];
  if (typeof v !== 'string') throw new WebScriptError(400, `Unable to parse JSON POST body: JSONObject["${key}"] not found.`);
  return v;
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
