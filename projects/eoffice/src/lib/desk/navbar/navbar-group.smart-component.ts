import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, input } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable, filter, map } from 'rxjs';

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

/** The URL of each page the router arrives at (after redirects). */
export const arrivals = (router: Router): Observable<string> =>
  router.events.pipe(
    filter((event): event is NavigationEnd => event instanceof NavigationEnd),
    map((event) => event.urlAfterRedirects)
  );

/**
 * One navbar group drawn in ACA's expand-menu markup and classes, for the navbar groups e-Office draws
 * itself (the e-Office group with its counts, the records managers' Records group): ACA's own menu cannot
 * carry a count nor wait for an asynchronous role check. Entries are buttons leading to their page and
 * marked as the current one by ACA's rule, as in ACA.
 */
@Component({
  selector: 'eoffice-navbar-group',
  imports: [MatButtonModule, MatExpansionModule, TranslatePipe],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let menu = group();
    <mat-expansion-panel class="aca-expansion-panel" [expanded]="true">
      <mat-expansion-panel-header expandedHeight="32px" collapsedHeight="32px" class="aca-expansion-panel-header">
        <mat-panel-title class="aca-expansion-panel-header-title">
          <div class="aca-expansion-panel-item">
            <span
              [attr.aria-label]="menu.title | translate"
              [id]="menu.id"
              [attr.title]="menu.description | translate"
              [attr.data-automation-id]="menu.id"
              class="aca-action-button aca-full-width">
              <span class="aca-action-button__label">{{ menu.title | translate }}</span>
            </span>
          </div>
        </mat-panel-title>
      </mat-expansion-panel-header>
      <ul class="aca-expansion-panel-body" [attr.aria-label]="menu.title | translate">
        @for (child of menu.children ?? []; track child.id) {
          <li class="aca-expansion-panel-item">
            <button
              mat-button
              type="button"
              class="aca-action-button aca-full-width"
              [class.aca-action-button--active]="active(child)"
              [attr.aria-current]="active(child) ? 'page' : null"
              [id]="child.id"
              [attr.data-automation-id]="child.id"
              [attr.aria-label]="label()(child)"
              [attr.title]="child.description | translate"
              (click)="open(child)">
              <span class="aca-action-button__label">{{ child.title | translate }}</span>
              @if (count()(child); as shown) {
                <span class="eoffice-navbar-menu__count" aria-hidden="true" [attr.data-automation-id]="child.id + '.count'">{{
                  shown
                }}</span>
              }
            </button>
          </li>
        }
      </ul>
    </mat-expansion-panel>
  `
})
export class NavbarGroupComponent {
  private readonly router = inject(Router);

  readonly group = input.required<NavbarEntry>();
  /** The count shown beside an entry, already written in the officer's digits; none by default. */
  readonly count = input<(entry: NavbarEntry) => string | undefined>(() => undefined);
  /** What a screen reader says for an entry; null (the default) leaves it to the entry's text. */
  readonly label = input<(entry: NavbarEntry) => string | null>(() => null);

  private readonly url = toSignal(arrivals(this.router), { initialValue: this.router.url });

  readonly active = (entry: NavbarEntry): boolean => isActiveEntry(this.url(), entry.url);

  open(entry: NavbarEntry): void {
    if (entry.url) void this.router.navigateByUrl(entry.url);
  }
}
