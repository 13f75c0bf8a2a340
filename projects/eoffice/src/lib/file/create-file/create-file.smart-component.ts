import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { startWith } from 'rxjs';
import { Choice, RECEIPT_FORMS, RECORD_CATEGORIES, SubjectHead, URGENCIES, headCode, labelOf } from '@eoffice/domain';
import { FileDraft, RETENTION_YEARS_MAX, SUBJECT_MAX, categoryTakesYears, validateFileDraft } from '../model/file-draft';
import { FileService } from '../services/file.service';
import { LoadState, failureKey } from '../../shared/state/load-state';

/** What a form opened from elsewhere starts with (a receipt's subject and section). */
export interface FileDraftPrefill {
  subject: string;
  section: string;
}

/**
 * Create File: the officer picks the section and a subject head of the department's index; the
 * functional file number is shown as it will be (the serial is granted by the repository on saving).
 * Embedded (the receipt's "Put in a file" dialog), it is the form alone: the host reads `validDraft()`
 * and creates the file in its own flow, so one form serves both places.
 */
@Component({
  selector: 'eoffice-create-file-page',
  imports: [
    NgTemplateOutlet,
    PageLayoutComponent,
    ReactiveFormsModule,
    TranslatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatRadioModule,
    MatSelectModule
  ],
  template: `
    @if (embedded()) {
      <ng-container *ngTemplateOutlet="body" />
    } @else {
      <aca-page-layout>
        <div class="aca-page-layout-header">
          <h1 class="eoffice-page-title">{{ 'EOFFICE.FILE.CREATE.TITLE' | translate }}</h1>
        </div>
        <div class="aca-page-layout-content">
          <div class="aca-main-content aca-scrollable eoffice-create-file">
            <ng-container *ngTemplateOutlet="body" />
          </div>
        </div>
      </aca-page-layout>
    }
    <ng-template #body>
      @if (loading()) {
        <mat-progress-spinner mode="indeterminate" diameter="32" />
      } @else if (loadError()) {
        <div role="alert" class="eoffice-create-file__error" data-automation-id="eoffice-create-file-load-error">
          {{ loadError()! | translate }}
        </div>
      } @else {
        <form [formGroup]="form" (ngSubmit)="create()" class="eoffice-create-file__form" novalidate>
          <div class="eoffice-create-file__number" aria-live="polite" data-automation-id="eoffice-create-file-preview">
            <span class="eoffice-create-file__number-label">{{ 'EOFFICE.FILE.FIELDS.FILE_NUMBER' | translate }}</span>
            <span class="eoffice-create-file__number-value">{{ preview() }}</span>
          </div>
          <div class="eoffice-create-file__grid">
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.FILE.FIELDS.SECTION' | translate }}</mat-label>
              <mat-select formControlName="section" data-automation-id="eoffice-create-file-section">
                @for (s of sections(); track s.value) {
                  <mat-option [value]="s.value">{{ choiceLabel(s) }}</mat-option>
                }
              </mat-select>
              @if (error('section'); as e) {
                <mat-error>{{ e | translate }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="eoffice-create-file__wide">
              <mat-label>{{ 'EOFFICE.FILE.CREATE.HEAD_SEARCH' | translate }}</mat-label>
              <mat-icon matPrefix>search</mat-icon>
              <input
                matInput
                type="search"
                [value]="headFilter()"
                (input)="headFilter.set($any($event.target).value)"
                data-automation-id="eoffice-create-file-head-search" />
              <mat-hint>{{ 'EOFFICE.FILE.CREATE.HEAD_SEARCH_HINT' | translate }}</mat-hint>
            </mat-form-field>
            <mat-form-field class="eoffice-create-file__wide">
              <mat-label>{{ 'EOFFICE.FILE.FIELDS.SUBJECT_HEAD' | translate }}</mat-label>
              <mat-select formControlName="head" data-automation-id="eoffice-create-file-head">
                @for (h of shownHeads(); track code(h)) {
                  <mat-option [value]="code(h)">{{ code(h) }} — {{ h.name[lang()] }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'EOFFICE.FILE.CREATE.HEAD_HINT' | translate }}</mat-hint>
              @if (error('head'); as e) {
                <mat-error>{{ e | translate }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="eoffice-create-file__wide">
              <mat-label>{{ 'EOFFICE.FILE.FIELDS.SUBJECT' | translate }}</mat-label>
              <textarea
                matInput
                formControlName="subject"
                rows="3"
                [attr.maxlength]="subjectMax"
                data-automation-id="eoffice-create-file-subject"></textarea>
              <mat-hint align="end">{{ form.controls.subject.value.length }} / {{ subjectMax }}</mat-hint>
              @if (error('subject'); as e) {
                <mat-error>{{ e | translate }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'EOFFICE.FILE.FIELDS.URGENCY' | translate }}</mat-label>
              <mat-select formControlName="urgency">
                @for (u of urgencies; track u.value) {
                  <mat-option [value]="u.value">{{ choiceLabel(u) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            <div class="eoffice-create-file__radios">
              <span id="eoffice-file-form-label">{{ 'EOFFICE.FILE.FIELDS.FORM' | translate }}</span>
              <mat-radio-group formControlName="form" aria-labelledby="eoffice-file-form-label">
                @for (f of forms; track f.value) {
                  <mat-radio-button [value]="f.value">{{ choiceLabel(f) }}</mat-radio-button>
                }
              </mat-radio-group>
            </div>
            <div class="eoffice-create-file__radios eoffice-create-file__wide">
              <span id="eoffice-file-category-label">{{ 'EOFFICE.FILE.FIELDS.RECORD_CATEGORY' | translate }}</span>
              <mat-radio-group
                formControlName="recordCategory"
                aria-labelledby="eoffice-file-category-label"
                data-automation-id="eoffice-create-file-category">
                @for (c of categories; track c.value) {
                  <mat-radio-button [value]="c.value">{{ choiceLabel(c) }}</mat-radio-button>
                }
              </mat-radio-group>
              @if (submitted() && error('recordCategory'); as e) {
                <span class="eoffice-create-file__field-error" role="alert">{{ e | translate }}</span>
              }
            </div>
            @if (takesYears()) {
              <mat-form-field>
                <mat-label>{{ 'EOFFICE.FILE.FIELDS.RETENTION_YEARS' | translate }}</mat-label>
                <input
                  matInput
                  type="number"
                  min="1"
                  [max]="yearsMax"
                  step="1"
                  formControlName="retentionYears"
                  data-automation-id="eoffice-create-file-years" />
                <mat-hint>{{ 'EOFFICE.FILE.FIELDS.RETENTION_YEARS_HINT' | translate: { max: yearsMax } }}</mat-hint>
                @if (error('retentionYears'); as e) {
                  <mat-error>{{ e | translate: { max: yearsMax } }}</mat-error>
                }
              </mat-form-field>
            }
          </div>
          @if (saveError()) {
            <div role="alert" class="eoffice-create-file__error" data-automation-id="eoffice-create-file-error">
              {{ saveError()! | translate }}
            </div>
          }
          @if (!embedded()) {
            <button mat-flat-button color="primary" type="submit" [disabled]="saving()" data-automation-id="eoffice-create-file-submit">
              @if (saving()) {
                <mat-progress-spinner mode="indeterminate" diameter="18" />
              }
              {{ 'EOFFICE.FILE.CREATE.SUBMIT' | translate }}
            </button>
          }
        </form>
      }
    </ng-template>
  `,
  styles: `
    .eoffice-create-file {
      padding: 16px 24px;
    }
    .eoffice-create-file__form {
      max-width: 960px;
    }
    .eoffice-create-file__grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 0 16px;
      margin: 16px 0;
    }
    .eoffice-create-file__wide {
      grid-column: 1 / -1;
    }
    .eoffice-create-file__number {
      display: flex;
      gap: 12px;
      align-items: baseline;
      font-size: 20px;
    }
    .eoffice-create-file__number-label {
      font-size: 14px;
      opacity: 0.7;
    }
    .eoffice-create-file__number-value {
      font-family: monospace;
      font-weight: 500;
    }
    .eoffice-create-file__radios {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 16px;
    }
    .eoffice-create-file__radios mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
    }
    .eoffice-create-file__error,
    .eoffice-create-file__field-error {
      color: var(--mat-sys-error, #b3261e);
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class CreateFileSmartComponent {
  private readonly files = inject(FileService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);

  /** Shown inside another page or dialog: no page layout, no submit button, nothing created here. */
  readonly embedded = input(false);
  /** Subject and section to start from (a section the officer's posts do not work in is not offered). */
  readonly prefill = input<FileDraftPrefill | null>(null);

  readonly subjectMax = SUBJECT_MAX;
  readonly urgencies = URGENCIES;
  readonly forms = RECEIPT_FORMS as Choice[];
  readonly categories = RECORD_CATEGORIES as Choice[];
  readonly yearsMax = RETENTION_YEARS_MAX;
  readonly form = inject(FormBuilder).nonNullable.group({
    section: ['', Validators.required],
    head: ['', Validators.required],
    subject: ['', Validators.required],
    recordCategory: ['', Validators.required],
    retentionYears: [null as number | null, [Validators.min(1), Validators.max(RETENTION_YEARS_MAX), Validators.pattern(/^\d+$/)]],
    form: ['electronic' as 'electronic' | 'physical'],
    urgency: ['Normal']
  });

  /** Reading the desk and the sections' heads; why they could not be (no post of the officer's, or a failure). */
  private readonly state = new LoadState({
    loading: true,
    reason: (error) => failureKey(error, 'EOFFICE.FILE.ERRORS.LOAD_FAILED', { ownKeys: true })
  });
  readonly loading = this.state.loading;
  readonly loadError = this.state.reason;
  readonly saving = signal(false);
  readonly saveError = signal<string | null>(null);
  readonly submitted = signal(false);
  readonly sections = signal<Choice[]>([]);
  private readonly allHeads = signal<Map<string, SubjectHead[]>>(new Map());
  private readonly department = signal('');
  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue())), {
    initialValue: this.form.getRawValue()
  });
  readonly lang = signal<'en' | 'hi'>('en');
  readonly heads = computed(() => this.allHeads().get(this.value().section ?? '') ?? []);
  /** Category C asks how many years the file is kept (A and B are permanent). */
  readonly takesYears = computed(() => categoryTakesYears(this.value().recordCategory ?? ''));
  /** What the officer typed to narrow the subject heads (code, or the name in English or Hindi). */
  readonly headFilter = signal('');
  /** The section's heads the filter matches; the chosen head stays listed, so the picker never shows it blank. */
  readonly shownHeads = computed(() => {
    const term = this.headFilter().trim().toLowerCase();
    if (!term) return this.heads();
    const chosen = this.value().head;
    const compact = term.replace(/[\s-]/g, '');
    return this.heads().filter((h) => {
      const code = headCode(h).toLowerCase();
      return (
        code === chosen?.toLowerCase() ||
        code.includes(term) ||
        (compact !== '' && code.replace(/-/g, '').includes(compact)) ||
        h.name.en.toLowerCase().includes(term) ||
        h.name.hi.includes(term)
      );
    });
  });
  /** The number as it will be: the serial is the repository's to grant. */
  readonly preview = computed(() => {
    const v = this.value();
    const head = v.head || '?-?????';
    return `${head}/…/${new Date().getFullYear()}-${v.section || '…'}-${this.department() || '…'}`;
  });

  constructor() {
    this.lang.set(this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en');
    this.form.controls.section.valueChanges.subscribe(() => this.form.controls.head.setValue(''));
    void this.load();
  }

  code(h: SubjectHead): string {
    return headCode(h);
  }

  choiceLabel(c: Choice): string {
    return labelOf([c], c.value, this.lang());
  }

  /** The problem of one field, once it was touched or the officer tried to save. */
  error(field: keyof FileDraft): string | null {
    const control = this.form.get(field);
    if (!this.submitted() && !control?.touched) return null;
    const draft = this.form.getRawValue() as FileDraft;
    const heads = this.heads();
    return validateFileDraft(draft, heads)[field] ?? null;
  }

  private async load(): Promise<void> {
    await this.state.run(
      async () => {
        const desk = await this.files.desk();
        if (!desk.posts.length) throw new Error('EOFFICE.FILE.ERRORS.NO_POST');
        const mine = [...new Set(desk.postEntries.map((p) => p.section).filter((s): s is string => !!s))];
        const codes = mine.length ? mine : desk.hierarchy.sections.map((s) => s.code);
        const sections = desk.hierarchy.sections
          .filter((s) => codes.includes(s.code))
          .map((s) => ({ value: s.code, en: `${s.name.en} (${s.code})`, hi: `${s.name.hi} (${s.code})` }));
        const heads = new Map<string, SubjectHead[]>();
        for (const s of sections) heads.set(s.value, await this.files.headsFor(s.value));
        return { desk, codes, sections, heads };
      },
      ({ desk, codes, sections, heads }) => {
        this.department.set(desk.hierarchy.department.code);
        this.allHeads.set(heads);
        this.sections.set(sections);
        const wanted = this.prefill()?.section;
        const section =
          wanted && codes.includes(wanted) ? wanted : codes.includes(desk.section) ? desk.section : (sections[0]?.value ?? '');
        this.form.controls.section.setValue(section);
        const subject = this.prefill()?.subject.trim();
        if (subject && !this.form.controls.subject.value) this.form.controls.subject.setValue(subject.slice(0, SUBJECT_MAX));
      }
    );
  }

  /** The draft as entered once it passes the checks; null (every problem then shown) while it does not. */
  validDraft(): FileDraft | null {
    if (this.loading() || this.loadError()) return null;
    this.submitted.set(true);
    this.form.markAllAsTouched();
    const draft = this.form.getRawValue() as FileDraft;
    return Object.keys(validateFileDraft(draft, this.heads())).length ? null : draft;
  }

  /** Creates the file once (the button is disabled while saving), then opens it. */
  async create(): Promise<void> {
    if (this.saving() || this.embedded()) return;
    const draft = this.validDraft();
    if (!draft) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const created = await this.files.create(draft);
      await this.router.navigate(['/eoffice/files', created.id]);
    } catch (e) {
      const message = (e as Error).message ?? '';
      this.saveError.set(message.startsWith('EOFFICE.') ? message : 'EOFFICE.FILE.ERRORS.CREATE_FAILED');
    } finally {
      this.saving.set(false);
    }
  }
}
