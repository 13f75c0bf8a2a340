import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { NOTICES_QUERY, UNREAD_NOTICES_QUERY, unreadNoticesOfItem } from '@eoffice/domain';
import { NOTICES_MAX_AGE_MS, NOTICES_SHOWN, NoticesService } from './notices.service';

/** A notice node as the search answers it. */
export const noticeEntry = (id: string, itemId: string, read = false, kind = 'send') => ({
  entry: {
    id,
    name: id,
    properties: {
      'eo:noticeKind': kind,
      'eo:noticeItemId': itemId,
      'eo:noticeItemType': 'file',
      'eo:noticeItemNumber': 'A-11011/1/2026-EST',
      'eo:noticeSubject': 'Leave rules',
      'eo:noticeFromTitle': 'Section Officer (Establishment)',
      'eo:noticeFromTitleHi': 'अनुभाग अधिकारी (स्थापना)',
      'eo:noticeAt': '2026-12-06T09:30:00.000+0000',
      'eo:noticeRead': read
    }
  }
});

describe('NoticesService', () => {
  let bodies: { query: { query: string }; paging: { maxItems: number }; sort?: unknown }[];
  let unread: number;
  let entries: ReturnType<typeof noticeEntry>[];
  let ofItem: ReturnType<typeof noticeEntry>[];
  let updated: [string, unknown][];

  beforeEach(() => {
    bodies = [];
    unread = 0;
    entries = [];
    ofItem = [];
    updated = [];
    spyOn(SearchApi.prototype, 'search').and.callFake(async (body: never) => {
      const b = body as (typeof bodies)[number];
      bodies.push(b);
      if (b.query.query === UNREAD_NOTICES_QUERY) return { list: { pagination: { totalItems: unread }, entries: [] } } as never;
      if (b.query.query === NOTICES_QUERY) return { list: { pagination: { totalItems: entries.length }, entries } } as never;
      return { list: { pagination: { totalItems: ofItem.length }, entries: ofItem } } as never;
    });
    spyOn(NodesApi.prototype, 'updateNode').and.callFake(async (id: string, body: unknown) => {
      updated.push([id, body]);
      return {} as never;
    });
    TestBed.configureTestingModule({ providers: [{ provide: AlfrescoApiService, useValue: { getInstance: () => ({}) } }] });
  });

  it('counts the unread notices with one row asked, and lists the latest ones newest first', async () => {
    unread = 1234;
    entries = [noticeEntry('n2', 'f1'), noticeEntry('n1', 'f1', true, 'copy')];
    const service = TestBed.inject(NoticesService);
    await service.refresh();
    expect(service.unread()).toBe(1234);
    expect(bodies.find((b) => b.query.query === UNREAD_NOTICES_QUERY)?.paging.maxItems).toBe(1);
    const list = bodies.find((b) => b.query.query === NOTICES_QUERY)!;
    expect(list.paging.maxItems).toBe(NOTICES_SHOWN);
    expect(list.sort).toEqual([{ type: 'FIELD', field: 'eo:noticeAt', ascending: false }]);
    expect(service.latest().map((n) => [n.id, n.kind, n.read, n.from.hi])).toEqual([
      ['n2', 'send', false, 'अनुभाग अधिकारी (स्थापना)'],
      ['n1', 'copy', true, 'अनुभाग अधिकारी (स्थापना)']
    ]);
  });

  it('shows nothing rather than stale notices when they cannot be read', async () => {
    unread = 3;
    entries = [noticeEntry('n1', 'f1')];
    const service = TestBed.inject(NoticesService);
    await service.refresh();
    (SearchApi.prototype.search as jasmine.Spy).and.rejectWith(new Error('401'));
    await service.refresh();
    expect(service.unread()).toBe(0);
    expect(service.latest()).toEqual([]);
  });

  it('marks a notice read on the repository and reads the count again; a read one is left alone', async () => {
    entries = [noticeEntry('n1', 'f1')];
    const service = TestBed.inject(NoticesService);
    await service.refresh();
    const before = bodies.length;
    await service.markRead(service.latest()[0]);
    expect(updated).toEqual([['n1', { properties: { 'eo:noticeRead': true } }]]);
    expect(bodies.length).toBeGreaterThan(before);
    updated = [];
    await service.markRead({ ...service.latest()[0], read: true });
    expect(updated).toEqual([]);
  });

  it('opening an item marks every unread notice of it read, those listed and those found; none asked: nothing written', async () => {
    entries = [noticeEntry('n1', 'f1'), noticeEntry('n2', 'other')];
    ofItem = [noticeEntry('n1', 'f1'), noticeEntry('n9', 'f1')];
    const service = TestBed.inject(NoticesService);
    await service.refresh();
    await service.markItemRead('f1');
    expect(bodies.some((b) => b.query.query === unreadNoticesOfItem('f1'))).toBeTrue();
    expect(updated.map(([id]) => id).sort()).toEqual(['n1', 'n9']);
    updated = [];
    ofItem = [];
    await service.markItemRead('nothing-here');
    expect(updated).toEqual([]);
  });

  it('reads again on navigation only once older than the maximum age', async () => {
    const service = TestBed.inject(NoticesService);
    await service.refresh();
    const after = bodies.length;
    await service.refreshIfStale(NOTICES_MAX_AGE_MS, Date.now() + 1000);
    expect(bodies.length).toBe(after);
    await service.refreshIfStale(NOTICES_MAX_AGE_MS, Date.now() + NOTICES_MAX_AGE_MS + 1);
    expect(bodies.length).toBe(after + 2);
  });
});
