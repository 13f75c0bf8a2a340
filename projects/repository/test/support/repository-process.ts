/**
 * The repository as its own process, as `npm start` runs it, so that a test can kill it outright (SIGKILL)
 * and start it again on the same data directory. Used by the durability tests of the repository and the
 * installer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const main = path.join(root, 'projects', 'repository', 'src', 'main.ts');

/** A port nothing listens on now (the OS's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the repository on `port` over `dataDir`; resolves once it says it is listening. */
export async function startRepositoryProcess(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', String(port), '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('repository did not start')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ACS-compatible repository at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`repository exited early: ${code}`)));
  });
  return child;
}
