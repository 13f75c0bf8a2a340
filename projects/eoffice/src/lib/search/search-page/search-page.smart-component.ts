import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  Hierarchy,
  ITEM_STATUSES,
  labelOf,
  officerTitle,
  postOfGroup,
  FacetChip,
  FacetGroup,
  SearchFilters,
  SearchHit,
  SearchResult,
  searchWords
} from '@eoffice/domain';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { EofficeSearchService } from '../search.service';

/** How long the officer may pause between keys before the search runs (type-ahead). */
export const SEARCH_DEBOUNCE_MS = 300;
const FACET_GROUPS: FacetGroup[] = ['kind', 'status', 'year', 'section', 'holder'];

/**
 * One search for receipts and files by number, Computer No., subject or sender, with chips counting what
 * was found by kind, status, year, section and holder. The words and chips stay in the URL (`?q=`), so a
 * search can be bookmarked and Back returns to it.
 */
@Component({
  selector: 'eoffice-search-page',
  standalone: true,
  imports: [
    PageLayoutComponent,
    RouterLink,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    TranslatePipe,
    EofficeDatePipe
  ],
  templateUrl: './search-page.smart-component.html',
  styleUrl: './search-page.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class SearchPageSmartComponent {
  private readonly service = inject(EofficeSearchService);
  private readonly translate = inject(TranslateService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly pageSizes = [25, 50, 100];
  readonly groups = FACET_GROUPS;
  readonly text = signal(this.route.snapshot.queryParamMap.get('q') ?? '');
  readonly filters = signal<SearchFilters>({});
  readonly page = signal({ skipCount: 0, maxItems: 25 });
  readonly result = signal<SearchResult | undefined>(undefined);
  /** Answers arriving out of order (a slow search overtaken by a later one) are dropped. */
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly failed = this.state.failed;
  private readonly hierarchy = signal<Hierarchy | undefined>(undefined);
  /** Whether the box holds a word to look for (the page explains itself until it does). */
  readonly hasWords = computed(() => searchWords(this.text()).length > 0);
  readonly chosen = computed(() => FACET_GROUPS.filter((g) => this.filters()[g] !== undefined));

  private timer?: ReturnType<typeof setTimeout>;

  constructor() {
    this.service
      .desk()
      .then((desk) => this.hierarchy.set(desk.hierarchy))
      .catch(() => undefined); // the search itself reports a desk that cannot be read
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    if (this.hasWords()) void this.search();
  }

  onInput(value: string): void {
    this.text.set(value);
    this.filters.set({});
    this.page.update((p) => ({ ...p, skipCount: 0 }));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), SEARCH_DEBOUNCE_MS);
  }

  /** Enter searches at once, without waiting for the pause. */
  onEnter(): void {
    clearTimeout(this.timer);
    void this.search();
  }

  toggle(chip: FacetChip): void {
    const current = this.filters();
    const value = chip.group === 'year' ? Number(chip.value) : chip.value;
    this.filters.set({ ...current, [chip.group]: current[chip.group] === value ? undefined : value });
    this.page.update((p) => ({ ...p, skipCount: 0 }));
    void this.search();
  }

  clearFilter(group: FacetGroup): void {
    this.filters.set({ ...this.filters(), [group]: undefined });
    this.page.update((p) => ({ ...p, skipCount: 0 }));
    void this.search();
  }

  isChosen(chip: FacetChip): boolean {
    const chosen = this.filters()[chip.group];
    return chosen !== undefined && String(chosen) === chip.value;
  }

  onPage(event: PageEvent): void {
    this.page.set({ skipCount: event.pageIndex * event.pageSize, maxItems: event.pageSize });
    void this.search();
  }

  retry(): void {
    void this.search();
  }

  async search(): Promise<void> {
    const text = this.text();
    void this.router.navigate([], { relativeTo: this.route, queryParams: { q: text.trim() || null }, replaceUrl: true });
    if (!searchWords(text).length) {
      this.state.idle();
      this.result.set(undefined);
      return;
    }
    await this.state.run(
      () => this.service.search(text, this.filters(), this.page()),
      (result) => this.result.set(result),
      () => this.result.set(undefined)
    );
  }

  link(hit: SearchHit): string[] {
    return [hit.kind === 'file' ? '/eoffice/files' : '/eoffice/receipts', hit.id];
  }

  statusLabel(status: string): string {
    return labelOf(ITEM_STATUSES, status, this.lang);
  }

  holderLabel(group: string): string {
    const h = this.hierarchy();
    const post = h && postOfGroup(h, group);
    return h && post ? officerTitle(h, post, this.lang) : group;
  }

  sectionLabel(code: string): string {
    return this.hierarchy()?.sections.find((s) => s.code === code)?.name[this.lang] ?? code;
  }

  chipLabel(chip: { group: FacetGroup; value: string }): string {
    switch (chip.group) {
      case 'kind':
        return this.translate.instant(`EOFFICE.SEARCH.KIND_${chip.value.toUpperCase()}`);
      case 'status':
        return this.statusLabel(chip.value);
      case 'section':
        return this.sectionLabel(chip.value);
      case 'holder':
        return this.holderLabel(chip.value);
      default:
        return chip.value;
    }
  }

  chosenLabel(group: FacetGroup): string {
    return this.chipLabel({ group, value: String(this.filters()[group]) });
  }

  private get lang(): 'en' | 'hi' {
    return this.translate.currentLang?.startsWith('hi') ? 'hi' : 'en';
  }
}
