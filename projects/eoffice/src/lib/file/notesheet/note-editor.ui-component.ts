import { ChangeDetectionStrategy, Component, ElementRef, NgZone, OnDestroy, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { QuillEditorComponent } from 'ngx-quill';
import type Quill from 'quill';
import { NoteReference } from '../model/file.model';
import { cleanPastedHtml, isBlankNote, sanitiseNoteHtml } from './note-sanitiser';
import { REFERENCE_BLOT, htmlForEditor, registerNoteReferenceBlot } from './note-reference.blot';

/** Formats the note editor allows; everything else a paste brings is dropped by Quill and the sanitiser. */
export const NOTE_FORMATS = ['bold', 'italic', 'underline', 'list', 'header', REFERENCE_BLOT];

/** Quill's own Tab handling (indent, tab character) is switched off so that Tab moves focus, as everywhere. */
const NOTE_MODULES = {
  toolbar: false,
  keyboard: {
    bindings: { tab: false, indent: false, outdent: false, 'remove tab': false, 'indent code-block': false, 'outdent code-block': false }
  }
};

type InlineFormat = 'bold' | 'italic' | 'underline';

/**
 * The rich-text editor of one note: Quill with a Material toolbar, an "Insert reference" menu, paste
 * cleaning, and the notesheet's keys (Ctrl+Enter save, Ctrl+Shift+Enter save and confirm, Esc cancel,
 * Alt+R insert reference). It emits sanitised HTML; storing is the notesheet's business, and so is asking
 * before unsaved text goes (`dirty()` tells whether there is any).
 *
 * The reference menu hands the focus back to the text, where the cursor was or just after what it
 * inserted: an officer keeps typing the note, and keys meant for the note never reach the menu's button
 * (which a space or Enter would open again, inserting the reference once more).
 */
@Component({
  selector: 'eoffice-note-editor',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, MatTooltipModule, QuillEditorComponent, TranslatePipe],
  templateUrl: './note-editor.ui-component.html',
  styleUrl: './note-editor.ui-component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class NoteEditorUiComponent implements OnDestroy {
  private readonly zone = inject(NgZone);

  /** The note's content to start from (sanitised HTML), empty for a new note. */
  readonly html = input('');
  /** Correspondence entries the note may refer to. */
  readonly correspondence = input<NoteReference[]>([]);
  /** Earlier notes the note may refer to. */
  readonly earlierNotes = input<NoteReference[]>([]);
  /** Accessible name of the text area, e.g. "Text of note 5". */
  readonly label = input('');
  readonly busy = input(false);
  /**
   * The note is green (signed) and its author amends it before the file moves: there is no draft to fall
   * back to, so every save signs it again (Ctrl+Enter too) and "Save draft" is not offered.
   */
  readonly confirmed = input(false);

  readonly save = output<string>();
  readonly saveAndConfirm = output<string>();
  readonly cancelled = output<void>();

  readonly referenceTrigger = viewChild<MatMenuTrigger>('referenceTrigger');

  readonly modules = NOTE_MODULES;
  readonly formats = NOTE_FORMATS;
  readonly active = signal<Record<string, unknown>>({});
  readonly ready = signal(false);

  private quill?: Quill;
  private lastIndex = 0;
  /** The note as the editor showed it first (after Quill's own normalising), to tell unsaved changes. */
  private initial = '';
  private readonly cleanups: (() => void)[] = [];

  constructor() {
    registerNoteReferenceBlot();
    // Capture phase on the host, so the editor's keys run before Quill's (Angular binds bubble only).
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const keydown = (event: KeyboardEvent) => this.onKeydown(event);
    host.addEventListener('keydown', keydown, true);
    this.cleanups.push(() => host.removeEventListener('keydown', keydown, true));
  }

  ngOnDestroy(): void {
    this.cleanups.forEach((cleanup) => cleanup());
  }

  /** Quill is ready: load the note, clean pastes, follow the formats under the cursor, take the focus. */
  created(quill: Quill): void {
    this.quill = quill;
    quill.root.setAttribute('aria-label', this.label());
    quill.root.setAttribute('aria-multiline', 'true');
    quill.root.setAttribute('role', 'textbox');
    quill.root.setAttribute('data-testid', 'note-editor-text');
    const html = this.html();
    if (html) quill.setContents(quill.clipboard.convert({ html: htmlForEditor(html) }), 'silent');
    this.initial = this.value();
    const paste = (event: ClipboardEvent) => this.onPaste(event);
    // Capture phase: runs before Quill's own paste handler, which then sees defaultPrevented.
    quill.root.addEventListener('paste', paste, true);
    this.cleanups.push(() => quill.root.removeEventListener('paste', paste, true));
    quill.on('editor-change', () => {
      const range = quill.getSelection();
      if (range) this.lastIndex = range.index;
      this.zone.run(() => this.active.set(range ? quill.getFormat(range) : this.active()));
    });
    this.lastIndex = Math.max(0, quill.getLength() - 1);
    quill.setSelection(this.lastIndex, 0, 'silent');
    quill.focus();
    this.zone.run(() => this.ready.set(true));
  }

  /** The editor's content as the HTML a note stores. */
  value(): string {
    if (!this.quill) return sanitiseNoteHtml(this.html());
    // Quill writes every space as &nbsp;, which would stop lines from wrapping.
    return sanitiseNoteHtml(this.quill.getSemanticHTML().replace(/&nbsp;|\u00a0/g, ' '));
  }

  blank(): boolean {
    return isBlankNote(this.value());
  }

  /** Whether the editor holds text that is not saved: changed since it opened, and not just emptied of blanks. */
  dirty(): boolean {
    if (!this.quill) return false;
    const now = this.value();
    return now !== this.initial && !(isBlankNote(now) && isBlankNote(this.initial));
  }

  focus(): void {
    this.quill?.focus();
  }

  toggle(format: InlineFormat): void {
    if (!this.quill) return;
    const range = this.quill.getSelection(true);
    this.quill.format(format, !this.quill.getFormat(range)[format], 'user');
  }

  toggleList(kind: 'ordered' | 'bullet'): void {
    if (!this.quill) return;
    const range = this.quill.getSelection(true);
    this.quill.format('list', this.quill.getFormat(range)['list'] === kind ? false : kind, 'user');
  }

  toggleHeading(): void {
    if (!this.quill) return;
    const range = this.quill.getSelection(true);
    this.quill.format('header', this.quill.getFormat(range)['header'] === 3 ? false : 3, 'user');
  }

  isActive(format: string, value: unknown = true): boolean {
    const current = this.active()[format];
    return value === true ? !!current : current === value;
  }

  /** Puts a reference token at the cursor (or where the cursor was before the menu took the focus). */
  insertReference(ref: NoteReference): void {
    if (!this.quill) return;
    const at = Math.min(this.lastIndex, this.quill.getLength() - 1);
    this.quill.insertEmbed(at, REFERENCE_BLOT, { id: ref.id, kind: ref.kind, label: ref.label }, 'user');
    this.quill.insertText(at + 1, ' ', 'user');
    this.lastIndex = at + 2;
    this.quill.setSelection(this.lastIndex, 0, 'user');
    this.quill.focus();
  }

  /**
   * The reference menu closed (an option chosen, Esc, a click elsewhere): the text takes the focus back at
   * the cursor. The trigger does not restore the focus to itself (matMenuTriggerRestoreFocus is off).
   */
  referenceMenuClosed(): void {
    if (!this.quill) return;
    const at = Math.min(this.lastIndex, this.quill.getLength() - 1);
    this.quill.focus();
    this.quill.setSelection(at, 0, 'silent');
  }

  submit(confirm: boolean): void {
    if (this.busy()) return;
    const html = this.value();
    (confirm || this.confirmed() ? this.saveAndConfirm : this.save).emit(html);
  }

  cancel(): void {
    this.cancelled.emit();
  }

  /** The editor's keys; capture phase, so Quill never turns Ctrl+Enter into a new line. */
  onKeydown(event: KeyboardEvent): void {
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.key === 'Enter') {
      event.preventDefault();
      event.stopPropagation();
      this.submit(event.shiftKey);
    } else if (event.key === 'Escape' && this.referenceTrigger()?.menuOpen) {
      // Esc belongs to the open reference menu (the key may reach the text first, while the menu is
      // still taking the focus): it closes the menu and leaves the note alone.
      event.preventDefault();
      event.stopPropagation();
      this.referenceTrigger()?.closeMenu();
    } else if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    } else if (event.altKey && !ctrl && event.code === 'KeyR') {
      // By key position, so that it works with Devanagari keyboard layouts too.
      event.preventDefault();
      this.referenceTrigger()?.openMenu();
    }
  }

  /** Cleans HTML pasted from word processors before Quill converts it. */
  private onPaste(event: ClipboardEvent): void {
    const quill = this.quill;
    const html = event.clipboardData?.getData('text/html');
    if (!quill || !html) return;
    event.preventDefault();
    const range = quill.getSelection(true) ?? { index: this.lastIndex, length: 0 };
    quill.clipboard.onPaste(range, { html: cleanPastedHtml(html), text: event.clipboardData?.getData('text/plain') ?? '' });
  }
}
