// Certificates for the demo (issue 18): a demo CA and, for each demo officer, a certificate file (PKCS#12)
// whose certificate names him as a DSC does, so that signing a note or an issued letter works on
// `npm start`. Generated at seed time into the data directory (never committed: the CA's key and the
// officers' keys are secrets, even demo ones), with WebCrypto and pkijs only: no openssl at run time. The
// demo CA is installed as trusted in the demo repository under DEMO_TRUST_PREFIX, which `install` leaves
// alone and `doctor` names as a demo root.
import fs from 'node:fs';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, derBlocks, readCertificates, toArrayBuffer, toPem } from '@eoffice/domain/src/signing';
import type { Acs } from '../acs';
import { REPO_PATHS } from '../config';
import type { StepLog } from '../log';
import { DEMO_TRUST_PREFIX, ensureDemoTrust } from '../trust';
import { DEMO_PASSWORD, type DemoOfficer } from './officers';

/** The password of every demo certificate file: the demo logins' own, one thing to remember. */
export const DEMO_CERTIFICATE_PASSWORD = DEMO_PASSWORD;
export const DEMO_CA_NAME = 'eOffice Demo CA (not for production)';
const CA_CERT = `${DEMO_TRUST_PREFIX}ca.pem`;
const CA_KEY = `${DEMO_TRUST_PREFIX}ca.key`;

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256'
};
const DAY = 86_400_000;

export interface DemoCertificates {
  dir: string;
  caCertificate: string;
  /** One `<user>.p12` per officer. */
  files: { user: string; file: string }[];
}

/**
 * Makes (once) the demo CA and each officer's certificate file in `dir`, and makes the repository trust
 * the CA. A second run reuses what is there and changes nothing.
 */
export async function ensureDemoCertificates(
  acs: Acs,
  log: StepLog,
  dir: string,
  officers: (DemoOfficer & { organisation: string })[],
  now = new Date()
): Promise<DemoCertificates> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = await demoCa(dir, now, log);
  await ensureDemoTrust(acs, log, REPO_PATHS.trust, 'roots', CA_CERT, toPem(certificateDer(ca.cert)));
  const files = officers.map((officer) => ({ user: officer.id, file: path.join(dir, `${officer.id}.p12`), officer }));
  // Key generation runs on Node's thread pool, so the officers' keys are made side by side.
  const made = await Promise.all(files.map((f) => (fs.existsSync(f.file) ? undefined : officerPkcs12(ca, f.officer, now))));
  files.forEach(({ file }, i) => {
    if (!made[i]) return log.record('unchanged', `demo certificate ${file}`);
    fs.writeFileSync(file, made[i], { mode: 0o600 });
    log.record('created', `demo certificate ${file}`);
  });
  writeReadme(dir);
  return { dir, caCertificate: path.join(dir, CA_CERT), files: files.map(({ user, file }) => ({ user, file })) };
}

interface Ca {
  cert: pkijs.Certificate;
  key: CryptoKey;
}

async function demoCa(dir: string, now: Date, log: StepLog): Promise<Ca> {
  const certFile = path.join(dir, CA_CERT);
  const keyFile = path.join(dir, CA_KEY);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const [der] = derBlocks(fs.readFileSync(keyFile, 'utf8'), 'PRIVATE KEY');
    const key = await crypto.subtle.importKey('pkcs8', toArrayBuffer(der), RSA, false, ['sign']);
    log.record('unchanged', `demo CA ${certFile}`);
    return { cert: readCertificates(fs.readFileSync(certFile, 'utf8'))[0], key };
  }
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const name = distinguishedName([
    ['C', 'IN'],
    ['O', 'eOffice for Alfresco demo'],
    ['CN', DEMO_CA_NAME]
  ]);
  const cert = await certificate({
    subject: name,
    issuer: { name, key: keys.privateKey, publicKey: keys.publicKey },
    publicKey: keys.publicKey,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    ca: true
  });
  fs.writeFileSync(certFile, toPem(certificateDer(cert)));
  fs.writeFileSync(keyFile, toPem(new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey)), 'PRIVATE KEY'), { mode: 0o600 });
  log.record('created', `demo CA ${certFile}`);
  return { cert, key: keys.privateKey };
}

/** The officer's key and certificate (two years), with the CA's certificate, in a PKCS#12 file. */
async function officerPkcs12(ca: Ca, officer: DemoOfficer & { organisation: string }, now: Date): Promise<Uint8Array> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caPublicKey = await ca.cert.getPublicKey();
  const cert = await certificate({
    subject: distinguishedName([
      ['C', 'IN'],
      ['O', officer.organisation],
      ['CN', `${officer.firstName} ${officer.lastName}`]
    ]),
    issuer: { name: ca.cert.subject, key: ca.key, publicKey: caPublicKey },
    publicKey: keys.publicKey,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 2 * 365 * DAY),
    ca: false
  });
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return pkcs12(pkcs8, [cert, ca.cert], DEMO_CERTIFICATE_PASSWORD, `${officer.firstName} ${officer.lastName}`);
}

