// The client of the local signer bridge (`npx eoffice signer`, docs/signatures.md "Protocol (version 1)"):
// a web page cannot reach a USB token, so the service on the officer's own computer signs the canonical note
// or approval, or the letter, after he confirms it there. The browser adds the page's Origin itself; the bridge answers only the
// origins it was started for.
import { base64ToBytes, bytesToBase64, parseCertificate, summarise, type CertificateSummary } from './x509';
import type { Signer } from './signer';

export const SIGNER_BRIDGE_URL = 'http://127.0.0.1:47110';
const PROTOCOL = 1;

/** A refusal of the bridge (its error code: declined, busy, origin-not-allowed …) or no bridge at all ('unreachable'). */
export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

async function call<T>(fetchFn: typeof fetch, url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (e) {
    throw new BridgeError('unreachable', (e as Error).message || 'no answer');
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { code?: string; message?: string } }) | null;
  if (!response.ok || !body)
    throw new BridgeError(body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
  if ((body as { protocol?: number }).protocol !== PROTOCOL)
    throw new BridgeError('protocol', 'The signer speaks another protocol version');
  return body;
}

/** Connects to the bridge: its certificate, and a Signer whose every signature the officer confirms there. */
export async function openBridgeSigner(
  base = SIGNER_BRIDGE_URL,
  fetchFn: typeof fetch = (...a) => fetch(...a)
): Promise<{ signer: Signer; certificate: CertificateSummary }> {
  const answer = await call<{ certificate: string; chain?: string[] }>(fetchFn, `${base}/certificate`);
  const chain = [answer.certificate, ...(answer.chain ?? [])].map((der) => parseCertificate(base64ToBytes(der)));
  const signer: Signer = {
    certificates: async () => chain,
    // A letter (signPdf asks with pades) goes as `letter`: the bridge reads it back (readLetterToSign), shows
    // its issue number and has the token sign it; notes and approvals go as `note`, their canonical bytes.
    sign: async (bytes, options) => {
      const signed = await call<{ signature: string }>(fetchFn, `${base}/sign`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options?.pades ? { letter: bytesToBase64(bytes) } : { note: bytesToBase64(bytes) })
      });
      return base64ToBytes(signed.signature);
    },
    close: async () => undefined
  };
  return { signer, certificate: summarise(chain[0]) };
}
