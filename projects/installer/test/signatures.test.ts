/**
 * Digital signatures on notes (issue 18): a note's canonical bytes signed with a PKCS#12 certificate file and
 * with a PKCS#11 token (SoftHSM2) verify with our verifier and with OpenSSL; one changed byte in the note, the
 * signature or the certificate fails; expired, revoked (CRL) and foreign-root certificates are reported as
 * such. The PKI is made here with OpenSSL (signing-support.ts); nothing secret is in the repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { canonicalNoteBytes } from '@eoffice/domain';
import { openPkcs11 } from '../src/signing/pkcs11-signer';
import { Signer, TrustStore, certificateDer, openPkcs12, readCrls, verifyDetached } from '@eoffice/domain/src/signing';
import {
  Issued,
  SOFTHSM_LIBRARY,
  TestCa,
  certs,
  crl,
  issueOfficer,
  makeIntermediate,
  makeRoot,
  opensslVerifies,
  pkcs12,
  revoke,
  softHsmToken,
  tempDir
} from './signing-support';

const NOTE = canonicalNoteBytes({
  fileNumber: 'A-11011/5/2026-EST-GAD',
  noteNumber: 4,
  content: '<p>Leave of Shri Mohan Lal may be <strong>sanctioned</strong>.</p><p>हस्ताक्षरित।</p>',
  mimeType: 'text/html',
  signerPost: 'GROUP_EO_GAD_SO_EST'
});
const PASSWORD = 'demo-only';

let dir: string;
let root: TestCa;
let sub: TestCa;
let foreignRoot: TestCa;
let officer: Issued;
let trust: TrustStore;
const opened: Signer[] = [];

async function p12Signer(who: Issued, chain: string[]): Promise<Signer> {
  const signer = await openPkcs12(pkcs12(who, chain, PASSWORD), PASSWORD);
  opened.push(signer);
  return signer;
}

/** The bytes with one bit of the byte at `index` flipped. */
function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index] ^= 0x01;
  return copy;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe('note signatures: sign with a certificate file or a token, verify with ours and with OpenSSL', () => {
  before(() => {
    dir = tempDir('eoffice-signatures-');
    root = makeRoot(dir, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
    sub = makeIntermediate(dir, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
    foreignRoot = makeRoot(dir, 'foreign', '/C=IN/O=Somebody Else/CN=Foreign Root CA');
    officer = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/OU=Establishment/CN=Sunita Sharma');
    trust = {
      roots: certs(root.cert),
      crls: [...readCrls(fs.readFileSync(crl(root), 'utf8')), ...readCrls(fs.readFileSync(crl(sub), 'utf8'))]
    };
  });
  after(async () => {
    for (const signer of opened) await signer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a note signed with a PKCS#12 file verifies: valid, the name and issuer from the certificate, the signing time; OpenSSL agrees', async () => {
    const before = Date.now();
    const signer = await p12Signer(officer, [sub.cert, root.cert]);
    const signature = await signer.sign(NOTE);
    const result = await verifyDetached(NOTE, signature, trust);
    assert.equal(result.status, 'valid', result.reason);
    assert.equal(result.signer?.name, 'Sunita Sharma');
    assert.equal(result.signer?.issuerName, 'eOffice Test Sub CA');
    assert.deepEqual(
      result.chain?.map((c) => c.name),
      ['Sunita Sharma', 'eOffice Test Sub CA', 'eOffice Test Root CA']
    );
    assert.equal(result.revocationChecked, true);
    const signed = Date.parse(result.signingTime ?? '');
    assert.ok(signed >= Math.floor(before / 1000) * 1000 && signed <= Date.now(), result.signingTime);
    assert.equal(opensslVerifies(dir, NOTE, signature, root.cert), true);
  });

  it('a note signed on a SoftHSM2 token through PKCS#11 verifies, with ours and with OpenSSL', async () => {
    assert.ok(SOFTHSM_LIBRARY, "Debian's softhsm2 is needed (.ci/run installs it)");
    softHsmToken(path.join(dir, 'hsm'), 'Sunita DSC', '246810', officer, [sub.cert]);
    const token = await openPkcs11({ library: SOFTHSM_LIBRARY, token: 'Sunita DSC', pin: '246810' });
    opened.push(token);
    // The chain comes from the token: the officer's certificate and the CA certificate stored beside it.
    assert.deepEqual(
      (await token.certificates()).map((c) => Buffer.from(certificateDer(c)).toString('base64')),
      [...certs(officer.cert), ...certs(sub.cert)].map((c) => Buffer.from(certificateDer(c)).toString('base64'))
    );
    const signature = await token.sign(NOTE);
    const result = await verifyDetached(NOTE, signature, trust);
    assert.equal(result.status, 'valid', result.reason);
    assert.equal(result.signer?.name, 'Sunita Sharma');
    assert.equal(opensslVerifies(dir, NOTE, signature, root.cert), true);
    // Opened twice, the second would sign on the first one's login whatever PIN it gave: refused.
    await assert.rejects(openPkcs11({ library: SOFTHSM_LIBRARY, token: 'Sunita DSC', pin: '000000' }), /already open/);
    await token.close();
    await assert.rejects(
      openPkcs11({ library: SOFTHSM_LIBRARY, token: 'Sunita DSC', pin: '000000' }),
      /refused the PIN: CKR_PIN_INCORRECT/
    );
    await assert.rejects(
      openPkcs11({ library: SOFTHSM_LIBRARY, token: 'No such token', pin: '246810' }),
      /No token labelled "No such token"/
    );
  });

  it('an elliptic-curve (P-256) certificate signs and verifies too', async () => {
    const ec = issueOfficer(sub, 'ec', '/C=IN/O=General Administration Department/CN=Arun Verma', { keyType: 'EC' });
    const signature = await (await p12Signer(ec, [sub.cert])).sign(NOTE);
    assert.equal((await verifyDetached(NOTE, signature, trust)).status, 'valid');
    assert.equal(opensslVerifies(dir, NOTE, signature, root.cert), true);
  });

  it('one changed byte in the note, in the signature or in the certificate it carries fails, with ours and with OpenSSL', async () => {
    const signature = await (await p12Signer(officer, [sub.cert])).sign(NOTE);
    // The note: its last word.
    const note = flip(NOTE, NOTE.length - 3);
    assert.equal((await verifyDetached(note, signature, trust)).status, 'changed');
    assert.equal(opensslVerifies(dir, note, signature, root.cert), false);
    // The signature value (the last bytes of the signature are the signer's RSA signature).
    const damaged = flip(signature, signature.length - 10);
    const byValue = await verifyDetached(NOTE, damaged, trust);
    assert.equal(byValue.status, 'changed');
    assert.match(byValue.reason, /does not match/);
    assert.equal(opensslVerifies(dir, NOTE, damaged, root.cert), false);
    // The certificate inside the signature: its holder's name, "Sunita" made "Suniua".
    const cert = certificateDer(certs(officer.cert)[0]);
    const at = indexOf(signature, cert);
    assert.ok(at > 0);
    const forged = flip(signature, at + indexOf(cert, new TextEncoder().encode('Sunita')) + 4);
    const byCert = await verifyDetached(NOTE, forged, trust);
    assert.notEqual(byCert.status, 'valid');
    assert.equal(byCert.status, 'changed', byCert.reason);
    assert.equal(opensslVerifies(dir, NOTE, forged, root.cert), false);
    // Bytes that are no signature at all.
    assert.equal((await verifyDetached(NOTE, signature.subarray(0, 100), trust)).status, 'changed');
  });

  it('an expired certificate is reported as expired, naming the dates', async () => {
    const old = issueOfficer(sub, 'old', '/C=IN/O=General Administration Department/CN=Retired Officer', {
      dates: { start: '20200101000000Z', end: '20210101000000Z' }
    });
    const result = await verifyDetached(NOTE, await (await p12Signer(old, [sub.cert])).sign(NOTE), trust);
    assert.equal(result.status, 'expired');
    assert.equal(result.signer?.name, 'Retired Officer');
    assert.match(result.reason, /valid 2020-01-01T00:00:00.000Z to 2021-01-01T00:00:00.000Z/);
  });

  it('a certificate revoked on the CA’s CRL is reported as revoked; without the CRL revocation is not known', async () => {
    const gone = issueOfficer(sub, 'gone', '/C=IN/O=General Administration Department/CN=Transferred Officer', {
      dates: { start: '20250101000000Z', end: '20300101000000Z' }
    });
    const signature = await (await p12Signer(gone, [sub.cert])).sign(NOTE);
    revoke(sub, gone.cert);
    const withCrl = { roots: trust.roots, crls: readCrls(fs.readFileSync(crl(sub), 'utf8')) };
    const result = await verifyDetached(NOTE, signature, withCrl);
    assert.equal(result.status, 'revoked');
    assert.match(result.reason, /Transferred Officer was revoked on .*CRL of eOffice Test Sub CA/);
    // A note the repository recorded before the revocation stays valid (a back-dated claim would not).
    assert.equal((await verifyDetached(NOTE, signature, withCrl, { trustedTime: new Date('2026-01-01T00:00:00Z') })).status, 'valid');
    const noCrl = await verifyDetached(NOTE, signature, { roots: trust.roots });
    assert.equal(noCrl.status, 'valid');
    assert.equal(noCrl.revocationChecked, false);
    // A CRL not signed by the certificate's issuer counts for nothing.
    const foreignCrl = { roots: trust.roots, crls: readCrls(fs.readFileSync(crl(foreignRoot), 'utf8')) };
    assert.equal((await verifyDetached(NOTE, signature, foreignCrl)).revocationChecked, false);
  });

  it('a certificate under a root the department does not trust is reported as signer unknown, even when it carries that root', async () => {
    const stranger = issueOfficer(foreignRoot, 'stranger', '/C=IN/O=General Administration Department/CN=Sunita Sharma');
    const signature = await (await p12Signer(stranger, [foreignRoot.cert])).sign(NOTE);
    const result = await verifyDetached(NOTE, signature, trust);
    assert.equal(result.status, 'unknown-signer');
    assert.match(result.reason, /issued by Foreign Root CA, does not lead to a trusted root/);
    // The same signature, once the department trusts that root: valid.
    assert.equal((await verifyDetached(NOTE, signature, { roots: [...trust.roots, ...certs(foreignRoot.cert)] })).status, 'valid');
    assert.equal(opensslVerifies(dir, NOTE, signature, root.cert), false);
  });

  it('a CA’s own key signing a note in its name is not an officer’s signature (its key usage is for certificates)', async () => {
    const caAsSigner = await p12Signer({ cert: sub.cert, key: sub.key }, [root.cert]);
    const result = await verifyDetached(NOTE, await caAsSigner.sign(NOTE), trust);
    assert.equal(result.status, 'unknown-signer');
    assert.match(result.reason, /not one for signing documents/);
  });

  it('reads a signature made by OpenSSL itself (cms -sign, detached, DER) over the same note as valid', async () => {
    const note = path.join(dir, 'note-for-openssl.txt');
    const out = `${note}.p7s`;
    const chain = path.join(dir, 'chain.pem');
    fs.writeFileSync(note, NOTE);
    fs.writeFileSync(chain, fs.readFileSync(sub.cert));
    execFileSync(
      'openssl',
      [
        'cms',
        '-sign',
        '-binary',
        '-in',
        note,
        '-signer',
        officer.cert,
        '-inkey',
        officer.key,
        '-certfile',
        chain,
        '-md',
        'sha256',
        '-outform',
        'DER',
        '-out',
        out
      ],
      {
        stdio: 'pipe'
      }
    );
    const result = await verifyDetached(NOTE, fs.readFileSync(out), trust);
    assert.equal(result.status, 'valid', result.reason);
    assert.equal(result.signer?.name, 'Sunita Sharma');
  });

  it('a PKCS#12 file with the wrong password does not open', async () => {
    await assert.rejects(openPkcs12(pkcs12(officer, [sub.cert], PASSWORD), 'not the password'), /Cannot open the certificate file/);
  });
});
