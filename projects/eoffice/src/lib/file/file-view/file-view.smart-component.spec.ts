import { Component, EventEmitter, Input, Output, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BreakpointObserver } from '@angular/cdk/layout';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { of } from 'rxjs';
import { MovementService } from '../../movement/services/movement.service';
import { MarkingDialogService } from '../../movement/marking-dialog/marking-dialog.service';
import { CorrespondencePanelUiComponent } from '../correspondence/correspondence-panel.ui-component';
import { FileExportButtonSmartComponent } from '../export/file-export-button.smart-component';
import { FileExportService } from '../export/file-export.service';
import { CorrespondenceEntry, EFile, toEFile } from '../model/file.model';
import { FileService } from '../services/file.service';
import { NoteService } from '../notesheet/note.service';
import { DeskService } from '../../desk/desk.service';
import { FileViewSmartComponent } from './file-view.smart-component';
import { NotesheetSmartComponent } from '../notesheet/notesheet.smart-component';
import { DraftsPanelSmartComponent } from '../drafts/drafts-panel.smart-component';
import { NoteReference } from '../model/file.model';
import { notesheetHierarchy } from '../notesheet/notesheet-testing.spec';
import { MovementRefusal } from '@eoffice/domain';
import { provideEnglish, providePageLayout } from '../../shared/testing/spec-support.spec';

/** Stand-ins with the panels' inputs and outputs: the panels have their own specs. */
@Component({ selector: 'eoffice-notesheet', template: '<span data-test="notes-writable">{{ file.canWrite }}</span>' })
class NotesheetStandInComponent {
  @Input() file!: EFile;
  @Input() references: NoteReference[] = [];
  @Output() readonly openReference = new EventEmitter<NoteReference>();
}
@Component({ selector: 'eoffice-drafts-panel', template: '' })
class DraftsPanelStandInComponent {
  readonly file = input.required<EFile>();
  readonly issued = output<CorrespondenceEntry>();
}

const notesOperations = ['update', 'create'];
const fileNode = {
  id: 'file-1',
  properties: {
    'eo:fileNumber': 'A-11011/5/2026-EST-GAD',
    'eo:subject': 'अवर श्रेणी लिपिकों की भर्ती',
    'eo:fileSection': 'EST',
    'eo:status': 'inMovement',
    'eo:currentHolder': 'GROUP_EO_GAD_SO_EST',
    'eo:originPost': 'GROUP_EO_GAD_SO_EST',
    'eo:returnTo': 'ASO_EST'
  }
};
const entries: CorrespondenceEntry[] = [
  { id: 'c1', serial: 1, kind: 'receipt', flag: 'PUC', name: '000001', title: '12/2026/EST-GAD', description: 'Request' },
  { id: 'c2', serial: 2, kind: 'receipt', flag: 'FR I', name: '000002', title: '15/2026/EST-GAD', description: 'Reminder' }
];

