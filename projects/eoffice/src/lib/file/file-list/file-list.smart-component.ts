import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { URGENCIES, labelOf, officeDay, FILE_LISTS, FileListName, FileListRequest } from '@eoffice/domain';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { ItemRow, itemRows } from '../../shared/list/item-rows';
import { LIST_PAGE_SIZES, ListPage, PagedList } from '../../shared/list/paged-list';
import { PagedTableUiComponent } from '../../shared/list/paged-table.ui-component';
import { EFile } from '../model/file.model';
import { FileService } from '../services/file.service';

/**
 * Each list's columns: the Inbox says who sent the file, when, by when and why (NIC's Inbox); Closed, when it
 * closed instead of days pending.
 */
const COLUMNS: Record<FileListName, string[]> = {
  inbox: ['fileNumber', 'subject', 'sentBy', 'sentOn', 'dueOn', 'remarks', 'urgency', 'pending'],
  created: ['fileNumber', 'subject', 'holder', 'urgency', 'pending'],
  sent: ['fileNumber', 'subject', 'holder', 'urgency', 'pending'],
  parked: ['fileNumber', 'subject', 'holder', 'urgency', 'pending'],
  closed: ['fileNumber', 'subject', 'holder', 'urgency', 'closedAt']
};

/** The file lists: Inbox, Created, Sent, Parked, Closed — server-paged, sorted, days pending against the 7-day norm. */
@Component({
  selector: 'eoffice-file-list-page',
  imports: [
    EofficeDatePipe,
    PageLayoutComponent,
    PagedTableUiComponent,
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSortModule,
    MatTableModule
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.FILE.LIST.' + name().toUpperCase() | translate }}</h1>
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
          <eoffice-paged-table
            [list]="list"
            [columns]="columns()"
            name="files"
            errorKey="EOFFICE.FILE.LIST.ERROR"
            emptyKey="EOFFICE.FILE.LIST.EMPTY"
            compact>
            <ng-container matColumnDef="fileNumber">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.FILE_NUMBER' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-number">
                <a [routerLink]="['/eoffice/files', row.item.id]" data-automation-id="eoffice-files-number">{{ row.item.fileNumber }}</a>
                <div class="eoffice-file-list__computer">{{ row.item.computerNumber }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="subject">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.SUBJECT' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-subject">{{ row.item.subject }}</td>
            </ng-container>
            <ng-container matColumnDef="holder">
              <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.FILE.FIELDS.HOLDER' | translate }}</th>
              <td mat-cell *matCellDef="let row" class="eoffice-card-person" [attr.data-label]="'EOFFICE.FILE.FIELDS.HOLDER' | translate">
                {{ row.holder }}
              </td>
            </ng-container>
            <ng-container matColumnDef="closedAt">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.LIST.CLOSED_ON' | translate }}</th>
              <td mat-cell *matCellDef="let row" data-automation-id="eoffice-files-closed-on">{{ row.item.closedAt | eofficeDate }}</td>
            </ng-container>
            <ng-container matColumnDef="urgency">
              <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'EOFFICE.FILE.FIELDS.URGENCY' | translate }}</th>
              <td mat-cell *matCellDef="let row">{{ urgency(row.item.urgency) }}</td>
            </ng-container>
          </eoffice-paged-table>
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrl: '../../shared/layout/page-header.scss',
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
    .eoffice-file-list__computer {
      font-size: 12px;
      opacity: 0.7;
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

  /** Which list, from the route's data (`data.list` in the manifest). */
  readonly name = signal<FileListName>('inbox');
  readonly columns = computed(() => COLUMNS[this.name()]);
  /** The files held longest first: the ones the 7-day norm is about. */
  readonly list = new PagedList<ItemRow<EFile>, FileListRequest>((request) => this.read(request), {
    skipCount: 0,
    maxItems: LIST_PAGE_SIZES[0],
    sort: { field: 'heldSince', ascending: true }
  });
  text = '';

  constructor() {
    inject(ActivatedRoute)
      .data.pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((data) => {
        const name = data['list'] as FileListName;
        this.name.set(FILE_LISTS.includes(name) ? name : 'inbox');
        void this.list.refine({});
      });
  }

  private get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  urgency(value?: string): string {
    return labelOf(URGENCIES, value, this.lang);
  }

  search(): void {
    void this.list.refine({ text: this.text });
  }

  /** A page of the list, with the desk that names the officers and the calendar that counts days pending. */
  private async read(request: FileListRequest): Promise<ListPage<ItemRow<EFile>>> {
    const today = officeDay(new Date());
    const [desk, page, { days }] = await Promise.all([
      this.files.desk(),
      this.files.list(this.name(), request),
      this.workingDays.forYear(Number(today.slice(0, 4)))
    ]);
    const context = { desk, days, today, unopened: page.unopened, lang: this.lang };
    return { rows: itemRows(page.files, context, (f) => f.heldSince || f.createdAt || today), totalItems: page.totalItems };
  }
}
