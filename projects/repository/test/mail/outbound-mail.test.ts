/**
 * Outbound mail as ACS sends it (OutboundSMTP settings, MailActionExecuter's recipients), through a real
 * SMTP conversation with the loopback mail catcher, and the catcher's page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MailCatcher } from '../../src/mail/mail-catcher';
import { OutboundSmtp, SMTP_DEFAULTS, parseProperties, smtpSettingsFromProperties } from '../../src/mail/outbound-smtp';
import { MailActionError, prepareMail, type MailDirectory } from '../../src/mail/mail-action';

const people: Record<string, { email: string | null; enabled: boolean }> = {
  'priya.nair': { email: 'priya.nair@gad.example.in', enabled: true },
  'ravi.kumar': { email: 'ravi.kumar@gad.example.in', enabled: true },
  'left.service': { email: 'left@gad.example.in', enabled: false },
  'no.mail': { email: null, enabled: true },
  admin: { email: 'admin@alfresco.com', enabled: true }
};
const groups: Record<string, string[]> = {
  GROUP_EO_GAD_SO_EST: ['priya.nair', 'left.service', 'no.mail'],
  GROUP_EO_GAD_US_ADMIN: ['ravi.kumar'],
  GROUP_EMPTY_POST: ['no.mail']
};
const directory: MailDirectory = {
  person: (u) => people[u],
  usersIn: (g) => groups[g] ?? [],
  allUsers: () => Object.keys(people)
};

describe('outbound mail settings (ACS OutboundSMTP property names)', () => {
  it('reads alfresco-global.properties lines, with the subsystem defaults for what is not set', () => {
    const s = smtpSettingsFromProperties(
      parseProperties(
        '# department mail\nmail.host=smtp.gad.example.in\nmail.port = 587\nmail.smtp.auth=true\nmail.username=eoffice\nmail.password=s3cret\nmail.smtp.starttls.enable=true\nmail.from.default=eoffice@gad.example.in\n'
      )
    );
    assert.equal(s.host, 'smtp.gad.example.in');
    assert.equal(s.port, 587);
    assert.equal(s.auth, true);
    assert.equal(s.starttls, true);
    assert.equal(s.username, 'eoffice');
    assert.equal(s.fromDefault, 'eoffice@gad.example.in');
    assert.equal(s.protocol, 'smtp');
    assert.equal(s.timeoutMs, 30_000);
    assert.deepEqual(smtpSettingsFromProperties({}), { ...SMTP_DEFAULTS, host: undefined, username: undefined, password: undefined });
  });

  it('refuses a port that is not one, naming the property', () => {
    assert.throws(() => smtpSettingsFromProperties({ 'mail.port': 'twenty-five' }), /mail\.port/);
  });
});

describe('the mail action prepares one message as ACS does without a template', () => {
  const settings = { ...SMTP_DEFAULTS, host: '127.0.0.1', fromDefault: 'eoffice@gad.example.in' };

  it('to_many: users by their address, groups by every enabled member with one, addresses as given; duplicates once', () => {
    const m = prepareMail(
      { to_many: ['GROUP_EO_GAD_SO_EST', 'ravi.kumar', 'priya.nair', 'outsider@nic.in', 'no.such.user'], subject: 'S', text: 'T' },
      directory,
      settings,
      'admin'
    )!;
    assert.deepEqual(m.to, ['priya.nair@gad.example.in', 'ravi.kumar@gad.example.in', 'outsider@nic.in']);
  });

  it('skips the message (no error) when nobody can be mailed, as prepareEmail does', () => {
    assert.equal(prepareMail({ to_many: ['GROUP_EMPTY_POST', 'left.service'], subject: 'S' }, directory, settings, 'admin'), undefined);
    assert.equal(prepareMail({ subject: 'S' }, directory, settings, 'admin'), undefined);
  });

  it('a text parameter of another type skips the message, as the cast inside prepareEmail does', () => {
    assert.equal(prepareMail({ to: 'a@nic.in', subject: 42 }, directory, settings, 'admin'), undefined);
    assert.equal(prepareMail({ to: ['a@nic.in'], subject: 'S' }, directory, settings, 'admin'), undefined);
    assert.ok(prepareMail({ to: 'a@nic.in', subject: 'S' }, directory, settings, 'admin'));
  });

  it('`to` sends to that address alone, with cc and bcc', () => {
    const m = prepareMail(
      { to: 'a@nic.in', cc: ['b@nic.in'], bcc: 'c@nic.in', to_many: ['ravi.kumar'], subject: 'S' },
      directory,
      settings,
      'admin'
    )!;
    assert.deepEqual([m.to, m.cc, m.bcc], [['a@nic.in'], ['b@nic.in'], ['c@nic.in']]);
  });

  it('the sender: `from` when enabled, else the running user’s address, else mail.from.default', () => {
    assert.equal(prepareMail({ to: 'a@nic.in', from: 'x@nic.in' }, directory, settings, 'admin')!.from, 'x@nic.in');
    assert.equal(prepareMail({ to: 'a@nic.in' }, directory, settings, 'admin')!.from, 'admin@alfresco.com');
    assert.equal(prepareMail({ to: 'a@nic.in' }, directory, settings, 'System')!.from, 'eoffice@gad.example.in');
    assert.equal(
      prepareMail({ to: 'a@nic.in', from: 'x@nic.in' }, directory, { ...settings, fromEnabled: false }, 'admin')!.from,
      'eoffice@gad.example.in'
    );
  });

  it('text that starts as an HTML document goes as HTML; a template is refused rather than sent empty', () => {
    const m = prepareMail({ to: 'a@nic.in', text: '<html><body>Hi</body></html>' }, directory, settings, 'admin')!;
    assert.equal(m.text, undefined);
    assert.match(m.html!, /Hi/);
    assert.throws(
      () => prepareMail({ to: 'a@nic.in', template: 'workspace://SpacesStore/x' }, directory, settings, 'admin'),
      MailActionError
    );
  });
});

describe('sending over SMTP to the loopback mail catcher', () => {
  let catcher: MailCatcher;
  before(async () => (catcher = await new MailCatcher({ httpPort: 0 }).start()));
  after(() => catcher.stop());

  it('delivers a Hindi subject and body intact, and the page lists and shows it', async () => {
    const smtp = new OutboundSmtp({ ...SMTP_DEFAULTS, host: '127.0.0.1', port: catcher.smtpPort });
    try {
      await smtp.send({
        from: 'eoffice@gad.example.in',
        to: ['priya.nair@gad.example.in'],
        bcc: ['audit@gad.example.in'],
        subject: 'नई फ़ाइल: GAD/EST/2026/14',
        text: 'फ़ाइल GAD/EST/2026/14 आपको भेजी गई है।\nFile sent to you.'
      });
    } finally {
      smtp.close();
    }
    const m = await catcher.waitFor((x) => x.subject.includes('GAD/EST/2026/14'));
    assert.equal(m.subject, 'नई फ़ाइल: GAD/EST/2026/14');
    assert.match(m.text, /आपको भेजी गई है/);
    assert.deepEqual(m.to, ['priya.nair@gad.example.in']);
    // Bcc reaches the envelope, never the headers.
    assert.deepEqual(m.envelope.to.sort(), ['audit@gad.example.in', 'priya.nair@gad.example.in']);
    assert.doesNotMatch(m.raw, /audit@gad/);
    const list = await (await fetch(`http://127.0.0.1:${catcher.httpPort}/`)).text();
    assert.match(list, /नई फ़ाइल: GAD\/EST\/2026\/14/);
    const one = await fetch(`http://127.0.0.1:${catcher.httpPort}/${m.id}`);
    assert.equal(one.status, 200);
    assert.match(await one.text(), /आपको भेजी गई है/);
    assert.equal((await fetch(`http://127.0.0.1:${catcher.httpPort}/999`)).status, 404);
  });

  it('escapes what a message carries on its page (a subject is not markup)', async () => {
    const smtp = new OutboundSmtp({ ...SMTP_DEFAULTS, host: '127.0.0.1', port: catcher.smtpPort });
    await smtp.send({ from: 'a@nic.in', to: ['b@nic.in'], subject: '<script>alert(1)</script>', text: 'x' }).finally(() => smtp.close());
    await catcher.waitFor((x) => x.subject.startsWith('<script>'));
    const list = await (await fetch(`http://127.0.0.1:${catcher.httpPort}/`)).text();
    assert.doesNotMatch(list, /<script>alert/);
    assert.match(list, /&lt;script&gt;alert/);
  });

  it('fails the send when no server is configured or the server is not there', async () => {
    await assert.rejects(new OutboundSmtp({ ...SMTP_DEFAULTS }).send({ from: 'a@nic.in', to: ['b@nic.in'], subject: 'x' }), /mail\.host/);
    const closed = new MailCatcher();
    await closed.start();
    const port = closed.smtpPort;
    await closed.stop();
    const smtp = new OutboundSmtp({ ...SMTP_DEFAULTS, host: '127.0.0.1', port, timeoutMs: 2000 });
    await assert.rejects(smtp.send({ from: 'a@nic.in', to: ['b@nic.in'], subject: 'x' }));
    smtp.close();
  });

  it('dev.email.not.sent prepares and keeps messages without sending', async () => {
    const smtp = new OutboundSmtp(smtpSettingsFromProperties({ 'dev.email.not.sent': 'true' }));
    await smtp.send({ from: 'a@nic.in', to: ['b@nic.in'], subject: 'kept' });
    assert.deepEqual(
      smtp.notSent.map((m) => m.subject),
      ['kept']
    );
  });
});
