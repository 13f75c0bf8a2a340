import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  Choice,
  Hierarchy,
  ITEM_STATUSES,
  MAIN_CATEGORIES,
  RECEIPT_FORMS,
  SECURITY_GRADINGS,
  URGENCIES,
  labelOf,
  officerTitle,
  postOfGroup
} from '../../domain';
import { inboxArrival } from '../../movement/model/movement.model';
import { PendencyLevel, Receipt, pendencyLevel, senderLine } from '../model/receipt.model';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { officeDate, officeDay } from '../../domain';
import {
  READ_FILTER_LISTS,
  ReadFilter,
  ReceiptFilters,
  ReceiptListName,
  ReceiptListRequest,
  ReceiptSortField
} from '../model/receipt-query';
import { ReceiptService } from '../services/receipt.service';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { provideOfficeDatepicker } from '../../shared/date/office-date-adapter';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';

export const RECEIPT_PAGE_SIZES = [25, 50, 100];

interface ReceiptRow {
  receipt: Receipt;
  pendingDays: number;
  pendency: PendencyLevel;
  /**
   * Inbox: the officer who sent it, "Priya Nair (Section Officer, Establishment)" (empty before its first
   * send), when, due by when and with what remarks; for a request the officer is asked to approve, the
   * requester, when she asked and why.
   */
  sentBy: string;
  sentOn?: string;
  dueOn?: string;
  remarks: string;
  request?: 'close' | 'reopen';
  /** Inbox: not opened yet by the officer's post (shown in bold). */
  unread: boolean;
}

const LIST_COLUMNS = ['receiptNumber', 'subject', 'sender', 'diarisedDate', 'urgency', 'form', 'pending'];
/**
 * What NIC's Inbox shows beside the letter: who sent it to this desk, when, by when, with what remarks. The
 * diarised date, form and urgency go on a line under the number instead of three columns of their own, so the
 * Inbox fits a 1366 px screen beside the navigation.
 */
const INBOX_COLUMNS = ['receiptNumber', 'subject', 'sender', 'sentBy', 'sentOn', 'dueOn', 'remarks', 'pending'];

