// A PKCS#12 certificate file (.p12/.pfx) as a signer: for offices without tokens and for the demo. The file
// is opened with its password for one signing session; the private key is imported into WebCrypto as not
// extractable and lives only as long as the signer. WebCrypto and pkijs only, so the extension can open the
// file in the browser with the same code (issue 18: the key never reaches the repository).
import * as pkijs from 'pkijs';
import { Signer, signerFromKey } from './signer';
import { curveSize, ecdsaDerToRaw, ecdsaRawToDer, keyKind, orderChain, toArrayBuffer, webCryptoAlgorithm } from './x509';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';

export class Pkcs12Error extends Error {}

/** Opens a PKCS#12 file: its one private key, the certificate of that key, and the other certificates as the chain. */
export async function openPkcs12(file: Uint8Array, password: string): Promise<Signer> {
  const secret = toArrayBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(file));
    await pfx.parseInternalValues({ password: secret, checkIntegrity: true });
  } catch (e) {
    throw new Pkcs12Error(`Cannot open the certificate file (wrong password or not a PKCS#12 file): ${(e as Error).message}`);
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Pkcs12Error('The certificate file holds nothing');
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) });

  const keys: pkijs.PrivateKeyInfo[] = [];
  const certs: pkijs.Certificate[] = [];
  for (const content of safe.parsedValue.safeContents as { value: pkijs.SafeContents }[]) {
    for (const bag of content.value.safeBags) {
      if (bag.bagId === SHROUDED_KEY_BAG) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Declared protected in pkijs's typings, but it is how pkijs's own PKCS#12 examples decrypt the key.
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({
          password: secret
        });
        if (shrouded.parsedValue) keys.push(shrouded.parsedValue);
      } else if (bag.bagId === KEY_BAG) keys.push(bag.bagValue as pkijs.PrivateKeyInfo);
      else if (bag.bagId === CERT_BAG) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === X509_CERTIFICATE && certBag.parsedValue instanceof pkijs.Certificate) certs.push(certBag.parsedValue);
      }
    }
  }
  if (keys.length !== 1) throw new Pkcs12Error(`The certificate file holds ${keys.length} private keys; one is needed`);
  const pkcs8 = new Uint8Array(keys[0].toSchema().toBER(false));

  // The key's certificate: the one whose public key the private key matches (tried by signing), the rest the chain.
  for (const cert of certs) {
    const algorithm = webCryptoAlgorithm(cert);
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), algorithm, false, ['sign']);
    } catch {
      continue;
    }
    const sign = async (data: Uint8Array) => {
      const raw = new Uint8Array(
        await crypto.subtle.sign(keyKind(cert) === 'RSA' ? algorithm : { name: 'ECDSA', hash: 'SHA-256' }, key, toArrayBuffer(data))
      );
      return keyKind(cert) === 'RSA' ? raw : ecdsaRawToDer(raw);
    };
    if (await matches(cert, sign)) return signerFromKey(orderChain(cert, certs), sign);
  }
  throw new Pkcs12Error('The certificate file has no certificate for its private key');
}

async function matches(cert: pkijs.Certificate, sign: (data: Uint8Array) => Promise<Uint8Array>): Promise<boolean> {
  const probe = new TextEncoder().encode('eoffice key check');
  const algorithm = webCryptoAlgorithm(cert);
  const publicKey = await crypto.subtle.importKey('spki', cert.subjectPublicKeyInfo.toSchema().toBER(false), algorithm, false, ['verify']);
  let signature = await sign(probe);
  if (keyKind(cert) === 'EC') signature = ecdsaDerToRaw(signature, curveSize(cert)) ?? new Uint8Array();
  const verifyAlgorithm = keyKind(cert) === 'RSA' ? algorithm : { name: 'ECDSA', hash: 'SHA-256' };
  return crypto.subtle.verify(verifyAlgorithm, publicKey, toArrayBuffer(signature), toArrayBuffer(probe));
}
