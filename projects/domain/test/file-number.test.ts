/** Receipt (diary) numbers and functional file numbers as officers write them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  correspondenceFlag,
  formatFileNumber,
  parseFileNumber,
  toRoman,
  fromRoman,
  formatReceiptNumber,
  parseReceiptNumber,
  computerNumberOf,
  firstFreeNumber,
  padNumber
} from '@eoffice/domain';

describe('numbers', () => {
  it('formats and reads receipt numbers: running number/year/section-department', () => {
    assert.equal(formatReceiptNumber(12, 2026, 'EST', 'GAD'), '12/2026/EST-GAD');
    assert.deepEqual(parseReceiptNumber('81829/2023/ARC-DARPG'), { number: 81829, year: 2023, section: 'ARC', department: 'DARPG' });
    assert.equal(parseReceiptNumber('12/26/EST'), undefined);
  });

  it('formats and reads functional file numbers, with issue parts', () => {
    const parts = { basicHead: 'A', primaryHead: '11', secondaryHead: '011', serial: 5, year: 2026, section: 'EST', department: 'GAD' };
    assert.equal(formatFileNumber(parts), 'A-11011/5/2026-EST-GAD');
    assert.equal(formatFileNumber({ ...parts, part: 2 }), 'A-11011/5(II)/2026-EST-GAD');
    assert.deepEqual(parseFileNumber('A-11011/5(II)/2026-EST-GAD'), { ...parts, part: 2 });
    assert.deepEqual(parseFileNumber('N-11016/6/2016-ARC-DARPG'), {
      basicHead: 'N',
      primaryHead: '11',
      secondaryHead: '016',
      serial: 6,
      year: 2016,
      section: 'ARC',
      department: 'DARPG'
    });
    assert.throws(() => formatFileNumber({ ...parts, primaryHead: '1' }), /primary head must be two digits/);
    assert.equal(parseFileNumber('A-11011/5/2026-Est.'), undefined);
    assert.equal(toRoman(14), 'XIV');
    assert.equal(fromRoman('XIV'), 14);
  });

  it('flags correspondence as PUC, then FR I, FR II …', () => {
    assert.deepEqual([1, 2, 3, 5, 15].map(correspondenceFlag), ['PUC', 'FR I', 'FR II', 'FR IV', 'FR XIV']);
  });

  it('pads names so that they sort as numbers, and Computer Nos. carry the year', () => {
    assert.equal(padNumber(12), '000012');
    assert.ok(padNumber(9) < padNumber(10));
    assert.equal(computerNumberOf(2026, 123), 2026000123);
  });

  it('finds the next free number of a series from its count in one look-up, and from anywhere below in a few', () => {
    const series = (highest: number) => {
      const asked: number[] = [];
      return { asked, taken: (n: number) => (asked.push(n), n >= 1 && n <= highest) };
    };
    const exact = series(41_207);
    assert.equal(firstFreeNumber(exact.taken, 41_207), 41_208);
    assert.deepEqual(exact.asked, [41_208]);
    for (const from of [0, 1, 3, 41_206]) {
      const s = series(41_207);
      assert.equal(firstFreeNumber(s.taken, from), 41_208, `from ${from}`);
      assert.ok(s.asked.length <= 2 * Math.ceil(Math.log2(41_207)) + 2, `from ${from}: ${s.asked.length} look-ups`);
    }
    assert.equal(firstFreeNumber(series(0).taken, 0), 1);
    assert.equal(firstFreeNumber(series(998).taken, 0, 3), 999);
    assert.throws(() => firstFreeNumber(series(999).taken, 0, 3), /full \(3 digits\)/);
    assert.throws(() => firstFreeNumber(series(999).taken, 999, 3), /full/);
  });
});
