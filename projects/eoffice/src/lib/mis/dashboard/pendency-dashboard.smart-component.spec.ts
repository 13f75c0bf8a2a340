import { ChangeDetectorRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService } from '@ngx-translate/core';
import hi from '../../../../assets/i18n/hi.json';
import { provideRouter } from '@angular/router';
import { DeskService } from '../../desk/desk.service';
import { TableExportService } from '../../shared/export/table-export.service';
import { downloadName } from '../../shared/export/file-download.service';
import { WorkingDays, parseHierarchy } from '@eoffice/domain';
import { MisService, Pendency } from '../mis.service';
import { PendencyDashboardSmartComponent } from './pendency-dashboard.smart-component';
import { deferred, provideEnglish } from '../../shared/testing/spec-support.spec';

const hierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [
    { code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } },
    { code: 'ADM', name: { en: 'Administration', hi: 'प्रशासन' } }
  ],
  posts: [
    { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' } },
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' },
    { code: 'SO_ADM', level: 2, section: 'ADM', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' }
  ]
});

const zero = () => ({ upTo7: 0, upTo15: 0, upTo30: 0, upTo90: 0, over90: 0 });

function pendency(): Pendency {
  return {
    calendarInstalled: false,
    days: new WorkingDays({ weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] }),
    holders: ['GROUP_EO_GAD_US_EST', 'GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_SO_ADM'],
    figures: {
      total: 123470,
      byKindBucket: { receipt: { ...zero(), upTo7: 123456, over90: 4 }, file: { ...zero(), upTo30: 10 } },
      byHolderBucket: {
        GROUP_EO_GAD_US_EST: zero(),
        GROUP_EO_GAD_SO_EST: { ...zero(), upTo7: 3, upTo30: 2 },
        GROUP_EO_GAD_SO_ADM: { ...zero(), over90: 4 }
      },
      byKindUrgency: {
        receipt: { Normal: 5, Immediate: 2, Priority: 0, 'Top Priority': 0 },
        file: { Normal: 1, Immediate: 0, Priority: 0, 'Top Priority': 3 }
      },
      byCategory: { General: 7, RTI: 2 },
      mineWithOthers: { ...zero(), upTo15: 6 }
    }
  };
}

