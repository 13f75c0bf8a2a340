import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { filter, map, startWith } from 'rxjs';
import { formatIndianNumber } from '@eoffice/domain';
import { CountedEntry, DeskCountsService } from '../desk-counts.service';

/** A navbar entry as the Content App hands it over (ACA's NavBarLinkRef, the fields used here). */
export interface NavbarEntry {
  id: string;
  title?: string;
  description?: string;
  /** Where the entry leads, resolved by ACA from the manifest's `route`. */
  url?: string;
  children?: NavbarEntry[];
}

/** Whether the page at `routerUrl` is the entry's page or one below it (ACA's acaActiveLink rule). */
export const isActiveEntry = (routerUrl: string, entryUrl: string | undefined): boolean =>
  !!entryUrl && (routerUrl === entryUrl || routerUrl.startsWith(entryUrl + '/') || routerUrl.startsWith(entryUrl + '?'));

/**
 * The e-Office group of the navbar, drawn in place of ACA's own expand menu so that its lists can carry
 * counts (Receipts: Inbox 12) as NIC eOffice shows them: ACA's menu has no place for a number, and its
 * sidenav draws a group through a component registered under the id the manifest gives as the group's
 * `component` (passing `data.item`, the group with its visible children in order). The markup and classes
 * are ACA's, so the group looks and behaves as before; entries are buttons leading to their page, as in ACA.
 */
@Component({
  selector: 'eoffice-navbar-menu',
  imports: [MatButtonModule, MatExpansionModule, TranslatePipe],
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
      <mat-expansion-panel class="aca-expansion-panel" [expanded]="true">
        <mat-expansion-panel-header expandedHeight="32px" collapsedHeight="32px" class="aca-expansion-panel-header">
          <mat-panel-title class="aca-expansion-panel-header-title">
            <div class="aca-expansion-panel-item">
              <span
                [attr.aria-label]="group.title | translate"
                [id]="group.id"
                [attr.title]="group.description | translate"
                [attr.data-automation-id]="group.id"
                class="aca-action-button aca-full-width">
                <span class="aca-action-button__label">{{ group.title | translate }}</span>
              </span>
            </div>
          </mat-panel-title>
        </mat-expansion-panel-header>
        <ul class="aca-expansion-panel-body" [attr.aria-label]="group.title | translate">
          @for (child of group.children ?? []; track child.id) {
            <li class="aca-expansion-panel-item">
              <button
                mat-button
                type="button"
                class="aca-action-button aca-full-width"
                [class.aca-action-button--active]="active(child)"
                [attr.aria-current]="active(child) ? 'page' : null"
                [id]="child.id"
                [attr.data-automation-id]="child.id"
                [attr.aria-label]="label(child)"
                [attr.title]="child.description | translate"
                (click)="open(child)">
                <span class="aca-action-button__label">{{ child.title | translate }}</span>
                @if (count(child); as shown) {
                  <span class="eoffice-navbar-menu__count" aria-hidden="true" [attr.data-automation-id]="child.id + '.count'">{{
                    shown
                  }}</span>
                }
              </button>
            </li>
          }
        </ul>
      </mat-expansion-panel>
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

  private readonly url = signal(this.router.url);
  private readonly lang = signal(this.translate.getCurrentLang() ?? 'en');

  readonly active = (entry: NavbarEntry): boolean => isActiveEntry(this.url(), entry.url);

  private readonly shownCounts = computed(() => {
    const counts = this.counts.counts();
    const lang = this.lang();
    const shown: Record<string, string> = {};
    for (const [entry, count] of Object.entries(counts)) if (count) shown[entry] = formatIndianNumber(count, lang);
    return shown;
  });

  /** The count beside an entry, in the officer's digits grouping; nothing for an empty list or no count. */
  count(entry: NavbarEntry): string | undefined {
    return this.shownCounts()[entry.id as CountedEntry];
  }

  /** What a screen reader says for an entry: its title, and how many items wait there. */
  label(entry: NavbarEntry): string {
    const title = entry.title ? this.translate.instant(entry.title) : '';
    const count = this.count(entry);
    return count ? this.translate.instant('EOFFICE.NAVBAR.COUNT', { title, count }) : title;
  }

  ngOnInit(): void {
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        map((event) => event.urlAfterRedirects),
        takeUntilDestroyed(this.destroyRef)
      )
      .subscribe((url) => {
        this.url.set(url);
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

  open(entry: NavbarEntry): void {
    if (entry.url) void this.router.navigateByUrl(entry.url);
  }
}
