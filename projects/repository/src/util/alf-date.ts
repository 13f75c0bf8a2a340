/**
 * A date as ACS writes it on the wire and as the repository stores it: 2026-11-22T16:08:10.218+0000
 * (ISO 8601 in UTC, with ACS's numeric offset instead of Z). Used by every layer, so it lives in none.
 */
export function alfDate(d: Date | string | number = new Date()): string {
  return new Date(d).toISOString().replace('Z', '+0000');
}
