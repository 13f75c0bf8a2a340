/**
 * Demo certificates (issue 18): `seed-demo --certificates <dir>` makes a demo CA and a certificate file for
 * each demo officer in <dir> (with WebCrypto and pkijs, no openssl), and makes the demo repository trust the
 * CA: an officer's file opens with the demo password, signs a note that verifies against the repository's
 * trust, opens in OpenSSL too, and signs a letter that pdfsig trusts. A second run makes nothing new;
 * `install` keeps the demo CA and `doctor` names it. Nothing of it lands in the repository's checkout.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { canonicalNoteBytes } from '@eoffice/domain';
import { openPkcs12, signPdf, summarise, toPem, certificateDer, verifyDetached, verifyPdf } from '@eoffice/domain/src/signing';
import { CONFIG_DIR, REPO_PATHS } from '../src/config';
import { readTrust } from '../src/trust';
import { tempDir } from './signing-support';
import { LocalRepository, startLocalRepository } from './support';

describe('seed-demo --certificates: a demo CA and each officer’s certificate file', () => {
  let repo: LocalRepository;
  let dir: string;
  let lines: string[];
  before(async () => {
    repo = await startLocalRepository();
    dir = tempDir('eoffice-demo-certificates-');
    const installed = await repo.cli('install');
    assert.equal(installed.code, 0, installed.lines.join('\n'));
    // The department exists: --if-empty seeds nothing, but still makes the certificates.
    const seeded = await repo.cli('seed-demo', '--if-empty', '--certificates', path.join(dir, 'certs'));
    assert.equal(seeded.code, 0, seeded.lines.join('\n'));
    lines = seeded.lines;
  });
  after(async () => {
    await repo?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a CERTIFICATE line with the password for each of the fifteen officers, beside the logins', () => {
    const certificates = lines.filter((l) => l.startsWith('CERTIFICATE '));
    assert.equal(certificates.length, 15, lines.join('\n'));
    assert.ok(
      certificates.includes(`CERTIFICATE priya.nair demo1234 ${path.join(dir, 'certs', 'priya.nair.p12')}`),
      certificates.join('\n')
    );
    assert.equal(lines.filter((l) => l.startsWith('LOGIN ')).length, 16);
    for (const file of ['eoffice-demo-ca.pem', 'README.txt', 'priya.nair.p12'])
      assert.ok(fs.existsSync(path.join(dir, 'certs', file)), file);
    assert.equal(
      fs.statSync(path.join(dir, 'certs', 'eoffice-demo-ca.key')).mode & 0o077,
      0,
      'the demo CA key is readable by its owner only'
    );
  });

  it('an officer’s file opens with the demo password, names her, and signs a note the repository’s trust verifies', async () => {
    const signer = await openPkcs12(fs.readFileSync(path.join(dir, 'certs', 'priya.nair.p12')), 'demo1234');
    try {
      const [cert, ca] = await signer.certificates();
      const who = summarise(cert);
      assert.equal(who.name, 'Priya Nair');
      assert.equal(who.issuerName, 'eOffice Demo CA (not for production)');
      assert.match(who.subject, /O=General Administration Department, C=IN$/);
      assert.ok(ca, 'the CA certificate travels in the file');
      const note = canonicalNoteBytes({
        fileNumber: 'A-11011/5/2026-EST-GAD',
        noteNumber: 1,
        content: '<p>Submitted for orders.</p>',
        mimeType: 'text/html',
        signerPost: 'GROUP_EO_GAD_SO_EST'
      });
      const trust = await readTrust(await repo.acs(), REPO_PATHS.trust);
      assert.equal(trust.roots.length, 1, 'the demo CA is the demo repository’s one trusted root');
      const result = await verifyDetached(note, await signer.sign(note), trust);
      assert.equal(result.status, 'valid', result.reason);
    } finally {
      await signer.close();
    }
    await assert.rejects(openPkcs12(fs.readFileSync(path.join(dir, 'certs', 'priya.nair.p12')), 'wrong'), /wrong password/);
  });

  it('OpenSSL opens the file (MAC, PBES2) and verifies the certificate against the demo CA', () => {
    const file = path.join(dir, 'certs', 'meera.iyer.p12');
    const out = path.join(dir, 'meera.pem');
    execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:demo1234', '-clcerts', '-nokeys', '-out', out], { stdio: 'pipe' });
    const verified = execFileSync('openssl', ['verify', '-CAfile', path.join(dir, 'certs', 'eoffice-demo-ca.pem'), out], {
      encoding: 'utf8'
    });
    assert.match(verified, /: OK/);
    const key = execFileSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:demo1234', '-nocerts', '-nodes'], { encoding: 'utf8' });
    assert.match(key, /BEGIN PRIVATE KEY/);
  });

  it('a letter signed with a demo certificate is valid and trusted for pdfsig when the demo CA is', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('No. A-11011/5/2026-EST-GAD', { x: 50, y: 700 });
    const signer = await openPkcs12(fs.readFileSync(path.join(dir, 'certs', 'rajesh.verma.p12')), 'demo1234');
    const signed = await signPdf(await doc.save(), signer, { reason: 'Issued' });
    await signer.close();
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, signed);
    const db = path.join(dir, 'nss');
    fs.mkdirSync(db);
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'demo', '-t', 'CT,C,C', '-i', path.join(dir, 'certs', 'eoffice-demo-ca.pem')]);
    const report = spawnSync('pdfsig', ['-nssdir', `sql:${db}`, file], { encoding: 'utf8' }).stdout;
    assert.match(report, /Signer Certificate Common Name: Rajesh Verma/, report);
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.match(report, /Certificate Validation: Certificate is Trusted\./, report);
    const [result] = await verifyPdf(signed, await readTrust(await repo.acs(), REPO_PATHS.trust));
    assert.equal(result.status, 'valid', result.reason);
  });

  it('a second run makes nothing new; install keeps the demo CA; doctor names it and passes', async () => {
    const ca = fs.readFileSync(path.join(dir, 'certs', 'eoffice-demo-ca.pem'), 'utf8');
    const p12 = fs.readFileSync(path.join(dir, 'certs', 'priya.nair.p12'));
    const again = await repo.cli('seed-demo', '--if-empty', '--certificates', path.join(dir, 'certs'), '--verbose');
    assert.equal(again.code, 0);
    assert.ok(!again.lines.some((l) => /\+ created/.test(l)), again.lines.join('\n'));
    assert.equal(fs.readFileSync(path.join(dir, 'certs', 'eoffice-demo-ca.pem'), 'utf8'), ca);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'certs', 'priya.nair.p12')), p12);

    const installed = await repo.cli('install');
    assert.equal(installed.code, 0);
    const trust = await readTrust(await repo.acs(), REPO_PATHS.trust);
    assert.equal(toPem(certificateDer(trust.roots[0])), ca, 'install leaves the demo CA trusted');
    const doctor = await repo.cli('doctor');
    assert.equal(doctor.code, 0, doctor.lines.join('\n'));
    assert.ok(
      doctor.lines.some((l) => /^WARNING +Data Dictionary\/eOffice\/Trust\/roots\/eoffice-demo-ca\.pem is seed-demo's demo CA/.test(l))
    );
    assert.ok(!fs.readdirSync(path.join(CONFIG_DIR, 'trust')).some((f) => f.startsWith('eoffice-demo')), 'nothing of the demo in config/');
  });
});
