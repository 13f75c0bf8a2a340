/**
 * Digital signatures kept beside notes (issue 18, docs/signatures.md "Where a signature is kept"), through the
 * public REST API as the extension and an adversary use it: the Section Officer signs her green note with a
 * PKCS#12 certificate and the signature is stored in the file's Signatures/ bound to the note's version; a
 * colleague of the same post can neither change, delete nor replace it, nor sign for her; where the
 * department requires signed green notes the movement workflow refuses to send the file until they are, and
 * once the file has moved nobody changes the signature; `npx eoffice verify <file number>` reports each
 * note's state (valid, changed after signing, signer unknown, revoked) against config/trust.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  SIGNATURES_FOLDER,
  SIGNATURE_TYPE,
  confirmedNotePermissions,
  createInIntake,
  postGroup,
  registerItem,
  signatureNodeBody
} from '@eoffice/domain';
import { openPkcs12, type Signer } from '@eoffice/domain/src/signing';
import { main } from '../src/cli';
import { hierarchyText } from '../src/config';
import { loadTrustConfig } from '../src/trust';
import { readBytes, storeNoteSignature, writeBytes } from '../src/signatures';
import type { Acs } from '../src/acs';
import { artefacts } from './support';
import { act, openFile, refused, registrationClient, startDepartment, startMovement, taskOf, type Department } from './movement-support';
import { crl, issueOfficer, makeRoot, makeTestPki, pkcs12, revoke, tempDir, type Issued, type TestCa } from './signing-support';

const SO = 'priya.nair'; // SO_EST
const COLLEAGUE = 'ravi.kohli'; // a second officer in SO_EST: same post, same rights on the file
const US = 'kavita.joshi'; // US_EST
const P12_PASSWORD = 'demo-only';

let pki: string;
let root: TestCa;
let sub: TestCa;
let foreign: TestCa;
let soCert: Issued;
let colleagueCert: Issued;
const signers: Signer[] = [];

async function signerOf(who: Issued, chain: string[]): Promise<Signer> {
  const s = await openPkcs12(pkcs12(who, chain, P12_PASSWORD), P12_PASSWORD);
  signers.push(s);
  return s;
}

/** A note written and confirmed green as the extension does it (uploaded, then signed in name and post). */
async function greenNote(acs: Acs, fileId: string, user: string, post: string, html: string): Promise<string> {
  const notes = await acs.nodes.getNode(fileId, { relativePath: 'Notes' });
  const count = (await acs.nodes.listNodeChildren(notes.entry.id, { maxItems: 1000 })).list?.pagination?.totalItems ?? 0;
  const name = String(count + 1).padStart(6, '0');
  const created = await acs.upload.uploadFile(
    new File([html], name, { type: 'text/html' }),
    '',
    notes.entry.id,
    {
      name,
      nodeType: 'eo:note',
      properties: { 'eo:noteNumber': count + 1, 'eo:noteColour': 'yellow', 'eo:noteAuthorPost': post }
    } as never,
    { name, nodeType: 'eo:note', autoRename: false, overwrite: false } as never
  );
  const id = (created as { entry: { id: string } }).entry.id;
  const current = await acs.nodes.getNode(id, { include: ['permissions'] });
  await acs.nodes.updateNode(id, {
    permissions: confirmedNotePermissions(current.entry.permissions) as never,
    aspectNames: ['eo:signed'],
    properties: {
      'eo:noteColour': 'green',
      'eo:signedByName': user,
      'eo:signedByUser': user,
      'eo:signedByPost': post,
      'eo:signedAt': new Date().toISOString()
    }
  } as never);
  return id;
}

async function signatureIn(d: Department, fileId: string): Promise<string> {
  return (await d.admin.nodes.getNode(fileId, { relativePath: SIGNATURES_FOLDER })).entry.id;
}

async function send(d: Department, pid: string, user: string, to: string): Promise<void> {
  await act(await d.as(user), (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: to });
}

