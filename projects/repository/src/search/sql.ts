/** A SQL fragment with its positional parameters, composed in order. */
export interface Sql {
  sql: string;
  params: unknown[];
}

export const sql = (s: string, ...params: unknown[]): Sql => ({ sql: s, params });
export const TRUE: Sql = { sql: '1', params: [] };
export const FALSE: Sql = { sql: '0', params: [] };

export function join(parts: Sql[], sep: string): Sql {
  return { sql: parts.map((p) => `(${p.sql})`).join(sep), params: parts.flatMap((p) => p.params) };
}

/** `IN (…)` over a list of values, bound as one JSON parameter so long lists need no placeholders. */
export function inList(expr: string, values: unknown[]): Sql {
  if (values.length === 0) return FALSE;
  if (values.length === 1) return sql(`${expr} = ?`, values[0]);
  return sql(`${expr} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
}
