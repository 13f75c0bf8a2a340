import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AlfrescoApi, NodesApi } from '@alfresco/js-api';
import { WorkingDaysService, calendarPath } from './working-days.service';

describe('WorkingDaysService', () => {
  let installed: boolean;

  beforeEach(() => {
    installed = true;
    TestBed.configureTestingModule({
      providers: [{ provide: AlfrescoApiService, useValue: { getInstance: () => ({}) as AlfrescoApi } }]
    });
    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (_id: string, opts?: { relativePath?: string }) => {
      if (installed && opts?.relativePath === calendarPath(2026)) return { entry: { id: 'cal' } } as never;
      throw Object.assign(new Error('404'), { status: 404 });
    });
    spyOn(NodesApi.prototype, 'getNodeContent').and.resolveTo(
      new Blob([
        JSON.stringify({
          weeklyOff: { sunday: true, saturdays: [2, 4] },
          holidays: [{ date: '2026-10-02', name: 'Gandhi Jayanti', nameHi: 'गांधी जयंती' }]
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
});
