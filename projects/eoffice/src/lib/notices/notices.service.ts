import { Injectable, Injector, inject, signal } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodeBodyUpdate, NodesApi, SearchApi } from '@alfresco/js-api';
import { Notice, UNREAD_NOTICES_QUERY, latestNoticesRequest, toNotice, unreadNoticesOfItem } from '@eoffice/domain';
import { CoalescedRead } from '../shared/state/coalesced-read';

/** The update that marks a notice read (js-api types properties as text; the repository takes the d:boolean). */
const MARK_READ = { properties: { 'eo:noticeRead': true } } as unknown as NodeBodyUpdate;

/** How many of the latest notices the bell lists. */
export const NOTICES_SHOWN = 20;
/** After this long the notices are read again when the officer moves to another page (as the navbar's counts). */
export const NOTICES_MAX_AGE_MS = 30_000;

/**
 * The officer's notices (issue 19): the eo:notice nodes the movement workflow writes into his own "eOffice
 * Notices" folder when an item reaches one of his posts (config/workflow/src/notices.js). The repository lets
 * only him read and change them, so a plain search finds exactly his. Two searches: the unread count (one
 * row, totalItems) and the latest notices; read at start, after each movement he makes (MovementService), on
 * moving to another page once older than NOTICES_MAX_AGE_MS, and after he marks some read.
 */
@Injectable({ providedIn: 'root' })
export class NoticesService {
  /** The repository's client is looked up when first needed: every page that moves an item asks for this. */
  private readonly injector = inject(Injector);
  private readonly unreadState = signal(0);
  private readonly latestState = signal<Notice[]>([]);
  /** Unread notices, as the bell's badge shows them. */
  readonly unread = this.unreadState.asReadonly();
  /** The latest notices, newest first. */
  readonly latest = this.latestState.asReadonly();

  private readonly reads = new CoalescedRead(() => this.read());

  /** Reads the count and the list again (once more after the current reading, if one is under way). */
  refresh(): Promise<void> {
    return this.reads.refresh();
  }

  /** Reads them again only if older than `maxAgeMs`. */
  refreshIfStale(maxAgeMs = NOTICES_MAX_AGE_MS, now = Date.now()): Promise<void> {
    return this.reads.refreshIfStale(maxAgeMs, now);
  }

  /** Marks one notice read (the officer opened it from the bell). */
  async markRead(notice: Notice): Promise<void> {
    if (notice.read) return;
    await this.nodes().updateNode(notice.id, MARK_READ);
    await this.refresh();
  }

  /** Marks read every unread notice of an item the officer has just opened; nothing is asked when none is. */
  async markItemRead(itemId: string): Promise<void> {
    const known = this.latestState().filter((n) => n.itemId === itemId && !n.read);
    let ids = known.map((n) => n.id);
    try {
      const answer = await this.search().search({
        query: { query: unreadNoticesOfItem(itemId), language: 'afts' },
        paging: { skipCount: 0, maxItems: 100 }
      });
      ids = [...new Set([...ids, ...(answer.list?.entries ?? []).map((e) => e.entry.id)])];
    } catch {
      // The search failing leaves those the bell shows: they are marked all the same.
    }
    if (!ids.length) return;
    await Promise.all(ids.map((id) => this.nodes().updateNode(id, MARK_READ)));
    await this.refresh();
  }

  private async read(): Promise<void> {
    try {
      const search = this.search();
      const [count, latest] = await Promise.all([
        search.search({ query: { query: UNREAD_NOTICES_QUERY, language: 'afts' }, paging: { skipCount: 0, maxItems: 1 } }),
        search.search(latestNoticesRequest(NOTICES_SHOWN) as never)
      ]);
      this.unreadState.set(count.list?.pagination?.totalItems ?? 0);
      this.latestState.set((latest.list?.entries ?? []).map((e) => toNotice(e.entry)).filter((n): n is Notice => !!n));
    } catch {
      // Signed out meanwhile, or the model not installed: no notices to show rather than stale ones.
      this.unreadState.set(0);
      this.latestState.set([]);
    }
  }

  private search(): SearchApi {
    return new SearchApi(this.injector.get(AlfrescoApiService).getInstance());
  }

  private nodes(): NodesApi {
    return new NodesApi(this.injector.get(AlfrescoApiService).getInstance());
  }
}
