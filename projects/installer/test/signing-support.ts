// A test PKI made in the test with OpenSSL (nothing secret is committed): a root, an intermediate, officers'
// certificates (one valid, one expired, one revoked by the intermediate's CRL, one under a foreign root), a
// PKCS#12 file, and a SoftHSM2 token holding an officer's key and certificate as a DSC token would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pkcs11js from 'pkcs11js';
import { parseCertificate, readCertificates } from '@eoffice/domain/src/signing';

export const SOFTHSM_LIBRARY = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((p) =>
  fs.existsSync(p)
);

function openssl(args: string[], cwd: string): string {
  try {
    return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`openssl ${args.join(' ')}: ${String((e as { stderr?: unknown }).stderr ?? e)}`);
  }
}

export interface TestCa {
  name: string;
  dir: string;
  cert: string;
  key: string;
  config: string;
}

export interface Issued {
  cert: string;
  key: string;
}

const CONFIG = (dir: string) => `
[ ca ]
default_ca = ca_default
[ ca_default ]
dir = ${dir}
database = $dir/index.txt
serial = $dir/serial
crlnumber = $dir/crlnumber
new_certs_dir = $dir/newcerts
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sha256
default_days = 365
default_crl_days = 30
policy = policy_any
unique_subject = no
preserve = yes
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ req ]
distinguished_name = req_dn
[ req_dn ]
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ v3_officer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

function caDir(root: string, name: string): TestCa {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'newcerts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.txt'), '');
  // A serial of its own per CA (an even number of hex digits, as OpenSSL reads it).
  fs.writeFileSync(path.join(dir, 'serial'), `${(16 + Math.floor(Math.random() * 200)).toString(16)}01\n`);
  fs.writeFileSync(path.join(dir, 'crlnumber'), '01\n');
  const config = path.join(dir, 'openssl.cnf');
  fs.writeFileSync(config, CONFIG(dir));
  return { name, dir, cert: path.join(dir, 'ca.pem'), key: path.join(dir, 'ca.key'), config };
}

/** CAs valid from 2024 to 2036, so that a date in 2026 lies within them (a note stored before a revocation). */
const CA_DATES = ['-startdate', '20240101000000Z', '-enddate', '20360101000000Z'];

/** A self-signed root CA. */
export function makeRoot(root: string, name: string, subject: string): TestCa {
  const ca = caDir(root, name);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', ca.key], ca.dir);
  const csr = path.join(ca.dir, 'ca.csr');
  openssl(['req', '-new', '-key', ca.key, '-subj', subject, '-config', ca.config, '-out', csr], ca.dir);
  openssl(
    [
      'ca',
      '-batch',
      '-notext',
      '-selfsign',
      '-keyfile',
      ca.key,
      '-config',
      ca.config,
      '-extensions',
      'v3_ca',
      ...CA_DATES,
      '-in',
      csr,
      '-out',
      ca.cert
    ],
    ca.dir
  );
  return ca;
}

/** An intermediate CA issued by `issuer`. */
export function makeIntermediate(root: string, name: string, subject: string, issuer: TestCa): TestCa {
  const ca = caDir(root, name);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', ca.key], ca.dir);
  const csr = path.join(ca.dir, 'ca.csr');
  openssl(['req', '-new', '-key', ca.key, '-subj', subject, '-config', ca.config, '-out', csr], ca.dir);
  openssl(['ca', '-batch', '-notext', '-config', issuer.config, '-extensions', 'v3_ca', ...CA_DATES, '-in', csr, '-out', ca.cert], ca.dir);
  return ca;
}

/** An officer's key (PKCS#8 PEM) and certificate; `dates` in OpenSSL's YYYYMMDDHHMMSSZ for an expired one. */
export function issueOfficer(
  ca: TestCa,
  file: string,
  subject: string,
  options: { dates?: { start: string; end: string }; keyType?: 'RSA' | 'EC' } = {}
): Issued {
  const key = path.join(ca.dir, `${file}.key`);
  const cert = path.join(ca.dir, `${file}.pem`);
  const csr = path.join(ca.dir, `${file}.csr`);
  const keyArgs =
    options.keyType === 'EC'
      ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
      : ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'];
  openssl(['genpkey', ...keyArgs, '-out', key], ca.dir);
  openssl(['req', '-new', '-key', key, '-subj', subject, '-config', ca.config, '-out', csr], ca.dir);
  const validity = options.dates ? ['-startdate', options.dates.start, '-enddate', options.dates.end] : ['-days', '365'];
  openssl(['ca', '-batch', '-notext', '-config', ca.config, '-extensions', 'v3_officer', ...validity, '-in', csr, '-out', cert], ca.dir);
  return { cert, key };
}

/** Revokes a certificate and writes the CA's CRL (also an empty CRL when nothing is revoked). */
export function revoke(ca: TestCa, cert: string): void {
  openssl(['ca', '-config', ca.config, '-revoke', cert, '-crl_reason', 'keyCompromise'], ca.dir);
}

export function crl(ca: TestCa): string {
  const out = path.join(ca.dir, `crl-${Date.now()}.pem`);
  openssl(['ca', '-config', ca.config, '-gencrl', '-crldays', '30', '-out', out], ca.dir);
  return out;
}

/** A PKCS#12 file of the officer's key, certificate and chain (OpenSSL 3's defaults: PBES2/AES-256, SHA-256 MAC). */
export function pkcs12(issued: Issued, chain: string[], password: string): Uint8Array {
  const out = `${issued.cert}.p12`;
  const bundle = `${issued.cert}.chain.pem`;
  fs.writeFileSync(bundle, chain.map((c) => fs.readFileSync(c, 'utf8')).join(''));
  openssl(
    ['pkcs12', '-export', '-inkey', issued.key, '-in', issued.cert, '-certfile', bundle, '-passout', `pass:${password}`, '-out', out],
    path.dirname(out)
  );
  return fs.readFileSync(out);
}

export function certs(file: string) {
  return readCertificates(fs.readFileSync(file, 'utf8'));
}

/**
 * The test PKI the signature tests share, in `dir`: its root CA and the sub CA the root certifies (officers'
 * certificates come from the sub CA, issueOfficer).
 */
export function makeTestPki(dir: string): { root: TestCa; sub: TestCa } {
  const root = makeRoot(dir, 'root', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Root CA');
  const sub = makeIntermediate(dir, 'sub', '/C=IN/O=Test PKI of eOffice/CN=eOffice Test Sub CA', root);
  return { root, sub };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `openssl cms -verify` of a detached DER signature: true when OpenSSL accepts it against the root. */
export function opensslVerifies(dir: string, content: Uint8Array, signature: Uint8Array, rootPem: string): boolean {
  const note = path.join(dir, `note-${Math.random().toString(36).slice(2)}.txt`);
  const sig = `${note}.p7s`;
  fs.writeFileSync(note, content);
  fs.writeFileSync(sig, signature);
  try {
    execFileSync(
      'openssl',
      ['cms', '-verify', '-binary', '-content', note, '-inform', 'DER', '-in', sig, '-CAfile', rootPem, '-out', '/dev/null'],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * A SoftHSM2 token as an officer's DSC token: initialised with a PIN, the officer's key imported under a
 * CKA_ID, and the certificate (and the intermediate CA's) stored beside it, as DSC tokens are issued.
 * Returns the SOFTHSM2_CONF to set before the library is initialised.
 */
export function softHsmToken(dir: string, label: string, pin: string, officer: Issued, caCerts: string[]): string {
  if (!SOFTHSM_LIBRARY) throw new Error("SoftHSM2 is not installed (Debian's softhsm2; .ci/run installs it)");
  const tokens = path.join(dir, 'tokens');
  fs.mkdirSync(tokens, { recursive: true });
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', `${pin}-so`], {
    env,
    stdio: 'pipe'
  });
  execFileSync('softhsm2-util', ['--import', officer.key, '--token', label, '--label', 'officer', '--id', '01', '--pin', pin], {
    env,
    stdio: 'pipe'
  });

  process.env['SOFTHSM2_CONF'] = conf;
  const p11 = new pkcs11js.PKCS11();
  p11.load(SOFTHSM_LIBRARY);
  p11.C_Initialize();
  try {
    const slot = p11.C_GetSlotList(true).find((s) => p11.C_GetTokenInfo(s).label.trim() === label);
    if (!slot) throw new Error(`token ${label} not found`);
    const session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
    p11.C_Login(session, pkcs11js.CKU_USER, pin);
    const store = (file: string, id: string, name: string) => {
      const der = Buffer.from(readCertificates(fs.readFileSync(file, 'utf8'))[0].toSchema(true).toBER(false));
      p11.C_CreateObject(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
        { type: pkcs11js.CKA_TOKEN, value: true },
        { type: pkcs11js.CKA_LABEL, value: name },
        { type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') },
        { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(parseCertificate(der).subject.toSchema().toBER(false)) },
        { type: pkcs11js.CKA_VALUE, value: der }
      ]);
    };
    store(officer.cert, '01', 'officer');
    caCerts.forEach((file, i) => store(file, `ca0${i + 1}`, `ca ${i + 1}`));
    p11.C_Logout(session);
    p11.C_CloseSession(session);
  } finally {
    p11.C_Finalize();
    p11.close();
  }
  return conf;
}
