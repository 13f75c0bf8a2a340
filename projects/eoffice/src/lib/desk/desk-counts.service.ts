import { Injectable, Injector, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { SearchApi } from '@alfresco/js-api';
import { departmentSite, fileQuery, receiptListKind, receiptQuery } from '@eoffice/domain';
import { Desk, DeskService } from './desk.service';
import { CoalescedRead } from '../shared/state/coalesced-read';

/** The navbar entries that show how many items wait in them (NIC eOffice shows the same beside its lists). */
export const COUNTED_ENTRIES = [
  'eoffice.navbar.receipts.inbox',
  'eoffice.navbar.receipts.acknowledgement',
  'eoffice.navbar.files.inbox',
  'eoffice.navbar.files.parked'
] as const;
export type CountedEntry = (typeof COUNTED_ENTRIES)[number];

/** How many items each counted entry holds; an entry missing has no count to show (not known, or failed). */
export type DeskCounts = Partial<Record<CountedEntry, number>>;

/** The search query behind each counted entry: the same query as the list it counts, so the two always agree. */
export function countQueries(desk: Desk): Record<CountedEntry, string> {
  const site = departmentSite(desk.hierarchy);
  return {
    'eoffice.navbar.receipts.inbox': receiptQuery(site, receiptListKind('inbox', desk.posts), {}),
    'eoffice.navbar.receipts.acknowledgement': receiptQuery(site, receiptListKind('acknowledgement', desk.posts), {}),
    'eoffice.navbar.files.inbox': fileQuery(site, 'inbox', desk.posts),
    'eoffice.navbar.files.parked': fileQuery(site, 'parked', desk.posts)
  };
}

/** After this long the counts are read again when the officer moves to another e-Office page. */
export const COUNTS_MAX_AGE_MS = 30_000;

/**
 * The counts beside the navbar's lists. Each is one search asking for a single row (ACS refuses
 * maxItems 0) and reading only pagination.totalItems: cheap on the repository whatever the list's length.
 * Read when the navbar appears, again after every movement the officer makes (MovementService calls
 * `refresh`), and when she opens another e-Office page once they are older than COUNTS_MAX_AGE_MS (what
 * others sent her meanwhile). An officer who holds no post (the administrator) has nothing to count and
 * asks nothing.
 */
@Injectable({ providedIn: 'root' })
export class DeskCountsService {
  /**
   * The repository's client and the desk are looked up when the counts are first read, not when this
   * service is made: every page that moves an item asks for it, and needs nothing of it until then.
   */
  private readonly injector = inject(Injector);
  private readonly state = signal<DeskCounts>({});
  readonly counts = this.state.asReadonly();

  private readonly reads = new CoalescedRead(() => this.read());

  /** Reads every count again (once more after the current reading, if one is under way). */
  refresh(): Promise<void> {
    return this.reads.refresh();
  }

  /** Reads the counts again only if they are older than `maxAgeMs`. */
  refreshIfStale(maxAgeMs = COUNTS_MAX_AGE_MS, now = Date.now()): Promise<void> {
    return this.reads.refreshIfStale(maxAgeMs, now);
  }

  private async read(): Promise<void> {
    try {
      this.state.set(await this.count());
    } catch {
      // Without the department (not installed, or signed out meanwhile) there is nothing to count.
      this.state.set({});
    }
  }

  private async count(): Promise<DeskCounts> {
    const desk = await this.injector.get(DeskService).desk();
    if (!desk.posts.length) return {};
    const search = new SearchApi(this.injector.get(AlfrescoApiService).getInstance());
    const queries = countQueries(desk);
    const read = await Promise.all(
      COUNTED_ENTRIES.map(async (entry): Promise<[CountedEntry, number | undefined]> => {
        try {
          const answer = await search.search({ query: { query: queries[entry], language: 'afts' }, paging: { skipCount: 0, maxItems: 1 } });
          return [entry, answer.list?.pagination?.totalItems ?? 0];
        } catch {
          // One count that cannot be read shows no number rather than a wrong one.
          return [entry, undefined];
        }
      })
    );
    const counts: DeskCounts = {};
    for (const [entry, count] of read) if (count !== undefined) counts[entry] = count;
    return counts;
  }
}
