import { Signal, WritableSignal, signal } from '@angular/core';
import { PageEvent } from '@angular/material/paginator';
import { Sort } from '@angular/material/sort';
import { LoadState } from '../state/load-state';

/** The page sizes every e-Office list offers. */
export const LIST_PAGE_SIZES = [25, 50, 100];

/** What a list asks the repository: a page, and the order when the list may be sorted. */
export interface PageRequest {
  skipCount: number;
  maxItems: number;
  sort?: { field: string; ascending: boolean };
}

/** One page of rows and how many there are in all, for the paginator. */
export interface ListPage<R> {
  rows: R[];
  totalItems: number;
}

/** What the table shell and the paginator read of a list and ask of it (<eoffice-paged-table>). */
export interface ListSource {
  readonly rows: Signal<readonly object[]>;
  readonly total: Signal<number>;
  readonly state: LoadState;
  readonly pageSizes: number[];
  readonly request: Signal<PageRequest>;
  page(event: PageEvent): void;
  sortBy(sort: Sort): void;
  load(): Promise<void>;
}

/**
 * A server-paged list: the request (filters, page, order), the rows of the page read for it, their total,
 * and whether they are being read or could not be. Every change of the request reads again; a change of
 * filters or order starts from the first page. The repository does the filtering, sorting and paging; the
 * page maps what it answered into rows (`read`).
 */
export class PagedList<R extends object, Q extends PageRequest> implements ListSource {
  readonly rows = signal<R[]>([]);
  readonly total = signal(0);
  readonly state = new LoadState();
  readonly request: WritableSignal<Q>;
  /** The order the list starts in, and falls back to when a header's sort is cleared. */
  private readonly initialSort: Q['sort'];

  constructor(
    private readonly read: (request: Q) => Promise<ListPage<R>>,
    initial: Q,
    readonly pageSizes: number[] = LIST_PAGE_SIZES
  ) {
    this.request = signal<Q>(initial);
    this.initialSort = initial.sort;
  }

  /** Changes what is asked (filters, search text) and reads from the first page. */
  refine(change: Partial<Q>): Promise<void> {
    this.request.update((r) => ({ ...r, ...change, skipCount: 0 }));
    return this.load();
  }

  page(event: PageEvent): void {
    this.request.update((r) => ({ ...r, skipCount: event.pageIndex * event.pageSize, maxItems: event.pageSize }));
    void this.load();
  }

  sortBy(sort: Sort): void {
    const order = sort.direction ? { field: sort.active, ascending: sort.direction === 'asc' } : this.initialSort;
    this.request.update((r) => ({ ...r, skipCount: 0, sort: order }));
    void this.load();
  }

  /** Reads the page the request names; on a failure the list is emptied, so no stale rows look current. */
  async load(): Promise<void> {
    const request = this.request();
    await this.state.run(
      () => this.read(request),
      (page) => {
        this.rows.set(page.rows);
        this.total.set(page.totalItems);
      },
      () => {
        this.rows.set([]);
        this.total.set(0);
      }
    );
  }
}
