import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import en from '../../../../assets/i18n/en.json';
import { DeskService } from '../../desk/desk.service';
import { parseHierarchy, refusalOf } from '@eoffice/domain';
import { CorrespondenceEntry, EFile, toEFile } from '../model/file.model';
import { Dispatch, DispatchRequest, Draft, DraftError } from './draft.model';
import { DraftService } from './draft.service';
import { DraftsPanelSmartComponent } from './drafts-panel.smart-component';
import { NoteSigningService, type NoteSignatureView } from '../signatures/note-signing.service';
import { provideEnglish } from '../../shared/testing/spec-support.spec';

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
    }
  ]
});

const draftOf = (patch: Partial<Draft>): Draft => ({
  id: 'd1',
  name: '000001',
  number: 1,
  kind: 'letter',
  title: 'Letter: Leave rules',
  status: 'draft',
  version: '1.0',
  versions: [{ label: '1.0', comment: '', modifiedBy: 'Priya Nair' }],
  changeable: true,
  ...patch
});

const fileOf = (holder: string, canWrite: boolean): EFile =>
  toEFile(
    {
      id: 'f1',
      properties: { 'eo:fileNumber': 'A-11011/5/2026-EST-GAD', 'eo:subject': 'Leave rules', 'eo:currentHolder': holder }
    },
    canWrite ? ['create', 'update'] : []
  );

