/**
 * The department's trust for digital signatures (config/trust/, issue 18): `install` puts the roots, CA
 * certificates and CRLs into Data Dictionary/eOffice/Trust/ and keeps them exactly as configured (a root
 * taken out of config/ is taken out of the repository), refuses a root that is no CA or a CRL no trusted CA
 * signed, and `doctor` says which root expired, which CRL is stale and where the repository differs. No
 * officer can plant a root. The PKI is made here with OpenSSL (signing-support.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readText } from '../src/acs';
import { REPO_PATHS } from '../src/config';
import { doctor, failed } from '../src/doctor';
import { loadTrustConfig, readTrust, trustConfigChecks } from '../src/trust';
import { readCertificates } from '@eoffice/domain/src/signing';
import { TestCa, crl, issueOfficer, makeIntermediate, makeRoot, revoke, tempDir } from './signing-support';
import { LocalRepository, artefacts, startLocalRepository } from './support';

let dir: string;
let root: TestCa;
let sub: TestCa;
let foreign: TestCa;
let officerCert: string;

/** A config/trust folder with the given files: [kind, name, content]. */
function trustDir(files: [string, string, string | Buffer][]): string {
  const out = fs.mkdtempSync(path.join(dir, 'trust-'));
  for (const [kind, name, content] of files) {
    fs.mkdirSync(path.join(out, kind), { recursive: true });
    fs.writeFileSync(path.join(out, kind, name), content);
  }
  return out;
}

const pem = (file: string) => fs.readFileSync(file, 'utf8');
const derCrl = (file: string) => execFileSync('openssl', ['crl', '-in', file, '-outform', 'DER']);
const lines = (checks: { state: string; what: string }[]) => checks.map((c) => `${c.state.toUpperCase()} ${c.what}`).join('\n');

