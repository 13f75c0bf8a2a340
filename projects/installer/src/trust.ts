// The department's trust for digital signatures (issue 18, docs/signatures.md): which roots a signature must
// lead to, which CA certificates complete chains, and which CRLs say what was revoked. It is configuration,
// config/trust/, put into Data Dictionary/eOffice/Trust/ by `install` and checked by `doctor`; the notesheet
// and `npx eoffice verify` read it from there. Never from a signature: a certificate a signature carries
// never makes itself trusted.
import fs from 'node:fs';
import path from 'node:path';
import type * as pkijs from 'pkijs';
import { commonName, readCertificates, readCrls, sameName, toPem } from '@eoffice/domain/src/signing';
import { officeDate } from '@eoffice/domain';
import type { Acs } from './acs';
import { describeError, readText } from './acs';
import type { Check } from './doctor';
import type { StepLog } from './log';
import { ensureContent, ensureFolder, nodeAt } from './repo';

export type TrustKind = 'roots' | 'intermediates' | 'crls';
export const TRUST_KINDS: TrustKind[] = ['roots', 'intermediates', 'crls'];

/** One file of config/trust/<kind>/, as the repository stores it (PEM text; a DER CRL is written as PEM). */
export interface TrustFile {
  name: string;
  text: string;
}

export type TrustConfig = Record<TrustKind, TrustFile[]>;

/** What each folder takes: roots and CA certificates as PEM, CRLs as PEM or DER. */
const PATTERNS: Record<TrustKind, RegExp> = { roots: /\.pem$/i, intermediates: /\.pem$/i, crls: /\.crl$/i };
const MIME: Record<TrustKind, string> = {
  roots: 'application/x-x509-ca-cert',
  intermediates: 'application/x-x509-ca-cert',
  crls: 'application/pkix-crl'
};
const TITLES: Record<TrustKind, string> = {
  roots: 'Trusted root certificates / विश्वसनीय मूल प्रमाणपत्र',
  intermediates: 'CA certificates / प्रमाणन प्राधिकारी प्रमाणपत्र',
  crls: 'Certificate revocation lists / प्रमाणपत्र निरसन सूचियाँ'
};

/**
 * seed-demo's own CA (generated in the data directory, never committed) is installed under this prefix:
 * install leaves it in place and doctor names it, so a demo root is never mistaken for configuration.
 */
export const DEMO_TRUST_PREFIX = 'eoffice-demo-';

export const trustFolder = (trustPath: string, kind: TrustKind) => `${trustPath}/${kind}`;

/** Reads config/trust/ (a missing folder is an empty one). */
export function loadTrustConfig(dir: string): TrustConfig {
  const read = (kind: TrustKind): TrustFile[] => {
    const folder = path.join(dir, kind);
    if (!fs.existsSync(folder)) return [];
    return fs
      .readdirSync(folder)
      .filter((name) => PATTERNS[kind].test(name))
      .sort()
      .map((name) => ({ name, text: storedText(kind, fs.readFileSync(path.join(folder, name))) }));
  };
  return { roots: read('roots'), intermediates: read('intermediates'), crls: read('crls') };
}

/** The text the repository keeps: PEM as written (one trailing newline), a DER CRL as PEM. */
export function storedText(kind: TrustKind, bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN ')) return text.replace(/\s*$/, '\n');
  return kind === 'crls' ? toPem(bytes, 'X509 CRL') : text;
}

// ------------------------------------------------------------------ what each file is

interface Parsed {
  roots: { file: TrustFile; certs: pkijs.Certificate[] }[];
  intermediates: { file: TrustFile; certs: pkijs.Certificate[] }[];
  crls: { file: TrustFile; crls: pkijs.CertificateRevocationList[] }[];
}

function parse(config: TrustConfig): { parsed: Parsed; problems: Check[] } {
  const problems: Check[] = [];
  const certsOf = (kind: 'roots' | 'intermediates') =>
    config[kind].flatMap((file) => {
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(file.text)) {
        problems.push({
          state: 'invalid',
          what: `config/trust/${kind}/${file.name} holds a private key: remove it at once, trust needs certificates only`
        });
        return [];
      }
      try {
        const certs = readCertificates(file.text);
        if (!certs.length) throw new Error('no PEM CERTIFICATE block');
        return [{ file, certs }];
      } catch (e) {
        problems.push({ state: 'invalid', what: `config/trust/${kind}/${file.name} is not a certificate: ${(e as Error).message}` });
        return [];
      }
    });
  const crls = config.crls.flatMap((file) => {
    try {
      const list = readCrls(file.text);
      if (!list.length) throw new Error('no X509 CRL');
      return [{ file, crls: list }];
    } catch (e) {
      problems.push({ state: 'invalid', what: `config/trust/crls/${file.name} is not a CRL: ${(e as Error).message}` });
      return [];
    }
  });
  return { parsed: { roots: certsOf('roots'), intermediates: certsOf('intermediates'), crls }, problems };
}

const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';

