import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AlfrescoApi, NodesApi, PeopleApi } from '@alfresco/js-api';
import { Desk, DeskService } from '../../desk/desk.service';
import { referenceAnchor } from './note-sanitiser';
import { toNote } from './note.model';
import { NOTES_READ_FIRST, NoteError, NoteService, noteErrorOf, statusOf } from './note.service';
import { ASO_GROUP, NotesRepository, SO_GROUP, notesheetDesk, testFile } from './notesheet-testing.spec';

describe('note model', () => {
  it('maps a green, signed note with its references and shows plain text as text', () => {
    const note = toNote(
      {
        id: 'n1',
        name: '000002',
        content: { mimeType: 'text/plain' },
        aspectNames: ['eo:signed'],
        properties: {
          'eo:noteNumber': 2,
          'eo:noteColour': 'green',
          'eo:noteAuthorPost': ASO_GROUP,
          'eo:noteReferences': ['workspace://SpacesStore/corr-1', 'corr-2'],
          'eo:noteFrozenAt': '2026-11-21T09:00:00.000Z',
          'eo:signedByName': 'Ravi Kumar',
          'eo:signedByDesignation': 'Assistant Section Officer (Establishment)',
          'eo:signedByUser': 'ravi.kumar',
          'eo:signedByPost': ASO_GROUP,
          'eo:signedAt': '2026-11-20T10:15:00.000Z'
        }
      },
      'Put up for orders.\n<b>not bold</b>'
    );
    expect(note.number).toBe(2);
    expect(note.colour).toBe('green');
    expect(note.references).toEqual(['corr-1', 'corr-2']);
    expect(note.frozenAt).toBe('2026-11-21T09:00:00.000Z');
    expect(note.signature).toEqual({
      name: 'Ravi Kumar',
      designation: 'Assistant Section Officer (Establishment)',
      user: 'ravi.kumar',
      post: ASO_GROUP,
      at: '2026-11-20T10:15:00.000Z'
    });
    expect(note.html).toBe('<p>Put up for orders.<br>&lt;b&gt;not bold&lt;/b&gt;</p>');
  });

  it('treats an unknown colour as a draft and takes the number from the name when the property is missing', () => {
    const note = toNote({ id: 'n', name: '000007', content: { mimeType: 'text/html' }, properties: {} }, '<p onclick="x()">draft</p>');
    expect(note.colour).toBe('yellow');
    expect(note.number).toBe(7);
    expect(note.signature).toBeUndefined();
    expect(note.html).toBe('<p>draft</p>');
  });
});

