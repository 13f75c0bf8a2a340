import { ChangeDetectionStrategy, Component, ViewEncapsulation, effect, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Choice, DELIVERY_MODES, LANGUAGES, MAIN_CATEGORIES, SECURITY_GRADINGS, URGENCIES, ReceiptForm } from '@eoffice/domain';
import { EMPTY_SENDER, ReceiptDraft, SenderBlock, localDay, senderAfterNameChange } from '../model/receipt.model';
import { ScanProblem, errorKey, notInFuture, receiptCrossFieldRules, scanProblem } from '../model/receipt-validation';
import { ScanProgress } from '../services/receipt.service';
import { provideOfficeDatepicker } from '../../shared/date/office-date-adapter';

export interface GenerateRequest {
  draft: ReceiptDraft;
  scans: File[];
  /** Generate & Copy: keep the metadata for the next entry. */
  keepForNext: boolean;
  /** Generate & Send: open the marking dialog for the new receipt at once. */
  thenSend?: boolean;
}

export interface ChosenScan {
  file: File;
  problem?: ScanProblem;
}

/** The diarise (and edit) form of a receipt. No services: a draft in, Generate/Save events out. */
@Component({
  selector: 'eoffice-receipt-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe
  ],
  templateUrl: './receipt-form.ui-component.html',
  styleUrl: './receipt-form.ui-component.scss',
  providers: [provideOfficeDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { class: 'eoffice-receipt-form' }
})
export class ReceiptFormUiComponent {
  /** Sections a receipt can be numbered in: code and label. */
  readonly sections = input<{ code: string; label: string }[]>([]);
  /** The draft to start from (defaults, a remembered sender, or the receipt being edited). */
  readonly draft = input<ReceiptDraft | null>(null);
  /** Editing an existing receipt: no scans, no form toggle, a Save action. */
  readonly editing = input(false);
  /** Received, letter and diarised dates and delivery mode cannot change (the receipt has moved). */
  readonly frozen = input(false);
  readonly saving = input(false);
  readonly progress = input<ScanProgress[]>([]);
  readonly lang = input<'en' | 'hi'>('en');

  readonly generate = output<GenerateRequest>();
  readonly save = output<ReceiptDraft>();

  readonly deliveryModes = DELIVERY_MODES;
  readonly languages = LANGUAGES;
  readonly gradings = SECURITY_GRADINGS;
  readonly urgencies = URGENCIES;
  readonly categories = MAIN_CATEGORIES;
  readonly scans = signal<ChosenScan[]>([]);
  readonly scansTouched = signal(false);
  readonly dragging = signal(false);

  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly today = () => new Date();
  /** The sender the new entry started with (remembered from the last receipt), until another sender is typed. */
  private prefilledSender: SenderBlock | null = null;

  readonly form = this.fb.group(
    {
      form: this.fb.control<ReceiptForm>('electronic'),
      section: this.fb.control('', Validators.required),
      sender: this.fb.group({
        ministry: [''],
        name: ['', Validators.required],
        designation: [''],
        organisation: [''],
        address: [''],
        state: [''],
        city: [''],
        pin: ['', Validators.pattern(/^[1-9][0-9]{5}$/)],
        email: ['', Validators.pattern(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)],
        mobile: ['', Validators.pattern(/^(\+91[ -]?|0)?[6-9][0-9]{9}$/)]
      }),
      letterNumber: [''],
      letterDate: ['', notInFuture(this.today)],
      receivedDate: ['', [Validators.required, notInFuture(this.today)]],
      diarisedDate: ['', [Validators.required, notInFuture(this.today)]],
      deliveryMode: [''],
      mainCategory: ['General'],
      subCategory: [''],
      subject: ['', [Validators.required, Validators.maxLength(1024)]],
      enclosures: [''],
      remarks: [''],
      language: [''],
      securityGrading: ['Normal'],
      urgency: ['Normal'],
      vipReference: [false],
      vipName: ['']
    },
    { validators: receiptCrossFieldRules }
  );

  constructor() {
    // untracked: resetting the form must not subscribe this effect to signals read on the way
    // (Material's own state), or a later click would reset the form again.
    effect(() => {
      const draft = this.draft();
      untracked(() => this.load(draft));
    });
    effect(() => {
      const frozen = this.frozen();
      const editing = this.editing();
      untracked(() => {
        for (const name of ['letterDate', 'receivedDate', 'diarisedDate', 'deliveryMode'] as const) {
          const control = this.form.controls[name];
          if (frozen) control.disable({ emitEvent: false });
          else control.enable({ emitEvent: false });
        }
        if (editing) this.form.controls.diarisedDate.disable({ emitEvent: false });
      });
    });
  }

