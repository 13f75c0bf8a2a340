/**
 * Office days: an Indian office works in IST (UTC+05:30), while the repository stores instants in UTC. A
 * receipt diarised at 01:00 IST on 5 December is a 5 December receipt, although it is still 4 December in
 * UTC, so every day-wise filter and figure starts its days at IST midnight. Framework-free.
 */

/** The office's offset from UTC (India has no daylight saving). */
export const OFFICE_UTC_OFFSET = '+05:30';
const OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) of an ISO date or date-time as the office sees it. */
export function officeDay(value: string | Date): string {
  if (typeof value === 'string' && DAY.test(value)) return value;
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) throw new Error(`Not a date: ${String(value)}`);
  return new Date(time + OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant (ISO) at which an office day (YYYY-MM-DD) or month (YYYY-MM) begins. */
export function officeMidnight(dayOrMonth: string): string {
  const day = MONTH.test(dayOrMonth) ? `${dayOrMonth}-01` : dayOrMonth;
  if (!DAY.test(day)) throw new Error(`Not a calendar day (YYYY-MM-DD): ${dayOrMonth}`);
  const time = Date.parse(`${day}T00:00:00${OFFICE_UTC_OFFSET}`);
  if (Number.isNaN(time)) throw new Error(`Not a calendar day (YYYY-MM-DD): ${dayOrMonth}`);
  return new Date(time).toISOString();
}

/** The office day after `day`. */
export function nextOfficeDay(day: string): string {
  return officeDay(new Date(Date.parse(officeMidnight(day)) + DAY_MS));
}

/**
 * AFTS range on a date-time property over office days: from IST midnight of `from` (inclusive) up to IST
 * midnight of `before` (exclusive). Either may be missing (unbounded); both take a day or a month.
 */
export function officeDaysRange(field: string, from?: string | null, before?: string | null): string {
  const lower = from ? `"${officeMidnight(from)}"` : 'MIN';
  const upper = before ? `"${officeMidnight(before)}">` : 'MAX]';
  return `${field}:[${lower} TO ${upper}`;
}
