/**
 * The department a spec runs against: the Content App, its repository, the repository's mail catcher and its
 * retention clock. The global setup starts one such stack per Playwright worker, each a fresh repository
 * seeded with the demo department, so that two workers never share an item, an Inbox or a charge; a worker
 * takes the stack of its parallel index (TEST_PARALLEL_INDEX, which a restarted worker keeps).
 */
export interface Stack {
  /** Where the Content App is served. */
  app: string;
  /** The repository the app forwards /alfresco to. */
  repository: string;
  /** The repository's loopback mail catcher (absent for a repository somebody else started). */
  mail?: string;
  /** The file the repository reads "now" from for retention steps (absent likewise). */
  retentionClock?: string;
}

/** What the global setup hands its workers: the stacks, by parallel index. */
export const STACKS_ENV = 'EOFFICE_E2E_STACKS';

function thisWorkersStack(): Stack {
  const stacks = JSON.parse(process.env[STACKS_ENV] || '[]') as Stack[];
  const index = Number(process.env['TEST_PARALLEL_INDEX'] ?? 0);
  // Without a global setup (a spec run against an app somebody serves): EOFFICE_E2E_URL or the dev server.
  return stacks[index] ?? { app: process.env['EOFFICE_E2E_URL'] ?? 'http://127.0.0.1:4200', repository: '' };
}

export const STACK = thisWorkersStack();

/** Where this worker's Content App is served. */
export const APP_URL = STACK.app;
