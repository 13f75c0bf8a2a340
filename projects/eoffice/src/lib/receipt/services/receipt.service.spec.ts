import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AlfrescoApi, GroupsApi, NodeBodyCreate, NodesApi, SearchApi, UploadApi } from '@alfresco/js-api';
import { electronicDraft, receiptNode, registryHierarchy } from '../mock/receipt.mock';
import { HIERARCHY_PATH } from '../../desk/desk.service';
import { DeskService } from '../../desk/desk.service';
import { RegistrationService } from '../../movement/services/registration.service';
import { ReceiptService, ScanProgress } from './receipt.service';
import { toReceipt } from '../model/receipt.model';
import { replyLetterHtml } from '../reply/reply-letter';

describe('ReceiptService', () => {
  let service: ReceiptService;
  let createNode: jasmine.Spy;
  let uploadFile: jasmine.Spy;
  let search: jasmine.Spy;
  let callApi: jasmine.Spy;
  /** Names already taken per folder (relativePath), as the repository would hold them. */
  let taken: Record<string, string[]>;
  let createInIntake: jasmine.Spy;
  let register: jasmine.Spy;
  let amend: jasmine.Spy;
  /** What reached the repository, in order. */
  let calls: string[];

  const pdf = () => new File(['%PDF-1.4'], 'letter.pdf', { type: 'application/pdf' });

  beforeEach(() => {
    callApi = jasmine.createSpy('callApi').and.resolveTo({ list: { entries: [] } });
    taken = {};
    calls = [];
    createInIntake = jasmine.createSpy('createInIntake').and.callFake(async (_lib: string, post: string) => {
      calls.push(`intake ${post}`);
      return 'intake-1';
    });
    // The repository's eoRegister: the next diary number of the section.
    register = jasmine.createSpy('register').and.callFake(async (id: string, post: string) => {
      calls.push(`register ${id} for ${post}`);
      return { id, number: '12/2026/EST-GAD', computerNumber: 2026000040, properties: {} };
    });
    amend = jasmine.createSpy('amend').and.resolveTo();
    TestBed.configureTestingModule({
      providers: [
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({ contentClient: { callApi } }) as unknown as AlfrescoApi } },
        { provide: RegistrationService, useValue: { createInIntake, register, amend } }
      ]
    });
    service = TestBed.inject(ReceiptService);
    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (id: string, opts?: { relativePath?: string }) => {
      if (opts?.relativePath === HIERARCHY_PATH) return { entry: { id: 'hierarchy' } } as never;
      if (opts?.relativePath === 'Sites/eo-gad/documentLibrary') return { entry: { id: 'doclib' } } as never;
      if (opts?.relativePath && taken[opts.relativePath]) return { entry: { id: `folder:${opts.relativePath}` } } as never;
      if (id === receiptNode.id) return { entry: receiptNode } as never;
      throw Object.assign(new Error('404'), { status: 404 });
    });
    spyOn(NodesApi.prototype, 'getNodeContent').and.resolveTo(new Blob([JSON.stringify(registryHierarchy)]) as never);
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(async (id: string) => {
      if (id.startsWith('folder:')) {
        const names = [...taken[id.slice(7)]].sort().reverse();
        return { list: { entries: names.map((name) => ({ entry: { name } })), pagination: {} } } as never;
      }
      if (id === receiptNode.id) {
        return {
          list: {
            entries: [
              { entry: { id: 'scan-1', name: 'letter.pdf', isFile: true, isFolder: false, content: { mimeType: 'application/pdf' } } },
              { entry: { id: 'movements', name: 'Movements', isFile: false, isFolder: true } },
              { entry: { id: 'replies', name: 'Replies', isFile: false, isFolder: true } }
            ]
          }
        } as never;
      }
      if (id === 'replies') {
        return {
          list: { entries: [{ entry: { id: 'reply-1', name: 'Reply-12.html', properties: { 'cm:title': 'Reply: transfer policy' } } }] }
        } as never;
      }
      return { list: { entries: [], pagination: { totalItems: 2 } } } as never;
    });
    createNode = spyOn(NodesApi.prototype, 'createNode').and.callFake(async (_parent: string, nodeBody: NodeBodyCreate) => {
      const body = { name: nodeBody.name, relativePath: nodeBody.relativePath ?? '' };
      const names = (taken[body.relativePath] ??= []);
      if (names.includes(body.name)) throw Object.assign(new Error('409'), { status: 409 });
      names.push(body.name);
      return { entry: { id: `node:${body.relativePath}/${body.name}`, name: body.name } } as never;
    });
    spyOn(GroupsApi.prototype, 'listGroupMembershipsForPerson').and.resolveTo({
      list: { entries: [{ entry: { id: 'GROUP_EO_GAD' } }, { entry: { id: 'GROUP_EO_GAD_CRU' } }] }
    } as never);
    uploadFile = spyOn(UploadApi.prototype, 'uploadFile').and.callFake(async (file: File) => {
      calls.push(`upload ${file.name}`);
      return { entry: { id: 'scan' } };
    });
    search = spyOn(SearchApi.prototype, 'search').and.resolveTo({
      list: { entries: [{ entry: receiptNode }], pagination: { totalItems: 41 } }
    } as never);
  });

  it('finds the department, its document library and the officer’s post', async () => {
    const desk = await service.desk();

    expect(await TestBed.inject(DeskService).documentLibraryId()).toBe('doclib');
    expect(desk.posts).toEqual(['GROUP_EO_GAD_CRU']);
    expect(desk.section).toBe('ADM');
  });

  it('diarises an electronic receipt: created in the registry’s intake with its scans, then numbered by the repository', async () => {
    const progress: ScanProgress[] = [];
    const done = await service.diarise(electronicDraft, [pdf()], (p) => progress.push(p), new Date(2026, 10, 20, 10));

    expect(done).toEqual({ id: 'intake-1', receiptNumber: '12/2026/EST-GAD', post: 'CRU', failedScans: [] });
    const [lib, post, nodeType, properties] = createInIntake.calls.mostRecent().args;
    expect([lib, post, nodeType]).toEqual(['doclib', 'CRU', 'eo:receipt']);
    expect(properties['eo:subject']).toBe(electronicDraft.subject);
    expect(properties['eo:receiptSection']).toBe('EST');
    // The browser claims no number and no custody: the workflow writes those.
    for (const made of ['eo:receiptNumber', 'eo:receiptSerial', 'eo:computerNumber', 'eo:currentHolder', 'eo:status', 'eo:diarisedBy'])
      expect(made in properties).toBeFalse();
    expect(uploadFile).toHaveBeenCalledOnceWith(
      jasmine.any(File),
      '',
      'intake-1',
      jasmine.objectContaining({ name: 'letter.pdf' }),
      jasmine.anything()
    );
    expect(calls).toEqual(['intake CRU', 'upload letter.pdf', 'register intake-1 for CRU']);
    expect(progress[progress.length - 1]).toEqual({ file: 'letter.pdf', percent: 100, done: true, failed: false });
  });

  it('diarises a physical receipt without uploading anything', async () => {
    const done = await service.diarise({ ...electronicDraft, form: 'physical' }, [], undefined, new Date(2026, 10, 20));

    expect(done.receiptNumber).toBe('12/2026/EST-GAD');
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it('keeps the receipt unnumbered while a scan could not be stored, and numbers it once the scans are uploaded again', async () => {
    uploadFile.and.rejectWith(new Error('413'));

    const done = await service.diarise(electronicDraft, [pdf()], undefined, new Date(2026, 10, 20));

    expect(done.failedScans.map((f) => f.name)).toEqual(['letter.pdf']);
    expect(done.receiptNumber).toBe('');
    expect(register).not.toHaveBeenCalled();

    uploadFile.and.resolveTo({ entry: { id: 'scan' } });
    const again = await service.retryScans(done);
    expect(again.failedScans).toEqual([]);
    expect(again.receiptNumber).toBe('12/2026/EST-GAD');
    expect(register).toHaveBeenCalledOnceWith('intake-1', 'CRU');
  });

  it('refuses a diarist outside the Central Registry before creating anything', async () => {
    TestBed.inject(DeskService).desk = async () => ({
      hierarchy: registryHierarchy,
      posts: ['GROUP_EO_GAD_SO_EST'],
      postEntries: registryHierarchy.posts.filter((p) => p.code !== 'CRU').slice(0, 1),
      section: 'EST'
    });

    await expectAsync(service.diarise(electronicDraft, [pdf()], undefined, new Date(2026, 10, 20))).toBeRejectedWithError(
      'EOFFICE.RECEIPT.ERRORS.NOT_REGISTRY'
    );
    expect(createInIntake).not.toHaveBeenCalled();
  });

  it('records the acknowledgement through the amendment, and answers false when the repository refuses', async () => {
    expect(await service.markAcknowledged(receiptNode.id, new Date('2026-11-21T05:00:00Z'))).toBeTrue();
    expect(amend).toHaveBeenCalledOnceWith(receiptNode.id, { 'eo:acknowledgedAt': '2026-11-21T05:00:00.000Z' });
    amend.and.rejectWith(new Error('does not hold'));
    expect(await service.markAcknowledged(receiptNode.id)).toBeFalse();
  });

  it('saves an edit through the repository’s amendment, never by writing the receipt', async () => {
    const updateNode = spyOn(NodesApi.prototype, 'updateNode');
    const draft = { ...electronicDraft, subject: 'Corrected subject' };

    const receipt = await service.update(receiptNode.id, draft, true);

    expect(amend).toHaveBeenCalledOnceWith(receiptNode.id, jasmine.objectContaining({ 'eo:subject': 'Corrected subject' }));
    expect('eo:receivedDate' in amend.calls.mostRecent().args[1]).toBeFalse();
    expect(updateNode).not.toHaveBeenCalled();
    expect(receipt.id).toBe(receiptNode.id);
  });

  it('lists one page of the receipts the officer’s post created, sorted on the server', async () => {
    const page = await service.list('created', {
      filters: { urgency: 'Immediate' },
      skipCount: 25,
      maxItems: 25,
      sort: { field: 'diarisedDate', ascending: false }
    });

    const request = search.calls.mostRecent().args[0];
    expect(request.query.query).toContain('=eo:originPost:"GROUP_EO_GAD_CRU"');
    expect(request.query.query).toContain('=eo:urgency:"Immediate"');
    expect(request.paging).toEqual({ skipCount: 25, maxItems: 25 });
    expect(request.sort).toEqual([{ type: 'FIELD', field: 'eo:diarisedDate', ascending: false }]);
    expect(page.totalItems).toBe(41);
    expect(page.receipts[0].receiptNumber).toBe('12/2026/EST-GAD');
  });

  it('reads a receipt with its scans and counts its movements', async () => {
    const details = await service.get(receiptNode.id);

    expect(details.receipt.subject).toBe(electronicDraft.subject);
    expect(details.scans).toEqual([{ id: 'scan-1', name: 'letter.pdf', mimeType: 'application/pdf' }]);
    expect(details.movements).toBe(2);
  });

  it('keeps draft replies apart from the scans', async () => {
    const details = await service.get(receiptNode.id);

    expect(details.replies).toEqual([{ id: 'reply-1', name: 'Reply-12.html', title: 'Reply: transfer policy' }]);
    expect(details.scans.map((scan) => scan.id)).toEqual(['scan-1']);
  });

  it('stores a reply as a draft letter under the receipt, in Replies/', async () => {
    const updateNodeContent = spyOn(NodesApi.prototype, 'updateNodeContent').and.resolveTo({} as never);
    const receipt = toReceipt(receiptNode);
    const reply = {
      to: 'Anil Deshmukh',
      reference: 'Our receipt No. 12/2026/EST-GAD',
      subject: ' Reply: transfer policy ',
      body: 'Noted.'
    };

    const stored = await service.createReply(receipt, reply, new Date(2026, 10, 21));

    expect(createNode).toHaveBeenCalledOnceWith(
      receiptNode.id,
      {
        name: 'Reply-12-2026-EST-GAD-2026-11-21.html',
        nodeType: 'eo:draft',
        relativePath: 'Replies',
        properties: { 'cm:title': 'Reply: transfer policy', 'eo:draftKind': 'reply', 'eo:draftStatus': 'draft' }
      },
      { autoRename: true }
    );
    expect(updateNodeContent).toHaveBeenCalledOnceWith(stored.id, jasmine.stringMatching('<p>Noted.</p>'), jasmine.anything());
    expect(stored.title).toBe('Reply: transfer policy');
  });

  it('reads a stored reply back as the body of its letter, without the page head', async () => {
    const receipt = toReceipt(receiptNode);
    const html = replyLetterHtml({ to: 'Anil Deshmukh', reference: 'Ref', subject: 'Reply: x', body: 'Noted.' }, receipt);
    (NodesApi.prototype.getNodeContent as jasmine.Spy).and.resolveTo(new Blob([html]));

    const letter = await service.replyLetter('reply-1');

    expect(letter).toContain('<address>Anil Deshmukh</address>');
    expect(letter).toContain('<p>Noted.</p>');
    expect(letter).not.toContain('<title>');
  });

  it('removes the empty draft again when its letter cannot be written: nothing half-saved', async () => {
    spyOn(NodesApi.prototype, 'updateNodeContent').and.rejectWith(new Error('500'));
    const deleteNode = spyOn(NodesApi.prototype, 'deleteNode').and.resolveTo();
    const reply = { to: 'A', reference: '', subject: 'Reply: x', body: 'y' };

    await expectAsync(service.createReply(toReceipt(receiptNode), reply)).toBeRejected();
    expect(deleteNode).toHaveBeenCalledOnceWith(jasmine.stringMatching('Replies'), { permanent: true });
  });

  it("filters the Inbox to unread receipts: the workflow names the post's unopened tasks, the search keeps those ids", async () => {
    callApi.and.resolveTo({
      list: {
        entries: [
          { entry: { variables: [{ name: 'eowf_itemId', value: 'r1' }] } },
          {
            entry: {
              variables: [
                { name: 'eowf_holder', value: 'CRU' },
                { name: 'eowf_itemId', value: 'r2' }
              ]
            }
          }
        ]
      }
    });
    await service.list('inbox', { filters: { read: 'unread' }, skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });

    expect(callApi).toHaveBeenCalledTimes(1);
    const [path, method, , query] = callApi.calls.mostRecent().args;
    expect([path, method]).toEqual(['/api/-default-/public/workflow/versions/1/tasks', 'GET']);
    expect(query.where).toContain("(candidateGroup='GROUP_EO_GAD_CRU' AND ");
    expect(query.where).toContain("variables/eowf_holderGroup='GROUP_EO_GAD_CRU' AND variables/eowf_opened='d:boolean false'");
    const afts = search.calls.mostRecent().args[0].query.query;
    expect(afts).toContain('(ID:"workspace://SpacesStore/r1" OR ID:"workspace://SpacesStore/r2")');
    expect(afts).toContain('=eo:currentHolder:"GROUP_EO_GAD_CRU"');
  });

  it('tells the Inbox which receipts are unopened (to show them in bold) without filtering it by them', async () => {
    callApi.and.resolveTo({ list: { entries: [{ entry: { variables: [{ name: 'eowf_itemId', value: 'r1' }] } }] } });
    const page = await service.list('inbox', { filters: {}, skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });

    expect(callApi).toHaveBeenCalledTimes(1);
    expect(page.unopened).toEqual(['r1']);
    expect(search.calls.mostRecent().args[0].query.query).not.toContain('ID:');
  });

  it('asks the workflow nothing where read/unread means nothing (Created), nor for Sent without the filter', async () => {
    const created = await service.list('created', {
      filters: { read: 'unread' },
      skipCount: 0,
      maxItems: 25,
      sort: { field: 'heldSince', ascending: true }
    });
    await service.list('sent', { filters: {}, skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });

    expect(callApi).not.toHaveBeenCalled();
    expect(created.unopened).toEqual([]);
    expect(search.calls.mostRecent().args[0].query.query).not.toContain('ID:');
  });
});
