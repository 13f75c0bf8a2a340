import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Hierarchy, URGENCIES, labelOf, officeDay, officerTitle, postOfGroup } from '../../domain';
import { PendencyLevel, pendencyLevel } from '../../receipt/model/receipt.model';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { inboxArrival } from '../../movement/model/movement.model';
import { EFile } from '../model/file.model';
import { FILE_LISTS, FileListName, FileListRequest, FileSortField } from '../model/file-query';
import { FileService } from '../services/file.service';

interface FileRow {
  file: EFile;
  holder: string;
  /**
   * Inbox: the officer who sent it, "Priya Nair (Section Officer, Establishment)", when, due by when and with
   * what remarks; for a request the officer is asked to approve, the requester, when she asked and why.
   */
  sentBy: string;
  sentOn?: string;
  dueOn?: string;
  remarks: string;
  request?: 'close' | 'reopen';
  /** Inbox: not opened yet by the officer's post (shown in bold). */
  unread: boolean;
  pendingDays: number;
  pendency: PendencyLevel;
}

/** Each list's columns: the Inbox says who sent the file, when, by when and why (NIC's Inbox); Closed, when it closed. */
const COLUMNS: Record<FileListName, string[]> = {
  inbox: ['fileNumber', 'subject', 'sentBy', 'sentOn', 'dueOn', 'remarks', 'urgency', 'heldSince'],
  created: ['fileNumber', 'subject', 'holder', 'urgency', 'heldSince'],
  sent: ['fileNumber', 'subject', 'holder', 'urgency', 'heldSince'],
  parked: ['fileNumber', 'subject', 'holder', 'urgency', 'heldSince'],
  closed: ['fileNumber', 'subject', 'holder', 'urgency', 'closedAt']
};

