import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { LoadState } from '../../shared/state/load-state';
import { RecordCategory, RetentionStep, ScheduleDraft, StepChange, StepDraft, stepInWords } from '../records.model';
import { Refusal, recordsFailure, recordsWords, refusalOf } from '../records-failure';
import { RecordsService } from '../records.service';
import { AddStepFormUiComponent } from './add-step-form.ui-component';
import { EditStepFormUiComponent } from './edit-step-form.ui-component';
import { NewScheduleFormUiComponent } from './new-schedule-form.ui-component';
import { RecordFoldersSmartComponent } from './record-folders.smart-component';

/**
 * The file plan as a tree: each record category, its sub-categories indented below it (C-1 … C-10 under C),
 * each with the retention schedule that governs it, the steps in order and in words ("Cut off when the case
 * is closed", "Keep 5 years after cut-off", "Destroy"), and a step added at the end of a category's own
 * schedule within AGS's rules; below each category, its record folders (RecordFoldersSmartComponent). A
 * sub-category without a schedule of its own follows its parent's, which is edited where it is set; a
 * category without one (or following its parent's) may be given its own. The department's schedules are
 * made by the installer from config/retention.
 */
@Component({
  selector: 'eoffice-file-plan-page',
  imports: [
    NgTemplateOutlet,
    PageLayoutComponent,
    TranslatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    AddStepFormUiComponent,
    EditStepFormUiComponent,
    NewScheduleFormUiComponent,
    RecordFoldersSmartComponent
  ],
  template: `
    <aca-page-layout>
      <div class="aca-page-layout-header">
        <h1 class="eoffice-page-title">{{ 'EOFFICE.RECORDS.FILE_PLAN.TITLE' | translate }}</h1>
      </div>
      <div class="aca-page-layout-content">
        <div class="aca-main-content aca-scrollable eoffice-records-page">
          @if (state.loading()) {
            <mat-progress-bar mode="indeterminate" data-automation-id="eoffice-records-loading" />
          }
          @if (state.failed()) {
            <div role="alert" class="eoffice-records-error" data-automation-id="eoffice-records-error">
              {{ state.reason() ?? 'EOFFICE.RECORDS.FILE_PLAN.LOAD_FAILED' | translate }}
              <button mat-button type="button" (click)="load()">{{ 'EOFFICE.RECORDS.RETRY' | translate }}</button>
            </div>
          } @else if (!state.loading() && !categories().length) {
            <p data-automation-id="eoffice-records-empty">{{ 'EOFFICE.RECORDS.FILE_PLAN.EMPTY' | translate }}</p>
          }
          @for (category of categories(); track category.id) {
            <section
              class="eoffice-records-category"
              [class.eoffice-records-category--sub]="!!category.depth"
              [style.margin-inline-start.px]="(category.depth ?? 0) * 24"
              [attr.data-depth]="category.depth ?? 0"
              data-automation-id="eoffice-records-category">
              @if (category.depth) {
                <h3>{{ category.name }}</h3>
              } @else {
                <h2>{{ category.name }}</h2>
              }
              @if (category.inheritedFrom) {
                <p class="eoffice-records-category__meta" data-automation-id="eoffice-records-inherited">
                  {{ 'EOFFICE.RECORDS.FILE_PLAN.INHERITED' | translate: { parent: category.inheritedFrom } }}
                </p>
                <ng-container *ngTemplateOutlet="ownSchedule; context: { $implicit: category }" />
              } @else if (category.schedule; as schedule) {
                <p class="eoffice-records-category__meta">
                  @if (schedule.authority) {
                    {{ 'EOFFICE.RECORDS.FILE_PLAN.AUTHORITY' | translate: { authority: schedule.authority } }} ·
                  }
                  {{
                    (schedule.isRecordLevel ? 'EOFFICE.RECORDS.FILE_PLAN.RECORD_LEVEL' : 'EOFFICE.RECORDS.FILE_PLAN.FOLDER_LEVEL')
                      | translate
                  }}
                </p>
                @if (schedule.instructions) {
                  <p>{{ schedule.instructions }}</p>
                }
                @if (schedule.steps.length) {
                  <ol data-automation-id="eoffice-records-steps">
                    @for (step of schedule.steps; track step.id) {
                      <li>
                        <span data-automation-id="eoffice-records-step">{{ inWords(step) }}</span>
                        @if (editing()?.stepId === step.id) {
                          <eoffice-edit-step-form
                            [step]="step"
                            [removable]="editing()?.removable ?? false"
                            [busy]="sending()"
                            [refusal]="refusal()"
                            (save)="saveStep(category, step, $event)"
                            (remove)="removeStep(category, step)"
                            (cancelled)="editing.set(null)" />
                        } @else {
                          <button
                            mat-icon-button
                            type="button"
                            (click)="startEditing(category, step)"
                            [attr.aria-label]="'EOFFICE.RECORDS.FILE_PLAN.EDIT_STEP' | translate"
                            data-automation-id="eoffice-records-edit-step">
                            <mat-icon>edit</mat-icon>
                          </button>
                        }
                      </li>
                    }
                  </ol>
                } @else {
                  <p>{{ 'EOFFICE.RECORDS.FILE_PLAN.NO_STEPS' | translate }}</p>
                }
                @if (adding() === category.id) {
                  <eoffice-add-step-form
                    [steps]="schedule.steps"
                    [recordLevel]="schedule.isRecordLevel"
                    [busy]="sending()"
                    [refusal]="refusal()"
                    (add)="addStep(category, $event)"
                    (cancelled)="adding.set(null)" />
                } @else {
                  <button mat-stroked-button type="button" (click)="startAdding(category)" data-automation-id="eoffice-records-add-step">
                    <mat-icon>add</mat-icon>{{ 'EOFFICE.RECORDS.FILE_PLAN.ADD_STEP' | translate }}
                  </button>
                }
              } @else {
                <p data-automation-id="eoffice-records-no-schedule">{{ 'EOFFICE.RECORDS.FILE_PLAN.NO_SCHEDULE' | translate }}</p>
                <ng-container *ngTemplateOutlet="ownSchedule; context: { $implicit: category }" />
              }
              <eoffice-record-folders [categoryId]="category.id" />
            </section>
          }
          <ng-template #ownSchedule let-category>
            @if (scheduling() === category.id) {
              <eoffice-new-schedule-form
                [busy]="sending()"
                [refusal]="refusal()"
                (create)="createSchedule(category, $event)"
                (cancelled)="scheduling.set(null)" />
            } @else {
              <button
                mat-stroked-button
                type="button"
                (click)="startScheduling(category)"
                data-automation-id="eoffice-records-new-schedule">
                <mat-icon>playlist_add</mat-icon>{{ 'EOFFICE.RECORDS.FILE_PLAN.NEW_SCHEDULE' | translate }}
              </button>
            }
          </ng-template>
          @if (scheduled()) {
            <p role="status" data-automation-id="eoffice-records-schedule-created">
              {{ 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_CREATED' | translate }}
            </p>
          }
          @if (changed(); as key) {
            <p role="status" data-automation-id="eoffice-records-step-changed">{{ key | translate }}</p>
          }
          @if (added()) {
            <p role="status" data-automation-id="eoffice-records-step-added">{{ 'EOFFICE.RECORDS.FILE_PLAN.ADDED' | translate }}</p>
          }
        </div>
      </div>
    </aca-page-layout>
  `,
  styleUrls: ['../../shared/layout/page-header.scss', '../records-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class FilePlanSmartComponent {
  private readonly records = inject(RecordsService);
  private readonly translate = inject(TranslateService);
  private readonly words = recordsWords((key, params) => this.translate.instant(key, params));

  readonly state = new LoadState({ loading: true, reason: recordsFailure('EOFFICE.RECORDS.FILE_PLAN.LOAD_FAILED') });
  readonly categories = signal<RecordCategory[]>([]);
  /** The category whose schedule is being given a step. */
  readonly adding = signal<string | null>(null);
  readonly sending = signal(false);
  readonly refusal = signal<Refusal | null>(null);
  readonly added = signal(false);
  /** The category being given a schedule of its own. */
  readonly scheduling = signal<string | null>(null);
  readonly scheduled = signal(false);
  /** The step being changed, and whether AGS still allows removing steps of its schedule. */
  readonly editing = signal<{ stepId: string; removable: boolean } | null>(null);
  /** What the last change or removal did (its status line's key). */
  readonly changed = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  load(): Promise<boolean> {
    return this.state.run(
      () => this.records.categories(),
      (categories) => this.categories.set(categories),
      () => this.categories.set([])
    );
  }

  inWords(step: RetentionStep): string {
    return stepInWords(step, this.words);
  }

  startAdding(category: RecordCategory): void {
    this.refusal.set(null);
    this.added.set(false);
    this.scheduling.set(null);
    this.adding.set(category.id);
  }

  /**
   * Opens a step for change. The category the schedule is set on is asked (an inherited schedule is edited
   * there too, as AGS's web scripts answer the inherited one); whether steps may be removed is AGS's answer.
   */
  async startEditing(category: RecordCategory, step: RetentionStep): Promise<void> {
    this.refusal.set(null);
    this.changed.set(null);
    this.adding.set(null);
    const removable = await this.records.canRemoveSteps(category.id).catch(() => false);
    this.editing.set({ stepId: step.id, removable });
  }

  /** Sends the change through AGS's web script; the schedule is read again so the steps read as AGS holds them. */
  async saveStep(category: RecordCategory, step: RetentionStep, change: StepChange): Promise<void> {
    await this.changeSchedule(
      category,
      () => this.records.updateStep(category.id, step.id, change),
      'EOFFICE.RECORDS.FILE_PLAN.STEP_SAVED'
    );
  }

  async removeStep(category: RecordCategory, step: RetentionStep): Promise<void> {
    await this.changeSchedule(category, () => this.records.removeStep(category.id, step.id), 'EOFFICE.RECORDS.FILE_PLAN.STEP_REMOVED');
  }

  private async changeSchedule(category: RecordCategory, send: () => Promise<void>, done: string): Promise<void> {
    this.sending.set(true);
    this.refusal.set(null);
    try {
      await send();
      this.editing.set(null);
      this.changed.set(done);
      // Categories following this schedule show the change too: the file plan is read again.
      await this.load();
    } catch (error) {
      this.refusal.set(refusalOf(error, 'EOFFICE.RECORDS.FILE_PLAN.EDIT_FAILED'));
    } finally {
      this.sending.set(false);
    }
  }

  startScheduling(category: RecordCategory): void {
    this.refusal.set(null);
    this.scheduled.set(false);
    this.adding.set(null);
    this.scheduling.set(category.id);
  }

  /**
   * Sends the schedule; on success the file plan is read again (the categories below may have followed the
   * parent's schedule until now), and the new schedule is there to be given its steps.
   */
  async createSchedule(category: RecordCategory, draft: ScheduleDraft): Promise<void> {
    this.sending.set(true);
    this.refusal.set(null);
    try {
      await this.records.createSchedule(category.id, draft);
      this.scheduling.set(null);
      this.scheduled.set(true);
      await this.load();
    } catch (error) {
      this.refusal.set(refusalOf(error, 'EOFFICE.RECORDS.FILE_PLAN.SCHEDULE_FAILED'));
    } finally {
      this.sending.set(false);
    }
  }

  /** Sends the step; on success the schedule is read again (AGS numbers the steps), on refusal its words are shown. */
  async addStep(category: RecordCategory, draft: StepDraft): Promise<void> {
    if (!category.schedule) return;
    this.sending.set(true);
    this.refusal.set(null);
    try {
      await this.records.addStep(category.schedule.id, draft);
      const schedule = await this.records.schedule(category.id);
      this.categories.update((all) => all.map((c) => (c.id === category.id ? { ...c, schedule } : c)));
      this.adding.set(null);
      this.added.set(true);
    } catch (error) {
      this.refusal.set(refusalOf(error, 'EOFFICE.RECORDS.FILE_PLAN.FAILED'));
    } finally {
      this.sending.set(false);
    }
  }
}
