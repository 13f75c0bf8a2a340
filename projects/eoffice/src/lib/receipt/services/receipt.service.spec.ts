import { TestBed } from '@angular/core/testing';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { AlfrescoApi, GroupsApi, NodeBodyCreate, NodesApi, SearchApi, UploadApi } from '@alfresco/js-api';
import { electronicDraft, receiptNode, registryHierarchy } from '../mock/receipt.mock';
import { HIERARCHY_PATH } from '../../desk/desk.service';
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

  const pdf = () => new File(['%PDF-1.4'], 'letter.pdf', { type: 'application/pdf' });

  beforeEach(() => {
    callApi = jasmine.createSpy('callApi').and.resolveTo({ list: { entries: [] } });
    taken = { 'Receipts/2026/EST': ['000011'], 'Registers/Computer No/2026': ['000039'] };
    TestBed.configureTestingModule({
      providers: [
        { provide: AlfrescoApiService, useValue: { getInstance: () => ({ contentClient: { callApi } }) as unknown as AlfrescoApi } }
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
    uploadFile = spyOn(UploadApi.prototype, 'uploadFile').and.resolveTo({ entry: { id: 'scan' } });
    search = spyOn(SearchApi.prototype, 'search').and.resolveTo({
      list: { entries: [{ entry: receiptNode }], pagination: { totalItems: 41 } }
    } as never);
  });

  it('finds the department, its document library and the officer’s post', async () => {
    const desk = await service.desk();

    expect(desk.documentLibraryId).toBe('doclib');
    expect(desk.posts).toEqual(['GROUP_EO_GAD_CRU']);
    expect(desk.section).toBe('ADM');
  });

  it('diarises an electronic receipt with the next number of its section and stores its scans in it', async () => {
    const progress: ScanProgress[] = [];
    const done = await service.diarise(electronicDraft, [pdf()], (p) => progress.push(p), new Date(2026, 10, 20, 10));

    expect(done.receiptNumber).toBe('12/2026/EST-GAD');
    expect(done.id).toBe('node:Receipts/2026/EST/000012');
    expect(done.failedScans).toEqual([]);
    const receiptBody = createNode.calls.allArgs().find(([, body]) => body.nodeType === 'eo:receipt')?.[1];
    expect(receiptBody.properties['eo:computerNumber']).toBe(2026000040);
    expect(receiptBody.properties['eo:subject']).toBe(electronicDraft.subject);
    expect(uploadFile).toHaveBeenCalledOnceWith(
      jasmine.any(File),
      '',
      done.id,
      jasmine.objectContaining({ name: 'letter.pdf' }),
      jasmine.anything()
    );
    expect(progress[progress.length - 1]).toEqual({ file: 'letter.pdf', percent: 100, done: true, failed: false });
  });

  it('takes the next number when another clerk claimed it first', async () => {
    createNode.and.callFake(async (_parent: string, nodeBody: NodeBodyCreate) => {
      const body = { name: nodeBody.name, relativePath: nodeBody.relativePath ?? '' };
      const names = (taken[body.relativePath] ??= []);
      if (body.relativePath === 'Receipts/2026/EST' && body.name === '000012' && !names.includes('000012')) {
        names.push('000012'); // the other clerk's receipt
        throw Object.assign(new Error('409'), { status: 409 });
      }
      names.push(body.name);
      return { entry: { id: `node:${body.name}`, name: body.name } } as never;
    });

    const done = await service.diarise(electronicDraft, [pdf()], undefined, new Date(2026, 10, 20));

    expect(done.receiptNumber).toBe('13/2026/EST-GAD');
  });

  it('diarises a physical receipt without uploading anything', async () => {
    const done = await service.diarise({ ...electronicDraft, form: 'physical' }, [], undefined, new Date(2026, 10, 20));

    expect(done.receiptNumber).toBe('12/2026/EST-GAD');
    expect(uploadFile).not.toHaveBeenCalled();
  });

  it('reports scans that could not be stored, so they can be uploaded again', async () => {
    uploadFile.and.rejectWith(new Error('413'));

    const done = await service.diarise(electronicDraft, [pdf()], undefined, new Date(2026, 10, 20));

    expect(done.failedScans.map((f) => f.name)).toEqual(['letter.pdf']);
  });

  it('creates nothing when the number cannot be claimed', async () => {
    createNode.and.rejectWith(Object.assign(new Error('403'), { status: 403 }));

    await expectAsync(service.diarise(electronicDraft, [pdf()], undefined, new Date(2026, 10, 20))).toBeRejected();
    expect(uploadFile).not.toHaveBeenCalled();
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

  it('asks the workflow nothing when read/unread is not chosen, or means nothing for the list', async () => {
    await service.list('inbox', { filters: {}, skipCount: 0, maxItems: 25, sort: { field: 'heldSince', ascending: true } });
    await service.list('created', {
      filters: { read: 'unread' },
      skipCount: 0,
      maxItems: 25,
      sort: { field: 'heldSince', ascending: true }
    });

    expect(callApi).not.toHaveBeenCalled();
    expect(search.calls.mostRecent().args[0].query.query).not.toContain('ID:');
  });
});
