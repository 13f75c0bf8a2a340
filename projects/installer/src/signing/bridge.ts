// The local signer bridge (`npx eoffice signer`, docs/signatures.md): a small HTTP service on the officer's
// own computer through which the Content App asks his token to sign a note, a draft's approval or an issued
// letter, since a web page cannot reach a token. It trusts no caller: it listens on loopback only, answers
// only the configured Content App origin(s) and only under a loopback Host name (a page of another site, or
// one reached by DNS rebinding, gets nothing), signs only what it can read back and show (a canonical note or
// approval of @eoffice/domain, or a letter as pades.ts prepares it for signing: readLetterToSign; never
// arbitrary bytes), one at a time, and each only after the officer has confirmed what it is.
import http from 'node:http';
import net from 'node:net';
import { ApprovalToSign, CanonicalNote, readCanonicalApproval, readCanonicalNote } from '@eoffice/domain';
import {
  CertificateSummary,
  LetterToSign,
  Signer,
  base64ToBytes,
  bytesToBase64,
  certificateDer,
  readLetterToSign,
  summarise
} from '@eoffice/domain/src/signing';

/** The protocol's version, in every answer (GET /certificate) so a page can tell what it talks to. */
export const BRIDGE_PROTOCOL = 1;
export const DEFAULT_BRIDGE_PORT = 47110;
const MAX_BODY = 2 * 1024 * 1024;

/** What the officer is asked to confirm before the token signs: exactly one of a note, an approval, a letter. */
export interface SignatureRequest {
  kind: 'note' | 'approval' | 'letter';
  note?: CanonicalNote;
  /** A draft's version an approver approves (its content's first line in firstLine). */
  approval?: ApprovalToSign & { firstLine: string };
  /** An issued letter (PAdES): its issue number in the reason, its title. */
  letter?: LetterToSign;
  signer: CertificateSummary;
  /** The page that asks (one of the allowed origins). */
  origin: string;
}

/** Asks the officer; true signs. The signal aborts the question when the bridge stops waiting. */
export type Confirmer = (request: SignatureRequest, signal: AbortSignal) => Promise<boolean>;

export interface BridgeOptions {
  signer: Signer;
  /** The Content App's origin(s), e.g. https://eoffice.example.gov.in; no other page is answered. */
  allowedOrigins: string[];
  confirm: Confirmer;
  host?: string;
  port?: number;
  /** How long the officer has to answer before the request counts as declined (default 2 minutes). */
  confirmTimeoutMs?: number;
}

export interface RunningBridge {
  url: string;
  port: number;
  close(): Promise<void>;
}

export class BridgeError extends Error {}

