import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';
import { ListSource } from './paged-list';

/** The paginator of a server-paged list: where the list's request stands, and paging asks the list again. */
@Component({
  selector: 'eoffice-list-paginator',
  imports: [MatPaginatorModule],
  template: `<mat-paginator
    [length]="list().total()"
    [pageSize]="request().maxItems"
    [pageIndex]="request().skipCount / request().maxItems"
    [pageSizeOptions]="list().pageSizes"
    (page)="list().page($event)"
    showFirstLastButtons />`,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ListPaginatorUiComponent {
  readonly list = input.required<ListSource>();
  protected readonly request = computed(() => this.list().request());
}
