import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ArchivalCopyService } from '../../file/export/archival-copy.service';
import { DeskService } from '../../desk/desk.service';
import {
  URGENCIES,
  labelOf,
  officeDay,
  overNorm,
  postGroup,
  postOfGroup,
  MovementAction,
  refusalText,
  withDelayReason
} from '@eoffice/domain';
import { WorkingDaysService } from '../../shared/calendar/working-days.service';
import { MovementService } from '../services/movement.service';
import { provideOfficeDatepicker } from '../../shared/date/office-date-adapter';
import { MarkingOption, groupMarkingOptions, markingOptions } from './marking-options';

export interface MarkingDialogData {
  itemId: string;
  itemKind: 'receipt' | 'file';
  /** Number and subject, shown in the title. */
  label: string;
  action: MovementAction;
  /** Post group holding the item (eo:currentHolder): the post the officer marks from. */
  holder?: string;
  /** Send back: whom it returns the item to ("Section Officer (Establishment)"), shown before the officer confirms. */
  sendBackTo?: string;
  /**
   * Since when the post has held the item (eo:heldSince): held beyond the 7-working-day norm, acting on it asks
   * for the reason for delay (CSMOP), recorded in the movement's remarks. Absent: not asked.
   */
  heldSince?: string;
}

/** Today as the office counts days (IST): from 00:00 to 05:30 IST the UTC date is still yesterday's. */
const today = (): string => officeDay(new Date());

/**
 * The marking dialog: recipients from the channel of submission (the officer's frequent recipients on top),
 * due date, urgency, remarks; refusals stay visible.
 */
