import { errors } from '../../errors/api-error';

/**
 * The `where` parameter of the workflow API: comparisons joined by AND only (ACS refuses OR there), e.g.
 * `(assignee = 'fred' AND status = 'active')`, `(dueAt >= '2026-01-01T00:00:00.000+0000')`,
 * `(name MATCHES('Review%'))`, `(variables/bpm_priority >= 'd:int 1')`.
 *
 * As in ACS's grammar (remote-api WhereClause.g) a value is a single-quoted string, a run of digits or a bare
 * identifier, and every value reaches the resource as TEXT: `true` and `5` are the strings "true" and "5". Each
 * resource converts what it needs (TasksImpl: priority to Integer, includeTaskVariables to Boolean), and a
 * variable's value has a type only when it says so (`'d:boolean false'`, see {@link variableValue}).
 */
export interface Clause {
  property: string;
  op: '=' | '>' | '>=' | '<' | '<=' | 'MATCHES';
  value: string;
}

const CLAUSE = /^\s*([\w/:.]+)\s*(>=|<=|=|>|<|MATCHES)\s*(\(\s*)?('(?:[^']|'')*'|[^\s)]+)\s*\)?\s*$/i;
/** An unquoted value: digits, or an identifier as ACS's PROPERTYNAME token spells it. */
const BARE_VALUE =
  /^(\d+|\/?[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*(:[\w\u00c0-\uffff]*)?(\/[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*(:[\w\u00c0-\uffff]*)?)*)$/;
/** The comparison names ACS puts in its "isn't supported for ... comparison" message (WhereClauseParser.tokenNames). */
const TOKEN: Record<Clause['op'], string> = {
  '=': 'EQUALS',
  '>': 'GREATERTHAN',
  '>=': 'GREATERTHANOREQUALS',
  '<': 'LESSTHAN',
  '<=': 'LESSTHANOREQUALS',
  MATCHES: 'MATCHES'
};

/**
 * Parses `where`, refusing what ACS's walker refuses. Without `allowed` only the syntax is checked: ACS's
 * framework compiles every `where` it is given, also on resources that then ignore it.
 */
export function parseWhere(where: string | undefined, allowed?: Record<string, Clause['op'][]>): Clause[] {
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
    const raw = m[4];
    let value: string;
    if (/^'.*'$/.test(raw)) value = raw.slice(1, -1).replace(/''/g, "'");
    else if (BARE_VALUE.test(raw)) value = raw;
    else throw errors.invalidArgument(`An invalid WHERE query was received: value ${raw} must be quoted`);
    // MapBasedQueryWalker: a property or operator the resource does not list is refused, in its words.
    const ops = allowed?.[property.startsWith('variables/') ? 'variables/*' : property];
    if (allowed && !ops?.includes(op)) {
      if (op === 'MATCHES') throw errors.invalidArgument(`Cannot use matching for property: ${property}`);
      throw errors.invalidProperty(`The property '${property}' with value '${value}' isn't supported for ${TOKEN[op]} comparison`);
    }
    return { property, op, value };
  });
}

/** A where value read as TasksImpl reads priority (ConvertUtils to Integer); 400 in ACS's words otherwise. */
export function integerValue(c: Clause): number {
  if (!/^[+-]?\d+$/.test(c.value.trim()))
    throw errors.invalidArgument(`Query property value for '${c.property}' should be a valid Integer`);
  return Number(c.value.trim());
}

/** A where value read as ConvertUtils reads a Boolean (includeTaskVariables, includeVariables ...). */
export function booleanValue(c: Clause): boolean {
  const v = c.value.trim().toLowerCase();
  if (['true', 'yes', 'y', 'on', '1'].includes(v)) return true;
  if (['false', 'no', 'n', 'off', '0'].includes(v)) return false;
  throw errors.invalidArgument(`Query property value for '${c.property}' should be a valid Boolean`);
}

/** Alfresco's data types (dictionary model d:) that convert to something other than text, number, boolean or date. */
const DATA_TYPES = new Set(
  [
    'mltext',
    'content',
    'noderef',
    'childassocref',
    'assocref',
    'path',
    'qname',
    'category',
    'locale',
    'version',
    'period',
    'encrypted'
  ].map((t) => `d:${t}`)
);

/** What a variable's value is compared as: Activiti matches a query value only with a variable of its kind. */
export type VariableKind = 'text' | 'boolean' | 'number' | 'date' | 'other';