async function verifyLines(d: Department, fileNumber: string, trustDir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['verify', fileNumber, '--url', d.repo.url, '--user', 'admin', '--password', 'admin', '--trust', trustDir], (l) =>
    lines.push(l)
  );
  return { code, lines };
}

describe('note signatures in the repository: stored beside the note, sealed by the workflow, required to send', () => {
  let d: Department;
  let so: Acs;
  let colleague: Acs;
  let trustDir: string;

  before(async () => {
    pki = tempDir('eoffice-note-signatures-');
    ({ root, sub } = makeTestPki(pki));
    foreign = makeRoot(pki, 'foreign', '/C=IN/O=Somebody Else/CN=Foreign Root CA');
    soCert = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/CN=Priya Nair');
    colleagueCert = issueOfficer(sub, 'colleague', '/C=IN/O=General Administration Department/CN=Ravi Kohli');
    // config/trust as a department writes it: the root, the sub CA, the sub CA's CRL.
    trustDir = path.join(pki, 'trust');
    for (const kind of ['roots', 'intermediates', 'crls']) fs.mkdirSync(path.join(trustDir, kind), { recursive: true });
    fs.copyFileSync(root.cert, path.join(trustDir, 'roots', 'test-root.pem'));
    fs.copyFileSync(sub.cert, path.join(trustDir, 'intermediates', 'test-sub.pem'));
    const a = artefacts();
    a.hierarchy = { ...a.hierarchy, signatures: { requireSignedNotes: true } };
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

  it('the Section Officer signs her green note: an eo:signature in Signatures/ bound to the note and its version, read-only to the post', async () => {
    const id = await openFile(d, SO, 'Leave of Shri Mohan Lal');
    await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>Leave may be <strong>sanctioned</strong>.</p>');
    const sigId = await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    const sig = (await so.nodes.getNode(sigId, { include: ['properties', 'permissions'] })).entry;
    const version = (await so.nodes.getNode(note, { include: ['properties'] })).entry.properties['cm:versionLabel'];
    assert.equal(sig.nodeType, SIGNATURE_TYPE);
    assert.equal(sig.content?.mimeType, 'application/pkcs7-signature');
    assert.equal(String(sig.properties['eo:signatureOf']).replace('workspace://SpacesStore/', ''), note);
    assert.equal(sig.properties['eo:signedVersion'], version);
    assert.match(sig.properties['eo:signerSubject'], /CN=Priya Nair/);
    assert.match(sig.properties['eo:signedDigest'], /^[0-9a-f]{64}$/);
    assert.equal(sig.permissions?.isInheritanceEnabled, false);
    assert.ok((await readBytes(so, sigId)).length > 500);
  });

  it('a colleague of the same post can neither rewrite, re-point nor delete her signature', async () => {
    const id = await openFile(d, SO, 'Purchase of almirahs');
    await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>Two almirahs may be bought.</p>');
    const sigId = await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    const before = await readBytes(d.admin, sigId);
    assert.equal(
      (await refused(() => writeBytes(colleague, sigId, new Uint8Array([0x30, 0x00]), 'application/pkcs7-signature'))).status,
      403
    );
    assert.equal(
      (await refused(() => colleague.nodes.updateNode(sigId, { properties: { 'eo:signatureOf': id, 'eo:signedVersion': '9.9' } } as never)))
        .status,
      403
    );
    assert.equal((await refused(() => colleague.nodes.deleteNode(sigId))).status, 403);
    // Not even she deletes it: a signature once made stays (sys:undeletable).
    assert.equal((await refused(() => so.nodes.deleteNode(sigId))).status, 403);
    assert.deepEqual(await readBytes(d.admin, sigId), before);
  });

  it('the workflow refuses to send a file with an unsigned green note; a signature stored by a colleague in her name does not count', async () => {
    const id = await openFile(d, SO, 'Transfer of Shri Ram Prasad');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>The transfer may be approved.</p>');
    const r = await refused(() => send(d, pid, SO, 'US_EST'));
    assert.equal(r.status, 500);
    assert.match(r.summary, /Unsigned notes: 1\. The department requires green notes to be digitally signed/);
    // The colleague signs her note with his own certificate and stores it as if it were hers.
    const forged = await storeNoteSignature(colleague, id, note, await signerOf(colleagueCert, [sub.cert, root.cert]));
    assert.ok(forged);
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
    // Nor may an officer of another post put anything in the file's Signatures/.
    const us = await d.as(US);
    const body = signatureNodeBody({
      note: { id: note, name: '000001', version: '1.0' },
      digest: '00'.repeat(32),
      post: d.group('US_EST'),
      signer: { subject: 'CN=X', issuer: 'CN=Y', serialNumber: '01' },
      signingTime: new Date()
    });
    assert.equal((await refused(() => us.nodes.createNode(id, { ...body, relativePath: SIGNATURES_FOLDER } as never))).status, 403);
    // Signed by her, the file goes.
    await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    await send(d, pid, SO, 'US_EST');
    assert.equal((await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:currentHolder'], d.group('US_EST'));
  });

  it('a freezing date she writes on her own unsigned note does not pass it as frozen: the send is still refused', async () => {
    const id = await openFile(d, SO, 'Repair of the staff quarters');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>The repair may be sanctioned.</p>');
    // Until the send the note is hers (its owner), so she may write the property the hand-over writes when it freezes a note.
    await so.nodes.updateNode(note, { properties: { 'eo:noteFrozenAt': '2026-01-01T00:00:00.000Z' } });
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
    assert.equal((await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:currentHolder'], d.group('SO_EST'));
  });

  it("nor does a note she makes the administrator's, dated, at creation: frozen is what the file's ledger names, which only the workflow writes", async () => {
    const id = await openFile(d, SO, 'Purchase of almirahs');
    const pid = await startMovement(so, id, 'SO_EST');
    const notes = await so.nodes.getNode(id, { relativePath: 'Notes' });
    // ACS's createNode asks only CreateChildren: a note made with cm:owner is that person's from the start.
    const planted = await so.upload.uploadFile(
      new File(['<p>The almirahs may be bought.</p>'], '000001', { type: 'text/html' }),
      '',
      notes.entry.id,
      {
        name: '000001',
        nodeType: 'eo:note',
        aspectNames: ['eo:signed'],
        properties: {
          'eo:noteNumber': 1,
          'eo:noteColour': 'green',
          'eo:noteAuthorPost': d.group('SO_EST'),
          'eo:signedByName': SO,
          'eo:signedByUser': SO,
          'eo:signedByPost': d.group('SO_EST'),
          'eo:signedAt': new Date().toISOString(),
          'eo:noteFrozenAt': '2026-01-01T00:00:00.000Z',
          'cm:owner': 'admin'
        }
      } as never,
      { name: '000001', nodeType: 'eo:note', autoRename: false, overwrite: false } as never
    );
    const note = (planted as { entry: { id: string } }).entry.id;
    assert.equal((await d.admin.nodes.getNode(note, { include: ['properties'] })).entry.properties['cm:owner']?.id, 'admin');
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
    // Nor can she write the ledger: the file is read-only to every officer.
    const write = await refused(() => so.nodes.updateNode(id, { properties: { 'eo:frozenNotes': [note] } } as never));
    assert.equal(write.status, 403);
    // Signed, the file goes, and the send writes the note into the file's ledger.
    await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    await send(d, pid, SO, 'US_EST');
    const file = await d.admin.nodes.getNode(id, { include: ['properties'] });
    assert.deepEqual(file.entry.properties['eo:frozenNotes'], [note]);
  });

  it('a ledger she writes on her file before registering it is cleared by the registration: the note stays unsigned', async () => {
    const post = d.postOf(SO);
    const draft = await createInIntake(registrationClient(so), d.docLib, post, 'eo:file', {
      'eo:fileSection': 'EST',
      'eo:basicHead': 'A',
      'eo:primaryHead': '11',
      'eo:secondaryHead': '011',
      'eo:subject': 'Hiring of vehicles'
    });
    await so.nodes.createNode(draft, { name: 'Notes', nodeType: 'cm:folder' });
    // Unregistered, the file is hers: she writes a green note and names it in the file's ledger.
    const note = await greenNote(so, draft, SO, d.group('SO_EST'), '<p>Vehicles may be hired.</p>');
    await so.nodes.updateNode(draft, { properties: { 'eo:frozenNotes': [note] } } as never);
    const id = (await registerItem(registrationClient(so), draft, post)).id;
    assert.equal((await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:frozenNotes'] ?? null, null);
    const pid = await startMovement(so, id, 'SO_EST');
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
  });

  it('a note frozen before the ledger was kept (install records when it began) still counts as frozen, on its date and owner', async () => {
    const id = await openFile(d, SO, 'Old file of the canteen committee');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>Noted in the old days.</p>');
    // As an earlier version's send left it: dated, the administrator's, and in no ledger.
    await d.admin.nodes.updateNode(note, { properties: { 'eo:noteFrozenAt': '2026-01-01T00:00:00.000Z', 'cm:owner': 'admin' } } as never);
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
    const upgrades = await d.admin.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/upgrades.json' });
    const before = new TextDecoder().decode(await readBytes(d.admin, upgrades.entry.id));
    assert.ok(Date.parse(JSON.parse(before).frozenNoteLedgerSince) <= Date.now());
    // Only administrators write it: an officer who moved the date on would pass her planted notes as old ones.
    const moved = JSON.stringify({ frozenNoteLedgerSince: '2099-01-01T00:00:00.000Z' });
    assert.equal((await refused(() => writeBytes(so, upgrades.entry.id, new TextEncoder().encode(moved), 'application/json'))).status, 403);
    assert.equal((await refused(() => so.nodes.deleteNode(upgrades.entry.id))).status, 403);
    // Had the upgrade that began the ledger come after the note was made, the note was frozen before it.
    const later = JSON.stringify({ ...JSON.parse(before), frozenNoteLedgerSince: new Date(Date.now() + 3_600_000).toISOString() });
    await writeBytes(d.admin, upgrades.entry.id, new TextEncoder().encode(later), 'application/json');
    try {
      await send(d, pid, SO, 'US_EST');
      assert.equal((await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:currentHolder'], d.group('US_EST'));
    } finally {
      await writeBytes(d.admin, upgrades.entry.id, new TextEncoder().encode(before), 'application/json');
    }
  });

  it('a note changed after she signed it is unsigned for its current version: the send is refused again', async () => {
    const id = await openFile(d, SO, 'Grant of advance');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>An advance of Rs. 5,000 may be granted.</p>');
    await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    // She amends it (as the notesheet's Amend does) but does not sign the new version.
    await writeBytes(so, note, new TextEncoder().encode('<p>An advance of Rs. 50,000 may be granted.</p>'), 'text/html');
    assert.match((await refused(() => send(d, pid, SO, 'US_EST'))).summary, /Unsigned notes: 1\./);
  });

  it("once the file moves on, the signature is the workflow administrator's: its signer can no longer change it", async () => {
    const id = await openFile(d, SO, 'Repair of the record room');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await greenNote(so, id, SO, d.group('SO_EST'), '<p>The record room may be repaired.</p>');
    const sigId = await storeNoteSignature(so, id, note, await signerOf(soCert, [sub.cert, root.cert]));
    assert.equal((await so.nodes.getNode(sigId, { include: ['allowableOperations'] })).entry.allowableOperations?.includes('update'), true);
    await send(d, pid, SO, 'US_EST');
    const sealed = await so.nodes.getNode(sigId, { include: ['allowableOperations'] });
    assert.equal(sealed.entry.allowableOperations?.includes('update') ?? false, false);
    assert.equal((await refused(() => writeBytes(so, sigId, new Uint8Array([0x30, 0x00]), 'application/pkcs7-signature'))).status, 403);
    assert.equal((await refused(() => so.nodes.updateNode(sigId, { properties: { 'eo:signedVersion': '9.9' } } as never))).status, 403);
    // The Under Secretary, who now holds the file, reads it and cannot change it either.
    const us = await d.as(US);
    assert.ok((await readBytes(us, sigId)).length > 500);
    assert.equal((await refused(() => writeBytes(us, sigId, new Uint8Array([0x30, 0x00]), 'application/pkcs7-signature'))).status, 403);
    assert.ok(await signatureIn(d, id));
  });

  it('npx eoffice verify <file number>: valid, changed after signing, signer unknown and revoked, against config/trust', async () => {
    const id = await openFile(d, SO, 'Verification of service books');
    const pid = await startMovement(so, id, 'SO_EST');
    const number = (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:fileNumber'];
    const post = d.group('SO_EST');
    const valid = await greenNote(so, id, SO, post, '<p>1. Service books are verified.</p>');
    await storeNoteSignature(so, id, valid, await signerOf(soCert, [sub.cert, root.cert]));
    const changed = await greenNote(so, id, SO, post, '<p>2. Arrears of Rs. 1,200 are due.</p>');
    await storeNoteSignature(so, id, changed, await signerOf(soCert, [sub.cert, root.cert]));
    const strangerCert = issueOfficer(foreign, 'stranger', '/C=IN/O=Somebody Else/CN=Priya Nair');
    const unknown = await greenNote(so, id, SO, post, '<p>3. Nothing else is pending.</p>');
    await storeNoteSignature(so, id, unknown, await signerOf(strangerCert, [foreign.cert]));
    // A key revoked before it signed (a revocation after the repository stored a signature leaves it valid).
    const revokedCert = issueOfficer(sub, 'so-revoked', '/C=IN/O=General Administration Department/CN=Priya Nair');
    revoke(sub, revokedCert.cert);
    fs.copyFileSync(crl(sub), path.join(trustDir, 'crls', 'test-sub.crl'));
    const revokedNote = await greenNote(so, id, SO, post, '<p>4. Submitted.</p>');
    await storeNoteSignature(so, id, revokedNote, await signerOf(revokedCert, [sub.cert, root.cert]));
    await send(d, pid, SO, 'US_EST');
    // After the send an administrator rewrites a note's content through REST.
    await writeBytes(d.admin, changed, new TextEncoder().encode('<p>2. Arrears of Rs. 12,000 are due.</p>'), 'text/html');
    assert.equal(loadTrustConfig(trustDir).crls.length, 1);

    const { code, lines } = await verifyLines(d, number, trustDir);
    assert.equal(code, 1, lines.join('\n'));
    const line = (n: number) => lines.find((l) => l.trim().startsWith(`Note ${n}:`)) ?? '';
    assert.match(line(1), /^ {2}Note 1: valid: Priya Nair \(issuer eOffice Test Sub CA\)/);
    assert.match(line(2), /Note 2: CHANGED AFTER SIGNING/);
    assert.match(line(3), /Note 3: SIGNER UNKNOWN/);
    assert.match(line(4), /Note 4: REVOKED/);
    assert.match(lines.at(-1) ?? '', /^1 valid, 3 not valid, 0 unsigned$/);
    assert.equal((await verifyLines(d, 'A-99999/1/2026-EST-GAD', trustDir)).code, 2);
  });

  it('the department rule is configuration: without it a file with an unsigned green note is sent as before', async () => {
    const plain = await startDepartment();
    try {
      const acs = await plain.as(SO);
      const id = await openFile(plain, SO, 'Casual leave');
      const pid = await startMovement(acs, id, 'SO_EST');
      await greenNote(acs, id, SO, postGroup(artefacts().hierarchy, 'SO_EST'), '<p>Leave may be granted.</p>');
      await send(plain, pid, SO, 'US_EST');
      assert.equal(
        (await plain.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties['eo:currentHolder'],
        plain.group('US_EST')
      );
    } finally {
      await plain.stop();
    }
  });
});
