// Dates in queries: ISO dates of any precision plus Solr-style date math (NOW, NOW/DAY, NOW-7DAYS,
// NOW+1MONTH/DAY, 2026-01-01||+1DAY). All arithmetic is UTC, as Alfresco's index stores UTC.
import { SearchError } from './errors';

/** A date value as a half-open interval of epoch ms: a partial date like 2026-03 covers the month. */
export interface DateSpan {
  start: number;
  end: number;
}

const UNITS: Record<string, Unit> = {
  YEAR: 'Y',
  YEARS: 'Y',
  MONTH: 'M',
  MONTHS: 'M',
  WEEK: 'W',
  WEEKS: 'W',
  DAY: 'D',
  DAYS: 'D',
  DATE: 'D',
  HOUR: 'h',
  HOURS: 'h',
  MINUTE: 'm',
  MINUTES: 'm',
  SECOND: 's',
  SECONDS: 's',
  MILLI: 'ms',
  MILLIS: 'ms',
  MILLISECOND: 'ms',
  MILLISECONDS: 'ms'
};
type Unit = 'Y' | 'M' | 'W' | 'D' | 'h' | 'm' | 's' | 'ms';

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}:?\d{2})?/u;

/** Parses a date expression; returns undefined when `text` is not a date at all. */
export function parseDate(text: string, now: Date): DateSpan | undefined {
  let s = text.trim();
  let span: DateSpan;
  let m: RegExpExecArray | null;
  if (/^NOW/iu.test(s)) {
    const t = now.getTime();
    span = { start: t, end: t + 1 };
    s = s.slice(3);
  } else if (/^TODAY/iu.test(s)) {
    const t = floor(now.getTime(), 'D');
    span = { start: t, end: add(t, 'D', 1) };
    s = s.slice(5);
  } else if ((m = ISO.exec(s)) && m[0].length > 0) {
    const [, y, mo, d, h, mi, se, frac, zone] = m;
    const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
    let t = Date.UTC(+y, mo ? +mo - 1 : 0, d ? +d : 1, h ? +h : 0, mi ? +mi : 0, se ? +se : 0, ms);
    if (zone && zone !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
    }
    const precision: Unit = frac ? 'ms' : se ? 's' : mi ? 'm' : h ? 'h' : d ? 'D' : mo ? 'M' : 'Y';
    if (Number.isNaN(t)) return undefined;
    span = { start: t, end: add(t, precision, 1) };
    s = s.slice(m[0].length);
  } else {
    return undefined;
  }
  s = s.replace(/^\|\|/u, '');
  // date math: any sequence of +N UNIT, -N UNIT, /UNIT; each step turns the span into a point
  while (s.length > 0) {
    const op = /^([+-])(\d+)([A-Za-z]+)|^\/([A-Za-z]+)/u.exec(s);
    if (!op) throw new SearchError(`Invalid date expression '${text}'`);
    if (op[4]) {
      const u = UNITS[op[4].toUpperCase()];
      if (!u) throw new SearchError(`Unknown date unit '${op[4]}' in '${text}'`);
      const t = floor(span.start, u);
      span = { start: t, end: t + 1 };
    } else {
      const u = UNITS[op[3].toUpperCase()];
      if (!u) throw new SearchError(`Unknown date unit '${op[3]}' in '${text}'`);
      const n = Number(op[2]) * (op[1] === '-' ? -1 : 1);
      // keep the span's width: 2026-01+1MONTH is still a whole month
      span = { start: add(span.start, u, n), end: add(span.end, u, n) };
    }
    s = s.slice(op[0].length);
  }
  return span;
}

/** Adds a gap such as "+1DAY", "+100DAY", "-1MONTH" (range facet gaps). */
export function addGap(t: number, gap: string): number {
  const m = /^([+-]?)(\d+)([A-Za-z]+)$/u.exec(gap.trim());
  if (!m) throw new SearchError(`Invalid date gap '${gap}'`);
  const u = UNITS[m[3].toUpperCase()];
  if (!u) throw new SearchError(`Unknown date unit '${m[3]}' in gap '${gap}'`);
  return add(t, u, Number(m[2]) * (m[1] === '-' ? -1 : 1));
}

function add(t: number, u: Unit, n: number): number {
  const d = new Date(t);
  switch (u) {
    case 'Y':
      return addMonths(d, 12 * n);
    case 'M':
      return addMonths(d, n);
    case 'W':
      return t + n * 7 * 86400000;
    case 'D':
      d.setUTCDate(d.getUTCDate() + n);
      return d.getTime();
    case 'h':
      return t + n * 3600000;
    case 'm':
      return t + n * 60000;
    case 's':
      return t + n * 1000;
    case 'ms':
      return t + n;
  }
}

/** Calendar months clamp the day as java.time does: 2026-01-31 +1MONTH = 2026-02-28. */
function addMonths(d: Date, n: number): number {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const r = new Date(d.getTime());
  r.setUTCDate(1);
  r.setUTCFullYear(y, m, Math.min(d.getUTCDate(), lastDay));
  return r.getTime();
}

function floor(t: number, u: Unit): number {
  const d = new Date(t);
  switch (u) {
    case 'Y':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'W': {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * 86400000; // ISO weeks start on Monday
    }
    case 'D':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'h':
      return t - (t % 3600000);
    case 'm':
      return t - (t % 60000);
    case 's':
      return t - (t % 1000);
    case 'ms':
      return t;
  }
}

/** The 23-character UTC form used to compare against node.created_at / modified_at text. */
export function isoKey(t: number): string {
  return new Date(t).toISOString().slice(0, 23);
}
