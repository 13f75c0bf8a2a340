import { ApplicationRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import Quill from 'quill';
import en from '../../../../assets/i18n/en.json';
import { NoteReference } from '../model/file.model';
import { referenceAnchor, sanitiseNoteHtml } from './note-sanitiser';
import { noteContentToHtml } from './note.model';
import { NoteError, NoteService } from './note.service';
import { NotesheetSmartComponent } from './notesheet.smart-component';
import { ASO_GROUP, SO_GROUP, XSS_CORPUS, XssWindow, testFile, testReferences, unsafeMarkup } from './notesheet-testing.spec';
import { Note } from '@eoffice/domain';

const green = (n: number, html: string, extra: Partial<Note> = {}): Note => ({
  id: `note-${n}`,
  number: n,
  name: String(n).padStart(6, '0'),
  colour: 'green',
  authorPost: ASO_GROUP,
  references: [],
  signature: {
    name: 'Ravi Kumar',
    designation: 'Assistant Section Officer (Establishment)',
    user: 'ravi.kumar',
    post: ASO_GROUP,
    at: '2026-11-20T10:15:00.000Z'
  },
  html,
  ...extra
});

const yellow = (n: number, html: string): Note => ({
  id: `note-${n}`,
  number: n,
  name: String(n).padStart(6, '0'),
  colour: 'yellow',
  authorPost: SO_GROUP,
  references: [],
  html
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('NotesheetSmartComponent', () => {
  let notes: Note[];
  let service: jasmine.SpyObj<
    Pick<NoteService, 'list' | 'read' | 'add' | 'update' | 'confirm' | 'amend' | 'discard' | 'designationOf' | 'officerId'>
  >;
  let fixture: ComponentFixture<NotesheetSmartComponent>;
  let opened: NoteReference[];

  beforeEach(() => {
    notes = [];
    opened = [];
    service = jasmine.createSpyObj('NoteService', [
      'list',
      'read',
      'add',
      'update',
      'confirm',
      'amend',
      'discard',
      'designationOf',
      'officerId'
    ]);
    service.list.and.callFake(async () => notes.map((n) => ({ ...n })));
    service.read.and.callFake(async (asked) => new Map(asked.map((n) => [n.id, notes.find((x) => x.id === n.id)?.html ?? ''])));
    service.add.and.callFake(async (_file, html) => {
      const note = yellow(notes.length + 1, sanitiseNoteHtml(html));
      notes.push(note);
      return note;
    });
    service.update.and.callFake(async (note, html) => ({ ...yellow(notes.length, sanitiseNoteHtml(html)), id: note.id }));
    service.confirm.and.callFake(async (_file, note) => ({ ...green(1, ''), id: note.id }));
    service.amend.and.callFake(async (_file, note, html) => ({ ...notes.find((n) => n.id === note.id)!, html: sanitiseNoteHtml(html) }));
    service.discard.and.resolveTo();
    service.designationOf.and.resolveTo('');
    service.officerId.and.resolveTo('priya.nair');
    TestBed.configureTestingModule({
      imports: [NotesheetSmartComponent],
      providers: [provideTranslateService({ fallbackLang: 'en' }), provideNoopAnimations(), { provide: NoteService, useValue: service }]
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    fixture?.destroy();
  });

  async function render(canWrite = true): Promise<HTMLElement> {
    fixture = TestBed.createComponent(NotesheetSmartComponent);
    fixture.componentRef.setInput('file', testFile(canWrite));
    fixture.componentRef.setInput('references', testReferences);
    fixture.componentInstance.openReference.subscribe((ref) => opened.push(ref));
    document.body.appendChild(fixture.nativeElement);
    fixture.detectChanges();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
      await delay(0);
    }
  }

  /** Waits for ngx-quill to load Quill and create the editor; answers its Quill instance. */
  async function editorQuill(): Promise<Quill> {
    for (let i = 0; i < 100; i++) {
      await settle();
      const container = (fixture.nativeElement as HTMLElement).querySelector('.ql-container');
      const quill = container ? Quill.find(container) : null;
      if (quill instanceof Quill && fixture.componentInstance.editor()?.ready()) return quill;
      await delay(20);
    }
    throw new Error('the note editor did not open');
  }

  const key = (target: EventTarget, init: KeyboardEventInit) => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
  };

  const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

  const unsavedDialog = () => document.querySelector('eoffice-unsaved-note-dialog');
  const menuOpen = () => !!fixture.componentInstance.editor()?.referenceTrigger()?.menuOpen;

  /** Answers "Discard this unsaved note?", which must have been asked. */
  async function answer(choice: 'keep' | 'discard'): Promise<void> {
    const button = () => document.querySelector<HTMLElement>(`[data-testid="unsaved-note-${choice}"]`);
    for (let i = 0; i < 50 && !button(); i++) await settle();
    expect(button()).withContext('the officer is asked before the text goes').not.toBeNull();
    // The dialog lives outside the fixture, checked by the application.
    TestBed.inject(ApplicationRef).tick();
    expect(unsavedDialog()?.textContent).toContain('Discard this unsaved note?');
    button()?.click();
    for (let i = 0; i < 50 && unsavedDialog(); i++) await settle();
    await settle();
  }

  /** A green note the signed-in officer (priya.nair, Section Officer) signed. */
  const mine = (n: number, extra: Partial<Note> = {}): Note =>
    green(n, `<p>Mine ${n}</p>`, {
      authorPost: SO_GROUP,
      signature: { name: 'Priya Nair', designation: 'Section Officer (Establishment)', user: 'priya.nair', post: SO_GROUP },
      ...extra
    });

  it('shows the notes in order: green ones signed and read-only, the yellow draft highlighted with its actions', async () => {
    notes = [green(1, '<p>Put up for orders.</p>'), yellow(2, '<p>Draft reply</p>')];
    const root = await render();

    const items = Array.from(root.querySelectorAll('li[data-testid^="note-"]'));
    expect(items.map((li) => li.getAttribute('data-testid'))).toEqual(['note-1', 'note-2']);
    const first = byTestId(root, 'note-1')!;
    expect(first.getAttribute('data-colour')).toBe('green');
    expect(first.textContent).toContain('Put up for orders.');
    expect(byTestId(root, 'note-signature-1')!.textContent).toContain('Ravi Kumar');
    expect(byTestId(root, 'note-signature-1')!.textContent).toContain('Assistant Section Officer (Establishment)');
    expect(byTestId(root, 'note-signature-1')!.textContent).toContain('20/11/2026 15:45'); // 10:15 UTC, in IST
    expect(first.querySelector('button')).toBeNull();

    const second = byTestId(root, 'note-2')!;
    expect(second.getAttribute('data-colour')).toBe('yellow');
    expect(second.classList).toContain('eo-note--yellow');
    expect(byTestId(root, 'note-edit-2')!.getAttribute('aria-label')).toBe('Edit note 2');
    expect(byTestId(root, 'note-discard-2')).not.toBeNull();
    expect(byTestId(root, 'note-confirm-2')!.getAttribute('aria-label')).toBe('Confirm note 2 as a green note');
  });

  it('offers no writing at all when the file is not with the officer', async () => {
    notes = [green(1, '<p>One</p>'), yellow(2, '<p>Draft</p>')];
    const root = await render(false);

    expect(byTestId(root, 'note-new')).toBeNull();
    expect(byTestId(root, 'notesheet-read-only')!.textContent).toContain('the file is not with you');
    expect(root.querySelectorAll('li button').length).toBe(0);
    key(document, { key: 'n', code: 'KeyN', altKey: true });
    await settle();
    expect(root.querySelector('eoffice-note-editor')).toBeNull();
  });

  it('emits the reference a note makes when it is clicked or activated with the keyboard', async () => {
    notes = [
      green(1, `<p>See ${referenceAnchor({ id: 'corr-2', kind: 'correspondence', label: 'FR I' })}</p>`),
      green(2, `<p>As in ${referenceAnchor({ id: 'note-1', kind: 'note', label: 'Note 1' })}</p>`)
    ];
    const root = await render();

    const fr = byTestId(root, 'note-body-1')!.querySelector<HTMLElement>('a[data-eo-ref]')!;
    expect(fr.getAttribute('href')).toBeNull();
    expect(fr.tabIndex).toBe(0);
    fr.click();
    expect(opened).toEqual([testReferences[1]]);

    const noteRef = byTestId(root, 'note-body-2')!.querySelector<HTMLElement>('a[data-eo-ref]')!;
    noteRef.focus();
    key(noteRef, { key: 'Enter' });
    expect(opened[1]).toEqual(jasmine.objectContaining({ kind: 'note', id: 'note-1', label: 'Note 1' }));
    // A note reference also brings that note into view here.
    expect(document.activeElement).toBe(byTestId(root, 'note-1'));
    fixture.detectChanges();
    expect(byTestId(root, 'note-1')!.classList).toContain('eo-note--highlight');
  });

  it('Alt+N opens a new note; Ctrl+Enter saves it as a draft with its Devanagari text intact', async () => {
    notes = [green(1, '<p>One</p>')];
    const root = await render();
    key(document, { key: 'न', code: 'KeyN', altKey: true });
    const quill = await editorQuill();
    expect(byTestId(root, 'note-new-editor')).not.toBeNull();
    expect(document.activeElement).toBe(quill.root);

    const hindi = 'अवकाश नियमों के अनुसार स्वीकृति हेतु प्रस्तुत। क्‍ष त्र ज्ञ';
    quill.insertText(0, hindi, 'user');
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();

    expect(service.add).toHaveBeenCalledTimes(1);
    expect(service.add.calls.mostRecent().args[1]).toBe(`<p>${hindi}</p>`);
    expect(service.confirm).not.toHaveBeenCalled();
    expect(root.querySelector('eoffice-note-editor')).toBeNull();
    expect(byTestId(root, 'note-2')!.textContent).toContain(hindi);
  });

  it('Ctrl+Shift+Enter saves and confirms green in one go; Escape closes the editor without saving', async () => {
    const root = await render();
    byTestId(root, 'note-new')!.click();
    let quill = await editorQuill();
    quill.insertText(0, 'Approved.', 'user');
    key(quill.root, { key: 'Enter', ctrlKey: true, shiftKey: true });
    await settle();
    expect(service.add).toHaveBeenCalledTimes(1);
    expect(service.confirm).toHaveBeenCalledTimes(1);
    expect(service.confirm.calls.mostRecent().args[1].id).toBe('note-1');

    notes = [green(1, '<p>Approved.</p>')];
    await fixture.componentInstance.reload();
    key(document, { key: 'n', code: 'KeyN', altKey: true });
    quill = await editorQuill();
    quill.insertText(0, 'Not this', 'user');
    key(quill.root, { key: 'Escape' });
    await answer('discard');
    expect(root.querySelector('eoffice-note-editor')).toBeNull();
    expect(service.add).toHaveBeenCalledTimes(1);
  });

  it('hands the focus back to the text after "Insert reference": typing goes on in the note, the reference is inserted once', async () => {
    const root = await render();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    quill.insertText(0, 'Please see ', 'user');
    quill.setSelection(11, 0, 'user');
    const trigger = byTestId(root, 'note-insert-reference')!;
    trigger.focus(); // as a click on it does
    trigger.click();
    await settle();
    document.querySelector<HTMLElement>('[data-testid="reference-option-corr-1"]')!.click();
    await settle();

    expect(menuOpen()).toBeFalse();
    expect(document.activeElement).withContext('the text has the focus, not the button').toBe(quill.root);
    expect(quill.getSelection()?.index).withContext('the cursor is just after the reference and its space').toBe(13);
    // What the officer types next lands in the note, once, and opens nothing.
    document.execCommand('insertText', false, 'for orders.');
    await settle();
    expect(menuOpen()).toBeFalse();
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(service.add.calls.mostRecent().args[1]).toBe(
      '<p>Please see <a data-eo-ref="corr-1" data-eo-kind="correspondence">PUC</a> for orders.</p>'
    );
  });

  it('Esc on the reference menu closes the menu only: the note stays open with its unsaved text', async () => {
    const root = await render();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    quill.insertText(0, 'Keep this text ', 'user');
    quill.setSelection(15, 0, 'user');

    // Esc may reach the text while the menu Alt+R opened is still taking the focus…
    key(quill.root, { key: 'r', code: 'KeyR', altKey: true });
    expect(menuOpen()).toBeTrue();
    key(quill.root, { key: 'Escape', keyCode: 27 });
    await settle();
    expect(menuOpen()).toBeFalse();
    expect(unsavedDialog()).toBeNull();
    expect(root.querySelector('eoffice-note-editor')).not.toBeNull();

    // … or the menu, once it has the focus.
    key(quill.root, { key: 'r', code: 'KeyR', altKey: true });
    await settle();
    expect(menuOpen()).toBeTrue();
    const inMenu = document.querySelector<HTMLElement>('[data-testid="reference-option-corr-1"]')!;
    key(inMenu, { key: 'Escape', keyCode: 27 });
    await settle();
    expect(menuOpen()).toBeFalse();
    expect(unsavedDialog()).toBeNull();
    expect(root.querySelector('eoffice-note-editor')).not.toBeNull();
    expect(document.activeElement).toBe(quill.root);
    expect(quill.getText()).toBe('Keep this text \n');
    expect(service.add).not.toHaveBeenCalled();
  });

  it('asks before Cancel or Esc throws away unsaved text, and keeps the note when the officer says no', async () => {
    notes = [yellow(1, '<p>Saved draft</p>')];
    const root = await render();
    byTestId(root, 'note-edit-1')!.click();
    let quill = await editorQuill();
    // Nothing changed: nothing to ask about.
    key(quill.root, { key: 'Escape' });
    await settle();
    expect(unsavedDialog()).toBeNull();
    expect(root.querySelector('eoffice-note-editor')).toBeNull();

    byTestId(root, 'note-edit-1')!.click();
    quill = await editorQuill();
    quill.insertText(quill.getLength() - 1, ', with more', 'user');
    byTestId(root, 'note-cancel')!.click();
    await answer('keep');
    expect(root.querySelector('eoffice-note-editor')).not.toBeNull();
    expect(quill.getText()).toContain('Saved draft, with more');
    expect(document.activeElement).withContext('the text takes the focus back').toBe(quill.root);

    key(quill.root, { key: 'Escape' });
    await answer('discard');
    expect(root.querySelector('eoffice-note-editor')).toBeNull();
    expect(byTestId(root, 'note-body-1')!.textContent).toContain('Saved draft');
    expect(service.update).not.toHaveBeenCalled();
    expect(service.discard).not.toHaveBeenCalled();
  });

  it('asks before the officer leaves the file (or closes the tab) with unsaved text', async () => {
    const root = await render();
    expect(await fixture.componentInstance.mayLeave()).toBeTrue();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    expect(await fixture.componentInstance.mayLeave())
      .withContext('an empty editor has nothing to lose')
      .toBeTrue();

    quill.insertText(0, 'Half a thought', 'user');
    // Handed straight to the handler: a real beforeunload would make Karma think the page reloads.
    const unload = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    fixture.componentInstance.onBeforeUnload(unload);
    expect(unload.defaultPrevented).withContext('the browser asks before the tab goes').toBeTrue();

    let leaving = fixture.componentInstance.mayLeave();
    await answer('keep');
    expect(await leaving).toBeFalse();
    expect(root.querySelector('eoffice-note-editor')).not.toBeNull();
    expect(quill.getText()).toContain('Half a thought');

    leaving = fixture.componentInstance.mayLeave();
    await answer('discard');
    expect(await leaving).toBeTrue();
  });

  it('lets the officer amend his own green note while the file is with him; not another’s, nor one frozen by a send', async () => {
    notes = [green(1, '<p>Ravi’s note</p>'), mine(2, { frozenAt: '2026-11-21T09:00:00.000Z' }), mine(3)];
    let root = await render();
    expect(byTestId(root, 'note-edit-1')).toBeNull();
    expect(byTestId(root, 'note-edit-2')).toBeNull();
    expect(byTestId(root, 'note-discard-3')).toBeNull();
    expect(byTestId(root, 'note-confirm-3')).toBeNull();

    byTestId(root, 'note-edit-3')!.click();
    const quill = await editorQuill();
    expect(byTestId(root, 'note-save')).withContext('a green note does not fall back to a draft').toBeNull();
    quill.insertText(quill.getLength() - 1, ', amended', 'user');
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(service.amend).toHaveBeenCalledTimes(1);
    expect(service.amend.calls.mostRecent().args[1].id).toBe('note-3');
    expect(service.amend.calls.mostRecent().args[2]).toBe('<p>Mine 3, amended</p>');
    expect(service.update).not.toHaveBeenCalled();
    expect(service.confirm).not.toHaveBeenCalled();
    expect(byTestId(root, 'notesheet-message')!.textContent).toContain('Note 3 changed and signed again.');
    expect(byTestId(root, 'note-3')!.getAttribute('data-colour')).toBe('green');
    expect(byTestId(root, 'note-body-3')!.textContent).toContain('Mine 3, amended');

    fixture.destroy();
    root = await render(false);
    expect(byTestId(root, 'note-edit-3')).withContext('the file is no longer with him').toBeNull();
  });

  it('Alt+N continues the draft instead of beginning a second one, and edits keep the draft’s number', async () => {
    notes = [green(1, '<p>One</p>'), yellow(2, '<p>Half written</p>')];
    const root = await render();
    key(document, { key: 'n', code: 'KeyN', altKey: true });
    const quill = await editorQuill();
    expect(byTestId(root, 'note-2')!.querySelector('eoffice-note-editor')).not.toBeNull();
    expect(quill.getText()).toContain('Half written');
    expect(byTestId(root, 'notesheet-message')!.textContent).toContain('Note 2 is still a draft');

    quill.insertText(quill.getLength() - 1, ', now complete', 'user');
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(service.add).not.toHaveBeenCalled();
    expect(service.update.calls.mostRecent().args[0].id).toBe('note-2');
    expect(service.update.calls.mostRecent().args[1]).toBe('<p>Half written, now complete</p>');
  });

  it('keeps a draft’s structure and references through the editor unchanged', async () => {
    const html =
      `<h3>तथ्य</h3><p>As in ${referenceAnchor({ id: 'corr-1', kind: 'correspondence', label: 'PUC' })}, <strong>bold</strong> <em>italic</em> <u>under</u></p>` +
      '<ol><li>first</li><li>second</li></ol><ul><li>bullet</li></ul>';
    notes = [yellow(1, html)];
    const root = await render();
    byTestId(root, 'note-edit-1')!.click();
    const quill = await editorQuill();
    expect(quill.root.querySelector('a.eo-ref')?.textContent).toContain('PUC');
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(service.update.calls.mostRecent().args[1]).toBe(html);
  });

  it('leaves Tab to move the focus instead of typing a tab into the note', async () => {
    const root = await render();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    const tab = key(quill.root, { key: 'Tab' });
    expect(tab.defaultPrevented).toBeFalse();
    expect(quill.getText()).not.toContain('\t');
    // Every control of the editor is a native button, reachable by Tab.
    const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('eoffice-note-editor button'));
    expect(buttons.length).toBeGreaterThanOrEqual(9);
    expect(buttons.every((b) => b.tabIndex === 0 && (b.getAttribute('aria-label') || b.textContent?.trim()))).toBeTrue();
  });

  it('inserts a reference from the menu as a link without href', async () => {
    notes = [green(1, '<p>One</p>')];
    const root = await render();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    quill.insertText(0, 'Please see ', 'user');
    quill.setSelection(11, 0, 'user');
    key(quill.root, { key: 'r', code: 'KeyR', altKey: true });
    await settle();
    const option = document.querySelector<HTMLElement>('[data-testid="reference-option-corr-2"]');
    expect(option).withContext('the reference menu lists FR I').not.toBeNull();
    expect(document.querySelector('[data-testid="reference-option-note-1"]')).not.toBeNull();
    option!.click();
    await settle();
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(service.add.calls.mostRecent().args[1]).toBe(
      '<p>Please see <a data-eo-ref="corr-2" data-eo-kind="correspondence">FR I</a> </p>'
    );
  });

  it('cleans a paste from MS Word in the editor', async () => {
    const root = await render();
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    const data = new DataTransfer();
    data.setData(
      'text/html',
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:""}</style></head><body>
<p class=MsoNormal><b><span lang=HI style='font-family:"Nirmala UI"'>विषय:</span></b><span style='mso-bidi-language:HI'> पदोन्नति</span><o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>पहला बिंदु</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>Second point</p></body></html>`
    );
    data.setData('text/plain', 'विषय: पदोन्नति');
    quill.root.querySelector('p')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await settle();
    key(quill.root, { key: 'Enter', ctrlKey: true });
    await settle();
    const saved = service.add.calls.mostRecent().args[1];
    expect(saved).toContain('<strong>विषय:</strong> पदोन्नति');
    expect(saved).toContain('<ul><li>पहला बिंदु</li><li>Second point</li></ul>');
    expect(saved).not.toMatch(/mso|Symbol|·|class=|style=|span/);
  });

  it('shows the repository’s refusal in the officer’s words and keeps the text in the editor', async () => {
    const root = await render();
    service.add.and.rejectWith(new NoteError('EOFFICE.FILE.NOTESHEET.ERRORS.NOT_WITH_YOU', 403));
    byTestId(root, 'note-new')!.click();
    const quill = await editorQuill();
    quill.insertText(0, 'Keep me', 'user');
    byTestId(root, 'note-save')!.click();
    await settle();
    expect(byTestId(root, 'notesheet-message')!.getAttribute('role')).toBe('alert');
    expect(byTestId(root, 'notesheet-message')!.textContent).toContain('The file is not with you');
    expect(quill.getText()).toContain('Keep me');
  });

  it('discards only the latest draft, after asking', async () => {
    notes = [yellow(1, '<p>Old draft</p>'), green(2, '<p>Later</p>')];
    let root = await render();
    expect((byTestId(root, 'note-discard-1') as HTMLButtonElement).disabled).toBeTrue();
    fixture.destroy();

    notes = [green(1, '<p>One</p>'), yellow(2, '<p>Draft</p>')];
    root = await render();
    byTestId(root, 'note-discard-2')!.click();
    await settle();
    expect(service.discard).not.toHaveBeenCalled();
    byTestId(root, 'note-discard-yes-2')!.click();
    await settle();
    expect(service.discard).toHaveBeenCalledWith('file-1', jasmine.objectContaining({ id: 'note-2' }));
  });

  it('confirms a draft green from its Confirm button', async () => {
    notes = [yellow(1, '<p>Draft</p>')];
    const root = await render();
    byTestId(root, 'note-confirm-1')!.click();
    await settle();
    expect(service.confirm).toHaveBeenCalledWith(jasmine.objectContaining({ id: 'file-1' }), jasmine.objectContaining({ id: 'note-1' }));
  });

  it('renders every XSS payload stored by another client as inert text: nothing runs, nothing dangerous is in the page', async () => {
    delete (window as XssWindow).__eoXss;
    // Stored raw, as a careless client could (text/html), and as text/plain seed data.
    notes = XSS_CORPUS.flatMap((payload, i) => [green(2 * i + 1, payload), green(2 * i + 2, noteContentToHtml(payload, 'text/plain'))]);
    const root = await render();
    await delay(200);
    const list = root.querySelector('ol')!;
    expect(list.querySelectorAll('li').length).toBe(2 * XSS_CORPUS.length);
    const bodies = Array.from(list.querySelectorAll<HTMLElement>('.eo-note__body'));
    for (const body of bodies) expect(unsafeMarkup(body)).withContext(body.innerHTML).toEqual([]);
    expect((window as XssWindow).__eoXss).toBeUndefined();
    // Plain-text payloads are shown as the characters that were typed.
    expect(byTestId(root, 'note-body-4')!.textContent).toContain('<img src=x onerror="window.__eoXss=2">');
  });
});
