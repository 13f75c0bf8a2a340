import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { DeskService } from '../desk/desk.service';
import {
  WorkingDays,
  delayReasonOf,
  departmentSite,
  postGroup,
  DrillCell,
  MonthlyFigures,
  PendencyFigures,
  PendencyFilter,
  PendingItem,
  drillDownRequest,
  escalatedRequest,
  escalationRules,
  monthlyRequest,
  overThreeMonthsRequest,
  pendencyRequest,
  readMonthly,
  readPendency,
  toPendingItem
} from '@eoffice/domain';
import { WorkingDaysService } from '../shared/calendar/working-days.service';

export { calendarPath, WEEKLY_OFFS_ONLY } from '../shared/calendar/working-days.service';

/** What the dashboard is narrowed to: a section, one officer's post, items begun between two days. */
export interface MisScope {
  section?: string;
  /** A post group: only what it holds. */
  holder?: string;
  /** YYYY-MM-DD, inclusive / exclusive. */
  from?: string;
  before?: string;
}

export interface Pendency {
  figures: PendencyFigures;
  holders: string[];
  calendarInstalled: boolean;
  /** The calendar the ages were counted with, for single items' working days. */
  days: WorkingDays;
}

/** The pendency MIS: one search request whatever the volume; the repository counts. */
@Injectable({ providedIn: 'root' })
export class MisService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly deskService = inject(DeskService);
  private readonly calendar = inject(WorkingDaysService);

  workingDays(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    return this.calendar.forYear(year);
  }

  /**
   * The dashboard's figures in one search request whatever the volume: by kind, age, post, urgency,
   * category, and the officer's own items pending with others.
   */
  async pendency(today: string, scope: MisScope = {}): Promise<Pendency> {
    const { filter, days, installed } = await this.scope(today, scope);
    const answer = await new SearchApi(this.apiService.getInstance()).search(pendencyRequest(days, today, filter) as never);
    return { figures: readPendency(answer as never, filter), holders: filter.holders, calendarInstalled: installed, days };
  }

  /** Month-wise files created, receipts received, sends and files closed in a year: one more request, when asked for. */
  async monthly(year: number): Promise<MonthlyFigures> {
    const desk = await this.deskService.desk();
    const answer = await new SearchApi(this.apiService.getInstance()).search(monthlyRequest(departmentSite(desk.hierarchy), year) as never);
    return readMonthly(answer as never, year);
  }

  /** The items behind one bar or cell, oldest first, a page at a time (never the whole department). */
  async items(
    today: string,
    cell: DrillCell,
    scope: MisScope = {},
    page = { skipCount: 0, maxItems: 100 }
  ): Promise<{ items: PendingItem[]; totalItems: number }> {
    const { filter, days } = await this.scope(today, scope);
    return this.page(drillDownRequest(days, today, filter, cell, page));
  }

  /**
   * The items escalated to the officer (issue 19): held by the posts reporting to his, past their due date or the
   * norm, oldest first; the workflow lets his post read them once their timers fired. Null when no post reports to
   * his (nothing can be escalated to him). One search, with his own permissions.
   */
  async escalated(
    today: string,
    page = { skipCount: 0, maxItems: 100 }
  ): Promise<{ items: PendingItem[]; totalItems: number; normDays: number } | null> {
    const desk = await this.deskService.desk();
    const { days } = await this.workingDays(Number(today.slice(0, 4)));
    const codes = desk.postEntries.map((p) => p.code);
    const body = escalatedRequest(desk.hierarchy, departmentSite(desk.hierarchy), codes, days, today, page);
    if (!body) return null;
    return { ...(await this.page(body)), normDays: escalationRules(desk.hierarchy).normDays };
  }

  /** The statement of cases pending over three months, oldest first, a page at a time. */
  async overThreeMonths(today: string, scope: MisScope = {}, page = { skipCount: 0, maxItems: 50 }) {
    const { filter } = await this.scope(today, scope);
    return this.page(overThreeMonthsRequest(today, filter, page));
  }

  /**
   * The reason for delay, as the statement asks: the one recorded last in the item's movements (asked of an
   * officer acting on it beyond the 7-working-day norm, domain delay-reason.ts); failing that, the latest
   * note of a file (CSMOP asks the officer to record it in a note), or the remarks of a receipt's latest
   * movement. Empty when none can be read.
   */
  async reasonForDelay(item: PendingItem): Promise<string> {
    const nodes = new NodesApi(this.apiService.getInstance());
    try {
      const folders = await nodes.listNodeChildren(item.id, { where: '(isFolder=true)', maxItems: 20 });
      const movements = folders.list?.entries?.find((e) => e.entry.name === 'Movements');
      if (movements) {
        const recent = await nodes.listNodeChildren(movements.entry.id, { orderBy: ['name DESC'], maxItems: 20, include: ['properties'] });
        for (const m of recent.list?.entries ?? []) {
          const reason = delayReasonOf(m.entry.properties?.['eo:movementRemarks'] as string | undefined);
          if (reason) return reason;
        }
      }
      const wanted = item.kind === 'file' ? 'Notes' : 'Movements';
      const folder = folders.list?.entries?.find((e) => e.entry.name === wanted);
      if (!folder) return '';
      const latest = (await nodes.listNodeChildren(folder.entry.id, { orderBy: ['name DESC'], maxItems: 1, include: ['properties'] })).list
        ?.entries?.[0]?.entry;
      if (!latest) return '';
      if (item.kind === 'receipt') return String(latest.properties?.['eo:movementRemarks'] ?? '');
      const content: unknown = await nodes.getNodeContent(latest.id);
      const text = content instanceof Blob ? await content.text() : String(content ?? '');
      // Notes are sanitised HTML or plain text: the statement wants the words only.
      return new DOMParser().parseFromString(text, 'text/html').body.textContent?.replace(/\s+/g, ' ').trim().slice(0, 500) ?? '';
    } catch {
      return '';
    }
  }

  private async page(body: unknown): Promise<{ items: PendingItem[]; totalItems: number }> {
    const answer = await new SearchApi(this.apiService.getInstance()).search(body as never);
    return {
      items: (answer.list?.entries ?? []).map((e) => toPendingItem(e.entry as never)),
      totalItems: answer.list?.pagination?.totalItems ?? 0
    };
  }

  private async scope(today: string, scope: MisScope) {
    const desk = await this.deskService.desk();
    const { days, installed } = await this.workingDays(Number(today.slice(0, 4)));
    const sectionPosts = desk.hierarchy.posts
      .filter((p) => !scope.section || p.section === scope.section)
      .map((p) => postGroup(desk.hierarchy, p.code));
    const holders = scope.holder ? [scope.holder] : sectionPosts;
    const filter: PendencyFilter = {
      holders,
      onlyHolders: !!scope.section || !!scope.holder,
      site: departmentSite(desk.hierarchy),
      myPosts: desk.posts,
      ...(scope.from && { createdFrom: scope.from }),
      ...(scope.before && { createdBefore: scope.before })
    };
    return { desk, filter, days, installed };
  }
}