describe('DraftsPanelSmartComponent', () => {
  let service: jasmine.SpyObj<DraftService>;
  let dialogResult: DispatchRequest | undefined;

  async function render(
    drafts: Draft[],
    options: {
      holder?: string;
      canWrite?: boolean;
      myPost?: string;
      dispatches?: Dispatch[];
      /** The approval signatures' states by draft id, and the department's rule requireSignedApprovals. */
      approvals?: Record<string, NoteSignatureView>;
      approvalsRequired?: boolean;
      /** A key open for the session (a certificate file or the token). */
      keyOpen?: boolean;
    } = {}
  ) {
    const holder = options.holder ?? 'GROUP_EO_GAD_SO_EST';
    service = jasmine.createSpyObj<DraftService>('DraftService', [
      'list',
      'listDispatches',
      'content',
      'create',
      'saveVersion',
      'markForApproval',
      'approve',
      'discard',
      'dispatch',
      'markDispatched'
    ]);
    service.list.and.resolveTo(drafts);
    service.listDispatches.and.resolveTo(options.dispatches ?? []);
    service.content.and.callFake(async (_id: string, version?: string) => `<p>Text of ${version ?? 'current'}</p>`);
    TestBed.configureTestingModule({
      imports: [DraftsPanelSmartComponent],
      providers: [
        ...provideEnglish(),
        provideNoopAnimations(),
        { provide: DraftService, useValue: service },
        { provide: DeskService, useValue: { desk: async () => ({ hierarchy, posts: [options.myPost ?? holder], postEntries: [] }) } },
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(dialogResult) }) } },
        // Checking a signature is note-signing's business (and the verifier's tests): here its answers.
        {
          provide: NoteSigningService,
          useValue: {
            session: () => (options.keyOpen ? {} : null),
            checkApprovals: async () => new Map(Object.entries(options.approvals ?? {})),
            signedApprovalsRequired: async () => options.approvalsRequired ?? false
          }
        }
      ]
    });
    const fixture = TestBed.createComponent(DraftsPanelSmartComponent);
    fixture.componentRef.setInput('file', fileOf(holder, options.canWrite ?? true));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  const buttons = (fixture: { nativeElement: HTMLElement }) =>
    Array.from(fixture.nativeElement.querySelectorAll<HTMLElement>('[data-test^="draft-"]'))
      .filter(
        (el) =>
          el.tagName === 'BUTTON' &&
          el.dataset['test'] !== 'draft-item' &&
          el.dataset['test'] !== 'draft-version' &&
          !el.dataset['test']!.startsWith('draft-format-')
      )
      .map((el) => el.dataset['test']);

  it('shows a reader the drafts and their text but no way to change them', async () => {
    const fixture = await render([draftOf({ status: 'forApproval' })], {
      canWrite: false,
      holder: 'GROUP_EO_GAD_US_EST',
      myPost: 'GROUP_EO_GAD_SO_EST'
    });
    const el: HTMLElement = fixture.nativeElement;

    expect(el.querySelector('[data-test="draft-status"]')?.textContent).toContain('Draft for approval');
    expect(el.querySelector('[data-test="draft-text"]')?.textContent).toContain('Text of current');
    expect(el.querySelector('[data-test="draft-editor"]')).toBeNull();
    expect(buttons(fixture)).toEqual([]);
  });

  it('offers the dealing hand edit, put up for approval and discard, but not approve', async () => {
    const fixture = await render([draftOf({})], { holder: 'GROUP_EO_GAD_ASO_EST' });
    await fixture.whenStable();
    fixture.detectChanges();

    expect(buttons(fixture)).toEqual(['draft-new', 'draft-save', 'draft-for-approval', 'draft-discard']);
    // Quill loads on demand: wait for the editable area.
    let text: HTMLElement | null = null;
    for (let i = 0; i < 50 && !text; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      text = fixture.nativeElement.querySelector('[data-test="draft-editor-text"]');
    }
    expect(text?.getAttribute('aria-label')).toBe('Text of the draft');
    expect(text?.textContent).toContain('Text of current');

    // The Material toolbar formats the text where the cursor is, and says which formats are on.
    const bold = fixture.nativeElement.querySelector('[data-test="draft-format-bold"]') as HTMLButtonElement;
    expect(bold.getAttribute('aria-label')).toBe('Bold');
    bold.click();
    fixture.detectChanges();
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    (fixture.nativeElement.querySelector('[data-test="draft-format-center"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text?.querySelector('.ql-align-center')).not.toBeNull();
    expect(fixture.componentInstance.dirty()).toBeTrue();
  });

  it('saves an edit as a version with its comment, and asks for a save before putting up unsaved text', async () => {
    const fixture = await render([draftOf({})], { holder: 'GROUP_EO_GAD_ASO_EST' });
    const el: HTMLElement = fixture.nativeElement;
    const save = el.querySelector('[data-test="draft-save"]') as HTMLButtonElement;
    expect(save.disabled).toBeTrue();

    fixture.componentInstance.onEdited('<p>Revised text</p>');
    fixture.componentInstance.comment = 'Para 2 reworded';
    fixture.detectChanges();
    (el.querySelector('[data-test="draft-for-approval"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service.markForApproval).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Save your changes as a version first');

    service.saveVersion.and.resolveTo(draftOf({ version: '1.1' }));
    (el.querySelector('[data-test="draft-save"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service.saveVersion).toHaveBeenCalledWith(
      jasmine.objectContaining({ id: 'f1' }),
      jasmine.objectContaining({ id: 'd1' }),
      '<p>Revised text</p>',
      'Para 2 reworded'
    );
    expect(el.querySelector('[data-test="drafts-notice"]')?.textContent).toContain('Saved as version 1.1');
    expect((el.querySelector('[data-test="draft-save"]') as HTMLButtonElement).disabled).toBeTrue();
  });

  it('offers a Section Officer holding the file Approve on a draft up for approval', async () => {
    const fixture = await render([draftOf({ status: 'forApproval', version: '1.1' })]);
    expect(buttons(fixture)).toContain('draft-approve');
    expect(buttons(fixture)).not.toContain('draft-dispatch');

    const approved = draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1', approvedBy: 'GROUP_EO_GAD_SO_EST' });
    service.approve.and.resolveTo(approved);
    (fixture.nativeElement.querySelector('[data-test="draft-approve"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(service.approve).toHaveBeenCalledWith(
      jasmine.objectContaining({ id: 'f1' }),
      jasmine.objectContaining({ id: 'd1', version: '1.1' })
    );
    expect(fixture.nativeElement.querySelector('[data-test="draft-approval"]')?.textContent).toContain(
      'Version 1.1 approved by Section Officer (Establishment)'
    );
    expect(buttons(fixture)).toContain('draft-dispatch');
    expect(buttons(fixture)).not.toContain('draft-approve');
  });

  it('shows the approval signature’s state under the approval line: valid with the signer, changed after signing', async () => {
    const approved = draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1', approvedBy: 'GROUP_EO_GAD_SO_EST' });
    const signer = { name: 'Priya Nair', issuerName: 'eOffice Test Sub CA' } as NoteSignatureView['signer'];
    let fixture = await render([approved], { approvals: { d1: { status: 'valid', signer, signingTime: '2026-12-07T05:30:00.000Z' } } });
    await fixture.whenStable();
    fixture.detectChanges();
    let state = fixture.nativeElement.querySelector(
      '[data-test="draft-approval-signature"] [data-testid="signature-state"]'
    ) as HTMLElement;
    expect(state?.dataset['state']).toBe('valid');
    expect(state.textContent).toContain('Priya Nair');
    expect(state.textContent).toContain('07/12/2026');

    TestBed.resetTestingModule();
    fixture = await render([approved], { approvals: { d1: { status: 'changed' } } });
    await fixture.whenStable();
    fixture.detectChanges();
    state = fixture.nativeElement.querySelector('[data-test="draft-approval-signature"] [data-testid="signature-state"]') as HTMLElement;
    expect(state?.dataset['state']).toBe('changed');
  });

  it('where signed approvals are required, Approve asks for the key first and approves nothing without one', async () => {
    dialogResult = undefined;
    const fixture = await render([draftOf({ status: 'forApproval', version: '1.1' })], { approvalsRequired: true });
    (fixture.nativeElement.querySelector('[data-test="draft-approve"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service.approve).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain(en.EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_SIGNATURE_REQUIRED);

    TestBed.resetTestingModule();
    const withKey = await render([draftOf({ status: 'forApproval', version: '1.1' })], { approvalsRequired: true, keyOpen: true });
    service.approve.and.resolveTo(draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1' }));
    (withKey.nativeElement.querySelector('[data-test="draft-approve"]') as HTMLButtonElement).click();
    await withKey.whenStable();
    expect(service.approve).toHaveBeenCalled();
  });

  it('says "not digitally signed" of an approval only where the department requires signed approvals', async () => {
    const approved = draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1', approvedBy: 'GROUP_EO_GAD_SO_EST' });
    let fixture = await render([approved], { approvals: { d1: { status: 'unsigned' } } });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[data-test="draft-approval-signature"]')).toBeNull();

    TestBed.resetTestingModule();
    fixture = await render([approved], { approvals: { d1: { status: 'unsigned' } }, approvalsRequired: true });
    await fixture.whenStable();
    fixture.detectChanges();
    const state = fixture.nativeElement.querySelector(
      '[data-test="draft-approval-signature"] [data-testid="signature-state"]'
    ) as HTMLElement;
    expect(state?.dataset['state']).toBe('unsigned');
  });

  it('marks the approved version in the history and offers no dispatch once the text changed after approval', async () => {
    const fixture = await render([
      draftOf({
        status: 'approved',
        version: '1.2',
        approvedVersion: '1.1',
        versions: [
          { label: '1.2', comment: 'after approval', modifiedBy: 'A' },
          { label: '1.1', comment: 'final', modifiedBy: 'B' },
          { label: '1.0', comment: '', modifiedBy: 'A' }
        ]
      })
    ]);
    const el: HTMLElement = fixture.nativeElement;
    const versions = Array.from(el.querySelectorAll('[data-test="draft-version"]'));

    expect(versions.map((v) => !!v.querySelector('[data-test="draft-version-approved"]'))).toEqual([false, true, false]);
    expect(el.querySelector('[data-test="draft-changed"]')).not.toBeNull();
    expect(buttons(fixture)).not.toContain('draft-dispatch');

    (el.querySelector('[data-test="draft-compare"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-test="compare-approved"]')?.textContent).toContain('Text of 1.1');
    expect(el.querySelector('[data-test="compare-current"]')?.textContent).toContain('Text of current');
  });

  it('dispatches through the dialog and hands the office copy to the file view', async () => {
    const fixture = await render([draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1' })]);
    const entry: CorrespondenceEntry = {
      id: 'c3',
      serial: 3,
      kind: 'issue',
      flag: 'A-11011/5(I)/2026-EST-GAD',
      name: '000003',
      title: '',
      description: ''
    };
    const issued: CorrespondenceEntry[] = [];
    fixture.componentInstance.issued.subscribe((e) => issued.push(e));
    dialogResult = { mode: 'byCru', addressees: ['The Director'], deliveryMode: 'Post' };
    service.dispatch.and.resolveTo({
      dispatch: { issueNumber: 'A-11011/5(I)/2026-EST-GAD', status: 'pending', mode: 'byCru' } as Dispatch,
      entry
    });

    (fixture.nativeElement.querySelector('[data-test="draft-dispatch"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(service.dispatch).toHaveBeenCalledWith(
      jasmine.objectContaining({ id: 'f1' }),
      jasmine.objectContaining({ id: 'd1' }),
      dialogResult
    );
    expect(issued).toEqual([entry]);
    expect(fixture.nativeElement.querySelector('[data-test="drafts-notice"]')?.textContent).toContain(
      'Issued: A-11011/5(I)/2026-EST-GAD, pending dispatch by the CRU'
    );
  });

  it('does nothing when the dispatch dialog is cancelled', async () => {
    const fixture = await render([draftOf({ status: 'approved', version: '1.1', approvedVersion: '1.1' })]);
    dialogResult = undefined;
    (fixture.nativeElement.querySelector('[data-test="draft-dispatch"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(service.dispatch).not.toHaveBeenCalled();
  });

  it('discards a draft only when the officer confirms', async () => {
    const fixture = await render([draftOf({})], { holder: 'GROUP_EO_GAD_ASO_EST' });
    const el: HTMLElement = fixture.nativeElement;
    service.discard.and.resolveTo(draftOf({ status: 'discarded' }));

    (el.querySelector('[data-test="draft-discard"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-test="draft-discard-question"]')?.textContent).toContain('Discard draft 1?');
    expect(document.activeElement?.getAttribute('data-test')).toBe('draft-discard-cancel');
    (el.querySelector('[data-test="draft-discard-cancel"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    expect(el.querySelector('[data-test="draft-discard-question"]')).toBeNull();
    expect(service.discard).not.toHaveBeenCalled();

    (el.querySelector('[data-test="draft-discard"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-test="draft-discard-confirm"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(service.discard).toHaveBeenCalledTimes(1);
    expect(el.querySelector('[data-test="draft-status"]')?.textContent).toContain('Discarded');
    expect(buttons(fixture)).toEqual(['draft-new']);
  });

  it('shows progress while the drafts are read, and says so when they cannot be', async () => {
    const fixture = await render([draftOf({})]);
    const element = fixture.nativeElement as HTMLElement;
    let refuse!: (error: unknown) => void;
    service.list.and.callFake(() => new Promise<Draft[]>((_resolve, reject) => (refuse = reject)));
    const reading = fixture.componentInstance.load();
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(element.querySelector('[data-test="drafts-error"]')).toBeNull();

    refuse(new Error('500'));
    await reading;
    fixture.detectChanges();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
    expect(element.querySelector('[data-test="drafts-error"]')?.textContent).toContain(en.EOFFICE.FILE.DRAFTS.ERRORS.FAILED);
  });

  it("shows the repository's refusal in the officer's words", async () => {
    const fixture = await render([draftOf({})], { holder: 'GROUP_EO_GAD_ASO_EST' });
    service.markForApproval.and.rejectWith(new DraftError('EOFFICE.FILE.DRAFTS.ERRORS.NOT_ALLOWED', 403));
    (fixture.nativeElement.querySelector('[data-test="draft-for-approval"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(fixture.nativeElement.querySelector('[role="alert"]')?.textContent).toContain('your post does not hold this file');
  });

  it('shows who approved a draft and, once a hand-over recorded the approval, when and by whose movement; offers only its issue', async () => {
    const approved = {
      status: 'approved' as const,
      version: '1.1',
      approvedVersion: '1.1',
      approvedBy: 'GROUP_EO_GAD_SO_EST',
      approvedByUser: 'priya.nair',
      approvedAt: '2026-11-23T06:00:00.000Z'
    };
    // Before the hand-over: the approving post may still change or discard it.
    let fixture = await render([draftOf(approved)]);
    let el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-test="draft-approver"]')?.textContent).toContain('Approving officer: priya.nair');
    expect(el.querySelector('[data-test="draft-approval-recorded"]')).toBeNull();
    expect(buttons(fixture)).toEqual(['draft-new', 'draft-save', 'draft-dispatch', 'draft-discard', 'draft-compare']);

    // Sealed: the repository keeps it read-only (no `update` among its allowableOperations), its movement says when.
    TestBed.resetTestingModule();
    fixture = await render([
      draftOf({
        ...approved,
        changeable: false,
        approvalSeal: { version: '1.1', post: 'GROUP_EO_GAD_SO_EST', user: 'priya.nair', at: '2026-11-24T09:35:00.000Z' }
      })
    ]);
    el = fixture.nativeElement;
    const recorded = el.querySelector('[data-test="draft-approval-recorded"]')?.textContent ?? '';
    // The one Indian date format (eofficeDate: IST): 24/11/2026 15:05.
    expect(recorded).toContain('Approval recorded on 24/11/2026');
    expect(recorded).toContain('15:05');
    expect(recorded).toContain('by the movement of Section Officer');
    expect(el.querySelector('[data-test="draft-editor"]')).toBeNull();
    expect(el.querySelector('[data-test="draft-text"]')?.textContent).toContain('Text of current');
    expect(buttons(fixture)).toEqual(['draft-new', 'draft-dispatch', 'draft-compare']);
  });

  it("says in the officer's words that a draft whose approval was recorded meanwhile can no longer be changed, and reads it again", async () => {
    const draft = draftOf({ status: 'approved', approvedVersion: '1.0', approvedBy: 'GROUP_EO_GAD_SO_EST' });
    const fixture = await render([draft]);
    service.discard.and.rejectWith(new DraftError('EOFFICE.FILE.DRAFTS.ERRORS.APPROVAL_RECORDED', 403));
    service.list.and.resolveTo([{ ...draft, changeable: false }]);
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('[data-test="draft-discard"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    (el.querySelector('[data-test="draft-discard-confirm"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      "This draft's approval has been recorded; it can no longer be changed."
    );
    expect(service.list).toHaveBeenCalledTimes(2);
    expect(buttons(fixture)).toEqual(['draft-new', 'draft-dispatch', 'draft-compare']);
  });

  it('offers issued and discarded drafts no actions, and pending dispatches a way to record dispatch', async () => {
    const pending = {
      id: 'p1',
      name: '20261123-01',
      issueNumber: 'A-11011/5/2026-EST-GAD',
      status: 'pending',
      addressees: ['X']
    } as Dispatch;
    const fixture = await render(
      [draftOf({ status: 'issued', approvedVersion: '1.0' }), draftOf({ id: 'd2', number: 2, status: 'discarded' })],
      {
        dispatches: [pending]
      }
    );
    expect(buttons(fixture)).toEqual(['draft-new', 'draft-compare']);
    expect(fixture.nativeElement.querySelector('[data-test="dispatch-status"]')?.textContent).toContain('Pending');

    service.markDispatched.and.resolveTo({ ...pending, status: 'issuedDispatched' });
    (fixture.nativeElement.querySelector('[data-test="dispatch-mark-dispatched"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[data-test="dispatch-status"]')?.textContent).toContain('Issued & Dispatched');
    expect(fixture.nativeElement.querySelector('[data-test="dispatch-mark-dispatched"]')).toBeNull();
    expect(service.markDispatched).toHaveBeenCalledOnceWith('p1', jasmine.objectContaining({ id: 'f1' }));
  });

  it("shows the repository's refusal to record the dispatch of a letter from an unsigned approval; it stays pending", async () => {
    const pending = {
      id: 'p1',
      name: '20261123-01',
      issueNumber: 'A-11011/5/2026-EST-GAD',
      status: 'pending',
      addressees: ['X']
    } as Dispatch;
    const fixture = await render([], { dispatches: [pending] });
    service.markDispatched.and.callFake(() =>
      Promise.reject(
        refusalOf({
          status: 500,
          message: JSON.stringify({
            error: {
              briefSummary:
                '00070001 Error: Letter A-11011/5/2026-EST-GAD cannot be dispatched: its approval is not digitally signed by its approver. The department requires a signed approval to issue a letter'
            }
          })
        })
      )
    );
    (fixture.nativeElement.querySelector('[data-test="dispatch-mark-dispatched"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(fixture.nativeElement.querySelector('[role="alert"]')?.textContent).toContain('has not signed the approved version digitally');
    expect(fixture.nativeElement.querySelector('[data-test="dispatch-status"]')?.textContent).toContain('Pending');
  });
});
