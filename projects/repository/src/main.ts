import { homedir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { startRepository } from './server';
import { MailCatcher } from './mail/mail-catcher';
import { parseProperties } from './mail/outbound-smtp';
import { fileRetentionClock } from './services/records/retention-clock-file';

/**
 * npm run repository -- --port 8080 --data <dir> [--models <dir>] [--workflows <dir>] [--max-upload-mb 100]
 *   [--properties <alfresco-global.properties>]   the `mail.*` lines configure outbound mail, as in ACS
 *   [--mail-catcher <port>]   a loopback SMTP server that keeps what it receives, its page on <port>; outbound
 *                             mail goes there (the demo and the tests; a department gives --properties)
 *   [--paired-properties <a+b,c+d>]  properties searched together, kept as pairs of values (the search index's
 *                             configuration: RepositoryOptions.pairedProperties), e.g. eo:currentHolder+eo:status
 *   [--retention-clock <file>]  the tests' and the demo's retention clock: the instant written in <file> is
 *                             "now" for retention steps (services/records/retention-clock-file.ts); never set
 *                             for a department
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataHome = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  const dataDir = arg('data') ?? join(dataHome, 'eoffice-repository');
  const port = Number(arg('port') ?? 8080);
  const maxMb = arg('max-upload-mb');
  const properties = arg('properties') ? parseProperties(readFileSync(arg('properties')!, 'utf8')) : {};
  const catcherPort = arg('mail-catcher');
  const catcher = catcherPort === undefined ? undefined : await new MailCatcher({ httpPort: Number(catcherPort) }).start();
  if (catcher) Object.assign(properties, { 'mail.host': '127.0.0.1', 'mail.port': String(catcher.smtpPort), 'mail.smtp.auth': 'false' });
  const server = await startRepository({
    port,
    host: arg('host') ?? '127.0.0.1',
    dataDir,
    modelsDir: arg('models'),
    workflows: arg('workflows') ? [arg('workflows')!] : undefined,
    maxUploadBytes: maxMb ? Number(maxMb) * 1024 * 1024 : undefined,
    mail: properties,
    retentionClock: arg('retention-clock') ? fileRetentionClock(arg('retention-clock')!) : undefined,
    pairedProperties: arg('paired-properties')
      ?.split(',')
      .map((pair) => {
        const qnames = pair.split('+').map((q) => q.trim());
        if (qnames.length !== 2 || qnames.some((q) => !q)) throw new Error(`--paired-properties takes pairs such as a+b, not "${pair}"`);
        return qnames as [string, string];
      })
  });
  console.log(`ACS-compatible repository at ${server.url}/alfresco (data: ${dataDir}); user admin / admin on a fresh repository`);
  if (catcher)
    console.log(`Mail catcher: outbound mail is kept at http://127.0.0.1:${catcher.httpPort}/ (SMTP on 127.0.0.1:${catcher.smtpPort})`);
  const stop = () =>
    server
      .close()
      .then(() => catcher?.stop())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
