import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NodesApi, PeopleApi, UploadApi, VersionsApi } from '@alfresco/js-api';
import { DeskService } from '../../desk/desk.service';
import { MovementRefusal, issueNumber, parseHierarchy, refusalOf } from '@eoffice/domain';
import { RegistrationService } from '../../movement/services/registration.service';
import { EFile, toEFile } from '../model/file.model';
import { Draft, DraftError, dayKey } from './draft.model';
import { DraftService } from './draft.service';
import { IssuedLetterService } from './issued-letter';
import { NoteSigningService, type SigningSession } from '../signatures/note-signing.service';
import { provideJsApi } from '../../shared/testing/spec-support.spec';

const hierarchy = parseHierarchy({
  version: 1,
  department: { code: 'GAD', name: { en: 'General Administration', hi: 'सामान्य प्रशासन' } },
  sections: [{ code: 'EST', name: { en: 'Establishment', hi: 'स्थापना' } }],
  posts: [
    { code: 'US_EST', level: 3, section: 'EST', designation: { en: 'Under Secretary', hi: 'अवर सचिव' } },
    { code: 'SO_EST', level: 2, section: 'EST', designation: { en: 'Section Officer', hi: 'अनुभाग अधिकारी' }, reportsTo: 'US_EST' },
    {
      code: 'ASO_EST',
      level: 1,
      section: 'EST',
      designation: { en: 'Assistant Section Officer', hi: 'सहायक अनुभाग अधिकारी' },
      reportsTo: 'SO_EST'
    },
    { code: 'CRU', level: 1, designation: { en: 'Central Registry Clerk', hi: 'केंद्रीय रजिस्ट्री लिपिक' }, reportsTo: 'US_EST' }
  ]
});

interface FakeNode {
  id: string;
  name: string;
  parent: string;
  properties: Record<string, unknown>;
  content: string;
  mimeType?: string;
  versions: { label: string; content: string; comment?: string }[];
  /** A hand-over recorded its approval (lib.js eoSealApprovals): read-only, every change answers 403. */
  sealed?: boolean;
}

/**
 * A small in-memory repository behind the js-api calls the service makes: children are unique by name
 * (409), folders appear on first use (relativePath), versionable drafts keep every version.
 */
class FakeRepository {
  nodes = new Map<string, FakeNode>();
  private seq = 0;
  /** Names another client creates an instant before we do (our create then answers 409). */
  takenFirst = new Set<string>();
  /** Forces the next write to fail with this HTTP status. */
  failWrites?: number;

  folder(fileId: string, name: string): string {
    return `${fileId}/${name}`;
  }

  childrenOf(folder: string): FakeNode[] {
    return [...this.nodes.values()].filter((n) => n.parent === folder);
  }

  add(parent: string, name: string, properties: Record<string, unknown>, content: string, versioned = false): FakeNode {
    const node: FakeNode = { id: `n${++this.seq}`, name, parent, properties: { ...properties }, content, versions: [] };
    if (versioned) {
      node.properties['cm:versionLabel'] = '1.0';
      node.versions.push({ label: '1.0', content });
    }
    this.nodes.set(node.id, node);
    return node;
  }

  entry(node: FakeNode, include?: string[]) {
    return {
      id: node.id,
      name: node.name,
      properties: { ...node.properties },
      ...(include?.includes('allowableOperations') && { allowableOperations: node.sealed ? [] : ['delete', 'update', 'create'] })
    };
  }

  get(id: string): FakeNode {
    const node = this.nodes.get(id);
    if (!node) throw { status: 404 };
    return node;
  }

  checkWrite(node?: FakeNode): void {
    if (this.failWrites) throw { status: this.failWrites };
    if (node?.sealed) throw { status: 403 };
  }
}

const blob = (text: string) => new Blob([text], { type: 'text/html' });

