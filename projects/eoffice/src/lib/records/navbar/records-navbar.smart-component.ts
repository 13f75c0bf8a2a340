import { ChangeDetectionStrategy, Component, OnInit, ViewEncapsulation, inject, signal } from '@angular/core';
import { NavbarEntry, NavbarGroupComponent } from '../../desk/navbar/navbar-group.smart-component';
import { RecordsService } from '../records.service';

/**
 * The "Records" group of the navbar, for records managers only. ACA decides a navbar entry's visibility
 * once, from synchronous rules, while who holds a file plan role is known only when AGS answers; so the
 * group is drawn by this component (manifest `component` eoffice.navbar.records), which looks once for the
 * file plan's role groups among the officer's groups (RecordsService.probeAccess) and draws nothing for anyone else. It is drawn as the
 * e-Office group is (NavbarGroupComponent: ACA's markup and classes).
 */
@Component({
  selector: 'eoffice-records-navbar',
  imports: [NavbarGroupComponent],
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'eoffice-records-navbar' },
  template: `
    @if (records.access() === 'granted' && item(); as group) {
      <div class="app-expand-menu">
        <eoffice-navbar-group [group]="group" />
      </div>
    }
  `
})
export class RecordsNavbarComponent implements OnInit {
  readonly records = inject(RecordsService);

  /** Set by ADF's DynamicExtensionComponent, which assigns `data` on the instance (no setInput): not a signal input. */
  set data(value: { item?: NavbarEntry } | undefined) {
    this.item.set(value?.item ?? null);
  }
  readonly item = signal<NavbarEntry | null>(null);

  ngOnInit(): void {
    void this.records.probeAccess();
  }
}