/** A CA certificate: basicConstraints cA, and a key usage (when stated) that signs certificates. */
function isCa(cert: pkijs.Certificate): boolean {
  const bc = cert.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as pkijs.BasicConstraints | undefined;
  if (!bc?.cA) return false;
  const ku = cert.extensions?.find((e) => e.extnID === KEY_USAGE)?.parsedValue as { valueBlock?: { valueHexView: Uint8Array } } | undefined;
  // keyCertSign is bit 5: 0x04 of the first byte.
  return !ku?.valueBlock || (ku.valueBlock.valueHexView[0] & 0x04) !== 0;
}

async function signedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  if (!sameName(cert.issuer, issuer.subject)) return false;
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

/**
 * Each file of config/trust/ checked on its own: roots parse, are CA certificates and (when self-issued)
 * signed by their own key; CA certificates lead to a root; CRLs are signed by one of those CAs. Expired
 * roots and CRLs past their next update are warnings: an expired root still verifies what was signed
 * while it was valid, a stale CRL still lists what it lists.
 */
export async function trustConfigChecks(config: TrustConfig, now = new Date()): Promise<Check[]> {
  const { parsed, problems } = parse(config);
  const checks: Check[] = [...problems];
  const add = (state: Check['state'], what: string) => checks.push({ state, what });
  const validity = (cert: pkijs.Certificate) => `valid ${officeDate(cert.notBefore.value)} to ${officeDate(cert.notAfter.value)}`;

  const roots: pkijs.Certificate[] = [];
  for (const { file, certs } of parsed.roots) {
    for (const cert of certs) {
      const label = `trusted root config/trust/roots/${file.name} (${commonName(cert.subject)})`;
      if (!isCa(cert)) {
        add('invalid', `${label} is not a CA certificate (basic constraints, key usage)`);
        continue;
      }
      if (sameName(cert.subject, cert.issuer) && !(await signedBy(cert, cert))) {
        add('invalid', `${label}: its signature does not verify with its own key (damaged)`);
        continue;
      }
      roots.push(cert);
      if (cert.notAfter.value < now)
        add('warning', `${label} expired on ${officeDate(cert.notAfter.value)}: it verifies only what was signed before`);
      else if (cert.notBefore.value > now) add('warning', `${label} is not valid before ${officeDate(cert.notBefore.value)}`);
      else add('ok', `${label}, ${validity(cert)}`);
    }
  }
  if (!config.roots.length) add('warning', 'no trusted roots in config/trust/roots: every digital signature will show as signer unknown');

  // CA certificates below the roots, in any order: each must be signed by a root or one already placed.
  const cas = [...roots];
  let pending = parsed.intermediates.flatMap(({ file, certs }) => certs.map((cert) => ({ file, cert })));
  for (let placed = true; placed && pending.length; ) {
    placed = false;
    const next: typeof pending = [];
    for (const item of pending) {
      let issuer: pkijs.Certificate | undefined;
      for (const ca of cas) if (await signedBy(item.cert, ca)) issuer = ca;
      if (issuer && isCa(item.cert)) {
        cas.push(item.cert);
        placed = true;
        add(
          item.cert.notAfter.value < now ? 'warning' : 'ok',
          `CA certificate config/trust/intermediates/${item.file.name} (${commonName(item.cert.subject)}) issued by ${commonName(issuer.subject)}, ${validity(item.cert)}`
        );
      } else next.push(item);
    }
    pending = next;
  }
  for (const { file, cert } of pending)
    add(
      'invalid',
      isCa(cert)
        ? `CA certificate config/trust/intermediates/${file.name} (${commonName(cert.subject)}) does not lead to a trusted root`
        : `config/trust/intermediates/${file.name} (${commonName(cert.subject)}) is not a CA certificate`
    );

  for (const { file, crls } of parsed.crls) {
    for (const crl of crls) {
      const label = `CRL config/trust/crls/${file.name} (${commonName(crl.issuer)})`;
      let issuer: pkijs.Certificate | undefined;
      for (const ca of cas) {
        if (!sameName(crl.issuer, ca.subject)) continue;
        try {
          if (await crl.verify({ issuerCertificate: ca })) issuer = ca;
        } catch {
          // Not this CA's signature.
        }
      }
      if (!issuer) {
        add('invalid', `${label} is not signed by a trusted root or CA certificate of config/trust`);
        continue;
      }
      const revoked = crl.revokedCertificates?.length ?? 0;
      const nextUpdate = crl.nextUpdate?.value;
      if (nextUpdate && nextUpdate < now)
        add('warning', `${label} was due for renewal on ${officeDate(nextUpdate)}: download the CA's current CRL`);
      else add('ok', `${label}: ${revoked} revoked, next update ${nextUpdate ? officeDate(nextUpdate) : 'not stated'}`);
    }
  }
  return checks;
}

/** Install refuses a trust configuration doctor would call invalid: nothing half-trusted reaches the repository. */
export async function assertTrustUsable(config: TrustConfig): Promise<void> {
  const invalid = (await trustConfigChecks(config)).filter((c) => c.state === 'invalid');
  if (invalid.length) throw new Error(`config/trust is not usable: ${invalid.map((c) => c.what).join('; ')}`);
}

// ------------------------------------------------------------------ the repository's copy

