// Pieces of AFTS queries the lists, searches and the MIS build alike.

/** AFTS string literal: double quotes and backslashes escaped. */
export const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Exact match of `field` against any of `values` (`=` works from the database of any ACS). No values
 * matches nothing: an officer without posts sees nothing rather than everything.
 */
export function anyOf(field: string, values: string[]): string {
  if (!values.length) return `=${field}:"-none-"`;
  return values.length === 1 ? `=${field}:${quote(values[0])}` : `(${values.map((v) => `=${field}:${quote(v)}`).join(' OR ')})`;
}
