import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { NodesApi, UploadApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { NotesheetSmartComponent } from './notesheet.smart-component';
import { NotesRepository, notesheetDesk, testFile, testReferences } from './notesheet-testing.spec';
import { provideEnglish, provideJsApi } from '../../shared/testing/spec-support.spec';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A long notesheet against the in-memory Notes/ folder, counting the requests the officer's browser would
 * make: opening reads the notes in view only, scrolling reads the rest as they come, writing reads nothing again.
 */
describe('NotesheetSmartComponent with 500 notes', () => {
  let repo: NotesRepository;
  let fixture: ComponentFixture<NotesheetSmartComponent>;
  let root: HTMLElement;

  const contentReads = () => (NodesApi.prototype.getNodeContent as jasmine.Spy).calls.count();
  const listings = () => (NodesApi.prototype.listNodeChildren as jasmine.Spy).calls.count();
  const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const scroller = () => byTestId('notesheet-scroll')!;

  /** Lets the intersection observer report and the readings land, until nothing changes any more. */
  async function settle(): Promise<void> {
    let before = -1;
    for (let i = 0; i < 50 && before !== contentReads(); i++) {
      before = contentReads();
      for (let j = 0; j < 3; j++) {
        await fixture.whenStable();
        fixture.detectChanges();
        await delay(20);
      }
    }
  }

  beforeEach(async () => {
    repo = new NotesRepository();
    for (let n = 1; n <= 500; n++) repo.add(n, n < 500 ? 'green' : 'yellow', `Note ${n}: put up for orders.`);
    TestBed.configureTestingModule({
      imports: [NotesheetSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideJsApi(),
        { provide: DeskService, useValue: { desk: async () => notesheetDesk } }
      ]
    });
    repo.install();

    fixture = TestBed.createComponent(NotesheetSmartComponent);
    root = fixture.nativeElement as HTMLElement;
    // The file view's pane: a fixed height, the notes scroll inside it.
    root.style.height = '600px';
    document.body.appendChild(root);
    fixture.componentRef.setInput('file', testFile(true));
    fixture.componentRef.setInput('references', testReferences);
    fixture.detectChanges();
    await settle();
  });

  afterEach(() => {
    fixture.destroy();
    root.remove();
  });

  it('opens with one listing and reads the text of the notes in view only', async () => {
    expect(root.querySelectorAll('li[data-note-id]').length).toBe(500);
    expect(byTestId('note-body-1')!.textContent).toContain('Note 1: put up for orders.');
    // the file's folders, Notes/ itself, and Signatures/ for the notes' digital signatures (none here: no more is read)
    expect(listings()).toBe(3);
    expect(contentReads()).toBeGreaterThan(0);
    expect(contentReads()).toBeLessThanOrEqual(20);
    expect(byTestId('note-body-500')).toBeNull();
    expect(byTestId('note-unread-500')!.textContent).toContain('Reading note 500');
  });

  it('reads the notes at the foot when the officer scrolls there', async () => {
    const before = contentReads();
    scroller().scrollTop = scroller().scrollHeight;
    await settle();
    expect(byTestId('note-body-500')!.textContent).toContain('Note 500: put up for orders.');
    expect(byTestId('note-body-250')).toBeNull();
    expect(contentReads() - before).toBeLessThanOrEqual(20);
  });

  it('adds a note to the list without reading the others again', async () => {
    // Finish the draft first, so that "New note" begins note 501.
    byTestId('note-confirm-500')!.click();
    await settle();
    expect(byTestId('note-500')!.getAttribute('data-colour')).toBe('green');

    const reads = contentReads();
    const lists = listings();
    const component = fixture.componentInstance;
    await component.startNew();
    await settle();
    await component.saveDraft('<p>A new note on the leave rules</p>');
    await settle();

    expect(repo.notes.get('000501')?.content).toBe('<p>A new note on the leave rules</p>');
    expect(root.querySelectorAll('li[data-note-id]').length).toBe(501);
    expect(byTestId('note-501')!.getAttribute('data-colour')).toBe('yellow');
    expect(byTestId('note-body-501')!.textContent).toContain('A new note on the leave rules');
    expect(UploadApi.prototype.uploadFile).toHaveBeenCalledTimes(1);
    expect(contentReads()).toBe(reads);
    // NoteService.add looks at the latest notes and claims the number (a page of 10 names, not the notes)
    expect(listings() - lists).toBeLessThanOrEqual(4);
  });

  it('asks the repository for none of the 500 notes when the officer adds one', async () => {
    byTestId('note-confirm-500')!.click();
    await settle();
    const getNode = NodesApi.prototype.getNode as jasmine.Spy;
    const list = NodesApi.prototype.listNodeChildren as jasmine.Spy;
    const content = NodesApi.prototype.getNodeContent as jasmine.Spy;
    for (const spy of [getNode, list, content]) spy.calls.reset();

    const component = fixture.componentInstance;
    await component.startNew();
    await settle();
    await component.saveDraft('<p>Put up for orders on the leave rules</p>');
    await settle();

    // The new note is on the sheet, below note 500, with the text the officer wrote.
    expect(byTestId('note-body-501')!.textContent).toContain('Put up for orders on the leave rules');
    expect(byTestId('note-500')!.getAttribute('data-colour')).toBe('green');
    // No note's text was read, no note was looked at, and Notes/ was only asked for its latest names
    // (the number to take), never for its 500 notes: the officer does not wait for the others to come again.
    const noteIds = new Set([...repo.notes.values()].map((n) => n.id));
    expect(content).not.toHaveBeenCalled();
    expect(getNode.calls.allArgs().filter(([id]) => noteIds.has(id as string))).toEqual([]);
    const notesListings = list.calls.allArgs().filter(([id]) => id === 'notes-folder');
    expect(notesListings.length).toBeGreaterThan(0);
    for (const [, opts] of notesListings) expect((opts as { maxItems?: number }).maxItems).toBeLessThanOrEqual(10);
  });

  it('lists the notes in one request when the file view read the file with its Notes folder', async () => {
    const list = NodesApi.prototype.listNodeChildren as jasmine.Spy;
    list.calls.reset();
    // The same file opened anew, as FileService.get reads it (with the Notes folder's id).
    fixture.destroy();
    root.remove();
    fixture = TestBed.createComponent(NotesheetSmartComponent);
    root = fixture.nativeElement as HTMLElement;
    root.style.height = '600px';
    document.body.appendChild(root);
    fixture.componentRef.setInput('file', { ...testFile(true), notesFolderId: 'notes-folder' });
    fixture.detectChanges();
    await settle();

    // Notes/ once; beside it only the file's Signatures/ (the notes' digital signatures), never the notes again.
    expect(
      list.calls.allArgs().map(([id, opts]) => (id === 'file-1' ? `${id}/${(opts as { relativePath?: string }).relativePath}` : id))
    ).toEqual(['notes-folder', 'file-1/Signatures']);
    expect(root.querySelectorAll('li[data-note-id]').length).toBe(500);
    expect(byTestId('note-body-1')!.textContent).toContain('Note 1: put up for orders.');
  });
});
