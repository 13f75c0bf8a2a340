import { entry, objectBody, pageOf } from '../../http/api';

/** One object gives an entry, a list gives a list (the workflow API's batch form). */
export function oneOrMany<T, R>(body: unknown, fn: (item: T) => R): { status: number; body: unknown } {
  if (Array.isArray(body)) {
    const out = body.map((b) => fn(b as T));
    return { status: 201, body: pageOf(out, { skipCount: 0, maxItems: Math.max(out.length, 100) }) };
  }
  return { status: 201, body: entry(fn(objectBody(body) as T)) };
}
