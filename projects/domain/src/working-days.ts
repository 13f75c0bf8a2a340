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
  // slice(), not spread: the workflow scripts inline this file as ES5, where a spread costs a helper.
  return {
    name: c.name,
    nameHi: c.nameHi,
    weeklyOff: { sunday: off.sunday, saturdays: off.saturdays.slice() },
    holidays: c.holidays.slice()
  };
}

/**
 * The weekly offs of a year whose calendar is not installed: Sundays and the second and fourth Saturdays (the
 * usual five-and-a-half-day week), no holidays, so an age is never under-counted by guessing holidays.
 */
export const WEEKLY_OFFS_ONLY: HolidayCalendar = { weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] };

/** A year's rules, as plain objects keyed by day number and Saturday of the month. */
interface ClosedDays {
  calendar: HolidayCalendar;
  holidays: Record<number, boolean>;
  saturdays: Record<number, boolean>;
}

function closedDays(calendar: HolidayCalendar): ClosedDays {
  const holidays: Record<number, boolean> = {};
  const saturdays: Record<number, boolean> = {};
  for (const h of calendar.holidays) holidays[dayNumber(h.date)] = true;
  for (const s of calendar.weeklyOff.saturdays) saturdays[Number(s)] = true;
  return { calendar, holidays, saturdays };
}

/**
 * A calendar with lookups prepared once; every MIS figure asks it many times. The workflow's listener scripts
 * run this very code (config/workflow/build.mjs inlines it as `eoDomain`) in Alfresco's Rhino, whose default
 * language level has no Set or Map: plain objects keep it runnable there.
 *
 * Given `calendarOfYear`, each day is judged by the calendar of its own year, read the first time a day of that
 * year is asked and kept (the scripts read Data Dictionary/eOffice/holidays-<year>.json so, only when needed);
 * a year without one (null) is judged by `calendar`. Without it, `calendar` judges every day.
 */
export class WorkingDays {
  private readonly own: ClosedDays;
  private readonly years: Record<number, ClosedDays> = {};

  constructor(
    readonly calendar: HolidayCalendar,
    private readonly calendarOfYear?: (year: number) => HolidayCalendar | null | undefined
  ) {
    this.own = closedDays(calendar);
  }

  isWorkingDay(day: string | Date): boolean {
    return this.isOpen(dayNumber(officeDay(day)));
  }

  /** The holiday on a day, if any (for a calendar view or a tooltip). */
  holiday(day: string | Date): Holiday | undefined {
    const d = officeDay(day);
    return this.rulesOf(dayNumber(d)).calendar.holidays.find((h) => h.date === d);
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

  /**
   * The first day on which a case held since `since` is over the norm (overNorm turns true): its norm + 1-th
   * working day after the day it arrived. The movement workflow's norm timer fires at its start.
   */
  normPassedOn(since: string | Date, norm = CSMOP_NORM_WORKING_DAYS): string {
    if (!Number.isInteger(norm) || norm < 0) throw new Error(`A working-day count must be a whole number ≥ 0: ${norm}`);
    let d = dayNumber(officeDay(since));
    for (let seen = 0; seen <= norm; ) if (this.isOpen(++d)) seen++;
    return dayString(d);
  }

  private rulesOf(d: number): ClosedDays {
    if (!this.calendarOfYear) return this.own;
    const year = new Date(d * DAY_MS).getUTCFullYear();
    let rules = this.years[year];
    if (!rules) {
      const calendar = this.calendarOfYear(year);
      rules = this.years[year] = calendar ? closedDays(calendar) : this.own;
    }
    return rules;
  }

  private isOpen(d: number): boolean {
    const rules = this.rulesOf(d);
    if (rules.holidays[d]) return false;
    const date = new Date(d * DAY_MS);
    const weekday = date.getUTCDay();
    if (weekday === 0) return !rules.calendar.weeklyOff.sunday;
    if (weekday === 6) return !rules.saturdays[Math.ceil(date.getUTCDate() / 7)];
    return true;
  }
}
