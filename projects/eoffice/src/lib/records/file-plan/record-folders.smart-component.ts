import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { LoadState } from '../../shared/state/load-state';
import { LegalHold, RecordFolderRow, RecordRow } from '../records.model';
import { Refusal, recordsFailure, refusalOf } from '../records-failure';
import { RecordsService } from '../records.service';

/**
 * The record folders of one category, read when the records manager opens them: each closed e-file's folder
 * (titled with its file number) with whether it is closed, cut off or on a legal hold, its records on
 * demand (completed, held, destroyed), and an action to put it on one of the file plan's holds (a court
 * case, an RTI appeal). Releasing is done on the holds page, where the hold's items are listed.
 */
@Component({
  selector: 'eoffice-record-folders',
  imports: [RouterLink, TranslatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule],
  template: `
    <button mat-button type="button" (click)="toggle()" [attr.aria-expanded]="open()" data-automation-id="eoffice-records-folders-toggle">
      <mat-icon>{{ open() ? 'expand_less' : 'folder_open' }}</mat-icon
      >{{ 'EOFFICE.RECORDS.FOLDERS.SHOW' | translate }}
    </button>
    @if (open()) {
      @if (state.loading()) {
        <mat-progress-bar mode="indeterminate" />
      } @else if (state.failed()) {
        <p role="alert" class="eoffice-records-error">
          {{ state.reason() ?? 'EOFFICE.RECORDS.FOLDERS.LOAD_FAILED' | translate }}
          <button mat-button type="button" (click)="load()">{{ 'EOFFICE.RECORDS.RETRY' | translate }}</button>
        </p>
      } @else if (!folders().length) {
        <p class="eoffice-records-category__meta" data-automation-id="eoffice-records-folders-empty">
          {{ 'EOFFICE.RECORDS.FOLDERS.EMPTY' | translate }}
        </p>
      }
      @if (refusal(); as r) {
        <p role="alert" class="eoffice-records-error" data-automation-id="eoffice-records-folder-refused">
          {{ r.key | translate: r.params }}
        </p>
      }
      <ul class="eoffice-record-folders">
        @for (folder of folders(); track folder.id) {
          <li data-automation-id="eoffice-records-folder" [attr.data-folder-id]="folder.id">
            <div class="eoffice-record-folders__head">
              <mat-icon aria-hidden="true">folder</mat-icon>
              <span class="eoffice-record-folders__title" data-automation-id="eoffice-records-folder-title">{{ folder.title }}</span>
              <span class="eoffice-records-category__meta">{{ folder.identifier }}</span>
              @if (folder.closed) {
                <span class="eoffice-record-folders__state">{{ 'EOFFICE.RECORDS.FOLDERS.CLOSED' | translate }}</span>
              }
              @if (folder.cutOff) {
                <span class="eoffice-record-folders__state">{{ 'EOFFICE.RECORDS.FOLDERS.CUT_OFF' | translate }}</span>
              }
              @if (folder.held) {
                <span
                  class="eoffice-record-folders__state eoffice-record-folders__state--held"
                  data-automation-id="eoffice-records-folder-held">
                  {{ 'EOFFICE.RECORDS.FOLDERS.HELD' | translate }}
                </span>
              }
            </div>
            <div class="eoffice-record-folders__actions">
              <button
                mat-stroked-button
                type="button"
                (click)="toggleRecords(folder)"
                [attr.aria-expanded]="shown() === folder.id"
                data-automation-id="eoffice-records-folder-records-toggle">
                <mat-icon>description</mat-icon>{{ 'EOFFICE.RECORDS.FOLDERS.RECORDS' | translate }}
              </button>
              @if (!folder.held) {
                <button mat-stroked-button type="button" (click)="startHold(folder)" data-automation-id="eoffice-records-folder-hold">
                  <mat-icon>gavel</mat-icon>{{ 'EOFFICE.RECORDS.FOLDERS.PUT_ON_HOLD' | translate }}
                </button>
              }
            </div>
            @if (holding() === folder.id) {
              <div class="eoffice-record-folders__hold">
                @if (holdsState.loading()) {
                  <mat-progress-bar mode="indeterminate" />
                } @else if (!holds().length) {
                  <p>
                    {{ 'EOFFICE.RECORDS.FOLDERS.NO_HOLDS' | translate }}
                    <a routerLink="/eoffice/records/holds">{{ 'EOFFICE.RECORDS.HOLDS.TITLE' | translate }}</a>
                  </p>
                } @else {
                  <mat-form-field>
                    <mat-label>{{ 'EOFFICE.RECORDS.FOLDERS.HOLD' | translate }}</mat-label>
                    <mat-select
                      [value]="holdId()"
                      (valueChange)="holdId.set($event)"
                      data-automation-id="eoffice-records-folder-hold-select">
                      @for (hold of holds(); track hold.id) {
                        <mat-option [value]="hold.id">{{ hold.name }} — {{ hold.reason }}</mat-option>
                      }
                    </mat-select>
                  </mat-form-field>
                  <button mat-button type="button" (click)="holding.set(null)">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
                  <button
                    mat-flat-button
                    type="button"
                    [disabled]="!holdId() || busy()"
                    (click)="hold(folder)"
                    data-automation-id="eoffice-records-folder-hold-confirm">
                    {{ 'EOFFICE.RECORDS.FOLDERS.PUT_ON_HOLD' | translate }}
                  </button>
                }
              </div>
            }
            @if (shown() === folder.id) {
              @if (recordsState.loading()) {
                <mat-progress-bar mode="indeterminate" />
              } @else if (recordsState.failed()) {
                <p role="alert" class="eoffice-records-error">{{ 'EOFFICE.RECORDS.FOLDERS.RECORDS_FAILED' | translate }}</p>
              } @else if (!records().length) {
                <p class="eoffice-records-category__meta">{{ 'EOFFICE.RECORDS.FOLDERS.NO_RECORDS' | translate }}</p>
              } @else {
                <ul class="eoffice-record-folders__records">
                  @for (record of records(); track record.id) {
                    <li data-automation-id="eoffice-records-record">
                      <span>{{ record.name }}</span>
                      @if (record.destroyed) {
                        <span class="eoffice-record-folders__state">{{ 'EOFFICE.RECORDS.FOLDERS.DESTROYED' | translate }}</span>
                      } @else if (record.completed) {
                        <span class="eoffice-record-folders__state">{{ 'EOFFICE.RECORDS.FOLDERS.COMPLETED' | translate }}</span>
                      }
                      @if (record.held) {
                        <span class="eoffice-record-folders__state eoffice-record-folders__state--held">
                          {{ 'EOFFICE.RECORDS.FOLDERS.HELD' | translate }}
                        </span>
                      }
                    </li>
                  }
                </ul>
              }
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .eoffice-record-folders,
    .eoffice-record-folders__records {
      list-style: none;
      padding: 0;
      margin: 4px 0;
    }
    .eoffice-record-folders > li {
      padding: 6px 0;
      border-top: 1px dashed var(--theme-border-color, rgba(0, 0, 0, 0.12));
    }
    .eoffice-record-folders__head,
    .eoffice-record-folders__actions,
    .eoffice-record-folders__hold,
    .eoffice-record-folders__records > li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .eoffice-record-folders__records {
      padding-inline-start: 32px;
    }
    .eoffice-record-folders__title {
      font-weight: 500;
    }
    .eoffice-record-folders__state {
      border: 1px solid currentColor;
      border-radius: 10px;
      padding: 0 8px;
      font-size: 12px;
    }
    .eoffice-record-folders__state--held {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class RecordFoldersSmartComponent {
  private readonly service = inject(RecordsService);
  readonly categoryId = input.required<string>();

  readonly open = signal(false);
  readonly state = new LoadState({ reason: recordsFailure('EOFFICE.RECORDS.FOLDERS.LOAD_FAILED') });
  readonly folders = signal<RecordFolderRow[]>([]);
  /** The folder whose records are shown, and those records. */
  readonly shown = signal<string | null>(null);
  readonly recordsState = new LoadState();
  readonly records = signal<RecordRow[]>([]);
  /** The folder being put on hold, the holds offered and the one chosen. */
  readonly holding = signal<string | null>(null);
  readonly holdsState = new LoadState();
  readonly holds = signal<LegalHold[]>([]);
  readonly holdId = signal<string | null>(null);
  readonly busy = signal(false);
  readonly refusal = signal<Refusal | null>(null);

  toggle(): void {
    this.open.update((o) => !o);
    if (this.open()) void this.load();
  }

  load(): Promise<boolean> {
    return this.state.run(
      () => this.service.recordFolders(this.categoryId()),
      (folders) => this.folders.set(folders),
      () => this.folders.set([])
    );
  }

  toggleRecords(folder: RecordFolderRow): Promise<boolean> | void {
    if (this.shown() === folder.id) return this.shown.set(null);
    this.shown.set(folder.id);
    return this.recordsState.run(
      () => this.service.folderRecords(folder.id),
      (records) => this.records.set(records),
      () => this.records.set([])
    );
  }

  startHold(folder: RecordFolderRow): Promise<boolean> {
    this.refusal.set(null);
    this.holding.set(folder.id);
    this.holdId.set(null);
    return this.holdsState.run(
      () => this.service.holds(),
      (holds) => {
        this.holds.set(holds);
        if (holds.length === 1) this.holdId.set(holds[0].id);
      },
      () => this.holds.set([])
    );
  }

  /** Puts the folder on the chosen hold; the list is read again (the folder and its records now held). */
  async hold(folder: RecordFolderRow): Promise<void> {
    const holdId = this.holdId();
    if (!holdId) return;
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await this.service.putOnHold(holdId, folder.id);
      this.holding.set(null);
      await this.load();
      if (this.shown() === folder.id) {
        this.shown.set(null);
        await this.toggleRecords(folder);
      }
    } catch (error) {
      this.refusal.set(refusalOf(error, 'EOFFICE.RECORDS.FOLDERS.HOLD_FAILED'));
    } finally {
      this.busy.set(false);
    }
  }
}
