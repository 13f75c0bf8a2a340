import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { SearchApi } from '@alfresco/js-api';
import { registryHierarchy } from '../receipt/mock/receipt.mock';
import { COUNTS_MAX_AGE_MS, DeskCountsService, countQueries } from './desk-counts.service';
import { Desk, DeskService } from './desk.service';
import { fileQuery, receiptListKind, receiptQuery } from '@eoffice/domain';

const SO = 'GROUP_EO_GAD_SO_EST';
const desk = (posts: string[]): Desk => ({ hierarchy: registryHierarchy, posts, postEntries: [], section: 'EST' });

describe('DeskCountsService', () => {
  let bodies: { query: { query: string }; paging: { skipCount: number; maxItems: number } }[];
  let answer: (query: string) => Promise<unknown>;
  let deskOf: () => Promise<Desk>;

  beforeEach(() => {
    bodies = [];
    deskOf = async () => desk([SO]);
    answer = async () => ({ list: { pagination: { totalItems: 0 }, entries: [] } });
    spyOn(SearchApi.prototype, 'search').and.callFake((body: never) => {
      bodies.push(body);
      return answer((body as { query: { query: string } }).query.query) as never;
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({}) } },
        { provide: DeskService, useValue: { desk: () => deskOf() } }
      ]
    });
  });

  it('counts each list with the very query of that list, asking for one row only', async () => {
    const queries = countQueries(desk([SO]));
    expect(queries['eoffice.navbar.receipts.inbox']).toBe(receiptQuery('eo-gad', receiptListKind('inbox', [SO]), {}));
    expect(queries['eoffice.navbar.receipts.acknowledgement']).toBe(receiptQuery('eo-gad', receiptListKind('acknowledgement', [SO]), {}));
    expect(queries['eoffice.navbar.files.inbox']).toBe(fileQuery('eo-gad', 'inbox', [SO]));
    expect(queries['eoffice.navbar.files.parked']).toBe(fileQuery('eo-gad', 'parked', [SO]));

    const totals = new Map(Object.entries(queries).map(([entry, query], i) => [query, { entry, total: [12, 3, 1234567, 0][i] }]));
    answer = async (query) => ({ list: { pagination: { totalItems: totals.get(query)!.total }, entries: [] } });
    const service = TestBed.inject(DeskCountsService);
    await service.refresh();
    expect(bodies.length).toBe(4);
    for (const body of bodies) expect(body.paging).toEqual({ skipCount: 0, maxItems: 1 });
    expect(service.counts()).toEqual({
      'eoffice.navbar.receipts.inbox': 12,
      'eoffice.navbar.receipts.acknowledgement': 3,
      'eoffice.navbar.files.inbox': 1234567,
      'eoffice.navbar.files.parked': 0
    });
  });

  it('asks nothing for someone who holds no post, and shows no counts', async () => {
    deskOf = async () => desk([]);
    const service = TestBed.inject(DeskCountsService);
    await service.refresh();
    expect(bodies).toEqual([]);
    expect(service.counts()).toEqual({});
  });

  it('leaves out a count that cannot be read instead of showing a wrong one', async () => {
    const failing = countQueries(desk([SO]))['eoffice.navbar.files.inbox'];
    answer = async (query) => {
      if (query === failing) throw new Error('503');
      return { list: { pagination: { totalItems: 2 }, entries: [] } };
    };
    const service = TestBed.inject(DeskCountsService);
    await service.refresh();
    expect(service.counts()['eoffice.navbar.files.inbox']).toBeUndefined();
    expect(service.counts()['eoffice.navbar.receipts.inbox']).toBe(2);
  });

  it('reads once more when a movement happens while the counts are being read', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let total = 1;
    answer = async () => {
      await gate;
      return { list: { pagination: { totalItems: total }, entries: [] } };
    };
    const service = TestBed.inject(DeskCountsService);
    const first = service.refresh();
    // the item moved after the first reading had asked: it must not be the last word
    void service.refresh();
    total = 5;
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(bodies.length).toBe(8);
    expect(service.counts()['eoffice.navbar.receipts.inbox']).toBe(5);
  });

  it('reads again on a page change only once the counts are old', async () => {
    const service = TestBed.inject(DeskCountsService);
    await service.refresh();
    expect(bodies.length).toBe(4);
    await service.refreshIfStale();
    expect(bodies.length).toBe(4);
    await service.refreshIfStale(COUNTS_MAX_AGE_MS, Date.now() + COUNTS_MAX_AGE_MS + 1);
    expect(bodies.length).toBe(8);
  });
});
