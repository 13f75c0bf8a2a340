import { TestBed } from '@angular/core/testing';
import { GroupsApi, NodeBodyCreate, NodesApi, SearchApi } from '@alfresco/js-api';
import { Hierarchy } from '@eoffice/domain';
import { HIERARCHY_PATH } from '../../desk/desk.service';
import { FileDraft } from '../model/file-draft';
import { FileService, SUBJECT_HEADS_PATH } from './file.service';
import { MovementService } from '../../movement/services/movement.service';
import { RegistrationService } from '../../movement/services/registration.service';
import { provideJsApi } from '../../shared/testing/spec-support.spec';

const hierarchy: Hierarchy = {
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration Department', hi: 'सामान्य प्रशासन विभाग' }, site: 'eo-gad' },
  sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
  posts: [
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, incumbent: 'priya.nair' }
  ],
  channel: { maxLevelJump: 4, sameLevelInSection: true, returnThroughJumpedLevels: true, allow: [] }
};
const heads = {
  version: 1,
  heads: [
    { basic: 'A', primary: '11', secondary: '011', name: { en: 'Recruitment', hi: 'भर्ती' }, sections: ['EST'] },
    { basic: 'G', primary: '20', secondary: '011', name: { en: 'Office administration', hi: 'कार्यालय प्रशासन' }, sections: ['ADM'] }
  ]
};
const draft: FileDraft = {
  section: 'EST',
  head: 'A-11011',
  subject: 'Recruitment of Stenographers',
  recordCategory: 'B',
  form: 'electronic',
  urgency: 'Normal'
};

