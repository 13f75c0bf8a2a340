/**
 * Office days in IST (domain/office-time.ts): every day-wise filter of the extension (dak register, MIS
 * month-wise, age buckets, over three months) starts its days at IST midnight, not at UTC midnight.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextOfficeDay, officeDate, officeDateTime, officeDay, officeDaysRange, officeMidnight, parseOfficeDate } from '@eoffice/domain';

describe('office time (IST)', () => {
  it('an instant belongs to the office day of India, not of UTC', () => {
    assert.equal(officeDay('2026-12-04T19:30:00.000Z'), '2026-12-05', '01:00 IST on 5 December');
    assert.equal(officeDay('2026-12-04T18:29:59.999Z'), '2026-12-04');
    assert.equal(officeDay(new Date(Date.UTC(2026, 11, 31, 18, 30))), '2027-01-01');
    assert.equal(officeDay('2026-12-05'), '2026-12-05');
  });

  it('an office day or month begins at IST midnight', () => {
    assert.equal(officeMidnight('2026-12-05'), '2026-12-04T18:30:00.000Z');
    assert.equal(officeMidnight('2026-03'), '2026-02-28T18:30:00.000Z');
    assert.throws(() => officeMidnight('5 Dec'), /calendar day/);
  });

  it('a date is shown DD/MM/YYYY of the IST day, a time on the IST 24-hour clock, and read back day first', () => {
    assert.equal(officeDate('2026-12-04T20:00:00.000Z'), '05/12/2026');
    assert.equal(officeDateTime('2026-12-04T20:00:00.000Z'), '05/12/2026 01:30');
    assert.equal(officeDate('2026-11-10'), '10/11/2026');
    assert.equal(parseOfficeDate('05/12/2026'), '2026-12-05');
    assert.equal(parseOfficeDate('31/02/2026'), null);
  });

  it('the next office day crosses months and years', () => {
    assert.equal(nextOfficeDay('2026-02-28'), '2026-03-01');
    assert.equal(nextOfficeDay('2026-12-31'), '2027-01-01');
  });

  it('a range of office days runs from IST midnight to IST midnight, open where a bound is missing', () => {
    assert.equal(
      officeDaysRange('eo:diarisedDate', '2026-12-05', '2026-12-06'),
      'eo:diarisedDate:["2026-12-04T18:30:00.000Z" TO "2026-12-05T18:30:00.000Z">'
    );
    assert.equal(officeDaysRange('cm:created', '2026-01', null), 'cm:created:["2025-12-31T18:30:00.000Z" TO MAX]');
    assert.equal(officeDaysRange('cm:created', undefined, '2026-09-01'), 'cm:created:[MIN TO "2026-08-31T18:30:00.000Z">');
  });
});
