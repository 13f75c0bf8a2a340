import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatInputModule } from '@angular/material/input';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { BaseChartDirective, provideCharts, withDefaultRegisterables } from 'ng2-charts';
import type { ChartData, ChartEvent, ChartOptions } from 'chart.js';
import { DeskService } from '../../desk/desk.service';
import {
  Hierarchy,
  LEVELS,
  MAIN_CATEGORIES,
  labelOf,
  nextOfficeDay,
  officeDate,
  officeDay,
  officerTitle,
  postGroup,
  postOfGroup,
  AGE_BUCKETS,
  AgeBucketKey,
  formatIndianNumber,
  CATEGORIES,
  DrillCell,
  ITEM_KINDS,
  MONTHLY_MEASURES,
  MonthlyFigures,
  OVER_30,
  PendingItem,
  URGENCY_CODES as URGENCIES,
  threeMonthsBefore
} from '@eoffice/domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { officeMonth, provideOfficeDatepicker } from '../../shared/date/office-date-adapter';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { LoadState } from '../../shared/state/load-state';
import { MisScope, MisService, Pendency } from '../mis.service';

/** A row of the statement of cases pending over three months, with its reason for delay once read. */
interface StatementRow extends PendingItem {
  reason: string;
}

/** A row of a by-level or by-section table: the posts it sums, and its counts per age bucket. */
interface GroupRow {
  key: string;
  label: string;
  holders: string[];
  counts: Record<AgeBucketKey, number>;
  total: number;
}

/** Bar colours from within the norm (green) to over three months (red). */
const BUCKET_COLOURS = ['#2e7d32', '#9e9d24', '#f9a825', '#ef6c00', '#c62828'];

