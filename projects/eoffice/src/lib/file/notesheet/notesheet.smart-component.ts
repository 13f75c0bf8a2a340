import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  ElementRef,
  afterEveryRender,
  computed,
  effect,
  inject,
  input,
  NgZone,
  output,
  signal,
  untracked,
  viewChild
} from '@angular/core';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { EFile, NoteReference } from '../model/file.model';
import { NoteEditorUiComponent } from './note-editor.ui-component';
import { EofficeDatePipe } from '../../shared/date/eoffice-date.pipe';
import { LoadState } from '../../shared/state/load-state';
import { noteHtmlForDisplay } from './note-sanitiser';
import { noteReference } from './note.model';
import { NOTES_READ_FIRST, NoteError, NoteService, noteErrorOf } from './note.service';
import { UnsavedNoteDialogUiComponent } from './unsaved-note-dialog.ui-component';
import { HoldsUnsavedNote } from './unsaved-note.guard';
import { Note, latestNote, sortNotes } from '@eoffice/domain';
import { NoteSignatureView, NoteSigningService } from '../signatures/note-signing.service';
import { SignNoteDialogSmartComponent } from '../signatures/sign-note-dialog.smart-component';
import { SignatureStateUiComponent } from '../signatures/signature-state.ui-component';

/** How far beyond the visible part of the notesheet notes are read ahead of the scrolling. */
const READ_AHEAD = '50% 0px';
/**
 * Notes put on the page at once when a file's notes arrive: more than a tall screen shows. The rest follow
 * RENDER_STEP at a time, each step in a task of its own and small enough that the browser paints between
 * steps, so the first notes show (and their texts are asked for) without waiting for hundreds of notes below
 * them to be built.
 */
const FIRST_RENDERED = 30;
const RENDER_STEP = 25;

/**
 * A note as the list shows it: its content passed through the allow-list once more, just before display;
 * no body while its text is not read yet.
 */
interface ShownNote {
  note: Note;
  body?: SafeHtml;
  designation: string;
  latest: boolean;
}

type Editing = { mode: 'new' } | { mode: 'edit'; note: Note };

interface Message {
  key: string;
  params?: Record<string, unknown>;
  error: boolean;
}

/**
 * The noting portion of an e-File: numbered notes, the yellow draft editable while the file is with the
 * officer (`file.canWrite`), green ones signed, and permanent once the file has moved on; until then a
 * green note's signer may still amend it. Keyboard-first: Alt+N begins a note (or opens the draft), the
 * editor saves with Ctrl+Enter, confirms green with Ctrl+Shift+Enter, closes with Esc (asking first when
 * the text is not saved; so does leaving the file, through `mayLeave`). A reference in a note (PUC, FR I,
 * Note 4) is emitted as `openReference` for the file view to open on the right; a note reference also
 * scrolls to that note here.
 *
 * A file may carry hundreds of notes: the notesheet lists them once (numbers, colours, signatures) and reads
 * the text of a note when it comes near the visible part of the list, so opening a long file costs a
 * handful of requests. What the officer writes, confirms or discards changes the list in memory; nothing
 * else is read again.
 */
