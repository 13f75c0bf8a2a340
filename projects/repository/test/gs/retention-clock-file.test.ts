/**
 * The retention clock the end-to-end tests move (`--retention-clock <file>`): the instant in the file is now
 * for the retention rules, read afresh each time; without a usable instant the rules keep the system's time.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileRetentionClock } from '../../src/services/records/retention-clock-file';

describe('GS: the retention clock read from a file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-clock-'));
  const file = path.join(dir, 'clock');
  const nearNow = (d: Date) => Math.abs(d.getTime() - Date.now()) < 60_000;

  it('keeps the system time while the file is missing or empty', () => {
    const clock = fileRetentionClock(file);
    assert.ok(nearNow(clock.now()));
    fs.writeFileSync(file, '\n');
    assert.ok(nearNow(clock.now()));
  });

  it('takes the instant written in the file, and follows the file when it is written again', () => {
    const clock = fileRetentionClock(file);
    fs.writeFileSync(file, '2038-04-01T10:00:00Z\n');
    assert.equal(clock.now().toISOString(), '2038-04-01T10:00:00.000Z');
    fs.writeFileSync(file, '2040-01-01T00:00:00.000+05:30');
    assert.equal(clock.now().toISOString(), '2039-12-31T18:30:00.000Z');
    fs.writeFileSync(file, '');
    assert.ok(nearNow(clock.now()));
  });

  it('refuses what is not an instant (a bare date, a typo) and says so once', () => {
    const warnings: string[] = [];
    const clock = fileRetentionClock(file, (m) => warnings.push(m));
    for (const text of ['2038-04-01', 'tomorrow', '2038-13-45T00:00:00Z']) {
      fs.writeFileSync(file, text);
      assert.ok(nearNow(clock.now()), text);
      assert.ok(nearNow(clock.now()), text);
    }
    assert.equal(warnings.length, 3);
    assert.match(warnings[0], /"2038-04-01" is not an ISO 8601 instant/);
  });
});