describe('DraftService', () => {
  let repo: FakeRepository;
  let myPosts: string[];
  let file: EFile;
  let service: DraftService;
  /** The officer's signing session (a certificate file or his token): none unless a test opens one. */
  const signingSession = signal<SigningSession | null>(null);
  /** The department's rule signatures.requireSignedApprovals, and the approval signatures made (draft, version, post). */
  let approvalsRequired: boolean;
  let approvalSignatures: { draft: string; version: string; post: string }[];
  let approvalSigningFails: boolean;
  /** The repository's dispatch of a letter (RegistrationService.dispatch), and the reason it refuses with, if any. */
  let dispatchAs: jasmine.Spy;
  let dispatchRefusal: string | null;
  /** The repository's issue of a letter (RegistrationService.issue), the reason it refuses with, and its clock. */
  let issueAs: jasmine.Spy;
  let issueRefusal: string | null;
  let repositoryNow: Date;

  beforeEach(() => {
    approvalsRequired = false;
    approvalSignatures = [];
    approvalSigningFails = false;
    repo = new FakeRepository();
    myPosts = ['GROUP_EO_GAD_SO_EST'];
    file = toEFile(
      {
        id: 'f1',
        properties: {
          'eo:fileNumber': 'A-11011/5/2026-EST-GAD',
          'eo:subject': 'Leave rules <b>amendment</b>',
          'eo:currentHolder': 'GROUP_EO_GAD_SO_EST',
          'eo:status': 'inMovement'
        }
      },
      ['create', 'update']
    );

    spyOn(NodesApi.prototype, 'getNode').and.callFake(async (id: string, opts?: { relativePath?: string }) => {
      if (opts?.relativePath) {
        // A probe of a taken name: `Correspondence/000003`.
        const [folder, name] = opts.relativePath.split('/');
        const hit = repo.childrenOf(repo.folder(id, folder)).find((n) => n.name === name);
        if (!hit) throw { status: 404 };
        return { entry: repo.entry(hit) } as never;
      }
      return { entry: repo.entry(repo.get(id), (opts as { include?: string[] } | undefined)?.include) } as never;
    });
    spyOn(NodesApi.prototype, 'listNodeChildren').and.callFake(
      async (folder: string, opts?: { orderBy?: string[]; where?: string; include?: string[] }) => {
        if (opts?.where === '(isFolder=true)') {
          const names = [...new Set([...repo.nodes.values()].map((n) => n.parent).filter((p) => p.startsWith(`${folder}/`)))];
          return { list: { entries: names.map((p) => ({ entry: { id: p, name: p.slice(folder.length + 1) } })) } } as never;
        }
        const children = repo.childrenOf(folder).sort((a, b) => a.name.localeCompare(b.name));
        if (opts?.orderBy?.[0]?.endsWith('DESC')) children.reverse();
        return { list: { entries: children.map((n) => ({ entry: repo.entry(n, opts?.include) })) } } as never;
      }
    );
    spyOn(NodesApi.prototype, 'updateNode').and.callFake(async (id: string, body: { properties?: Record<string, unknown> }) => {
      const node = repo.get(id);
      repo.checkWrite(node);
      Object.assign(node.properties, body.properties ?? {});
      return { entry: repo.entry(node) } as never;
    });
    // Content is PUT as text/html (updateNodeContent's request with the draft's own mimetype).
    spyOn(NodesApi.prototype, 'put').and.callFake(
      async (request: {
        path: string;
        pathParams?: { nodeId: string };
        queryParams?: { majorVersion?: boolean; comment?: string };
        contentTypes?: string[];
        bodyParam?: string;
      }) => {
        expect(request.path).toBe('/nodes/{nodeId}/content');
        expect(request.contentTypes).toEqual(['text/html']);
        const node = repo.get(request.pathParams!.nodeId);
        repo.checkWrite(node);
        const [major, minor] = String(node.properties['cm:versionLabel']).split('.').map(Number);
        const label = request.queryParams?.majorVersion ? `${major + 1}.0` : `${major}.${minor + 1}`;
        node.content = request.bodyParam!;
        node.properties['cm:versionLabel'] = label;
        node.versions.push({ label, content: node.content, comment: request.queryParams?.comment });
        return { entry: repo.entry(node) } as never;
      }
    );
    spyOn(NodesApi.prototype, 'getNodeContent').and.callFake(async (id: string) => blob(repo.get(id).content) as never);
    spyOn(UploadApi.prototype, 'uploadFile').and.callFake(
      async (
        data: File,
        relativePath?: string,
        parentId?: string,
        body?: { name?: string; nodeType?: string; properties?: Record<string, string> }
      ) => {
        repo.checkWrite();
        const folder = repo.folder(parentId!, relativePath!);
        const name = body!.name!;
        if (repo.takenFirst.delete(name)) repo.add(folder, name, { 'cm:title': 'someone else' }, '');
        if (repo.childrenOf(folder).some((n) => n.name === name)) throw { status: 409 };
        const node = repo.add(
          folder,
          name,
          { ...body!.properties, nodeType: body!.nodeType },
          await data.text(),
          body!.nodeType === 'eo:draft'
        );
        node.mimeType = data.type;
        return { entry: repo.entry(node) };
      }
    );
    spyOn(VersionsApi.prototype, 'listVersionHistory').and.callFake(async (id: string) => {
      const versions = [...repo.get(id).versions].reverse();
      return { list: { entries: versions.map((v) => ({ entry: { id: v.label, versionComment: v.comment } })) } } as never;
    });
    // Version content is fetched with VersionsApi's own GET (see versionContent in the service).
    spyOn(VersionsApi.prototype, 'get').and.callFake(
      async (request: { path: string; pathParams?: { nodeId: string; versionId: string }; headerParams?: unknown }) => {
        expect(request.path).toBe('/nodes/{nodeId}/versions/{versionId}/content');
        expect(request.headerParams).toBeUndefined();
        const version = repo.get(request.pathParams!.nodeId).versions.find((v) => v.label === request.pathParams!.versionId);
        if (!version) throw { status: 404 };
        return blob(version.content) as never;
      }
    );
    spyOn(PeopleApi.prototype, 'getPerson').and.callFake(async () => ({ entry: { id: 'priya.nair' } }) as never);
    // The repository's eoRegister dispatch (register.js regDispatch; approval-signatures.test checks it as an
    // adversary): it records the letter dispatched, or refuses with the script's reason as ACS answers it.
    dispatchRefusal = null;
    dispatchAs = jasmine.createSpy('dispatch').and.callFake(async (id: string) => {
      if (dispatchRefusal)
        throw refusalOf({ status: 500, message: JSON.stringify({ error: { briefSummary: `00070001 Error: ${dispatchRefusal}` } }) });
      Object.assign(repo.get(id).properties, { 'eo:dispatchStatus': 'issuedDispatched', 'eo:dispatchedAt': '2026-11-24T05:00:00.000Z' });
    });
    spyOn(NodesApi.prototype, 'deleteNode').and.callFake(async (id: string) => void repo.nodes.delete(id));
    // The repository's eoRegister issue (register.js regIssue; approval-signatures.test and rhino-issue-signatures
    // check it as an adversary): the PDF waiting in the post's intake folder becomes the day's next eo:dispatch in
    // the draft's file's Dispatches/ and the draft is issued; a name taken an instant earlier is a lost race (false).
    issueRefusal = null;
    repositoryNow = new Date();
    issueAs = jasmine
      .createSpy('issue')
      .and.callFake(
        async (
          id: string,
          post: string,
          r: { draft: string; issueOfDay: number; mode: string; deliveryMode: string; addressees: string[] }
        ) => {
          if (issueRefusal)
            throw refusalOf({ status: 500, message: JSON.stringify({ error: { briefSummary: `00070002 Error: ${issueRefusal}` } }) });
          const letter = repo.get(id);
          expect(letter.parent).toBe(`lib/Intake/${post}`);
          const draft = repo.get(r.draft);
          const folder = repo.folder(draft.parent.split('/')[0], 'Dispatches');
          const name = `${dayKey(repositoryNow)}-${String(r.issueOfDay).padStart(2, '0')}`;
          if (repo.takenFirst.delete(name)) repo.add(folder, name, { 'cm:title': 'someone else' }, '');
          if (repo.childrenOf(folder).some((n) => n.name === name)) return false;
          const number = issueNumber(String(file.fileNumber), r.issueOfDay);
          Object.assign(letter, { parent: folder, name });
          Object.assign(letter.properties, {
            nodeType: 'eo:dispatch',
            'cm:title': number,
            'eo:issueNumber': number,
            'eo:dispatchMode': r.mode,
            'eo:dispatchStatus': r.mode === 'bySelf' ? 'issuedSent' : 'pending',
            'eo:dispatchDeliveryMode': r.deliveryMode,
            'eo:addressees': r.addressees,
            'eo:issuedAt': repositoryNow.toISOString(),
            'eo:issuedBy': file.currentHolder,
            'eo:fromDraft': r.draft
          });
          draft.properties['eo:draftStatus'] = 'issued';
          return true;
        }
      );
    TestBed.configureTestingModule({
      providers: [
        provideJsApi(),
        { provide: RegistrationService, useValue: { dispatch: dispatchAs, issue: issueAs } },
        {
          provide: DeskService,
          useValue: { desk: async () => ({ hierarchy, posts: myPosts, postEntries: [] }), documentLibraryId: async () => 'lib' }
        },
        // The letter's PDF is issued-letter.spec's business: here it is the text it was made from.
        {
          provide: IssuedLetterService,
          useValue: {
            // The repository's clock is the officer's in these tests: the day it numbers the issue by.
            pdf: async (html: string, meta: { issueNumber: string; issuedAt: Date }, options?: { signatureBox?: boolean }) => {
              repositoryNow = meta.issuedAt;
              return {
                blob: new Blob([`PDF ${meta.issueNumber}\n${html}`], { type: 'application/pdf' }),
                pages: [],
                signatureBox: options?.signatureBox ? { page: 0, rect: [1, 2, 3, 4] } : undefined
              };
            },
            // Signing a PDF is issued-letter.spec's and pades.test's business: here it marks the letter.
            sign: async (letter: { blob: Blob; signatureBox?: unknown }, signer: { fail?: boolean }, meta: { location?: string }) => {
              if (signer.fail) throw new Error('declined');
              return new Blob([`SIGNED(${meta.location}, box ${!!letter.signatureBox}) `, letter.blob], { type: 'application/pdf' });
            }
          }
        },
        {
          provide: NoteSigningService,
          useValue: {
            session: signingSession,
            signedApprovalsRequired: async () => approvalsRequired,
            // Signing and storing the approval is note-signing's and approval-signatures.test's business.
            signApproval: async (_file: unknown, draft: { id: string }, version: string, post: string) => {
              if (approvalSigningFails) throw new Error('declined on the token');
              approvalSignatures.push({ draft: draft.id, version, post });
              return { status: 'valid' };
            },
            approvalSigned: async (_file: unknown, draft: { id: string; approvedVersion?: string }) =>
              approvalSignatures.some((a) => a.draft === draft.id && a.version === draft.approvedVersion)
          }
        }
      ]
    });
    service = TestBed.inject(DraftService);
  });

  const failure = (promise: Promise<unknown>): Promise<DraftError> =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: DraftError) => e
    );

  const approvedDraft = async (): Promise<Draft> => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' }, new Date(2026, 10, 23, 10));
    return service.approve(file, draft, new Date(2026, 10, 23, 11));
  };

  const file2 = (patch: Partial<EFile>): EFile => ({ ...file, ...patch });

  it('creates numbered drafts from a template filled in from the file, with the text as first version', async () => {
    const first = await service.create(file, { kind: 'letter', language: 'en' }, new Date(2026, 10, 23));
    const second = await service.create(file, { kind: 'officeMemorandum', language: 'hi' }, new Date(2026, 10, 23));

    expect([first.number, second.number]).toEqual([1, 2]);
    expect([first.name, second.name]).toEqual(['000001', '000002']);
    expect(first.status).toBe('draft');
    expect(first.versions.map((v) => v.label)).toEqual(['1.0']);
    const text = await service.content(first.id);
    expect(text).toContain('No. A-11011/5/2026-EST-GAD');
    expect(text).toContain('23/11/2026');
    // The subject is the officer's text, never markup.
    expect(text).toContain('Leave rules &lt;b&gt;amendment&lt;/b&gt;');
    expect(await service.content(second.id)).toContain('कार्यालय ज्ञापन');
    expect(repo.get(second.id).properties['eo:draftKind']).toBe('officeMemorandum');
  });

  it('finds the folders of a new file without asking for paths that answer 404 (console errors)', async () => {
    expect(await service.list(file)).toEqual([]);
    expect(await service.listDispatches(file)).toEqual([]);
    const draft = await service.approve(file, await service.create(file, { kind: 'letter', language: 'en' }));
    await service.dispatch(file, draft, { mode: 'bySelf', addressees: ['A'], deliveryMode: 'Post' });

    expect((NodesApi.prototype.getNode as jasmine.Spy).calls.allArgs().filter(([, opts]) => opts?.relativePath)).toEqual([]);
    expect(repo.childrenOf('f1/Drafts').length).toBe(1);
  });

  it('lists drafts newest first with their version history', async () => {
    const first = await service.create(file, { kind: 'letter', language: 'en' });
    await service.saveVersion(file, first, '<p>Second text</p>', 'Para 2 reworded');
    await service.create(file, { kind: 'officeOrder', language: 'en' });

    const drafts = await service.list(file);
    expect(drafts.map((d) => d.number)).toEqual([2, 1]);
    expect(drafts[1].versions.map((v) => [v.label, v.comment])).toEqual([
      ['1.1', 'Para 2 reworded'],
      ['1.0', '']
    ]);
  });

  it('saves an edit as a new minor version with its comment, stripped of anything that could run', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    const saved = await service.saveVersion(file, draft, '<p onclick="steal()">Revised</p><script>steal()</script>', 'Revised para 1');

    expect(NodesApi.prototype.put).toHaveBeenCalledWith(
      jasmine.objectContaining({
        pathParams: { nodeId: draft.id },
        queryParams: { majorVersion: false, comment: 'Revised para 1' },
        bodyParam: '<p>Revised</p>'
      })
    );
    expect(saved.version).toBe('1.1');
    expect(saved.status).toBe('draft');
  });

  it('stores ordinary spaces where the editor wrote &nbsp; so lines wrap', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    await service.saveVersion(file, draft, '<p>Yours&nbsp;faithfully,\u00a0sir</p>', '');
    expect(repo.get(draft.id).content).toBe('<p>Yours faithfully, sir</p>');
  });

  it('approves the version the approver read, recording version, post and time', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    const edited = await service.saveVersion(file, draft, '<p>Final</p>', 'final');
    const approved = await service.approve(file, edited, new Date('2026-11-23T06:00:00Z'));

    expect(approved.status).toBe('approved');
    expect(approved.approvedVersion).toBe('1.1');
    expect(approved.approvedBy).toBe('GROUP_EO_GAD_SO_EST');
    expect(approved.approvedAt).toBe('2026-11-23T06:00:00.000Z');
  });

  it('with a key open, approving signs the version approved first and records the approving officer', async () => {
    signingSession.set({ kind: 'file', certificate: {} as never, signer: {} as never });
    try {
      const draft = await service.create(file, { kind: 'letter', language: 'en' });
      const edited = await service.saveVersion(file, draft, '<p>Final</p>', 'final');
      const approved = await service.approve(file, edited);
      expect(approvalSignatures).toEqual([{ draft: draft.id, version: '1.1', post: 'GROUP_EO_GAD_SO_EST' }]);
      expect(approved.approvedByUser).toBe('priya.nair');
      expect(approved.approvedVersion).toBe('1.1');
    } finally {
      signingSession.set(null);
    }
  });

  it('a signature that fails approves nothing; where signed approvals are required, approving without a key is refused', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    signingSession.set({ kind: 'token', certificate: {} as never, signer: {} as never });
    approvalSigningFails = true;
    try {
      expect((await failure(service.approve(file, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_NOT_SIGNED');
    } finally {
      signingSession.set(null);
    }
    expect(repo.get(draft.id).properties['eo:draftStatus']).toBe('draft');
    approvalsRequired = true;
    expect((await failure(service.approve(file, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_SIGNATURE_REQUIRED');
    expect(repo.get(draft.id).properties['eo:draftStatus']).toBe('draft');
  });

  it('where signed approvals are required, a letter is not issued from an approval its approver did not sign', async () => {
    const approved = await approvedDraft();
    approvalsRequired = true;
    const request = { mode: 'bySelf' as const, addressees: ['The Under Secretary'], deliveryMode: 'Email' };
    expect((await failure(service.dispatch(file, approved, request))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_UNSIGNED');
    expect(repo.childrenOf(repo.folder('f1', 'Dispatches'))).toEqual([]);
  });

  it("passes on the repository's refusal to issue in the officer's words, and leaves no PDF behind", async () => {
    const request = { mode: 'bySelf' as const, addressees: ['The Under Secretary'], deliveryMode: 'Email' };
    const cases: [string, string][] = [
      [
        'Draft 000001 of A-11011/5/2026-EST-GAD cannot be issued: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter',
        'APPROVAL_UNSIGNED'
      ],
      ['Draft 000001 of A-11011/5/2026-EST-GAD is not approved', 'NOT_APPROVED'],
      ['Draft 000001 of A-11011/5/2026-EST-GAD has changed since its approval (version 1.0 approved)', 'CHANGED_AFTER_APPROVAL'],
      ['Section Officer (Establishment) does not hold the file A-11011/5/2026-EST-GAD and cannot issue its letters', 'ISSUE_NOT_HOLDER']
    ];
    for (const [reason, key] of cases) {
      const approved = await approvedDraft();
      issueRefusal = reason;
      expect((await failure(service.dispatch(file, approved, request))).key).toBe(`EOFFICE.FILE.DRAFTS.ERRORS.${key}`);
      expect(repo.get(approved.id).properties['eo:draftStatus']).toBe('approved');
    }
    issueRefusal = 'Issue 1 of the day is not the next issue of A-11011/5/2026-EST-GAD (3)';
    const other = await service.dispatch(file, await approvedDraft(), request).then(
      () => fail('issued'),
      (error: unknown) => error
    );
    expect(other).toEqual(jasmine.any(MovementRefusal));
    expect(repo.childrenOf('lib/Intake/SO_EST')).toEqual([]);
    expect(repo.childrenOf('f1/Dispatches')).toEqual([]);
    expect(repo.childrenOf('f1/Correspondence')).toEqual([]);
  });

  it('will not approve below Section Officer level, for a post not holding the file, or a version not read', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    const aso = file2({ currentHolder: 'GROUP_EO_GAD_ASO_EST' });
    myPosts = ['GROUP_EO_GAD_ASO_EST'];
    expect((await failure(service.approve(aso, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.APPROVER_LEVEL');
    myPosts = ['GROUP_EO_GAD_SO_EST'];
    expect((await failure(service.approve(file2({ canWrite: false }), draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_HOLDER');

    await service.saveVersion(file, draft, '<p>Changed meanwhile</p>', 'x');
    expect((await failure(service.approve(file, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.CHANGED_SINCE_READ');
    expect(repo.get(draft.id).properties['eo:draftStatus']).toBe('draft');
  });

  it('puts an approved draft that is edited up for approval again', async () => {
    const approved = await approvedDraft();
    const edited = await service.saveVersion(file, approved, '<p>One more change</p>', 'after approval');

    expect(edited.status).toBe('forApproval');
    expect(edited.approvedVersion).toBe('1.0');
    expect(edited.version).toBe('1.1');
  });

  it('refuses to dispatch a draft that is not approved, or changed after approval, and writes nothing', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    const request = { mode: 'bySelf' as const, addressees: ['The Director'], deliveryMode: 'Post' };
    expect((await failure(service.dispatch(file, draft, request))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_APPROVED');

    const approved = await service.approve(file, draft);
    // Changed behind the panel's back (another tab, the repository's own UI): still "approved", other version.
    const node = repo.get(draft.id);
    node.properties['cm:versionLabel'] = '1.1';
    node.versions.push({ label: '1.1', content: '<p>sneaked in</p>' });
    expect((await failure(service.dispatch(file, approved, request))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.CHANGED_AFTER_APPROVAL');
    expect(repo.childrenOf('f1/Dispatches').length).toBe(0);
    expect(repo.childrenOf('f1/Correspondence').length).toBe(0);

    expect((await failure(service.dispatch(file, approved, { ...request, addressees: [' '] }))).key).toBe(
      'EOFFICE.FILE.DRAFTS.ERRORS.NO_ADDRESSEE'
    );
  });

  it('dispatches by self: Issued & Sent, office copy as the next correspondence serial flagged with the issue number', async () => {
    repo.add(
      'f1/Correspondence',
      '000001',
      { 'eo:correspondenceSerial': 1, 'eo:correspondenceKind': 'receipt', 'eo:correspondenceFlag': 'PUC' },
      'scan'
    );
    repo.add(
      'f1/Correspondence',
      '000002',
      { 'eo:correspondenceSerial': 2, 'eo:correspondenceKind': 'receipt', 'eo:correspondenceFlag': 'FR I' },
      'scan'
    );
    const approved = await approvedDraft();
    const day = new Date(2026, 10, 23, 15);
    const result = await service.dispatch(
      file,
      approved,
      { mode: 'bySelf', addressees: ['The Director, DoPT', ' ', 'All Sections'], deliveryMode: 'E-mail' },
      day
    );

    expect(result.dispatch).toEqual(
      jasmine.objectContaining({
        name: '20261123-01',
        issueNumber: 'A-11011/5/2026-EST-GAD',
        mode: 'bySelf',
        status: 'issuedSent',
        deliveryMode: 'E-mail',
        addressees: ['The Director, DoPT', 'All Sections'],
        issuedBy: 'GROUP_EO_GAD_SO_EST',
        fromDraft: approved.id
      })
    );
    expect(result.entry).toEqual(
      jasmine.objectContaining({
        serial: 3,
        name: '000003',
        kind: 'issue',
        flag: 'A-11011/5/2026-EST-GAD',
        title: 'A-11011/5/2026-EST-GAD'
      })
    );
    // The office copy and the dispatch carry the PDF of the approved version.
    const office = repo.get(result.entry.id);
    expect(office.mimeType).toBe('application/pdf');
    expect(office.content).toBe(`PDF A-11011/5/2026-EST-GAD\n${repo.get(approved.id).versions[0].content}`);
    expect(repo.get(result.dispatch.id).content).toBe(office.content);
    expect(repo.get(approved.id).properties['eo:draftStatus']).toBe('issued');
  });

  it('with a signing session open, issues the letter signed (block kept on the page), and issues nothing when signing fails', async () => {
    const request = { mode: 'bySelf' as const, addressees: ['The Director'], deliveryMode: 'Post' };
    signingSession.set({ kind: 'file', certificate: {} as never, signer: {} as never });
    try {
      const result = await service.dispatch(file, await approvedDraft(), request, new Date(2026, 10, 23, 10));
      const office = repo.get(result.entry.id).content;
      expect(office).toMatch(/^SIGNED\(General Administration, box true\) PDF A-11011\/5\/2026-EST-GAD/);
      expect(repo.get(result.dispatch.id).content).toBe(office);

      // The token's bridge declined (or the key failed): no dispatch, no office copy, the draft stays approved.
      signingSession.set({ kind: 'token', certificate: {} as never, signer: { fail: true } as never });
      const approved = await approvedDraft();
      expect((await failure(service.dispatch(file, approved, request, new Date(2026, 10, 23, 11)))).key).toBe(
        'EOFFICE.FILE.DRAFTS.ERRORS.NOT_SIGNED'
      );
      expect(repo.childrenOf('f1/Dispatches').length).toBe(1);
      expect(repo.childrenOf('f1/Correspondence').length).toBe(1);
      expect(repo.get(approved.id).properties['eo:draftStatus']).toBe('approved');
    } finally {
      signingSession.set(null);
    }
  });

  it('numbers a second and third issue of the day (I) and (II), and starts again the next day', async () => {
    const request = { mode: 'bySelf' as const, addressees: ['A'], deliveryMode: 'Post' };
    const issue = async (when: Date) => (await service.dispatch(file, await approvedDraft(), request, when)).dispatch.issueNumber;

    expect(await issue(new Date(2026, 10, 23, 10))).toBe('A-11011/5/2026-EST-GAD');
    expect(await issue(new Date(2026, 10, 23, 12))).toBe('A-11011/5(I)/2026-EST-GAD');
    expect(await issue(new Date(2026, 10, 23, 17))).toBe('A-11011/5(II)/2026-EST-GAD');
    expect(await issue(new Date(2026, 10, 24, 9))).toBe('A-11011/5/2026-EST-GAD');
    // The letter's own number line carries the issue number.
    expect(repo.childrenOf('f1/Correspondence').map((n) => /No\. ([^<\s]+)/.exec(n.content)?.[1])).toEqual([
      'A-11011/5/2026-EST-GAD',
      'A-11011/5(I)/2026-EST-GAD',
      'A-11011/5(II)/2026-EST-GAD',
      'A-11011/5/2026-EST-GAD'
    ]);
    expect(repo.childrenOf('f1/Correspondence').map((n) => n.properties['eo:correspondenceFlag'])).toEqual([
      'A-11011/5/2026-EST-GAD',
      'A-11011/5(I)/2026-EST-GAD',
      'A-11011/5(II)/2026-EST-GAD',
      'A-11011/5/2026-EST-GAD'
    ]);
  });

  it('takes the next issue number when another dispatch took this one an instant earlier', async () => {
    repo.takenFirst.add('20261123-01');
    const result = await service.dispatch(
      file,
      await approvedDraft(),
      { mode: 'bySelf', addressees: ['A'], deliveryMode: 'Post' },
      new Date(2026, 10, 23, 10)
    );

    expect(result.dispatch.name).toBe('20261123-02');
    expect(result.dispatch.issueNumber).toBe('A-11011/5(I)/2026-EST-GAD');
    // The letter printed with the number lost is not left in the intake folder.
    expect(repo.childrenOf('lib/Intake/SO_EST')).toEqual([]);
    expect(repo.get(result.dispatch.id).content).toMatch(/^PDF A-11011\/5\(I\)\/2026-EST-GAD/);
  });

  it('gives the office copy the next free serial when a receipt is put in the file at the same moment', async () => {
    repo.add('f1/Correspondence', '000001', { 'eo:correspondenceSerial': 1 }, 'PUC');
    repo.takenFirst.add('000002');
    const result = await service.dispatch(file, await approvedDraft(), { mode: 'bySelf', addressees: ['A'], deliveryMode: 'Post' });

    expect(result.entry.serial).toBe(3);
    expect(repo.childrenOf('f1/Correspondence').map((n) => n.name)).toEqual(['000001', '000002', '000003']);
  });

  it('leaves a dispatch by CRU pending until the CRU has the repository record it dispatched, once', async () => {
    const result = await service.dispatch(file, await approvedDraft(), { mode: 'byCru', addressees: ['A'], deliveryMode: 'Speed Post' });
    expect(result.dispatch.status).toBe('pending');
    // The repository issues it, by CRU, and opens it to the Central Registry to read (register.js regIssue): the
    // browser writes nothing on the letter itself, which the post holding the file only reads.
    expect(issueAs).toHaveBeenCalledOnceWith(
      result.dispatch.id,
      'SO_EST',
      jasmine.objectContaining({ mode: 'byCru', deliveryMode: 'Speed Post', addressees: ['A'], issueOfDay: 1 })
    );
    expect((NodesApi.prototype.updateNode as jasmine.Spy).calls.allArgs().filter(([id]) => id === result.dispatch.id)).toEqual([]);

    // The CRU's clerk, from the register: the repository's eoRegister dispatch, as the CRU's post.
    myPosts.splice(0, myPosts.length, 'GROUP_EO_GAD_CRU');
    const done = await service.markDispatched(result.dispatch.id);
    expect(dispatchAs).toHaveBeenCalledOnceWith(result.dispatch.id, 'CRU');
    expect(done.status).toBe('issuedDispatched');
    expect(done.dispatchedAt).toBe('2026-11-24T05:00:00.000Z');
    expect((await failure(service.markDispatched(result.dispatch.id))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_PENDING');
    expect(dispatchAs).toHaveBeenCalledTimes(1);
    expect((await service.listDispatches(file)).map((d) => d.status)).toEqual(['issuedDispatched']);
  });

  it('records the dispatch as the post holding the file from its drafts panel, and refuses an officer of neither', async () => {
    const result = await service.dispatch(file, await approvedDraft(), { mode: 'byCru', addressees: ['A'], deliveryMode: 'Post' });
    myPosts.splice(0, myPosts.length, 'GROUP_EO_GAD_ASO_EST');
    expect((await failure(service.markDispatched(result.dispatch.id))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_REGISTRY');
    expect(dispatchAs).not.toHaveBeenCalled();
    myPosts.splice(0, myPosts.length, 'GROUP_EO_GAD_SO_EST');
    await service.markDispatched(result.dispatch.id, file);
    expect(dispatchAs).toHaveBeenCalledOnceWith(result.dispatch.id, 'SO_EST');
  });

  it("passes on the repository's refusal of a letter from an unsigned approval, in the officer's words; the letter stays pending", async () => {
    const result = await service.dispatch(file, await approvedDraft(), { mode: 'byCru', addressees: ['A'], deliveryMode: 'Post' });
    myPosts.splice(0, myPosts.length, 'GROUP_EO_GAD_CRU');
    dispatchRefusal = `Letter ${result.dispatch.issueNumber} cannot be dispatched: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter`;
    const refusal = await service.markDispatched(result.dispatch.id).then(
      () => fail('dispatched'),
      (error: unknown) => error
    );
    expect(refusal).toEqual(jasmine.any(MovementRefusal));
    expect((refusal as MovementRefusal).key).toBe('EOFFICE.DISPATCH.UNSIGNED_APPROVAL');
    expect((await service.listDispatches(file)).map((d) => d.status)).toEqual(['pending']);
  });

  it("turns the repository's 403, 409 and 404 into reasons the officer can read", async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    repo.failWrites = 403;
    expect((await failure(service.saveVersion(file, draft, '<p>x</p>', ''))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_ALLOWED');
    repo.failWrites = 409;
    expect((await failure(service.markForApproval(file, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.CONFLICT');
    repo.failWrites = undefined;
    expect((await failure(service.discard(file, { ...draft, id: 'gone' }))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.NOT_FOUND');
  });

  it('reads with each draft whether the repository lets it change, and the movement that recorded its approval', async () => {
    const draft = await approvedDraft();
    const other = await service.create(file, { kind: 'letter', language: 'en' });
    expect((await service.list(file)).map((d) => [d.number, d.changeable, d.approvalSeal])).toEqual([
      [2, true, undefined],
      [1, true, undefined]
    ]);

    // The SO's hand-over seals the approval (complete.js, lib.js eoSealApprovals): the draft becomes read-only and
    // the movement record names it; a record of another draft, or of a version not the approved one, says nothing.
    repo.get(draft.id).sealed = true;
    repo.add(
      'f1/Movements',
      '000001',
      { 'eo:movementSequence': 1, 'eo:movementAction': 'send', 'eo:movementAt': '2026-11-23T04:00:00.000Z' },
      ''
    );
    repo.add(
      'f1/Movements',
      '000002',
      {
        'eo:movementSequence': 2,
        'eo:movementAction': 'send',
        'eo:movementFrom': 'GROUP_EO_GAD_SO_EST',
        'eo:movementAt': '2026-11-24T09:35:00.000Z',
        'eo:movementSealedApprovals': [`${draft.id}|1.0|GROUP_EO_GAD_SO_EST|priya.nair`, `${other.id}|1.0|GROUP_EO_GAD_SO_EST|priya.nair`]
      },
      ''
    );
    const [second, first] = await service.list(file);
    expect(second.approvalSeal).toBeUndefined();
    expect(first.changeable).toBeFalse();
    expect(first.approvalSeal).toEqual({ version: '1.0', post: 'GROUP_EO_GAD_SO_EST', user: 'priya.nair', at: '2026-11-24T09:35:00.000Z' });
  });

  it('lists drafts without reading the movements when none was approved', async () => {
    await service.create(file, { kind: 'letter', language: 'en' });
    (NodesApi.prototype.listNodeChildren as jasmine.Spy).calls.reset();
    await service.list(file);
    // The file's folders, then Drafts/: no third request for Movements/.
    expect((NodesApi.prototype.listNodeChildren as jasmine.Spy).calls.count()).toBe(2);
  });

  it("refuses a change to a draft whose approval was recorded in the officer's words, before asking and when the repository answers 403", async () => {
    const draft = await approvedDraft();
    repo.get(draft.id).sealed = true;
    const recorded = 'EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_RECORDED';
    expect((await failure(service.saveVersion(file, draft, '<p>x</p>', ''))).key).toBe(recorded);
    expect((await failure(service.discard(file, draft))).key).toBe(recorded);
    expect(NodesApi.prototype.put).not.toHaveBeenCalled();
    expect(repo.get(draft.id).properties['eo:draftStatus']).toBe('approved');

    // Sealed between the read and the write (the hand-over ran in between): the repository's 403 says the same.
    (NodesApi.prototype.getNode as jasmine.Spy).and.callFake(async (id: string) => ({ entry: repo.entry(repo.get(id)) }) as never);
    expect((await failure(service.discard(file, draft))).key).toBe(recorded);
    expect((await failure(service.saveVersion(file, draft, '<p>x</p>', ''))).key).toBe(recorded);
    expect(repo.get(draft.id).versions.length).toBe(1);
  });

  it('keeps issued and discarded drafts as they are', async () => {
    const draft = await service.create(file, { kind: 'letter', language: 'en' });
    await service.discard(file, draft);
    expect((await failure(service.saveVersion(file, draft, '<p>x</p>', ''))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.STATUS_DISCARDED');
    expect((await failure(service.markForApproval(file, draft))).key).toBe('EOFFICE.FILE.DRAFTS.ERRORS.STATUS_DISCARDED');
    expect(repo.get(draft.id).versions.length).toBe(1);
  });
});
