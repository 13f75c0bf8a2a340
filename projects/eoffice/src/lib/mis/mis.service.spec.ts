import { TestBed } from '@angular/core/testing';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { Hierarchy, PendingItem, WorkingDays } from '@eoffice/domain';
import { DeskService } from '../desk/desk.service';
import { WorkingDaysService } from '../shared/calendar/working-days.service';
import { provideJsApi } from '../shared/testing/spec-support.spec';
import { MisService } from './mis.service';

const file: PendingItem = { id: 'f1', kind: 'file', number: 'A-1/1/2026', subject: 'Leave rules', holder: 'G', heldSince: '', begunAt: '' };

/** A file with its Notes/ and Movements/ folders, the movements newest first as the service asks. */
function repository(movementRemarks: string[], note = '<p>Awaiting the <b>Finance</b> view</p>') {
  spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake((async (id: string) => {
    const entries =
      id === 'f1'
        ? [{ entry: { id: 'notes', name: 'Notes' } }, { entry: { id: 'moves', name: 'Movements' } }]
        : id === 'moves'
          ? movementRemarks.map((r, i) => ({ entry: { id: `m${i}`, name: `00000${i}`, properties: { 'eo:movementRemarks': r } } }))
          : [{ entry: { id: 'n1', name: '000001', properties: {} } }];
    return { list: { entries } };
  }) as never);
  spyOn(NodesApi.prototype, 'getNodeContent').and.resolveTo(note as never);
}

describe('MisService.reasonForDelay', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideJsApi(), { provide: DeskService, useValue: {} }, { provide: WorkingDaysService, useValue: {} }]
    });
  });

  it('gives the reason for delay recorded last in the item’s movements, before any note', async () => {
    repository(['Put up\nReason for delay: Awaited the Estate Office report', 'Reason for delay: an older one']);
    expect(await TestBed.inject(MisService).reasonForDelay(file)).toBe('Awaited the Estate Office report');
  });

  it('falls back to the file’s latest note when no movement records a reason', async () => {
    repository(['For orders']);
    expect(await TestBed.inject(MisService).reasonForDelay(file)).toBe('Awaiting the Finance view');
  });
});

describe('MisService.escalated', () => {
  const hierarchy = {
    version: 1,
    department: { code: 'GAD', name: { en: 'GAD', hi: 'GAD' } },
    sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
    posts: [
      { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' },
      { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' } }
    ],
    channel: { maxLevelJump: 4, sameLevelInSection: true, returnThroughJumpedLevels: true, allow: [] },
    escalation: { normDays: 5 }
  } as unknown as Hierarchy;
  let postEntries: { code: string }[];

  beforeEach(() => {
    postEntries = [{ code: 'US_EST' }];
    TestBed.configureTestingModule({
      providers: [
        provideJsApi(),
        { provide: DeskService, useValue: { desk: async () => ({ hierarchy, postEntries }) } },
        {
          provide: WorkingDaysService,
          useValue: {
            forYear: async () => ({ days: new WorkingDays({ weeklyOff: { sunday: true, saturdays: [] }, holidays: [] }), installed: true })
          }
        }
      ]
    });
  });

  it('asks once, for the items of the posts reporting to the officer’s past their due date or the norm', async () => {
    const search = spyOn(SearchApi.prototype, 'search').and.resolveTo({
      list: {
        pagination: { totalItems: 1 },
        entries: [
          {
            entry: {
              id: 'f1',
              nodeType: 'eo:file',
              properties: { 'eo:fileNumber': 'A-1/2026', 'eo:dueDate': '2026-12-01T00:00:00.000+0000' }
            }
          }
        ]
      }
    } as never);
    const found = await TestBed.inject(MisService).escalated('2026-12-16');
    expect(search).toHaveBeenCalledTimes(1);
    const query = (search.calls.mostRecent().args[0] as { query: { query: string } }).query.query;
    expect(query).toContain('=eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
    expect(query).toContain('eo:dueDate:[MIN TO "2026-12-16">');
    expect(found!.normDays).toBe(5);
    expect(found!.items[0]).toEqual(jasmine.objectContaining({ id: 'f1', number: 'A-1/2026', dueDate: '2026-12-01' }));
  });

  it('asks nothing of an officer to whom no post reports', async () => {
    postEntries = [{ code: 'SO_EST' }];
    const search = spyOn(SearchApi.prototype, 'search');
    expect(await TestBed.inject(MisService).escalated('2026-12-16')).toBeNull();
    expect(search).not.toHaveBeenCalled();
  });
});
