// Conversion of REST API property values (JSON) to the canonical values the repository stores and
// returns. One function per data type; unknown data types pass through unchanged.
import { DictionaryError, PropertyDef } from './types';

/** ACS prints dates as ISO-8601 in UTC with milliseconds and a '+0000' offset. */
export function formatAcsDate(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Accepts yyyy-MM-dd, ISO-8601 date-times with Z, +hh:mm or +hhmm offsets (a time without an offset is
 * taken as UTC), epoch milliseconds and Date objects. Impossible dates (2024-02-30) are refused.
 */
export function parseDate(raw: unknown): Date | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Date(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = DATE_RE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
  const check = new Date(local);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return new Date(local - offsetMinutes * 60_000);
}

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NODE_ID_RE = /^[A-Za-z0-9_.;-]+$/;
const NODE_REF_RE = /^([a-z]+):\/\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.;-]+)$/;
const LOCALE_RE = /^[A-Za-z]{2,8}(?:[_-][A-Za-z0-9]{1,8})*$/;
const PERIOD_RE = /^[A-Za-z]+(?:\|.*)?$/;

export interface ConvertContext {
  /** Canonical prefixed form of a QName in either form, or undefined when its namespace is unknown. */
  toPrefixed(q: string): string | undefined;
}

type Converter = (raw: unknown, ctx: ConvertContext) => unknown;

const toNumber = (raw: unknown, integer: boolean): number | undefined => {
  if (typeof raw === 'number') return Number.isFinite(raw) && (!integer || Number.isInteger(raw)) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  return (integer ? INT_RE : FLOAT_RE).test(s) ? Number(s) : undefined;
};

const text: Converter = (raw) =>
  typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;

/**
 * Node references are accepted as a bare node id or as `workspace://SpacesStore/<id>`. They are stored as
 * the bare id for the live store, which is how the REST API returns them; references into other stores
 * keep their full form.
 */
const nodeRef: Converter = (raw) => {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  const m = NODE_REF_RE.exec(s);
  if (m) return m[1] === 'workspace' && m[2] === 'SpacesStore' ? m[3] : s;
  return NODE_ID_RE.test(s) ? s : undefined;
};

const CONVERTERS: Record<string, Converter> = {
  'd:text': text,
  'd:mltext': text,
  'd:encrypted': text,
  'd:int': (raw) => {
    const n = toNumber(raw, true);
    return n !== undefined && n >= -2147483648 && n <= 2147483647 ? n : undefined;
  },
  // JSON numbers are doubles: longs beyond 2^53 cannot be represented exactly and are refused.
  'd:long': (raw) => {
    const n = toNumber(raw, true);
    return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
  },
  'd:float': (raw) => {
    const n = toNumber(raw, false);
    return n !== undefined && Math.abs(n) <= 3.4028234663852886e38 ? n : undefined;
  },
  'd:double': (raw) => toNumber(raw, false),
  'd:date': (raw) => {
    const d = parseDate(raw);
    return d && formatAcsDate(d);
  },
  'd:datetime': (raw) => {
    const d = parseDate(raw);
    return d && formatAcsDate(d);
  },
  // Stricter than Java's Boolean.valueOf (which turns any other string into false): a typo is an error.
  'd:boolean': (raw) => {
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
    return undefined;
  },
  'd:noderef': nodeRef,
  'd:category': nodeRef,
  'd:qname': (raw, ctx) => (typeof raw === 'string' ? ctx.toPrefixed(raw.trim()) : undefined),
  // Locales are stored the way ACS prints them: en_US.
  'd:locale': (raw) => (typeof raw === 'string' && LOCALE_RE.test(raw.trim()) ? raw.trim().replace(/-/g, '_') : undefined),
  'd:period': (raw) => (typeof raw === 'string' && PERIOD_RE.test(raw.trim()) ? raw.trim() : undefined),
  'd:any': (raw) => raw
};

const invalid = (prop: PropertyDef, raw: unknown): DictionaryError =>
  new DictionaryError('invalidValue', `Invalid value for property ${prop.name} (${prop.dataType}): ${JSON.stringify(raw)}`, prop.name);

/** Converts one scalar value; `null` stays null. Empty strings clear non-text properties. */
function convertScalar(prop: PropertyDef, raw: unknown, ctx: ConvertContext): unknown {
  if (raw === null || raw === undefined) return null;
  const isText = prop.dataType === 'd:text' || prop.dataType === 'd:mltext';
  if (!isText && prop.dataType !== 'd:any' && raw === '') return null;
  const converter = CONVERTERS[prop.dataType];
  if (!converter) return raw;
  const value = converter(raw, ctx);
  if (value === undefined) throw invalid(prop, raw);
  return value;
}

/**
 * Converts a property value: multi-valued properties always become arrays (a scalar is wrapped),
 * single-valued properties refuse arrays. Returns null to remove the property.
 */
export function convertValue(prop: PropertyDef, raw: unknown, ctx: ConvertContext): unknown {
  if (raw === null || raw === undefined) return null;
  if (prop.multiple) {
    const values = Array.isArray(raw) ? raw : [raw];
    return values.map((v) => convertScalar(prop, v, ctx)).filter((v) => v !== null);
  }
  if (Array.isArray(raw) && prop.dataType !== 'd:any') {
    throw new DictionaryError(
      'invalidValue',
      `Property ${prop.name} is single-valued but an array was given: ${JSON.stringify(raw)}`,
      prop.name
    );
  }
  return convertScalar(prop, raw, ctx);
}