/** The file lists: Inbox, Created, Sent, Parked, Closed — server-paged, sorted, days pending against the 7-day norm. */
@Component({
  selector: 'eoffice-file-list-page',
  imports: [
    EofficeDatePipe,
    PageLayoutComponent,
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSortModule,
    MatTableModule
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.FILE.LIST.' + list().toUpperCase() | translate }}</h1>
        <a mat-flat-button color="primary" routerLink="/eoffice/files/create" data-automation-id="eoffice-files-create">
          <mat-icon>create_new_folder</mat-icon>{{ 'EOFFICE.FILE.CREATE.TITLE' | translate }}
        </a>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-file-list">
          <form class="eoffice-file-list__search" (ngSubmit)="search()">
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.FILE.LIST.SEARCH' | translate }}</mat-label>
              <input matInput name="text" [(ngModel)]="text" data-automation-id="eoffice-files-search" />
            </mat-form-field>
            <button mat-stroked-button type="submit">{{ 'EOFFICE.FILE.LIST.SEARCH_BUTTON' | translate }}</button>
          </form>
          @if (loading()) {
            <mat-progress-bar mode="indeterminate" />
          }
          @if (failed()) {
            <div role="alert" class="eoffice-file-list__error" data-automation-id="eoffice-files-error">
              {{ 'EOFFICE.FILE.LIST.ERROR' | translate }}
              <button mat-stroked-button type="button" (click)="load()">{{ 'EOFFICE.OFFICER.RETRY' | translate }}</button>
            </div>
          }
          <table
            mat-table
            [dataSource]="rows()"
            matSort
            matSortActive="heldSince"
            matSortDirection="asc"
            matSortDisableClear
            (matSortChange)="onSort($event)"
            class="eoffice-cards eoffice-compact"
            data-automation-id="eoffice-files-table">
            <ng-container matColumnDef="fileNumber">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.FILE_NUMBER' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-file-list__number eoffice-card-number">
                <a [routerLink]="['/eoffice/files', row.file.id]" data-automation-id="eoffice-files-number">{{ row.file.fileNumber }}</a>
                <div class="eoffice-file-list__computer">{{ row.file.computerNumber }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="subject">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.SUBJECT' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-subject">{{ row.file.subject }}</td>
            </ng-container>
            <ng-container matColumnDef="holder">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.FILE.FIELDS.HOLDER' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-person" [attr.data-label]="'EOFFICE.FILE.FIELDS.HOLDER' | translate">
                {{ row.holder }}
              </td>
            </ng-container>
            <ng-container matColumnDef="sentBy">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECEIPT.LIST.SENT_BY' | translate }}</th>
              <td
                mat-cell
                *matCellDef="let row"
                class="eoffice-sent-by eoffice-card-person"
                [attr.data-label]="'EOFFICE.RECEIPT.LIST.SENT_BY' | translate"
                data-automation-id="eoffice-files-sent-by">
                {{ row.sentBy }}
              </td>
            </ng-container>
            <ng-container matColumnDef="sentOn">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECEIPT.LIST.SENT_ON' | translate }}</th>
              <td mat-cell *matCellDef="let row" data-automation-id="eoffice-files-sent-on">
                {{ row.sentOn | eofficeDate: 'datetime' }}
              </td>
            </ng-container>
            <ng-container matColumnDef="dueOn">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECEIPT.LIST.DUE_ON' | translate }}</th>
              <td mat-cell *matCellDef="let row" data-automation-id="eoffice-files-due-on">{{ row.dueOn | eofficeDate }}</td>
            </ng-container>
            <ng-container matColumnDef="remarks">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECEIPT.LIST.REMARKS' | translate }}</th>
              <td
                mat-cell
                *matCellDef="let row"
                class="eoffice-card-remarks"
                [class.eoffice-card-line]="row.request || row.remarks"
                [attr.data-label]="'EOFFICE.RECEIPT.LIST.REMARKS' | translate"
                data-automation-id="eoffice-files-remarks">
                @if (row.request) {
                  <strong>{{ 'EOFFICE.FILE.VIEW.REQUEST_' + row.request.toUpperCase() | translate }}</strong>
                }
                {{ row.remarks }}
              </td>
            </ng-container>
            <ng-container matColumnDef="closedAt">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.LIST.CLOSED_ON' | translate }}</th>
              <td mat-cell *matCellDef="let row" data-automation-id="eoffice-files-closed-on">{{ row.file.closedAt | eofficeDate }}</td>
            </ng-container>
            <ng-container matColumnDef="urgency">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.URGENCY' | translate }}</th>
              <td mat-cell *matCellDef="let row">{{ urgency(row.file.urgency) }}</td>
            </ng-container>
            <ng-container matColumnDef="heldSince">
              <th mat-header-cell *matHeaderCellDef mat-sort-header [attr.title]="'EOFFICE.RECEIPT.LIST.PENDING_HINT' | translate">
                {{ 'EOFFICE.RECEIPT.LIST.PENDING' | translate }}
              </th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-pending">
                <span
                  class="eoffice-pendency eoffice-pendency--{{ row.pendency }}"
                  data-automation-id="eoffice-files-pending"
                  [attr.title]="'EOFFICE.RECEIPT.LIST.PENDENCY.' + row.pendency.toUpperCase() | translate"
                  >{{ row.pendingDays }}</span
                >
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr
              mat-row
              *matRowDef="let row; columns: columns()"
              [class.eoffice-unread]="row.unread"
              [attr.title]="row.unread ? ('EOFFICE.RECEIPT.FILTERS.UNREAD' | translate) : null"
              data-automation-id="eoffice-files-row"></tr>
            <tr class="mat-mdc-row" *matNoDataRow>
              <td class="mat-mdc-cell eoffice-file-list__empty" [attr.colspan]="columns().length">
                {{ 'EOFFICE.FILE.LIST.EMPTY' | translate }}
              </td>
            </tr>
          </table>
          <mat-paginator
            [length]="total()"
            [pageSize]="request().maxItems"
            [pageIndex]="request().skipCount / request().maxItems"
            [pageSizeOptions]="[25, 50, 100]"
            (page)="onPage($event)"
            showFirstLastButtons />
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../../shared/layout/phone-list.scss'],
  styles: `
    .eoffice-file-list {
      padding: 8px 24px;
    }
    .eoffice-file-list__search {
      display: flex;
      gap: 12px;
      align-items: baseline;
    }
    .eoffice-file-list__search mat-form-field {
      width: min(480px, 100%);
    }
    /* A file number is read as one token: split over two lines it reads as two. */
    .eoffice-file-list__number {
      white-space: nowrap;
    }
    /* Files the officer's post has not opened yet, as a mail client shows unread mail. */
    .eoffice-unread td {
      font-weight: 600;
    }
    .eoffice-file-list__computer {
      font-size: 12px;
      opacity: 0.7;
    }
    .eoffice-file-list__error {
      color: var(--mat-sys-error, #b3261e);
    }
    .eoffice-file-list__empty {
      padding: 16px;
      text-align: center;
    }
    table {
      width: 100%;
    }
    @media (max-width: 600px) {
      .eoffice-file-list {
        padding: 8px 12px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class FileListSmartComponent {
  private readonly files = inject(FileService);
  private readonly workingDays = inject(WorkingDaysService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  readonly list = signal<FileListName>('inbox');
  readonly columns = computed(() => COLUMNS[this.list()]);
  readonly rows = signal<FileRow[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly request = signal<FileListRequest>({ skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });
  text = '';
  private hierarchy?: Hierarchy;

  constructor() {
    inject(ActivatedRoute)
      .data.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((data) => {
        const name = data['list'] as FileListName;
        this.list.set(FILE_LISTS.includes(name) ? name : 'inbox');
        this.request.update((r) => ({ ...r, skipCount: 0 }));
        this.load();
      });
  }

  private get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  urgency(value?: string): string {
    return labelOf(URGENCIES, value, this.lang);
  }

  search(): void {
    this.request.update((r) => ({ ...r, skipCount: 0, text: this.text }));
    this.load();
  }

  onPage(event: PageEvent): void {
    this.request.update((r) => ({ ...r, skipCount: event.pageIndex * event.pageSize, maxItems: event.pageSize }));
    this.load();
  }

  onSort(sort: Sort): void {
    const field = (sort.direction ? sort.active : 'heldSince') as FileSortField;
    this.request.update((r) => ({ ...r, skipCount: 0, sort: { field, ascending: sort.direction !== 'desc' } }));
    this.load();
  }

  private holderTitle(group: string | undefined): string {
    const post = this.hierarchy && group ? postOfGroup(this.hierarchy, group) : undefined;
    return post && this.hierarchy ? officerTitle(this.hierarchy, post, this.lang) : (group ?? '');
  }

  load(): void {
    this.loading.set(true);
    this.failed.set(false);
    const today = officeDay(new Date());
    Promise.all([this.files.desk(), this.files.list(this.list(), this.request()), this.workingDays.forYear(Number(today.slice(0, 4)))])
      .then(([desk, page, { days }]) => {
        this.hierarchy = desk.hierarchy;
        const unopened = new Set(page.unopened);
        this.rows.set(
          page.files.map((file) => {
            const pendingDays = days.age(file.heldSince || file.createdAt || today, today);
            const arrival = inboxArrival(file, desk.posts);
            return {
              file,
              holder: this.holderTitle(file.currentHolder),
              sentBy: this.holderTitle(arrival.from || undefined),
              sentOn: arrival.at,
              dueOn: arrival.due,
              remarks: arrival.remarks,
              request: arrival.request,
              unread: unopened.has(file.id),
              pendingDays,
              pendency: pendencyLevel(pendingDays)
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
