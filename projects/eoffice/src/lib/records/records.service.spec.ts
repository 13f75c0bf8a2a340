import { TestBed } from '@angular/core/testing';
import { FilePlansApi, GroupsApi, NodesApi, SearchApi } from '@alfresco/js-api';
import { provideJsApi } from '../shared/testing/spec-support.spec';
import { NoOpenTransfer, RecordsService } from './records.service';

describe('RecordsService', () => {
  let callApi: jasmine.Spy;

  beforeEach(() => {
    callApi = jasmine.createSpy('callApi').and.resolveTo({});
    TestBed.configureTestingModule({ providers: [provideJsApi({ contentClient: { callApi } })] });
  });

  it('knows a records manager by the file plan role groups she is in, without asking AGS for what others may not read', async () => {
    const fp = 'GROUP_AllRoles0d7f3c1e-8b1a-4c61-9d3e-2f5a6b7c8d9e';
    const groups = (...ids: string[]) => ({ list: { entries: ids.map((id) => ({ entry: { id } })) } });
    const memberships = spyOn(GroupsApi.prototype, 'listGroupMembershipsForPerson').and.resolveTo(groups('GROUP_EO_GAD_SO', fp) as never);
    const getFilePlan = spyOn(FilePlansApi.prototype, 'getFilePlan');
    const service = TestBed.inject(RecordsService);
    expect(await service.probeAccess()).toBe('granted');
    expect(service.access()).toBe('granted');
    expect(memberships).toHaveBeenCalledOnceWith('-me-', { skipCount: 0, maxItems: 1000 });
    expect(getFilePlan).not.toHaveBeenCalled();

    memberships.and.resolveTo(groups('GROUP_EO_GAD_SO', 'GROUP_AllRoles') as never);
    expect(await TestBed.runInInjectionContext(() => new RecordsService()).probeAccess()).toBe('denied');
    memberships.and.rejectWith({ status: 500 });
    expect(await TestBed.runInInjectionContext(() => new RecordsService()).probeAccess()).toBe('unknown');
  });

  it("runs a due step through AGS's ExecutionQueue web script with the item's node reference", async () => {
    await TestBed.inject(RecordsService).execute({
      itemId: 'f1',
      itemName: 'A-12',
      location: 'C-5',
      step: 'destroy',
      asOf: null,
      eventsEligible: true
    });
    const [path, method, , , , , body, , , , contextRoot] = callApi.calls.mostRecent().args;
    expect([path, method, contextRoot]).toEqual(['/s/api/rma/actions/ExecutionQueue', 'POST', 'alfresco']);
    expect(body).toEqual({ name: 'destroy', nodeRef: 'workspace://SpacesStore/f1', params: {} });
  });

  it('creates one hold as one object, and deletes a hold with its reason', async () => {
    const service = TestBed.inject(RecordsService);
    await service.createHold({ name: 'WP 1234 of 2026', reason: 'Court case: WP 1234/2026' });
    expect(callApi.calls.mostRecent().args.slice(0, 2)).toEqual([
      '/api/-default-/public/gs/versions/1/file-plans/-filePlan-/holds',
      'POST'
    ]);
    expect(callApi.calls.mostRecent().args[6]).toEqual({ name: 'WP 1234 of 2026', reason: 'Court case: WP 1234/2026' });
    await service.deleteHold('h1', 'Appeal disposed of');
    expect(callApi.calls.mostRecent().args.slice(0, 2)).toEqual(['/api/-default-/public/gs/versions/1/holds/h1/delete', 'POST']);
    expect(callApi.calls.mostRecent().args[6]).toEqual({ reason: 'Appeal disposed of' });
  });

  it("reads a category's schedule with its steps in order", async () => {
    callApi.and.resolveTo({
      list: {
        entries: [
          {
            entry: {
              id: 's1',
              authority: 'CSMOP',
              isRecordLevel: false,
              actions: [
                { id: 'b', name: 'retain', index: 1, period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate', events: [] },
                { id: 'a', name: 'cutoff', index: 0, period: 'none', events: ['case_closed'] }
              ]
            }
          }
        ]
      }
    });
    const schedule = await TestBed.inject(RecordsService).schedule('c1');
    expect(callApi.calls.mostRecent().args[0]).toBe('/api/-default-/public/gs/versions/1/record-categories/c1/retention-schedules');
    expect(callApi.calls.mostRecent().args[3]).toEqual({ include: 'actions' });
    expect(schedule?.steps.map((s) => s.name)).toEqual(['cutoff', 'retain']);
    expect(schedule?.authority).toBe('CSMOP');
  });

  it('finds due steps by searching the retention actions, oldest due first', async () => {
    const entry = (id: string, asOf: string) => ({
      entry: {
        id,
        name: id,
        properties: { 'rma:dispositionAction': 'retain', 'rma:dispositionAsOf': asOf },
        path: { name: '/Company Home/Sites/rm/documentLibrary/C-5/F', elements: [{ id: `f-${id}`, name: `F ${id}` }] }
      }
    });
    const search = spyOn(SearchApi.prototype, 'search').and.resolveTo({
      list: {
        entries: [entry('late', '2031-11-01T00:00:00Z'), entry('future', '2040-01-01T00:00:00Z'), entry('early', '2030-01-01T00:00:00Z')]
      }
    } as never);
    const due = await TestBed.inject(RecordsService).due(new Date('2031-12-06T00:00:00Z'));
    expect(search.calls.first().args[0].query.query).toBe('TYPE:"rma:dispositionAction"');
    expect(due.map((d) => d.itemId)).toEqual(['f-early', 'f-late']);
  });

  it('names what a destruction destroys: a record folder with its records, a record alone', async () => {
    callApi.and.resolveTo({ list: { entries: [{ entry: { id: 'r1', name: '000001 (2026-0000000008)', isCompleted: true } }] } });
    const service = TestBed.inject(RecordsService);
    const item = { itemId: 'rf', itemName: 'A-11011_5_2026-EST-GAD', location: 'C-5', step: 'destroy', asOf: null, eventsEligible: false };
    expect(await service.destroyedBy({ ...item, itemType: 'rma:recordFolder' })).toEqual([
      'A-11011_5_2026-EST-GAD',
      '000001 (2026-0000000008)'
    ]);
    expect(callApi.calls.mostRecent().args[0]).toBe('/api/-default-/public/gs/versions/1/record-folders/rf/records');
    callApi.calls.reset();
    expect(await service.destroyedBy({ ...item, itemName: 'Sanction order', itemType: 'cm:content' })).toEqual(['Sanction order']);
    expect(callApi).not.toHaveBeenCalled();
  });

  it('marks the due items a legal hold holds, asking for just those items', async () => {
    const action = (id: string) => ({
      entry: {
        id: `a-${id}`,
        name: 'action',
        properties: { 'rma:dispositionAction': 'destroy', 'rma:dispositionAsOf': '2030-01-01T00:00:00Z' },
        path: { name: `/Company Home/Sites/rm/documentLibrary/C-5/${id}`, elements: [{ id, name: id }] }
      }
    });
    const search = spyOn(SearchApi.prototype, 'search').and.callFake(async (body) =>
      body.query.query.startsWith('TYPE:')
        ? ({ list: { entries: [action('f1'), action('f2')] } } as never)
        : ({ list: { entries: [{ entry: { id: 'f2' } }] } } as never)
    );
    const due = await TestBed.inject(RecordsService).due(new Date('2031-12-06T00:00:00Z'));
    expect(due.map((d) => [d.itemId, !!d.held])).toEqual([
      ['f1', false],
      ['f2', true]
    ]);
    expect(search.calls.mostRecent().args[0].query.query).toBe(
      'ASPECT:"rma:frozen" AND (ID:"workspace://SpacesStore/f1" OR ID:"workspace://SpacesStore/f2")'
    );
  });

  it("reads a category's record folders and a folder's records with their states, and puts a folder on a hold", async () => {
    callApi.and.callFake(async (path: string) =>
      path.endsWith('/children')
        ? {
            list: {
              entries: [
                {
                  entry: {
                    id: 'rf',
                    name: 'A-11011_5_2026-EST-GAD',
                    isClosed: true,
                    aspectNames: ['rma:cutOff', 'rma:frozen'],
                    properties: { 'cm:title': 'A-11011/5/2026-EST-GAD', 'rma:identifier': '2026-0000000007' }
                  }
                }
              ]
            }
          }
        : { list: { entries: [{ entry: { id: 'r1', name: '000001 (2026-0000000008)', isCompleted: true, aspectNames: ['rma:record'] } }] } }
    );
    const service = TestBed.inject(RecordsService);
    expect(await service.recordFolders('c5')).toEqual([
      {
        id: 'rf',
        name: 'A-11011_5_2026-EST-GAD',
        title: 'A-11011/5/2026-EST-GAD',
        identifier: '2026-0000000007',
        closed: true,
        cutOff: true,
        held: true
      }
    ]);
    expect(callApi.calls.mostRecent().args.slice(0, 4)).toEqual([
      '/api/-default-/public/gs/versions/1/record-categories/c5/children',
      'GET',
      {},
      { where: '(isRecordFolder=true)', include: 'isClosed,aspectNames,properties', maxItems: 500 }
    ]);
    expect(await service.folderRecords('rf')).toEqual([
      { id: 'r1', name: '000001 (2026-0000000008)', identifier: '', completed: true, held: false, destroyed: false }
    ]);
    await service.putOnHold('h1', 'rf');
    expect(callApi.calls.mostRecent().args.slice(0, 2)).toEqual(['/api/-default-/public/gs/versions/1/holds/h1/children', 'POST']);
    expect(callApi.calls.mostRecent().args[6]).toEqual({ id: 'rf' });
  });

  it('names what a hold holds, read node by node since AGS answers the children by id', async () => {
    callApi.and.resolveTo({ list: { entries: [{ entry: { id: 'f1' } }, { entry: { id: 'gone' } }] } });
    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (id: string) => {
      if (id === 'gone') throw Object.assign(new Error('404'), { status: 404 });
      return { entry: { id, name: 'A-12-2026-Estt', nodeType: 'rma:recordFolder' } } as never;
    });
    expect(await TestBed.inject(RecordsService).heldItems('h1')).toEqual([
      { id: 'f1', name: 'A-12-2026-Estt', nodeType: 'rma:recordFolder' },
      { id: 'gone', name: 'gone', nodeType: '' }
    ]);
    expect(callApi.calls.mostRecent().args[0]).toBe('/api/-default-/public/gs/versions/1/holds/h1/children');
  });

  it('reads the whole file plan: each category, then its sub-categories, each with its schedule', async () => {
    spyOn(FilePlansApi.prototype, 'getFilePlanCategories').and.resolveTo({
      list: { entries: [{ entry: { id: 'c', name: 'C', hasRetentionSchedule: true } }] }
    } as never);
    callApi.and.callFake(async (path: string) => {
      if (path.endsWith('/record-categories/c/children'))
        return { list: { entries: [{ entry: { id: 'c5', name: 'C-5', hasRetentionSchedule: true } }] } };
      if (path.endsWith('/children')) return { list: { entries: [] } };
      const id = path.split('/').at(-2);
      return { list: { entries: [{ entry: { id: `s-${id}`, isRecordLevel: false, actions: [] } }] } };
    });
    const categories = await TestBed.inject(RecordsService).categories();
    expect(categories.map((c) => [c.name, c.depth, c.parentId ?? null, c.schedule?.id])).toEqual([
      ['C', 0, null, 's-c'],
      ['C-5', 1, 'c', 's-c5']
    ]);
    const children = callApi.calls.all().find((c) => c.args[0].endsWith('/record-categories/c/children'))!;
    expect(children.args[3]).toEqual({ where: '(isRecordCategory=true)', include: 'hasRetentionSchedule', maxItems: 500 });
  });

  it('completes an item in transfer by finding the transfer that holds it and running transferComplete on it', async () => {
    callApi.and.callFake(async (path: string) => {
      if (path.endsWith('/transfer-containers/-transfers-/transfers'))
        return { list: { entries: [{ entry: { id: 't1' } }, { entry: { id: 't2' } }] } };
      if (path.endsWith('/transfers/t1/children')) return { list: { entries: [{ entry: { id: 'other' } }] } };
      if (path.endsWith('/transfers/t2/children')) return { list: { entries: [{ entry: { id: 'f1' } }] } };
      return {};
    });
    await TestBed.inject(RecordsService).execute({
      itemId: 'f1',
      itemName: 'A-7',
      location: 'A',
      step: 'transfer',
      asOf: null,
      eventsEligible: false,
      inTransfer: true
    });
    const [path, method, , , , , body] = callApi.calls.mostRecent().args;
    expect([path, method]).toEqual(['/s/api/rma/actions/ExecutionQueue', 'POST']);
    expect(body).toEqual({ name: 'transferComplete', nodeRef: 'workspace://SpacesStore/t2', params: {} });
  });

  it('says so when no open transfer holds the item', async () => {
    callApi.and.resolveTo({ list: { entries: [] } });
    const item = { itemId: 'f1', itemName: 'A-7', location: 'A', step: 'transfer', asOf: null, eventsEligible: false, inTransfer: true };
    await expectAsync(TestBed.inject(RecordsService).execute(item)).toBeRejectedWith(jasmine.any(NoOpenTransfer));
  });

  it('reads the transfer list by the aspects AGS marks transferred and accessioned records with', async () => {
    const search = spyOn(SearchApi.prototype, 'search').and.resolveTo({ list: { entries: [], pagination: { totalItems: 0 } } } as never);
    await TestBed.inject(RecordsService).transferred(25, 25);
    const request = search.calls.mostRecent().args[0];
    expect(request.query.query).toBe('ASPECT:"rma:transferred" OR ASPECT:"rma:ascended"');
    expect(request.paging).toEqual({ skipCount: 25, maxItems: 25 });
    expect(request.include).toContain('aspectNames');
  });

  it("gives a category its own schedule through AGS's retention-schedules endpoint", async () => {
    await TestBed.inject(RecordsService).createSchedule('c5', { authority: ' CSMOP ', instructions: 'Keep 5 years', isRecordLevel: false });
    const [path, method, , , , , body] = callApi.calls.mostRecent().args;
    expect([path, method]).toEqual(['/api/-default-/public/gs/versions/1/record-categories/c5/retention-schedules', 'POST']);
    expect(body).toEqual({ authority: 'CSMOP', instructions: 'Keep 5 years', isRecordLevel: false });
  });
});
