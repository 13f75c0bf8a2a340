import { issueNumber } from '@eoffice/domain';
import { allowedActions, dayKey, dispatchName, issuesOfDay } from './draft.model';

describe('issue numbers', () => {
  it('gives the first issue of a day the plain file number, then (I), (II) …', () => {
    const file = 'A-11011/5/2026-EST-GAD';
    expect([1, 2, 3, 5].map((n) => issueNumber(file, n))).toEqual([
      'A-11011/5/2026-EST-GAD',
      'A-11011/5(I)/2026-EST-GAD',
      'A-11011/5(II)/2026-EST-GAD',
      'A-11011/5(IV)/2026-EST-GAD'
    ]);
  });

  it('refuses what is not a file number or not an issue of the day', () => {
    expect(() => issueNumber('A-11011/5/2026-Est.', 1)).toThrowError(/Not a functional file number/);
    expect(() => issueNumber('A-11011/5/2026-EST-GAD', 0)).toThrowError(/Invalid issue of the day/);
  });

  it("counts the day's issues from dispatch node names, by the office's calendar day (IST)", () => {
    const day = new Date(Date.UTC(2026, 10, 23, 18, 29)); // 23:59 IST on 23 November
    expect(dayKey(day)).toBe('20261123');
    expect(dayKey(new Date(Date.UTC(2026, 10, 23, 18, 30)))).toBe('20261124');
    expect(dispatchName(day, 2)).toBe('20261123-02');
    expect(issuesOfDay(['20261122-01', '20261122-02', '20261122-03'], day)).toBe(0);
    expect(issuesOfDay(['20261122-05', '20261123-01', '20261123-02', 'notes.txt'], day)).toBe(2);
    expect(issuesOfDay(['20261123-01', '20261123-100'], day)).toBe(100);
  });

  it('counts an issued letter declared a record (AGS renames it "<name> (<identifier>)") as the issue it was', () => {
    const day = new Date(Date.UTC(2026, 10, 23, 6, 30));
    // A file closed (its letters filed as records), reopened, and a letter issued the same day: number 3 next.
    expect(issuesOfDay(['20261123-01 (2026-0000000412)', '20261123-02 (2026-0000000413)'], day)).toBe(2);
  });
});

describe('allowedActions', () => {
  const so = { canWrite: true, canApprove: true };
  const aso = { canWrite: true, canApprove: false };
  const reader = { canWrite: false, canApprove: false };

  it('lets only the holder act, and only a Section Officer or above approve', () => {
    expect(allowedActions({ status: 'draft', version: '1.0' }, reader)).toEqual([]);
    expect(allowedActions({ status: 'draft', version: '1.0' }, aso)).toEqual(['edit', 'forApproval', 'discard']);
    expect(allowedActions({ status: 'forApproval', version: '1.2' }, so)).toEqual(['edit', 'approve', 'discard']);
  });

  it('dispatches only the approved version; issued and discarded drafts are final', () => {
    expect(allowedActions({ status: 'approved', version: '1.2', approvedVersion: '1.2' }, aso)).toContain('dispatch');
    expect(allowedActions({ status: 'approved', version: '1.3', approvedVersion: '1.2' }, so)).not.toContain('dispatch');
    expect(allowedActions({ status: 'issued', version: '1.2', approvedVersion: '1.2' }, so)).toEqual([]);
    expect(allowedActions({ status: 'discarded', version: '1.0' }, so)).toEqual([]);
  });

  it('offers nothing the repository would refuse: a draft whose approval was recorded can only be issued', () => {
    const sealed = { status: 'approved' as const, version: '1.2', approvedVersion: '1.2', changeable: false };
    expect(allowedActions(sealed, so)).toEqual(['dispatch']);
    expect(allowedActions({ ...sealed, status: 'issued' }, so)).toEqual([]);
    expect(allowedActions({ status: 'forApproval', version: '1.2', changeable: false }, so)).toEqual([]);
    expect(allowedActions({ ...sealed, changeable: true }, so)).toEqual(['edit', 'dispatch', 'discard']);
  });
});
