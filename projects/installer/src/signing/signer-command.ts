// `npx eoffice signer`: the local signer bridge (bridge.ts) on the officer's computer, signing with his
// PKCS#11 token. The PIN is asked once in the terminal (or read from EOFFICE_TOKEN_PIN); each signature is
// confirmed in the terminal after it shows what is signed.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { Confirmer, DEFAULT_BRIDGE_PORT, isLoopback, startSignerBridge } from './bridge';
import { openPkcs11 } from './pkcs11-signer';
import { readCertificates, summarise } from '@eoffice/domain/src/signing';

export const SIGNER_USAGE = `Usage: eoffice signer --library <pkcs11.so> [options]

Runs the local signer bridge: the Content App asks it to sign notes, approvals and letters with the officer's DSC token; the
officer confirms each signature here. Listens on this computer only.

Options:
  --library <file>     the token's PKCS#11 library                       (env EOFFICE_PKCS11_LIBRARY)
  --token <label>      the token's label (default: the only token present)
  --slot <n>           or the index of the token among those present
  --key <label|id>     which key, when the token holds several (CKA_LABEL, or CKA_ID in hex)
  --chain <file>       CA certificates (PEM) to send with the signature, when the token lacks them
  --origin <url>       the Content App's origin; repeat for several     (env EOFFICE_SIGNER_ORIGIN, comma-separated;
                       default http://localhost:4200, the origin of npm start)
  --port <n>           default ${DEFAULT_BRIDGE_PORT}
  --host <address>     a loopback address (default 127.0.0.1); any other is refused
The PIN is asked here (or read from EOFFICE_TOKEN_PIN).`;

export async function signerCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      library: { type: 'string' },
      token: { type: 'string' },
      slot: { type: 'string' },
      key: { type: 'string' },
      chain: { type: 'string' },
      origin: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  if (values.help) {
    out(SIGNER_USAGE);
    return 0;
  }
  const library = values.library ?? process.env['EOFFICE_PKCS11_LIBRARY'];
  if (!library) {
    out(SIGNER_USAGE);
    return 2;
  }
  const origins = values.origin ?? (process.env['EOFFICE_SIGNER_ORIGIN'] ?? 'http://localhost:4200').split(',').map((o) => o.trim());
  // Refused before the PIN is asked: the bridge listens on loopback only.
  if (values.host !== undefined && !isLoopback(values.host)) {
    out(`The signer bridge listens on this computer only (a loopback address such as 127.0.0.1); refusing --host ${values.host}`);
    return 2;
  }
  const pin = process.env['EOFFICE_TOKEN_PIN'] ?? (await askHidden('Token PIN: '));
  const signer = await openPkcs11({
    library: path.resolve(library),
    token: values.token,
    slot: values.slot === undefined ? undefined : Number(values.slot),
    key: values.key,
    pin,
    chain: values.chain ? readCertificates(fs.readFileSync(values.chain, 'utf8')) : undefined
  });
  try {
    const bridge = await startSignerBridge({
      signer,
      allowedOrigins: origins,
      confirm: terminalConfirmer(out),
      host: values.host,
      port: values.port === undefined ? undefined : Number(values.port)
    });
    const [cert] = await signer.certificates();
    const who = summarise(cert);
    out(`Signer bridge on ${bridge.url} for ${origins.join(', ')}`);
    out(`Signing as ${who.subject}, certificate of ${who.issuerName}, valid until ${who.notAfter}`);
    out('Each signature is confirmed here. Ctrl+C stops the bridge.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await bridge.close();
    return 0;
  } finally {
    await signer.close();
  }
}

/** Shows the note, approval or letter and asks y/N in the terminal; anything but yes declines. */
export function terminalConfirmer(
  out: (line: string) => void,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout
): Confirmer {
  return async ({ note, approval, letter, signer, origin }, signal) => {
    out('');
    if (note) {
      out(`Sign note ${note.noteNumber} of file ${note.fileNumber}?`);
      out(`  first line: ${note.firstLine || '(no words)'}`);
      out(`  post:       ${note.signerPost}`);
    } else if (approval) {
      out(`Sign your approval of draft ${approval.draftNumber}, version ${approval.version}, of file ${approval.fileNumber}?`);
      out(`  first line: ${approval.firstLine || '(no words)'}`);
      out(`  post:       ${approval.signerPost}`);
    } else if (letter) {
      out(`Sign the letter to be issued${letter.title ? ` ${letter.title}` : ''}?`);
      out(`  reason:     ${letter.reason}`);
      out(`  size:       ${letter.length} bytes`);
    } else return false;
    out(`  as:         ${signer.name} (certificate of ${signer.issuerName})`);
    out(`  asked by:   ${origin}`);
    const rl = readline.createInterface({ input, output });
    try {
      const answer = await new Promise<string>((resolve) => {
        rl.question('Sign? [y/N] ', { signal }, resolve);
        signal.addEventListener('abort', () => resolve(''));
      });
      const yes = /^y(es)?$/i.test(answer.trim());
      out(yes ? 'Signed.' : 'Not signed.');
      return yes;
    } finally {
      rl.close();
    }
  };
}

/** Reads a line without echoing it (the terminal's raw mode); a plain line when input is not a terminal. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(prompt);
  if (!input.isTTY) {
    const rl = readline.createInterface({ input });
    return new Promise((resolve) => {
      rl.once('line', (line) => (rl.close(), resolve(line)));
      rl.once('close', () => resolve(''));
    });
  }
  return new Promise((resolve, reject) => {
    let value = '';
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stdout.write('\n');
          return resolve(value);
        }
        if (ch === '\u0003') {
          input.setRawMode(false);
          input.off('data', onData);
          return reject(new Error('Cancelled'));
        }
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}
