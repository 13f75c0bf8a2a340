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
import { APPROVAL_SIGNATURE_FORMAT, SIGNATURE_TYPE } from '@eoffice/domain';
import { openPkcs12, type Signer } from '@eoffice/domain/src/signing';
import { hierarchyText } from '../src/config';
import { readBytes, storeApprovalSignature, writeBytes } from '../src/signatures';
import type { Acs } from '../src/acs';
import { artefacts } from './support';
import { act, openFile, refused, startDepartment, startMovement, taskOf, type Department } from './movement-support';
import { issueOfficer, makeIntermediate, makeRoot, pkcs12, tempDir, type Issued, type TestCa } from './signing-support';

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

/** The issue as DraftService.dispatch writes it: an eo:dispatch in Dispatches/ naming its draft. */
async function issue(acs: Acs, fileId: string, draftId: string, number: string): Promise<void> {
  const name = `20261207-${number.slice(-1)}`;
  await acs.upload.uploadFile(
    new File(['%PDF-1.7 letter'], name, { type: 'application/pdf' }),
    'Dispatches',
    fileId,
    {
      name,
      nodeType: 'eo:dispatch',
      properties: { 'eo:issueNumber': number, 'eo:dispatchMode': 'bySelf', 'eo:dispatchStatus': 'issuedSent', 'eo:fromDraft': draftId }
    } as never,
    { name, nodeType: 'eo:dispatch', autoRename: false } as never
  );
}

describe('signed approvals: the approver signs the version he approves; a letter goes out only from a signed approval', () => {
  let d: Department;
  let so: Acs;
  let colleague: Acs;

  before(async () => {
    pki = tempDir('eoffice-approval-signatures-');
    root = makeRoot(pki, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
    sub = makeIntermediate(pki, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
    soCert = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/CN=Priya Nair');
    colleagueCert = issueOfficer(sub, 'colleague', '/C=IN/O=General Administration Department/CN=Ravi Kohli');
    asoCert = issueOfficer(sub, 'aso', '/C=IN/O=General Administration Department/CN=Amit Kumar');
    const a = artefacts();
    a.hierarchy = { ...a.hierarchy, signatures: { requireSignedApprovals: true } };
    a.hierarchyJson = hierarchyText(a.hierarchy);
    d = await startDepartment({}, a);
    await d.addOfficer(COLLEAGUE, 'SO_EST');
    so = await d.as(SO);
    colleague = await d.as(COLLEAGUE);
  });
  after(async () => {
    for (const s of signers) await s.close();
    await d?.stop();
    if (pki) fs.rmSync(pki, { recursive: true, force: true });
  });

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
    const aso = await d.as(ASO);
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
    const aso = await d.as(ASO);
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
