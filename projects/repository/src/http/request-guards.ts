/**
 * What the HTTP layer refuses before a handler runs, so that hostile input answers 400 with Alfresco's
 * error envelope instead of reaching code that would overflow its stack or the database's limits.
 */
import express, { type Request, type Response, type NextFunction, type RequestHandler } from 'express';
import { ApiError, errors } from '../errors/api-error';

/**
 * Deepest nesting of objects and arrays accepted in a JSON body. ACS parses bodies with Jackson, whose
 * StreamReadConstraints refuse documents nested deeper than 1000 (a 400 there too).
 */
export const MAX_JSON_DEPTH = 1000;

/** Sent with every response: a browser must take the declared Content-Type, never guess a script from bytes. */
export function noSniff(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
}

/**
 * JSON bodies. Compressed request bodies are refused rather than inflated: ACS (Tomcat) does not decode a
 * request's Content-Encoding, so a compressed body is unreadable JSON there (400), never a valid request.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    type: ['application/json', 'application/*+json'],
    inflate: false,
    verify: (_req, _res, buf) => checkJsonDepth(buf)
  });
  // A node's new content is its bytes whatever their type (ACS's NodesImpl.updateContent streams the body
  // into the content store): a JSON file put there is stored as sent, not parsed and consumed here.
  return (req, res, next) => (req.method === 'PUT' && CONTENT_PUT.test(req.path) ? next() : parse(req, res, next));
}

/** PUT /nodes/{nodeId}/content in the public REST API. */
const CONTENT_PUT = /\/api\/-default-\/public\/alfresco\/versions\/1\/nodes\/[^/]+\/content$/;

/** Scans the raw bytes (strings skipped) so a deeply nested body is refused before JSON.parse or any walker sees it. */
function checkJsonDepth(buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        // body-parser wraps a verify failure as a 403; the type lets requestError() answer 400.
        throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { type: 'entity.too.deep' });
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * The ApiError for a failure raised by express or body-parser before a handler ran (undefined for anything
 * else, which stays a 500): bad JSON, a body too large, too deep or wrongly encoded, a path that is not
 * valid percent-encoded UTF-8 (express fails to decode the `:nodeId` parameter).
 */
export function requestError(err: unknown): ApiError | undefined {
  if (err instanceof ApiError) return err;
  const e = err as { type?: string; status?: number; message?: string; headers?: Record<string, string> } | null;
  if (!e || typeof e !== 'object') return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return errors.invalidArgument('Could not read content from HTTP request body: malformed JSON');
    case 'entity.too.deep':
      return errors.invalidArgument(`Could not read content from HTTP request body: ${e.message}`);
    case 'entity.too.large':
      return errors.payloadTooLarge('Request body too large');
    case 'encoding.unsupported':
      return errors.invalidArgument('Could not read content from HTTP request body: unsupported Content-Encoding');
    case 'charset.unsupported':
      return errors.unsupportedMediaType(`Unsupported charset in Content-Type: ${e.message ?? ''}`);
  }
  if (err instanceof URIError) return errors.invalidArgument('Invalid URL: a path segment is not valid percent-encoded UTF-8');
  return undefined;
}
