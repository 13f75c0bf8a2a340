import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, PeopleApi, SearchApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { MovementService } from './movement.service';
import { MovementRefusal } from '@eoffice/domain';

/** The workflow API as the service calls it: method, path, query, body → a canned answer or a rejection. */
type Route = (method: string, path: string, query: Record<string, unknown>, body: unknown) => unknown;

describe('MovementService', () => {
  let calls: { method: string; path: string; query: Record<string, unknown>; body: unknown }[];
  let route: Route;
  let holder: string;
  let status: string;
  let pendingApprover: string;

  beforeEach(() => {
    calls = [];
    holder = 'GROUP_EO_GAD_SO_EST';
    status = 'inMovement';
    pendingApprover = '';
    const callApi = (
      path: string,
      method: string,
      _p: unknown,
      query: Record<string, unknown>,
      _h: unknown,
      _f: unknown,
      body: unknown
    ) => {
      const rel = path.replace('/api/-default-/public/workflow/versions/1', '');
      calls.push({ method, path: rel, query, body });
      try {
        return Promise.resolve(route(method, rel, query, body));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    spyOn(PeopleApi.prototype, 'getPerson').and.resolveTo({ entry: { id: 'priya.nair' } } as never);
    spyOn(NodesApi.prototype, 'getNode').and.callFake(
      async () =>
        ({
          entry: { id: 'r1', properties: { 'eo:currentHolder': holder, 'eo:status': status, 'eo:approverPost': pendingApprover } }
        }) as never
    );
    TestBed.configureTestingModule({
      providers: [
        {
          provide: AlfrescoApiService,
          useValue: { getInstance: () => ({ contentClient: { callApi }, getEcmUsername: () => undefined }) }
        },
        {
          provide: DeskService,
          useValue: {
            desk: async () => ({
              posts: ['GROUP_EO_GAD_SO_EST'],
              postEntries: [{ code: 'SO_EST', level: 2 }],
              hierarchy: { department: { code: 'GAD' }, posts: [{ code: 'SO_EST', level: 2 }], sections: [] }
            })
          }
        }
      ]
    });
  });

  const tasks = (...entries: object[]) => ({ list: { entries: entries.map((entry) => ({ entry })) } });

  it("opens an item by claiming its holder task, found by the item's id", async () => {
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks({ id: 't1', activityDefinitionId: 'holder' }) : {});
    const task = await TestBed.inject(MovementService).openItem('r1');

    expect(task).toEqual({ id: 't1', kind: 'holder' });
    // ACS lists a non-administrator only the tasks they are involved in: one request per post names it as
    // candidateGroup (unclaimed tasks), one more asks for the officer's claimed tasks; the same task counts once.
    expect(calls.filter((c) => c.method === 'GET').map((c) => c.query['where'])).toEqual([
      "(candidateGroup='GROUP_EO_GAD_SO_EST' AND processDefinitionKey='eoMovement' AND variables/eowf_itemId='r1')",
      "(assignee='priya.nair' AND processDefinitionKey='eoMovement' AND variables/eowf_itemId='r1')"
    ]);
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([
      jasmine.objectContaining({ method: 'PUT', path: '/tasks/t1', body: { state: 'claimed' } })
    ]);
  });

  it('asks once per post of the officer, and finds a task the officer claimed earlier', async () => {
    const desk = TestBed.inject(DeskService);
    desk.desk = async () =>
      ({
        posts: ['GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_US_EST'],
        postEntries: [{ code: 'SO_EST', level: 2 }],
        hierarchy: { department: { code: 'GAD' }, posts: [{ code: 'SO_EST', level: 2 }], sections: [] }
      }) as never;
    route = (method, path, query) =>
      method === 'GET' && path === '/tasks' && String(query['where']).startsWith("(assignee='priya.nair'")
        ? tasks({ id: 't7', activityDefinitionId: 'holder', assignee: 'priya.nair' })
        : tasks();
    const task = await TestBed.inject(MovementService).openItem('r1');

    expect(task).toEqual({ id: 't7', kind: 'holder' });
    const asked = calls.filter((c) => c.method === 'GET').map((c) => String(c.query['where']));
    expect(asked.length).toBe(3);
    expect(asked.filter((w) => w.includes('candidateGroup=')).map((w) => w.split(' AND ')[0])).toEqual([
      "(candidateGroup='GROUP_EO_GAD_SO_EST'",
      "(candidateGroup='GROUP_EO_GAD_US_EST'"
    ]);
  });

  it('opens an item whose holder the caller already read without reading its node again', async () => {
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks({ id: 't1', activityDefinitionId: 'holder' }) : {});
    const getNode = NodesApi.prototype.getNode as jasmine.Spy;
    const service = TestBed.inject(MovementService);

    expect(await service.openItem('r1', { currentHolder: 'GROUP_EO_GAD_SO_EST', pendingApprover: '' })).toEqual({
      id: 't1',
      kind: 'holder'
    });
    expect(await service.openItem('r1', { currentHolder: 'GROUP_EO_GAD_US_EST', pendingApprover: '' })).toEqual({
      id: 't1',
      kind: 'pullBack'
    });
    expect(getNode).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method === 'PUT').length).toBe(1);
  });

  it('offers an approval only to the post asked to approve, not to the officer who asked (ACS lists it to both)', async () => {
    // An Assistant Section Officer asked to close: the item stays with her post, the approval task waits for the
    // Section Officer's post, and ACS lists it to her too because she started the process.
    holder = 'GROUP_EO_GAD_ASO_EST_1';
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks({ id: 'a1', activityDefinitionId: 'approval' }) : {});
    const service = TestBed.inject(MovementService);

    pendingApprover = 'GROUP_EO_GAD_US_EST';
    expect(await service.openItem('r1')).toBeNull();
    await expectAsync(service.decide('r1', 'approve')).toBeRejectedWith(jasmine.any(MovementRefusal));
    expect(calls.some((c) => c.method === 'PUT')).toBeFalse();

    pendingApprover = 'GROUP_EO_GAD_SO_EST';
    expect(await service.openItem('r1')).toEqual({ id: 'a1', kind: 'approval' });
    await service.decide('r1', 'refuse', 'Reply still awaited');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual(['/tasks/a1', '/tasks/a1']);
  });

  it("does not claim a sender's pull-back task when it opens what it sent (that would count as opened)", async () => {
    holder = 'GROUP_EO_GAD_US_EST';
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks({ id: 't1', activityDefinitionId: 'holder' }) : {});
    const task = await TestBed.inject(MovementService).openItem('r1');

    expect(task).toEqual({ id: 't1', kind: 'pullBack' });
    expect(calls.some((c) => c.method === 'PUT')).toBeFalse();
  });

  it('sends: claim, then complete with the action as local task variables, every unused input empty', async () => {
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks({ id: 't1', activityDefinitionId: 'holder' }) : {});
    await TestBed.inject(MovementService).act('r1', { action: 'send', to: 'US_EST', remarks: 'For approval' });

    const complete = calls.find((c) => (c.body as { state?: string })?.state === 'completed')!;
    expect(complete.path).toBe('/tasks/t1');
    expect((complete.body as { variables: unknown[] }).variables).toEqual([
      { name: 'eowf_action', value: 'send', scope: 'local' },
      { name: 'eowf_to', value: 'US_EST', scope: 'local' },
      { name: 'eowf_remarks', value: 'For approval', scope: 'local' },
      // Sent empty so that nothing another user set on the task is read as the officer's choice.
      { name: 'eowf_copyTo', value: '', scope: 'local' },
      { name: 'eowf_urgency', value: '', scope: 'local' },
      { name: 'eowf_file', value: '', scope: 'local' }
    ]);
  });

  it('starts the movement of a new item for the post that holds it before sending it', async () => {
    status = 'created';
    let started = false;
    route = (method, path) => {
      if (method === 'POST' && path === '/processes') {
        started = true;
        return { entry: { id: 'p1' } };
      }
      if (method === 'GET' && path === '/tasks') return started ? tasks({ id: 't9', activityDefinitionId: 'holder' }) : tasks();
      return {};
    };
    await TestBed.inject(MovementService).act('r1', { action: 'send', to: 'US_EST' });

    const start = calls.find((c) => c.path === '/processes')!;
    expect(start.body).toEqual({ processDefinitionKey: 'eoMovement', items: ['r1'], variables: { eowf_fromPost: 'SO_EST' } });
    expect(calls.some((c) => c.path === '/tasks/t9' && (c.body as { state?: string }).state === 'completed')).toBeTrue();
  });

  it("gives the workflow's own reason when it refuses", async () => {
    route = (method, path, _q, body) => {
      if (method === 'GET' && path === '/tasks') return tasks({ id: 't1', activityDefinitionId: 'holder' });
      if ((body as { state?: string })?.state === 'completed')
        throw {
          status: 500,
          message: JSON.stringify({
            error: {
              briefSummary: 'Workflow script failed in eoMovement (complete listener): Error: The item is parked: take it out of park first'
            }
          })
        };
      return {};
    };
    await expectAsync(TestBed.inject(MovementService).act('r1', { action: 'send', to: 'US_EST' })).toBeRejectedWith(
      new MovementRefusal('The item is parked: take it out of park first')
    );
  });

  it('refuses to act when the item is not with the officer at all', async () => {
    status = 'inMovement';
    holder = 'GROUP_EO_GAD_JS';
    route = (method, path) => (method === 'GET' && path === '/tasks' ? tasks() : {});
    const refusal = await TestBed.inject(MovementService)
      .act('r1', { action: 'send', to: 'US_EST' })
      .then(
        () => null,
        (e: MovementRefusal) => e
      );
    expect(refusal?.key).toBe('EOFFICE.MOVEMENT.REFUSED.NO_TASK');
    expect(calls.some((c) => c.method === 'POST')).toBeFalse();
  });

  it("finds the officer's frequent recipients in his own recorded sends from the post he marks from", async () => {
    const sent = (to: string) => ({ entry: { id: to, name: '000001', properties: { 'eo:movementAction': 'send', 'eo:movementTo': to } } });
    const search = spyOn(SearchApi.prototype, 'search').and.resolveTo({
      list: { entries: [sent('GROUP_EO_GAD_US_EST'), sent('GROUP_EO_GAD_ASO_EST'), sent('GROUP_EO_GAD_US_EST')] }
    } as never);
    const frequent = await TestBed.inject(MovementService).frequentRecipients('GROUP_EO_GAD_SO_EST');
    expect(frequent).toEqual(['GROUP_EO_GAD_US_EST', 'GROUP_EO_GAD_ASO_EST']);
    const query = (search.calls.mostRecent().args[0] as { query: { query: string } }).query.query;
    expect(query).toContain('eo:movementFromUser:"priya.nair"');
    expect(query).toContain('cm:eo-gad');
  });

  it('lists no frequent recipients, rather than failing the dialog, when the search cannot answer', async () => {
    spyOn(SearchApi.prototype, 'search').and.rejectWith({ status: 500 });
    expect(await TestBed.inject(MovementService).frequentRecipients('GROUP_EO_GAD_SO_EST')).toEqual([]);
  });
});
