import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { DueItem } from '../records.model';
import { Refusal, recordsFailure, refusalOf } from '../records-failure';
import { NoOpenTransfer, RecordsService } from '../records.service';
import { ExecuteStepDialogData, ExecuteStepDialogSmartComponent } from './execute-step-dialog.smart-component';

/**
 * Records and record folders whose next retention step is due (its date passed, or the events it waits for
 * complete), oldest first, each with an action to execute the step after a confirmation; a destruction's
 * confirmation names what it destroys. A transfer or accession, once executed, waits for the archives to
 * take the item: its row then offers to complete the transfer (AGS's transferComplete). An item on a legal
 * hold shows its step blocked until the hold releases it (AGS refuses every step on a held item). The
 * repository checks again (held items, incomplete records) and its refusal is shown in its words.
 */
@Component({
  selector: 'eoffice-disposition-due-page',
  imports: [PageLayoutComponent, EofficeDatePipe, TranslatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECORDS.DUE.TITLE' | translate }}</h1>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          @if (state.loading()) {
            <mat-progress-bar mode="indeterminate" data-automation-id="eoffice-records-loading" />
          }
          @if (outcome(); as o) {
            <div
              [attr.role]="o.failed ? 'alert' : 'status'"
              [class.eoffice-records-error]="o.failed"
              data-automation-id="eoffice-records-due-outcome">
              {{ o.text.key | translate: o.text.params }}
            </div>
          }
          @if (state.failed()) {
            <div role="alert" class="eoffice-records-error" data-automation-id="eoffice-records-error">
              {{ state.reason() ?? 'EOFFICE.RECORDS.DUE.LOAD_FAILED' | translate }}
              <button mat-button type="button" (click)="load()">{{ 'EOFFICE.RECORDS.RETRY' | translate }}</button>
            </div>
          } @else if (!state.loading() && !items().length) {
            <p data-automation-id="eoffice-records-empty">{{ 'EOFFICE.RECORDS.DUE.EMPTY' | translate }}</p>
          } @else if (items().length) {
            <table mat-table [dataSource]="items()" data-automation-id="eoffice-records-due-table">
              <ng-container matColumnDef="item">
                <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DUE.ITEM' | translate }}</th>
                <td mat-cell *matCellDef="let d">{{ d.itemName }}</td>
              </ng-container>
              <ng-container matColumnDef="location">
                <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DUE.LOCATION' | translate }}</th>
                <td mat-cell *matCellDef="let d">{{ d.location }}</td>
              </ng-container>
              <ng-container matColumnDef="step">
                <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DUE.STEP' | translate }}</th>
                <td mat-cell *matCellDef="let d">
                  {{ stepLabel(d.step) }}
                  @if (d.held) {
                    <span class="eoffice-records-due__held" data-automation-id="eoffice-records-due-held">
                      {{ 'EOFFICE.RECORDS.DUE.HELD' | translate }}
                    </span>
                  }
                  @if (d.inTransfer) {
                    <span class="eoffice-records-due__state" data-automation-id="eoffice-records-in-transfer">
                      ({{ 'EOFFICE.RECORDS.DUE.IN_TRANSFER' | translate }})
                    </span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="asOf">
                <th mat-header-cell *matHeaderCellDef>{{ 'EOFFICE.RECORDS.DUE.AS_OF' | translate }}</th>
                <td mat-cell *matCellDef="let d">
                  @if (d.asOf) {
                    {{ d.asOf | eofficeDate }}
                  } @else {
                    {{ 'EOFFICE.RECORDS.DUE.EVENTS_DONE' | translate }}
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="action">
                <th mat-header-cell *matHeaderCellDef></th>
                <td mat-cell *matCellDef="let d">
                  <button
                    mat-stroked-button
                    type="button"
                    [disabled]="busy() === d.itemId || d.held"
                    (click)="execute(d)"
                    data-automation-id="eoffice-records-execute">
                    <mat-icon>{{ d.step === 'destroy' ? 'delete_forever' : d.inTransfer ? 'archive' : 'play_arrow' }}</mat-icon
                    >{{ actionLabel(d) }}
                  </button>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="columns"></tr>
              <tr mat-row *matRowDef="let row; columns: columns" data-automation-id="eoffice-records-due-row"></tr>
            </table>
          }
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  styles: `
    .eoffice-records-due__held {
      display: block;
      color: var(--mat-sys-error, #b3261e);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DispositionDueSmartComponent {
  private readonly records = inject(RecordsService);
  private readonly translate = inject(TranslateService);
  private readonly dialog = inject(MatDialog);

  readonly columns = ['item', 'location', 'step', 'asOf', 'action'];
  readonly state = new LoadState({ loading: true, reason: recordsFailure('EOFFICE.RECORDS.DUE.LOAD_FAILED') });
  readonly items = signal<DueItem[]>([]);
  readonly busy = signal<string | null>(null);
  /** What became of the last step executed: done, or the repository's refusal. */
  readonly outcome = signal<{ failed: boolean; text: Refusal } | null>(null);

  constructor() {
    void this.load();
  }

  load(): Promise<boolean> {
    return this.state.run(
      () => this.records.due(new Date()),
      (items) => this.items.set(items),
      () => this.items.set([])
    );
  }

  stepLabel(step: string): string {
    const key = `EOFFICE.RECORDS.STEP_NAME.${step.toUpperCase()}`;
    const label = this.translate.instant(key);
    return label === key ? step : label;
  }

  /** What the row's button does: the step, or completing the transfer already under way. */
  actionLabel(item: DueItem): string {
    return item.inTransfer
      ? this.translate.instant('EOFFICE.RECORDS.DUE.COMPLETE_TRANSFER', { step: this.stepLabel(item.step) })
      : this.stepLabel(item.step);
  }

  /** Confirms, executes, and reads the list again: the item's next step, if any, falls due later. */
  async execute(item: DueItem): Promise<void> {
    const stepLabel = this.actionLabel(item);
    const ref = this.dialog.open<ExecuteStepDialogSmartComponent, ExecuteStepDialogData, boolean>(ExecuteStepDialogSmartComponent, {
      data: { item, stepLabel },
      width: '520px'
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.busy.set(item.itemId);
    this.outcome.set(null);
    try {
      await this.records.execute(item);
      this.outcome.set({ failed: false, text: { key: 'EOFFICE.RECORDS.DUE.DONE', params: { step: stepLabel, item: item.itemName } } });
      await this.load();
    } catch (error) {
      const text =
        error instanceof NoOpenTransfer ? { key: 'EOFFICE.RECORDS.DUE.NO_TRANSFER' } : refusalOf(error, 'EOFFICE.RECORDS.DUE.FAILED');
      this.outcome.set({ failed: true, text });
    } finally {
      this.busy.set(null);
    }
  }
}
