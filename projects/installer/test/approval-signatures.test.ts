/**
 * Signed approvals of drafts (issue 18, docs/signatures.md "Approvals"), through the public REST API as the
 * extension and an adversary use it: the approver signs the draft version he approves (an eo:signature of the
 * draft bound to that version); where the department requires signed approvals (hierarchy.json
 * signatures.requireSignedApprovals) the movement workflow refuses to hand the file on while a letter issued
 * there lacks one: no signature, a colleague's signature in the approver's name, or a signature of another
 * version of the draft.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { APPROVAL_SIGNATURE_FORMAT, SIGNATURE_TYPE, dispatchLetter, issueLetter, type IssueRequest } from '@eoffice/domain';
import { openPkcs12, type Signer } from '@eoffice/domain/src/signing';
import { hierarchyText } from '../src/config';
import { readBytes, storeApprovalSignature, writeBytes } from '../src/signatures';
import type { Acs } from '../src/acs';
import { artefacts } from './support';
import {
  act,
  openFile,
  refused,
  registrationClient,
  startDepartment,
  startMovement,
  taskOf,
  uploadLetterPdf,
  type Department
} from './movement-support';
import { issueOfficer, makeTestPki, pkcs12, tempDir, type Issued, type TestCa } from './signing-support';

const SO = 'priya.nair'; // SO_EST, level 2: approves drafts
const COLLEAGUE = 'ravi.kohli'; // a second officer in SO_EST
const ASO = 'amit.kumar'; // ASO_EST_1, the dealing hand: below the level that approves
const P12_PASSWORD = 'demo-only';

let pki: string;
let root: TestCa;
let sub: TestCa;
let soCert: Issued;
let colleagueCert: Issued;
let asoCert: Issued;
const signers: Signer[] = [];

async function signerOf(who: Issued): Promise<Signer> {
  const s = await openPkcs12(pkcs12(who, [sub.cert, root.cert], P12_PASSWORD), P12_PASSWORD);
  signers.push(s);
  return s;
}

/**
 * A fresh test PKI (its CAs, the certificates of the approver, his colleague in the post and, with
 * `allOfficers`, the dealing hand) and a department requiring signed approvals, for one describe.
 */
async function startSigningDepartment(prefix: string, allOfficers = true): Promise<Department> {
  pki = tempDir(prefix);
  ({ root, sub } = makeTestPki(pki));
  soCert = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/CN=Priya Nair');
  if (allOfficers) {
    colleagueCert = issueOfficer(sub, 'colleague', '/C=IN/O=General Administration Department/CN=Ravi Kohli');
    asoCert = issueOfficer(sub, 'aso', '/C=IN/O=General Administration Department/CN=Amit Kumar');
  }
  const a = artefacts();
  a.hierarchy = { ...a.hierarchy, signatures: { requireSignedApprovals: true } };
  a.hierarchyJson = hierarchyText(a.hierarchy);
  return startDepartment({}, a);
}

/** Ends a describe of startSigningDepartment: closes the signers it opened (from `mine` on), stops `d`, removes the PKI. */
async function stopSigningDepartment(d: Department | undefined, mine: number): Promise<void> {
  for (const s of signers.splice(mine)) await s.close();
  await d?.stop();
  if (pki) fs.rmSync(pki, { recursive: true, force: true });
}

/** A draft as the drafts panel creates it: Drafts/<n>, first version 1.0. */
async function draft(acs: Acs, fileId: string, html: string): Promise<string> {
  const name = String(Date.now()).slice(-6);
  const created = await acs.upload.uploadFile(
    new File([html], name, { type: 'text/html' }),
    'Drafts',
    fileId,
    { name, nodeType: 'eo:draft', properties: { 'eo:draftNumber': 1, 'eo:draftKind': 'letter', 'eo:draftStatus': 'draft' } } as never,
    { name, nodeType: 'eo:draft', autoRename: false, majorVersion: true } as never
  );
  return (created as { entry: { id: string } }).entry.id;
}

async function version(acs: Acs, id: string): Promise<string> {
  return String((await acs.nodes.getNode(id, { include: ['properties'] })).entry.properties['cm:versionLabel']);
}

