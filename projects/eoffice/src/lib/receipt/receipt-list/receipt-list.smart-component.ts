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
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
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
  officeDate,
  officeDay,
  READ_FILTER_LISTS,
  ReadFilter,
  ReceiptFilters,
  ReceiptListName,
  ReceiptListRequest
} from '@eoffice/domain';
import { Receipt, senderLine } from '../model/receipt.model';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { ReceiptService } from '../services/receipt.service';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { provideOfficeDatepicker } from '../../shared/date/office-date-adapter';
import { ExportButtonSmartComponent } from '../../shared/export/export-button.smart-component';
import { ExportTable } from '../../shared/export/export.model';
import { ItemRow, itemRows, officerOfGroup } from '../../shared/list/item-rows';
import { LIST_PAGE_SIZES, ListPage, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';

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
    PagedTableUiComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    EofficeDatePipe,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule
  ],
  templateUrl: './receipt-list.smart-component.html',
  styleUrls: ['../../shared/layout/page-header.scss', '../../shared/layout/list-filters.scss', './receipt-list.smart-component.scss'],
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
    const request = this.list.request();
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
          value: (r) => (r.previousHolder && hierarchy ? officerOfGroup(hierarchy, r.currentHolder, this.lang) : '')
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
  readonly categories = MAIN_CATEGORIES;
  readonly urgencies = URGENCIES;
  readonly gradings = SECURITY_GRADINGS;
  readonly forms = RECEIPT_FORMS;

  /** Newest diarised first, as the dak diary is read. */
  readonly list = new PagedList<ItemRow<Receipt>, ReceiptListRequest>((request) => this.read(request), {
    filters: {},
    skipCount: 0,
    maxItems: LIST_PAGE_SIZES[0],
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
  /** On a phone the filters fold behind one "Filters" button (list-filters.scss); wider, they are always shown. */
  readonly filtersOpen = signal(false);
  /** Read/unread is offered where it has a meaning: opened by us (Inbox) or by the recipient (Sent). */
  readonly readFilter = computed(() => READ_FILTER_LISTS.includes(this.kind()));

  constructor() {
    void this.list.load();
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
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
    void this.list.refine({ filters: this.filters.getRawValue() });
  }

  clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  /** A page of the list, with the desk that names the senders and the calendar that counts days pending. */
  private async read(request: ReceiptListRequest): Promise<ListPage<ItemRow<Receipt>>> {
    const today = officeDay(new Date());
    const [desk, page, { days }] = await Promise.all([
      this.receipts.desk(),
      this.receipts.list(this.kind(), request),
      this.workingDays.forYear(Number(today.slice(0, 4)))
    ]);
    const context = { desk, days, today, unopened: page.unopened, lang: this.lang };
    return { rows: itemRows(page.receipts, context, (r) => r.heldSince || r.diarisedAt), totalItems: page.totalItems };
  }
}
