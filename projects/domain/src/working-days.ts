/**
 * Working days from a holiday calendar (config/calendar/holidays-<year>.json): Sundays, chosen Saturdays of
 * the month and gazetted holidays are closed. Framework-free; dates are calendar days ('YYYY-MM-DD'), so an
 * age does not shift with the browser's time zone.
 */
import { officeDay } from './office-time';

export interface Holiday {
  date: string;
  name: string;
  nameHi?: string;
}

export interface HolidayCalendar {
  name?: string;
  nameHi?: string;
  weeklyOff: { sunday: boolean; saturdays: number[] };
  holidays: Holiday[];
}

/** CSMOP: no official keeps a case more than 7 working days unless a higher limit is prescribed. */
export const CSMOP_NORM_WORKING_DAYS = 7;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number {
  const m = DATE.exec(day);
  if (!m) throw new Error(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Checks a calendar read from the repository, so a bad upload fails with a reason instead of wrong ages. */
export function parseHolidayCalendar(json: unknown): HolidayCalendar {
  const c = json as Partial<HolidayCalendar> | null;
  if (!c || typeof c !== 'object') throw new Error('The holiday calendar is not a JSON object');
  const off = c.weeklyOff;
  if (
    !off ||
    typeof off.sunday !== 'boolean' ||
    !Array.isArray(off.saturdays) ||
    off.saturdays.some((s) => !Number.isInteger(s) || s < 1 || s > 5)
  ) {
    throw new Error('The holiday calendar needs weeklyOff: { sunday: true|false, saturdays: [1-5, …] }');
  }
  if (!Array.isArray(c.holidays)) throw new Error('The holiday calendar needs a holidays list');
  for (const h of c.holidays) {
    if (!h || typeof h.name !== 'string' || typeof h.date !== 'string' || !DATE.test(h.date)) {
      throw new Error(`A holiday needs a date (YYYY-MM-DD) and a name: ${JSON.stringify(h)}`);
    }
    dayNumber(h.date);
  }
  return { name: c.name, nameHi: c.nameHi, weeklyOff: { sunday: off.sunday, saturdays: [...off.saturdays] }, holidays: [...c.holidays] };
}

/** A calendar with lookups prepared once; every MIS figure asks it many times. */
export class WorkingDays {
  private readonly closed = new Set<number>();
  private readonly saturdays: Set<number>;

  constructor(readonly calendar: HolidayCalendar) {
    for (const h of calendar.holidays) this.closed.add(dayNumber(h.date));
    this.saturdays = new Set(calendar.weeklyOff.saturdays);
  }

  isWorkingDay(day: string | Date): boolean {
    return this.isOpen(dayNumber(officeDay(day)));
  }

  /** The holiday on a day, if any (for a calendar view or a tooltip). */
  holiday(day: string | Date): Holiday | undefined {
    const d = officeDay(day);
    return this.calendar.holidays.find((h) => h.date === d);
  }

  /**
   * Working days a case has been held: the working days after the day it arrived up to and including
   * `today` (arrived Monday, asked Tuesday: 1). Zero when `today` is not after `since`.
   */
  age(since: string | Date, today: string | Date): number {
    const from = dayNumber(officeDay(since));
    const to = dayNumber(officeDay(today));
    let n = 0;
    for (let d = from + 1; d <= to; d++) if (this.isOpen(d)) n++;
    return n;
  }

  /**
   * The earliest arrival day whose age on `today` is at most `n` working days: a case is within n working
   * days exactly when it arrived on or after this day. Ages become date boundaries for search ranges.
   */
  earliestWithin(n: number, today: string | Date): string {
    if (!Number.isInteger(n) || n < 0) throw new Error(`A working-day count must be a whole number ≥ 0: ${n}`);
    let d = dayNumber(officeDay(today));
    // Walk back to the (n+1)-th working day at or before today; arriving on it gives age n.
    let seen = 0;
    for (;;) {
      if (this.isOpen(d) && ++seen === n + 1) return dayString(d);
      d--;
    }
  }

  /** Whether a case held since `since` is over the norm on `today`. */
  overNorm(since: string | Date, today: string | Date, norm = CSMOP_NORM_WORKING_DAYS): boolean {
    return this.age(since, today) > norm;
  }

  private isOpen(d: number): boolean {
    if (this.closed.has(d)) return false;
    const date = new Date(d * DAY_MS);
    const weekday = date.getUTCDay();
    if (weekday === 0) return !this.calendar.weeklyOff.sunday;
    if (weekday === 6) return !this.saturdays.has(Math.ceil(date.getUTCDate() / 7));
    return true;
  }
}