/** The approval as DraftService.approve writes it (the post, the officer, the version he read). */
async function approve(d: Department, acs: Acs, draftId: string, user: string, label: string, post = 'SO_EST'): Promise<void> {
  await acs.nodes.updateNode(draftId, {
    properties: {
      'eo:draftStatus': 'approved',
      'eo:approvedVersion': label,
      'eo:approvedBy': d.group(post),
      'eo:approvedByUser': user,
      'eo:approvedAt': new Date().toISOString()
    }
  } as never);
}

/**
 * The write access to Dispatches/ a file handed over before issuing went through eoRegister still carries
 * (Collaborator for its holder, until its next hand-over: lib.js eoGrantWork), given back by the administrator:
 * the letters such a holder wrote itself are what the hand-over and the dispatch still check.
 */
async function oldFile(acs: Acs, fileId: string): Promise<void> {
  const admin = adminOf.get(acs);
  assert.ok(admin, 'a connection of a department started here');
  const file = (await admin.nodes.getNode(fileId, { include: ['properties'] })).entry;
  const holderGroup = String(file.properties!['eo:currentHolder']);
  const folders = (await admin.nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 100 })).list?.entries ?? [];
  const found = folders.find((e) => e.entry.name === 'Dispatches');
  const folderId = found ? found.entry.id : (await admin.nodes.createNode(fileId, { name: 'Dispatches', nodeType: 'cm:folder' })).entry.id;
  await admin.nodes.updateNode(folderId, {
    permissions: { isInheritanceEnabled: true, locallySet: [{ authorityId: holderGroup, name: 'Collaborator', accessStatus: 'ALLOWED' }] }
  } as never);
}

/** Each officer's connection → its department's administrator (oldFile). */
const adminOf = new Map<Acs, Acs>();
async function officer(d: Department, user: string): Promise<Acs> {
  const acs = await d.as(user);
  adminOf.set(acs, d.admin);
  return acs;
}

/**
 * The issue as DraftService.dispatch wrote it before issuing went through eoRegister, on a file from then
 * (oldFile): an eo:dispatch in Dispatches/ naming its draft (`draftId` null: a letter naming none); by CRU it
 * stays pending and is opened to the Central Registry's post with `grant` (Consumer, as the drafts panel did;
 * Collaborator, as a client did before). Answers its id.
 */
async function issue(
  acs: Acs,
  fileId: string,
  draftId: string | null,
  number: string,
  opts: { byCru?: boolean; grant?: string; folder?: string; cru?: string } = {}
): Promise<string> {
  if (!opts.folder) await oldFile(acs, fileId);
  const name = `20261207-${number.replace(/\W/g, '')}`;
  const created = await acs.upload.uploadFile(
    new File(['%PDF-1.7 letter'], name, { type: 'application/pdf' }),
    opts.folder ?? 'Dispatches',
    fileId,
    {
      name,
      nodeType: 'eo:dispatch',
      properties: {
        'eo:issueNumber': number,
        'eo:dispatchMode': opts.byCru ? 'byCru' : 'bySelf',
        'eo:dispatchStatus': opts.byCru ? 'pending' : 'issuedSent',
        ...(draftId && { 'eo:fromDraft': draftId })
      }
    } as never,
    { name, nodeType: 'eo:dispatch', autoRename: false } as never
  );
  const id = (created as { entry: { id: string } }).entry.id;
  if (opts.byCru)
    await acs.nodes.updateNode(id, {
      permissions: {
        isInheritanceEnabled: true,
        locallySet: [{ authorityId: opts.cru ?? 'GROUP_EO_GAD_CRU', name: opts.grant ?? 'Consumer', accessStatus: 'ALLOWED' }]
      }
    } as never);
  return id;
}

