import { spawnSync } from 'node:child_process';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * The repository's outbound mail, configured as ACS's OutboundSMTP subsystem is: the same property names
 * (alfresco-global.properties `mail.*`, defaults from the subsystem's outboundSMTP.properties in
 * alfresco-community-repo, repository/src/main/resources/alfresco/subsystems/email/OutboundSMTP/), so that a
 * department points the local repository and its ACS at its mail server with the same lines.
 *
 * One difference, on purpose: ACS's default `mail.host` is smtp.example.com, where every send fails (and is
 * logged, or ignored with `ignore_send_failure`). Here an unset host means no mail server: sends fail the same
 * way, with the same message, without waiting for a DNS look-up of example.com.
 */
export interface OutboundSmtpSettings {
  /** mail.host; undefined: no mail server configured. */
  host?: string;
  /** mail.port (25). */
  port: number;
  /** mail.username / mail.password, used when mail.smtp.auth (or mail.smtps.auth) is true. */
  username?: string;
  password?: string;
  /** mail.protocol: smtp, or smtps (TLS from the first byte). */
  protocol: 'smtp' | 'smtps';
  /** mail.smtp.auth / mail.smtps.auth. */
  auth: boolean;
  /** mail.smtp.starttls.enable / mail.smtps.starttls.enable: STARTTLS required before sending. */
  starttls: boolean;
  /** mail.smtp.timeout, milliseconds (30000). */
  timeoutMs: number;
  /** mail.from.default: the sender when none is given or `from` is not enabled. */
  fromDefault: string;
  /** mail.from.enabled: whether the action's `from` (or the current user's e-mail) may be the sender. */
  fromEnabled: boolean;
  /** mail.encoding (UTF-8). */
  encoding: string;
  /** dev.email.not.sent: prepare every message but send none (ACS's test mode). */
  notSent: boolean;
}

/** Defaults of ACS's OutboundSMTP subsystem, less the example host (above). */
export const SMTP_DEFAULTS: OutboundSmtpSettings = {
  port: 25,
  protocol: 'smtp',
  auth: false,
  starttls: false,
  timeoutMs: 30_000,
  fromDefault: 'alfresco@demo.alfresco.org',
  fromEnabled: true,
  encoding: 'UTF-8',
  notSent: false
};

/** Reads the `mail.*` (and `dev.email.not.sent`) lines of an alfresco-global.properties text. */
export function smtpSettingsFromProperties(properties: Record<string, string | undefined>): OutboundSmtpSettings {
  const get = (key: string) => {
    const v = properties[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const bool = (key: string, fallback: boolean) => (get(key) === undefined ? fallback : get(key)!.toLowerCase() === 'true');
  const protocol = get('mail.protocol') === 'smtps' ? 'smtps' : 'smtp';
  const port = Number(get('mail.port') ?? SMTP_DEFAULTS.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`mail.port must be a port number, not ${get('mail.port')}`);
  const timeoutMs = Number(get(`mail.${protocol}.timeout`) ?? SMTP_DEFAULTS.timeoutMs);
  return {
    host: get('mail.host'),
    port,
    username: get('mail.username'),
    password: get('mail.password'),
    protocol,
    auth: bool(`mail.${protocol}.auth`, false),
    starttls: bool(`mail.${protocol}.starttls.enable`, false),
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : SMTP_DEFAULTS.timeoutMs,
    fromDefault: get('mail.from.default') ?? SMTP_DEFAULTS.fromDefault,
    fromEnabled: bool('mail.from.enabled', true),
    encoding: get('mail.encoding') ?? SMTP_DEFAULTS.encoding,
    notSent: bool('dev.email.not.sent', false)
  };
}

/** Parses a .properties text (key=value or key: value lines, # and ! comments); no line continuations. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:]?\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

export interface MailMessage {
  from: string;
  to: string[];
  cc?: string[];
  bcc?: string[];
  subject: string;
  text?: string;
  html?: string;
}

/** Sends prepared messages through the configured server; in test mode keeps them instead. */
export class OutboundSmtp {
  private transport?: Transporter;
  /** Messages prepared while `dev.email.not.sent` is true (ACS keeps the last one for its tests). */
  readonly notSent: MailMessage[] = [];

  constructor(readonly settings: OutboundSmtpSettings) {}

  async send(message: MailMessage): Promise<void> {
    if (this.keptInstead(message)) return;
    // Pooled connections (at most two, kept while the server keeps them): a notice mail per marking paid a new
    // connection and EHLO each time, a twentieth of a marking's CPU. The server sees the same messages.
    this.transport ??= nodemailer.createTransport({ ...transportOptions(this.settings), pool: true, maxConnections: 2 });
    await this.transport.sendMail(mailOptions(message));
  }

  /**
   * Sends before returning, as ACS's mail action does when it runs without send_after_commit: the caller's
   * transaction waits for the SMTP conversation (ACS holds its thread; here the event loop waits for a child
   * process that holds the conversation) and a failure is the caller's to handle.
   */
  sendNow(message: MailMessage): void {
    if (this.keptInstead(message)) return;
    const run = spawnSync(process.execPath, ['-e', SEND_ONE, require.resolve('nodemailer')], {
      input: JSON.stringify({ transport: transportOptions(this.settings), mail: mailOptions(message) }),
      timeout: this.settings.timeoutMs * 3 + 5000,
      encoding: 'utf8'
    });
    if (run.status !== 0) throw new Error(run.stderr?.trim() || run.error?.message || `the mail sender stopped (${run.signal})`);
  }

  private keptInstead(message: MailMessage): boolean {
    if (this.settings.notSent) this.notSent.push(message);
    else if (!this.settings.host) throw new Error('No outbound mail server is configured (mail.host)');
    return this.settings.notSent;
  }

  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}

function transportOptions(settings: OutboundSmtpSettings) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.protocol === 'smtps',
    requireTLS: settings.starttls,
    // Without STARTTLS required, a server's offer of it is not taken up either: ACS's JavaMail sends in the
    // clear unless mail.smtp.starttls.enable is true.
    ignoreTLS: !settings.starttls && settings.protocol === 'smtp',
    auth: settings.auth ? { user: settings.username ?? '', pass: settings.password ?? '' } : undefined,
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs
  };
}

function mailOptions(message: MailMessage) {
  const { from, to, cc, bcc, subject, text, html } = message;
  return { from, to, cc, bcc, subject, text, html, textEncoding: 'base64' as const };
}

/** The child process of sendNow: one message over one connection; the error's message on stderr. */
const SEND_ONE = `
const nodemailer = require(process.argv[1]);
const { transport, mail } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
nodemailer.createTransport(transport).sendMail(mail).then(
  () => process.exit(0),
  (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); }
);`;