describe('FileService', () => {
  let service: FileService;
  let createNode: jasmine.Spy;
  let search: jasmine.Spy;
  let taken: Record<string, string[]>;
  let begin: jasmine.Spy;
  let unopenedItems: jasmine.Spy;
  let createInIntake: jasmine.Spy;
  let register: jasmine.Spy;
  let amend: jasmine.Spy;
  /** What the repository allows the officer in the file's Notes folder. */
  let notesOperations: string[];
  /** What reached the repository, in order. */
  let calls: string[];
  /** The new file's properties as the repository holds them (numbered or not). */
  let intakeProperties: Record<string, unknown>;

  beforeEach(() => {
    taken = {};
    calls = [];
    intakeProperties = {};
    begin = jasmine.createSpy('begin').and.callFake(async (id: string) => calls.push(`begin ${id}`));
    unopenedItems = jasmine.createSpy('unopenedItems').and.resolveTo(['new-file']);
    createInIntake = jasmine.createSpy('createInIntake').and.callFake(async (_lib: string, post: string) => {
      calls.push(`intake ${post}`);
      return 'intake-1';
    });
    // The repository's eoRegister: the next serial of the section, a Computer No.
    register = jasmine.createSpy('register').and.callFake(async (id: string, post: string) => {
      calls.push(`register ${id} for ${post}`);
      return { id, number: 'A-11011/5/2026-EST-GAD', computerNumber: 2026000123, properties: {} };
    });
    notesOperations = [];
    amend = jasmine.createSpy('amend').and.callFake(async (id: string) => calls.push(`amend ${id}`));
    TestBed.configureTestingModule({
      providers: [
        provideJsApi(),
        { provide: MovementService, useValue: { begin, unopenedItems } },
        { provide: RegistrationService, useValue: { createInIntake, register, amend } }
      ]
    });
    service = TestBed.inject(FileService);
    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (id: string, opts?: { relativePath?: string }) => {
      if (opts?.relativePath === HIERARCHY_PATH) return { entry: { id: 'hierarchy' } } as never;
      if (opts?.relativePath === SUBJECT_HEADS_PATH) return { entry: { id: 'heads' } } as never;
      if (opts?.relativePath === 'Sites/eo-gad/documentLibrary') return { entry: { id: 'doclib' } } as never;
      if (opts?.relativePath && taken[opts.relativePath]) return { entry: { id: `folder:${opts.relativePath}` } } as never;
      if (id === 'a-file' && opts?.relativePath === 'Notes')
        return { entry: { id: 'a-file-notes', allowableOperations: notesOperations } } as never;
      if (id === 'a-file')
        return { entry: { id, nodeType: 'eo:file', properties: { 'eo:fileNumber': 'A-11011/5/2026-EST-GAD' } } } as never;
      if (id === 'a-receipt') return { entry: { id, nodeType: 'eo:receipt', properties: {} } } as never;
      if (id === 'intake-1') return { entry: { id, nodeType: 'eo:file', properties: { ...intakeProperties } } } as never;
      throw Object.assign(new Error('404'), { status: 404 });
    });
    spyOn(NodesApi.prototype, 'getNodeContent').and.callFake(
      async (id: string) => new Blob([JSON.stringify(id === 'heads' ? heads : hierarchy)]) as never
    );
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(async (id: string) => {
      if (id.startsWith('folder:')) {
        const names = [...taken[id.slice(7)]].sort().reverse();
        return { list: { entries: names.map((name) => ({ entry: { name } })), pagination: {} } } as never;
      }
      if (id === 'a-file')
        return { list: { entries: [{ entry: { id: 'corr', name: 'Correspondence', isFolder: true } }], pagination: {} } } as never;
      if (id === 'corr')
        return {
          list: {
            entries: [
              { entry: { id: 'c1', name: '000001', properties: { 'eo:correspondenceFlag': 'PUC', 'eo:correspondenceSerial': 1 } } },
              { entry: { id: 'c2', name: '000002', properties: { 'eo:correspondenceFlag': 'FR I', 'eo:correspondenceSerial': 2 } } }
            ],
            pagination: { hasMoreItems: false }
          }
        } as never;
      return { list: { entries: [], pagination: {} } } as never;
    });
    createNode = spyOn(NodesApi.prototype, 'createNode').and.callFake(async (parent: string, body: NodeBodyCreate) => {
      const names = (taken[body.relativePath ?? parent] ??= []);
      if (names.includes(body.name)) throw Object.assign(new Error('409'), { status: 409 });
      names.push(body.name);
      calls.push(`folder ${parent}/${body.name}`);
      return { entry: { id: `node:${body.relativePath}/${body.name}`, name: body.name } } as never;
    });
    spyOn(GroupsApi.prototype, 'listGroupMembershipsForPerson').and.resolveTo({
      list: { entries: [{ entry: { id: 'GROUP_EO_GAD' } }, { entry: { id: 'GROUP_EO_GAD_SO_EST' } }] }
    } as never);
    search = spyOn(SearchApi.prototype, 'search').and.resolveTo({ list: { entries: [], pagination: { totalItems: 0 } } } as never);
  });

  it('offers a section only its own subject heads, from the installed index', async () => {
    expect((await service.headsFor('EST')).map((h) => h.name.en)).toEqual(['Recruitment']);
  });

  it('opens a file in its post’s intake with its folders, has the repository number it, then starts its movement', async () => {
    const created = await service.create(draft);
    expect(created).toEqual({ id: 'intake-1', fileNumber: 'A-11011/5/2026-EST-GAD', computerNumber: 2026000123 });
    const [lib, post, nodeType, properties] = createInIntake.calls.mostRecent().args;
    expect([lib, post, nodeType]).toEqual(['doclib', 'SO_EST', 'eo:file']);
    expect(properties['eo:fileSection']).toBe('EST');
    expect(properties['eo:basicHead'] + '-' + properties['eo:primaryHead'] + properties['eo:secondaryHead']).toBe('A-11011');
    // The browser claims no number and no custody: the workflow writes those.
    for (const made of ['eo:fileNumber', 'eo:fileSerial', 'eo:computerNumber', 'eo:currentHolder', 'eo:status'])
      expect(made in properties).toBeFalse();
    expect(calls[0]).toBe('intake SO_EST');
    expect(calls.slice(1, 5).sort()).toEqual([
      'folder intake-1/Correspondence',
      'folder intake-1/Dispatches',
      'folder intake-1/Drafts',
      'folder intake-1/Notes'
    ]);
    // numbered with its folders in it, then its movement starts, so only the officer's post may write in it
    expect(calls.slice(5)).toEqual(['register intake-1 for SO_EST', 'begin intake-1']);
  });

  it('starts no movement and leaves no unnumbered file behind when the repository refuses to number it', async () => {
    const deleteNode = spyOn(NodesApi.prototype, 'deleteNode').and.resolveTo();
    register.and.rejectWith(new Error('priya.nair does not hold the post'));
    await expectAsync(service.create(draft)).toBeRejectedWithError('priya.nair does not hold the post');
    expect(begin).not.toHaveBeenCalled();
    // The intake item got no number: taken back for good, so a second try leaves no second one.
    expect(deleteNode).toHaveBeenCalledOnceWith('intake-1', { permanent: true });
  });

  it('never deletes a file the repository did number, even when reading the number back failed', async () => {
    const deleteNode = spyOn(NodesApi.prototype, 'deleteNode').and.resolveTo();
    intakeProperties = { 'eo:fileNumber': 'A-11011/6/2026-EST-GAD' };
    register.and.rejectWith(new Error('network'));
    await expectAsync(service.create(draft)).toBeRejectedWithError('network');
    expect(deleteNode).not.toHaveBeenCalled();
  });

  it('a part file points at its main file', async () => {
    await service.createPartFile({
      id: 'main-1',
      section: 'EST',
      basicHead: 'A',
      primaryHead: '11',
      secondaryHead: '011',
      subject: 'Main',
      fileNumber: 'A-11011/1/2026-EST-GAD',
      form: 'electronic'
    } as never);
    expect(createInIntake.calls.mostRecent().args[3]['eo:partOf']).toBe('main-1');
  });

  it('refuses a subject head from another section without creating anything', async () => {
    await expectAsync(service.create({ ...draft, head: 'G-20011' })).toBeRejectedWithError('EOFFICE.FILE.ERRORS.HEAD_UNKNOWN');
    expect(createNode).not.toHaveBeenCalled();
    expect(createInIntake).not.toHaveBeenCalled();
  });

  it('reads a file, and refuses a node that is not one', async () => {
    expect((await service.get('a-file')).fileNumber).toBe('A-11011/5/2026-EST-GAD');
    await expectAsync(service.get('a-receipt')).toBeRejectedWithError('EOFFICE.FILE.ERRORS.NOT_A_FILE');
  });

  it('takes the reading begun as the file’s address was matched, once; a refusal is reported as its own would be', async () => {
    const getNode = NodesApi.prototype.getNode as jasmine.Spy;
    service.prefetch('a-file');
    service.prefetch('a-file'); // begun again for the same file: the first reading stands
    expect(getNode).toHaveBeenCalledTimes(2); // the file, and its Notes folder
    notesOperations = ['create'];
    expect((await service.get('a-file')).canWrite).toBeFalse(); // as read when the address was matched
    expect(getNode).toHaveBeenCalledTimes(2);
    // Read again (after a movement): the repository is asked afresh.
    expect((await service.get('a-file')).canWrite).toBeTrue();
    expect(getNode).toHaveBeenCalledTimes(4);

    service.prefetch('a-receipt');
    await expectAsync(service.get('a-receipt')).toBeRejectedWithError('EOFFICE.FILE.ERRORS.NOT_A_FILE');
  });

  it('never takes a reading begun long ago, nor one of another file', async () => {
    const getNode = NodesApi.prototype.getNode as jasmine.Spy;
    const clock = spyOn(Date, 'now').and.returnValue(1_000_000);
    service.prefetch('a-file');
    clock.and.returnValue(1_000_000 + 60_000);
    notesOperations = ['create'];
    expect((await service.get('a-file')).canWrite).toBeTrue();
    expect(getNode).toHaveBeenCalledTimes(4);
    service.prefetch('a-receipt');
    expect((await service.get('a-file')).canWrite).toBeTrue();
    expect(getNode).toHaveBeenCalledTimes(8);
  });

  it('may write in a file only where the repository lets the officer create in its Notes folder', async () => {
    expect((await service.get('a-file')).canWrite).toBeFalse();
    notesOperations = ['create', 'update'];
    expect((await service.get('a-file')).canWrite).toBeTrue();
  });

  it('links files through the repository’s amendment, never by writing the file node', async () => {
    const updateNode = spyOn(NodesApi.prototype, 'updateNode');
    const file = await service.get('a-file');
    await service.link({ ...file, linkedFiles: ['other-1'] }, ['other-2', 'other-1', 'a-file']);
    expect(amend).toHaveBeenCalledOnceWith('a-file', { 'eo:linkedFiles': ['other-1', 'other-2'] });
    expect(updateNode).not.toHaveBeenCalled();
  });

  it('lists the correspondence in serial order', async () => {
    expect((await service.correspondence('a-file')).map((e) => e.flag)).toEqual(['PUC', 'FR I']);
  });

  it('lists the Inbox through one search for the officer’s posts', async () => {
    await service.list('inbox', { skipCount: 25, maxItems: 25, sort: { field: 'heldSince', ascending: true } });
    const request = search.calls.mostRecent().args[0];
    expect(request.query.query).toContain('=eo:currentHolder:"GROUP_EO_GAD_SO_EST"');
    expect(request.paging).toEqual({ skipCount: 25, maxItems: 25 });
    expect(request.sort).toEqual([{ type: 'FIELD', field: 'eo:heldSince', ascending: true }]);
  });

  it('tells the Inbox which of its files the officer’s posts have not opened yet, and asks it of no other list', async () => {
    const inbox = await service.list('inbox', { skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });
    expect(unopenedItems).toHaveBeenCalledOnceWith(['GROUP_EO_GAD_SO_EST'], 'holder');
    expect(inbox.unopened).toEqual(['new-file']);

    unopenedItems.calls.reset();
    const closed = await service.list('closed', { skipCount: 0, maxItems: 25, sort: { field: 'closedAt', ascending: false } });
    expect(unopenedItems).not.toHaveBeenCalled();
    expect(closed.unopened).toEqual([]);
    expect(search.calls.mostRecent().args[0].sort).toEqual([{ type: 'FIELD', field: 'eo:closedAt', ascending: false }]);
  });
});
