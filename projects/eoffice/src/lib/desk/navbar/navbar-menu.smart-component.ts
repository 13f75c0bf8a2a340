import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslateService } from '@ngx-translate/core';
import { map, startWith } from 'rxjs';
import { formatIndianNumber } from '@eoffice/domain';
import { CountedEntry, DeskCountsService } from '../desk-counts.service';
import { NavbarEntry, NavbarGroupComponent, arrivals } from './navbar-group.smart-component';

/**
 * The e-Office group of the navbar, drawn in place of ACA's own expand menu so that its lists can carry
 * counts (Receipts: Inbox 12) as NIC eOffice shows them: ACA's menu has no place for a number, and its
 * sidenav draws a group through a component registered under the id the manifest gives as the group's
 * `component` (passing `data.item`, the group with its visible children in order). NavbarGroupComponent
 * draws it in ACA's markup and classes, so the group looks and behaves as before; the counts' look is set here.
 */
@Component({
  selector: 'eoffice-navbar-menu',
  imports: [NavbarGroupComponent],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'app-expand-menu eoffice-navbar-menu' },
  styles: `
    .eoffice-navbar-menu .eoffice-navbar-menu__count {
      margin-left: auto;
      padding: 0 8px;
      min-width: 12px;
      border-radius: 10px;
      line-height: 18px;
      font-size: 12px;
      text-align: center;
      font-weight: 500;
      background: var(--theme-selected-background-color, rgba(0, 0, 0, 0.08));
      color: var(--theme-text-light-color, inherit);
    }
    .eoffice-navbar-menu .aca-action-button .mdc-button__label {
      display: flex;
      align-items: center;
      width: 100%;
    }
  `,
  template: `
    @if (item(); as group) {
      <eoffice-navbar-group [group]="group" [count]="count" [label]="label" />
    }
  `
})
export class NavbarMenuComponent implements OnInit {
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly counts = inject(DeskCountsService);
  private readonly destroyRef = inject(DestroyRef);

  /**
   * Set by ADF's DynamicExtensionComponent, which assigns `data` on the instance (it does not call
   * setInput), so this cannot be a signal input; a setter feeds the signal the template reads.
   */
  set data(value: { item?: NavbarEntry } | undefined) {
    this.item.set(value?.item ?? null);
  }
  readonly item = signal<NavbarEntry | null>(null);

  private readonly lang = signal(this.translate.getCurrentLang() ?? 'en');

  private readonly shownCounts = computed(() => {
    const counts = this.counts.counts();
    const lang = this.lang();
    const shown: Record<string, string> = {};
    for (const [entry, count] of Object.entries(counts)) if (count) shown[entry] = formatIndianNumber(count, lang);
    return shown;
  });

  /** The count beside an entry, in the officer's digits grouping; nothing for an empty list or no count. */
  readonly count = (entry: NavbarEntry): string | undefined => this.shownCounts()[entry.id as CountedEntry];

  /** What a screen reader says for an entry: its title, and how many items wait there. */
  readonly label = (entry: NavbarEntry): string => {
    const title = entry.title ? this.translate.instant(entry.title) : '';
    const count = this.count(entry);
    return count ? this.translate.instant('EOFFICE.NAVBAR.COUNT', { title, count }) : title;
  };

  ngOnInit(): void {
    arrivals(this.router)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((url) => {
        if (url.startsWith('/eoffice')) void this.counts.refreshIfStale();
      });
    this.translate.onLangChange
      .pipe(
        map((event) => event.lang),
        startWith(this.translate.getCurrentLang() ?? 'en'),
        takeUntilDestroyed(this.destroyRef)
      )
      .subscribe((lang) => this.lang.set(lang));
    void this.counts.refresh();
  }
}
