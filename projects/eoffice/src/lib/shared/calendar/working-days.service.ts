import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi } from '@alfresco/js-api';
import { HolidayCalendar, WorkingDays, officeDay, parseHolidayCalendar } from '../../domain';
import { asJson } from '../../desk/desk.service';

/** Where the installer keeps the holiday calendar of a year. */
export const calendarPath = (year: number) => `Data Dictionary/eOffice/holidays-${year}.json`;

/** Used when the year's calendar is not installed: weekly offs only, so ages are never under-counted by guessing holidays. */
export const WEEKLY_OFFS_ONLY: HolidayCalendar = { weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] };

/**
 * The department's working days: the holiday calendar the installer uploaded for a year (gazetted
 * holidays, second and fourth Saturdays, Sundays), read once. Every "days pending" and 7-day norm flag
 * counts with it: the lists, the file view and the pendency MIS.
 */
@Injectable({ providedIn: 'root' })
export class WorkingDaysService {
  private readonly apiService = inject(AlfrescoApiService);
  private readonly calendars = new Map<number, Promise<{ days: WorkingDays; installed: boolean }>>();

  forYear(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    let c = this.calendars.get(year);
    if (!c) this.calendars.set(year, (c = this.load(year)));
    return c;
  }

  /** Working days an item has been held, from `since` to today (office days, India). */
  async heldFor(since: string | Date, today = officeDay(new Date())): Promise<number> {
    const { days } = await this.forYear(Number(today.slice(0, 4)));
    return days.age(since, today);
  }

  private async load(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    const nodes = new NodesApi(this.apiService.getInstance());
    try {
      const node = await nodes.getNode('-root-', { relativePath: calendarPath(year) });
      return { days: new WorkingDays(parseHolidayCalendar(await asJson(await nodes.getNodeContent(node.entry.id)))), installed: true };
    } catch {
      return { days: new WorkingDays(WEEKLY_OFFS_ONLY), installed: false };
    }
  }
}