@Component({
  selector: 'eoffice-marking-dialog',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    TranslatePipe
  ],
  templateUrl: './marking-dialog.smart-component.html',
  styleUrl: './marking-dialog.smart-component.scss',
  providers: [provideOfficeDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class MarkingDialogSmartComponent {
  readonly data = inject<MarkingDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject(MatDialogRef<MarkingDialogSmartComponent, boolean>);
  private readonly movement = inject(MovementService);
  private readonly desk = inject(DeskService);
  private readonly translate = inject(TranslateService);
  private readonly archival = inject(ArchivalCopyService);

  readonly options = signal<MarkingOption[]>([]);
  /** The officer's frequent recipients from this post (at most five), shown as a group above the others. */
  readonly frequent = signal<MarkingOption[]>([]);
  /** Every other post, in the channel's order. */
  readonly others = signal<MarkingOption[]>([]);
  readonly busy = signal(false);
  /** Closing a file kept permanently writes its archival copy (PDF/A) first. */
  readonly archiving = signal(false);
  readonly refusal = signal<string | null>(null);
  readonly loadFailed = signal(false);
  /**
   * The posts are still being read (the desk and the frequent recipients): the recipient and approver lists
   * stay disabled and say so until they are filled, so a click then does not open an empty list.
   */
  readonly loading = signal(false);
  readonly urgencies = URGENCIES;
  readonly minDue = today();
  readonly needsRecipient = this.data.action === 'send';
  readonly multiple = this.data.itemKind === 'receipt';
  /** Closing may name a Section Officer or above to approve it (required below SO level, optional above). */
  readonly asksApprover = this.data.action === 'close';
  readonly approverRequired = signal(false);
  readonly approvers = signal<MarkingOption[]>([]);

  readonly form = new FormGroup({
    to: new FormControl<string[] | string>(this.data.itemKind === 'receipt' ? [] : '', {
      nonNullable: true,
      validators: this.needsRecipient ? [Validators.required] : []
    }),
    dueDate: new FormControl('', { nonNullable: true }),
    urgency: new FormControl('Normal', { nonNullable: true }),
    approver: new FormControl('', { nonNullable: true }),
    remarks: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
    delayReason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] })
  });

  /** Working days the post has held the item when beyond the norm (the reason for delay is then asked); else null. */
  readonly heldBeyondNorm = signal<number | null>(null);

  constructor() {
    this.dialogRef.disableClose = true;
    if (this.needsRecipient || this.asksApprover) {
      this.setLoading(true);
      void this.loadOptions().finally(() => this.setLoading(false));
    }
    // Pulling back is the sender's act, not the holder's: no reason is owed for it.
    if (this.data.heldSince && this.data.action !== 'pullBack') void this.checkNorm(inject(WorkingDaysService), this.data.heldSince);
  }

  private async checkNorm(workingDays: WorkingDaysService, since: string): Promise<void> {
    try {
      const held = await workingDays.heldFor(since);
      if (!overNorm(held)) return;
      this.heldBeyondNorm.set(held);
      this.form.controls.delayReason.addValidators(Validators.required);
      this.form.controls.delayReason.updateValueAndValidity();
    } catch {
      // Without the calendar the age is unknown: the reason is not asked rather than asked wrongly.
    }
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  urgencyLabel(value: string): string {
    return labelOf(this.urgencies, value, this.lang);
  }

  /** The due date is optional but cannot lie in the past (the browser's min is only a hint). */
  get dueDateInPast(): boolean {
    const due = this.form.controls.dueDate.value;
    return !!due && due < today();
  }

  /** Disables the lists while they are read; a disabled control keeps its value and skips its validators. */
  private setLoading(on: boolean): void {
    this.loading.set(on);
    for (const control of [this.form.controls.to, this.form.controls.approver]) {
      if (on) control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
    }
  }

  private async loadOptions(): Promise<void> {
    try {
      // Asked beside the desk when the holding post is known, so the list does not wait for one more round trip.
      const early = this.needsRecipient && this.data.holder ? this.movement.frequentRecipients(this.data.holder) : null;
      const desk = await this.desk.desk();
      const from = postOfGroup(desk.hierarchy, this.data.holder ?? '') ?? desk.postEntries[0];
      const options = from ? markingOptions(desk.hierarchy, from.code, this.lang) : [];
      const fromGroup = from ? postGroup(desk.hierarchy, from.code) : '';
      const frequentGroups =
        this.needsRecipient && from
          ? await (early && fromGroup === this.data.holder ? early : this.movement.frequentRecipients(fromGroup))
          : [];
      const groups = groupMarkingOptions(
        options,
        frequentGroups.map((group) => postOfGroup(desk.hierarchy, group)?.code ?? '')
      );
      this.options.set(options);
      this.frequent.set(groups.frequent);
      this.others.set(groups.others);
      // Approvers: the allowed posts of Section Officer level and above (the workflow checks it again).
      this.approvers.set(options.filter((o) => o.allowed && o.level >= 2));
      if (this.asksApprover && from && from.level < 2) {
        this.approverRequired.set(true);
        this.form.controls.approver.setValidators([Validators.required]);
        this.form.controls.approver.updateValueAndValidity();
      }
    } catch {
      this.loadFailed.set(true);
    }
  }

  async submit(): Promise<void> {
    // While the lists load their controls are disabled, so their required validators would not hold it back;
    // nor is the officer told off for a choice he cannot make yet.
    if (this.loading()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid || this.dueDateInPast || this.busy()) return;
    const { to, dueDate, urgency, remarks, approver } = this.form.getRawValue();
    const recipients = this.asksApprover ? (approver ? [approver] : []) : Array.isArray(to) ? to : to ? [to] : [];
    this.busy.set(true);
    this.refusal.set(null);
    try {
      if (this.data.action === 'close' && this.data.itemKind === 'file' && !(await this.writeArchivalCopy())) return;
      await this.movement.act(this.data.itemId, {
        action: this.data.action,
        to: recipients[0],
        copyTo: recipients.slice(1),
        remarks: withDelayReason(remarks, this.heldBeyondNorm() !== null ? this.form.controls.delayReason.value : ''),
        dueDate: dueDate || undefined,
        urgency: this.needsRecipient ? urgency : undefined
      });
      this.dialogRef.close(true);
    } catch (error) {
      this.refusal.set(refusalText(error, (key) => this.translate.instant(key)));
    } finally {
      this.busy.set(false);
    }
  }

  cancel(): void {
    this.dialogRef.close(false);
  }

  /**
   * The archival copy of a file kept permanently, written before it is closed (the workflow refuses the
   * close without a copy newer than its notes); true when none is needed or it is written.
   */
  private async writeArchivalCopy(): Promise<boolean> {
    this.archiving.set(true);
    try {
      await this.archival.writeIfNeeded(this.data.itemId);
      return true;
    } catch {
      this.refusal.set(this.translate.instant('EOFFICE.MOVEMENT.DIALOG.ARCHIVE_FAILED'));
      return false;
    } finally {
      this.archiving.set(false);
    }
  }
}
