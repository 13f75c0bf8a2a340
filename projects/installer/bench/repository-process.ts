/**
 * The local repository in a process of its own, for the benches: started by `startRepositoryProcess` with a
 * fresh data directory, it answers its parent's questions over IPC (its CPU time, a CPU profile), so that a
 * bench's figure is the repository's own cost and not its clients' (js-api, fetch, the mail catcher), which
 * share the bench's process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LocalRepository } from '../test/support';
import { connect } from '../src/acs';
import { main as cli } from '../src/cli';

interface Request {
  id: number;
  op: 'cpu' | 'statements' | 'count-on' | 'count-off' | 'profile-start' | 'profile-stop' | 'stop';
  file?: string;
}

/** A count of SQL statements, switched on only for the passes that report it (see countStatements). */
export interface StatementCounter {
  /** Statements counted so far. */
  count(): number;
  /** Starts (true) or stops counting. */
  counting(on: boolean): void;
}

/**
 * Counts every SQL statement run in this process while switched on: each run/get/all/iterate of a prepared
 * statement and each exec (BEGIN, COMMIT …), at better-sqlite3's Statement and Database prototypes. Off, the
 * prototypes are better-sqlite3's own: the wrappers cost a twentieth of a marking's CPU, which the timed
 * passes must not carry.
 */
export function countStatements(): StatementCounter {
  let statements = 0;
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  probe.close();
  const dbProto = Database.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const targets: [Record<string, (...a: unknown[]) => unknown>, string][] = [
    ...['run', 'get', 'all', 'iterate'].map((m) => [proto, m] as [typeof proto, string]),
    [dbProto, 'exec']
  ];
  const real = targets.map(([o, m]) => o[m]);
  return {
    count: () => statements,
    counting(on) {
      targets.forEach(([o, m], i) => {
        const original = real[i];
        o[m] = on
          ? function (this: unknown, ...args: unknown[]) {
              statements++;
              return original.apply(this, args);
            }
          : original;
      });
    }
  };
}
interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** A repository in a child process: a LocalRepository (no test clock) and its process's CPU time. */
export interface RepositoryProcess extends LocalRepository {
  /** CPU milliseconds (user + system) the repository's process has used so far. */
  cpuMs(): Promise<number>;
  /** SQL statements the repository has run so far while counting (countStatements). */
  statements(): Promise<number>;
  /** Starts or stops counting the repository's SQL statements. */
  countStatements(on: boolean): Promise<void>;
  /** Starts a CPU profile of the repository's process; `stop` writes it to `file`. */
  profile(): Promise<{ stop(file: string): Promise<void> }>;
}

export async function startRepositoryProcess(options: { mail?: Record<string, string> } = {}): Promise<RepositoryProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-bench-repo-'));
  const child: ChildProcess = fork(__filename, ['--child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, EOFFICE_BENCH_REPO: JSON.stringify({ dataDir, mail: options.mail }) }
  });
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the repository process stopped (${code})`)));
    child.once('message', (m: { url?: string }) => resolve(m.url!));
  });
  child.removeAllListeners('exit');
  child.on('message', (m: Answer) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.ok) w?.resolve(m.value);
    else w?.reject(new Error(m.error));
  });
  const ask = (op: Request['op'], file?: string) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, op, file } satisfies Request);
    });
  return {
    url,
    acs: (user = 'admin', password = 'admin') => connect({ url, user, password }),
    async cli(...args) {
      const lines: string[] = [];
      const code = await cli([...args, '--url', url, '--user', 'admin', '--password', 'admin'], (l) => lines.push(l));
      return { code, lines };
    },
    fireTimers: () => {
      throw new Error('The test clock needs the repository in this process');
    },
    cpuMs: () => ask('cpu') as Promise<number>,
    statements: () => ask('statements') as Promise<number>,
    countStatements: async (on) => void (await ask(on ? 'count-on' : 'count-off')),
    async profile() {
      await ask('profile-start');
      return { stop: async (file: string) => void (await ask('profile-stop', file)) };
    },
    async stop() {
      try {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          void ask('stop').catch(() => undefined);
        });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  };
}

/** The child: the repository, and answers to its parent. */
async function child(): Promise<void> {
  const { startRepository } = await import('../../repository/src/server');
  const { Session } = await import('node:inspector/promises');
  const { dataDir, mail } = JSON.parse(process.env.EOFFICE_BENCH_REPO!) as { dataDir: string; mail?: Record<string, string> };
  const statements = countStatements();
  const server = await startRepository({ port: 0, dataDir, quiet: true, mail });
  let session: InstanceType<typeof Session> | undefined;
  process.on('message', async (m: Request) => {
    const answer = (value?: unknown) => process.send!({ id: m.id, ok: true, value } satisfies Answer);
    try {
      if (m.op === 'cpu') {
        const u = process.cpuUsage();
        answer((u.user + u.system) / 1000);
      } else if (m.op === 'statements') {
        answer(statements.count());
      } else if (m.op === 'count-on' || m.op === 'count-off') {
        statements.counting(m.op === 'count-on');
        answer();
      } else if (m.op === 'profile-start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        answer();
      } else if (m.op === 'profile-stop') {
        const { profile } = await session!.post('Profiler.stop');
        session!.disconnect();
        fs.mkdirSync(path.dirname(m.file!), { recursive: true });
        fs.writeFileSync(m.file!, JSON.stringify(profile));
        answer();
      } else if (m.op === 'stop') {
        await server.close();
        answer();
        process.disconnect();
      }
    } catch (e) {
      process.send!({ id: m.id, ok: false, error: String(e) } satisfies Answer);
    }
  });
  // A bench that stopped (or crashed) leaves no repository behind.
  process.on('disconnect', () => process.exit(0));
  process.send!({ url: server.url.replace(/\/+$/, '') });
}

if (process.argv.includes('--child')) void child();
