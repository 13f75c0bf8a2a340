import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { QuillEditorComponent, QuillModules } from 'ngx-quill';
import { firstValueFrom } from 'rxjs';
import { DeskService, Desk } from '../../desk/desk.service';
import { DISPATCH_STATUSES, DRAFT_STATUSES, MovementRefusal, labelOf, postOfGroup, postTitle, refusalText } from '@eoffice/domain';
import { CorrespondenceEntry, EFile } from '../model/file.model';
import { Dispatch, DispatchRequest, Draft, DraftAction, DraftError, allowedActions } from './draft.model';
import { NoteSigningService, type NoteSignatureView } from '../signatures/note-signing.service';
import { SignatureStateUiComponent } from '../signatures/signature-state.ui-component';
import { SignNoteDialogSmartComponent } from '../signatures/sign-note-dialog.smart-component';
import { sanitiseDraftHtml } from './draft-sanitiser';
import { DRAFT_LANGUAGES, DRAFT_TEMPLATES, DraftLanguage } from './draft-templates';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { DraftService } from './draft.service';
import { DispatchDialogData, DispatchDialogSmartComponent } from './dispatch-dialog/dispatch-dialog.smart-component';

const APPROVAL_RECORDED = 'EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_RECORDED';

/** The part of Quill the panel uses (ngx-quill hands the editor over on creation). */
interface QuillLike {
  root: HTMLElement;
  on(event: 'editor-change', handler: () => void): unknown;
  getSelection(focus?: boolean): { index: number; length: number } | null;
  getFormat(range?: { index: number; length: number } | null): Record<string, unknown>;
  format(name: string, value: unknown, source?: 'user'): unknown;
}

interface ToolbarButton {
  /** Under EOFFICE.FILE.DRAFTS.TOOLBAR. */
  key: string;
  icon: string;
  format: string;
  value: unknown;
  shortcut?: string;
}

/** What the preview pane shows besides the editor: one version, or the current text beside the approved one. */
type Preview =
  | { kind: 'version'; label: string; html: string }
  | { kind: 'compare'; current: string; approved: string; approvedLabel: string };

/**
 * Drafts for approval of one file: list with status, versions (the approved one marked), an editor for
 * the current version, and the actions the draft's status and the officer's post allow. Dispatching
 * emits the office copy so that the file view refreshes its correspondence.
 */
