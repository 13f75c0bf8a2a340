/**
 * The local signer bridge (`npx eoffice signer`, issue 18) on a SoftHSM2 token: the Content App's origin
 * gets the certificate and, once the officer confirms, a signature that verifies with ours and with
 * OpenSSL; a page of another origin, a rebound host name, bytes that are not a note, and a request the
 * officer declines or leaves unanswered get nothing signed; the bridge will not listen beyond loopback. It
 * also signs a draft's approval (canonical form) and an issued letter (PAdES: the bytes signPdf prepares,
 * sent by the extension's bridge client; the key stays on the token), whose signature pdfsig verifies.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { PassThrough } from 'node:stream';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execFileSync, spawnSync } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { canonicalApprovalBytes, canonicalNoteBytes, readCanonicalNote } from '@eoffice/domain';
import { main } from '../src/cli';
import { RunningBridge, SignatureRequest, startSignerBridge } from '../src/signing/bridge';
import { openPkcs11 } from '../src/signing/pkcs11-signer';
import { terminalConfirmer } from '../src/signing/signer-command';
import {
  Signer,
  base64ToBytes,
  bytesToBase64,
  openBridgeSigner,
  signPdf,
  summarise,
  verifyDetached,
  verifyPdf
} from '@eoffice/domain/src/signing';
import {
  SOFTHSM_LIBRARY,
  TestCa,
  certs,
  issueOfficer,
  makeIntermediate,
  makeRoot,
  opensslVerifies,
  softHsmToken,
  tempDir
} from './signing-support';

const APP = 'https://eoffice.gad.example.gov.in';
const PIN = '135790';
const NOTE = {
  fileNumber: 'A-11011/5/2026-EST-GAD',
  noteNumber: 7,
  content: '<p>Draft reply to the Ministry is placed below for approval.</p><p>Submitted.</p>',
  mimeType: 'text/html',
  signerPost: 'GROUP_EO_GAD_SO_EST'
};

let dir: string;
let root: TestCa;
let token: Signer;
let bridge: RunningBridge;
/** What the officer is asked, and what he answers next (true: sign). */
const asked: SignatureRequest[] = [];
let answer: (request: SignatureRequest) => Promise<boolean> = async () => false;
let signed = 0;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