describe('FileViewSmartComponent', () => {
  let get: jasmine.Spy;
  let openItem: jasmine.Spy;
  let decide: jasmine.Spy;
  let markingOpen: jasmine.Spy;
  let prefetchNotes: jasmine.Spy;
  let file: EFile;
  let narrow: boolean;

  beforeEach(() => {
    localStorage.removeItem('eoffice.file.notesWidth');
    narrow = false;
    file = toEFile(fileNode, notesOperations);
    get = jasmine.createSpy('get').and.callFake(async () => file);
    openItem = jasmine.createSpy('openItem').and.resolveTo({ id: 't1', kind: 'holder' });
    decide = jasmine.createSpy('decide').and.resolveTo();
    markingOpen = jasmine.createSpy('open').and.resolveTo(false);
    prefetchNotes = jasmine.createSpy('prefetch');
    TestBed.configureTestingModule({
      imports: [FileViewSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap({ fileId: 'file-1' })) } },
        {
          provide: FileService,
          useValue: {
            get,
            desk: async () => ({ posts: ['GROUP_EO_GAD_SO_EST'], hierarchy: notesheetHierarchy }),
            correspondence: async () => entries,
            summaries: async () => []
          }
        },
        { provide: MovementService, useValue: { openItem, decide, reopen: jasmine.createSpy('reopen'), movements: async () => [] } },
        { provide: MarkingDialogService, useValue: { open: markingOpen } },
        { provide: NoteService, useValue: { prefetch: prefetchNotes } },
        { provide: FileExportService, useValue: {} },
        { provide: BreakpointObserver, useValue: { observe: () => of({ matches: narrow, breakpoints: {} }) } },
        { provide: DeskService, useValue: { desk: () => Promise.reject(new Error('not needed')) } },
        providePageLayout()
      ]
    });
    // The viewer and the PDF export have their own specs; here only what the page passes them matters.
    TestBed.overrideComponent(CorrespondencePanelUiComponent, {
      set: { imports: [], template: `<span data-test="selected">{{ selectedId() }}</span>` }
    });
    TestBed.overrideComponent(FileViewSmartComponent, {
      remove: { imports: [NotesheetSmartComponent, DraftsPanelSmartComponent] },
      add: { imports: [NotesheetStandInComponent, DraftsPanelStandInComponent] }
    });
    TestBed.overrideComponent(FileExportButtonSmartComponent, { set: { imports: [], providers: [], template: '' } });
  });

  async function render() {
    const fixture = TestBed.createComponent(FileViewSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }
  const byId = (element: HTMLElement, id: string) => element.querySelector<HTMLElement>(`[data-automation-id="${id}"]`);

  it('shows the file number and subject, and opens the latest correspondence entry on the right', async () => {
    const { element } = await render();
    expect(byId(element, 'eoffice-file-number')?.textContent?.trim()).toBe('A-11011/5/2026-EST-GAD');
    expect(byId(element, 'eoffice-file-subject')?.textContent).toContain('अवर श्रेणी लिपिकों की भर्ती');
    expect(element.querySelector('[data-test="selected"]')?.textContent).toBe('c2');
    expect(element.querySelector('[data-test="notes-writable"]')?.textContent).toBe('true');
    expect(openItem).toHaveBeenCalledWith('file-1', { currentHolder: 'GROUP_EO_GAD_SO_EST', pendingApprover: '' });
  });

  it('asks for the notes as it opens the file, beside the file itself, and not again when it reads the file after a movement', async () => {
    let answer!: (value: EFile) => void;
    get.and.returnValue(new Promise<EFile>((resolve) => (answer = resolve)));
    const fixture = TestBed.createComponent(FileViewSmartComponent);
    fixture.detectChanges();
    // The file's own answer has not come yet: its notes are already asked for.
    expect(prefetchNotes).toHaveBeenCalledOnceWith('file-1');
    answer(file);
    await fixture.whenStable();
    get.and.callFake(async () => file);
    await fixture.componentInstance.decide('approve');
    expect(get).toHaveBeenCalledTimes(2);
    expect(prefetchNotes).toHaveBeenCalledTimes(1);
  });

  it('offers Send, Send back, Park and Close to the holder, and opens the marking dialog for the file', async () => {
    const { element } = await render();
    for (const id of ['send', 'send-back', 'park', 'close'])
      expect(byId(element, `eoffice-file-${id}`))
        .withContext(id)
        .not.toBeNull();
    byId(element, 'eoffice-file-send')!.click();
    expect(markingOpen).toHaveBeenCalledWith(
      jasmine.objectContaining({ itemId: 'file-1', itemKind: 'file', action: 'send', holder: 'GROUP_EO_GAD_SO_EST' })
    );
  });

  it('says whom Send back returns the file to, and offers it only when someone sent the file here', async () => {
    let { element } = await render();
    // the button itself names whom (the hierarchy here names no officer for the post, so the post)
    expect(byId(element, 'eoffice-file-send-back')!.textContent).toContain('Send back to Assistant Section Officer (Establishment)');
    byId(element, 'eoffice-file-send-back')!.click();
    expect(markingOpen).toHaveBeenCalledWith(
      jasmine.objectContaining({ action: 'sendBack', sendBackTo: 'Assistant Section Officer (Establishment)' })
    );

    file = toEFile({ ...fileNode, properties: { ...fileNode.properties, 'eo:returnTo': '' } }, notesOperations);
    ({ element } = await render());
    expect(byId(element, 'eoffice-file-send')).not.toBeNull();
    expect(byId(element, 'eoffice-file-send-back')).toBeNull();
  });

  it('offers nothing but Pull back to a sender whose file is unopened, and no movement actions to a reader', async () => {
    openItem.and.resolveTo({ id: 't2', kind: 'pullBack' });
    let { element } = await render();
    expect(byId(element, 'eoffice-file-send')).toBeNull();
    expect(byId(element, 'eoffice-file-pull-back')).not.toBeNull();

    openItem.and.resolveTo(null);
    ({ element } = await render());
    expect(byId(element, 'eoffice-file-send')).toBeNull();
    expect(byId(element, 'eoffice-file-close')).toBeNull();
  });

  it('lets the approver approve a close request, and shows the workflow’s refusal in words', async () => {
    openItem.and.resolveTo({ id: 't3', kind: 'approval', request: 'close' });
    const { fixture, element } = await render();
    expect(element.textContent).toContain('Asked to approve closing');
    decide.and.rejectWith(new MovementRefusal('Only the approver named may decide', ''));
    byId(element, 'eoffice-file-approve')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(decide).toHaveBeenCalledWith('file-1', 'approve');
    expect(byId(element, 'eoffice-file-action-error')?.textContent).toContain('Only the approver named may decide');
  });

  it('says plainly that a file never with the officer’s post cannot be opened', async () => {
    get.and.rejectWith(Object.assign(new Error('403'), { status: 403 }));
    const { element } = await render();
    expect(byId(element, 'eoffice-file-error')?.textContent).toContain('never been with your post');
  });

  it('shows progress while the file is read, and keeps the file on the page while it is read again', async () => {
    let answer!: (value: EFile) => void;
    get.and.callFake(() => new Promise<EFile>((resolve) => (answer = resolve)));
    const fixture = TestBed.createComponent(FileViewSmartComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();

    answer(file);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(byId(element, 'eoffice-file-number')?.textContent).toContain('A-11011/5/2026-EST-GAD');

    void fixture.componentInstance.load();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-spinner')).toBeNull();
    expect(byId(element, 'eoffice-file-subject')?.textContent).toContain('अवर श्रेणी लिपिकों की भर्ती');
    answer(file);
    await fixture.whenStable();
  });

  it('says when the file could not be read, and reads it again on Try again', async () => {
    get.and.rejectWith(Object.assign(new Error('500'), { status: 500 }));
    const { fixture, element } = await render();
    expect(byId(element, 'eoffice-file-error')?.textContent).toContain('The file could not be loaded.');

    get.and.callFake(async () => file);
    byId(element, 'eoffice-file-error')!.querySelector('button')!.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(byId(element, 'eoffice-file-error')).toBeNull();
    expect(byId(element, 'eoffice-file-number')?.textContent).toContain('A-11011/5/2026-EST-GAD');
  });

  it('a reference clicked in a note opens that correspondence entry', async () => {
    const { fixture, element } = await render();
    fixture.componentInstance.openReference({ kind: 'correspondence', id: 'c1', label: 'PUC' });
    fixture.detectChanges();
    expect(element.querySelector('[data-test="selected"]')?.textContent).toBe('c1');
  });

  it('the divider widens the notes with the arrow keys, within limits, and remembers it', async () => {
    const { fixture, element } = await render();
    const divider = element.querySelector<HTMLElement>('[role="separator"]')!;
    for (let i = 0; i < 10; i++) divider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    fixture.detectChanges();
    expect(divider.getAttribute('aria-valuenow')).toBe('80');
    expect(localStorage.getItem('eoffice.file.notesWidth')).toBe('80');
  });

  it('on a narrow screen, notes and correspondence become tabs', async () => {
    narrow = true;
    const { element } = await render();
    expect(element.querySelector('[role="separator"]')).toBeNull();
    const tabs = Array.from(element.querySelectorAll('[role="tab"]')).map((t) => t.textContent?.trim());
    expect(tabs).toEqual(['Notes', 'Correspondence', 'Drafts', 'Movements']);
  });

  it('shows script in a subject as text: nothing runs, no element is made from it', async () => {
    const payload = '<img src=x onerror="window.__eofficeXss=1"><script>window.__eofficeXss=2</script>';
    file = toEFile({ ...fileNode, properties: { ...fileNode.properties, 'eo:subject': payload } }, notesOperations);
    const { fixture, element } = await render();
    await fixture.whenStable();
    const subject = byId(element, 'eoffice-file-subject')!;
    expect(subject.textContent).toContain(payload);
    expect(subject.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __eofficeXss?: number }).__eofficeXss).toBeUndefined();
  });
});
