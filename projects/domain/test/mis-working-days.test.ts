/** Working days from the holiday calendar and the pendency age buckets built on them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseHolidayCalendar, WorkingDays, WEEKLY_OFFS_ONLY, ageBucketOf, ageBucketRanges } from '@eoffice/domain';

const calendar = parseHolidayCalendar(JSON.parse(readFileSync(join(__dirname, '../../../config/calendar/holidays-2026.json'), 'utf8')));
const days = new WorkingDays(calendar);

describe('working days', () => {
  it('closes Sundays, the second and fourth Saturdays and gazetted holidays', () => {
    assert.equal(days.isWorkingDay('2026-11-22'), false, 'Sunday');
    assert.equal(days.isWorkingDay('2026-11-14'), false, 'second Saturday');
    assert.equal(days.isWorkingDay('2026-11-28'), false, 'fourth Saturday');
    assert.equal(days.isWorkingDay('2026-11-07'), true, 'first Saturday');
    assert.equal(days.isWorkingDay('2026-11-21'), true, 'third Saturday');
    assert.equal(days.isWorkingDay('2026-11-24'), false, "Guru Nanak's Birthday");
    assert.equal(days.holiday('2026-11-24')?.nameHi, 'गुरु नानक जयंती');
    assert.equal(days.isWorkingDay('2026-11-23'), true);
  });

  it('counts the working days after arrival up to today, so a case received yesterday is 1 day old', () => {
    assert.equal(days.age('2026-11-23', '2026-11-23'), 0);
    assert.equal(days.age('2026-11-23', '2026-11-25'), 1, 'the 24th is a holiday');
    // 20 Nov (Fri) → 30 Nov (Mon): 21 (3rd Sat) 23 25 26 27 30 = 6
    assert.equal(days.age('2026-11-20', '2026-11-30'), 6);
    assert.equal(days.overNorm('2026-11-20', '2026-11-30'), false);
    assert.equal(days.overNorm('2026-11-18', '2026-11-30'), true);
    // a date-time counts on its office (IST) day: 18:40Z on the 20th is already the 21st in India
    assert.equal(days.age('2026-11-20T18:40:00Z', '2026-11-30'), 5);
  });

  it('turns an age into the earliest arrival day, agreeing with age() for every day of the year', () => {
    for (const today of ['2026-03-02', '2026-11-23', '2026-11-22', '2026-12-31']) {
      for (const n of [0, 7, 15, 30, 90]) {
        const edge = days.earliestWithin(n, today);
        assert.ok(days.age(edge, today) <= n, `${today} ${n}`);
        const dayBefore = new Date(Date.parse(edge) - 86_400_000).toISOString().slice(0, 10);
        assert.ok(days.age(dayBefore, today) > n, `${today} ${n}: ${dayBefore} should be over`);
      }
    }
  });

  it('dates the day a case goes over the norm: the first on which overNorm holds', () => {
    // Arrived Friday 4 December: 5, 7, 8, 9, 10, 11, 14 are its seven working days (12th: second Saturday).
    assert.equal(days.normPassedOn('2026-12-04'), '2026-12-15');
    for (let d = '2026-01-01'; d <= '2026-12-20'; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) {
      const on = days.normPassedOn(d, 7);
      const before = new Date(Date.parse(on) - 86_400_000).toISOString().slice(0, 10);
      assert.ok(days.overNorm(d, on) && !days.overNorm(d, before), d);
    }
  });

  it("judges each day by its own year's calendar when given them by year, the fallback for a year without one", () => {
    const asked: number[] = [];
    const byYear = new WorkingDays(WEEKLY_OFFS_ONLY, (year) => (asked.push(year), year === 2026 ? calendar : null));
    assert.equal(byYear.isWorkingDay('2026-11-24'), false, "2026's holiday");
    assert.equal(byYear.isWorkingDay('2027-01-26'), true, 'no 2027 calendar: weekly offs only');
    assert.equal(byYear.isWorkingDay('2027-01-10'), false, 'a Sunday all the same');
    // 31 December, then 1 January, Saturday 2 January (the first) and Monday 4 January.
    assert.equal(byYear.age('2026-12-30', '2027-01-04'), days.age('2026-12-30', '2026-12-31') + 3);
    assert.deepEqual(asked, [2026, 2027], 'each year asked once');
  });

  it('refuses a calendar it cannot trust, with the reason', () => {
    assert.throws(() => parseHolidayCalendar({ weeklyOff: { sunday: true, saturdays: [6] }, holidays: [] }), /saturdays/);
    assert.throws(
      () => parseHolidayCalendar({ weeklyOff: { sunday: true, saturdays: [] }, holidays: [{ date: '26-01-2026', name: 'x' }] }),
      /YYYY-MM-DD/
    );
    assert.throws(() => days.earliestWithin(-1, '2026-11-23'), /whole number/);
  });
});

describe('age buckets', () => {
  it('puts every arrival instant of the last 200 days in the bucket its range query selects', () => {
    const today = '2026-11-23';
    const ranges = ageBucketRanges(days, today);
    assert.equal(ranges[0].query.endsWith('TO MAX]'), true);
    assert.equal(ranges[4].query.startsWith('eo:heldSince:[MIN TO'), true);
    const end = Date.parse('2026-11-23T18:29:00Z');
    for (let t = end - 200 * 86_400_000; t <= end; t += 97 * 60_000) {
      const at = new Date(t).toISOString();
      const inRange = ranges.filter((r) => (r.from === null || at >= r.from) && (r.before === null || at < r.before));
      assert.equal(inRange.length, 1, at);
      assert.equal(inRange[0].key, ageBucketOf(days, at, today), at);
    }
  });
});
