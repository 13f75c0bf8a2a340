/**
 * Issued letters with an embedded PAdES signature (issue 18): a letter of real English and Hindi text,
 * signed with a PKCS#12 certificate file and with a PKCS#11 token (SoftHSM2), is verified by an independent
 * verifier, poppler's `pdfsig` (NSS, the test root trusted in its database), and by ours (verifyPdf); its
 * text still comes out with `pdftotext`; one changed byte, or bytes appended after the signature, are
 * reported by both; a signer under a foreign root is not trusted. The PKI is made here (signing-support.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { openPkcs11 } from '../src/signing/pkcs11-signer';
import { PadesError, Signer, TrustStore, openPkcs12, readCrls, readLetterToSign, signPdf, verifyPdf } from '@eoffice/domain/src/signing';
import {
  Issued,
  SOFTHSM_LIBRARY,
  TestCa,
  certs,
  crl,
  issueOfficer,
  makeIntermediate,
  makeRoot,
  pkcs12,
  revoke,
  softHsmToken,
  tempDir
} from './signing-support';

const ROOT = path.resolve(__dirname, '../../..');
const FONTS = {
  latin: path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  devanagari: path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf')
};
const PASSWORD = 'demo-only';
const ENGLISH = 'Leave of Shri Mohan Lal is sanctioned.';
// No i-matra: fontkit draws it before its consonant without telling a text extractor (the extension's
// HarfBuzz letters carry /ActualText for that); conjuncts and other matras come out as written.
const HINDI = 'सामान्य प्रशासन अनुभाग';

let dir: string;
let root: TestCa;
let sub: TestCa;
let foreign: TestCa;
let officer: Issued;
let trust: TrustStore;
let nssDb: string;
let letter: Uint8Array;
const opened: Signer[] = [];

/** A one-page letter in Noto Sans and Noto Sans Devanagari (embedded subsets: real text, as the extension's letters). */
async function makeLetter(): Promise<Uint8Array> {
  // fontkit's Devanagari shaper runs on Babel's regenerator (a dependency of date-fns): the test letter is
  // shaped by fontkit, the extension's letters by HarfBuzz (docs/architecture.md, PDFs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (globalThis as { regeneratorRuntime?: unknown }).regeneratorRuntime ??= require('@babel/runtime/regenerator');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const latin = await doc.embedFont(fs.readFileSync(FONTS.latin), { subset: true });
  const devanagari = await doc.embedFont(fs.readFileSync(FONTS.devanagari), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('No. A-11011/5/2026-EST-GAD', { x: 56, y: 780, size: 12, font: latin });
  page.drawText(HINDI, { x: 56, y: 750, size: 14, font: devanagari });
  page.drawText(ENGLISH, { x: 56, y: 720, size: 11, font: latin });
  doc.setTitle('A-11011/5/2026-EST-GAD');
  return doc.save();
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/**
 * pdfsig's report of the file against the NSS database (the test root trusted there). Not `-no-ocsp`:
 * poppler 22.12 then calls every certificate "Unknown issue"; the test certificates name no OCSP responder.
 */
function pdfsig(file: string, db = nssDb): string {
  const run = spawnSync('pdfsig', ['-nssdir', `sql:${db}`, file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The bytes with one bit of the byte at `index` flipped. */
function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index] ^= 0x01;
  return copy;
}

async function p12Signer(who: Issued, chain: string[]): Promise<Signer> {
  const signer = await openPkcs12(pkcs12(who, chain, PASSWORD), PASSWORD);
  opened.push(signer);
  return signer;
}

describe('PAdES letters: signed with a certificate file or a token, verified by pdfsig and by ours', () => {
  before(async () => {
    dir = tempDir('eoffice-pades-');
    root = makeRoot(dir, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
    sub = makeIntermediate(dir, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
    foreign = makeRoot(dir, 'foreign', '/C=IN/O=Somebody Else/CN=Foreign Root CA');
    officer = issueOfficer(sub, 'us', '/C=IN/O=General Administration Department/OU=Establishment/CN=Rajesh Kumar');
    trust = { roots: certs(root.cert), crls: readCrls(fs.readFileSync(crl(sub), 'utf8')) };
    // An NSS database that trusts the test root (pdfsig verifies with NSS).
    nssDb = path.join(dir, 'nss');
    fs.mkdirSync(nssDb);
    execFileSync('certutil', ['-N', '-d', `sql:${nssDb}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nssDb}`, '-n', 'eOffice Test Root CA', '-t', 'CT,C,C', '-i', root.cert]);
    letter = await makeLetter();
  });
  after(async () => {
    for (const s of opened) await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the unsigned letter holds real English and Hindi text', () => {
    const text = pdftotext(write('letter.pdf', letter));
    assert.ok(text.includes(ENGLISH), text);
    assert.ok(text.includes(HINDI), text);
  });

  it('signed with a certificate file: pdfsig says valid, trusted, whole document; ours says valid; the text is still there', async () => {
    const signer = await p12Signer(officer, [sub.cert, root.cert]);
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signed = await signPdf(letter, signer, {
      reason: 'Issued: No. A-11011/5/2026-EST-GAD',
      location: 'सामान्य प्रशासन विभाग',
      signingTime: at
    });
    const file = write('signed-p12.pdf', signed);
    const report = pdfsig(file);
    assert.match(report, /Signer Certificate Common Name: Rajesh Kumar/, report);
    assert.match(report, /Signature Type: ETSI\.CAdES\.detached/, report);
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./, report);
    assert.match(report, /Total document signed/, report);
    const text = pdftotext(file);
    assert.ok(text.includes(ENGLISH) && text.includes(HINDI), text);

    const [result, ...others] = await verifyPdf(signed, trust);
    assert.equal(others.length, 0);
    assert.equal(result.status, 'valid', result.reason);
    assert.equal(result.signer?.name, 'Rajesh Kumar');
    assert.equal(result.signer?.issuerName, 'eOffice Test Sub CA');
    assert.equal(result.claimedTime, at.toISOString(), 'the time of /M');
    assert.equal(result.reasonText, 'Issued: No. A-11011/5/2026-EST-GAD');
    assert.equal(result.signingTime, undefined, 'PAdES: no signing-time attribute in the CMS, the time is /M');
    assert.equal(result.wholeDocument, true);
    assert.equal(result.revocationChecked, false, 'the root’s own CRL is not at hand here');
  });

  it('one changed byte of the letter, or of the signature, and bytes appended after it are reported', async () => {
    const signer = await p12Signer(officer, [sub.cert, root.cert]);
    const signed = await signPdf(letter, signer);
    // The binary comment on the second line: the PDF still reads, only its bytes differ from what was signed.
    const changed = flip(signed, signed.indexOf(0x25, 5) + 1);
    const report = pdfsig(write('changed.pdf', changed));
    assert.match(report, /Signature Validation: Digest Mismatch\./, report);
    assert.equal((await verifyPdf(changed, trust))[0].status, 'changed');

    // A byte of the CMS (well inside /Contents): the signature no longer verifies.
    const start = Buffer.from(signed).indexOf('/Contents <') + '/Contents <'.length;
    const hex = String.fromCharCode(signed[start + 700]);
    const tampered = new Uint8Array(signed);
    tampered[start + 700] = (hex === 'a' ? 'b' : 'a').charCodeAt(0);
    assert.notEqual((await verifyPdf(tampered, trust))[0].status, 'valid');
    assert.doesNotMatch(pdfsig(write('tampered.pdf', tampered)), /Signature Validation: Signature is Valid\./);

    // An incremental update after the signature (a changed page would ride on it): not the whole document.
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n1 0 obj\n<< >>\nendobj\n')]);
    const afterReport = pdfsig(write('appended.pdf', appended));
    assert.match(afterReport, /Not total document signed/, afterReport);
    const [result] = await verifyPdf(appended, trust);
    assert.equal(result.status, 'changed');
    assert.match(result.reason, /changed after it was signed/);
  });

  it('signed with a SoftHSM2 token, with a visible block naming the signer from the certificate', { skip: !SOFTHSM_LIBRARY }, async () => {
    const tokenOfficer = issueOfficer(sub, 'ds', '/C=IN/O=General Administration Department/CN=Anita Desai');
    softHsmToken(path.join(dir, 'hsm'), 'Anita DSC', '135790', tokenOfficer, [sub.cert]);
    const token = await openPkcs11({ library: SOFTHSM_LIBRARY!, token: 'Anita DSC', pin: '135790' });
    opened.push(token);
    const signed = await signPdf(letter, token, { appearance: { rect: [340, 60, 200, 40] }, reason: 'Issued' });
    const file = write('signed-token.pdf', signed);
    const report = pdfsig(file);
    assert.match(report, /Signer Certificate Common Name: Anita Desai/, report);
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./, report);
    assert.match(report, /Total document signed/, report);
    const [result] = await verifyPdf(signed, trust);
    assert.equal(result.status, 'valid', result.reason);
    // The visible block: the widget's box on the last page, its words from the certificate.
    const doc = await PDFDocument.load(signed);
    const annots = doc.getPages()[0].node.Annots()?.asArray() ?? [];
    assert.equal(annots.length, 1);
    assert.match(Buffer.from(signed).toString('latin1'), /\/Rect \[ 340 60 540 100 \]/);
    assert.ok(pdftotext(file).includes(ENGLISH));
  });

  it('the bytes a token is asked to sign read as a letter with its issue number; a note or other bytes do not', async () => {
    const inner = await p12Signer(officer, [sub.cert, root.cert]);
    let asked: Uint8Array | undefined;
    const capturing: Signer = { ...inner, sign: (bytes, options) => ((asked = bytes), inner.sign(bytes, options)) };
    await signPdf(letter, capturing, { reason: 'Issued: No. A-11011/5(I)/2026-EST-GAD' });
    const read = readLetterToSign(asked!);
    assert.deepEqual(read, { reason: 'Issued: No. A-11011/5(I)/2026-EST-GAD', title: 'A-11011/5/2026-EST-GAD', length: asked!.length });
    // One byte short (a byte range that does not fit), the whole prepared file, a note, nothing: not a letter.
    assert.equal(readLetterToSign(asked!.subarray(0, asked!.length - 1)), undefined);
    assert.equal(readLetterToSign(letter), undefined, 'a PDF without a prepared signature');
    assert.equal(readLetterToSign(new TextEncoder().encode('eoffice-note-signature/1\nfile-number: A\n')), undefined);
    assert.equal(readLetterToSign(new Uint8Array()), undefined);
  });

  it('a letter signed with a certificate revoked on its CA’s CRL is reported revoked', async () => {
    const revokedOfficer = issueOfficer(sub, 'rv', '/C=IN/O=General Administration Department/CN=Revoked Officer');
    const signer = await p12Signer(revokedOfficer, [sub.cert, root.cert]);
    const signed = await signPdf(letter, signer);
    revoke(sub, revokedOfficer.cert);
    const withCrl = { roots: trust.roots, crls: readCrls(fs.readFileSync(crl(sub), 'utf8')) };
    const [result] = await verifyPdf(signed, withCrl);
    assert.equal(result.status, 'revoked', result.reason);
    assert.equal((await verifyPdf(signed, trust))[0].status, 'valid', 'the older CRL did not list it yet');
  });

  it('a signer under a foreign root: pdfsig does not trust it, ours says signer unknown; an already signed PDF is refused', async () => {
    const stranger = issueOfficer(foreign, 'x', '/C=IN/O=Elsewhere/CN=Somebody Else');
    const signer = await p12Signer(stranger, [foreign.cert]);
    const signed = await signPdf(letter, signer);
    const report = pdfsig(write('foreign.pdf', signed));
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.doesNotMatch(report, /Certificate Validation: Certificate is Trusted\./, report);
    assert.equal((await verifyPdf(signed, trust))[0].status, 'unknown-signer');
    await assert.rejects(signPdf(signed, signer), PadesError);
  });
});
