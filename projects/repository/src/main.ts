import { homedir } from 'node:os';
import { join } from 'node:path';
import { startRepository } from './server';

/** npm run repository -- --port 8080 --data <dir> [--models <dir>] [--workflows <dir>] [--max-upload-mb 100] */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataHome = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  const dataDir = arg('data') ?? join(dataHome, 'eoffice-repository');
  const port = Number(arg('port') ?? 8080);
  const maxMb = arg('max-upload-mb');
  const server = await startRepository({
    port,
    host: arg('host') ?? '127.0.0.1',
    dataDir,
    modelsDir: arg('models'),
    workflows: arg('workflows') ? [arg('workflows')!] : undefined,
    maxUploadBytes: maxMb ? Number(maxMb) * 1024 * 1024 : undefined
  });
  console.log(`ACS-compatible repository at ${server.url}/alfresco (data: ${dataDir}); user admin / admin on a fresh repository`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
