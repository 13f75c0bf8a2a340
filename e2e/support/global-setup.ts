import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { freePort, seedDemo, waitForRepository } from './local-repository';
import { STACKS_ENV, type Stack } from './stack';

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
 * Starts one department per Playwright worker (stack.ts): a fresh repository on a free port with a throw-away
 * data folder, seeded with the demo department, and the production build of the Content App on another free
 * port with /alfresco forwarded to that repository. The stacks start side by side; each worker finds its own
 * in EOFFICE_E2E_STACKS.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  mkdirSync(RESULTS, { recursive: true });
  ensureBuild();

  const external = process.env['E2E_REPOSITORY_URL'];
  if (external) {
    // Run against a repository somebody else started (e.g. `npm run repository`); nothing to stop afterwards.
    // One department only, so playwright.config.ts gives such a run one worker.
    await waitForRepository(external, null, 'its own log');
    await seedDemo(external);
    const app = await startApp(external, async () => undefined);
    process.env[STACKS_ENV] = JSON.stringify([app.stack]);
    return app.stop;
  }

  const started = await Promise.allSettled(Array.from({ length: Math.max(1, config.workers) }, (_, i) => startStack(i)));
  const stops = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.stop] : []));
  const stopAll = async (): Promise<void> => void (await Promise.all(stops.map((stop) => stop())));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const stacks = started.map((s) => (s as PromiseFulfilledResult<{ stack: Stack }>).value.stack);
  process.env[STACKS_ENV] = JSON.stringify(stacks);
  return stopAll;
}

/** The `index`-th department: its repository (log: test-results/e2e-repository-<index>.log), mail catcher, clock, app. */
async function startStack(index: number): Promise<{ stack: Stack; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'eoffice-e2e-'));
  const repositoryPort = await freePort();
  const repositoryUrl = `http://127.0.0.1:${repositoryPort}`;
  // Outbound mail goes to the repository's loopback mail catcher, as with `npm start`; specs read it there.
  const catcherPort = await freePort();
  const logFile = path.join(RESULTS, `e2e-repository-${index}.log`);
  const log = createWriteStream(logFile);
  // The retention clock the records spec moves (empty: the system's time); see retention-clock-file.ts.
  const retentionClock = path.join(dataDir, 'retention-clock');
  writeFileSync(retentionClock, '');
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
    await seedDemo(repositoryUrl);
  } catch (error) {
    await stopRepository();
    throw error;
  }

  const app = await startApp(repositoryUrl, stopRepository);
  return { stack: { ...app.stack, mail: `http://127.0.0.1:${catcherPort}`, retentionClock }, stop: app.stop };
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
async function startApp(repositoryUrl: string, stopRepository: () => Promise<void>): Promise<{ stack: Stack; stop: () => Promise<void> }> {
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
  console.log(`e2e: Content App ${url}, repository ${repositoryUrl}`);

  return {
    stack: { app: url, repository: repositoryUrl },
    stop: async () => {
      await stopProcess(server);
      await stopRepository();
    }
  };
}
