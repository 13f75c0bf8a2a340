import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import en from '../../../../assets/i18n/en.json';
import hi from '../../../../assets/i18n/hi.json';
import { OFFICE_DATE_FORMATS, officeMonth, provideOfficeDatepicker } from './office-date-adapter';

describe('OfficeDateAdapter', () => {
  let adapter: DateAdapter<string>;
  let translate: TranslateService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ fallbackLang: 'en' }), provideOfficeDatepicker()] });
    translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.setTranslation('hi', hi);
    translate.use('en');
    adapter = TestBed.inject(DateAdapter);
  });

  it('holds the calendar day the forms carry, and shows it DD/MM/YYYY', () => {
    expect(adapter.parse('04/12/2026', OFFICE_DATE_FORMATS.parse.dateInput)).toBe('2026-12-04');
    expect(adapter.format('2026-12-04', OFFICE_DATE_FORMATS.display.dateInput)).toBe('04/12/2026');
    expect(adapter.parse('', null)).toBeNull();
    expect(adapter.isValid(adapter.parse('31/02/2026', null)!)).toBeFalse();
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.deserialize('2026-12-04T20:00:00.000Z')).toBe('2026-12-05');
  });

  it('moves through the calendar without a time zone: month ends, leap years, the year turning', () => {
    expect(adapter.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(adapter.addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(adapter.addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(adapter.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(adapter.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(adapter.getNumDaysInMonth('2028-02-01')).toBe(29);
    expect(adapter.getDayOfWeek('2026-12-04')).toBe(5);
    expect(adapter.createDate(2026, 11, 4)).toBe('2026-12-04');
    expect(() => adapter.createDate(2026, 1, 30)).toThrow();
    expect(adapter.compareDate('2026-12-04', '2026-12-05')).toBeLessThan(0);
  });

  it('names months and weekdays in the language in use, and keeps the field DD/MM/YYYY in both', () => {
    expect(adapter.getMonthNames('long')[11]).toBe('December');
    expect(adapter.getDayOfWeekNames('long')[0]).toBe('Sunday');
    translate.use('hi');
    expect(adapter.getMonthNames('long')[11]).toBe('दिसंबर');
    expect(adapter.format('2026-12-04', OFFICE_DATE_FORMATS.display.monthYearLabel)).toContain('2026');
    expect(adapter.format('2026-12-04', OFFICE_DATE_FORMATS.display.dateInput)).toBe('04/12/2026');
    expect(TestBed.inject(MatDatepickerIntl).openCalendarLabel).toBe('कैलेंडर खोलें');
    expect(officeMonth('2026-12', 'hi')).toContain('2026');
    expect(officeMonth('2026-12', 'en')).toBe('Dec 2026');
  });
});
