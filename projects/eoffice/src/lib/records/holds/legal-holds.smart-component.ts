import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { LoadState } from '../../shared/state/load-state';
import { HeldItem, LegalHold } from '../records.model';
import { Refusal, recordsFailure, refusalOf } from '../records-failure';
import { RecordsService } from '../records.service';

/**
 * Legal holds: a court case or an RTI appeal keeps what it holds from disposition and deletion until
 * released. Create a hold (name and reason, as AGS requires), see what a hold holds and release an item,
 * delete a hold with the reason it ends (AGS keeps it; what the hold held is released). Items are put on
 * hold from the records themselves; the repository refuses what AGS refuses, in its words.
 */
@Component({
  selector: 'eoffice-legal-holds-page',
  imports: [
    PageLayoutComponent,
    FormsModule,
    TranslatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECORDS.HOLDS.TITLE' | translate }}</h1>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          <form class="eoffice-holds__new" (ngSubmit)="create()" data-automation-id="eoffice-records-hold-form">
            <h2>{{ 'EOFFICE.RECORDS.HOLDS.NEW' | translate }}</h2>
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.RECORDS.HOLDS.NAME' | translate }}</mat-label>
              <input
                matInput
                name="name"
                required
                [ngModel]="name()"
                (ngModelChange)="name.set($event)"
                data-automation-id="eoffice-records-hold-name" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.RECORDS.HOLDS.REASON' | translate }}</mat-label>
              <input
                matInput
                name="reason"
                required
                [ngModel]="reason()"
                (ngModelChange)="reason.set($event)"
                data-automation-id="eoffice-records-hold-reason" />
              <mat-hint>{{ 'EOFFICE.RECORDS.HOLDS.REASON_HINT' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.RECORDS.HOLDS.DESCRIPTION' | translate }}</mat-label>
              <input matInput name="description" [ngModel]="description()" (ngModelChange)="description.set($event)" />
            </mat-form-field>
            <button
              mat-flat-button
              type="submit"
              [disabled]="!name().trim() || !reason().trim() || busy()"
              data-automation-id="eoffice-records-hold-create">
              {{ 'EOFFICE.RECORDS.HOLDS.CREATE' | translate }}
            </button>
          </form>
          @if (refusal(); as r) {
            <div role="alert" class="eoffice-records-error" data-automation-id="eoffice-records-hold-refused">
              {{ r.key | translate: r.params }}
            </div>
          }
          @if (state.loading()) {
            <mat-progress-bar mode="indeterminate" data-automation-id="eoffice-records-loading" />
          }
          @if (state.failed()) {
            <div role="alert" class="eoffice-records-error" data-automation-id="eoffice-records-error">
              {{ state.reason() ?? 'EOFFICE.RECORDS.HOLDS.LOAD_FAILED' | translate }}
              <button mat-button type="button" (click)="load()">{{ 'EOFFICE.RECORDS.RETRY' | translate }}</button>
            </div>
          } @else if (!state.loading() && !holds().length) {
            <p data-automation-id="eoffice-records-empty">{{ 'EOFFICE.RECORDS.HOLDS.EMPTY' | translate }}</p>
          }
          @for (hold of holds(); track hold.id) {
            <section class="eoffice-records-category" data-automation-id="eoffice-records-hold">
              <h2>{{ hold.name }}</h2>
              <p class="eoffice-records-category__meta">{{ 'EOFFICE.RECORDS.HOLDS.REASON' | translate }}: {{ hold.reason }}</p>
              @if (hold.description) {
                <p>{{ hold.description }}</p>
              }
              <div class="eoffice-holds__actions">
                <button mat-stroked-button type="button" (click)="showItems(hold)" data-automation-id="eoffice-records-hold-items">
                  <mat-icon>inventory_2</mat-icon>{{ 'EOFFICE.RECORDS.HOLDS.SHOW_ITEMS' | translate }}
                </button>
                <button
                  mat-stroked-button
                  type="button"
                  (click)="deleting.set(hold.id); deleteReason.set('')"
                  data-automation-id="eoffice-records-hold-delete">
                  <mat-icon>delete</mat-icon>{{ 'EOFFICE.RECORDS.HOLDS.DELETE' | translate }}
                </button>
              </div>
              @if (deleting() === hold.id) {
                <form class="eoffice-holds__delete" (ngSubmit)="deleteHold(hold)">
                  <mat-form-field>
                    <mat-label>{{ 'EOFFICE.RECORDS.HOLDS.DELETE_REASON' | translate }}</mat-label>
                    <input
                      matInput
                      name="deleteReason"
                      required
                      [ngModel]="deleteReason()"
                      (ngModelChange)="deleteReason.set($event)"
                      data-automation-id="eoffice-records-hold-delete-reason" />
                  </mat-form-field>
                  <button mat-button type="button" (click)="deleting.set(null)">{{ 'EOFFICE.RECORDS.CANCEL' | translate }}</button>
                  <button
                    mat-flat-button
                    type="submit"
                    [disabled]="!deleteReason().trim() || busy()"
                    data-automation-id="eoffice-records-hold-delete-confirm">
                    {{ 'EOFFICE.RECORDS.HOLDS.DELETE_CONFIRM' | translate }}
                  </button>
                </form>
              }
              @if (open() === hold.id) {
                <h3>{{ 'EOFFICE.RECORDS.HOLDS.ITEMS' | translate }}</h3>
                @if (itemsState.loading()) {
                  <mat-progress-bar mode="indeterminate" />
                } @else if (itemsState.failed()) {
                  <p role="alert" class="eoffice-records-error">{{ 'EOFFICE.RECORDS.HOLDS.ITEMS_FAILED' | translate }}</p>
                } @else if (!items().length) {
                  <p data-automation-id="eoffice-records-hold-items-empty">{{ 'EOFFICE.RECORDS.HOLDS.ITEMS_EMPTY' | translate }}</p>
                } @else {
                  <ul>
                    @for (item of items(); track item.id) {
                      <li data-automation-id="eoffice-records-held-item">
                        {{ item.name }}
                        <button
                          mat-button
                          type="button"
                          [disabled]="busy()"
                          (click)="release(hold, item)"
                          data-automation-id="eoffice-records-release">
                          {{ 'EOFFICE.RECORDS.HOLDS.RELEASE' | translate }}
                        </button>
                      </li>
                    }
                  </ul>
                }
              }
            </section>
          }
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  styles: `
    .eoffice-holds__new,
    .eoffice-holds__delete {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
      h2 {
        flex-basis: 100%;
        font-size: 18px;
        margin: 8px 0 16px;
      }
    }
    .eoffice-holds__actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class LegalHoldsSmartComponent {
  private readonly records = inject(RecordsService);

  readonly state = new LoadState({ loading: true, reason: recordsFailure('EOFFICE.RECORDS.HOLDS.LOAD_FAILED') });
  readonly itemsState = new LoadState();
  readonly holds = signal<LegalHold[]>([]);
  readonly name = signal('');
  readonly reason = signal('');
  readonly description = signal('');
  readonly busy = signal(false);
  readonly refusal = signal<Refusal | null>(null);
  /** The hold whose items are shown, and those items. */
  readonly open = signal<string | null>(null);
  readonly items = signal<HeldItem[]>([]);
  /** The hold being deleted, and why. */
  readonly deleting = signal<string | null>(null);
  readonly deleteReason = signal('');

  constructor() {
    void this.load();
  }

  load(): Promise<boolean> {
    return this.state.run(
      () => this.records.holds(),
      (holds) => this.holds.set(holds),
      () => this.holds.set([])
    );
  }

  async create(): Promise<void> {
    const hold = { name: this.name().trim(), reason: this.reason().trim(), description: this.description().trim() || undefined };
    if (!hold.name || !hold.reason) return;
    const done = await this.act(() => this.records.createHold(hold));
    if (done) {
      this.name.set('');
      this.reason.set('');
      this.description.set('');
      await this.load();
    }
  }

  showItems(hold: LegalHold): Promise<boolean> {
    this.open.set(hold.id);
    return this.itemsState.run(
      () => this.records.heldItems(hold.id),
      (items) => this.items.set(items),
      () => this.items.set([])
    );
  }

  async release(hold: LegalHold, item: HeldItem): Promise<void> {
    if (await this.act(() => this.records.release(hold.id, item.id))) await this.showItems(hold);
  }

  async deleteHold(hold: LegalHold): Promise<void> {
    const reason = this.deleteReason().trim();
    if (!reason) return;
    if (await this.act(() => this.records.deleteHold(hold.id, reason))) {
      this.deleting.set(null);
      if (this.open() === hold.id) this.open.set(null);
      await this.load();
    }
  }

  /** Runs one change, showing the repository's refusal in its words; resolves to whether it was done. */
  private async act(change: () => Promise<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await change();
      return true;
    } catch (error) {
      this.refusal.set(refusalOf(error, 'EOFFICE.RECORDS.HOLDS.FAILED'));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