describe('PendencyDashboardSmartComponent', () => {
  let load: jasmine.Spy;
  let items: jasmine.Spy;
  let statementPage: jasmine.Spy;
  let reasonForDelay: jasmine.Spy;
  let escalated: jasmine.Spy;
  let monthly: jasmine.Spy;

  beforeEach(() => {
    load = jasmine.createSpy('pendency').and.callFake(async () => pendency());
    statementPage = jasmine.createSpy('overThreeMonths').and.resolveTo({
      totalItems: 1,
      items: [
        {
          id: 'f9',
          kind: 'file',
          number: 'A-19011/2/2026-EST-GAD',
          subject: 'Leave encashment',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-06-01T05:00:00.000Z',
          begunAt: '2026-05-02T05:00:00.000Z'
        }
      ]
    });
    monthly = jasmine.createSpy('monthly').and.resolveTo({
      months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      counts: {
        created: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0],
        received: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 2],
        forwarded: Array(12).fill(0),
        closed: Array(12).fill(0)
      }
    });
    reasonForDelay = jasmine.createSpy('reasonForDelay').and.resolveTo('Awaiting the Finance Division’s comments');
    escalated = jasmine.createSpy('escalated').and.resolveTo(null);
    items = jasmine.createSpy('items').and.resolveTo({
      totalItems: 2,
      items: [
        {
          id: 'r1',
          kind: 'receipt',
          number: '12/2026/EST-GAD',
          subject: 'पेंशन मामला',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-11-16T05:00:00.000Z'
        },
        {
          id: 'f1',
          kind: 'file',
          number: 'A-11011/5/2026-EST-GAD',
          subject: 'Leave rules',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-11-19T05:00:00.000Z'
        }
      ]
    });
    TestBed.configureTestingModule({
      imports: [PendencyDashboardSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: TableExportService, useValue: { export: jasmine.createSpy('export').and.resolveTo() } },
        { provide: MisService, useValue: { pendency: load, items, overThreeMonths: statementPage, reasonForDelay, monthly, escalated } },
        {
          provide: DeskService,
          useValue: { desk: async () => ({ hierarchy, posts: [], postEntries: [], section: 'EST' }) }
        }
      ]
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(PendencyDashboardSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows receipts and files by age bucket with lakh grouping, and warns that holidays are not counted', async () => {
    const { element } = await render();
    const rows = Array.from(element.querySelectorAll('[data-automation-id="eoffice-mis-summary"] tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent!.trim())
    );
    expect(rows[0]).toEqual(['Receipts', '1,23,456', '0', '0', '0', '4', '1,23,460']);
    expect(rows[1]).toEqual(['Files', '0', '0', '10', '0', '0', '10']);
    expect(element.textContent).toContain('holiday calendar for this year is not installed');
  });

  it('charts only the posts that hold something, named by designation and section, one stack per bucket', async () => {
    const { fixture, element } = await render();
    const chart = fixture.componentInstance.holderChart()!;
    expect(chart.labels).toEqual(['Section Officer (Establishment)', 'Section Officer (Administration)']);
    expect(chart.datasets.map((d) => d.label)).toEqual(['0-7 working days', '8-15', '16-30', '31-90', 'Over 90']);
    expect(chart.datasets[0].data).toEqual([3, 0]);
    expect(chart.datasets[4].data).toEqual([0, 4]);
    expect(element.querySelector('[data-automation-id="eoffice-mis-holder-chart"] canvas')).not.toBeNull();
  });

  it('asks again for one section when a section is chosen, without reloading the page', async () => {
    const { fixture } = await render();
    fixture.componentInstance.chooseSection('ADM');
    await fixture.whenStable();
    expect(load.calls.mostRecent().args[1]).toEqual({ section: 'ADM' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('lists what is escalated to the officer: the items of the posts reporting to his past their due date or the norm', async () => {
    expect((await render()).element.querySelector('[data-automation-id="eoffice-mis-escalated"]')).toBeNull();
    escalated.and.resolveTo({
      totalItems: 2,
      normDays: 7,
      items: [
        {
          id: 'f2',
          kind: 'file',
          number: 'A-11011/7/2026-EST-GAD',
          subject: 'Leave rules',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-11-02T05:00:00.000Z',
          begunAt: '',
          dueDate: '2026-11-10'
        },
        {
          id: 'r2',
          kind: 'receipt',
          number: '14/2026/EST-GAD',
          subject: 'Pension',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-11-03T05:00:00.000Z',
          begunAt: ''
        }
      ]
    });
    const { element } = await render();
    const section = element.querySelector('[data-automation-id="eoffice-mis-escalated"]')!;
    expect(section.querySelector('h2')!.textContent).toContain('Escalated to you (2)');
    const rows = Array.from(section.querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => c.textContent!.trim()));
    expect(rows[0].slice(0, 5)).toEqual([
      'A-11011/7/2026-EST-GAD',
      'Leave rules',
      'Section Officer (Establishment)',
      '02/11/2026',
      '10/11/2026'
    ]);
    expect(rows[0][5]).toContain('Past its due date');
    expect(rows[1][4]).toBe('');
    expect(rows[1][5]).toContain('Beyond the norm');
    expect(section.querySelector('a')!.getAttribute('href')).toBe('/eoffice/files/f2');
  });

  it('shows the reason when the figures cannot be read', async () => {
    load.and.rejectWith(new Error('Search is not available'));
    const { element } = await render();
    expect(element.querySelector('[role="alert"]')!.textContent).toContain('Search is not available');
  });

  it('shows progress and holds Refresh while the figures are read, and takes the reason away once they are', async () => {
    load.and.rejectWith(new Error('Search is not available'));
    const { fixture, element } = await render();
    const refresh = element.querySelector<HTMLButtonElement>('[data-automation-id="eoffice-mis-refresh"]')!;
    const answer = deferred<Pendency>();
    load.and.returnValue(answer.promise);
    refresh.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(refresh.disabled).toBeTrue();
    expect(element.querySelector('[role="alert"]')).toBeNull();

    answer.resolve(pendency());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(refresh.disabled).toBeFalse();
    expect(element.querySelector('[data-automation-id="eoffice-mis-summary"]')).not.toBeNull();
  });

  it('drills from a chart bar into the items behind it, linked to their receipt or file', async () => {
    const { fixture, element } = await render();
    fixture.componentInstance.chartClicked({ active: [{ index: 0, datasetIndex: 2 }] });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(items.calls.mostRecent().args[1]).toEqual({ holder: 'GROUP_EO_GAD_SO_EST', bucket: 'upTo30' });
    const list = element.querySelector('[data-automation-id="eoffice-mis-drill"]')!;
    expect(list.querySelector('h2')!.textContent).toContain('Section Officer (Establishment) · 16-30');
    const links = Array.from(list.querySelectorAll('tbody a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/eoffice/receipts/r1', '/eoffice/files/f1']);
    expect(list.textContent).toContain('पेंशन मामला');
    expect(list.querySelector('eoffice-export-button')).not.toBeNull();
  });

  it('drills from a summary cell, and exports every item behind it page by page with the working days held', async () => {
    const { fixture, element } = await render();
    (element.querySelector('[data-automation-id="eoffice-mis-cell-receipt-over90"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(items.calls.mostRecent().args[1]).toEqual({ kind: 'receipt', bucket: 'over90' });
    expect((element.querySelector('[data-automation-id="eoffice-mis-cell-file-upTo7"]') as HTMLButtonElement).disabled).toBeTrue();
    const table = fixture.componentInstance.exportTable();
    expect(table.columns.map((c) => c.header)).toEqual(['Number', 'Subject', 'Held by', 'Held since', 'Working days']);
    const page = await (table.rows as (p: { skipCount: number; maxItems: number }) => Promise<{ rows: unknown[]; totalItems: number }>)({
      skipCount: 100,
      maxItems: 100
    });
    expect(items.calls.mostRecent().args[3]).toEqual({ skipCount: 100, maxItems: 100 });
    expect(page.totalItems).toBe(2);
    expect(table.columns[4].value(page.rows[0] as never)).toBe(
      new WorkingDays({ weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] }).age(
        '2026-11-16T05:00:00.000Z',
        fixture.componentInstance['today']
      )
    );
  });

  it('shows the drilled items held since their IST day, the day the export gives', async () => {
    items.and.resolveTo({
      totalItems: 1,
      items: [
        {
          id: 'r9',
          kind: 'receipt',
          number: '19/2026/EST-GAD',
          subject: 'Late dak',
          holder: 'GROUP_EO_GAD_SO_EST',
          heldSince: '2026-12-04T20:00:00.000Z'
        }
      ]
    });
    const { fixture, element } = await render();
    (element.querySelector('[data-automation-id="eoffice-mis-cell-receipt-over90"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    const row = element.querySelector('[data-automation-id="eoffice-mis-drill"] tbody tr')!;
    // 01:30 IST on 5 December, not the UTC day (4 December).
    expect(row.textContent).toContain('05/12/2026');
    expect(row.textContent).not.toContain('2026-12-04');
    expect(row.textContent).not.toContain('04/12/2026');
  });

  it('sums pendency by level and by section from the posts, and drills into a level’s items', async () => {
    const { fixture, element } = await render();
    const level = fixture.componentInstance.byLevel();
    expect(level.map((r) => [r.label, r.total])).toEqual([
      ['Section Officer', 9],
      ['Under Secretary', 0]
    ]);
    const sections = fixture.componentInstance.bySection().map((r) => [r.label, r.counts.upTo7, r.counts.over90]);
    expect(sections).toEqual([
      ['Establishment', 3, 0],
      ['Administration', 0, 4]
    ]);
    (element.querySelector('[data-automation-id="eoffice-mis-level-2-over90"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(items.calls.mostRecent().args[1]).toEqual({ holders: ['GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_SO_ADM'], bucket: 'over90' });
  });

  it('charts urgency, category and month-wise figures, and lists my items pending with others', async () => {
    const { fixture, element } = await render();
    const c = fixture.componentInstance;
    expect(c.urgencyChart()!.datasets[1].data).toEqual([1, 0, 0, 3]);
    expect(c.categoryChart()!.datasets[0].data.slice(0, 1)).toEqual([7]);
    expect(c.monthlyChart()).toBeNull();
    expect(monthly).not.toHaveBeenCalled();
    await c.showMonthly();
    expect(monthly).toHaveBeenCalledOnceWith(Number(c.today.slice(0, 4)));
    expect(c.monthlyChart()!.datasets.map((d) => d.label)).toEqual(['Files created', 'Receipts received', 'Forwarded', 'Files closed']);
    expect(c.monthlyChart()!.datasets[1].data[10]).toBe(9);
    expect(element.querySelector('[data-automation-id="eoffice-mis-mine"]')!.textContent).toContain('6');
    c.urgencyClicked({ active: [{ index: 3, datasetIndex: 1 }] });
    await fixture.whenStable();
    expect(items.calls.mostRecent().args[1]).toEqual({ kind: 'file', urgency: 'Top Priority' });
  });

  it('filters by officer and dates, refusing a from-day after the to-day without asking', async () => {
    const { fixture } = await render();
    const c = fixture.componentInstance;
    c.chooseHolder('GROUP_EO_GAD_SO_EST');
    await fixture.whenStable();
    expect(load.calls.mostRecent().args[1]).toEqual({ holder: 'GROUP_EO_GAD_SO_EST' });
    const calls = load.calls.count();
    c.from = '2026-11-10';
    c.to = '2026-11-01';
    c.applyDates();
    expect(load.calls.count()).toBe(calls);
    expect(c.error()).toContain('after');
    c.to = '2026-11-20';
    c.applyDates();
    await fixture.whenStable();
    expect(load.calls.mostRecent().args[1]).toEqual({ holder: 'GROUP_EO_GAD_SO_EST', from: '2026-11-10', before: '2026-11-21' });
  });

  it('prepares the over-three-months statement with the level held at and the reason for delay from the notes', async () => {
    const { fixture, element } = await render();
    (element.querySelector('[data-automation-id="eoffice-mis-statement-show"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    const row = element.querySelector('[data-automation-id="eoffice-mis-statement"] tbody tr')!;
    expect(row.textContent).toContain('A-19011/2/2026-EST-GAD');
    expect(row.textContent).toContain('Section Officer — Section Officer (Establishment)');
    expect(row.textContent).toContain('Awaiting the Finance Division’s comments');
    const table = fixture.componentInstance.statementTable();
    expect(table.columns.map((x) => x.header)).toEqual([
      'Diary / file number',
      'Date of diary',
      'Subject',
      'File',
      'Date action began',
      'Level at which held',
      'Since when',
      'Reason for delay (latest note)'
    ]);
  });

  it('brings the drilled list into view and puts focus on its heading, from a table cell or a chart bar', async () => {
    const scroll = spyOn(HTMLElement.prototype, 'scrollIntoView');
    const { fixture, element } = await render();
    (element.querySelector('[data-automation-id="eoffice-mis-section-EST-upTo30"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    const heading = element.querySelector<HTMLElement>('[data-automation-id="eoffice-mis-drill"] h2')!;
    expect(heading.textContent).toContain('Establishment · 16-30 working days');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.calls.mostRecent().object).toBe(heading);
    expect(document.activeElement).toBe(heading);

    fixture.componentInstance.chartClicked({ active: [{ index: 1, datasetIndex: 4 }] });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(scroll).toHaveBeenCalledTimes(2);
    expect(document.activeElement?.textContent).toContain('Section Officer (Administration) · Over 90 working days');
  });

  it('keeps the list where it is when the figures are refreshed, under the same heading', async () => {
    const scroll = spyOn(HTMLElement.prototype, 'scrollIntoView');
    const { fixture, element } = await render();
    (element.querySelector('[data-automation-id="eoffice-mis-section-ADM-over30"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    scroll.calls.reset();

    await fixture.componentInstance.refresh();
    fixture.detectChanges();

    expect(items.calls.mostRecent().args[1]).toEqual({
      holders: ['GROUP_EO_GAD_SO_ADM'],
      buckets: ['upTo90', 'over90']
    });
    expect(element.querySelector('[data-automation-id="eoffice-mis-drill"] h2')!.textContent).toContain(
      'Administration · Over 30 working days'
    );
    expect(scroll).not.toHaveBeenCalled();
  });

  it('names the cell in the export file of a drill-down, dated like every download', async () => {
    const { fixture, element } = await render();
    const day = new Date(2026, 11, 5);
    const exported = async (automationId: string) => {
      (element.querySelector(`[data-automation-id="${automationId}"]`) as HTMLButtonElement).click();
      await fixture.whenStable();
      return downloadName(fixture.componentInstance.exportTable().fileName, 'csv', day);
    };

    expect(await exported('eoffice-mis-section-ADM-over30')).toBe('pendency-Administration-Over-30-working-days-2026-12-05.csv');
    expect(await exported('eoffice-mis-cell-receipt-over90')).toBe('pendency-Receipts-Over-90-working-days-2026-12-05.csv');
    fixture.componentInstance.chartClicked({ active: [{ index: 0, datasetIndex: 2 }] });
    await fixture.whenStable();
    expect(downloadName(fixture.componentInstance.exportTable().fileName, 'xlsx', day)).toBe(
      'pendency-Section-Officer-(Establishment)-16-30-working-days-2026-12-05.xlsx'
    );
  });

  it('says what the working-day ages and the three-month statement each count, in English and Hindi', async () => {
    const { fixture, element } = await render();
    const ageNote = () => element.querySelector('[data-automation-id="eoffice-mis-age-note"]')!.textContent!;
    const statementNote = () => element.querySelector('[data-automation-id="eoffice-mis-statement-note"]')!.textContent!;
    expect(ageNote()).toContain('working days by the holiday calendar');
    expect(ageNote()).toContain('with its present holder');
    expect(statementNote()).toContain('calendar months from the day a case began');

    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('hi', hi);
    translate.use('hi');
    fixture.componentRef.injector.get(ChangeDetectorRef).markForCheck();
    fixture.detectChanges();
    expect(ageNote()).toContain('अवकाश कैलेंडर के अनुसार कार्य दिवसों में');
    expect(statementNote()).toContain('कैलेंडर माह गिनता है');
  });

  it('keeps a wide table inside its own scrolling box, never widening the page', async () => {
    const fixture = TestBed.createComponent(PendencyDashboardSmartComponent);
    const element = fixture.nativeElement as HTMLElement;
    // A narrow page (the sections table already overflowed its half of a 1366 px screen beside the navigation).
    element.style.display = 'block';
    element.style.width = '480px';
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const page = element.querySelector<HTMLElement>('.eoffice-mis')!;
    const box = element.querySelector<HTMLElement>('[data-automation-id="eoffice-mis-by-section-box"]')!;
    const table = box.querySelector<HTMLElement>('table')!;

    expect(table.scrollWidth).toBeGreaterThan(box.clientWidth);
    expect(getComputedStyle(box).overflowX).toBe('auto');
    expect(box.getBoundingClientRect().right).toBeLessThanOrEqual(page.getBoundingClientRect().right);
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
  });
});