describe('signed approvals: the approver signs the version he approves; a letter goes out only from a signed approval', () => {
  let d: Department;
  let so: Acs;
  let colleague: Acs;

  before(async () => {
    d = await startSigningDepartment('eoffice-approval-signatures-');
    await d.addOfficer(COLLEAGUE, 'SO_EST');
    so = await officer(d, SO);
    colleague = await officer(d, COLLEAGUE);
  });
  after(() => stopSigningDepartment(d, 0));

  const send = async (pid: string) => act(so, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'US_EST' });
  const holder = async (id: string) => (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:currentHolder'];

  it('approving signs the approved version: an eo:signature of the draft bound to it; the file then goes on', async () => {
    const id = await openFile(d, SO, 'Reply to the Ministry on leave rules');
    const pid = await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, '<p>Sir, the leave rules are enclosed.</p>');
    const label = await version(so, draftId);
    await approve(d, so, draftId, SO, label);
    const sigId = await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    const sig = (await so.nodes.getNode(sigId, { include: ['properties'] })).entry;
    assert.equal(sig.nodeType, SIGNATURE_TYPE);
    assert.equal(String(sig.properties['eo:signatureOf']).replace('workspace://SpacesStore/', ''), draftId);
    assert.equal(sig.properties['eo:signatureForm'], APPROVAL_SIGNATURE_FORMAT);
    assert.equal(sig.properties['eo:signedVersion'], label);
    assert.ok((await readBytes(so, sigId)).length > 500);
    await issue(so, id, draftId, 'A/1');
    await send(pid);
    assert.equal(await holder(id), d.group('US_EST'));
  });

  it('a letter issued from an approval nobody signed: the send is refused, naming the issue', async () => {
    const id = await openFile(d, SO, 'Circular on office timings');
    const pid = await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, '<p>Office timings are 9:30 to 6:00.</p>');
    await approve(d, so, draftId, SO, await version(so, draftId));
    await issue(so, id, draftId, 'B/1');
    const r = await refused(() => send(pid));
    assert.equal(r.status, 500);
    assert.match(r.summary, /Letters issued without a signed approval: B\/1\. The department requires the approval of a letter/);
    // Nor does closing the file let it through.
    assert.match(
      (await refused(async () => act(so, (await taskOf(d, pid)).id, { eowf_action: 'close' }))).summary,
      /Letters issued without a signed approval/
    );
    assert.equal(await holder(id), d.group('SO_EST'));
  });

  it("a colleague's signature stored for the approver's approval does not count; the approver's does", async () => {
    const id = await openFile(d, SO, 'Purchase of stationery');
    const pid = await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, '<p>Supply order for stationery.</p>');
    const label = await version(so, draftId);
    await approve(d, so, draftId, SO, label);
    await issue(so, id, draftId, 'C/1');
    await storeApprovalSignature(colleague, id, draftId, label, d.group('SO_EST'), await signerOf(colleagueCert));
    assert.match((await refused(() => send(pid))).summary, /Letters issued without a signed approval: C\/1\./);
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    await send(pid);
    assert.equal(await holder(id), d.group('US_EST'));
  });

  it('a signature of another version of the draft does not count for the version approved', async () => {
    const id = await openFile(d, SO, 'Tour programme of the Secretary');
    const pid = await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, '<p>The Secretary will tour on 10/12/2026.</p>');
    const first = await version(so, draftId);
    await storeApprovalSignature(so, id, draftId, first, d.group('SO_EST'), await signerOf(soCert));
    await writeBytes(so, draftId, new TextEncoder().encode('<p>The Secretary will tour on 12/12/2026.</p>'), 'text/html');
    const second = await version(so, draftId);
    assert.notEqual(first, second);
    await approve(d, so, draftId, SO, second);
    await issue(so, id, draftId, 'D/1');
    assert.match((await refused(() => send(pid))).summary, /Letters issued without a signed approval: D\/1\./);
    await storeApprovalSignature(so, id, draftId, second, d.group('SO_EST'), await signerOf(soCert));
    await send(pid);
    assert.equal(await holder(id), d.group('US_EST'));
  });

  it('the dealing hand cannot approve and sign his own letter, nor sign in the Section Officer’s name: the send is refused', async () => {
    const aso = await officer(d, ASO);
    const id = await openFile(d, ASO, 'Reply on a pension case');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const draftId = await draft(aso, id, '<p>The pension case is settled.</p>');
    const label = await version(aso, draftId);
    // His own post's approval, signed by him: his post is below Section Officer.
    await approve(d, aso, draftId, ASO, label, 'ASO_EST_1');
    await storeApprovalSignature(aso, id, draftId, label, d.group('ASO_EST_1'), await signerOf(asoCert));
    await issue(aso, id, draftId, 'E/1');
    const sendUp = async () => act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    assert.match((await refused(sendUp)).summary, /Letters issued without a signed approval: E\/1\./);
    // The Section Officer's approval written by him, and a signature he stored in that post's name.
    await approve(d, aso, draftId, SO, label);
    await storeApprovalSignature(aso, id, draftId, label, d.group('SO_EST'), await signerOf(asoCert));
    assert.match((await refused(sendUp)).summary, /Letters issued without a signed approval: E\/1\./);
    assert.equal(await holder(id), d.group('ASO_EST_1'));
  });

  it('as on a desk: the dealing hand drafts, the Section Officer approves and signs, sends it back; the letter issued then goes up', async () => {
    const aso = await officer(d, ASO);
    const id = await openFile(d, ASO, 'Reply on an RTI application');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const draftId = await draft(aso, id, '<p>The information sought is enclosed.</p>');
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    const label = await version(so, draftId);
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    await approve(d, so, draftId, SO, label);
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'sendBack' });
    await issue(aso, id, draftId, 'F/1');
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    assert.equal(await holder(id), d.group('SO_EST'));
  });
});

