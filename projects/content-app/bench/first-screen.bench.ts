/**
 * npm run bench -- first-screen [--runs 3] [--officer priya.nair] [--password demo1234]
 *   [--dist dist/content-app/browser] [--naive-dist <an eager build>] [--repository http://127.0.0.1:8080]
 *
 * A new browser tab opened on the Inbox (#/eoffice/receipts/inbox) by an officer who signed in before
 * (her session is in the browser's storage), until its first row is on screen. Measured in Chromium through
 * Playwright, with the page's own clocks and Resource Timing (bytes on the wire, headers included):
 * - cold: an empty HTTP cache (a new browser profile with only her session);
 * - warm: a second tab in the same profile (bundles from the cache, index.html and config revalidated).
 * Each server serves the same build through scripts/serve.mjs:
 * - compressed: as `npm run serve` does (brotli/gzip, cacheable hashed bundles, ETag);
 * - uncompressed: the naive counterpart (--no-compress), same caching;
 * - with --naive-dist, also an eager build (e.g. one made from an older commit), uncompressed.
 * Over localhost and over a throttled link, since on localhost bytes cost almost nothing.
 * Starts a repository with the demo department unless --repository names one. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../../playwright.config';
import { freePort, seedDemo, waitForRepository } from '../../../e2e/support/local-repository';
import { startStaticServer } from '../../../scripts/serve.mjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const option = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const RUNS = Number(option('runs', '3'));
const OFFICER = option('officer', 'priya.nair');
const PASSWORD = option('password', 'demo1234');
const DIST = path.resolve(ROOT, option('dist', 'dist/content-app/browser'));
const NAIVE_DIST = option('naive-dist', '');
const ROW = '[data-automation-id="eoffice-receipts-row"]';
const INBOX = '/#/eoffice/receipts/inbox';

/** Network conditions as Chromium's DevTools emulate them (per request latency, shared throughput). */
const NETWORKS = [
  { name: 'localhost', conditions: null },
  {
    name: '10 Mbit/s, 50 ms',
    conditions: { offline: false, latency: 50, downloadThroughput: (10 * 1024 * 1024) / 8, uploadThroughput: (5 * 1024 * 1024) / 8 }
  }
];

interface Load {
  /** From the start of navigation to the first Inbox row in the document, at the next frame. */
  firstRowMs: number;
  /** Requests answered before that moment: over the network, and from the HTTP cache. */
  requests: number;
  cached: number;
  /** Bytes on the wire before that moment (headers included; a cache hit moves none). */
  bytes: number;
  /** Of which JavaScript, and its size once decoded. */
  scriptBytes: number;
  scriptDecoded: number;
}

/**
 * Notes in `window.firstRowAt` when the first row is in the document, at the next frame (performance.now(),
 * from the start of navigation). Text, not a function: tsx would wrap a function's inner names in a helper
 * the page lacks.
 */
function firstRowWatch(row: string): string {
  return `{
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${JSON.stringify(row)})) return;
      observer.disconnect();
      requestAnimationFrame(() => (window.firstRowAt = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  }`;
}

/** A repository of its own with the demo department (as the e2e suite starts one), or the one named. */
async function repository(): Promise<{ url: string; stop: () => void }> {
  const named = option('repository', '');
  if (named) {
    await waitForRepository(named, null);
    return { url: named, stop: () => undefined };
  }
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-first-screen-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['projects/repository/src/main.ts', '--port', String(port), '--data', data],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true
    }
  );
  const stop = () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    setTimeout(() => fs.rmSync(data, { recursive: true, force: true }), 500).unref();
  };
  try {
    await waitForRepository(url, child);
    console.log('Seeding the demo department…');
    seedDemo(url);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}

/** Signs the officer in once on this origin; her session (in local storage) then opens every tab. */
async function session(browser: Browser, url: string): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.locator('#username').fill(OFFICER);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#login-button').click();
  await page.waitForURL(/#\/personal-files/);
  await page.goto(`${url}${INBOX}`);
  await page.locator(ROW).first().waitFor({ timeout: 60_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Opens the Inbox in a new tab of the context and measures it up to its first row. */
async function load(context: BrowserContext, url: string, conditions: (typeof NETWORKS)[number]['conditions']): Promise<Load> {
  const page = await context.newPage();
  if (conditions) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', conditions);
  }
  await page.addInitScript({ content: firstRowWatch(ROW) });
  await page.goto(`${url}${INBOX}`);
  await page
    .waitForFunction(() => (window as unknown as { firstRowAt?: number }).firstRowAt !== undefined, null, { timeout: 120_000 })
    .catch(async (error: Error) => {
      const shot = path.join(os.tmpdir(), 'first-screen-timeout.png');
      await page.screenshot({ path: shot });
      throw new Error(`no Inbox row at ${page.url()} (screenshot ${shot}): ${error.message}`);
    });
  const measured = await page.evaluate(() => {
    const at = (window as unknown as { firstRowAt: number }).firstRowAt;
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource')
    ] as PerformanceResourceTiming[];
    const before = entries.filter((entry) => entry.responseEnd <= at);
    const scripts = before.filter((entry) => /\.m?js(\?|$)/.test(entry.name));
    return {
      firstRowMs: at,
      requests: before.filter((entry) => entry.transferSize > 0).length,
      cached: before.filter((entry) => entry.transferSize === 0).length,
      bytes: before.reduce((sum, entry) => sum + entry.transferSize, 0),
      scriptBytes: scripts.reduce((sum, entry) => sum + entry.transferSize, 0),
      scriptDecoded: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0)
    };
  });
  await page.close();
  return measured;
}

