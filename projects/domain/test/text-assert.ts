// Assertions on query text: on failure they print the whole query, which is what one needs to read then.
import assert from 'node:assert/strict';

/** `text` (a query, or a list of names) contains `part`. */
export function includes(text: string | readonly string[] | undefined, part: string): void {
  assert.ok(text?.includes(part), `${JSON.stringify(text)}\ndoes not contain\n${JSON.stringify(part)}`);
}

/** `text` does not contain `part`. */
export function excludes(text: string | readonly string[] | undefined, part: string): void {
  assert.ok(!text?.includes(part), `${JSON.stringify(text)}\ncontains\n${JSON.stringify(part)}`);
}
