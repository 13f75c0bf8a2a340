// The local repository as the e2e suite and the first-screen bench start it: a free port, waiting until it
// answers, and the demo department seeded once.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Waits up to 90 s until the repository at `url` answers its discovery endpoint; fails at once when
 * `repository` (the process, if this run started it) exits. `logFile`, when given, names where its output went.
 */
export async function waitForRepository(url: string, repository: ChildProcess | null, logFile?: string): Promise<void> {
  const see = logFile ? `; see ${logFile}` : '';
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (repository && repository.exitCode !== null) {
      throw new Error(`The repository exited with code ${repository.exitCode}${see}`);
    }
    try {
      const response = await fetch(`${url}/alfresco/api/discovery`);
      if (response.status < 500) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The repository did not answer on ${url} within 90 s${see}`);
}

/**
 * Seeds the demo department (General Administration Department, officers with password demo1234, about
 * 200 receipts and 60 files) unless its site already exists; the dak diary tests sign in as its officers.
 * Resolves once the seed has finished (several repositories can be seeded side by side).
 */
export function seedDemo(repositoryUrl: string): Promise<void> {
  const seed = spawn(
    process.execPath,
    ['--import', 'tsx', 'projects/installer/src/cli.ts', 'seed-demo', '--url', repositoryUrl, '--if-empty'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] }
  );
  return new Promise((resolve, reject) => {
    seed.once('error', reject);
    seed.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo against ${repositoryUrl} failed (exit ${code})`))));
  });
}
