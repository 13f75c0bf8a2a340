import { TestBed } from '@angular/core/testing';
import { NodesApi } from '@alfresco/js-api';
import { PendingItem } from '@eoffice/domain';
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