/**
 * Makes Data Dictionary/eOffice/Trust/{roots,intermediates,crls} hold exactly config/trust: each file with
 * the same text, and nothing else. A root taken out of config/ (a compromised CA) stops being trusted on the
 * next install. seed-demo's demo CA (DEMO_TRUST_PREFIX) is left alone.
 */
export async function ensureTrust(acs: Acs, log: StepLog, config: TrustConfig, trustPath: string): Promise<void> {
  await ensureFolder(acs, log, '-root-', trustPath, 'Digital signature trust / डिजिटल हस्ताक्षर विश्वास');
  for (const kind of TRUST_KINDS) {
    const folder = trustFolder(trustPath, kind);
    const folderId = await ensureFolder(acs, log, '-root-', folder, TITLES[kind]);
    for (const file of config[kind])
      await ensureContent(acs, log, { folder, name: file.name, text: file.text, nodeType: 'cm:content', mimeType: MIME[kind] });
    const wanted = new Set(config[kind].map((f) => f.name));
    for (const child of await children(acs, folderId)) {
      if (wanted.has(child.name) || child.name.startsWith(DEMO_TRUST_PREFIX)) continue;
      await acs.nodes.deleteNode(child.id, { permanent: true });
      log.record('updated', `${folder}/${child.name} removed (not in config/trust/${kind})`);
    }
  }
}

/** Puts one PEM into the repository's trust (seed-demo's demo root); named with DEMO_TRUST_PREFIX. */
export async function ensureDemoTrust(acs: Acs, log: StepLog, trustPath: string, kind: TrustKind, name: string, text: string) {
  if (!name.startsWith(DEMO_TRUST_PREFIX)) throw new Error(`A demo trust file is named ${DEMO_TRUST_PREFIX}…`);
  await ensureFolder(acs, log, '-root-', trustFolder(trustPath, kind), TITLES[kind]);
  return ensureContent(acs, log, { folder: trustFolder(trustPath, kind), name, text, nodeType: 'cm:content', mimeType: MIME[kind] });
}

async function children(acs: Acs, folderId: string): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (let skipCount = 0; ; ) {
    const page = await acs.nodes.listNodeChildren(folderId, { skipCount, maxItems: 100 });
    const entries = page.list?.entries ?? [];
    out.push(...entries.map((e) => ({ id: e.entry.id, name: e.entry.name })));
    if (!page.list?.pagination?.hasMoreItems || !entries.length) return out;
    skipCount += entries.length;
  }
}

/** Doctor: config/trust on its own, then the repository's copy file by file, and anything it has that config/ lacks. */
export async function trustChecks(acs: Acs, config: TrustConfig, trustPath: string, now = new Date()): Promise<Check[]> {
  const checks = await trustConfigChecks(config, now);
  const add = (state: Check['state'], what: string) => checks.push({ state, what });
  for (const kind of TRUST_KINDS) {
    const folder = trustFolder(trustPath, kind);
    const node = await nodeAt(acs, folder);
    if (!node) {
      add('missing', `folder ${folder}`);
      continue;
    }
    const present = await children(acs, node.entry.id);
    for (const file of config[kind]) {
      const child = present.find((c) => c.name === file.name);
      if (!child) {
        add('missing', `${folder}/${file.name}`);
        continue;
      }
      try {
        const same = sameTrustText(await readText(acs, child.id), file.text);
        add(same ? 'ok' : 'outdated', `${folder}/${file.name}${same ? '' : ' differs from config/trust (run install)'}`);
      } catch (e) {
        add('warning', `${folder}/${file.name}: cannot read content (${describeError(e)})`);
      }
    }
    for (const child of present.filter((c) => !config[kind].some((f) => f.name === c.name))) {
      if (child.name.startsWith(DEMO_TRUST_PREFIX))
        add('warning', `${folder}/${child.name} is seed-demo's demo CA: never on a production repository`);
      else add('outdated', `${folder}/${child.name} is not in config/trust/${kind} (run install to remove it)`);
    }
  }
  return checks;
}

/** Same certificates or CRLs, whatever the line breaks: compared as DER. */
function sameTrustText(stored: string, configured: string): boolean {
  if (stored === configured) return true;
  const der = (text: string) =>
    [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/g)].map((m) => m[2].replace(/\s+/g, ''));
  const a = der(stored);
  const b = der(configured);
  return a.length > 0 && a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The trust a verifier reads, from the repository (for `npx eoffice verify` and the tests). */
export async function readTrust(
  acs: Acs,
  trustPath: string
): Promise<{ roots: pkijs.Certificate[]; intermediates: pkijs.Certificate[]; crls: pkijs.CertificateRevocationList[] }> {
  const texts = async (kind: TrustKind) => {
    const node = await nodeAt(acs, trustFolder(trustPath, kind));
    if (!node) return [];
    return Promise.all((await children(acs, node.entry.id)).map((c) => readText(acs, c.id)));
  };
  return {
    roots: (await texts('roots')).flatMap((t) => readCertificates(t)),
    intermediates: (await texts('intermediates')).flatMap((t) => readCertificates(t)),
    crls: (await texts('crls')).flatMap((t) => readCrls(t))
  };
}
