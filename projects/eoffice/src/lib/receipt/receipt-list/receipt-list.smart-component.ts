import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Choice, MAIN_CATEGORIES, RECEIPT_FORMS, SECURITY_GRADINGS, URGENCIES, labelOf } from '../../domain';
import { PendencyLevel, Receipt, pendencyLevel, workingDaysBetween } from '../model/receipt.model';
import { ReceiptFilters, ReceiptListRequest, ReceiptSortField } from '../model/receipt-query';
import { ReceiptService } from '../services/receipt.service';

export const RECEIPT_PAGE_SIZES = [25, 50, 100];

interface ReceiptRow {
  receipt: Receipt;
  pendingDays: number;
  pendency: PendencyLevel;
}

/** A receipt list (Created, Inbox): server-paged, filtered and sorted by the search API. */
@Component({
  selector: 'eoffice-receipt-list-page',
  imports: [
    PageLayoutComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule
  ],
  templateUrl: './receipt-list.smart-component.html',
  styleUrl: './receipt-list.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReceiptListSmartComponent {
  private readonly receipts = inject(ReceiptService);
  private readonly translate = inject(TranslateService);
  private readonly routeData = toSignal(inject(ActivatedRoute).data);

  /** `created` or `inbox`, from the route's data (`data.list` in the manifest). */
  readonly kind = computed<'created' | 'inbox'>(() => (this.routeData()?.['list'] === 'inbox' ? 'inbox' : 'created'));
  readonly columns = ['receiptNumber', 'subject', 'sender', 'diarisedDate', 'urgency', 'form', 'pending'];
  readonly pageSizes = RECEIPT_PAGE_SIZES;
  readonly categories = MAIN_CATEGORIES;
  readonly urgencies = URGENCIES;
  readonly gradings = SECURITY_GRADINGS;
  readonly forms = RECEIPT_FORMS;

  readonly rows = signal<ReceiptRow[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly request = signal<ReceiptListRequest>({
    filters: {},
    skipCount: 0,
    maxItems: RECEIPT_PAGE_SIZES[0],
    sort: { field: 'diarisedDate', ascending: false }
  });

  readonly filters = inject(FormBuilder).nonNullable.group({
    diarisedFrom: [''],
    diarisedTo: [''],
    mainCategory: [''],
    urgency: [''],
    securityGrading: [''],
    sender: [''],
    form: ['' as ReceiptFilters['form']]
  });

  constructor() {
    this.load();
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  label(list: Choice[], value: string): string {
    return labelOf(list, value, this.lang);
  }

  choiceLabel(choice: Choice): string {
    return choice[this.lang];
  }

  applyFilters(): void {
    this.request.update((r) => ({ ...r, filters: this.filters.getRawValue(), skipCount: 0 }));
    this.load();
  }

  clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  onPage(event: PageEvent): void {
    this.request.update((r) => ({ ...r, skipCount: event.pageIndex * event.pageSize, maxItems: event.pageSize }));
    this.load();
  }

  onSort(sort: Sort): void {
    const field = (sort.direction ? sort.active : 'diarisedDate') as ReceiptSortField;
    this.request.update((r) => ({ ...r, skipCount: 0, sort: { field, ascending: sort.direction === 'asc' } }));
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.failed.set(false);
    const now = new Date();
    this.receipts
      .list(this.kind(), this.request())
      .then((page) => {
        this.rows.set(
          page.receipts.map((receipt) => {
            const pendingDays = workingDaysBetween(new Date(receipt.heldSince || receipt.diarisedAt), now);
            return { receipt, pendingDays, pendency: pendencyLevel(pendingDays) };
          })
        );
        this.total.set(page.totalItems);
      })
      .catch(() => {
        this.rows.set([]);
        this.total.set(0);
        this.failed.set(true);
      })
      .finally(() => this.loading.set(false));
  }
}
