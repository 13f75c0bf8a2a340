import { PagedList, PageRequest } from './paged-list';

interface Request extends PageRequest {
  text?: string;
  sort: { field: string; ascending: boolean };
}

describe('PagedList', () => {
  let read: jasmine.Spy;
  let list: PagedList<{ id: string }, Request>;

  beforeEach(() => {
    read = jasmine.createSpy('read').and.resolveTo({ rows: [{ id: 'a' }, { id: 'b' }], totalItems: 41 });
    list = new PagedList<{ id: string }, Request>(read, { skipCount: 0, maxItems: 25, sort: { field: 'diarisedDate', ascending: false } });
  });

  it('reads the page the request names and keeps its rows and total', async () => {
    await list.load();

    expect(read).toHaveBeenCalledOnceWith({ skipCount: 0, maxItems: 25, sort: { field: 'diarisedDate', ascending: false } });
    expect(list.rows().map((r) => r.id)).toEqual(['a', 'b']);
    expect(list.total()).toBe(41);
    expect(list.pageSizes).toEqual([25, 50, 100]);
  });

  it('pages with the paginator’s page and size', () => {
    list.page({ pageIndex: 2, pageSize: 50, length: 41 });
    expect(read.calls.mostRecent().args[0]).toEqual(jasmine.objectContaining({ skipCount: 100, maxItems: 50 }));
  });

  it('starts again from the first page when the filters change, in the same order', () => {
    list.page({ pageIndex: 1, pageSize: 25, length: 41 });
    void list.refine({ text: 'stenographers' });
    expect(read.calls.mostRecent().args[0]).toEqual({
      skipCount: 0,
      maxItems: 25,
      text: 'stenographers',
      sort: { field: 'diarisedDate', ascending: false }
    });
  });

  it('sorts on the server from the first page, and back to its own order when a sort is cleared', () => {
    list.page({ pageIndex: 1, pageSize: 25, length: 41 });
    list.sortBy({ active: 'heldSince', direction: 'asc' });
    expect(read.calls.mostRecent().args[0]).toEqual(
      jasmine.objectContaining({ skipCount: 0, sort: { field: 'heldSince', ascending: true } })
    );

    list.sortBy({ active: 'heldSince', direction: '' });
    expect(read.calls.mostRecent().args[0].sort).toEqual({ field: 'diarisedDate', ascending: false });
  });

  it('shows no rows of an earlier page when the repository cannot be read', async () => {
    await list.load();
    read.and.rejectWith(new Error('500'));
    await list.load();

    expect(list.state.failed()).toBeTrue();
    expect(list.rows()).toEqual([]);
    expect(list.total()).toBe(0);
  });
});
