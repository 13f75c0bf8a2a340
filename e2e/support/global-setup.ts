import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, seedDemo, waitForRepository } from './local-repository';

const ROOT = path.resolve(__dirname, '..', '..');
/** E2E_DIST=dist/<name> lets several checkouts' e2e runs build side by side without overwriting one build. */
const OUTPUT = path.resolve(ROOT, process.env['E2E_DIST'] || path.join('dist', 'content-app'));
const DIST = path.join(OUTPUT, 'browser');
const RESULTS = path.join(ROOT, 'test-results');

/** Sources that go into the production build: rebuild when any is newer than the build. */
const BUILD_INPUTS = ['projects/content-app', 'projects/eoffice/src', 'projects/eoffice/assets', 'angular.json'];

function newestChange(entry: string): number {
  const info = statSync(entry);
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), info.mtimeMs);
}

function ensureBuild(): void {
  const index = path.join(DIST, 'index.html');
  const stale = !existsSync(index) || BUILD_INPUTS.some((input) => newestChange(path.join(ROOT, input)) > statSync(index).mtimeMs);
  if (stale || process.env['E2E_BUILD'] === '1') {
    console.log('e2e: building the Content App (production)…');
    const build = spawnSync('npx', ['ng', 'build', 'content-app', `--output-path=${OUTPUT}`], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      throw new Error('ng build content-app failed');
    }
  }
}

/**
 * Starts a fresh repository on a free port with a throw-away data folder, and the production
 * build of the Content App on another free port with /alfresco forwarded to that repository.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  mkdirSync(RESULTS, { recursive: true });
  ensureBuild();

  const external = process.env['E2E_REPOSITORY_URL'];
  if (external) {
    // Run against a repository somebody else started (e.g. `npm run repository`); nothing to stop afterwards.
    await waitForRepository(external, null, 'its own log');
    seedDemo(external);
    return startApp(external, async () => undefined);
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eoffice-e2e-'));
  const repositoryPort = await freePort();
  const repositoryUrl = `http://127.0.0.1:${repositoryPort}`;
  // Outbound mail goes to the repository's loopback mail catcher, as with `npm start`; specs read it there.
  const catcherPort = await freePort();
  process.env['EOFFICE_E2E_MAIL_URL'] = `http://127.0.0.1:${catcherPort}`;
  const logFile = path.join(RESULTS, 'e2e-repository.log');
  const log = createWriteStream(logFile);
  // The retention clock the records spec moves (empty: the system's time); see retention-clock-file.ts.
  const retentionClock = path.join(dataDir, 'retention-clock');
  writeFileSync(retentionClock, '');
  process.env['EOFFICE_E2E_RETENTION_CLOCK'] = retentionClock;
  const repository = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      'projects/repository/src/main.ts',
      '--port',
      String(repositoryPort),
      '--data',
      dataDir,
      '--retention-clock',
      retentionClock,
      '--mail-catcher',
      String(catcherPort)
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  );
  repository.stdout?.pipe(log);
  repository.stderr?.pipe(log);

  const stopRepository = async (): Promise<void> => {
    await stopProcess(repository);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForRepository(repositoryUrl, repository, logFile);
    seedDemo(repositoryUrl);
  } catch (error) {
    await stopRepository();
    throw error;
  }

  return startApp(repositoryUrl, stopRepository);
}

async function waitForApp(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`scripts/serve.mjs exited with code ${server.exitCode}`);
    }
    try {
      if ((await fetch(`${url}/app.config.json`)).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`scripts/serve.mjs did not answer on ${url}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.pid) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
}

/** Serves the build with scripts/serve.mjs (the same server as `npm run serve`). */
async function startApp(repositoryUrl: string, stopRepository: () => Promise<void>): Promise<() => Promise<void>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--dist', DIST, '--port', String(port), '--repository', repositoryUrl], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true
  });
  try {
    await waitForApp(url, server);
  } catch (error) {
    await stopProcess(server);
    await stopRepository();
    throw error;
  }
  process.env['EOFFICE_E2E_URL'] = url;
  process.env['EOFFICE_E2E_REPOSITORY'] = repositoryUrl;
  console.log(`e2e: Content App ${url}, repository ${repositoryUrl}`);

  return async () => {
    await stopProcess(server);
    await stopRepository();
  };
}