before(() => {
  dir = tempDir('eoffice-trust-');
  root = makeRoot(dir, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
  sub = makeIntermediate(dir, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
  foreign = makeRoot(dir, 'foreign', '/C=IN/O=Somebody Else/CN=Foreign Root CA');
  const officer = issueOfficer(sub, 'so', '/C=IN/O=General Administration Department/CN=Sunita Sharma');
  officerCert = officer.cert;
  revoke(sub, officer.cert);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('config/trust on its own', () => {
  it('a root, its sub CA and both CRLs (one DER) are all OK, the DER CRL kept as PEM', async () => {
    const config = loadTrustConfig(
      trustDir([
        ['roots', 'test-root.pem', pem(root.cert)],
        ['intermediates', 'test-sub.pem', pem(sub.cert)],
        ['crls', 'test-root.crl', pem(crl(root))],
        ['crls', 'test-sub.crl', derCrl(crl(sub))],
        ['roots', 'README.md', 'not a root']
      ])
    );
    assert.deepEqual(
      config.roots.map((f) => f.name),
      ['test-root.pem'],
      'only *.pem files are roots'
    );
    assert.match(config.crls[1].text, /^-----BEGIN X509 CRL-----/);
    const checks = await trustConfigChecks(config, new Date('2027-01-01T00:00:00Z'));
    assert.deepEqual(failed(checks), [], lines(checks));
    const text = lines(checks);
    assert.match(
      text,
      /^OK trusted root config\/trust\/roots\/test-root\.pem \(eOffice Test Root CA\), valid 01\/01\/2024 to 01\/01\/2036$/m
    );
    assert.match(
      text,
      /^OK CA certificate config\/trust\/intermediates\/test-sub\.pem \(eOffice Test Sub CA\) issued by eOffice Test Root CA/m
    );
    assert.match(text, /^OK CRL config\/trust\/crls\/test-sub\.crl \(eOffice Test Sub CA\): 1 revoked, next update /m);
  });

  it('an officer’s certificate as a root, a CRL of a CA not trusted, a sub CA of a foreign root and a damaged file are invalid', async () => {
    const config = loadTrustConfig(
      trustDir([
        ['roots', 'officer.pem', pem(officerCert)],
        ['roots', 'garbage.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
        ['crls', 'foreign.crl', pem(crl(foreign))],
        ['crls', 'sub.crl', pem(crl(sub))],
        ['intermediates', 'sub.pem', pem(sub.cert)]
      ])
    );
    const checks = await trustConfigChecks(config);
    const text = lines(checks);
    assert.match(text, /^INVALID trusted root config\/trust\/roots\/officer\.pem \(Sunita Sharma\) is not a CA certificate/m);
    assert.match(text, /^INVALID config\/trust\/roots\/garbage\.pem is not a certificate/m);
    assert.match(
      text,
      /^INVALID CRL config\/trust\/crls\/foreign\.crl \(Foreign Root CA\) is not signed by a trusted root or CA certificate/m
    );
    // The sub CA is genuine, but its root is not configured: neither it nor its CRL is trusted.
    assert.match(
      text,
      /^INVALID CA certificate config\/trust\/intermediates\/sub\.pem \(eOffice Test Sub CA\) does not lead to a trusted root/m
    );
    assert.match(text, /^INVALID CRL config\/trust\/crls\/sub\.crl/m);
  });

  it('a root past its end and a CRL past its next update are warnings; no roots at all is a warning', async () => {
    const config = loadTrustConfig(
      trustDir([
        ['roots', 'root.pem', pem(root.cert)],
        ['crls', 'root.crl', pem(crl(root))]
      ])
    );
    const text = lines(await trustConfigChecks(config, new Date('2037-01-01T00:00:00Z')));
    assert.match(text, /^WARNING trusted root config\/trust\/roots\/root\.pem \(eOffice Test Root CA\) expired on 01\/01\/2036/m);
    assert.match(text, /^WARNING CRL config\/trust\/crls\/root\.crl \(eOffice Test Root CA\) was due for renewal on /m);
    const empty = lines(await trustConfigChecks(loadTrustConfig(trustDir([]))));
    assert.match(empty, /^WARNING no trusted roots in config\/trust\/roots/m);
  });
});

describe('install and doctor with config/trust', () => {
  let repo: LocalRepository;
  before(async () => {
    repo = await startLocalRepository();
  });
  after(() => repo?.stop());

  it('install refuses an invalid trust configuration before it writes anything', async () => {
    const bad = trustDir([['roots', 'officer.pem', pem(officerCert)]]);
    const { code, lines } = await repo.cli('install', '--trust', bad).catch((e) => ({ code: 1, lines: [String(e)] }));
    assert.equal(code, 1);
    assert.match(
      lines.join('\n'),
      /config\/trust is not usable: trusted root config\/trust\/roots\/officer\.pem \(Sunita Sharma\) is not a CA certificate/
    );
    const acs = await repo.acs();
    assert.equal(
      (await acs.nodes.getNode('-root-', { relativePath: 'Data Dictionary/Models/eofficeModel.xml' }).catch((e) => e)).status,
      404
    );
  });

  const good = () =>
    trustDir([
      ['roots', 'test-root.pem', pem(root.cert)],
      ['intermediates', 'test-sub.pem', pem(sub.cert)],
      ['crls', 'test-sub.crl', derCrl(crl(sub))]
    ]);

  it('install uploads them, doctor passes, a second install changes nothing, and a verifier reads them back', async () => {
    const config = good();
    const installed = await repo.cli('install', '--trust', config);
    assert.equal(installed.code, 0, installed.lines.join('\n'));
    assert.ok(
      installed.lines.some((l) => /created +Data Dictionary\/eOffice\/Trust\/roots\/test-root\.pem$/.test(l)),
      installed.lines.join('\n')
    );
    const checked = await repo.cli('doctor', '--trust', config);
    assert.equal(checked.code, 0, checked.lines.join('\n'));
    assert.ok(checked.lines.some((l) => /^OK +Data Dictionary\/eOffice\/Trust\/crls\/test-sub\.crl$/.test(l)));
    const again = await repo.cli('install', '--trust', config);
    assert.match(again.lines[again.lines.length - 1], /nothing to change \(0 created, 0 updated/);

    const trust = await readTrust(await repo.acs(), REPO_PATHS.trust);
    assert.equal(trust.roots.length, 1);
    assert.equal(trust.intermediates.length, 1);
    assert.equal(trust.crls[0].revokedCertificates?.length, 1, 'the DER CRL, stored as PEM, with its one revoked certificate');
  });

  it('doctor flags a root the repository has and config/ lacks; install removes it, and a root taken out of config/', async () => {
    const acs = await repo.acs();
    const rootsFolder = await acs.nodes.getNode('-root-', { relativePath: `${REPO_PATHS.trust}/roots` });
    await acs.upload.uploadFile(new File([pem(foreign.cert)], 'planted.pem'), '', rootsFolder.entry.id, undefined, {
      name: 'planted.pem'
    } as never);
    const config = good();
    const checked = await repo.cli('doctor', '--trust', config);
    assert.equal(checked.code, 1);
    assert.ok(
      checked.lines.some((l) => /^OUTDATED +Data Dictionary\/eOffice\/Trust\/roots\/planted\.pem is not in config\/trust\/roots/.test(l))
    );

    // The sub CA's CA certificate is withdrawn from config/: install takes both it and the planted root away.
    fs.rmSync(path.join(config, 'intermediates', 'test-sub.pem'));
    fs.rmSync(path.join(config, 'crls', 'test-sub.crl'));
    const installed = await repo.cli('install', '--trust', config);
    assert.equal(installed.code, 0, installed.lines.join('\n'));
    const trust = await readTrust(acs, REPO_PATHS.trust);
    assert.deepEqual(
      trust.roots.map((c) => c.subject.typesAndValues.at(-1)?.value.valueBlock.value),
      ['eOffice Test Root CA']
    );
    assert.deepEqual([trust.intermediates.length, trust.crls.length], [0, 0]);
    assert.equal(
      (await doctor(acs, { ...artefacts(), trust: loadTrustConfig(config) })).filter((c) => /Trust/.test(c.what) && c.state !== 'ok')
        .length,
      0
    );
  });

  it('no officer may add, replace or remove a trusted root', async () => {
    const admin = await repo.acs();
    await admin.people.createPerson({
      id: 'trust.tester',
      firstName: 'Trust',
      lastName: 'Tester',
      email: 'trust@example.gov.in',
      password: 'secret12'
    });
    const officer = await repo.acs('trust.tester', 'secret12');
    const folder = (await admin.nodes.getNode('-root-', { relativePath: `${REPO_PATHS.trust}/roots` })).entry.id;
    const existing = (await admin.nodes.getNode('-root-', { relativePath: `${REPO_PATHS.trust}/roots/test-root.pem` })).entry.id;
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e) => e.status as number
      );
    assert.equal(
      await status(
        officer.upload.uploadFile(new File([pem(foreign.cert)], 'mine.pem'), '', folder, undefined, { name: 'mine.pem' } as never)
      ),
      403
    );
    assert.equal(await status(officer.nodes.updateNodeContent(existing, pem(foreign.cert))), 403);
    assert.equal(await status(officer.nodes.deleteNode(existing)), 403);
    assert.equal(await status(officer.nodes.updateNode(existing, { name: 'renamed.pem' })), 403);
    const still = readCertificates(await readText(admin, existing));
    assert.match(String(still[0].subject.typesAndValues.at(-1)?.value.valueBlock.value), /eOffice Test Root CA/);
  });
});
