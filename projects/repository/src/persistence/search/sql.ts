/** A SQL fragment with its positional parameters, composed in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

export const sql = (s: string, ...params: unknown[]): Sql => ({ sql: s, params });
export const TRUE: Sql = { sql: '1', params: [] };
export const FALSE: Sql = { sql: '0', params: [] };

/**
 * Joins fragments with an associative operator (AND, OR). Long lists are grouped as a balanced tree: SQLite
 * parses `a OR b OR c …` into a chain as deep as the list, and refuses expression trees deeper than 1000.
 */
export function join(parts: Sql[], sep: string): Sql {
  if (parts.length <= 8) return { sql: parts.map((p) => `(${p.sql})`).join(sep), params: parts.flatMap((p) => p.params) };
  const half = Math.ceil(parts.length / 2);
  return join([join(parts.slice(0, half), sep), join(parts.slice(half), sep)], sep);
}

/** `IN (…)` over a list of values, bound as one JSON parameter so long lists need no placeholders. */
export function inList(expr: string, values: unknown[]): Sql {
  if (values.length === 0) return FALSE;
  if (values.length === 1) return sql(`${expr} = ?`, values[0]);
  return sql(`${expr} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
}