function request(
  method: string,
  route: string,
  options: { origin?: string; host?: string; body?: string; headers?: Record<string, string>; to?: RunningBridge } = {}
): Promise<Reply> {
  const port = (options.to ?? bridge).port;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.origin) headers['Origin'] = options.origin;
    headers['Host'] = options.host ?? `127.0.0.1:${port}`;
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const req = http.request({ host: '127.0.0.1', port, method, path: route, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A one-page letter as the extension issues it (its issue number as /Title). */
async function letterPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc
    .addPage([595.28, 841.89])
    .drawText('No. A-11011/5(I)/2026-EST-GAD. Sir, the leave rules are enclosed.', { x: 56, y: 780, size: 11, font });
  doc.setTitle('A-11011/5(I)/2026-EST-GAD');
  return doc.save();
}

const signNote = (note: Uint8Array, origin = APP, to?: RunningBridge) =>
  request('POST', '/sign', { origin, to, body: JSON.stringify({ note: bytesToBase64(note) }) });

describe('local signer bridge (npx eoffice signer) on a SoftHSM2 token', () => {
  before(async () => {
    assert.ok(SOFTHSM_LIBRARY, "Debian's softhsm2 is needed (.ci/run installs it)");
    dir = tempDir('eoffice-bridge-');
    root = makeRoot(dir, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
    const sub = makeIntermediate(dir, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
    const officer = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/CN=Meena Iyer');
    softHsmToken(path.join(dir, 'hsm'), 'Meena DSC', PIN, officer, [sub.cert]);
    const real = await openPkcs11({ library: SOFTHSM_LIBRARY, token: 'Meena DSC', pin: PIN });
    // The real token, counting what it is asked to sign.
    token = { ...real, sign: (bytes, options) => (signed++, real.sign(bytes, options)) };
    bridge = await startSignerBridge({
      signer: token,
      allowedOrigins: [APP],
      port: 0,
      confirm: (req) => (asked.push(req), answer(req))
    });
  });
  after(async () => {
    await bridge?.close();
    await token?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the Content App the officer’s certificate, with CORS for its origin only', async () => {
    const reply = await request('GET', '/certificate', { origin: APP });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['access-control-allow-origin'], APP);
    assert.equal((reply.body['signer'] as { name: string }).name, 'Meena Iyer');
    assert.equal((reply.body['chain'] as string[]).length, 1);
    const preflight = await request('OPTIONS', '/sign', {
      origin: APP,
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Private-Network': 'true' }
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], APP);
    assert.equal(preflight.headers['access-control-allow-private-network'], 'true');
  });

  it('signs a note once the officer confirms, after showing him the file, the note and its first line; the signature verifies', async () => {
    asked.length = 0;
    answer = async () => true;
    const bytes = canonicalNoteBytes(NOTE);
    const reply = await signNote(bytes);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.headers['access-control-allow-origin'], APP);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].note!.fileNumber, 'A-11011/5/2026-EST-GAD');
    assert.equal(asked[0].note!.noteNumber, 7);
    assert.equal(asked[0].note!.firstLine, 'Draft reply to the Ministry is placed below for approval.');
    assert.equal(asked[0].signer.name, 'Meena Iyer');
    assert.equal(asked[0].origin, APP);
    const signature = base64ToBytes(reply.body['signature'] as string);
    const result = await verifyDetached(bytes, signature, { roots: certs(root.cert) });
    assert.equal(result.status, 'valid', result.reason);
    assert.equal(result.signer?.name, 'Meena Iyer');
    assert.equal(opensslVerifies(dir, bytes, signature, root.cert), true);
  });

  it('signs nothing when the officer declines, or does not answer in time', async () => {
    const before = signed;
    answer = async () => false;
    const declined = await signNote(canonicalNoteBytes(NOTE));
    assert.equal(declined.status, 403);
    assert.equal((declined.body['error'] as { code: string }).code, 'declined');
    // A bridge whose officer has a moment to answer, and does not.
    const hurried = await startSignerBridge({
      signer: token,
      allowedOrigins: [APP],
      port: 0,
      confirmTimeoutMs: 50,
      confirm: () => new Promise(() => undefined)
    });
    try {
      const unanswered = await signNote(canonicalNoteBytes(NOTE), APP, hurried);
      assert.equal(unanswered.status, 403);
      assert.equal((unanswered.body['error'] as { code: string }).code, 'declined');
    } finally {
      await hurried.close();
    }
    answer = async () => {
      throw new Error('the terminal went away');
    };
    assert.equal((await signNote(canonicalNoteBytes(NOTE))).status, 403);
    assert.equal(signed, before);
  });

  it('asks the officer one thing at a time: a second request while he answers is refused, not queued behind his back', async () => {
    asked.length = 0;
    let decide: (yes: boolean) => void = () => undefined;
    answer = () => new Promise<boolean>((resolve) => (decide = resolve));
    const first = signNote(canonicalNoteBytes(NOTE));
    while (asked.length === 0) await new Promise((r) => setImmediate(r));
    const second = await signNote(canonicalNoteBytes({ ...NOTE, noteNumber: 8 }));
    assert.equal(second.status, 409);
    assert.equal((second.body['error'] as { code: string }).code, 'busy');
    decide(true);
    assert.equal((await first).status, 200);
    assert.deepEqual(
      asked.map((a) => a.note!.noteNumber),
      [7]
    );
  });

  it('refuses another origin, a request without one and a rebound host name, without asking the officer', async () => {
    asked.length = 0;
    answer = async () => true;
    const before = signed;
    for (const origin of ['https://evil.example.com', 'http://eoffice.gad.example.gov.in', `${APP}:8443`, 'null']) {
      const reply = await signNote(canonicalNoteBytes(NOTE), origin);
      assert.equal(reply.status, 403, origin);
      assert.equal((reply.body['error'] as { code: string }).code, 'origin-not-allowed');
      assert.equal(reply.headers['access-control-allow-origin'], undefined);
      const preflight = await request('OPTIONS', '/sign', { origin, headers: { 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.equal((await request('GET', '/certificate', { origin })).status, 403);
    }
    assert.equal((await request('POST', '/sign', { body: JSON.stringify({ note: bytesToBase64(canonicalNoteBytes(NOTE)) }) })).status, 403);
    // DNS rebinding: a name of another site that resolves to 127.0.0.1 arrives as the Host.
    const rebound = await request('POST', '/sign', {
      origin: APP,
      host: `evil.example.com:${bridge.port}`,
      body: JSON.stringify({ note: '' })
    });
    assert.equal(rebound.status, 403);
    assert.equal((rebound.body['error'] as { code: string }).code, 'host-not-allowed');
    assert.deepEqual(asked, []);
    assert.equal(signed, before);
  });

  it('signs only notes in canonical form: other bytes, bad JSON and other content types are refused before the officer is asked', async () => {
    asked.length = 0;
    answer = async () => true;
    const before = signed;
    const pdf = await signNote(new TextEncoder().encode('%PDF-1.7 a letter the officer never saw'));
    assert.equal(pdf.status, 422);
    assert.equal((pdf.body['error'] as { code: string }).code, 'not-a-note');
    assert.equal((await request('POST', '/sign', { origin: APP, body: '{"note": 12' })).status, 400);
    assert.equal((await request('POST', '/sign', { origin: APP, body: '{"note": "not base64!"}' })).status, 400);
    assert.equal(
      (await request('POST', '/sign', { origin: APP, body: 'note=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }))
        .status,
      415
    );
    assert.equal((await request('GET', '/sign', { origin: APP })).status, 405);
    assert.deepEqual(asked, []);
    assert.equal(signed, before);
  });

  it('signs a draft’s approval in canonical form, showing the officer the draft, its version and first line', async () => {
    asked.length = 0;
    answer = async () => true;
    const bytes = canonicalApprovalBytes({
      fileNumber: 'A-11011/5/2026-EST-GAD',
      draftNumber: 2,
      version: '1.3',
      content: '<p>Sir, the leave rules are enclosed.</p>',
      signerPost: 'GROUP_EO_GAD_US_EST'
    });
    const reply = await signNote(bytes);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(asked[0].kind, 'approval');
    assert.equal(asked[0].approval?.draftNumber, 2);
    assert.equal(asked[0].approval?.version, '1.3');
    assert.equal(asked[0].approval?.firstLine, 'Sir, the leave rules are enclosed.');
    const result = await verifyDetached(bytes, base64ToBytes(reply.body['signature'] as string), { roots: certs(root.cert) });
    assert.equal(result.status, 'valid', result.reason);
  });

  it('signs an issued letter through the extension’s bridge client: the token signs what signPdf prepared, pdfsig verifies it', async () => {
    asked.length = 0;
    answer = async () => true;
    // The page's requests, as a browser sends them from the Content App (its Origin added).
    const fromApp: typeof fetch = (url, init) => fetch(url, { ...init, headers: { ...(init?.headers ?? {}), Origin: APP } });
    const { signer } = await openBridgeSigner(bridge.url, fromApp);
    const signedPdf = await signPdf(await letterPdf(), signer, { reason: 'Issued: No. A-11011/5(I)/2026-EST-GAD', location: 'GAD' });
    assert.equal(asked.length, 1);
    assert.equal(asked[0].kind, 'letter');
    assert.equal(asked[0].letter?.reason, 'Issued: No. A-11011/5(I)/2026-EST-GAD');
    assert.equal(asked[0].letter?.title, 'A-11011/5(I)/2026-EST-GAD');
    const [ours] = await verifyPdf(signedPdf, { roots: certs(root.cert) });
    assert.equal(ours.status, 'valid', ours.reason);
    assert.equal(ours.wholeDocument, true);
    // The independent verifier: poppler's pdfsig against an NSS database trusting the test root.
    const nss = path.join(dir, 'nss');
    fs.mkdirSync(nss, { recursive: true });
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'eOffice Test Root CA', '-t', 'CT,C,C', '-i', root.cert]);
    const file = path.join(dir, 'letter-token.pdf');
    fs.writeFileSync(file, signedPdf);
    const run = spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8' });
    const report = `${run.stdout}${run.stderr}`;
    assert.match(report, /Signer Certificate Common Name: Meena Iyer/, report);
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./, report);
    assert.match(report, /Total document signed/, report);
  });

  it('signs as a letter only what signPdf prepared, and nothing the officer declines', async () => {
    asked.length = 0;
    answer = async () => true;
    const before = signed;
    const letter = (bytes: Uint8Array) => request('POST', '/sign', { origin: APP, body: JSON.stringify({ letter: bytesToBase64(bytes) }) });
    const plain = await letter(await letterPdf());
    assert.equal(plain.status, 422);
    assert.equal((plain.body['error'] as { code: string }).code, 'not-a-letter');
    assert.equal((await letter(canonicalNoteBytes(NOTE))).status, 422);
    assert.equal((await request('POST', '/sign', { origin: APP, body: '{"letter": 7}' })).status, 400);
    assert.equal(asked.length, 0);
    // Prepared bytes, but the officer says no.
    let prepared: Uint8Array | undefined;
    const capture: Signer = { ...token, sign: async (bytes) => ((prepared = bytes), new Uint8Array()) };
    await signPdf(await letterPdf(), capture, { reason: 'Issued: No. A-11011/5(II)/2026-EST-GAD' }).catch(() => undefined);
    assert.ok(prepared);
    answer = async () => false;
    const declined = await letter(prepared);
    assert.equal(declined.status, 403);
    assert.equal((declined.body['error'] as { code: string }).code, 'declined');
    assert.equal(asked[0].kind, 'letter');
    assert.equal(signed, before);
  });

  it('will not listen beyond this computer: a non-loopback address is refused by the bridge and by the command', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'eoffice.gad.example.gov.in']) {
      await assert.rejects(
        startSignerBridge({ signer: token, allowedOrigins: [APP], host, port: 0, confirm: async () => true }),
        /listens on this computer only/,
        host
      );
    }
    const lines: string[] = [];
    const code = await main(['signer', '--library', SOFTHSM_LIBRARY ?? '', '--host', '0.0.0.0', '--origin', APP], (l) => lines.push(l));
    assert.equal(code, 2);
    assert.match(lines.join('\n'), /refusing --host 0.0.0.0/);
    // And an allow-list entry must be an origin, not a pattern or a page.
    await assert.rejects(
      startSignerBridge({ signer: token, allowedOrigins: [`${APP}/eoffice`], port: 0, confirm: async () => true }),
      /Not an origin/
    );
    await assert.rejects(startSignerBridge({ signer: token, allowedOrigins: [], port: 0, confirm: async () => true }), /No allowed origin/);
  });

  it('in the terminal, shows the officer the file, the note, its first line, the post and the certificate, and signs only on yes', async () => {
    const note = readCanonicalNote(canonicalNoteBytes(NOTE));
    assert.ok(note);
    const signer = summarise((await token.certificates())[0]);
    const ask = async (typed: string | undefined) => {
      const lines: string[] = [];
      const input = new PassThrough();
      const abort = new AbortController();
      const confirm = terminalConfirmer((l) => lines.push(l), input, new PassThrough());
      const answer = confirm({ kind: 'note', note, signer, origin: APP }, abort.signal);
      if (typed === undefined) abort.abort();
      else input.write(`${typed}\n`);
      return { yes: await answer, shown: lines.join('\n') };
    };
    const yes = await ask('y');
    assert.equal(yes.yes, true);
    assert.match(yes.shown, /Sign note 7 of file A-11011\/5\/2026-EST-GAD\?/);
    assert.match(yes.shown, /first line: Draft reply to the Ministry is placed below for approval\./);
    assert.match(yes.shown, /post: +GROUP_EO_GAD_SO_EST/);
    assert.match(yes.shown, /as: +Meena Iyer \(certificate of eOffice Test Sub CA\)/);
    assert.match(yes.shown, new RegExp(`asked by: +${APP}`));
    assert.equal((await ask('YES')).yes, true);
    for (const typed of ['', 'n', 'no', 'sure', 'y es']) assert.equal((await ask(typed)).yes, false, JSON.stringify(typed));
    // The bridge stopped waiting (no answer in time): declined.
    assert.equal((await ask(undefined)).yes, false);
    // An approval and a letter are shown for what they are.
    const shown = async (request: Omit<SignatureRequest, 'signer' | 'origin'>) => {
      const lines: string[] = [];
      const input = new PassThrough();
      const answer = terminalConfirmer(
        (l) => lines.push(l),
        input,
        new PassThrough()
      )({ ...request, signer, origin: APP }, new AbortController().signal);
      input.write('n\n');
      assert.equal(await answer, false);
      return lines.join('\n');
    };
    const approval = {
      fileNumber: 'A-11011/5/2026-EST-GAD',
      draftNumber: 2,
      version: '1.3',
      content: '',
      signerPost: 'GROUP_EO_GAD_US_EST',
      firstLine: 'Sir,'
    };
    assert.match(
      await shown({ kind: 'approval', approval }),
      /Sign your approval of draft 2, version 1\.3, of file A-11011\/5\/2026-EST-GAD\?/
    );
    const letter = { reason: 'Issued: No. A-11011/5(I)/2026-EST-GAD', title: 'A-11011/5(I)/2026-EST-GAD', length: 4096 };
    const letterShown = await shown({ kind: 'letter', letter });
    assert.match(letterShown, /Sign the letter to be issued A-11011\/5\(I\)\/2026-EST-GAD\?/);
    assert.match(letterShown, /reason: +Issued: No\. A-11011\/5\(I\)\/2026-EST-GAD/);
  });
});
