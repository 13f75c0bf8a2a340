import type { Request, Response, NextFunction, RequestHandler } from 'express';
import { ApiError, errors } from '../errors/api-error';
import type { Caller } from '../auth/caller';

/** Everything a handler needs about the current call. */
export interface CallContext {
  caller: Caller;
  req: Request;
  res: Response;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
}

export interface Paging {
  skipCount: number;
  maxItems: number;
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
  /** The handler wrote the response itself (content streams). */
  handled?: boolean;
}

type Handler = (ctx: CallContext) => HandlerResult | void | Promise<HandlerResult | void>;

/** Adapts a handler to express: resolves the caller, runs it, writes JSON or the error envelope. */
export function handle(fn: Handler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller) return next(errors.unauthorized());
    const query: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.query))
      query[k] = Array.isArray(v) ? String(v[v.length - 1]) : v === undefined ? undefined : String(v);
    const ctx: CallContext = { caller, req, res, params: req.params, query, body: req.body };
    Promise.resolve()
      .then(() => fn(ctx))
      .then((result) => {
        if (!result) return void res.status(204).end();
        if (result.handled) return;
        const status = result.status ?? 200;
        if (result.body === undefined) res.status(status).end();
        else sendJson(res, status, applyFields(result.body, ctx.query.fields));
      })
      .catch(next);
  };
}

export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const method = res.req.method;
  // A write's answer goes out as express would send it, less the ETag it computes for a conditional GET
  // (a hash of the whole answer, of no use to anyone after a POST, PUT or DELETE): the same status, type and length.
  if (method !== 'GET' && method !== 'HEAD' && status !== 204 && status !== 205) {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
    return;
  }
  res.status(status).type('application/json;charset=UTF-8').send(text);
}

/**
 * skipCount and maxItems as ACS reads them (RecognizedParamsExtractor.getPaging): Java's Integer.parseInt, so
 * only an optionally signed run of digits within a 32-bit int; anything else, however large, answers 400.
 */
export function parsePaging(query: Record<string, string | undefined>, defaultMax = 100): Paging {
  const skip = query.skipCount === undefined ? 0 : javaInt(query.skipCount);
  const max = query.maxItems === undefined ? defaultMax : javaInt(query.maxItems);
  if (skip === undefined) throw errors.invalidArgument(`Invalid paging parameter skipCount:${query.skipCount}`);
  if (max === undefined) throw errors.invalidArgument(`Invalid paging parameter maxItems:${query.maxItems}`);
  if (skip < 0) throw errors.invalidArgument('Negative values not supported for skipCount.');
  if (max < 1) throw errors.invalidArgument(`Only positive values supported for maxItems`);
  return { skipCount: skip, maxItems: max };
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** The value Java's Integer.parseInt gives, or undefined where it throws NumberFormatException. */
export function javaInt(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= INT_MIN && n <= INT_MAX ? n : undefined;
}

export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The `include` query parameter as a set of names (include=path,permissions). */
export function includeOf(query: Record<string, string | undefined>): Set<string> {
  return new Set(parseList(query.include));
}

export function entry<T>(value: T): { entry: T } {
  return { entry: value };
}

/** Wraps a page of entries in Alfresco's list envelope. totalItems is given when known cheaply. */
export function list<T>(entries: T[], paging: Paging, totalItems: number, extra?: Record<string, unknown>) {
  return {
    list: {
      pagination: {
        count: entries.length,
        hasMoreItems: paging.skipCount + entries.length < totalItems,
        totalItems,
        skipCount: paging.skipCount,
        maxItems: paging.maxItems
      },
      entries: entries.map((e) => ({ entry: e })),
      ...extra
    }
  };
}

/** Pages an in-memory array (small collections: groups of a person, site members, versions …). */
export function pageOf<T>(all: T[], paging: Paging) {
  return list(all.slice(paging.skipCount, paging.skipCount + paging.maxItems), paging, all.length);
}

/** The `fields` parameter keeps only the named top-level properties of each entry. */
function applyFields(body: unknown, fields: string | undefined): unknown {
  const keep = parseList(fields);
  if (!keep.length || typeof body !== 'object' || body === null) return body;
  const pick = (o: Record<string, unknown>) => Object.fromEntries(keep.filter((k) => k in o).map((k) => [k, o[k]]));
  const b = body as { entry?: Record<string, unknown>; list?: { entries: { entry: Record<string, unknown> }[] } };
  if (b.entry) return { entry: pick(b.entry) };
  if (b.list?.entries) return { list: { ...b.list, entries: b.list.entries.map((e) => ({ entry: pick(e.entry) })) } };
  return body;
}

/** A required JSON object body. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw errors.invalidArgument('Could not read content from HTTP request body');
  return body as Record<string, unknown>;
}

export function str(o: Record<string, unknown>, key: string, required = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) throw errors.invalidArgument(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw errors.invalidArgument(`${key} must be a string`);
  return v;
}

export function bool(query: string | undefined, fallback: boolean): boolean {
  if (query === undefined) return fallback;
  if (query === 'true') return true;
  if (query === 'false') return false;
  throw errors.invalidArgument(`Invalid boolean value: ${query}`);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