/**
 * The same rule where a letter goes out: the Central Registry marks a letter issued "by CRU" dispatched only
 * through eoRegister's dispatch (register.js regDispatch), which refuses a letter whose approval lacks its
 * approver's signature of the version approved; the letter is read-only to the CRU, so a plain PUT of its
 * status is refused. Every call here is one an officer can make with any body.
 */
describe('signed approvals at dispatch: the Central Registry dispatches only a letter from a signed approval', () => {
  const CRU = 'pooja.patel';
  const US = 'kavita.joshi';
  let d: Department;
  let so: Acs;
  let cru: Acs;
  /** The signers the first describe opened (and closed) come before this one's. */
  let mine = 0;

  before(async () => {
    mine = signers.length;
    d = await startSigningDepartment('eoffice-dispatch-signatures-');
    await d.addOfficer(COLLEAGUE, 'SO_EST');
    so = await officer(d, SO);
    cru = await officer(d, CRU);
  });
  after(() => stopSigningDepartment(d, mine));

  const dispatch = (acs: Acs, id: string, post = 'CRU') => dispatchLetter(registrationClient(acs), id, post);
  const status = async (id: string) => {
    const p = (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties;
    return { status: p['eo:dispatchStatus'], at: p['eo:dispatchedAt'] };
  };
  const UNSIGNED = /Letter (\S+) cannot be dispatched: its approval is not digitally signed by its approver/;

  /** A file held by the Section Officer with a draft approved by her (its version) and not yet signed. */
  async function approvedDraft(subject: string): Promise<{ id: string; draftId: string; label: string }> {
    const id = await openFile(d, SO, subject);
    await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, `<p>${subject}</p>`);
    const label = await version(so, draftId);
    await approve(d, so, draftId, SO, label);
    return { id, draftId, label };
  }

  it("an unsigned approval: refused in the officer's words, the letter stays pending; once the approver signs, dispatched", async () => {
    const { id, draftId, label } = await approvedDraft('Reply to the Staff Selection Commission');
    const letter = await issue(so, id, draftId, 'G/1', { byCru: true });
    const r = await refused(() => dispatch(cru, letter));
    assert.equal(r.status, 500);
    assert.match(r.summary, UNSIGNED);
    assert.equal(UNSIGNED.exec(r.summary)![1], 'G/1');
    assert.deepEqual(await status(letter), { status: 'pending', at: undefined });
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    await dispatch(cru, letter);
    const done = await status(letter);
    assert.equal(done.status, 'issuedDispatched');
    assert.ok(done.at, 'the repository writes when it was dispatched');
    // Once: a second dispatch of the same letter is refused.
    assert.match((await refused(() => dispatch(cru, letter))).summary, /Letter G\/1 is not pending dispatch/);
  });

  it('the CRU cannot write the letter: a PUT of eo:dispatchStatus or of its permissions is refused (403)', async () => {
    const { id, draftId } = await approvedDraft('Circular on festival advance');
    const letter = await issue(so, id, draftId, 'H/1', { byCru: true });
    const put = await refused(() =>
      cru.nodes.updateNode(letter, { properties: { 'eo:dispatchStatus': 'issuedDispatched', 'eo:dispatchedAt': new Date().toISOString() } })
    );
    assert.equal(put.status, 403);
    const grant = await refused(() =>
      cru.nodes.updateNode(letter, {
        permissions: { locallySet: [{ authorityId: 'GROUP_EO_GAD_CRU', name: 'Collaborator', accessStatus: 'ALLOWED' }] }
      } as never)
    );
    assert.equal(grant.status, 403);
    assert.equal((await status(letter)).status, 'pending');
  });

  it("a colleague's signature, another version's, or the dealing hand's in the Section Officer's name: refused", async () => {
    // A colleague in the same post signs for the approver.
    const one = await approvedDraft('Purchase of computers');
    const l1 = await issue(so, one.id, one.draftId, 'J/1', { byCru: true });
    await storeApprovalSignature(await d.as(COLLEAGUE), one.id, one.draftId, one.label, d.group('SO_EST'), await signerOf(colleagueCert));
    assert.match((await refused(() => dispatch(cru, l1))).summary, UNSIGNED);
    // The approver signed the version before the one approved.
    const two = await approvedDraft('Tour of the Joint Secretary');
    await storeApprovalSignature(so, two.id, two.draftId, two.label, d.group('SO_EST'), await signerOf(soCert));
    await writeBytes(so, two.draftId, new TextEncoder().encode('<p>Tour on 14/12/2026.</p>'), 'text/html');
    await approve(d, so, two.draftId, SO, await version(so, two.draftId));
    const l2 = await issue(so, two.id, two.draftId, 'K/1', { byCru: true });
    assert.match((await refused(() => dispatch(cru, l2))).summary, UNSIGNED);
    // The dealing hand writes the Section Officer's approval and signs it with his own certificate in her post's name.
    const aso = await officer(d, ASO);
    const id = await openFile(d, ASO, 'Reply on a gratuity case');
    await startMovement(aso, id, 'ASO_EST_1');
    const draftId = await draft(aso, id, '<p>The gratuity is released.</p>');
    const label = await version(aso, draftId);
    await approve(d, aso, draftId, SO, label);
    await storeApprovalSignature(aso, id, draftId, label, d.group('SO_EST'), await signerOf(asoCert));
    const l3 = await issue(aso, id, draftId, 'L/1', { byCru: true });
    assert.match((await refused(() => dispatch(cru, l3))).summary, UNSIGNED);
    for (const l of [l1, l2, l3]) assert.equal((await status(l)).status, 'pending');
  });

  it("a forged letter: naming no draft, naming another file's signed draft, or planted outside Dispatches/: refused", async () => {
    const signed = await approvedDraft('Leave travel concession');
    await storeApprovalSignature(so, signed.id, signed.draftId, signed.label, d.group('SO_EST'), await signerOf(soCert));
    const other = await approvedDraft('Office timings');
    const none = await issue(so, other.id, null, 'M/1', { byCru: true });
    assert.match((await refused(() => dispatch(cru, none))).summary, UNSIGNED);
    const borrowed = await issue(so, other.id, signed.draftId, 'N/1', { byCru: true });
    assert.match((await refused(() => dispatch(cru, borrowed))).summary, UNSIGNED);
    const planted = await issue(so, other.id, other.draftId, 'P/1', { byCru: true, folder: 'Correspondence' });
    assert.match((await refused(() => dispatch(cru, planted))).summary, /Letter P\/1 is not in the Dispatches of a registered e-file/);
    for (const l of [none, borrowed, planted]) assert.equal((await status(l)).status, 'pending');
  });

  it("only a Central Registry post it was opened to, or the post holding the file, dispatches it; a letter sent by self is not the CRU's", async () => {
    const { id, draftId, label } = await approvedDraft('Annual property returns');
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    const us = await d.as(US);
    // Opened to the Under Secretary (who then reads it), not to a Central Registry post.
    const letter = await issue(so, id, draftId, 'Q/1', { byCru: true, cru: d.group('US_EST') });
    assert.match((await refused(() => dispatch(us, letter))).summary, /kavita\.joshi does not hold the post Central Registry Clerk/);
    assert.match((await refused(() => dispatch(us, letter, 'US_EST'))).summary, /Letter Q\/1 was not sent to Under Secretary/);
    const bySelf = await issue(so, id, draftId, 'R/1');
    assert.ok((await refused(() => dispatch(cru, bySelf))).status! >= 400);
    assert.equal((await status(bySelf)).status, 'issuedSent');
    // The post holding the file records it from its drafts panel, through the same check.
    await dispatch(so, letter, 'SO_EST');
    assert.equal((await status(letter)).status, 'issuedDispatched');
  });

  it('the post holding the file is refused the same way for a letter from an unsigned approval', async () => {
    const { id, draftId } = await approvedDraft('Revision of pay scales');
    const letter = await issue(so, id, draftId, 'S/1', { byCru: true });
    assert.match((await refused(() => dispatch(so, letter, 'SO_EST'))).summary, UNSIGNED);
    assert.equal((await status(letter)).status, 'pending');
  });

  it('a letter a client opened to the CRU with write access loses it when the file is handed over', async () => {
    const { id, draftId, label } = await approvedDraft('Reply to an audit para');
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    const letter = await issue(so, id, draftId, 'T/1', { byCru: true, grant: 'Collaborator' });
    const pid = String((await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:movementProcess']);
    const cruRole = async () =>
      ((await d.admin.nodes.getNode(letter, { include: ['permissions'] })).entry.permissions?.locallySet ?? [])
        .filter((e) => e.authorityId === 'GROUP_EO_GAD_CRU')
        .map((e) => e.name);
    assert.deepEqual(await cruRole(), ['Collaborator']);
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'US_EST' });
    const put = await refused(() => cru.nodes.updateNode(letter, { properties: { 'eo:dispatchStatus': 'issuedDispatched' } }));
    assert.equal(put.status, 403);
    assert.deepEqual(await cruRole(), ['Consumer']);
    // Still the CRU's to read and to dispatch through the repository.
    await cru.nodes.getNode(letter);
    await dispatch(cru, letter);
    assert.equal((await status(letter)).status, 'issuedDispatched');
  });
});

