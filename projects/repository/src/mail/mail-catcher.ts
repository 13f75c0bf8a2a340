import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A mail server for the demo and the tests: a real SMTP server on loopback (smtp-server, the SMTP side of
 * Nodemailer) that accepts every message, keeps it, and shows it on a page, so the repository's outbound mail
 * is exercised over SMTP exactly as it would be against a department's server. It never relays anything.
 * The servers run in a worker thread (mail-catcher-worker.ts), so they answer even while the process they
 * live in is blocked sending to them; what they receive is posted here.
 */
export interface CaughtMail {
  /** 1, 2, 3 … in the order received. */
  id: number;
  receivedAt: string;
  /** The SMTP envelope: who the repository said it sends for and to whom (Bcc recipients included). */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html?: string;
  /** The message as received (RFC 5322). */
  raw: string;
}

export interface MailCatcherOptions {
  /** SMTP port on 127.0.0.1; 0 picks a free one. */
  smtpPort?: number;
  /** Port of the page on 127.0.0.1; 0 picks a free one; undefined serves no page. */
  httpPort?: number;
  /** When set, each message is also written there as <id>.eml. */
  dir?: string;
}

export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  private worker?: Worker;
  private waiters: (() => void)[] = [];
  smtpPort = 0;
  httpPort?: number;

  constructor(private readonly options: MailCatcherOptions = {}) {}

  async start(): Promise<this> {
    // The worker runs the TypeScript source as this module does: under tsx, registered in the worker (loader
    // hooks given with --import do not reach worker threads); compiled JavaScript loads as it is.
    const file = path.join(__dirname, `mail-catcher-worker${path.extname(__filename)}`);
    const tsx = file.endsWith('.ts') ? require.resolve('tsx/cjs/api') : undefined;
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       if (workerData.tsx) require(workerData.tsx).register();
       require(workerData.file);`,
      { eval: true, workerData: { ...this.options, file, tsx } }
    );
    this.worker = worker;
    const ports = await new Promise<{ smtpPort: number; httpPort?: number }>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (m: { ports?: { smtpPort: number; httpPort?: number }; error?: string; mail?: CaughtMail }) => {
        if (m.ports) resolve(m.ports);
        else if (m.error) reject(new Error(m.error));
        else if (m.mail) {
          this.messages.push(m.mail);
          for (const w of this.waiters.splice(0)) w();
        }
      });
    });
    // The catcher must not keep a process alive that has nothing else to do.
    worker.unref();
    this.smtpPort = ports.smtpPort;
    this.httpPort = ports.httpPort;
    return this;
  }

  /** Resolves with the first kept message that matches, waiting for it up to timeoutMs. */
  async waitFor(match: (m: CaughtMail) => boolean, timeoutMs = 10_000): Promise<CaughtMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No such mail within ${timeoutMs} ms; received: ${this.messages.map((m) => m.subject).join(' | ') || 'none'}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