/** A receipt list (Created, Inbox): server-paged, filtered and sorted by the search API. */
@Component({
  selector: 'eoffice-receipt-list-page',
  imports: [
    ExportButtonSmartComponent,
    PageLayoutComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    EofficeDatePipe,
    MatButtonModule,
    MatDatepickerModule,
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
  styleUrls: ['../../shared/layout/page-header.scss', '../../shared/layout/phone-list.scss', './receipt-list.smart-component.scss'],
  providers: [provideOfficeDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class ReceiptListSmartComponent {
  private readonly receipts = inject(ReceiptService);
  private readonly workingDays = inject(WorkingDaysService);
  private readonly translate = inject(TranslateService);
  private readonly routeData = toSignal(inject(ActivatedRoute).data);

  /** Which list, from the route's data (`data.list` in the manifest). */
  readonly kind = computed<ReceiptListName>(() => {
    const list = this.routeData()?.['list'];
    return list === 'inbox' || list === 'sent' || list === 'closed' || list === 'acknowledgement' ? list : 'created';
  });
  /**
   * The dak register of this list with its current filters (section-wise through the section column,
   * date-wise through the date filter), paged through the search API when exported.
   */
  readonly registerTable = (): ExportTable<Receipt> => {
    const t = (key: string) => this.translate.instant(key);
    const request = this.request();
    const from = request.filters.diarisedFrom;
    const to = request.filters.diarisedTo;
    // Read with the first page of rows, before any cell is written.
    let hierarchy: Hierarchy | null | undefined;
    return {
      title: `${t('EOFFICE.RECEIPT.REGISTER.TITLE')} – ${t('EOFFICE.RECEIPT.LIST.' + this.kind().toUpperCase())}`,
      subtitle: from || to ? `${officeDate(from) || '…'} – ${officeDate(to) || '…'}` : undefined,
      fileName: `dak-register-${this.kind()}`,
      columns: [
        { header: t('EOFFICE.RECEIPT.FIELDS.RECEIPT_NUMBER'), value: (r) => r.receiptNumber },
        {
          header: t('EOFFICE.RECEIPT.REGISTER.SECTION'),
          value: (r) => hierarchy?.sections.find((x) => x.code === r.section)?.name[this.lang] || r.section
        },
        { header: t('EOFFICE.RECEIPT.FIELDS.DIARISED_DATE'), value: (r) => (r.diarisedAt ? new Date(r.diarisedAt) : null) },
        {
          header: t('EOFFICE.RECEIPT.FIELDS.SENDER_NAME'),
          value: (r) => senderLine(r.sender.name, r.sender.organisation)
        },
        { header: t('EOFFICE.RECEIPT.FIELDS.LETTER_NUMBER'), value: (r) => r.letterNumber || null },
        { header: t('EOFFICE.RECEIPT.FIELDS.SUBJECT'), value: (r) => r.subject },
        { header: t('EOFFICE.RECEIPT.FIELDS.MAIN_CATEGORY'), value: (r) => this.label(this.categories, r.mainCategory) },
        { header: t('EOFFICE.RECEIPT.FIELDS.URGENCY'), value: (r) => this.label(URGENCIES, r.urgency) },
        { header: t('EOFFICE.RECEIPT.FIELDS.FORM'), value: (r) => this.label(RECEIPT_FORMS, r.form) },
        { header: t('EOFFICE.RECEIPT.FIELDS.STATUS'), value: (r) => this.label(ITEM_STATUSES, r.status) },
        // Where the receipt is now: the holder it was last sent to (empty while it has not left its diarist).
        {
          header: t('EOFFICE.RECEIPT.REGISTER.SENT_TO'),
          value: (r) => (r.previousHolder && hierarchy ? this.officer(hierarchy, r.currentHolder) : '')
        }
      ],
      rows: async (page) => {
        hierarchy ??= await this.receipts
          .desk()
          .then((desk) => desk.hierarchy)
          .catch(() => null);
        const result = await this.receipts.list(this.kind(), { ...request, skipCount: page.skipCount, maxItems: page.maxItems });
        return { rows: result.receipts, totalItems: result.totalItems };
      }
    };
  };
  readonly columns = computed(() => (this.kind() === 'inbox' ? INBOX_COLUMNS : LIST_COLUMNS));
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
    form: ['' as ReceiptFilters['form']],
    read: ['' as ReadFilter]
  });
  /** On a phone the filters fold behind one "Filters" button (phone-list.scss); wider, they are always shown. */
  readonly filtersOpen = signal(false);
  /** Read/unread is offered where it has a meaning: opened by us (Inbox) or by the recipient (Sent). */
  readonly readFilter = computed(() => READ_FILTER_LISTS.includes(this.kind()));

  constructor() {
    this.load();
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  private officer(hierarchy: Hierarchy, group: string | undefined): string {
    const post = group ? postOfGroup(hierarchy, group) : undefined;
    return post ? officerTitle(hierarchy, post, this.lang) : (group ?? '');
  }

  /** The Inbox's line under the number: diarised on, form, urgency ("04/12/2026 · Electronic · Immediate"). */
  marks(receipt: Receipt): string {
    return [officeDate(receipt.diarisedAt), this.label(this.forms, receipt.form), this.label(this.urgencies, receipt.urgency)]
      .filter(Boolean)
      .join(' · ');
  }

  label(list: Choice[], value: string): string {
    return labelOf(list, value, this.lang);
  }

  /** The sender column: name and organisation, joined as everywhere else. */
  sender(receipt: Receipt): string {
    return senderLine(receipt.sender.name, receipt.sender.organisation);
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
    const today = officeDay(new Date());
    Promise.all([
      this.receipts.desk(),
      this.receipts.list(this.kind(), this.request()),
      this.workingDays.forYear(Number(today.slice(0, 4)))
    ])
      .then(([desk, page, { days }]) => {
        const unopened = new Set(page.unopened);
        this.rows.set(
          page.receipts.map((receipt) => {
            // working days by the department's holiday calendar, as the pendency MIS counts them
            const pendingDays = days.age(receipt.heldSince || receipt.diarisedAt, today);
            const arrival = inboxArrival(receipt, desk.posts);
            return {
              receipt,
              pendingDays,
              pendency: pendencyLevel(pendingDays),
              sentBy: this.officer(desk.hierarchy, arrival.from || undefined),
              sentOn: arrival.at,
              dueOn: arrival.due,
              remarks: arrival.remarks,
              request: arrival.request,
              unread: unopened.has(receipt.id)
            };
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
