import { TestBed } from '@angular/core/testing';
import { NodesApi } from '@alfresco/js-api';
import { CALENDAR_FOLDER, WorkingDaysService } from './working-days.service';
import { provideJsApi } from '../testing/spec-support.spec';

describe('WorkingDaysService', () => {
  let installed: boolean;
  /** Last year's calendar, when a test installs it. */
  let previousYear: boolean;

  beforeEach(() => {
    installed = true;
    previousYear = false;
    TestBed.configureTestingModule({
      providers: [provideJsApi()]
    });
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(async (_id: string, opts?: { relativePath?: string }) => {
      expect(opts?.relativePath).toBe(CALENDAR_FOLDER);
      const entries = [{ entry: { id: 'hierarchy', name: 'hierarchy.json' } }];
      if (installed) entries.push({ entry: { id: 'cal', name: 'holidays-2026.json' } });
      if (previousYear) entries.push({ entry: { id: 'cal-2025', name: 'holidays-2025.json' } });
      return { list: { entries } } as never;
    });
    spyOn(NodesApi.prototype, 'getNodeContent').and.callFake(
      async (id: string) =>
        new Blob([
          JSON.stringify({
            weeklyOff: { sunday: true, saturdays: [2, 4] },
            holidays:
              id === 'cal-2025'
                ? [{ date: '2025-12-25', name: 'Christmas', nameHi: 'क्रिसमस' }]
                : [{ date: '2026-10-02', name: 'Gandhi Jayanti', nameHi: 'गांधी जयंती' }]
          })
        ]) as never
    );
  });

  it('counts days pending with the installed holiday calendar, reading it once a year', async () => {
    const service = TestBed.inject(WorkingDaysService);
    // Thu 1 Oct to Mon 5 Oct 2026: Friday 2 Oct is Gandhi Jayanti, Sunday 4 Oct is off: Saturday and Monday
    expect(await service.heldFor('2026-10-01', '2026-10-05')).toBe(2);
    expect((await service.forYear(2026)).installed).toBeTrue();
    expect(NodesApi.prototype.getNodeContent).toHaveBeenCalledTimes(1);
  });

  it('falls back to Sundays and second and fourth Saturdays when no calendar is installed', async () => {
    installed = false;
    const service = TestBed.inject(WorkingDaysService);
    // Friday, the first Saturday (a working one) and Monday
    expect(await service.heldFor('2026-10-01', '2026-10-05')).toBe(3);
    expect((await service.forYear(2026)).installed).toBeFalse();
  });

  it('counts an age that reaches back into last year with last year’s holidays too', async () => {
    previousYear = true;
    const service = TestBed.inject(WorkingDaysService);
    // Wed 24 Dec 2025 to Fri 2 Jan 2026: Christmas (Thu), the fourth Saturday and Sunday are off: 26, 29, 30, 31 Dec, 1 and 2 Jan
    expect(await service.heldFor('2025-12-24', '2026-01-02')).toBe(6);
    // and the MIS bound "within 8 working days" on Mon 5 Jan 2026 is Wed 24 Dec, Christmas not counted
    const { days, installed } = await service.forYear(2026);
    expect(installed).toBeTrue();
    expect(days.earliestWithin(8, '2026-01-05')).toBe('2025-12-24');
  });
});
