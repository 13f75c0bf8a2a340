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

/**
 * The office's wall clock at an instant, as an ISO string whose fields read IST ("2026-12-05T01:30:00.000Z"
 * for 20:00 UTC on 4 December), or null for a value that is not a date. A calendar day stays that day.
 */
function officeClock(value: string | Date): string | null {
  if (typeof value === 'string' && DAY.test(value)) return `${value}T00:00:00.000Z`;
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isNaN(time) ? null : new Date(time + OFFSET_MS).toISOString();
}

/**
 * THE way a date is shown to an officer, in English and Hindi alike (Latin digits): "05/12/2026", the
 * day-month-year of the Central Secretariat Manual, of the IST day. Empty for no value; text that is not a
 * date is shown as it is rather than hidden. Screens use it through the `eofficeDate` pipe.
 */
export function officeDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const clock = officeClock(value);
  if (clock === null) return String(value);
  return `${clock.slice(8, 10)}/${clock.slice(5, 7)}/${clock.slice(0, 4)}`;
}

/** A date with its time of day: "05/12/2026 01:30", 24-hour, IST. A calendar day alone has no time. */
export function officeDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const clock = officeClock(value);
  if (clock === null) return String(value);
  const date = officeDate(value);
  return typeof value === 'string' && DAY.test(value) ? date : `${date} ${clock.slice(11, 16)}`;
}

/**
 * For machines (CSV cells): the IST date "2026-12-05", or date and time "2026-12-05 01:30" when the
 * instant is not an IST midnight. ISO order sorts and parses everywhere; the time zone is the office's.
 */
export function officeIsoDateTime(value: string | Date): string {
  const clock = officeClock(value);
  if (clock === null) return String(value);
  const time = clock.slice(11, 16);
  return time === '00:00' ? clock.slice(0, 10) : `${clock.slice(0, 10)} ${time}`;
}

/**
 * What an officer typed into a date field: "5/12/2026", "05-12-2026", "05.12.2026" (day first, as shown)
 * or "2026-12-05", as the calendar day "2026-12-05"; null when it is no such day (31/02/2026).
 */
export function parseOfficeDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return null;
  const day = `${parts[0]}-${('0' + parts[1]).slice(-2)}-${('0' + parts[2]).slice(-2)}`;
  const time = Date.parse(`${day}T00:00:00.000Z`);
  // Date.parse rolls 31/02 over into March in some engines: the day must read back unchanged.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day ? day : null;
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
