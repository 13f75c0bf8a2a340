import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi, SearchApi } from '@alfresco/js-api';
import { DeskService } from '../desk/desk.service';
import { HolidayCalendar, WorkingDays, parseHolidayCalendar, postGroup } from '../domain';
import { AgeBucketKey } from './model/age-buckets';
import {
  ItemKind,
  PendencyFigures,
  PendingItem,
  drillDownRequest,
  pendencyRequest,
  readPendency,
  toPendingItem
} from './model/pendency-query';

/** Where the installer keeps the holiday calendar of a year. */
export const calendarPath = (year: number) => `Data Dictionary/eOffice/holidays-${year}.json`;

/** Used when the year's calendar is not installed: weekly offs only, so ages are never under-counted by guessing holidays. */
export const WEEKLY_OFFS_ONLY: HolidayCalendar = { weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] };

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
  private readonly calendars = new Map<number, Promise<{ days: WorkingDays; installed: boolean }>>();

  workingDays(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    let c = this.calendars.get(year);
    if (!c) this.calendars.set(year, (c = this.loadCalendar(year)));
    return c;
  }

  async pendency(today: string, section?: string): Promise<Pendency> {
    const desk = await this.deskService.desk();
    const { days, installed } = await this.workingDays(Number(today.slice(0, 4)));
    const holders = desk.hierarchy.posts.filter((p) => !section || p.section === section).map((p) => postGroup(desk.hierarchy, p.code));
    const filter = { holders, onlyHolders: !!section, ancestorId: desk.documentLibraryId };
    const answer = await new SearchApi(this.apiService.getInstance()).search(pendencyRequest(days, today, filter) as never);
    return { figures: readPendency(answer as never, filter), holders, calendarInstalled: installed, days };
  }

  /** The items behind one bar or cell, oldest first, a page at a time (never the whole department). */
  async items(
    today: string,
    cell: { holder?: string; kind?: ItemKind; bucket?: AgeBucketKey; section?: string },
    page = { skipCount: 0, maxItems: 100 }
  ): Promise<{ items: PendingItem[]; totalItems: number }> {
    const desk = await this.deskService.desk();
    const { days } = await this.workingDays(Number(today.slice(0, 4)));
    const holders = desk.hierarchy.posts
      .filter((p) => !cell.section || p.section === cell.section)
      .map((p) => postGroup(desk.hierarchy, p.code));
    const filter = { holders, onlyHolders: !!cell.section, ancestorId: desk.documentLibraryId };
    const answer = await new SearchApi(this.apiService.getInstance()).search(drillDownRequest(days, today, filter, cell, page) as never);
    return {
      items: (answer.list?.entries ?? []).map((e) => toPendingItem(e.entry as never)),
      totalItems: answer.list?.pagination?.totalItems ?? 0
    };
  }

  private async loadCalendar(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    const nodes = new NodesApi(this.apiService.getInstance());
    try {
      const node = await nodes.getNode('-root-', { relativePath: calendarPath(year) });
      const content: unknown = await nodes.getNodeContent(node.entry.id);
      const json: unknown =
        content && typeof (content as Blob).text === 'function'
          ? JSON.parse(await (content as Blob).text())
          : typeof content === 'string'
            ? JSON.parse(content)
            : content;
      return { days: new WorkingDays(parseHolidayCalendar(json)), installed: true };
    } catch {
      return { days: new WorkingDays(WEEKLY_OFFS_ONLY), installed: false };
    }
  }
}