@Component({
  selector: 'eoffice-drafts-panel',
  imports: [
    FormsModule,
    EofficeDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTooltipModule,
    QuillEditorComponent,
    SignatureStateUiComponent,
    TranslatePipe
  ],
  templateUrl: './drafts-panel.smart-component.html',
  styleUrl: './drafts-panel.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class DraftsPanelSmartComponent {
  private readonly drafts = inject(DraftService);
  private readonly deskService = inject(DeskService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly signing = inject(NoteSigningService);

  readonly file = input.required<EFile>();
  /** The office copy of a letter just issued: the file view refreshes its correspondence. */
  readonly issued = output<CorrespondenceEntry>();
  readonly openDraft = output<Draft>();

  readonly list = signal<Draft[]>([]);
  readonly dispatches = signal<Dispatch[]>([]);
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => this.list().find((d) => d.id === this.selectedId()) ?? null);
  readonly desk = signal<Desk | null>(null);
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly notice = signal<string | null>(null);
  readonly preview = signal<Preview | null>(null);
  readonly choosingTemplate = signal(false);
  /**
   * Each approved draft's approval signature, by draft id, as the notesheet shows a note's: checked after the
   * list shows (absent while the check runs); "not digitally signed" only where the department requires it.
   */
  readonly approvalSignatures = signal<ReadonlyMap<string, NoteSignatureView>>(new Map());
  readonly approvalsRequired = signal(false);
  /** Discarding is final: the panel asks once more. */
  readonly confirmingDiscard = signal(false);

  /** Editor text of the selected draft's current version, and whether the officer changed it. */
  readonly html = signal('');
  readonly dirty = signal(false);
  comment = '';
  newKind = DRAFT_TEMPLATES[0].kind;
  newLanguage: DraftLanguage = 'en';

  readonly templates = DRAFT_TEMPLATES;
  readonly languages = DRAFT_LANGUAGES;
  /** What the editor may produce: the sanitiser's allow-list, nothing more. */
  readonly editorFormats = ['bold', 'italic', 'underline', 'header', 'list', 'align'];
  /**
   * No Quill toolbar (the Material one in the template is translated and keyboard reachable), and none
   * of Quill's Tab handling: Tab and Shift+Tab move the focus, so keyboard users are never trapped.
   */
  readonly editorModules: QuillModules = {
    toolbar: false,
    keyboard: {
      bindings: { tab: false, indent: false, outdent: false, 'remove tab': false, 'indent code-block': false, 'outdent code-block': false }
    }
  };
  readonly toolbar: ToolbarButton[] = [
    { key: 'BOLD', icon: 'format_bold', format: 'bold', value: true, shortcut: 'Control+B' },
    { key: 'ITALIC', icon: 'format_italic', format: 'italic', value: true, shortcut: 'Control+I' },
    { key: 'UNDERLINE', icon: 'format_underlined', format: 'underline', value: true, shortcut: 'Control+U' },
    { key: 'HEADING', icon: 'title', format: 'header', value: 2 },
    { key: 'ORDERED', icon: 'format_list_numbered', format: 'list', value: 'ordered' },
    { key: 'BULLET', icon: 'format_list_bulleted', format: 'list', value: 'bullet' },
    { key: 'CENTER', icon: 'format_align_center', format: 'align', value: 'center' },
    { key: 'RIGHT', icon: 'format_align_right', format: 'align', value: 'right' }
  ];
  /** Formats at the cursor, for the toolbar's pressed states. */
  readonly formatsAtCursor = signal<Record<string, unknown>>({});
  private editor?: QuillLike;

  /** Approval is for the post holding the file, at Section Officer level (2) or above. */
  readonly canApprove = computed(() => {
    const desk = this.desk();
    const file = this.file();
    if (!desk || !file.canWrite || !desk.posts.includes(file.currentHolder)) return false;
    return (postOfGroup(desk.hierarchy, file.currentHolder)?.level ?? 0) >= 2;
  });

  readonly actions = computed<DraftAction[]>(() => {
    const draft = this.selected();
    // What the repository allows on the draft (its allowableOperations, read with it) decides too: see allowedActions.
    return draft ? allowedActions(draft, { canWrite: this.file().canWrite, canApprove: this.canApprove() }) : [];
  });

  constructor() {
    effect(() => {
      const file = this.file();
      untracked(() => void this.load(file.id));
    });
    this.deskService.desk().then(
      (desk) => this.desk.set(desk),
      () => this.desk.set(null)
    );
  }

  get lang(): 'en' | 'hi' {
    return this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
  }

  can(action: DraftAction): boolean {
    return this.actions().includes(action);
  }

  statusLabel(status: string): string {
    return labelOf(DRAFT_STATUSES, status, this.lang);
  }

  dispatchStatusLabel(status: string): string {
    return labelOf(DISPATCH_STATUSES, status, this.lang);
  }

  templateName(kind: string): string {
    return this.templates.find((t) => t.kind === kind)?.name[this.lang] ?? kind;
  }

  postName(group?: string): string {
    const desk = this.desk();
    const post = desk && group ? postOfGroup(desk.hierarchy, group) : undefined;
    return post && desk ? postTitle(desk.hierarchy, post, this.lang) : (group ?? '');
  }

  /** Reads the file's drafts and dispatches, and selects `keep` again (else the draft being worked on). */
  async load(fileId = this.file().id, keep = this.selectedId()): Promise<void> {
    const file = this.file();
    if (file.id !== fileId) return;
    await this.state.run(
      () => Promise.all([this.drafts.list(file), this.drafts.listDispatches(file)]),
      async ([drafts, dispatches]) => {
        this.list.set(drafts);
        this.dispatches.set(dispatches);
        void this.checkApprovals(file, drafts);
        const next =
          drafts.find((d) => d.id === keep) ?? drafts.find((d) => d.status !== 'discarded' && d.status !== 'issued') ?? drafts[0];
        await this.select(next ?? null);
      },
      // The panel's one message line says why, for a read as for an action.
      (error) => this.fail(error)
    );
  }

  /** The approval signatures' states; a check that fails leaves them out (the drafts still show). */
  private async checkApprovals(file: EFile, drafts: Draft[]): Promise<void> {
    try {
      const [states, required] = await Promise.all([this.signing.checkApprovals(file, drafts), this.signing.signedApprovalsRequired()]);
      if (this.file().id !== file.id) return;
      this.approvalsRequired.set(required);
      this.approvalSignatures.set(states);
    } catch {
      this.approvalSignatures.set(new Map());
    }
  }

  /** The approval's signature to show for a draft, or undefined when there is none to show. */
  approvalSignature(draft: Draft): NoteSignatureView | undefined {
    const view = this.approvalSignatures().get(draft.id);
    return view && (view.status !== 'unsigned' || this.approvalsRequired()) ? view : undefined;
  }

  async select(draft: Draft | null): Promise<void> {
    this.selectedId.set(draft?.id ?? null);
    this.preview.set(null);
    this.confirmingDiscard.set(false);
    this.dirty.set(false);
    this.comment = '';
    this.html.set('');
    if (!draft) return;
    try {
      this.html.set(await this.drafts.content(draft.id));
      this.dirty.set(false);
    } catch (error) {
      this.fail(error);
    }
  }

  /** The editable area itself is what screen readers and keyboard users land on: name it. */
  editorCreated(editor: QuillLike): void {
    this.editor = editor;
    editor.on('editor-change', () => {
      const range = editor.getSelection();
      if (range) this.formatsAtCursor.set(editor.getFormat(range));
    });
    editor.root.setAttribute('role', 'textbox');
    editor.root.setAttribute('aria-multiline', 'true');
    editor.root.setAttribute('aria-label', this.translate.instant('EOFFICE.FILE.DRAFTS.EDITOR'));
    editor.root.setAttribute('data-test', 'draft-editor-text');
  }

  /** Applies or removes a toolbar format where the cursor is (block formats on its lines). */
  applyFormat(button: ToolbarButton): void {
    const editor = this.editor;
    if (!editor) return;
    const range = editor.getSelection(true);
    const on = this.isActive(button);
    editor.format(button.format, on ? false : button.value, 'user');
    this.formatsAtCursor.set(editor.getFormat(range));
  }

  isActive(button: ToolbarButton): boolean {
    const current = this.formatsAtCursor()[button.format];
    return button.value === true ? !!current : current === button.value;
  }

  /** A draft chosen by the officer (not the one selected on loading). */
  choose(draft: Draft): void {
    void this.select(draft);
    this.openDraft.emit(draft);
  }

  onEdited(html: string | null): void {
    this.html.set(html ?? '');
    this.dirty.set(true);
  }

  async showVersion(label: string): Promise<void> {
    const draft = this.selected();
    if (!draft) return;
    await this.run(async () => {
      this.preview.set({ kind: 'version', label, html: await this.drafts.content(draft.id, label) });
    });
  }

  /** The current text beside the approved one: what changed since approval. */
  async compareWithApproved(): Promise<void> {
    const draft = this.selected();
    if (!draft?.approvedVersion) return;
    const approvedLabel = draft.approvedVersion;
    await this.run(async () => {
      const [current, approved] = await Promise.all([this.drafts.content(draft.id), this.drafts.content(draft.id, approvedLabel)]);
      this.preview.set({ kind: 'compare', current, approved, approvedLabel });
    });
  }

  closePreview(): void {
    this.preview.set(null);
  }

  async create(): Promise<void> {
    await this.run(async () => {
      const draft = await this.drafts.create(this.file(), { kind: this.newKind, language: this.newLanguage });
      this.choosingTemplate.set(false);
      this.notice.set(this.translate.instant('EOFFICE.FILE.DRAFTS.CREATED', { number: draft.number }));
      await this.load(this.file().id, draft.id);
    });
  }

  async saveVersion(): Promise<void> {
    const draft = this.selected();
    if (!draft) return;
    await this.run(async () => {
      const saved = await this.drafts.saveVersion(this.file(), draft, this.html(), this.comment);
      this.replace(saved);
      this.dirty.set(false);
      this.comment = '';
      this.notice.set(
        this.translate.instant(draft.status === 'approved' ? 'EOFFICE.FILE.DRAFTS.SAVED_NEEDS_APPROVAL' : 'EOFFICE.FILE.DRAFTS.SAVED', {
          version: saved.version
        })
      );
    });
  }

  async markForApproval(): Promise<void> {
    await this.act((file, draft) => this.drafts.markForApproval(file, draft), 'EOFFICE.FILE.DRAFTS.PUT_UP');
  }

  /**
   * Approves the draft read; with a key open the approval is signed (DraftService.approve). Where the
   * department requires signed approvals and none is open, the officer is asked for one first, as confirming
   * a note asks; without one nothing is approved.
   */
  async approve(): Promise<void> {
    const draft = this.selected();
    if (draft && !this.signing.session() && (await this.signing.signedApprovalsRequired())) {
      const ref = this.dialog.open(SignNoteDialogSmartComponent, {
        data: { number: draft.number, intro: 'EOFFICE.SIGNATURES.DIALOG.INTRO_APPROVAL' },
        width: '520px',
        autoFocus: 'first-tabbable'
      });
      if (!(await firstValueFrom(ref.afterClosed())) || !this.signing.session()) {
        this.error.set(this.translate.instant('EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_SIGNATURE_REQUIRED'));
        return;
      }
    }
    await this.act((file, draft) => this.drafts.approve(file, draft), 'EOFFICE.FILE.DRAFTS.APPROVED');
    // The approval's signature, made with it, shows at once.
    void this.checkApprovals(this.file(), this.list());
  }

  /** Shows the question with the focus on "Keep it", so a stray Enter keeps the draft. */
  askDiscard(): void {
    this.confirmingDiscard.set(true);
    afterNextRender(() => this.host.querySelector<HTMLElement>('[data-test="draft-discard-cancel"]')?.focus(), { injector: this.injector });
  }

  async discard(): Promise<void> {
    this.confirmingDiscard.set(false);
    await this.act((file, draft) => this.drafts.discard(file, draft), 'EOFFICE.FILE.DRAFTS.DISCARDED');
  }

  async dispatch(): Promise<void> {
    const draft = this.selected();
    if (!draft) return;
    if (this.dirty()) {
      this.error.set(this.translate.instant('EOFFICE.FILE.DRAFTS.ERRORS.UNSAVED'));
      return;
    }
    const ref = this.dialog.open<DispatchDialogSmartComponent, DispatchDialogData, DispatchRequest | undefined>(
      DispatchDialogSmartComponent,
      {
        data: { title: draft.title },
        autoFocus: 'first-tabbable'
      }
    );
    const request = await firstValueFrom(ref.afterClosed());
    if (!request) return;
    await this.run(async () => {
      const result = await this.drafts.dispatch(this.file(), draft, request);
      this.notice.set(
        this.translate.instant(request.mode === 'byCru' ? 'EOFFICE.FILE.DRAFTS.ISSUED_BY_CRU' : 'EOFFICE.FILE.DRAFTS.ISSUED', {
          issueNumber: result.dispatch.issueNumber
        })
      );
      this.issued.emit(result.entry);
      await this.load(this.file().id, draft.id);
    });
  }

  async markDispatched(dispatch: Dispatch): Promise<void> {
    await this.run(async () => {
      const updated = await this.drafts.markDispatched(dispatch.id, this.file());
      this.dispatches.update((list) => list.map((d) => (d.id === updated.id ? updated : d)));
    });
  }

  /** Draft HTML for [innerHTML]: sanitised again at the point of showing. */
  safe(html: string): string {
    return sanitiseDraftHtml(html);
  }

  private async act(call: (file: EFile, draft: Draft) => Promise<Draft>, noticeKey: string): Promise<void> {
    const draft = this.selected();
    if (!draft) return;
    if (this.dirty()) {
      this.error.set(this.translate.instant('EOFFICE.FILE.DRAFTS.ERRORS.UNSAVED'));
      return;
    }
    await this.run(async () => {
      const updated = await call(this.file(), draft);
      this.replace(updated);
      this.notice.set(this.translate.instant(noticeKey, { version: updated.approvedVersion ?? updated.version }));
    });
  }

  private replace(draft: Draft): void {
    this.list.update((list) => list.map((d) => (d.id === draft.id ? draft : d)));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    let recorded = false;
    try {
      await work();
    } catch (error) {
      this.fail(error);
      recorded = error instanceof DraftError && error.key === APPROVAL_RECORDED;
    } finally {
      this.busy.set(false);
    }
    // The draft's approval was recorded since the panel read it (the file moved on): read it again, so that it
    // shows the record and no longer offers what the repository refuses; the reason stays on the message line.
    if (recorded) await this.load();
  }

  private fail(error: unknown): void {
    // A refusal of the repository's workflow (the dispatch of a letter: refusalOf) in the officer's language.
    if (error instanceof MovementRefusal) return this.error.set(refusalText(error, (key) => this.translate.instant(key)));
    const key = error instanceof DraftError ? error.key : 'EOFFICE.FILE.DRAFTS.ERRORS.FAILED';
    this.error.set(this.translate.instant(key));
  }
}