/** The kind of a stored workflow variable, from its dictionary type. */
export function kindOfType(type: string, value: unknown): VariableKind {
  if (Array.isArray(value)) return 'other';
  if (type === 'd:boolean') return 'boolean';
  if (['d:int', 'd:long', 'd:float', 'd:double'].includes(type)) return 'number';
  if (type === 'd:date' || type === 'd:datetime') return 'date';
  if (['d:text', 'd:mltext', 'd:qname', 'd:category', 'd:locale'].includes(type)) return 'text';
  if (type === 'd:any')
    return typeof value === 'string' ? 'text' : typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'other';
  // nodes, people and groups are script nodes in Activiti: no query value equals them
  return 'other';
}

/**
 * A `variables/...` where value as MapBasedQueryWalker.processVariable reads it: text unless it starts with
 * a data type and a space (`'d:boolean false'`, `'d_int 5'`, `'d:date 2026-01-01'`). An unknown type
 * within a known prefix leaves the rest as text, as ACS does; an unknown prefix is refused.
 */
export function variableValue(c: Clause, knownPrefix: (prefix: string) => boolean): { kind: VariableKind; value: unknown } {
  const raw = c.value;
  const space = raw.indexOf(' ');
  const under = raw.indexOf('_');
  const colon = raw.indexOf(':');
  const typed = space > 0 && ((under >= 0 && space > under) || (colon >= 0 && space > colon));
  if (!typed) return { kind: 'text', value: raw };
  const type = raw.slice(0, space).replace(/_/g, ':');
  const text = raw.slice(space + 1);
  const [prefix, local] = type.split(':');
  const fail = () => errors.invalidArgument(`Error translating propertyName ${c.property} with value ${raw}`);
  if (!prefix || local === undefined || !knownPrefix(prefix)) throw fail();
  switch (type) {
    case 'd:boolean':
      // DefaultTypeConverter: Boolean.valueOf, anything but "true" is false
      return { kind: 'boolean', value: text.trim().toLowerCase() === 'true' };
    case 'd:int':
    case 'd:long':
    case 'd:float':
    case 'd:double': {
      const n = Number(text.trim());
      if (!text.trim() || Number.isNaN(n) || ((type === 'd:int' || type === 'd:long') && !Number.isInteger(n))) throw fail();
      return { kind: 'number', value: n };
    }
    case 'd:date':
    case 'd:datetime': {
      const t = Date.parse(text.trim().replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      if (Number.isNaN(t)) throw fail();
      return { kind: 'date', value: t };
    }
    case 'd:text':
    case 'd:any':
      return { kind: 'text', value: text };
    default:
      // Other data types convert to objects (NodeRef, QName, MLText ...) no stored text equals; a QName that is
      // no data type converts nothing, and the rest stays text (dictionaryService.getDataType gives null).
      return { kind: DATA_TYPES.has(type) ? 'other' : 'text', value: text };
  }
}

/** Compares a stored variable with a typed where value: kinds must agree (Activiti's variable types). */
export function testVariable(
  stored: { type: string; value: unknown } | undefined,
  c: Clause,
  wanted: { kind: VariableKind; value: unknown }
): boolean {
  if (!stored || stored.value === null || stored.value === undefined) return false;
  const kind = kindOfType(stored.type, stored.value);
  if (c.op === 'MATCHES') {
    if (wanted.kind !== 'text')
      throw errors.invalidArgument(
        `the matches operator can only be used with a String value for property ${c.property.replace(/^variables\/(local\/|global\/)?/, '')}`
      );
    return kind === 'text' && matches(String(wanted.value)).test(String(stored.value));
  }
  if (kind !== wanted.kind) return false;
  const a = kind === 'date' ? time(stored.value) : (stored.value as string | number | boolean);
  const b = wanted.value as string | number | boolean;
  return compare(a, b, c.op);
}

function compare(a: string | number | boolean, b: string | number | boolean, op: Clause['op']): boolean {
  switch (op) {
    case '=':
      return a === b;
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
  if (c.op === 'MATCHES') return actual !== null && actual !== undefined && matches(c.value).test(String(actual));
  if (actual === null || actual === undefined) return false;
  if (kind === 'date') {
    const b = time(c.value);
    if (Number.isNaN(b)) throw errors.invalidArgument(`Invalid date in where: ${c.value}`);
    return compare(time(actual), b, c.op);
  }
  if (kind === 'number') return compare(Number(actual), Number(c.value), c.op);
  return compare(String(actual), c.value, c.op);
}
