import os from 'node:os';
import { defineConfig } from '@playwright/test';

/** Chromium from Debian; never a browser downloaded by Playwright. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // Each worker has a department of its own (e2e/support/stack.ts) and runs a spec file's tests in order. A
  // worker keeps about two cores busy (Chromium and its software rasteriser, the repository, the app server):
  // on two cores a second worker made each test about twice as slow and the run longer (9.5 against 8.3 min), so a
  // worker per two cores. A repository somebody else started is one department: one worker.
  fullyParallel: false,
  workers: process.env['E2E_REPOSITORY_URL']
    ? 1
    : Number(process.env['E2E_WORKERS'] || Math.max(1, Math.floor(os.availableParallelism() / 2))),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
      args: CHROMIUM_ARGS
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  }
});