/** 127.0.0.0/8, ::1 and the name localhost: the addresses only this computer reaches. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}

/** An origin as browsers send it: scheme, host and port only. */
function normaliseOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new BridgeError(`Not an origin: ${origin}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.origin !== origin.replace(/\/$/, ''))
    throw new BridgeError(`Not an origin (scheme://host[:port], nothing after): ${origin}`);
  return url.origin;
}

export async function startSignerBridge(options: BridgeOptions): Promise<RunningBridge> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host))
    throw new BridgeError(`The signer bridge listens on this computer only (a loopback address such as 127.0.0.1); refusing ${host}`);
  if (!options.allowedOrigins.length) throw new BridgeError('No allowed origin: name the Content App with --origin');
  const origins = new Set(options.allowedOrigins.map(normaliseOrigin));
  const chain = await options.signer.certificates();
  const summary = summarise(chain[0]);
  let busy = false;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { error: { code: 'failed', message: (e as Error).message } }));
  });
  let port = 0;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own name as Host.
    const hostHeader = req.headers.host ?? '';
    const hostName = hostHeader.replace(/:\d+$/, '');
    if (!isLoopback(hostName) || hostHeader !== `${hostName}:${port}`)
      return send(res, 403, { error: { code: 'host-not-allowed', message: 'Reach the signer bridge by its loopback address' } });
    if (!origin || !origins.has(origin))
      return send(res, 403, { error: { code: 'origin-not-allowed', message: `Origin ${origin ?? '(none)'} may not use this signer` } });
    const cors = {
      'Access-Control-Allow-Origin': origin,
      Vary: 'Origin'
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
        // Chrome's Private Network Access: a public page may reach this loopback service only when it says so.
        ...(req.headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {})
      });
      res.end();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (path === '/certificate') {
      if (req.method !== 'GET') return send(res, 405, { error: { code: 'method', message: 'GET /certificate' } }, cors);
      return send(
        res,
        200,
        {
          protocol: BRIDGE_PROTOCOL,
          signer: summary,
          certificate: bytesToBase64(certificateDer(chain[0])),
          chain: chain.slice(1).map((c) => bytesToBase64(certificateDer(c)))
        },
        cors
      );
    }
    if (path !== '/sign') return send(res, 404, { error: { code: 'not-found', message: 'GET /certificate or POST /sign' } }, cors);
    if (req.method !== 'POST') return send(res, 405, { error: { code: 'method', message: 'POST /sign' } }, cors);
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, { error: { code: 'content-type', message: 'Send application/json' } }, cors);
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { error: { code: 'too-large', message: 'The request is too large' } }, cors);
    let bytes: Uint8Array;
    let asLetter: boolean;
    try {
      const parsed = JSON.parse(body) as { note?: unknown; letter?: unknown };
      // `note`: canonical bytes (a note or a draft's approval); `letter`: the bytes signPdf gives a signer.
      asLetter = parsed.letter !== undefined && parsed.note === undefined;
      const data = asLetter ? parsed.letter : parsed.note;
      if (typeof data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new Error();
      bytes = base64ToBytes(data);
    } catch {
      return send(
        res,
        400,
        {
          error: {
            code: 'bad-request',
            message: 'Expected {"note": "<canonical bytes in base64>"} or {"letter": "<letter bytes in base64>"}'
          }
        },
        cors
      );
    }
    let request: Omit<SignatureRequest, 'signer' | 'origin'>;
    if (asLetter) {
      const letter = readLetterToSign(bytes);
      if (!letter)
        return send(
          res,
          422,
          { error: { code: 'not-a-letter', message: 'Only an issued letter prepared for its signature is signed here' } },
          cors
        );
      request = { kind: 'letter', letter };
    } else {
      const note = readCanonicalNote(bytes);
      const approval = note ? undefined : readCanonicalApproval(bytes);
      if (!note && !approval)
        return send(
          res,
          422,
          { error: { code: 'not-a-note', message: 'Only a note or an approval in canonical form is signed here' } },
          cors
        );
      request = note ? { kind: 'note', note } : { kind: 'approval', approval };
    }
    if (busy) return send(res, 409, { error: { code: 'busy', message: 'The officer is answering another request' } }, cors);
    busy = true;
    try {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), options.confirmTimeoutMs ?? 120_000);
      let confirmed = false;
      try {
        confirmed = await Promise.race([
          options.confirm({ ...request, signer: summary, origin }, abort.signal),
          new Promise<boolean>((resolve) => abort.signal.addEventListener('abort', () => resolve(false)))
        ]);
      } catch {
        confirmed = false;
      } finally {
        clearTimeout(timer);
        abort.abort();
      }
      if (confirmed !== true)
        return send(res, 403, { error: { code: 'declined', message: 'The officer did not confirm the signature' } }, cors);
      // A letter gets the PAdES form (no signing-time attribute: the PDF's /M carries the time), as signPdf asks.
      const signature = await options.signer.sign(bytes, asLetter ? { pades: true } : undefined);
      return send(res, 200, { protocol: BRIDGE_PROTOCOL, signature: bytesToBase64(signature), signer: summary }, cors);
    } finally {
      busy = false;
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_BRIDGE_PORT, host, () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  if (!isLoopback(address.address)) {
    server.close();
    throw new BridgeError(`Bound to ${address.address}, which is not loopback`);
  }
  port = address.port;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
