/**
 * The due-date and norm timers of the movement workflow (config/workflow/src/notices.js, as built into
 * eoMovement.bpmn20.xml) in real Rhino (Debian's `rhino`, the engine ACS embeds): the working days counted from
 * the holiday calendar in Data Dictionary/eOffice agree with @eoffice/domain's WorkingDays (the MIS's ages) for
 * every arrival day of the year, the timers' timeDate values are ISO text at 00:00 IST, and the daily mails' next
 * run is the next escalation.dailyMailAt.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { nextOfficeDay, parseHolidayCalendar, WEEKLY_OFFS_ONLY, WorkingDays } from '@eoffice/domain';
import { builtHelpers } from './rhino-support';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const RHINO = '/usr/bin/rhino';
const skip = fs.existsSync(RHINO) ? false : 'rhino is not installed (apt-get install rhino)';

/** companyhome with the calendar as ACS gives content (a java.lang.String), and an execution keeping variables. */
const HOST = `
var vars = {};
var execution = { setVariable: function (n, v) { vars[String(n)] = v; }, getVariable: function (n) { return vars[String(n)]; } };
var companyhome = {
  childByNamePath: function (p) {
    return String(p) == 'Data Dictionary/eOffice/holidays-2026.json' ? { content: new java.lang.String(CALENDAR) } : null;
  }
};
var h = JSON.parse(HIERARCHY);
`;

describe('workflow: due-date and norm timers in real Rhino', { skip }, () => {
  let dir: string;
  let helpers: string;
  const calendarText = fs.readFileSync(path.join(ROOT, 'config', 'calendar', 'holidays-2026.json'), 'utf8');
  const days = new WorkingDays(parseHolidayCalendar(JSON.parse(calendarText)));

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eo-rhino-overdue-'));
    helpers = builtHelpers();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(calls: string): unknown {
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const driver = path.join(dir, `driver-${Math.random().toString(36).slice(2)}.js`);
    fs.writeFileSync(
      driver,
      `var HIERARCHY = ${JSON.stringify(hierarchy)};\nvar CALENDAR = ${JSON.stringify(calendarText)};\n${HOST}\n${helpers}\nprint('OUTCOME ' + JSON.stringify((function () { ${calls} })()));\n`,
      'utf8'
    );
    const out = spawnSync(RHINO, ['-encoding', 'utf-8', driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    return JSON.parse(line.slice('OUTCOME '.length));
  }

  it('the norm passes on the day the MIS first counts the case over 7 working days, for every arrival day of 2026', () => {
    const arrivals: string[] = [];
    for (let d = '2026-01-01'; d <= '2026-12-15'; d = nextOfficeDay(d)) arrivals.push(d);
    const got = run(`
      var out = {};
      var list = ${JSON.stringify(arrivals)};
      for (var i = 0; i < list.length; i++) {
        var since = new Date(Date.parse(list[i] + 'T10:00:00+05:30'));
        out[list[i]] = [eoNormPassedOn(since, 7), eoWorkingDaysHeld(since, '2026-12-31')];
      }
      return out;`) as Record<string, [string, number]>;
    for (const arrival of arrivals) {
      const [passed, held] = got[arrival];
      let before = arrival;
      while (nextOfficeDay(before) < passed) before = nextOfficeDay(before);
      assert.ok(days.overNorm(arrival, passed), `${arrival}: over the norm on ${passed}`);
      assert.ok(!days.overNorm(arrival, before), `${arrival}: not yet on ${before}`);
      assert.equal(held, days.age(arrival, '2026-12-31'), `${arrival}: working days held`);
    }
  });

  it("across the new year each day counts by its own year's calendar: without one (or with a broken one), weekly offs only", () => {
    const arrivals: string[] = [];
    for (let d = '2026-12-01'; d <= '2026-12-31'; d = nextOfficeDay(d)) arrivals.push(d);
    const got = run(`
      var reads = [];
      var real = companyhome;
      companyhome = { childByNamePath: function (p) { reads.push(String(p)); return String(p) == 'Data Dictionary/eOffice/holidays-2028.json' ? { content: new java.lang.String('{"weeklyOff": ') } : real.childByNamePath(p); } };
      var out = {};
      var list = ${JSON.stringify(arrivals)};
      for (var i = 0; i < list.length; i++) {
        var since = new Date(Date.parse(list[i] + 'T10:00:00+05:30'));
        out[list[i]] = [eoNormPassedOn(since, 7), eoWorkingDaysHeld(since, '2027-01-29')];
      }
      var late = eoNormPassedOn(new Date(Date.parse('2028-12-27T10:00:00+05:30')), 7);
      return { out: out, late: late, reads: reads };`) as { out: Record<string, [string, number]>; late: string; reads: string[] };
    // The MIS's count over 2026's calendar and, for 2027 and after (none installed), the weekly offs only.
    const byYear = new WorkingDays(WEEKLY_OFFS_ONLY, (year) => (year === 2026 ? days.calendar : null));
    for (const arrival of arrivals) {
      assert.equal(got.out[arrival][0], byYear.normPassedOn(arrival, 7), `${arrival}: norm passed`);
      assert.equal(got.out[arrival][1], byYear.age(arrival, '2027-01-29'), `${arrival}: working days held`);
    }
    assert.equal(got.late, byYear.normPassedOn('2028-12-27', 7), 'a calendar that cannot be read counts as none');
    // Each year's calendar is read once in a script run, and only the years counted.
    assert.deepEqual(
      got.reads.map((p) => p.replace('Data Dictionary/eOffice/', '')),
      ['holidays-2026.json', 'holidays-2027.json', 'holidays-2028.json', 'holidays-2029.json']
    );
  });

  it('the timers are set from the item as 00:00 IST text; no due date, no timer; the daily run at 09:00 IST', () => {
    const r = run(`
      var item = { properties: { 'eo:heldSince': new Date(Date.parse('2026-12-04T15:00:00+05:30')), 'eo:dueDate': new Date(Date.parse('2026-12-09T00:00:00Z')) } };
      eoScheduleNotices(h, item);
      var withDue = [String(vars.eowf_dueAt), String(vars.eowf_normAt)];
      eoScheduleNotices(h, { properties: { 'eo:heldSince': item.properties['eo:heldSince'] } });
      return { withDue: withDue, noDue: String(vars.eowf_dueAt),
        next: [eoDailyNext(h, new Date(Date.parse('2026-12-07T08:59:00+05:30'))), eoDailyNext(h, new Date(Date.parse('2026-12-07T09:00:00+05:30')))],
        hi: eoNoticeHeadline('overdue', 'A-1/2026', '', 'hi', { since: '04/12/2026', norm: 7 }) };`) as {
      withDue: string[];
      noDue: string;
      next: string[];
      hi: string;
    };
    // Arrived Friday 4 December: 5, 7, 8, 9, 10, 11, 14 are its seven working days (12 December is the second Saturday).
    assert.deepEqual(r.withDue, ['2026-12-09T00:00:00+05:30', '2026-12-15T00:00:00+05:30']);
    assert.equal(r.noDue, '');
    assert.deepEqual(r.next, ['2026-12-07T09:00:00+05:30', '2026-12-08T09:00:00+05:30']);
    assert.equal(r.hi, 'A-1/2026 आपके पास 04/12/2026 से है: 7 कार्य दिवसों का मानदंड पार हो गया है');
  });
});