/**
 * Issuing itself goes through the workflow (eoRegister's issue, register.js regIssue): the holding post only
 * reads Dispatches/; the browser makes the letter's PDF in its post's intake folder and the repository, as the
 * administrator, makes it the file's eo:dispatch once the caller holds the post holding the draft's file, the
 * draft is approved in its current version, the approver signed that version (the department's rule) and the
 * issue is the day's next. Every call here is one an officer can make with any body; a refusal creates nothing.
 */
describe('issuing a letter goes through the workflow: only an approved, signed draft of the file held is issued', () => {
  const US = 'kavita.joshi';
  let d: Department;
  let so: Acs;
  let mine = 0;

  before(async () => {
    mine = signers.length;
    d = await startSigningDepartment('eoffice-issue-signatures-', false);
    so = await officer(d, SO);
  });
  after(() => stopSigningDepartment(d, mine));

  const letterPdf = (acs: Acs, post = 'SO_EST') => uploadLetterPdf(d, acs, post);
  const request = (draft: string, extra: Partial<IssueRequest> = {}): IssueRequest => ({
    draft,
    issueOfDay: 1,
    mode: 'bySelf',
    deliveryMode: 'Speed Post',
    addressees: ['The Under Secretary, Ministry of Personnel, New Delhi'],
    ...extra
  });
  const issueAs = (acs: Acs, letter: string, req: IssueRequest, post = 'SO_EST') => issueLetter(registrationClient(acs), letter, post, req);
  const dispatches = async (fileId: string) =>
    ((await d.admin.nodes.listNodeChildren(fileId, { where: '(isFolder=true)', maxItems: 100 })).list?.entries?.find(
      (e) => e.entry.name === 'Dispatches'
    )?.entry.id ?? null) as string | null;
  const letters = async (fileId: string) => {
    const folder = await dispatches(fileId);
    return folder ? ((await d.admin.nodes.listNodeChildren(folder, { maxItems: 100 })).list?.entries ?? []).map((e) => e.entry.name) : [];
  };
  const props = async (id: string) => (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties;

  /** A file held by the Section Officer with a draft she approved (its current version), signed when `signed`. */
  async function approvedDraft(subject: string, signed = true): Promise<{ id: string; draftId: string; label: string; pid: string }> {
    const id = await openFile(d, SO, subject);
    const pid = await startMovement(so, id, 'SO_EST');
    const draftId = await draft(so, id, `<p>${subject}</p>`);
    const label = await version(so, draftId);
    await approve(d, so, draftId, SO, label);
    if (signed) await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    return { id, draftId, label, pid };
  }

  it('the holder cannot write Dispatches/: creating an eo:dispatch (or anything) there is refused (403)', async () => {
    const made = await approvedDraft('Reply on leave encashment');
    // The first issue makes the folder; before it, the holder cannot make one either (the file is read-only to him).
    assert.equal((await refused(() => so.nodes.createNode(made.id, { name: 'Dispatches', nodeType: 'cm:folder' }))).status, 403);
    await issueAs(so, await letterPdf(so), request(made.draftId));
    const draftId = made.draftId;
    const folder = (await dispatches(made.id))!;
    const forged = await refused(() =>
      so.nodes.createNode(folder, {
        name: '20261207-02',
        nodeType: 'eo:dispatch',
        properties: { 'eo:issueNumber': 'A/1', 'eo:dispatchMode': 'bySelf', 'eo:dispatchStatus': 'issuedSent', 'eo:fromDraft': draftId }
      } as never)
    );
    assert.equal(forged.status, 403);
    const upload = await refused(() =>
      so.upload.uploadFile(new File(['%PDF-1.7'], 'x.pdf', { type: 'application/pdf' }), 'Dispatches', made.id, undefined, {
        name: 'x.pdf',
        nodeType: 'eo:dispatch'
      } as never)
    );
    assert.equal(upload.status, 403);
    assert.equal((await letters(made.id)).length, 1);
  });

  it('an approved draft signed by its approver: the repository issues it, numbered, read-only, and the draft is issued', async () => {
    const { id, draftId } = await approvedDraft('Reply to the Ministry on promotions');
    const letter = await letterPdf(so);
    await issueAs(so, letter, request(draftId, { mode: 'byCru' }));
    const p = await props(letter);
    const fileNumber = String((await props(id))['eo:fileNumber']);
    assert.equal(p['eo:issueNumber'], fileNumber);
    assert.equal(p['eo:dispatchStatus'], 'pending');
    assert.equal(p['eo:dispatchMode'], 'byCru');
    assert.equal(p['eo:issuedBy'], d.group('SO_EST'));
    assert.equal(String(p['eo:fromDraft']).replace('workspace://SpacesStore/', ''), draftId);
    assert.deepEqual(p['eo:addressees'], ['The Under Secretary, Ministry of Personnel, New Delhi']);
    assert.equal((await d.admin.nodes.getNode(letter)).entry.nodeType, 'eo:dispatch');
    assert.equal((await props(draftId))['eo:draftStatus'], 'issued');
    assert.equal((await letters(id)).length, 1);
    // The holder reads it, cannot change it; the Central Registry reads it to dispatch it.
    await so.nodes.getNode(letter);
    assert.equal((await refused(() => so.nodes.updateNode(letter, { properties: { 'eo:dispatchStatus': 'issuedSent' } }))).status, 403);
    await (await d.as('pooja.patel')).nodes.getNode(letter);
    // The day's second letter is number 2; asking again for 1, or for 3, is refused.
    const second = await approvedDraftOf(id);
    const again = await letterPdf(so);
    assert.match(
      (await refused(() => issueAs(so, again, request(second, { issueOfDay: 1 })))).summary,
      /Issue 1 of the day already exists/
    );
    assert.match((await refused(() => issueAs(so, again, request(second, { issueOfDay: 3 })))).summary, /is not the next issue/);
    await issueAs(so, again, request(second, { issueOfDay: 2 }));
    assert.match(String((await props(again))['eo:issueNumber']), /\(I\)/);
    assert.equal((await props(again))['eo:dispatchStatus'], 'issuedSent');
  });

  /** A second draft of the file `id`, approved and signed. */
  async function approvedDraftOf(id: string): Promise<string> {
    const draftId = await draft(so, id, '<p>A second letter.</p>');
    const label = await version(so, draftId);
    await approve(d, so, draftId, SO, label);
    await storeApprovalSignature(so, id, draftId, label, d.group('SO_EST'), await signerOf(soCert));
    return draftId;
  }

  it('an unapproved, unsigned or changed draft, or another file’s: refused, nothing is created and the draft is not issued', async () => {
    const unsigned = await approvedDraft('Circular on office timings', false);
    const letter = await letterPdf(so);
    const r = await refused(() => issueAs(so, letter, request(unsigned.draftId)));
    assert.match(r.summary, /cannot be issued: its approval is not digitally signed by its approver/);
    // Not approved at all.
    const fresh = await draft(so, unsigned.id, '<p>Not yet approved.</p>');
    assert.match((await refused(() => issueAs(so, letter, request(fresh)))).summary, /is not approved/);
    // Signed and approved, then edited: the current version is not the one approved.
    const changed = await approvedDraft('Tour of the Secretary');
    await writeBytes(so, changed.draftId, new TextEncoder().encode('<p>Tour on 14/12/2026.</p>'), 'text/html');
    assert.match((await refused(() => issueAs(so, letter, request(changed.draftId)))).summary, /has changed since its approval/);
    // Another file's signed draft: issued as a letter of that file only by the post holding it.
    const elsewhere = await approvedDraft('Purchase of computers');
    await act(so, (await taskOf(d, elsewhere.pid)).id, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.match((await refused(() => issueAs(so, letter, request(elsewhere.draftId)))).summary, /does not hold the file/);
    // A draft id that is not a draft (the file itself), and a body that is not one.
    assert.match((await refused(() => issueAs(so, letter, request(unsigned.id)))).summary, /is not a draft of a registered e-file/);
    assert.match((await refused(() => issueAs(so, letter, { ...request(changed.draftId), mode: 'byPigeon' as never }))).summary, /mode/);
    for (const f of [unsigned.id, changed.id, elsewhere.id]) assert.deepEqual(await letters(f), []);
    for (const x of [unsigned.draftId, changed.draftId, elsewhere.draftId]) assert.notEqual((await props(x))['eo:draftStatus'], 'issued');
    assert.equal((await d.admin.nodes.getNode(letter)).entry.nodeType, 'cm:content');
  });

  it('someone not holding the post, or a post not holding the file, cannot issue; a letter outside the intake folder is not one', async () => {
    const { id, draftId } = await approvedDraft('Annual property returns');
    const us = await d.as(US);
    const letter = await letterPdf(so);
    // Another post's letter cannot even go into her package (she cannot read it), her own not as that post's.
    assert.equal((await refused(() => issueAs(us, letter, request(draftId)))).status, 403);
    const hers = await letterPdf(us, 'US_EST');
    assert.match(
      (await refused(() => issueAs(us, hers, request(draftId)))).summary,
      /kavita\.joshi does not hold the post Section Officer/
    );
    assert.match((await refused(() => issueAs(us, hers, request(draftId), 'US_EST'))).summary, /does not hold the file/);
    // The PDF must wait in the issuing post's own intake folder (not in the file, not in another post's).
    const planted = (
      (await so.upload.uploadFile(new File(['%PDF-1.7'], 'p.pdf', { type: 'application/pdf' }), 'Correspondence', id, undefined, {
        name: 'p.pdf',
        nodeType: 'cm:content'
      } as never)) as { entry: { id: string } }
    ).entry.id;
    assert.match(
      (await refused(() => issueAs(so, planted, request(draftId)))).summary,
      /is not a letter in the intake folder of Section Officer/
    );
    assert.equal((await refused(() => issueAs(so, hers, request(draftId)))).status, 403);
    assert.deepEqual(await letters(id), []);
  });

  it('a file handed over before the change: its holder’s write access to Dispatches/ goes at the next hand-over', async () => {
    const { id, pid } = await approvedDraft('Reply on a pension case');
    await oldFile(so, id);
    const folder = (await dispatches(id))!;
    const roles = async () =>
      ((await d.admin.nodes.getNode(folder, { include: ['permissions'] })).entry.permissions?.locallySet ?? []).map((e) => e.name);
    assert.deepEqual(await roles(), ['Collaborator']);
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.deepEqual(await roles(), []);
    const us = await d.as(US);
    await us.nodes.getNode(folder);
    assert.equal((await refused(() => us.nodes.createNode(folder, { name: 'x', nodeType: 'cm:content' }))).status, 403);
  });
});
