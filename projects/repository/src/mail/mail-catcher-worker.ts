import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { officeDateTime } from '@eoffice/domain';
import type { CaughtMail, MailCatcherOptions } from './mail-catcher';

/**
 * The mail catcher's servers, in a worker thread of their own (mail-catcher.ts starts it): the repository
 * that sends to them may be in the same process and hold its event loop for a whole SMTP conversation (a
 * mail action sent at once, as ACS sends it), and they must still answer.
 */
class CatcherServers {
  readonly messages: CaughtMail[] = [];

  constructor(private readonly options: MailCatcherOptions) {}

  async start(): Promise<{ smtpPort: number; httpPort?: number }> {
    if (this.options.dir) fs.mkdirSync(this.options.dir, { recursive: true });
    const smtp = new SMTPServer({
      // Loopback only, no relaying: any sender, no login, no TLS (the repository's settings decide those
      // against a real server; here they would only stand in the way).
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      banner: 'eOffice mail catcher',
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.keep(Buffer.concat(chunks), session.envelope).then(
            () => callback(),
            (e: Error) => callback(e)
          );
        });
      }
    });
    smtp.listen(this.options.smtpPort ?? 0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    let httpPort: number | undefined;
    if (this.options.httpPort !== undefined) {
      const page = http.createServer((req, res) => this.serve(req, res));
      page.listen(this.options.httpPort, '127.0.0.1');
      await once(page, 'listening');
      httpPort = (page.address() as AddressInfo).port;
    }
    return { smtpPort, httpPort };
  }

  private async keep(raw: Buffer, envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }): Promise<void> {
    const parsed = await simpleParser(raw);
    const addresses = (v: typeof parsed.to) => (v ? (Array.isArray(v) ? v : [v]).flatMap((a) => a.value.map((x) => x.address ?? '')) : []);
    const mail: CaughtMail = {
      id: this.messages.length + 1,
      receivedAt: new Date().toISOString(),
      envelope: { from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((r) => r.address) },
      from: parsed.from?.value.map((x) => x.address ?? '').join(', ') ?? '',
      to: addresses(parsed.to),
      cc: addresses(parsed.cc),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: parsed.html || undefined,
      raw: raw.toString('utf8')
    };
    this.messages.push(mail);
    if (this.options.dir) fs.writeFileSync(path.join(this.options.dir, `${mail.id}.eml`), raw);
    parentPort!.postMessage({ mail });
  }

  /** GET / lists the messages, newest first; GET /<id> shows one; GET /messages.json gives them all. */
  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET') {
      res.writeHead(405, { Allow: 'GET' }).end();
      return;
    }
    if (url.pathname === '/messages.json') {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(this.messages.map(({ raw: _raw, ...m }) => m)));
      return;
    }
    const id = /^\/(\d+)$/.exec(url.pathname)?.[1];
    if (id !== undefined) {
      const m = this.messages.find((x) => x.id === Number(id));
      if (!m) {
        res
          .writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(page('Not found · नहीं मिला', '<p>No such message · ऐसा कोई संदेश नहीं</p>'));
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'"
      });
      res.end(
        page(
          m.subject,
          `<p><a href="/">← All mail · सभी मेल</a></p><h1>${esc(m.subject)}</h1>
<dl><dt>From · प्रेषक</dt><dd>${esc(m.from)}</dd><dt>To · प्राप्तकर्ता</dt><dd>${esc(m.to.join(', '))}</dd>${
            m.cc.length ? `<dt>Cc · प्रतिलिपि</dt><dd>${esc(m.cc.join(', '))}</dd>` : ''
          }<dt>Received · प्राप्त</dt><dd>${esc(officeDateTime(m.receivedAt))}</dd></dl>
<pre>${esc(m.text)}</pre>${m.html ? `<iframe sandbox title="HTML" srcdoc="${esc(m.html)}"></iframe>` : ''}`
        )
      );
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const rows = [...this.messages]
      .reverse()
      .map(
        (m) =>
          `<tr><td>${m.id}</td><td>${esc(officeDateTime(m.receivedAt))}</td><td>${esc(m.to.join(', '))}</td><td><a href="/${m.id}">${esc(m.subject || '—')}</a></td></tr>`
      )
      .join('');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Mail catcher · मेल संग्राहक',
        `<h1>Mail received · प्राप्त मेल (${this.messages.length})</h1>
<p>Every message the repository sent on this machine; nothing leaves it. · इस मशीन पर रिपॉज़िटरी द्वारा भेजे गए सभी संदेश; कोई भी बाहर नहीं जाता।</p>
<table><thead><tr><th>#</th><th>Received · प्राप्त</th><th>To · प्राप्तकर्ता</th><th>Subject · विषय</th></tr></thead><tbody>${rows}</tbody></table>`
      )
    );
  }
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>body{font-family:"Noto Sans","Noto Sans Devanagari",sans-serif;margin:1rem;max-width:60rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:30rem;border:1px solid #ddd}dt{font-weight:600}</style>
</head><body>${body}</body></html>`;
}

const servers = new CatcherServers(workerData as MailCatcherOptions);
servers.start().then(
  (ports) => parentPort!.postMessage({ ports }),
  (e: Error) => parentPort!.postMessage({ error: e.message })
);