@Component({
  selector: 'eoffice-notesheet',
  host: {
    '(document:keydown)': 'onDocumentKeydown($event)',
    '(window:beforeunload)': 'onBeforeUnload($event)',
    '(click)': 'onBodyClick($event)',
    '(keydown)': 'onBodyKeydown($event)'
  },
  imports: [
    EofficeDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTooltipModule,
    NoteEditorUiComponent,
    SignatureStateUiComponent,
    TranslatePipe
  ],
  templateUrl: './notesheet.smart-component.html',
  styleUrl: './notesheet.smart-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class NotesheetSmartComponent implements HoldsUnsavedNote {
  private readonly noteService = inject(NoteService);
  private readonly signing = inject(NoteSigningService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly domSanitizer = inject(DomSanitizer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly zone = inject(NgZone);
  private readonly changes = inject(ChangeDetectorRef);

  readonly file = input.required<EFile>();
  /** The file's correspondence entries a note may refer to (PUC, FR I …, issues). */
  readonly references = input<NoteReference[]>([]);
  readonly openReference = output<NoteReference>();

  readonly editor = viewChild(NoteEditorUiComponent);
  private readonly scroller = viewChild<ElementRef<HTMLElement>>('scroller');

  readonly notes = signal<Note[]>([]);
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly busy = signal(false);
  readonly editing = signal<Editing | null>(null);
  readonly message = signal<Message | null>(null);
  readonly discarding = signal<string | null>(null);
  /** The note a reference just pointed at, marked for a moment so the eye finds it. */
  readonly highlighted = signal<string | null>(null);
  private highlightTimer?: ReturnType<typeof setTimeout>;
  private readonly designations = signal<Record<string, string>>({});
  /** Each green note's digital signature as the verifier found it (no entry: being checked). */
  readonly signatures = signal<Record<string, NoteSignatureView>>({});
  /** False when the signatures could not be checked (the trust or Signatures/ unreadable): no states shown. */
  readonly signaturesChecked = signal(true);
  /** Whether the department requires signed green notes: an unsigned one then says so. */
  readonly signingRequired = signal(false);
  /** The signed-in officer's user name, read when a green note might be theirs to amend. */
  private readonly me = signal<string | null>(null);
  /** The "Discard this unsaved note?" question being asked, so that a second Esc does not ask again. */
  private asking?: Promise<boolean>;
  /** Each note's shown body, kept while its text is the same: 500 notes are not sanitised anew on every change. */
  private readonly bodies = new Map<string, { html: string; body: SafeHtml }>();
  /** Each note's reference for the editor's menu (referenceTo). */
  private readonly referencesTo = new Map<string, { html?: string; reference: NoteReference }>();
  /** Notes whose text is being read. */
  private readonly reading = new Set<string>();
  /** Notes near the visible part of the list, to read together. */
  private readonly wanted = new Set<string>();
  /** Notes' elements observed once: one that failed to read stays as it is until the next reload. */
  private watched = new WeakSet<Element>();
  private observer?: IntersectionObserver;
  /** Bumped on every reload: a reading begun for an earlier list must not land in this one. */
  private generation = 0;
  /** How many of the notes are on the page (all of them once the steps are done: Infinity). */
  private readonly rendered = signal(Infinity);
  private renderTimer?: ReturnType<typeof setTimeout>;

  /** The file the notes were last read for, to tell another file from the same one come back changed. */
  private shownFile?: EFile;

  constructor() {
    effect(() => {
      const file = this.file();
      untracked(() => this.fileChanged(file));
    });
    afterEveryRender({ read: () => this.watchUnread() });
    inject(DestroyRef).onDestroy(() => {
      this.observer?.disconnect();
      clearTimeout(this.highlightTimer);
      clearTimeout(this.renderTimer);
    });
  }

  readonly shown = computed<ShownNote[]>(() => {
    const notes = this.notes();
    const latest = latestNote(notes);
    const designations = this.designations();
    return notes.slice(0, this.rendered()).map((note) => ({
      note,
      body: note.html === undefined ? undefined : this.bodyOf(note.id, note.html),
      designation: designations[note.id] ?? note.signature?.designation ?? '',
      latest: note.id === latest?.id
    }));
  });

  /** The draft at the foot of the notesheet, if any. */
  readonly draft = computed(() => {
    const latest = latestNote(this.notes());
    return latest?.colour === 'yellow' ? latest : undefined;
  });

  private fileChanged(file: EFile): void {
    const before = this.shownFile;
    this.shownFile = file;
    if (before?.id !== file.id) {
      this.editing.set(null);
      void this.reload(true);
    } else if (before.canWrite !== file.canWrite && !this.editing()) {
      // The file came or went (sent, pulled back): green notes may have been frozen meanwhile.
      void this.reload();
    }
  }

  get canWrite(): boolean {
    return !!this.file().canWrite;
  }

  /** Whether the officer may edit, discard or confirm this yellow note. */
  writable(note: Note): boolean {
    return this.canWrite && note.colour === 'yellow' && note.updatable !== false;
  }

  /**
   * Whether the officer may amend this green note: he signed it and the file has not left his post since
   * (not frozen). The repository decides in the end: a frozen note is read-only to everyone.
   */
  amendable(note: Note): boolean {
    const me = this.me();
    return (
      this.canWrite &&
      note.colour === 'green' &&
      !note.frozenAt &&
      note.updatable !== false &&
      !!me &&
      note.signature?.user.toLowerCase() === me.toLowerCase()
    );
  }

  isEditing(note: Note): boolean {
    const editing = this.editing();
    return editing?.mode === 'edit' && editing.note.id === note.id;
  }

  /** The text of the note open in the editor, as read when editing began. */
  editedHtml(): string {
    const editing = this.editing();
    return editing?.mode === 'edit' ? (editing.note.html ?? '') : '';
  }

  noteLabel(note: Pick<Note, 'number'>): string {
    return this.translate.instant('EOFFICE.FILE.NOTESHEET.NOTE', { number: note.number });
  }

  /** Notes the note being written may refer to: those before it. */
  earlierNotes(): NoteReference[] {
    const editing = this.editing();
    const before = editing?.mode === 'edit' ? editing.note.number : Infinity;
    return this.notes()
      .filter((n) => n.number < before)
      .map((n) => this.referenceTo(n));
  }

  /**
   * The reference to a note, kept while its text and label stay the same: the editor asks for the earlier
   * notes at every change detection, and parsing 500 notes' text for their titles on each key would lag.
   */
  private referenceTo(note: Note): NoteReference {
    const label = this.noteLabel(note);
    const kept = this.referencesTo.get(note.id);
    if (kept && kept.html === note.html && kept.reference.label === label) return kept.reference;
    const reference = noteReference(note, label);
    this.referencesTo.set(note.id, { html: note.html, reference });
    return reference;
  }

  editorLabel(): string {
    const editing = this.editing();
    return editing?.mode === 'edit'
      ? this.translate.instant('EOFFICE.FILE.NOTESHEET.EDITOR.LABEL', { number: editing.note.number })
      : this.translate.instant('EOFFICE.FILE.NOTESHEET.EDITOR.NEW_LABEL');
  }

  /** Reads the notes again; `opening` a file, its first notes go on the page and are read first. */
  async reload(opening = false): Promise<void> {
    const { id: fileId, notesFolderId } = this.file();
    if (!fileId) return;
    // Readings of notes' texts begun for the earlier list are dropped (readTexts); so is its listing (the state).
    ++this.generation;
    await this.state.run(
      () => this.noteService.list(fileId, notesFolderId),
      (notes) => {
        this.reading.clear();
        this.wanted.clear();
        // The list's elements outlive a reload (tracked by id): watch the unread among them afresh.
        this.observer?.disconnect();
        this.watched = new WeakSet();
        if (opening) this.renderInSteps(notes.length);
        this.notes.set(notes);
        if (opening) this.readFirst(notes);
        void this.translateDesignations(notes);
        void this.readOfficer(notes);
        void this.checkSignatures(notes);
      },
      (error) => this.show(noteErrorOf(error))
    );
  }

  /** Alt+N (by key position, so Devanagari layouts work too): begin a note, or open the draft. */
  onDocumentKeydown(event: KeyboardEvent): void {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyN') return;
    if (!this.canWrite || this.editing() || this.busy()) return;
    event.preventDefault();
    void this.startNew();
  }

  /** Begins a new note; while a draft exists, officers continue that draft instead (one draft at a time). */
  async startNew(): Promise<void> {
    if (!this.canWrite) return;
    const draft = this.draft();
    if (draft) {
      if (!this.writable(draft))
        return this.show(new NoteError('EOFFICE.FILE.NOTESHEET.ERRORS.DRAFT_EXISTS', undefined, { number: draft.number }));
      // The draft sits at the foot of the notesheet: its text may not have been read yet.
      this.renderAll();
      const read = await this.withText(draft);
      if (!read) return;
      this.message.set({ key: 'EOFFICE.FILE.NOTESHEET.DRAFT_OPENED', params: { number: draft.number }, error: false });
      this.editing.set({ mode: 'edit', note: read });
      return;
    }
    this.message.set(null);
    this.editing.set({ mode: 'new' });
  }

  async edit(note: Note): Promise<void> {
    if (!this.writable(note) && !this.amendable(note)) return;
    this.message.set(null);
    this.discarding.set(null);
    this.renderAll();
    const read = await this.withText(note);
    if (read) this.editing.set({ mode: 'edit', note: read });
  }

  /** Esc or Cancel in the editor: closes it, after asking when its text is not saved. */
  async cancelEditing(): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    if (!(await this.mayDiscardEditing())) return;
    // The officer may have saved meanwhile (Ctrl+Enter before answering): close only what was asked about.
    if (this.editing() !== editing) return;
    this.editing.set(null);
    this.focusAfterRender(editing.mode === 'edit' ? editing.note.id : undefined);
  }

  /**
   * Whether the page may go (another file, a list, the file sent on): at once when nothing in the editor is
   * unsaved, else when the officer says so.
   */
  mayLeave(): boolean | Promise<boolean> {
    return this.editing() && this.editor()?.dirty() ? this.mayDiscardEditing() : true;
  }

  /** The browser's own question when the tab is closed or reloaded with unsaved text (it words it itself). */
  onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.editing() || !this.editor()?.dirty()) return;
    event.preventDefault();
    event.returnValue = '';
  }

  /** Ctrl+Enter / "Save draft": stores the text as a yellow note. */
  async saveDraft(html: string): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    // A green note has no draft to fall back to: the editor saves it signed (it offers no "Save draft").
    if (editing.mode === 'edit' && editing.note.colour === 'green') return this.saveAndConfirm(html);
    await this.run(async () => {
      const note =
        editing.mode === 'new' ? await this.noteService.add(this.file(), html) : await this.noteService.update(editing.note, html);
      this.editing.set(null);
      this.put(note);
      this.message.set({ key: 'EOFFICE.FILE.NOTESHEET.SAVED', params: { number: note.number }, error: false });
      this.focusAfterRender(note.id);
    });
  }

  /** Ctrl+Shift+Enter / "Save and confirm": stores the text and makes the note green in one go. */
  async saveAndConfirm(html: string): Promise<void> {
    const editing = this.editing();
    if (!editing) return;
    await this.run(async () => {
      const amending = editing.mode === 'edit' && editing.note.colour === 'green';
      const note =
        editing.mode === 'new'
          ? await this.noteService.confirm(this.file(), await this.noteService.add(this.file(), html))
          : amending
            ? await this.noteService.amend(this.file(), editing.note, html)
            : await this.noteService.confirm(this.file(), editing.note, html);
      this.editing.set(null);
      this.put(note);
      if (note.signature?.user) this.me.set(note.signature.user);
      const key = amending ? 'EOFFICE.FILE.NOTESHEET.AMENDED' : 'EOFFICE.FILE.NOTESHEET.CONFIRMED';
      this.message.set({ key, params: { number: note.number }, error: false });
      this.focusAfterRender(note.id);
      await this.signConfirmed(note, false);
    });
  }

  /** "Confirm" on a draft that is not open in the editor. */
  async confirm(note: Note): Promise<void> {
    if (!this.writable(note)) return;
    await this.run(async () => {
      const confirmed = await this.noteService.confirm(this.file(), note);
      this.put(confirmed);
      if (confirmed.signature?.user) this.me.set(confirmed.signature.user);
      this.message.set({ key: 'EOFFICE.FILE.NOTESHEET.CONFIRMED', params: { number: note.number }, error: false });
      this.focusAfterRender(note.id);
      await this.signConfirmed(confirmed, false);
    });
  }

  /** "Sign digitally" on the officer's own green note (not signed, or changed since): asks for the key if none is open. */
  async signDigitally(note: Note): Promise<void> {
    if (!this.amendable(note)) return;
    await this.run(() => this.signConfirmed(note, true));
  }

  /**
   * Signs a note just confirmed or amended with the officer's digital signature certificate: at once when
   * a certificate is open for this session; asking for one when the officer asked to sign or the department
   * requires signed notes (otherwise the note stays confirmed, and "Sign digitally" signs it later).
   */
  private async signConfirmed(note: Note, asked: boolean): Promise<void> {
    if (!this.signing.session()) {
      if (!asked && !(await this.signing.signedNotesRequired())) return;
      const ref = this.dialog.open(SignNoteDialogSmartComponent, {
        data: { number: note.number },
        width: '520px',
        autoFocus: 'first-tabbable'
      });
      if (!(await firstValueFrom(ref.afterClosed())) || !this.signing.session()) {
        this.setSignature(note.id, { status: 'unsigned' });
        this.message.set({ key: 'EOFFICE.SIGNATURES.NOT_SIGNED', params: { number: note.number }, error: true });
        return;
      }
    }
    try {
      this.setSignature(note.id, await this.signing.sign(this.file(), note.id));
      this.message.set({ key: 'EOFFICE.SIGNATURES.SIGNED', params: { number: note.number }, error: false });
    } catch (error) {
      this.message.set({
        key: 'EOFFICE.SIGNATURES.SIGN_FAILED',
        params: { number: note.number, reason: (error as Error)?.message ?? '' },
        error: true
      });
    }
  }

  private setSignature(noteId: string, view: NoteSignatureView): void {
    this.signatures.update((all) => ({ ...all, [noteId]: view }));
  }

  /** Checks the green notes' signatures in the browser against the department's trust, each as it is done. */
  private async checkSignatures(notes: Note[]): Promise<void> {
    const generation = this.generation;
    this.signatures.set({});
    void this.signing.signedNotesRequired().then((required) => this.signingRequired.set(required));
    // Answers that come together (every unsigned note at once) are put on the page together.
    let pending: Record<string, NoteSignatureView> | null = null;
    const flush = () => {
      if (pending && generation === this.generation) this.signatures.update((all) => ({ ...all, ...pending }));
      pending = null;
    };
    try {
      await this.signing.check(this.file(), notes, (id, view) => {
        if (!pending) {
          pending = {};
          queueMicrotask(flush);
        }
        pending[id] = view;
      });
      flush();
      if (generation === this.generation) this.signaturesChecked.set(true);
    } catch {
      if (generation === this.generation) this.signaturesChecked.set(false);
    }
  }

  /** The name a green note's signature block carries: the certificate's when its signature is valid. */
  signerName(note: Note): string {
    const view = this.signatures()[note.id];
    return view?.status === 'valid' && view.signer?.name ? view.signer.name : (note.signature?.name ?? '');
  }

  /**
   * Whether a green note's signature state is shown: once checked (a note without a signature is known to be
   * unsigned from the one listing of Signatures/, at once), and an unsigned one only where signatures are required.
   */
  showsSignature(note: Note): boolean {
    if (!this.signaturesChecked() || note.colour !== 'green') return false;
    const view = this.signatures()[note.id];
    return !!view && (view.status !== 'unsigned' || this.signingRequired());
  }

  /** First step of "Discard": ask, in place, with the choice focused. */
  askDiscard(note: Note): void {
    if (!this.writable(note)) return;
    this.discarding.set(note.id);
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-testid="note-discard-yes-${note.number}"]`)?.focus());
  }

  keep(note: Note): void {
    this.discarding.set(null);
    this.focusAfterRender(note.id);
  }

  async discard(note: Note): Promise<void> {
    this.discarding.set(null);
    await this.run(async () => {
      await this.noteService.discard(this.file().id, note);
      if (this.editing()?.mode === 'edit') this.editing.set(null);
      this.notes.update((notes) => notes.filter((n) => n.id !== note.id));
      this.bodies.delete(note.id);
      this.message.set({ key: 'EOFFICE.FILE.NOTESHEET.DISCARDED', params: { number: note.number }, error: false });
    });
  }

  /** A click on a reference inside a note's text (delegated: the text is not ours to bind handlers into). */
  onBodyClick(event: MouseEvent): void {
    const ref = this.referenceAt(event.target);
    if (!ref) return;
    event.preventDefault();
    this.open(ref);
  }

  onBodyKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const ref = this.referenceAt(event.target);
    if (!ref) return;
    event.preventDefault();
    this.open(ref);
  }

  open(ref: NoteReference): void {
    this.openReference.emit(ref);
    if (ref.kind === 'note') this.scrollToNote(ref.id);
  }

  scrollToNote(id: string): void {
    const el = this.host.nativeElement.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"]`);
    if (!el && this.rendered() !== Infinity && this.notes().some((n) => n.id === id)) {
      // Not on the page yet (the steps are still going): put all of it there, then go to the note.
      this.renderAll();
      setTimeout(() => this.scrollToNote(id));
      return;
    }
    if (!el) return;
    el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    this.highlighted.set(id);
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => this.highlighted.set(null), 2000);
  }

  /** The reference under an event target: known correspondence or note, else what the anchor says. */
  private referenceAt(target: EventTarget | null): NoteReference | undefined {
    // Only in shown notes: a reference token inside the editor is text being written.
    const anchor = target instanceof Element && target.closest('.eo-note__body') ? target.closest('a[data-eo-ref]') : null;
    if (!anchor) return undefined;
    const id = anchor.getAttribute('data-eo-ref') ?? '';
    const kind = anchor.getAttribute('data-eo-kind') === 'note' ? 'note' : 'correspondence';
    const known = this.references().find((r) => r.id === id);
    if (known) return known;
    const note = this.notes().find((n) => n.id === id);
    if (note) return this.referenceTo(note);
    return { kind, id, label: (anchor.textContent ?? '').trim() };
  }

  private bodyOf(id: string, html: string): SafeHtml {
    const kept = this.bodies.get(id);
    if (kept?.html === html) return kept.body;
    // noteHtmlForDisplay runs the note allow-list (DOMPurify) again; Angular's own sanitiser would also
    // strip the reference's data-eo-* attributes, so the result is marked as already sanitised.
    const body = this.domSanitizer.bypassSecurityTrustHtml(noteHtmlForDisplay(html));
    this.bodies.set(id, { html, body });
    return body;
  }

  /** A note the officer wrote, confirmed or saved, into the list as the repository answered it. */
  private put(note: Note): void {
    this.notes.update((notes) => sortNotes([...notes.filter((n) => n.id !== note.id), note]));
    void this.translateDesignations(this.notes());
  }

  /** Puts the first FIRST_RENDERED of `count` notes on the page now and the others in steps. */
  private renderInSteps(count: number): void {
    clearTimeout(this.renderTimer);
    if (count <= FIRST_RENDERED) return this.rendered.set(Infinity);
    this.rendered.set(FIRST_RENDERED);
    const step = () => {
      const next = this.rendered() + RENDER_STEP;
      this.rendered.set(next >= this.notes().length ? Infinity : next);
      if (this.rendered() !== Infinity) this.renderTimer = setTimeout(step);
    };
    this.renderTimer = setTimeout(step);
  }

  /** Puts every note on the page now (a note about to be opened in the editor may be far down). */
  private renderAll(): void {
    clearTimeout(this.renderTimer);
    this.rendered.set(Infinity);
  }

  /** Asks for the text of the first notes now (see NOTES_READ_FIRST); the page's reports then find them read. */
  private readFirst(notes: Note[]): void {
    const first = notes.slice(0, NOTES_READ_FIRST).filter((n) => n.html === undefined && !this.reading.has(n.id));
    if (first.length) void this.readTexts(first);
  }

  /** Watches the notes whose text is not read yet, so that each is read as it comes near the visible part. */
  private watchUnread(): void {
    const root = this.scroller()?.nativeElement;
    if (!root) return;
    this.observer ??= new IntersectionObserver((entries) => this.onIntersection(entries), { root, rootMargin: READ_AHEAD });
    for (const el of Array.from(root.querySelectorAll('[data-note-unread]'))) {
      if (this.watched.has(el)) continue;
      this.watched.add(el);
      this.observer.observe(el);
    }
  }

  private onIntersection(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.observer?.unobserve(entry.target);
      const id = entry.target.getAttribute('data-note-id');
      if (id) this.wanted.add(id);
    }
    this.readWanted();
  }

  /** Reads the text of the notes wanted, all in one go, and puts it into the list. */
  private readWanted(): void {
    const byId = new Map(this.notes().map((n) => [n.id, n]));
    const notes = [...this.wanted]
      .map((id) => byId.get(id))
      .filter((n): n is Note => !!n && n.html === undefined && !this.reading.has(n.id));
    this.wanted.clear();
    if (notes.length) void this.readTexts(notes);
  }

  private async readTexts(notes: Note[]): Promise<Map<string, string> | undefined> {
    const generation = this.generation;
    const asked = new Map(notes.map((n) => [n.id, n.modifiedAt]));
    for (const note of notes) this.reading.add(note.id);
    try {
      const texts = await this.noteService.read(notes);
      if (generation !== this.generation) return undefined;
      // The text comes through the browser's own Blob.text(), whose answer may land outside Angular's zone:
      // back in it, and marked, so that the notes show their text at once rather than at the next event.
      this.zone.run(() => {
        // A note changed meanwhile (saved, confirmed) already carries its new text: keep that.
        this.notes.update((list) =>
          list.map((n) => {
            const html = texts.get(n.id);
            return html !== undefined && n.html === undefined && asked.get(n.id) === n.modifiedAt ? { ...n, html } : n;
          })
        );
        this.changes.markForCheck();
      });
      return texts;
    } catch (error) {
      this.show(noteErrorOf(error));
      return undefined;
    } finally {
      for (const note of notes) this.reading.delete(note.id);
    }
  }

  /** The note with its text, read now if it was not yet (undefined when that failed, with the refusal shown). */
  private async withText(note: Note): Promise<Note | undefined> {
    if (note.html !== undefined) return note;
    const texts = await this.readTexts([note]);
    const html = texts?.get(note.id);
    return html === undefined ? undefined : { ...note, html };
  }

  /**
   * Reads who the officer is when a green note might be his to amend (the file is with him and it is not
   * frozen); otherwise nothing is asked.
   */
  private async readOfficer(notes: Note[]): Promise<void> {
    if (this.me() || !this.canWrite || !notes.some((n) => n.colour === 'green' && !n.frozenAt && n.signature?.user)) return;
    try {
      this.me.set(await this.noteService.officerId());
    } catch {
      // Without it no green note offers "Edit"; the notes themselves are shown as read.
    }
  }

  /**
   * Whether the editor's text may go: nothing unsaved, or the officer chose "Discard" when asked. Kept, the
   * text takes the focus back, at the cursor, to write on.
   */
  private mayDiscardEditing(): Promise<boolean> {
    if (!this.editing() || !this.editor()?.dirty()) return Promise.resolve(true);
    this.asking ??= firstValueFrom(
      this.dialog
        .open<UnsavedNoteDialogUiComponent, void, boolean>(UnsavedNoteDialogUiComponent, {
          width: '420px',
          role: 'alertdialog',
          restoreFocus: false
        })
        .afterClosed()
    )
      .then((answer) => {
        if (answer !== true) this.editor()?.focus();
        return answer === true;
      })
      .finally(() => {
        this.asking = undefined;
      });
    return this.asking;
  }

  private async translateDesignations(notes: Note[]): Promise<void> {
    const lang = this.translate.getCurrentLang() === 'hi' ? 'hi' : 'en';
    if (lang === 'en') return this.designations.set({});
    const entries = await Promise.all(
      notes.filter((n) => n.signature).map(async (n) => [n.id, await this.noteService.designationOf(n, lang)] as const)
    );
    this.designations.set(Object.fromEntries(entries));
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    try {
      await action();
    } catch (error) {
      const refusal = noteErrorOf(error);
      this.show(refusal);
      // The notes may have changed under us (another window, the workflow): show them as they are now.
      if (
        refusal.status === 409 ||
        refusal.status === 404 ||
        ['ALREADY_GREEN', 'NOT_LATEST', 'FROZEN', 'NOT_YOURS'].some((key) => refusal.key.endsWith(key))
      ) {
        await this.reload();
      }
    } finally {
      this.busy.set(false);
    }
  }

  private show(error: NoteError): void {
    this.message.set({ key: error.key, params: error.params, error: true });
  }

  private focusAfterRender(noteId?: string): void {
    setTimeout(() => {
      const el = noteId ? this.host.nativeElement.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(noteId)}"]`) : null;
      (el ?? this.host.nativeElement.querySelector<HTMLElement>('[data-testid="note-new"]'))?.focus();
    });
  }
}
