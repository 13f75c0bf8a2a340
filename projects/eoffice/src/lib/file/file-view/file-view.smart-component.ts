import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  HostListener,
  Injector,
  computed,
  inject,
  signal,
  viewChild
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ActivatedRoute } from '@angular/router';
import { PageLayoutComponent } from '@alfresco/aca-shared';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { map } from 'rxjs';
import {
  ITEM_STATUSES,
  RECORD_CATEGORIES,
  URGENCIES,
  ActionContext,
  Choice,
  Hierarchy,
  MovementActionCode,
  findPost,
  holdsItem,
  labelOf,
  officerTitle,
  postOfGroup,
  postTitle,
  ItemTask,
  MovementAction,
  refusalText
} from '@eoffice/domain';
import { MovementService } from '../../movement/services/movement.service';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { MovementsTimelineSmartComponent } from '../../movement/movements-timeline/movements-timeline.smart-component';
import { ItemNumberUiComponent } from '../../shared/layout/item-number.ui-component';
import { ActionRecipient, MovementActionsUiComponent } from '../../movement/movement-actions/movement-actions.ui-component';
import { FileExportButtonSmartComponent } from '../export/file-export-button.smart-component';
import { CorrespondencePanelUiComponent } from '../correspondence/correspondence-panel.ui-component';
import { NoteSigningService, type NoteSignatureView } from '../signatures/note-signing.service';
import { NotesheetSmartComponent } from '../notesheet/notesheet.smart-component';
import { NoteService } from '../notesheet/note.service';
import { HoldsUnsavedNote } from '../notesheet/unsaved-note.guard';
import { DraftsPanelSmartComponent } from '../drafts/drafts-panel.smart-component';
import { FileRecordSmartComponent } from '../../records/file-record/file-record.smart-component';
import { CorrespondenceEntry, EFile, NoteReference, correspondenceReference } from '../model/file.model';
import { FileService } from '../services/file.service';
import { LoadState, failureKey } from '../../shared/state/load-state';
import { LinkFileDialogData, LinkFileDialogSmartComponent } from '../link/link-file-dialog.smart-component';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

type RightTab = 'correspondence' | 'drafts' | 'movements';
const RIGHT_TABS: RightTab[] = ['correspondence', 'drafts', 'movements'];

/**
 * Begins reading a file and listing its notes (with the first notes' texts) as the router activates the file's
 * address (eoffice.routes.ts, startFile), before this view is created; its load() takes both readings. The notes
 * are asked for first: the repository answers in turn, and the first notes' texts, which wait for that answer,
 * are the last thing the first screen waits for (first-screen bench: they were asked for after the file view
 * had been drawn with the file, and came after the notesheet was on the page).
 */
export function prefetchFile(injector: Injector, fileId: string): void {
  injector.get(NoteService).prefetch(fileId);
  injector.get(FileService).prefetch(fileId);
}

/**
 * The e-File: notes on the left, correspondence on the right, as in NIC eOffice. Both sides scroll on
 * their own; the divider is dragged (or moved with the arrow keys) to give either side more room; narrow
 * screens get tabs instead. The toolbar offers only what the officer's task on the file allows — the
 * repository refuses everything else anyway.
 */