describe('NoteService', () => {
  let service: NoteService;
  let repo: NotesRepository;
  let desk: Desk;

  beforeEach(() => {
    repo = new NotesRepository();
    desk = notesheetDesk;
    TestBed.configureTestingModule({
      providers: [
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({}) as AlfrescoApi } },
        { provide: DeskService, useValue: { desk: async () => desk } }
      ]
    });
    service = TestBed.inject(NoteService);
    repo.install();
  });

  const failure = async (run: Promise<unknown>): Promise<NoteError> => {
    try {
      await run;
    } catch (e) {
      return e as NoteError;
    }
    throw new Error('expected a refusal');
  };

  it('lists the notes in number order without their text, read on request; an empty notesheet when Notes/ is missing', async () => {
    repo.add(2, 'green', 'Second');
    repo.add(10, 'yellow', '<p>Tenth <script>alert(1)</script></p>', { mimeType: 'text/html' });
    repo.add(1, 'green', 'First');
    const notes = await service.list('file-1');
    expect(notes.map((n) => n.number)).toEqual([1, 2, 10]);
    expect(notes.map((n) => n.html)).toEqual([undefined, undefined, undefined]);
    expect(notes[0].signature?.name).toBe('Ravi Kumar');
    expect(NodesApi.prototype.getNodeContent).not.toHaveBeenCalled();

    const texts = await service.read(notes);
    expect(notes.map((n) => texts.get(n.id))).toEqual(['<p>First</p>', '<p>Second</p>', '<p>Tenth </p>']);

    repo.notes.clear();
    repo.folderExists = false;
    expect(await service.list('file-1')).toEqual([]);
  });

  it('lists 500 notes in one request and reads the text of only the notes asked for', async () => {
    for (let n = 1; n <= 500; n++) repo.add(n, n < 500 ? 'green' : 'yellow', `Note ${n}`);
    const notes = await service.list('file-1');
    expect(notes.length).toBe(500);
    expect(notes[499]).toEqual(jasmine.objectContaining({ number: 500, colour: 'yellow' }));
    // the file's folders, then Notes/ itself
    expect(NodesApi.prototype.listNodeChildren).toHaveBeenCalledTimes(2);
    expect(NodesApi.prototype.getNodeContent).not.toHaveBeenCalled();

    const texts = await service.read(notes.slice(0, 8));
    expect(NodesApi.prototype.getNodeContent).toHaveBeenCalledTimes(8);
    expect(texts.get(notes[7].id)).toBe('<p>Note 8</p>');
  });

  it('takes the listing the file view began as it opened the file (Notes/ by its path), once; later lists read afresh', async () => {
    repo.add(1, 'green', 'First');
    repo.add(2, 'yellow', 'Draft');
    const list = NodesApi.prototype.listNodeChildren as jasmine.Spy;
    service.prefetch('file-1');
    // The first notes by a small request of their own, the rest beside it.
    expect(list.calls.allArgs()).toEqual([
      ['file-1', jasmine.objectContaining({ relativePath: 'Notes', orderBy: ['name ASC'], skipCount: 0, maxItems: NOTES_READ_FIRST })],
      ['file-1', jasmine.objectContaining({ relativePath: 'Notes', orderBy: ['name ASC'], skipCount: NOTES_READ_FIRST })]
    ]);
    // The file view begins the same listing again as it loads: the one begun as the file was opened stands.
    service.prefetch('file-1');
    expect(list).toHaveBeenCalledTimes(2);
    const notes = await service.list('file-1', 'notes-folder');
    expect(notes.map((n) => n.number)).toEqual([1, 2]);
    expect(list).toHaveBeenCalledTimes(2);

    // Another officer's note meanwhile: the next list asks the repository again, not the early listing.
    repo.add(3, 'yellow', 'Third');
    expect((await service.list('file-1', 'notes-folder')).map((n) => n.number)).toEqual([1, 2, 3]);
    expect(list.calls.mostRecent().args[0]).toBe('notes-folder');
    // An early listing of another file is not taken for this one.
    service.prefetch('file-2');
    expect((await service.list('file-1', 'notes-folder')).length).toBe(3);
    expect(list.calls.mostRecent().args[0]).toBe('notes-folder');
  });

  it('lists every note of a long file from the early listing’s two requests, each once and in order', async () => {
    for (let n = 1; n <= 40; n++) repo.add(n, 'green', `Note ${n}`);
    service.prefetch('file-1');
    const notes = await service.list('file-1', 'notes-folder');
    expect(notes.map((n) => n.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(NodesApi.prototype.listNodeChildren).toHaveBeenCalledTimes(2);
  });

  it('does not take an early listing begun long ago for a file opened now: it lists afresh', async () => {
    repo.add(1, 'green', 'First');
    const clock = spyOn(Date, 'now').and.returnValue(1_000_000);
    service.prefetch('file-1');
    repo.add(2, 'yellow', 'Draft');
    clock.and.returnValue(1_000_000 + 60_000);
    const list = NodesApi.prototype.listNodeChildren as jasmine.Spy;
    expect((await service.list('file-1', 'notes-folder')).map((n) => n.number)).toEqual([1, 2]);
    expect(list.calls.mostRecent().args[0]).toBe('notes-folder');
  });

  it('reads the first notes’ texts as soon as the early listing answers, each once, and lists them with their text', async () => {
    for (let n = 1; n <= 40; n++) repo.add(n, n < 40 ? 'green' : 'yellow', `Note ${n}`);
    const contents = NodesApi.prototype.getNodeContent as jasmine.Spy;
    service.prefetch('file-1');
    // The notesheet takes the early listing with the first notes' texts (read once), the others without.
    const listed = await service.list('file-1', 'notes-folder');
    expect(listed.slice(0, NOTES_READ_FIRST).map((n) => n.html)).toEqual(
      Array.from({ length: NOTES_READ_FIRST }, (_, i) => `<p>Note ${i + 1}</p>`)
    );
    expect(listed[NOTES_READ_FIRST].html).toBeUndefined();
    const texts = await service.read(listed.slice(0, NOTES_READ_FIRST));
    expect(texts.get(listed[0].id)).toBe('<p>Note 1</p>');
    expect(contents).toHaveBeenCalledTimes(NOTES_READ_FIRST);
    expect(contents.calls.allArgs().map(([id]) => id)).toEqual(listed.slice(0, NOTES_READ_FIRST).map((n) => n.id));

    // Listed again (after a note is added, say): the first notes come with their text, the rest without.
    const again = await service.list('file-1', 'notes-folder');
    expect(again.slice(0, NOTES_READ_FIRST).every((n) => n.html !== undefined)).toBeTrue();
    expect(again.slice(NOTES_READ_FIRST).every((n) => n.html === undefined)).toBeTrue();
    expect(contents).toHaveBeenCalledTimes(NOTES_READ_FIRST);
  });

  it('opens a new file without Notes/ as an empty notesheet, the early listing’s 404 no failure', async () => {
    repo.folderExists = false;
    service.prefetch('file-1');
    expect(await service.list('file-1')).toEqual([]);
  });

  it('reads again only the notes that changed since the last reading, and lists unchanged ones with their text', async () => {
    repo.add(1, 'green', 'First');
    const draft = repo.add(2, 'yellow', 'Draft');
    await service.read(await service.list('file-1'));
    expect(NodesApi.prototype.getNodeContent).toHaveBeenCalledTimes(2);
    await service.update({ id: draft.id }, '<p>Draft, longer</p>');
    const notes = await service.list('file-1');
    expect(notes.map((n) => n.html)).toEqual(['<p>First</p>', undefined]);
    const texts = await service.read(notes);
    expect(NodesApi.prototype.getNodeContent).toHaveBeenCalledTimes(3);
    expect((NodesApi.prototype.getNodeContent as jasmine.Spy).calls.mostRecent().args[0]).toBe(draft.id);
    expect(texts.get(draft.id)).toBe('<p>Draft, longer</p>');
  });

  it('says the file is gone when the file itself cannot be found', async () => {
    // Notes/ answers 404, and so does the file itself (deleted, or never readable by this officer).
    (NodesApi.prototype.listNodeChildren as jasmine.Spy).and.callFake(async () => {
      throw Object.assign(new Error('404'), { status: 404 });
    });
    const error = await failure(service.list('file-1'));
    expect(error.key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.GONE');
  });

  it('begins a yellow note with the next number, stored as sanitised HTML with its references', async () => {
    repo.add(1, 'green', 'First');
    repo.add(2, 'green', 'Second');
    const html = `<p>Please see ${referenceAnchor({ id: 'corr-2', kind: 'correspondence', label: 'FR I' })} <img src=x onerror=alert(1)></p>`;
    const note = await service.add(testFile(), html);

    expect(note.number).toBe(3);
    expect(note.colour).toBe('yellow');
    const stored = repo.notes.get('000003')!;
    expect(stored.mimeType).toBe('text/html');
    expect(stored.content).toBe('<p>Please see <a data-eo-ref="corr-2" data-eo-kind="correspondence">FR I</a> </p>');
    expect(stored.properties).toEqual(
      jasmine.objectContaining({
        'eo:noteNumber': 3,
        'eo:noteColour': 'yellow',
        'eo:noteAuthorPost': SO_GROUP,
        'eo:noteReferences': ['corr-2']
      })
    );
  });

  it('takes the following number when another client claims the same one first (race-free)', async () => {
    repo.add(1, 'green', 'First');
    let raced = false;
    repo.beforeUpload = (name) => {
      if (raced) return;
      raced = true;
      repo.add(Number(name), 'green', 'Written meanwhile by the same post in another window');
    };
    const note = await service.add(testFile(), '<p>Mine</p>');
    expect(note.number).toBe(3);
    expect([...repo.notes.keys()].sort()).toEqual(['000001', '000002', '000003']);
  });

  it('keeps one draft at the foot of the notesheet: a second new note is refused with the draft’s number', async () => {
    repo.add(1, 'green', 'First');
    repo.add(2, 'yellow', 'Draft');
    const error = await failure(service.add(testFile(), '<p>Another</p>'));
    expect(error.key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.DRAFT_EXISTS');
    expect(error.params).toEqual({ number: 2 });
    expect(repo.notes.size).toBe(2);
  });

  it('refuses a blank note and a note in a file that is not with the officer, before asking the repository', async () => {
    expect((await failure(service.add(testFile(), '<p><br></p>'))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.EMPTY');
    expect((await failure(service.add(testFile(false), '<p>x</p>'))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.NOT_WITH_YOU');
    expect(repo.notes.size).toBe(0);
  });

  it('discards the latest draft and gives its number to the next note: no gap in the numbering', async () => {
    repo.add(1, 'green', 'First');
    const draft = repo.add(2, 'yellow', 'Draft');
    await service.discard('file-1', { id: draft.id, number: 2 });
    expect(repo.notes.has('000002')).toBeFalse();
    const next = await service.add(testFile(), '<p>Rewritten</p>');
    expect(next.number).toBe(2);
  });

  it('refuses to discard a note that is not the latest, or a green one', async () => {
    const yellow = repo.add(1, 'yellow', 'Old draft');
    const green = repo.add(2, 'green', 'Later note');
    expect((await failure(service.discard('file-1', { id: yellow.id, number: 1 }))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.NOT_LATEST');
    expect((await failure(service.discard('file-1', { id: green.id, number: 2 }))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.ALREADY_GREEN');
    expect(repo.notes.size).toBe(2);
  });

  it('edits a draft: new content as text/html and the references it now makes', async () => {
    const draft = repo.add(1, 'yellow', 'Old');
    const note = await service.update(
      { id: draft.id },
      `<p>New, see ${referenceAnchor({ id: 'corr-1', kind: 'correspondence', label: 'PUC' })}</p>`
    );
    expect(draft.content).toBe('<p>New, see <a data-eo-ref="corr-1" data-eo-kind="correspondence">PUC</a></p>');
    expect(draft.mimeType).toBe('text/html');
    expect(draft.properties['eo:noteReferences']).toEqual(['corr-1']);
    expect(note.html).toBe(draft.content);
  });

  it('never changes a green note', async () => {
    const green = repo.add(1, 'green', 'Signed');
    expect((await failure(service.update({ id: green.id }, '<p>changed</p>'))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.ALREADY_GREEN');
    expect(green.content).toBe('Signed');
    expect(NodesApi.prototype.put).not.toHaveBeenCalled();
  });

  it('lets the signer amend a green note before the file moves: new text, signed again with the time of the change', async () => {
    const green = repo.add(1, 'green', 'Three printers.');
    Object.assign(green.properties, { 'eo:signedByUser': 'priya.nair', 'eo:signedByName': 'Priya Nair', 'eo:signedByPost': SO_GROUP });
    const at = new Date('2026-11-24T06:30:00.000Z');
    const html = `<p>Four printers, see ${referenceAnchor({ id: 'corr-1', kind: 'correspondence', label: 'PUC' })}</p>`;
    const note = await service.amend(testFile(), { id: green.id }, html, at);

    expect(green.content).toBe('<p>Four printers, see <a data-eo-ref="corr-1" data-eo-kind="correspondence">PUC</a></p>');
    expect(green.properties).toEqual(
      jasmine.objectContaining({
        'eo:noteColour': 'green',
        'eo:noteReferences': ['corr-1'],
        'eo:signedByUser': 'priya.nair',
        'eo:signedByPost': SO_GROUP,
        'eo:signedAt': '2026-11-24T06:30:00.000Z'
      })
    );
    expect(note).toEqual(jasmine.objectContaining({ colour: 'green', number: 1, html: green.content }));
    expect(note.signature?.at).toBe('2026-11-24T06:30:00.000Z');
  });

  it('refuses to amend a frozen green note, or one another officer signed, and writes nothing', async () => {
    const frozen = repo.add(1, 'green', 'Sent on.');
    Object.assign(frozen.properties, { 'eo:signedByUser': 'priya.nair', 'eo:noteFrozenAt': '2026-11-21T09:00:00.000Z' });
    const others = repo.add(2, 'green', 'Signed by Ravi Kumar.'); // eo:signedByUser ravi.kumar

    expect(await failure(service.amend(testFile(), { id: frozen.id }, '<p>rewritten</p>'))).toEqual(
      jasmine.objectContaining({ key: 'EOFFICE.FILE.NOTESHEET.ERRORS.FROZEN', params: { number: 1 } })
    );
    expect(await failure(service.amend(testFile(), { id: others.id }, '<p>rewritten</p>'))).toEqual(
      jasmine.objectContaining({ key: 'EOFFICE.FILE.NOTESHEET.ERRORS.NOT_YOURS', params: { number: 2 } })
    );
    expect((await failure(service.amend(testFile(false), { id: others.id }, '<p>rewritten</p>'))).key).toBe(
      'EOFFICE.FILE.NOTESHEET.ERRORS.NOT_WITH_YOU'
    );
    expect([frozen.content, others.content]).toEqual(['Sent on.', 'Signed by Ravi Kumar.']);
    expect(NodesApi.prototype.put).not.toHaveBeenCalled();
    expect(NodesApi.prototype.updateNode).not.toHaveBeenCalled();
  });

  it('confirms a draft green, signed with the officer’s name, designation, post and the time', async () => {
    const draft = repo.add(1, 'yellow', 'Put up.', {
      permissions: {
        isInheritanceEnabled: true,
        inherited: [
          { authorityId: SO_GROUP, name: 'Collaborator', accessStatus: 'ALLOWED' },
          { authorityId: ASO_GROUP, name: 'Consumer', accessStatus: 'ALLOWED' }
        ]
      }
    });
    const at = new Date('2026-11-23T05:00:00.000Z');
    const note = await service.confirm(testFile(), { id: draft.id }, '<p>Put up for orders.</p>', at);

    // Its post no longer writes it: only its author, the owner, until the send freezes it.
    expect(draft.permissions).toEqual({
      isInheritanceEnabled: false,
      inherited: [],
      locallySet: [
        { authorityId: ASO_GROUP, name: 'Consumer', accessStatus: 'ALLOWED' },
        { authorityId: SO_GROUP, name: 'Consumer', accessStatus: 'ALLOWED' }
      ]
    });
    expect(draft.content).toBe('<p>Put up for orders.</p>');
    expect(draft.aspectNames).toEqual(['cm:auditable', 'eo:signed']);
    expect(draft.properties).toEqual(
      jasmine.objectContaining({
        'eo:noteColour': 'green',
        'eo:signedByName': 'Priya Nair',
        'eo:signedByDesignation': 'Section Officer (Establishment)',
        'eo:signedByUser': 'priya.nair',
        'eo:signedByPost': SO_GROUP,
        'eo:signedAt': '2026-11-23T05:00:00.000Z'
      })
    );
    expect(note.colour).toBe('green');
    expect(note.signature?.designation).toBe('Section Officer (Establishment)');
    expect(note.html).toBe('<p>Put up for orders.</p>');
  });

  it('signs with the name the hierarchy records for the incumbent, not with a renamed profile', async () => {
    // Anyone may rename themselves: PUT /people/-me- {"firstName": "Secretary"}.
    (PeopleApi.prototype.getPerson as jasmine.Spy).and.resolveTo({
      entry: { id: 'priya.nair', firstName: 'Secretary', lastName: '', email: 'priya@example.gov.in', enabled: true }
    } as never);
    const draft = repo.add(1, 'yellow', 'Put up.');
    const note = await service.confirm(testFile(), { id: draft.id });

    expect(draft.properties['eo:signedByName']).toBe('Priya Nair');
    expect(note.signature?.name).toBe('Priya Nair');
  });

  it('signs with the user name, not the profile, when the hierarchy records no name for the officer', async () => {
    const h = notesheetDesk.hierarchy;
    desk = { ...notesheetDesk, hierarchy: { ...h, posts: h.posts.map(({ incumbentName: _name, ...p }) => p) } };
    const draft = repo.add(1, 'yellow', 'Put up.');
    await service.confirm(testFile(), { id: draft.id });

    expect(draft.properties['eo:signedByName']).toBe('priya.nair');
    expect(draft.properties['eo:signedByDesignation']).toBe('Section Officer (Establishment)');
  });

  it('shows a signature’s designation in Hindi from the hierarchy', async () => {
    repo.add(1, 'green', 'x');
    const [note] = await service.list('file-1');
    expect(await service.designationOf(note, 'hi')).toBe('सहायक अनुभाग अधिकारी (स्थापना)');
    expect(await service.designationOf(note, 'en')).toBe('Assistant Section Officer (Establishment)');
  });

  it('words the repository’s refusals for the officer', async () => {
    const draft = repo.add(1, 'yellow', 'Draft');
    repo.failNext.put = 403;
    expect((await failure(service.update({ id: draft.id }, '<p>x</p>'))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.NOT_WITH_YOU');
    repo.failNext.update = 409;
    expect(await failure(service.confirm(testFile(), { id: draft.id }))).toEqual(
      jasmine.objectContaining({ key: 'EOFFICE.FILE.NOTESHEET.ERRORS.CONFLICT', status: 409 })
    );
    expect((await failure(service.update({ id: 'gone' }, '<p>x</p>'))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.GONE');
    repo.failNext.delete = 403;
    expect(await failure(service.discard('file-1', { id: draft.id, number: 1 }))).toEqual(
      jasmine.objectContaining({ key: 'EOFFICE.FILE.NOTESHEET.ERRORS.DISCARD_FORBIDDEN', params: { number: 1 } })
    );
    repo.failNext.delete = 500;
    expect((await failure(service.discard('file-1', { id: draft.id, number: 1 }))).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.FAILED');
    expect(draft.properties['eo:noteColour']).toBe('yellow');
  });

  it('reads the status from js-api errors in every shape they come in', () => {
    expect(statusOf({ status: 403 })).toBe(403);
    expect(statusOf({ statusCode: 409 })).toBe(409);
    expect(statusOf(new Error('{"error":{"statusCode":404,"briefSummary":"not found"}}'))).toBe(404);
    expect(statusOf(new Error('offline'))).toBeUndefined();
    expect(noteErrorOf(new Error('offline')).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.FAILED');
    expect(noteErrorOf({ status: 401 }).key).toBe('EOFFICE.FILE.NOTESHEET.ERRORS.SIGNED_OUT');
  });
});
