// A PKCS#11 token as a signer: the drivers of Indian DSC tokens (ePass, ProxKey, Watchdata, SafeNet...) are
// PKCS#11 libraries, and so is SoftHSM2, which the tests use. The private key never leaves the token: the
// token signs the DER of the signed attributes (CKM_SHA256_RSA_PKCS, or CKM_ECDSA over their SHA-256), and
// the certificate and any CA certificates stored on the token make the chain (plus an optional file).
import * as pkcs11js from 'pkcs11js';
import * as pkijs from 'pkijs';
import {
  Signer,
  curveSize,
  ecdsaRawToDer,
  keyKind,
  orderChain,
  parseCertificate,
  sha256,
  signerFromKey
} from '@eoffice/domain/src/signing';

export interface Pkcs11Options {
  /** The token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so or the DSC vendor's driver. */
  library: string;
  /** The token's label (as set when it was initialised); or the slot's index in the list of present tokens. */
  token?: string;
  slot?: number;
  pin: string;
  /** Which key when the token holds several: its CKA_LABEL or its CKA_ID in hex. */
  key?: string;
  /** More CA certificates for the chain, when the token holds only the officer's. */
  chain?: pkijs.Certificate[];
}

export class Pkcs11SignerError extends Error {}

/** Logs into the token and finds the key with a certificate; the session stays open until close(). */
export async function openPkcs11(options: Pkcs11Options): Promise<Signer> {
  const p11 = acquire(options.library);
  let session: Buffer | undefined;
  const finish = () => {
    try {
      if (session) p11.C_CloseSession(session);
    } finally {
      release(options.library);
    }
  };
  try {
    const slot = findSlot(p11, options);
    session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      p11.C_Login(session, pkcs11js.CKU_USER, options.pin);
    } catch (e) {
      const message = (e as Error).message;
      // Login is per token and process: a second signer would ride on the first one's PIN.
      if (/CKR_USER_ALREADY_LOGGED_IN/.test(message)) throw new Pkcs11SignerError('The token is already open in this program');
      throw new Pkcs11SignerError(`The token refused the PIN: ${message}`);
    }
    const open = session;
    const certificates = find(p11, open, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]).map((handle) => ({
      id: attribute(p11, open, handle, pkcs11js.CKA_ID),
      cert: parseCertificate(attribute(p11, open, handle, pkcs11js.CKA_VALUE))
    }));
    const keys = find(p11, open, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }])
      .map((handle) => ({
        handle,
        id: attribute(p11, open, handle, pkcs11js.CKA_ID),
        label: attribute(p11, open, handle, pkcs11js.CKA_LABEL).toString('utf8')
      }))
      .filter((k) => !options.key || k.label === options.key || k.id.toString('hex') === options.key.toLowerCase())
      .map((k) => ({ ...k, cert: certificates.find((c) => c.id.length && c.id.equals(k.id))?.cert }))
      .filter((k): k is typeof k & { cert: pkijs.Certificate } => !!k.cert);
    if (keys.length !== 1)
      throw new Pkcs11SignerError(
        keys.length
          ? `The token holds ${keys.length} keys with certificates (${keys.map((k) => k.label || k.id.toString('hex')).join(', ')}); choose one with --key`
          : 'The token holds no private key with a certificate of the same CKA_ID'
      );
    const [key] = keys;
    const ec = keyKind(key.cert) === 'EC';
    const sign = async (toBeSigned: Uint8Array): Promise<Uint8Array> => {
      // Init and sign with nothing awaited between them: the session holds one operation at a time.
      if (ec) {
        const digest = Buffer.from(await sha256(toBeSigned));
        p11.C_SignInit(open, { mechanism: pkcs11js.CKM_ECDSA }, key.handle);
        return ecdsaRawToDer(new Uint8Array(p11.C_Sign(open, digest, Buffer.alloc(2 * curveSize(key.cert)))));
      }
      p11.C_SignInit(open, { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key.handle);
      return new Uint8Array(p11.C_Sign(open, Buffer.from(toBeSigned), Buffer.alloc(1024)));
    };
    const others = [...certificates.map((c) => c.cert).filter((c) => c !== key.cert), ...(options.chain ?? [])];
    let closed = false;
    return signerFromKey(orderChain(key.cert, [key.cert, ...others]), sign, async () => {
      if (closed) return;
      closed = true;
      try {
        p11.C_Logout(open);
      } finally {
        finish();
      }
    });
  } catch (e) {
    finish();
    throw e;
  }
}

/**
 * A PKCS#11 library is initialised once per process (a second C_Initialize fails with
 * CKR_CRYPTOKI_ALREADY_INITIALIZED), so signers of the same library share it and the last one finalises it.
 */
const loaded = new Map<string, { p11: pkcs11js.PKCS11; users: number }>();

function acquire(library: string): pkcs11js.PKCS11 {
  const known = loaded.get(library);
  if (known) {
    known.users++;
    return known.p11;
  }
  const p11 = new pkcs11js.PKCS11();
  try {
    p11.load(library);
  } catch (e) {
    throw new Pkcs11SignerError(`Cannot load the PKCS#11 library ${library}: ${(e as Error).message}`);
  }
  try {
    p11.C_Initialize();
  } catch (e) {
    p11.close();
    throw new Pkcs11SignerError(`The PKCS#11 library ${library} did not start (is the token's software set up?): ${(e as Error).message}`);
  }
  loaded.set(library, { p11, users: 1 });
  return p11;
}

function release(library: string): void {
  const known = loaded.get(library);
  if (!known || --known.users > 0) return;
  loaded.delete(library);
  try {
    known.p11.C_Finalize();
  } finally {
    known.p11.close();
  }
}

function findSlot(p11: pkcs11js.PKCS11, options: Pkcs11Options): Buffer {
  // Only initialised tokens: SoftHSM2, for one, always offers an empty slot beside them.
  const slots = p11.C_GetSlotList(true).filter((slot) => p11.C_GetTokenInfo(slot).flags & pkcs11js.CKF_TOKEN_INITIALIZED);
  const labels = slots.map((slot) => p11.C_GetTokenInfo(slot).label.trim());
  if (options.token !== undefined) {
    const i = labels.indexOf(options.token);
    if (i < 0)
      throw new Pkcs11SignerError(`No token labelled "${options.token}" (present: ${labels.map((l) => `"${l}"`).join(', ') || 'none'})`);
    return slots[i];
  }
  const index = options.slot ?? 0;
  if (!slots[index]) throw new Pkcs11SignerError(slots.length ? `No token in slot ${index}` : 'No token is present');
  if (options.slot === undefined && slots.length > 1)
    throw new Pkcs11SignerError(`${slots.length} tokens are present (${labels.map((l) => `"${l}"`).join(', ')}); choose one with --token`);
  return slots[index];
}

function find(p11: pkcs11js.PKCS11, session: Buffer, template: pkcs11js.Template): Buffer[] {
  p11.C_FindObjectsInit(session, template);
  try {
    const found: Buffer[] = [];
    for (let batch = p11.C_FindObjects(session, 32); batch.length; batch = p11.C_FindObjects(session, 32)) found.push(...batch);
    return found;
  } finally {
    p11.C_FindObjectsFinal(session);
  }
}

function attribute(p11: pkcs11js.PKCS11, session: Buffer, handle: Buffer, type: number): Buffer {
  const [value] = p11.C_GetAttributeValue(session, handle, [{ type }]);
  return Buffer.isBuffer(value?.value) ? value.value : Buffer.alloc(0);
}
