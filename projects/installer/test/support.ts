/**
 * The local ACS-compatible repository on a random port with a fresh data directory, and a js-api
 * connection to it as the installer makes one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRepository, type RepositoryOptions } from '../../repository/src/server';
import { workflowService } from '../../repository/src/workflow/service-registry';
import { connect, type Acs } from '../src/acs';
import { loadArtefacts, type Artefacts } from '../src/config';
import { main } from '../src/cli';

export interface LocalRepository {
  url: string;
  acs(user?: string, password?: string): Promise<Acs>;
  /** Runs the CLI like `npx eoffice …` and returns its exit code and output lines. */
  cli(...args: string[]): Promise<{ code: number; lines: string[] }>;
  /**
   * The test clock: one acquisition of the job executor as if it were `at`, so every workflow timer due by then
   * fires now (each in its own transaction, as the background acquisition fires them; its scripts still see the
   * real time).
   */
  fireTimers(at: Date): void;
  stop(): Promise<void>;
}

/** `options`: more repository options (`mail`: the outbound SMTP settings of a test's mail catcher). */
export async function startLocalRepository(options: Partial<RepositoryOptions> = {}): Promise<LocalRepository> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-installer-test-'));
  const server = await startRepository({ ...options, port: 0, dataDir, quiet: true });
  const url = server.url.replace(/\/+$/, '');
  return {
    url,
    acs: (user = 'admin', password = 'admin') => connect({ url, user, password }),
    async cli(...args) {
      const lines: string[] = [];
      const code = await main([...args, '--url', url, '--user', 'admin', '--password', 'admin'], (l) => lines.push(l));
      return { code, lines };
    },
    fireTimers: (at) => workflowService(server.context).engine.timers.tick(at),
    async stop() {
      try {
        await server.close();
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  };
}

export const artefacts = (): Artefacts => loadArtefacts();