  /** Default draft of a new receipt: today, received today, normal handling. */
  static defaults(section: string, sender: SenderBlock | null, today = new Date()): ReceiptDraft {
    const day = localDay(today);
    return {
      form: 'electronic',
      section,
      sender: sender ?? { ...EMPTY_SENDER },
      letterNumber: '',
      letterDate: '',
      receivedDate: day,
      diarisedDate: day,
      deliveryMode: '',
      mainCategory: 'General',
      subCategory: '',
      subject: '',
      enclosures: '',
      remarks: '',
      language: '',
      securityGrading: 'Normal',
      urgency: 'Normal',
      vipReference: false,
      vipName: ''
    };
  }

  load(draft: ReceiptDraft | null): void {
    if (!draft) return;
    // resetForm also forgets that the form was submitted, so the fresh entry shows no errors.
    // (The directive is bound to the form only after its first change detection.)
    const directive = this.formDirective();
    if (directive?.form) directive.resetForm(draft);
    else this.form.reset(draft);
    this.prefilledSender = this.editing() ? null : this.form.controls.sender.getRawValue();
    this.scans.set([]);
    this.scansTouched.set(false);
  }

  /**
   * The sender's name was changed (on leaving the field): a different sender than the remembered one, so the
   * remembered designation, city … are cleared rather than filed under the new name. Not when editing a receipt,
   * where a name is corrected, not replaced.
   */
  senderNameChanged(): void {
    if (!this.prefilledSender) return;
    const sender = this.form.controls.sender;
    const current = sender.getRawValue();
    const next = senderAfterNameChange(this.prefilledSender, current);
    if (next !== current) {
      sender.patchValue(next);
      this.prefilledSender = null;
    }
  }

  /** After Generate & Copy: keep the metadata, clear subject-specific bits and the scans. */
  keepForNext(): void {
    this.form.patchValue({ letterNumber: '', subject: '', enclosures: '', remarks: '' });
    const directive = this.formDirective();
    if (directive?.form) directive.resetForm(this.form.getRawValue());
    this.prefilledSender = this.form.controls.sender.getRawValue();
    this.scans.set([]);
    this.scansTouched.set(false);
  }

  label(choice: Choice): string {
    return choice[this.lang()];
  }

  error(path: string): string | undefined {
    const control = this.form.get(path);
    return control && (control.touched || control.dirty) ? errorKey(control.errors) : undefined;
  }

  get electronic(): boolean {
    return this.form.controls.form.value === 'electronic';
  }

  scanError(): string | undefined {
    if (this.scans().some((scan) => scan.problem)) return 'EOFFICE.RECEIPT.ERRORS.SCAN_INVALID';
    if (this.electronic && this.scansTouched() && this.scans().length === 0) return 'EOFFICE.RECEIPT.ERRORS.SCANS_REQUIRED';
    return undefined;
  }

  addFiles(files: FileList | File[] | null | undefined): void {
    const chosen = Array.from(files ?? []).map((file) => ({ file, problem: scanProblem(file) }));
    this.scans.update((current) => [...current, ...chosen]);
    this.scansTouched.set(true);
  }

  removeScan(index: number): void {
    this.scans.update((current) => current.filter((_, i) => i !== index));
    this.scansTouched.set(true);
  }

  onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.addFiles(event.dataTransfer?.files);
  }

  onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  progressOf(file: File): ScanProgress | undefined {
    return this.progress().find((p) => p.file === file.name);
  }

  private valid(): boolean {
    this.form.markAllAsTouched();
    this.form.updateValueAndValidity();
    this.scansTouched.set(true);
    return this.form.valid && (this.editing() || (!this.scanError() && (!this.electronic || this.scans().length > 0)));
  }

  submit(keepForNext: boolean, thenSend = false): void {
    if (this.saving() || !this.valid()) return;
    const draft = this.form.getRawValue() as ReceiptDraft;
    if (this.editing()) {
      this.save.emit(draft);
      return;
    }
    this.generate.emit({ draft, scans: this.scans().map((scan) => scan.file), keepForNext, thenSend });
  }
}
