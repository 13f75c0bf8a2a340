import { DestroyRef, Injectable, Provider, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DateAdapter, MAT_DATE_FORMATS, MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslateService } from '@ngx-translate/core';
import { officeDate, officeDay, parseOfficeDate } from '@eoffice/domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** What the datepicker holds while the text typed is no calendar day (it then reports matDatepickerParse). */
const INVALID = 'invalid';
/** The display format of the text field, recognised by format(); the other formats are Intl options. */
const OFFICE_DAY_FORMAT = 'DD/MM/YYYY';

/** Calendar arithmetic on a day happens on its UTC midnight, so no time zone can move it. */
const utcMidnight = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
const dayOfUtc = (date: Date): string => date.toISOString().slice(0, 10);

/** The language's locale for month and weekday names (Latin digits in both: "numberingSystem" stays latn). */
export const officeLocale = (lang: string | undefined): string => (lang?.startsWith('hi') ? 'hi-IN-u-nu-latn' : 'en-IN');

/** "Dec 2026" / "दिस॰ 2026": a month (YYYY-MM) as a chart or calendar header names it. */
export function officeMonth(month: string, lang: string | undefined): string {
  return new Intl.DateTimeFormat(officeLocale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    utcMidnight(`${month}-01`)
  );
}

/**
 * Material's datepicker over office days: its value is the calendar day as the forms, queries and the
 * repository already carry it ("2026-12-05"), never a Date at some local midnight that a browser outside
 * India would turn into the day before; the field shows and reads DD/MM/YYYY in English and Hindi alike
 * (domain/office-time.ts), the calendar names months and weekdays in the officer's language, and "today"
 * is the IST day.
 */
@Injectable()
export class OfficeDateAdapter extends DateAdapter<string, string> {
  constructor() {
    super();
    const translate = inject(TranslateService, { optional: true });
    this.setLocale(officeLocale(translate?.getCurrentLang()));
    translate?.onLangChange.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((e) => this.setLocale(officeLocale(e.lang)));
  }

  getYear(day: string): number {
    return Number(day.slice(0, 4));
  }

  getMonth(day: string): number {
    return Number(day.slice(5, 7)) - 1;
  }

  getDate(day: string): number {
    return Number(day.slice(8, 10));
  }

  getDayOfWeek(day: string): number {
    return utcMidnight(day).getUTCDay();
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const names = new Intl.DateTimeFormat(this.locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => names.format(new Date(Date.UTC(2026, m, 1))));
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const names = new Intl.DateTimeFormat(this.locale, { weekday: style, timeZone: 'UTC' });
    // 4 January 2026 was a Sunday.
    return Array.from({ length: 7 }, (_, d) => names.format(new Date(Date.UTC(2026, 0, 4 + d))));
  }

  getYearName(day: string): string {
    return String(this.getYear(day));
  }

  /** Sunday, as Indian wall calendars begin the week. */
  getFirstDayOfWeek(): number {
    return 0;
  }

  getNumDaysInMonth(day: string): number {
    return new Date(Date.UTC(this.getYear(day), this.getMonth(day) + 1, 0)).getUTCDate();
  }

  clone(day: string): string {
    return day;
  }

  createDate(year: number, month: number, date: number): string {
    const day = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
    if (!this.isValid(day)) throw new Error(`OfficeDateAdapter: no such day ${year}/${month + 1}/${date}`);
    return day;
  }

  today(): string {
    return officeDay(new Date());
  }

  /** Text typed into the field: DD/MM/YYYY (also with - or .), or an ISO day; '' is no date. */
  parse(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'string') return value instanceof Date ? officeDay(value) : INVALID;
    return value.trim() ? (parseOfficeDate(value) ?? INVALID) : null;
  }

  format(day: string, displayFormat: unknown): string {
    if (!this.isValid(day)) return '';
    if (displayFormat === OFFICE_DAY_FORMAT || typeof displayFormat !== 'object' || displayFormat === null) return officeDate(day);
    return new Intl.DateTimeFormat(this.locale, { ...(displayFormat as Intl.DateTimeFormatOptions), timeZone: 'UTC' }).format(
      utcMidnight(day)
    );
  }

  addCalendarYears(day: string, years: number): string {
    return this.addCalendarMonths(day, years * 12);
  }

  /** A month on from 31 January is the last of February, as Material's own adapters clamp. */
  addCalendarMonths(day: string, months: number): string {
    const index = this.getYear(day) * 12 + this.getMonth(day) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return this.createDate(year, month, Math.min(this.getDate(day), last));
  }

  addCalendarDays(day: string, days: number): string {
    return dayOfUtc(new Date(utcMidnight(day).getTime() + days * DAY_MS));
  }

  toIso8601(day: string): string {
    return day;
  }

  isDateInstance(value: unknown): boolean {
    return typeof value === 'string';
  }

  isValid(day: string): boolean {
    return DAY.test(day) && parseOfficeDate(day) === day;
  }

  invalid(): string {
    return INVALID;
  }

  /** A form's value: '' or null is no date; an ISO date-time (a bound from the repository) is its IST day. */
  override deserialize(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'string' && !DAY.test(value) && !Number.isNaN(Date.parse(value))) return officeDay(value);
    return super.deserialize(value);
  }
}

export const OFFICE_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: OFFICE_DAY_FORMAT },
  display: {
    dateInput: OFFICE_DAY_FORMAT,
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' }
  }
};

/** The calendar's buttons and labels (Material's are English only), in the officer's language. */
@Injectable()
export class OfficeDatepickerIntl extends MatDatepickerIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.relabel();
    this.translate.onLangChange.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => this.relabel());
  }

  private relabel(): void {
    const t = (key: string) => this.translate.instant(`EOFFICE.DATE.PICKER.${key}`);
    this.calendarLabel = t('CALENDAR');
    this.openCalendarLabel = t('OPEN');
    this.closeCalendarLabel = t('CLOSE');
    this.prevMonthLabel = t('PREV_MONTH');
    this.nextMonthLabel = t('NEXT_MONTH');
    this.prevYearLabel = t('PREV_YEAR');
    this.nextYearLabel = t('NEXT_YEAR');
    this.prevMultiYearLabel = t('PREV_YEARS');
    this.nextMultiYearLabel = t('NEXT_YEARS');
    this.switchToMonthViewLabel = t('MONTH_VIEW');
    this.switchToMultiYearViewLabel = t('YEAR_VIEW');
    this.changes.next();
  }
}

/**
 * For a component with date fields (`providers: [provideOfficeDatepicker()]`): Material's datepicker
 * over office days. Given per component, not to the whole app, so ADF's and the Content App's own date
 * fields keep their adapters.
 */
export function provideOfficeDatepicker(): Provider[] {
  return [
    { provide: DateAdapter, useClass: OfficeDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: OFFICE_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: OfficeDatepickerIntl }
  ];
}
