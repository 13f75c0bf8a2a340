import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { BaseChartDirective, provideCharts, withDefaultRegisterables } from 'ng2-charts';
import type { ChartData, ChartEvent, ChartOptions } from 'chart.js';
import { DeskService } from '../../desk/desk.service';
import { Hierarchy, officeDay, postOfGroup, postTitle } from '../../domain';
import { AGE_BUCKETS, AgeBucketKey } from '../model/age-buckets';
import { formatIndianNumber } from '../model/indian-number';
import { ITEM_KINDS, ItemKind, PendingItem } from '../model/pendency-query';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { MisService, Pendency } from '../mis.service';

interface DrillCell {
  holder?: string;
  kind?: ItemKind;
  bucket?: AgeBucketKey;
}

/** Bar colours from within the norm (green) to over three months (red). */
const BUCKET_COLOURS = ['#2e7d32', '#9e9d24', '#f9a825', '#ef6c00', '#c62828'];

/** The pendency dashboard: held where, for how long; one search request per refresh. */
@Component({
  selector: 'eoffice-pendency-dashboard',
  standalone: true,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    BaseChartDirective,
    RouterLink,
    ExportButtonSmartComponent
  ],
  providers: [provideCharts(withDefaultRegisterables())],
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
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly pendency = signal<Pendency | null>(null);
  readonly hierarchy = signal<Hierarchy | null>(null);
  readonly section = signal<string>('');
  /** The bar or cell drilled into, and the items behind it (first page; the export pages through all). */
  readonly drill = signal<{ cell: DrillCell; title: string; items: PendingItem[]; totalItems: number } | null>(null);
  private readonly today = officeDay(new Date());

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

  async refresh(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const desk = await this.deskService.desk();
      this.hierarchy.set(desk.hierarchy);
      this.pendency.set(await this.mis.pendency(this.today, this.section() || undefined));
      const open = this.drill();
      if (open) await this.drillInto(open.cell);
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }

  chooseSection(section: string): void {
    this.section.set(section);
    this.drill.set(null);
    void this.refresh();
  }

  /** A click on the officer chart: the bar segment's post and age bucket. */
  chartClicked(event: { event?: ChartEvent; active?: object[] }): void {
    const hit = event.active?.[0] as { index: number; datasetIndex: number } | undefined;
    const data = this.holderChart();
    if (!hit || !data) return;
    const holder = this.rowHolders()[hit.index];
    if (holder) void this.drillInto({ holder, bucket: this.buckets[hit.datasetIndex] });
  }

  async drillInto(cell: DrillCell): Promise<void> {
    this.error.set(null);
    try {
      const page = await this.mis.items(this.today, { ...cell, section: this.section() || undefined });
      this.drill.set({ cell, title: this.cellTitle(cell), ...page });
    } catch (e) {
      this.error.set(e instanceof Error ? e.message : String(e));
    }
  }

  itemLink(item: PendingItem): string[] {
    return ['/eoffice', item.kind === 'file' ? 'files' : 'receipts', item.id];
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
      title: `${this.translate.instant('EOFFICE.MIS.TITLE')}: ${d.title}`,
      subtitle: this.today,
      fileName: `pendency-${this.today}`,
      columns: [
        { header: t('NUMBER'), value: (r) => r.number },
        { header: t('SUBJECT'), value: (r) => r.subject },
        { header: t('HELD_BY'), value: (r) => this.holderLabel(r.holder) },
        { header: t('HELD_SINCE'), value: (r) => (r.heldSince ? new Date(r.heldSince) : null) },
        { header: t('WORKING_DAYS'), value: (r) => (r.heldSince ? this.workingDaysFor(r.heldSince) : null) }
      ],
      rows: async (page) => {
        const p = await this.mis.items(this.today, { ...d.cell, section: this.section() || undefined }, page);
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

  private cellTitle(cell: DrillCell): string {
    const parts = [];
    if (cell.holder) parts.push(this.holderLabel(cell.holder));
    if (cell.kind) parts.push(this.translate.instant(`EOFFICE.MIS.KIND.${cell.kind}`));
    if (cell.bucket) parts.push(this.translate.instant(`EOFFICE.MIS.BUCKET.${cell.bucket}`));
    return parts.join(' · ');
  }

  private holderLabel(group: string): string {
    const h = this.hierarchy();
    const post = h ? postOfGroup(h, group) : undefined;
    return h && post ? postTitle(h, post, this.translate.currentLang?.startsWith('hi') ? 'hi' : 'en') : group;
  }
}
