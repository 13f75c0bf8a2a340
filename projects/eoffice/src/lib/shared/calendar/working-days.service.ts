import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { NodesApi } from '@alfresco/js-api';
import { HolidayCalendar, WEEKLY_OFFS_ONLY, WorkingDays, officeDay, parseHolidayCalendar } from '@eoffice/domain';
import { asJson } from '../../desk/desk.service';
import { NodeTextApi } from '../api/node-text-api';

/** Where the installer keeps the holiday calendar of a year. */
export const CALENDAR_FOLDER = 'Data Dictionary/eOffice';
const calendarName = (year: number) => `holidays-${year}.json`;
export const calendarPath = (year: number) => `${CALENDAR_FOLDER}/${calendarName(year)}`;

/** Used when the year's calendar is not installed (the domain's, which the workflow's norm timer counts with too). */
export { WEEKLY_OFFS_ONLY };

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

  /**
   * The calendar ages up to a day of `year` are counted with: the year's, plus the previous year's gazetted
   * holidays, because an age reaches back into it (a case held since December, and in January to April the
   * 90-working-day bound of the MIS). The year's weekly offs apply to both.
   */
  private async load(year: number): Promise<{ days: WorkingDays; installed: boolean }> {
    const installed = await this.installedCalendars();
    const [current, previous] = await Promise.all([this.read(installed, year), this.read(installed, year - 1)]);
    const base = current ?? WEEKLY_OFFS_ONLY;
    return {
      days: new WorkingDays({ ...base, holidays: [...(previous?.holidays ?? []), ...base.holidays] }),
      installed: !!current
    };
  }

  /**
   * The files of the calendars' folder by name: one listing, so a year without a calendar (often the previous
   * one) is not a 404 for each year asked.
   */
  private async installedCalendars(): Promise<Map<string, string>> {
    try {
      const page = await new NodesApi(this.apiService.getInstance()).listNodeChildren('-root-', {
        relativePath: CALENDAR_FOLDER,
        where: '(isFile=true)',
        maxItems: 100
      });
      return new Map((page.list?.entries ?? []).map((e) => [e.entry.name, e.entry.id]));
    } catch {
      return new Map();
    }
  }

  /** A year's installed calendar, or null when there is none (or it cannot be read). */
  private async read(installed: Map<string, string>, year: number): Promise<HolidayCalendar | null> {
    const id = installed.get(calendarName(year));
    if (!id) return null;
    try {
      return parseHolidayCalendar(await asJson(await new NodeTextApi(this.apiService.getInstance()).getNodeContent(id)));
    } catch {
      return null;
    }
  }
}