/** The pendency dashboard: held where, for how long; one search request per refresh. */
@Component({
  selector: 'eoffice-pendency-dashboard',
  standalone: true,
  imports: [
    NgTemplateOutlet,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatInputModule,
    FormsModule,
    TranslatePipe,
    BaseChartDirective,
    RouterLink,
    EofficeDatePipe,
    ExportButtonSmartComponent
  ],
  providers: [provideCharts(withDefaultRegisterables()), provideOfficeDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pendency-dashboard.smart-component.html',
  styleUrl: './pendency-dashboard.smart-component.scss'
})
export class PendencyDashboardSmartComponent {
  private readonly mis = inject(MisService);
  private readonly deskService = inject(DeskService);
  private readonly translate = inject(TranslateService);

  readonly buckets = AGE_BUCKETS.map((b) => b.key);
  readonly kinds = ITEM_KINDS;
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  /** What went wrong, in the repository's words: reading the figures, a drill-down, the statement or the months. */
  readonly error = signal<string | null>(null);
  readonly pendency = signal<Pendency | null>(null);
  readonly hierarchy = signal<Hierarchy | null>(null);
  readonly section = signal<string>('');
  /** One officer's post (group), or all. */
  readonly holder = signal<string>('');
  /** Items begun from / before these days (YYYY-MM-DD), or any (the datepicker clears to null). */
  from: string | null = '';
  to: string | null = '';
  readonly urgencies = URGENCIES;
  readonly categories = CATEGORIES;
  readonly measures = MONTHLY_MEASURES;
  /** Month-wise figures of the year, when asked for (a second request). */
  readonly monthly = signal<MonthlyFigures | null>(null);
  /** The statement of cases pending over three months, when asked for. */
  readonly statement = signal<{ rows: StatementRow[]; totalItems: number; cutoff: string } | null>(null);
  /**
   * The bar or cell drilled into, and the items behind it (first page; the export pages through all). `label`
   * is the row clicked (a section, a level), kept so a refresh can ask again; `parts` name the cell.
   */
  readonly drill = signal<{ cell: DrillCell; label?: string; parts: string[]; items: PendingItem[]; totalItems: number } | null>(null);
  /**
   * What is escalated to the officer: the items of the posts reporting to his past their due date or the norm
   * (null: no post reports to his, so the section is not shown). Read with the figures, for whatever scope.
   */
  readonly escalated = signal<{ items: PendingItem[]; totalItems: number; normDays: number } | null>(null);
  private readonly drillHeading = viewChild<ElementRef<HTMLElement>>('drillHeading');
  private readonly injector = inject(Injector);
  readonly today = officeDay(new Date());

  /** Posts the officer filter offers: the section's, or all. */
  readonly officerChoices = computed(() => {
    const h = this.hierarchy();
    if (!h) return [];
    return h.posts
      .filter((p) => !this.section() || p.section === this.section())
      .map((p) => ({ group: postGroup(h, p.code), label: officerTitle(h, p, this.lang) }));
  });

  /** Pendency by level of the channel (ASO … Secretary), summed from the posts of each level. */
  readonly byLevel = computed<GroupRow[]>(() => {
    const h = this.hierarchy();
    const p = this.pendency();
    if (!h || !p) return [];
    return LEVELS.map((l) =>
      this.groupRow(
        `level-${l.level}`,
        l.designation[this.lang],
        h.posts.filter((x) => x.level === l.level).map((x) => postGroup(h, x.code))
      )
    ).filter((r) => r.holders.length);
  });

  /** Pendency by section (posts above the sections together). */
  readonly bySection = computed<GroupRow[]>(() => {
    const h = this.hierarchy();
    if (!h || !this.pendency()) return [];
    const rows = h.sections.map((s) =>
      this.groupRow(
        `section-${s.code}`,
        s.name[this.lang],
        h.posts.filter((x) => x.section === s.code).map((x) => postGroup(h, x.code))
      )
    );
    rows.push(
      this.groupRow(
        'section-none',
        this.translate.instant('EOFFICE.MIS.ABOVE_SECTIONS'),
        h.posts.filter((x) => !x.section).map((x) => postGroup(h, x.code))
      )
    );
    return rows.filter((r) => r.holders.length);
  });

  readonly urgencyChart = computed<ChartData<'bar'> | null>(() => {
    const p = this.pendency();
    if (!p) return null;
    return {
      labels: URGENCIES.map((u) => this.urgencyLabel(u)),
      datasets: ITEM_KINDS.map((k, i) => ({
        label: this.translate.instant(`EOFFICE.MIS.KIND.${k}`),
        data: URGENCIES.map((u) => p.figures.byKindUrgency[k][u]),
        backgroundColor: i ? '#1565c0' : '#6a1b9a'
      }))
    };
  });

  readonly categoryChart = computed<ChartData<'bar'> | null>(() => {
    const p = this.pendency();
    if (!p) return null;
    return {
      labels: CATEGORIES.map((c) => this.categoryLabel(c)),
      datasets: [
        {
          label: this.translate.instant('EOFFICE.MIS.KIND.receipt'),
          data: CATEGORIES.map((c) => p.figures.byCategory[c]),
          backgroundColor: '#00838f'
        }
      ]
    };
  });

  readonly levelChart = computed<ChartData<'bar'> | null>(() => {
    const rows = this.byLevel().filter((r) => r.total > 0);
    if (!rows.length) return null;
    return {
      labels: rows.map((r) => r.label),
      datasets: this.buckets.map((b, i) => ({
        label: this.translate.instant(`EOFFICE.MIS.BUCKET.${b}`),
        data: rows.map((r) => r.counts[b]),
        backgroundColor: BUCKET_COLOURS[i],
        stack: 'age'
      }))
    };
  });

  readonly monthlyChart = computed<ChartData<'bar'> | null>(() => {
    const monthly = this.monthly();
    if (!monthly) return null;
    return {
      labels: monthly.months.map((m) => this.monthLabel(m)),
      datasets: MONTHLY_MEASURES.map((m, i) => ({
        label: this.translate.instant(`EOFFICE.MIS.MONTHLY.${m}`),
        data: monthly.counts[m],
        backgroundColor: ['#1565c0', '#6a1b9a', '#f9a825', '#2e7d32'][i]
      }))
    };
  });

  readonly plainBarOptions: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
  };

  readonly chartOptions: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: 'y',
    scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } }
  };

  readonly holderChart = computed<ChartData<'bar'> | null>(() => {
    const p = this.pendency();
    const h = this.hierarchy();
    if (!p || !h) return null;
    const rows = this.rowHolders();
    return {
      labels: rows.map((g) => this.holderLabel(g)),
      datasets: this.buckets.map((b, i) => ({
        label: this.translate.instant(`EOFFICE.MIS.BUCKET.${b}`),
        data: rows.map((g) => p.figures.byHolderBucket[g][b]),
        backgroundColor: BUCKET_COLOURS[i],
        stack: 'age'
      }))
    };
  });

  constructor() {
    void this.refresh();
  }

  /** Reads the figures for the scope again, and whatever the officer had opened under them (list, statement, months). */
  async refresh(): Promise<void> {
    this.error.set(null);
    await this.state.run(
      async () => {
        // The sections and officers to narrow by are offered even when the figures then cannot be read.
        this.hierarchy.set((await this.deskService.desk()).hierarchy);
        return this.mis.pendency(this.today, this.scope());
      },
      async (pendency) => {
        this.pendency.set(pendency);
        this.escalated.set(await this.mis.escalated(this.today));
        const open = this.drill();
        if (open) await this.drillInto(open.cell, open.label, false);
        if (this.statement()) await this.showStatement();
        if (this.monthly()) await this.showMonthly();
      },
      (e) => this.error.set(e instanceof Error ? e.message : String(e))
    );
  }

  chooseSection(section: string): void {
    this.section.set(section);
    this.holder.set('');
    this.drill.set(null);
    void this.refresh();
  }

  chooseHolder(holder: string): void {
    this.holder.set(holder);
    this.drill.set(null);
    void this.refresh();
  }

  /** The dates were changed: a from after the to is refused before asking the repository. */
  applyDates(): void {
    if (this.from && this.to && this.from > this.to) {
      this.error.set(this.translate.instant('EOFFICE.MIS.DATES_REVERSED'));
      return;
    }
    this.drill.set(null);
    void this.refresh();
  }

  /** What the figures are narrowed to (the "to" day is inclusive, so the bound is the next day). */
  private scope(): MisScope {
    const next = this.to ? nextOfficeDay(this.to) : '';
    return {
      ...(this.section() && { section: this.section() }),
      ...(this.holder() && { holder: this.holder() }),
      ...(this.from && { from: this.from }),
      ...(next && { before: next })
    };
  }

  /** A click on a chart: which bar of which dataset. */
  private hit(event: { active?: object[] }): { index: number; datasetIndex: number } | undefined {
    return event.active?.[0] as { index: number; datasetIndex: number } | undefined;
  }

  urgencyClicked(event: { active?: object[] }): void {
    const h = this.hit(event);
    if (h) void this.drillInto({ kind: ITEM_KINDS[h.datasetIndex], urgency: URGENCIES[h.index] });
  }

  categoryClicked(event: { active?: object[] }): void {
    const h = this.hit(event);
    if (h) void this.drillInto({ category: CATEGORIES[h.index] });
  }

  levelClicked(event: { active?: object[] }): void {
    const h = this.hit(event);
    const row = this.byLevel().filter((r) => r.total > 0)[h?.index ?? -1];
    if (h && row) void this.drillInto({ holders: row.holders, bucket: this.buckets[h.datasetIndex] }, row.label);
  }

  drillOver30(row: GroupRow): void {
    void this.drillInto({ holders: row.holders, buckets: OVER_30 }, row.label);
  }

  drillGroup(row: GroupRow, bucket?: AgeBucketKey): void {
    void this.drillInto({ holders: row.holders, ...(bucket && { bucket }) }, row.label);
  }

  async showMonthly(): Promise<void> {
    this.error.set(null);
    try {
      this.monthly.set(await this.mis.monthly(Number(this.today.slice(0, 4))));
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }

  /** The statement of cases pending over three months, with the reason for delay from each case's notes. */
  async showStatement(): Promise<void> {
    this.error.set(null);
    try {
      const page = await this.mis.overThreeMonths(this.today, this.scope());
      const rows = await Promise.all(page.items.map(async (item) => ({ ...item, reason: await this.mis.reasonForDelay(item) })));
      this.statement.set({ rows, totalItems: page.totalItems, cutoff: threeMonthsBefore(this.today) });
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }

  levelOf(group: string): string {
    const h = this.hierarchy();
    const post = h ? postOfGroup(h, group) : undefined;
    return post ? (LEVELS.find((l) => l.level === post.level)?.designation[this.lang] ?? '') : '';
  }

  /** The statement as a table to export (CSV, XLSX, PDF), paged from the repository, reasons included. */
  readonly statementTable = (): ExportTable<StatementRow> => {
    const t = (k: string) => this.translate.instant(`EOFFICE.MIS.STATEMENT.${k}`);
    const scope = this.scope();
    return {
      title: t('TITLE'),
      subtitle: `${officeDate(this.today)} (${t('BEGUN_BEFORE')} ${officeDate(threeMonthsBefore(this.today))})`,
      fileName: `pending-over-three-months`,
      columns: [
        { header: t('NUMBER'), value: (r) => r.number },
        { header: t('DIARY_DATE'), value: (r) => (r.begunAt ? new Date(r.begunAt) : null) },
        { header: t('SUBJECT'), value: (r) => r.subject },
        { header: t('FILE'), value: (r) => (r.kind === 'file' ? r.number : (r.inFile ?? '')) },
        { header: t('ACTION_BEGAN'), value: (r) => (r.begunAt ? new Date(r.begunAt) : null) },
        { header: t('LEVEL'), value: (r) => `${this.levelOf(r.holder)} — ${this.holderLabel(r.holder)}` },
        { header: t('SINCE'), value: (r) => (r.heldSince ? new Date(r.heldSince) : null) },
        { header: t('REASON'), value: (r) => r.reason }
      ],
      rows: async (page) => {
        const p = await this.mis.overThreeMonths(this.today, scope, page);
        const rows = await Promise.all(p.items.map(async (item) => ({ ...item, reason: await this.mis.reasonForDelay(item) })));
        return { rows, totalItems: p.totalItems };
      }
    };
  };

  urgencyLabel(u: string): string {
    return this.translate.instant(`EOFFICE.MIS.URGENCY.${u.replace(/ /g, '_')}`);
  }

  categoryLabel(c: string): string {
    return labelOf(MAIN_CATEGORIES, c, this.lang);
  }

  monthLabel(ym: string): string {
    return officeMonth(ym, this.lang);
  }

  private get lang(): 'en' | 'hi' {
    return this.translate.currentLang?.startsWith('hi') ? 'hi' : 'en';
  }

  private groupRow(key: string, label: string, holders: string[]): GroupRow {
    const p = this.pendency()!;
    const counts = Object.fromEntries(
      this.buckets.map((b) => [b, holders.reduce((n, g) => n + (p.figures.byHolderBucket[g]?.[b] ?? 0), 0)])
    ) as Record<AgeBucketKey, number>;
    return { key, label, holders, counts, total: this.buckets.reduce((n, b) => n + counts[b], 0) };
  }

  /** A click on the officer chart: the bar segment's post and age bucket. */
  chartClicked(event: { event?: ChartEvent; active?: object[] }): void {
    const hit = event.active?.[0] as { index: number; datasetIndex: number } | undefined;
    const data = this.holderChart();
    if (!hit || !data) return;
    const holder = this.rowHolders()[hit.index];
    if (holder) void this.drillInto({ holder, bucket: this.buckets[hit.datasetIndex] });
  }

  /** Lists the items behind a cell or bar; `reveal` (a click, not a refresh) brings the list into view. */
  async drillInto(cell: DrillCell, label?: string, reveal = true): Promise<void> {
    this.error.set(null);
    try {
      const page = await this.mis.items(this.today, cell, this.scope());
      const parts = [label, ...this.cellParts(cell)].filter((x): x is string => !!x);
      this.drill.set({ cell, ...(label && { label }), parts, ...page });
      if (reveal) this.revealDrill();
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }

  drillTitle(parts: string[]): string {
    return parts.join(' · ');
  }

  /**
   * The list opens far below the cell clicked (past the charts and the statement): scroll to it and put focus
   * on its heading, so keyboard and screen-reader users land on it too. After the list has been rendered.
   */
  private revealDrill(): void {
    afterNextRender(
      () => {
        const heading = this.drillHeading()?.nativeElement;
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus({ preventScroll: true });
      },
      { injector: this.injector }
    );
  }

  itemLink(item: PendingItem): string[] {
    return ['/eoffice', item.kind === 'file' ? 'files' : 'receipts', item.id];
  }

  /** Why an escalated item is on the list: past its due date, else beyond the norm. */
  escalationReason(item: PendingItem): string {
    return this.translate.instant(
      item.dueDate && item.dueDate < this.today ? 'EOFFICE.MIS.ESCALATED.PAST_DUE' : 'EOFFICE.MIS.ESCALATED.OVER_NORM'
    );
  }

  workingDaysHeld(item: PendingItem): string {
    return item.heldSince ? this.count(this.workingDaysFor(item.heldSince)) : '';
  }

  holderName(group: string): string {
    return this.holderLabel(group);
  }

  /** What the export button exports: every item behind the drilled cell, paged from the repository. */
  readonly exportTable = (): ExportTable<PendingItem> => {
    const d = this.drill()!;
    const t = (k: string) => this.translate.instant(`EOFFICE.MIS.COLUMN.${k}`);
    return {
      title: `${this.translate.instant('EOFFICE.MIS.TITLE')}: ${this.drillTitle(d.parts)}`,
      subtitle: officeDate(this.today),
      // Names the cell (row, post, age…) so several exports of one day can be told apart; downloadName dates it.
      fileName: ['pendency', ...d.parts].join(' '),
      columns: [
        { header: t('NUMBER'), value: (r) => r.number },
        { header: t('SUBJECT'), value: (r) => r.subject },
        { header: t('HELD_BY'), value: (r) => this.holderLabel(r.holder) },
        { header: t('HELD_SINCE'), value: (r) => (r.heldSince ? new Date(r.heldSince) : null) },
        { header: t('WORKING_DAYS'), value: (r) => (r.heldSince ? this.workingDaysFor(r.heldSince) : null) }
      ],
      rows: async (page) => {
        const p = await this.mis.items(this.today, d.cell, this.scope(), page);
        return { rows: p.items, totalItems: p.totalItems };
      }
    };
  };

  count(n: number): string {
    return formatIndianNumber(n, this.translate.currentLang ?? 'en');
  }

  kindTotal(kind: 'receipt' | 'file'): number {
    const p = this.pendency();
    return p ? this.buckets.reduce((s, b) => s + p.figures.byKindBucket[kind][b], 0) : 0;
  }

  sectionLabel(code: string): string {
    const s = this.hierarchy()?.sections.find((x) => x.code === code);
    if (!s) return code;
    return this.translate.currentLang?.startsWith('hi') ? s.name.hi : s.name.en;
  }

  private rowHolders(): string[] {
    const p = this.pendency();
    return p ? p.holders.filter((g) => this.buckets.some((b) => p.figures.byHolderBucket[g][b] > 0)) : [];
  }

  private workingDaysFor(heldSince: string): number {
    return this.pendency()?.days.age(heldSince, this.today) ?? 0;
  }

  /** What a cell stands for, in words: post, kind, age, urgency, category. */
  private cellParts(cell: DrillCell): string[] {
    const parts: string[] = [];
    if (cell.holder) parts.push(this.holderLabel(cell.holder));
    if (cell.kind) parts.push(this.translate.instant(`EOFFICE.MIS.KIND.${cell.kind}`));
    if (cell.bucket) parts.push(this.translate.instant(`EOFFICE.MIS.BUCKET_TITLE.${cell.bucket}`));
    if (cell.buckets) parts.push(this.translate.instant('EOFFICE.MIS.OVER_30'));
    if (cell.urgency) parts.push(this.urgencyLabel(cell.urgency));
    if (cell.category) parts.push(this.categoryLabel(cell.category));
    if (cell.mine) parts.push(this.translate.instant('EOFFICE.MIS.MINE_WITH_OTHERS'));
    return parts;
  }

  private holderLabel(group: string): string {
    const h = this.hierarchy();
    const post = h ? postOfGroup(h, group) : undefined;
    return h && post ? officerTitle(h, post, this.translate.currentLang?.startsWith('hi') ? 'hi' : 'en') : group;
  }
}