function median(loads: Load[]): Load {
  const pick = (key: keyof Load) => {
    const sorted = loads.map((entry) => entry[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return {
    firstRowMs: pick('firstRowMs'),
    requests: pick('requests'),
    cached: pick('cached'),
    bytes: pick('bytes'),
    scriptBytes: pick('scriptBytes'),
    scriptDecoded: pick('scriptDecoded')
  };
}

/** The files index.html loads before the app starts: scripts, module preloads and styles. */
function initialBundle(dist: string): { files: number; raw: number; gzip: number; brotli: number } {
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const names = [...index.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const bodies = names.map((name) => fs.readFileSync(path.join(dist, name)));
  return {
    files: names.length,
    raw: bodies.reduce((sum, body) => sum + body.length, 0),
    gzip: bodies.reduce((sum, body) => sum + zlib.gzipSync(body, { level: 9 }).length, 0),
    brotli: bodies.reduce((sum, body) => sum + zlib.brotliCompressSync(body).length, 0)
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const describe = (entry: Load) =>
  `${seconds(entry.firstRowMs).padStart(7)} ${kB(entry.bytes).padStart(8)} ${String(entry.requests).padStart(4)} req ${String(entry.cached).padStart(3)} cached  JS ${kB(entry.scriptBytes)} (${kB(entry.scriptDecoded)} decoded)`;

async function main(): Promise<void> {
  for (const dist of [DIST, ...(NAIVE_DIST ? [path.resolve(ROOT, NAIVE_DIST)] : [])]) {
    if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`No build in ${dist}: run npm run build first`);
  }
  const repo = await repository();
  const servers = [
    { name: 'compressed (serve.mjs)', server: await startStaticServer({ dist: DIST, port: 0, repository: repo.url, quiet: true }) },
    {
      name: 'uncompressed (naive)',
      server: await startStaticServer({ dist: DIST, port: 0, repository: repo.url, quiet: true, compress: false })
    },
    ...(NAIVE_DIST
      ? [
          {
            name: 'eager build, uncompressed',
            server: await startStaticServer({
              dist: path.resolve(ROOT, NAIVE_DIST),
              port: 0,
              repository: repo.url,
              quiet: true,
              compress: false
            })
          }
        ]
      : [])
  ];
  await Promise.all(servers.map(({ server }) => server.ready));
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true
  });
  try {
    for (const [label, dist] of [['this build', DIST], ...(NAIVE_DIST ? [['eager build', path.resolve(ROOT, NAIVE_DIST)]] : [])]) {
      const bundle = initialBundle(dist);
      console.log(
        `Initial bundle (${label}): ${bundle.files} files, ${kB(bundle.raw)} raw, ${kB(bundle.gzip)} gzip, ${kB(bundle.brotli)} brotli`
      );
    }
    console.log(`\nFirst screen: a new tab on the Inbox of ${OFFICER}, to its first row; median of ${RUNS} runs each`);
    console.log('time, bytes on the wire, requests over the network and from the cache, before the first row\n');
    for (const { name: network, conditions } of NETWORKS) {
      for (const { name, server } of servers) {
        const state = await session(browser, server.url);
        const cold: Load[] = [];
        const warm: Load[] = [];
        for (let run = 0; run < RUNS; run++) {
          const context = await browser.newContext({ storageState: state });
          cold.push(await load(context, server.url, conditions));
          warm.push(await load(context, server.url, conditions));
          await context.close();
        }
        console.log(`${network.padEnd(17)} ${name.padEnd(27)} cold ${describe(median(cold))}`);
        console.log(`${''.padEnd(17)} ${''.padEnd(27)} warm ${describe(median(warm))}`);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map(({ server }) => server.close()));
    repo.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
