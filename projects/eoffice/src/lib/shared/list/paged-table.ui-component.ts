import {
  AfterContentInit,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  ViewEncapsulation,
  booleanAttribute,
  contentChildren,
  inject,
  input,
  viewChild
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSort, MatSortModule } from '@angular/material/sort';
import { MatColumnDef, MatTable, MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { EofficeDatePipe } from '../date/eoffice-date.pipe';
import { DaysPendingUiComponent } from './days-pending.ui-component';
import { ListPaginatorUiComponent } from './list-paginator.ui-component';
import { ListSource } from './paged-list';

/**
 * The table of an e-Office list (receipts, files, the dispatch register): progress while the page is read,
 * the failure with Retry, the rows (bold while unopened), "nothing here", and the paginator, over a
 * `ListSource` (PagedList) that does the paging and sorting on the server.
 *
 * The page writes the columns that are its own as `<ng-container matColumnDef>` inside this element (a
 * `mat-sort-header` in them sorts through this element's MatSort). The columns the receipt and file lists
 * share are defined here on rows of the ItemRow shape (item-rows.ts): `sentBy`, `sentOn`, `dueOn`, `remarks`
 * (who put the item in the Inbox) and `pending` (working days, sorted by eo:heldSince).
 *
 * On a phone each row is a card (this component's stylesheet, not encapsulated, because the cells come
 * from the page's template and the rows from this one).
 */
@Component({
  selector: 'eoffice-paged-table',
  imports: [
    DaysPendingUiComponent,
    EofficeDatePipe,
    ListPaginatorUiComponent,
    MatButtonModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule,
    TranslatePipe
  ],
  hostDirectives: [MatSort],
  templateUrl: './paged-table.ui-component.html',
  styleUrl: './paged-table.ui-component.scss',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class PagedTableUiComponent implements OnInit, AfterContentInit {
  readonly list = input.required<ListSource>();
  /** The columns shown, in order: the page's own and the shared ones it wants. */
  readonly columns = input.required<readonly string[]>();
  /** What the data-automation-ids say after "eoffice-": receipts, files, dispatch. */
  readonly name = input.required<string>();
  /** Translation keys of the failure and of the empty list. */
  readonly errorKey = input.required<string>();
  readonly emptyKey = input.required<string>();
  /** Half Material's cell padding on wider screens, so a list of many columns fits 1366 px beside the navigation. */
  readonly compact = input(false, { transform: booleanAttribute });

  private readonly sort = inject(MatSort);
  private readonly destroyRef = inject(DestroyRef);
  private readonly table = viewChild.required(MatTable);
  private readonly pageColumns = contentChildren(MatColumnDef);

  ngOnInit(): void {
    // The headers show the order the list starts in; a list sorts one way or the other, never unsorted.
    const initial = this.list().request().sort;
    if (initial) {
      this.sort.active = initial.field;
      this.sort.direction = initial.ascending ? 'asc' : 'desc';
    }
    this.sort.disableClear = true;
    this.sort.sortChange.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((sort) => this.list().sortBy(sort));
  }

  ngAfterContentInit(): void {
    // MatTable finds only the column definitions of its own template; the page's come through this element.
    for (const column of this.pageColumns()) this.table().addColumnDef(column);
  }
}