@Component({
  selector: 'eoffice-file-view-page',
  imports: [
    PageLayoutComponent,
    NgTemplateOutlet,
    TranslatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTabsModule,
    MatTooltipModule,
    MatMenuModule,
    RouterLink,
    MovementsTimelineSmartComponent,
    MovementActionsUiComponent,
    FileExportButtonSmartComponent,
    CorrespondencePanelUiComponent,
    NotesheetSmartComponent,
    DraftsPanelSmartComponent,
    ItemNumberUiComponent,
    FileRecordSmartComponent
  ],
  templateUrl: './file-view.smart-component.html',
  styleUrl: './file-view.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class FileViewSmartComponent implements HoldsUnsavedNote {
  private readonly files = inject(FileService);
  private readonly noteService = inject(NoteService);
  private readonly movement = inject(MovementService);
  private readonly marking = inject(MarkingDialogService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly timeline = viewChild(MovementsTimelineSmartComponent);
  private readonly notesheet = viewChild(NotesheetSmartComponent);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly signing = inject(NoteSigningService);
  /** The signed issued letters' signature states (the correspondence shows them), by node id. */
  readonly letterSignatures = signal<ReadonlyMap<string, NoteSignatureView>>(new Map());

  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false }
  );

  readonly file = signal<EFile | null>(null);
  readonly correspondence = signal<CorrespondenceEntry[]>([]);
  readonly selectedEntry = signal<string | null>(null);
  readonly task = signal<ItemTask | null>(null);
  /** Reading the file; why it could not be read (a translation key): a refusal, a file not there, or a failure. */
  private readonly state = new LoadState({
    loading: true,
    reason: (error) =>
      failureKey(error, 'EOFFICE.FILE.ERRORS.LOAD_FAILED', {
        byStatus: { 403: 'EOFFICE.FILE.ERRORS.NO_ACCESS', 404: 'EOFFICE.FILE.ERRORS.NOT_FOUND' }
      })
  });
  readonly loading = this.state.loading;
  readonly failed = this.state.reason;
  readonly actionError = signal<string | null>(null);
  readonly busy = signal(false);
  readonly rightTab = signal<RightTab>('correspondence');
  /** Width of the notes side, in percent of the split. */
  readonly notesWidth = signal(Number(localStorage.getItem('eoffice.file.notesWidth')) || 50);
  readonly narrowTab = signal(0);
  private readonly myPosts = signal<string[]>([]);
  /** Linked files and the main file of a part file, by number. */
  readonly related = signal<{ linked: { id: string; fileNumber: string }[]; main?: { id: string; fileNumber: string } }>({ linked: [] });
  private hierarchy?: Hierarchy;

  readonly references = computed<NoteReference[]>(() => this.correspondence().map(correspondenceReference));
  /** What decides the movement actions offered (domain/movement-actions.ts): the file, the officer's posts and task. */
  readonly actionContext = computed<ActionContext>(() => {
    const file = this.file();
    const posts = this.myPosts();
    return {
      kind: 'file',
      status: file?.status ?? '',
      task: file ? (this.task()?.kind ?? null) : null,
      postHolds: !!file && posts.includes(file.currentHolder),
      postOriginated: !!file && posts.includes(file.originPost),
      returnsTo: !!file && !!this.sendBackTitle(file)
    };
  });
  /** The officer's post holds the file: its task, or a new file not moved yet that it opened. */
  readonly holds = computed(() => !!this.file() && holdsItem(this.actionContext()));
  /** Whom Send back returns the file to, for its button and tooltip. */
  readonly sendBackRecipient = computed<ActionRecipient | null>(() => {
    const file = this.file();
    const full = file ? this.sendBackTitle(file) : '';
    return file && full ? { short: this.sendBackShort(file), full } : null;
  });
  /** Alt+S sends the file (sendShortcut): Send's tooltip says so. */
  readonly actionHints = { send: 'EOFFICE.FILE.VIEW.SEND_SHORTCUT' };
  readonly rightTabIndex = computed(() => RIGHT_TABS.indexOf(this.rightTab()));
  private id = '';

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((params) => {
        this.id = params.get('fileId') ?? '';
        void this.load();
      });
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  label(list: Choice[], value?: string): string {
    return labelOf(list, value, this.lang) || '—';
  }

  readonly lists = { statuses: ITEM_STATUSES as Choice[], urgencies: URGENCIES, categories: RECORD_CATEGORIES as Choice[] };

  holderTitle(group: string): string {
    const post = this.hierarchy ? postOfGroup(this.hierarchy, group) : undefined;
    return post && this.hierarchy ? officerTitle(this.hierarchy, post, this.lang) : group;
  }

  /** Whom Send back returns the file to (eo:returnTo), as the officer reads it; '' when nobody sent it here. */
  sendBackTitle(file: EFile): string {
    const post = file.returnTo && this.hierarchy ? findPost(this.hierarchy, file.returnTo) : undefined;
    return post && this.hierarchy ? officerTitle(this.hierarchy, post, this.lang) : '';
  }

  /**
   * Whom Send back returns the file to, short enough for the button: the officer's name ("Priya Nair"), or
   * the post when the hierarchy names nobody ("Section Officer (Establishment)"). The tooltip and the
   * dialog give the full "Name (Designation, Section)".
   */
  sendBackShort(file: EFile): string {
    const post = file.returnTo && this.hierarchy ? findPost(this.hierarchy, file.returnTo) : undefined;
    return post && this.hierarchy ? post.incumbentName?.[this.lang] || postTitle(this.hierarchy, post, this.lang) : '';
  }

  /** Reads the file, its correspondence and links, and opens the officer's task on it; the file shown stays while it reads again. */
  async load(): Promise<void> {
    // Opening a file (not reading it again after a movement): its notes are listed beside the file's own
    // reading, for the notesheet to take when it opens (NoteService.prefetch).
    if (this.file()?.id !== this.id) this.noteService.prefetch(this.id);
    await this.state.run(
      () => Promise.all([this.files.get(this.id), this.files.desk()]),
      async ([file, desk]) => {
        this.hierarchy = desk.hierarchy;
        this.myPosts.set(desk.posts);
        this.file.set(file);
        await Promise.all([this.reloadCorrespondence(), this.loadRelated(file)]);
        // Opening the file claims the officer's holder task: the sender can no longer pull it back.
        this.task.set(
          await this.movement
            .openItem(file.id, { currentHolder: file.currentHolder, pendingApprover: file.pendingApprover ?? '' })
            .catch(() => null)
        );
      }
    );
  }

  private async loadRelated(file: EFile): Promise<void> {
    const ids = [...file.linkedFiles, ...(file.partOf ? [file.partOf] : [])];
    const found = ids.length ? await this.files.summaries(ids).catch(() => []) : [];
    this.related.set({ linked: found.filter((f) => file.linkedFiles.includes(f.id)), main: found.find((f) => f.id === file.partOf) });
  }

  /** Links other files to this one (they stay independent and move separately). */
  async linkFiles(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const ref = this.dialog.open<LinkFileDialogSmartComponent, LinkFileDialogData, EFile | undefined>(LinkFileDialogSmartComponent, {
      data: { file },
      width: '640px'
    });
    const updated = await firstValueFrom(ref.afterClosed());
    if (updated) {
      this.file.set(updated);
      await this.loadRelated(updated);
    }
  }

  /** Opens a part file to act on one issue while this file is elsewhere. */
  async openPartFile(): Promise<void> {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      const part = await this.files.createPartFile(file);
      await this.router.navigate(['/eoffice/files', part.id]);
    } catch {
      this.actionError.set(this.translate.instant('EOFFICE.FILE.ERRORS.CREATE_FAILED'));
    } finally {
      this.busy.set(false);
    }
  }

  async reloadCorrespondence(): Promise<void> {
    const entries = await this.files.correspondence(this.id).catch(() => []);
    this.correspondence.set(entries);
    if (!entries.some((e) => e.id === this.selectedEntry())) this.selectedEntry.set(entries[entries.length - 1]?.id ?? null);
    // Each signed letter's state as its check ends; the list shows meanwhile (a failed check shows none).
    const fileId = this.id;
    this.letterSignatures.set(new Map());
    void this.signing
      .checkLetters(entries, (id, view) => {
        if (this.id === fileId) this.letterSignatures.update((m) => new Map(m).set(id, view));
      })
      .catch(() => undefined);
  }

  /** A reference clicked in a note opens the item on the right. */
  openReference(ref: NoteReference): void {
    if (ref.kind !== 'correspondence') return;
    this.selectedEntry.set(ref.id);
    this.rightTab.set('correspondence');
    if (this.narrow()) this.narrowTab.set(1);
  }

  selectEntry(entry: CorrespondenceEntry): void {
    this.selectedEntry.set(entry.id);
  }

  async issued(): Promise<void> {
    await this.reloadCorrespondence();
  }

  /** The action chosen in the movement bar: a decision, a reopening, or a step through the marking dialog. */
  async onAction(code: MovementActionCode): Promise<void> {
    if (code === 'approve' || code === 'refuse') await this.decide(code);
    else if (code === 'reopen') await this.reopen();
    else if (code !== 'transferOfCharge') await this.mark(code);
  }

  async mark(action: MovementAction): Promise<void> {
    const file = this.file();
    if (!file) return;
    // Once the file has gone, a note still in the editor could not be saved any more: ask first.
    const leave = action === 'park' || action === 'unpark' || this.mayLeave();
    if (leave !== true && !(await leave)) return;
    const done = await this.marking.open({
      itemId: file.id,
      itemKind: 'file',
      label: `${file.fileNumber} – ${file.subject}`,
      action,
      holder: file.currentHolder,
      heldSince: file.heldSince,
      ...(action === 'sendBack' && { sendBackTo: this.sendBackTitle(file) })
    });
    if (done) await this.afterMovement();
  }

  /** Approves or refuses the close (or reopen) request waiting with the officer. */
  async decide(decision: 'approve' | 'refuse'): Promise<void> {
    await this.run(() => this.movement.decide(this.id, decision));
  }

  async reopen(): Promise<void> {
    const file = this.file();
    if (!file) return;
    const mine = this.myPosts();
    const group = mine.includes(file.currentHolder) ? file.currentHolder : file.originPost;
    const post = this.hierarchy ? postOfGroup(this.hierarchy, group) : undefined;
    await this.run(() => this.movement.reopen(file.id, post?.code ?? group));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    try {
      await action();
      await this.afterMovement();
    } catch (error) {
      this.actionError.set(refusalText(error, (key) => this.translate.instant(key)));
    } finally {
      this.busy.set(false);
    }
  }

  private async afterMovement(): Promise<void> {
    await this.load();
    void this.timeline()?.reload();
  }

  /** Leaving the file (routes' unsavedNoteGuard, a movement): asks first when a note is being written and not saved. */
  mayLeave(): Promise<boolean> | boolean {
    return this.notesheet()?.mayLeave() ?? true;
  }

  selectRightTab(index: number): void {
    this.rightTab.set(RIGHT_TABS[index] ?? 'correspondence');
  }

  /** Alt+S sends the file on (when the officer holds it): noting and sending without the mouse. */
  @HostListener('document:keydown.alt.s', ['$event'])
  sendShortcut(event: Event): void {
    if (!this.holds()) return;
    event.preventDefault();
    void this.mark('send');
  }

  // ---- the divider between notes and correspondence

  private dragging = false;

  startResize(event: PointerEvent): void {
    this.dragging = true;
    (event.target as HTMLElement).setPointerCapture?.(event.pointerId);
    event.preventDefault();
  }

  resize(event: PointerEvent): void {
    if (!this.dragging) return;
    const split = (this.host.nativeElement as HTMLElement).querySelector('.eoffice-file-view__split') as HTMLElement | null;
    if (!split) return;
    const box = split.getBoundingClientRect();
    this.setNotesWidth(((event.clientX - box.left) / box.width) * 100);
  }

  endResize(): void {
    this.dragging = false;
  }

  resizeByKey(event: KeyboardEvent): void {
    const step = event.key === 'ArrowLeft' ? -5 : event.key === 'ArrowRight' ? 5 : 0;
    if (!step) return;
    event.preventDefault();
    this.setNotesWidth(this.notesWidth() + step);
  }

  private setNotesWidth(percent: number): void {
    const clamped = Math.round(Math.min(80, Math.max(20, percent)));
    this.notesWidth.set(clamped);
    localStorage.setItem('eoffice.file.notesWidth', String(clamped));
  }
}
