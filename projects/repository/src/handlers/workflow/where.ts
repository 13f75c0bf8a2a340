import { errors } from '../../errors/api-error';

/**
 * The `where` parameter of the workflow API: comparisons joined by AND only (ACS refuses OR there), e.g.
 * `(assignee = '-me-' AND status = 'active')`, `(dueAt >= '2026-01-01T00:00:00.000+0000')`,
 * `(name MATCHES('Review%'))`, `(variables/bpm_priority > 1)`.
 */
export interface Clause {
  property: string;
  op: '=' | '>' | '>=' | '<' | '<=' | 'MATCHES';
  value: string | number | boolean;
}

const CLAUSE = /^\s*([\w/:.]+)\s*(>=|<=|=|>|<|MATCHES)\s*(\(\s*)?('(?:[^']|'')*'|"[^"]*"|[^\s)]+)\s*\)?\s*$/i;

export function parseWhere(where: string | undefined, allowed: Record<string, Clause['op'][]>): Clause[] {
  if (!where || !where.trim()) return [];
  let text = where.trim();
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1);
  const parts = splitAnd(text);
  return parts.map((part) => {
    if (/^\s*(OR|NOT)\b|\s+OR\s+/i.test(part))
      throw errors.invalidArgument(`An invalid WHERE query was received. Only AND is supported: ${where}`);
    const m = CLAUSE.exec(part);
    if (!m) throw errors.invalidArgument(`An invalid WHERE query was received: ${part.trim()}`);
    const property = m[1];
    const op = m[2].toUpperCase() as Clause['op'];
    const key = property.startsWith('variables/') ? 'variables/*' : property;
    const ops = allowed[key];
    if (!ops) throw errors.invalidArgument(`An invalid WHERE query was received. Unsupported property: ${property}`);
    if (!ops.includes(op)) throw errors.invalidArgument(`An invalid WHERE query was received. Unsupported operator ${op} for ${property}`);
    const raw = m[4];
    let value: Clause['value'];
    if (/^'.*'$|^".*"$/.test(raw)) value = raw.slice(1, -1).replace(/''/g, "'");
    else if (raw === 'true' || raw === 'false') value = raw === 'true';
    else if (!Number.isNaN(Number(raw))) value = Number(raw);
    else throw errors.invalidArgument(`An invalid WHERE query was received: value ${raw} must be quoted`);
    return { property, op, value };
  });
}

/** Splits on AND outside quotes. */
function splitAnd(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      cur += c;
      continue;
    }
    if (/\s/.test(c) && /^\s+AND\s+/i.test(text.slice(i))) {
      out.push(cur);
      cur = '';
      i += /^\s+AND\s+/i.exec(text.slice(i))![0].length - 1;
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out.filter((s) => s.trim());
}

/** `Review%` -> a case-insensitive RegExp. */
export function matches(pattern: string): RegExp {
  return new RegExp(
    '^' +
      pattern
        .split('%')
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    'i'
  );
}

const time = (v: unknown) => Date.parse(String(v).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));

/** Compares an entity's value with a clause; dates compare as instants, numbers numerically. */
export function test(actual: unknown, c: Clause, kind: 'text' | 'date' | 'number' = 'text'): boolean {
  if (c.op === 'MATCHES') return actual !== null && actual !== undefined && matches(String(c.value)).test(String(actual));
  if (actual === null || actual === undefined) return false;
  let a: number | string | boolean = actual as string;
  let b: number | string | boolean = c.value;
  if (kind === 'date') {
    a = time(actual);
    b = time(c.value);
    if (Number.isNaN(b)) throw errors.invalidArgument(`Invalid date in where: ${String(c.value)}`);
  } else if (kind === 'number' || typeof c.value === 'number') {
    a = Number(actual);
    b = Number(c.value);
  }
  switch (c.op) {
    case '=':
      return typeof a === 'string' && typeof b === 'string' ? a === b : a == b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    default:
      return a <= b;
  }
}
