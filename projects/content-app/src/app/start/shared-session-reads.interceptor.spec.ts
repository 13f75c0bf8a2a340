import { TestBed } from '@angular/core/testing';
import { HTTP_INTERCEPTORS, HttpClient, HttpHeaders, provideHttpClient, withInterceptorsFromDi } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { firstValueFrom } from 'rxjs';
import { SharedSessionReadsInterceptor } from './shared-session-reads.interceptor';

describe('SharedSessionReadsInterceptor', () => {
  const API = '/alfresco/api/-default-/public/alfresco/versions/1';
  const DISCOVERY = '/alfresco/api/discovery';
  let http: HttpClient;
  let backend: HttpTestingController;
  const ticket = (value: string) => ({ headers: new HttpHeaders({ Authorization: value }) });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptorsFromDi()),
        provideHttpClientTesting(),
        { provide: HTTP_INTERCEPTORS, useClass: SharedSessionReadsInterceptor, multi: true }
      ]
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(Date.UTC(2026, 11, 7, 10)));
  });

  afterEach(() => {
    jasmine.clock().uninstall();
    backend.verify();
  });

  it('asks the repository once when the person is read twice at start-up, each caller with its own copy', async () => {
    const first = firstValueFrom(http.get<{ entry: { id: string } }>(`${API}/people/-me-`, ticket('Basic a')));
    const second = firstValueFrom(http.get<{ entry: { id: string } }>(`${API}/people/-me-`, ticket('Basic a')));
    backend.expectOne(`${API}/people/-me-`).flush({ entry: { id: 'priya.nair' } });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual({ entry: { id: 'priya.nair' } });
    expect(b).toEqual(a);
    a.entry.id = 'changed by one caller';
    expect(b.entry.id).toBe('priya.nair');

    // Asked again a moment later (the notesheet after ACA's profile): the same answer, no request.
    jasmine.clock().tick(3_000);
    expect(await firstValueFrom(http.get(`${API}/people/-me-`, ticket('Basic a')))).toEqual({ entry: { id: 'priya.nair' } });
  });

  it('reads the person afresh once the start-up is over, and after she changes her profile', async () => {
    const read = () => firstValueFrom(http.get(`${API}/people/-me-`, ticket('Basic a')));
    const first = read();
    backend.expectOne(`${API}/people/-me-`).flush({ entry: { id: 'priya.nair', firstName: 'Priya' } });
    await first;

    jasmine.clock().tick(11_000);
    const later = read();
    backend.expectOne(`${API}/people/-me-`).flush({ entry: { id: 'priya.nair', firstName: 'Priya' } });
    await later;

    const update = firstValueFrom(http.put(`${API}/people/-me-`, { firstName: 'Priyanka' }, ticket('Basic a')));
    backend.expectOne({ method: 'PUT', url: `${API}/people/-me-` }).flush({ entry: { id: 'priya.nair', firstName: 'Priyanka' } });
    await update;
    const afterUpdate = read();
    backend.expectOne({ method: 'GET', url: `${API}/people/-me-` }).flush({ entry: { id: 'priya.nair', firstName: 'Priyanka' } });
    expect(await afterUpdate).toEqual({ entry: { id: 'priya.nair', firstName: 'Priyanka' } });
  });

  it('reads her groups afresh after any write (a transfer of charge changes them), but keeps discovery', async () => {
    const groups = () => firstValueFrom(http.get(`${API}/people/-me-/groups?maxItems=250`, ticket('Basic a')));
    const first = groups();
    const discovery = firstValueFrom(http.get(DISCOVERY, ticket('Basic a')));
    backend.expectOne(`${API}/people/-me-/groups?maxItems=250`).flush({ list: { entries: [{ entry: { id: 'GROUP_SO' } }] } });
    backend.expectOne(DISCOVERY).flush({ entry: { repository: { edition: 'Community' } } });
    await Promise.all([first, discovery]);

    const transfer = firstValueFrom(http.post('/alfresco/api/-default-/public/workflow/versions/1/processes', {}, ticket('Basic a')));
    backend.expectOne({ method: 'POST' }).flush({ entry: { id: 'p1' } });
    await transfer;
    const after = groups();
    backend.expectOne(`${API}/people/-me-/groups?maxItems=250`).flush({ list: { entries: [{ entry: { id: 'GROUP_US' } }] } });
    expect(await after).toEqual({ list: { entries: [{ entry: { id: 'GROUP_US' } }] } });
    await firstValueFrom(http.get(DISCOVERY, ticket('Basic a')));
  });

  it('keeps discovery for the session, but never shares between sessions or between different queries', async () => {
    const a = firstValueFrom(http.get(DISCOVERY, ticket('Basic a')));
    backend.expectOne(DISCOVERY).flush({ entry: { repository: { edition: 'Community' } } });
    await a;
    jasmine.clock().tick(3_600_000);
    await firstValueFrom(http.get(DISCOVERY, ticket('Basic a')));

    const otherSession = firstValueFrom(http.get(DISCOVERY, ticket('Basic b')));
    backend.expectOne(DISCOVERY).flush({ entry: { repository: { edition: 'Community' } } });
    await otherSession;
  });

  it('takes skipCount=0 for the default it is: ACA and the desk share their page of groups, a larger page is its own', async () => {
    const groups = (query: string) => firstValueFrom(http.get(`${API}/people/-me-/groups?${query}`, ticket('Basic a')));
    const aca = groups('maxItems=250');
    const desk = groups('skipCount=0&maxItems=250');
    const records = groups('skipCount=0&maxItems=1000');
    backend.expectOne(`${API}/people/-me-/groups?maxItems=250`).flush({ list: { entries: [{ entry: { id: 'GROUP_SO' } }] } });
    backend.expectOne(`${API}/people/-me-/groups?skipCount=0&maxItems=1000`).flush({ list: { entries: [] } });
    expect(await desk).toEqual(await aca);
    expect(await desk).toEqual({ list: { entries: [{ entry: { id: 'GROUP_SO' } }] } });
    await records;
  });

  it('never gives a failed read again', async () => {
    const first = firstValueFrom(http.get(`${API}/people/-me-/groups`, ticket('Basic a'))).catch(
      (error: { status: number }) => error.status
    );
    backend.expectOne(`${API}/people/-me-/groups`).flush({ error: { statusCode: 503 } }, { status: 503, statusText: 'Unavailable' });
    expect(await first).toBe(503);
    const second = firstValueFrom(http.get(`${API}/people/-me-/groups`, ticket('Basic a')));
    backend.expectOne(`${API}/people/-me-/groups`).flush({ list: { entries: [] } });
    expect(await second).toEqual({ list: { entries: [] } });
  });

  it('leaves every other read alone: a listing asked for twice goes to the repository twice', () => {
    http.get(`${API}/nodes/abc/children`, ticket('Basic a')).subscribe();
    http.get(`${API}/nodes/abc/children`, ticket('Basic a')).subscribe();
    expect(backend.match(`${API}/nodes/abc/children`).length).toBe(2);
  });
});
