import { officeDate, officeDateTime, officeIsoDateTime, parseOfficeDate } from '@eoffice/domain';
import { EofficeDatePipe } from './eoffice-date.pipe';

describe('the Indian date format (eofficeDate, domain/office-time.ts)', () => {
  const pipe = new EofficeDatePipe();

  it('shows the IST day and time: 20:00 UTC on 4 December is 01:30 on 5 December in India', () => {
    expect(pipe.transform('2026-12-04T20:00:00.000Z')).toBe('05/12/2026');
    expect(pipe.transform('2026-12-04T20:00:00.000Z', 'datetime')).toBe('05/12/2026 01:30');
    expect(pipe.transform(new Date(Date.UTC(2026, 11, 4, 20, 0)), 'datetime')).toBe('05/12/2026 01:30');
    // Alfresco's own notation of an instant reads the same.
    expect(pipe.transform('2026-12-04T20:00:00.000+0000', 'datetime')).toBe('05/12/2026 01:30');
  });

  it('keeps the day until IST midnight, and writes the time on a 24-hour clock', () => {
    expect(officeDateTime('2026-12-04T18:29:00.000Z')).toBe('04/12/2026 23:59');
    expect(officeDateTime('2026-12-04T18:30:00.000Z')).toBe('05/12/2026 00:00');
    expect(officeDateTime('2026-12-31T18:30:00.000Z')).toBe('01/01/2027 00:00');
    expect(officeDateTime('2026-12-04T16:40:00.000Z')).toBe('04/12/2026 22:10');
  });

  it('shows a calendar day (a letter date) as that day, whatever the time zone', () => {
    expect(officeDate('2026-11-10')).toBe('10/11/2026');
    expect(officeDateTime('2026-11-10')).toBe('10/11/2026');
  });

  it('shows nothing for no date, and text that is no date as it is', () => {
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined, 'datetime')).toBe('');
    expect(pipe.transform('')).toBe('');
    expect(pipe.transform('not known')).toBe('not known');
  });

  it('gives machines ISO order in IST, with the time only when there is one', () => {
    expect(officeIsoDateTime(new Date('2026-12-04T20:00:00.000Z'))).toBe('2026-12-05 01:30');
    expect(officeIsoDateTime(new Date('2026-12-05T00:00:00.000+05:30'))).toBe('2026-12-05');
  });

  it('reads what an officer types, day first, and refuses days that do not exist', () => {
    expect(parseOfficeDate('05/12/2026')).toBe('2026-12-05');
    expect(parseOfficeDate(' 5/12/2026 ')).toBe('2026-12-05');
    expect(parseOfficeDate('05-12-2026')).toBe('2026-12-05');
    expect(parseOfficeDate('05.12.2026')).toBe('2026-12-05');
    expect(parseOfficeDate('2026-12-05')).toBe('2026-12-05');
    expect(parseOfficeDate('29/02/2028')).toBe('2028-02-29');
    expect(parseOfficeDate('29/02/2026')).toBeNull();
    expect(parseOfficeDate('31/04/2026')).toBeNull();
    expect(parseOfficeDate('12/31/2026')).toBeNull();
    expect(parseOfficeDate('5 Dec 2026')).toBeNull();
    expect(parseOfficeDate('')).toBeNull();
  });
});