const NAME_OIDS: Record<string, string> = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };

function distinguishedName(parts: [string, string][]): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: parts.map(
      ([type, value]) =>
        new pkijs.AttributeTypeAndValue({
          type: NAME_OIDS[type],
          value: type === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value })
        })
    )
  });
}

async function keyIdentifier(publicKey: CryptoKey): Promise<Uint8Array> {
  const spki = pkijs.PublicKeyInfo.fromBER(await crypto.subtle.exportKey('spki', publicKey));
  return new Uint8Array(await crypto.subtle.digest('SHA-1', toArrayBuffer(spki.subjectPublicKey.valueBlock.valueHexView)));
}

/** An X.509 v3 certificate as a CA issues it: a CA's (keyCertSign, cRLSign) or a signer's (digitalSignature, nonRepudiation). */
async function certificate(options: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: { name: pkijs.RelativeDistinguishedNames; key: CryptoKey; publicKey: CryptoKey };
  publicKey: CryptoKey;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
}): Promise<pkijs.Certificate> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] &= 0x7f; // a positive INTEGER
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = options.subject;
  cert.issuer = options.issuer.name;
  cert.notBefore.value = options.notBefore;
  cert.notAfter.value = options.notAfter;
  await cert.subjectPublicKeyInfo.importKey(options.publicKey);
  const basic = new pkijs.BasicConstraints({ cA: options.ca });
  // keyCertSign (bit 5) and cRLSign (bit 6); digitalSignature (bit 0) and nonRepudiation (bit 1).
  const usage = options.ca
    ? new asn1js.BitString({ valueHex: toArrayBuffer(Uint8Array.of(0x06)), unusedBits: 1 })
    : new asn1js.BitString({ valueHex: toArrayBuffer(Uint8Array.of(0xc0)), unusedBits: 6 });
  const ski = await keyIdentifier(options.publicKey);
  const aki = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(await keyIdentifier(options.issuer.publicKey)) })
  });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basic.toSchema().toBER(false), parsedValue: basic }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false), parsedValue: usage }),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(ski) }).toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.35', extnValue: aki.toSchema().toBER(false), parsedValue: aki })
  ];
  await cert.sign(options.issuer.key, 'SHA-256');
  return cert;
}

const PBES2 = {
  // pkijs draws the IV itself; its type asks for one.
  contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as unknown as pkijs.ContentEncryptionAlgorithm,
  hmacHashAlgorithm: 'SHA-256',
  iterationCount: 2048
};

/**
 * A PKCS#12 file as OpenSSL 3 writes one by default (the key in a PBES2/AES-256 shrouded bag, the
 * certificates in a PBES2-encrypted safe, a SHA-256 MAC), opened by openPkcs12 and by OpenSSL alike.
 */
async function pkcs12(pkcs8: Uint8Array, chain: pkijs.Certificate[], password: string, friendlyName: string): Promise<Uint8Array> {
  const secret = toArrayBuffer(new TextEncoder().encode(password));
  const localKeyId = new pkijs.Attribute({
    type: '1.2.840.113549.1.9.21',
    values: [new asn1js.OctetString({ valueHex: toArrayBuffer(await keyIdentifier(await chain[0].getPublicKey())) })]
  });
  const name = new pkijs.Attribute({ type: '1.2.840.113549.1.9.20', values: [new asn1js.BmpString({ value: friendlyName })] });
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)) });
  await keyBag.makeInternalValues({ password: secret, ...PBES2 });
  const certBags = chain.map(
    (cert, i) =>
      new pkijs.SafeBag({
        bagId: '1.2.840.113549.1.12.10.1.3',
        bagValue: new pkijs.CertBag({ parsedValue: cert }),
        ...(i === 0 && { bagAttributes: [localKeyId, name] })
      })
  );
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.2', bagValue: keyBag, bagAttributes: [localKeyId, name] })]
              })
            },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) }
          ]
        }
      })
    }
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, { password: secret, ...PBES2 }] });
  await pfx.makeInternalValues({ password: secret, iterations: 2048, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

function writeReadme(dir: string): void {
  const file = path.join(dir, 'README.txt');
  if (fs.existsSync(file)) return;
  fs.writeFileSync(
    file,
    [
      'Demo certificates of the eOffice demo department (made by `npx eoffice seed-demo --certificates <this folder>`).',
      '',
      `<user>.p12: the officer's key and certificate, issued by "${DEMO_CA_NAME}"; password: ${DEMO_CERTIFICATE_PASSWORD}.`,
      'Open it in e-Office to sign a note or a letter as that officer.',
      `${CA_CERT}: the demo CA, trusted by the demo repository only (Data Dictionary/eOffice/Trust/roots).`,
      `${CA_KEY}: the demo CA's private key. Everything here is for the demo: never trust it on a real repository.`,
      ''
    ].join('\n')
  );
}

/** The demo CA's certificate in `dir` (tests, and a verifier's trust off the repository). */
export const demoCaCertificate = (dir: string): pkijs.Certificate => readCertificates(fs.readFileSync(path.join(dir, CA_CERT), 'utf8'))[0];
