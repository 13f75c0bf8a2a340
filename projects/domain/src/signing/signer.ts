// One interface for every way an officer's key signs (issue 18, docs/signatures.md): a PKCS#11 token
// (pkcs11-signer.ts, the local signer bridge), a PKCS#12 certificate file (pkcs12-signer.ts) and, later, an
// eSign (ESP) signer. Each produces the same detached CAdES-BES signature (cms.ts) over the bytes given.
import type * as pkijs from 'pkijs';
import { createDetachedSignature } from './cms';

export interface Signer {
  /** The signing certificate first, then the chain the signer holds (intermediates, possibly the root). */
  certificates(): Promise<pkijs.Certificate[]>;
  /**
   * A detached CMS SignedData (DER) over `bytes` with the certificates and the signing time; with
   * `pades`, the PAdES form of it (no signing-time attribute: the PDF carries the time), for pades.ts.
   */
  sign(bytes: Uint8Array, options?: SignOptions): Promise<Uint8Array>;
  /** Releases the key (logs out of a token); a signer cannot sign after it. */
  close(): Promise<void>;
}

export interface SignOptions {
  pades?: boolean;
}

/** A Signer from a key that produces raw SHA-256 signatures over the signed attributes (cms.ts RawSign). */
export function signerFromKey(
  chain: pkijs.Certificate[],
  sign: (toBeSigned: Uint8Array) => Promise<Uint8Array>,
  close = async (): Promise<void> => undefined
): Signer {
  return {
    certificates: async () => chain,
    sign: (content, options) => createDetachedSignature({ content, chain, sign, pades: options?.pades }),
    close
  };
}
