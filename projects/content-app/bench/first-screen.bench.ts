/**
 * npm run bench -- first-screen [--runs 3] [--officer priya.nair] [--password demo1234]
 *   [--dist dist/content-app/browser] [--naive-dist <an eager build>] [--repository http://127.0.0.1:8080]
 *   [--part all|inbox|notesheet] [--notes 500] [--brief] [--before <a build from before a change>]
 *
 * A new browser tab opened on the Inbox (#/eoffice/receipts/inbox) by an officer who signed in before
 * (her session is in the browser's storage), until its first row is on screen. Measured in Chromium through
 * Playwright, with the page's own clocks and Resource Timing (bytes on the wire, headers included):
 * - cold: an empty HTTP cache (a new browser profile with only her session);
 * - warm: a second tab in the same profile (bundles from the cache, index.html and config revalidated).
 * Each server serves the same build through scripts/serve.mjs:
 * - compressed: as `npm run serve` does (brotli/gzip, cacheable hashed bundles, ETag);
 * - uncompressed: the naive counterpart (--no-compress), same caching;
 * - with --naive-dist, also an eager build (e.g. one made from an older commit), uncompressed;
 * - with --before, also that build, compressed as this one (before and after a change, side by side).
 * Over localhost and over a throttled link, since on localhost bytes cost almost nothing.
 * Starts a repository with the demo department unless --repository names one. Prints figures; asserts nothing.
 * The runs of the builds and servers compared are interleaved (run 1 of each, then run 2 …), so that a change in
 * the machine's load falls on all of them alike; the load average is printed at the start and at the end.
 *
 * Then a long notesheet: one of the officer's files is given --notes notes (as the administrator, beside
 * the demo's own; each with the permissions a confirmed note is given, an ACL of its own), and a new tab opened on that file is measured until every note in the notesheet's
 * visible part (inside the window) shows its text: time, and the requests to the repository (of which note
 * contents) before that moment; cold (a new profile) and warm (a second tab). Each figure is followed by where
 * the time went (unless --brief): the milestones, the main thread's long tasks, and every request in order
 * with its start, end and size. With --naive-dist, the same for that build (e.g. one made from an earlier
 * commit); then the naive counterpart, every note's content read on its own, without a browser.
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
import { confirmedNotePermissions } from '@eoffice/domain';

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
/** A build from before a change (e.g. a copy of dist/ taken first), measured beside this one, compressed alike. */
const BEFORE_DIST = option('before', '');
const PART = option('part', 'all');
const NOTES = Number(option('notes', '500'));
/** Each notesheet figure is followed by its milestones and its requests in order, unless --brief. */
const BREAKDOWN = !process.argv.includes('--brief');
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
    await seedDemo(url);
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

/**
 * Notes in `window.notesShownAt` the first moment every note in the notesheet's visible part shows its text
 * (checked at every frame), from the start of navigation. Text, as firstRowWatch. The Resource Timing buffer
 * is widened: a build that reads every note makes hundreds of requests.
 */
function notesShownWatch(): string {
  return `{
    performance.setResourceTimingBufferSize(100000);
    window.longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    } catch {}
    const check = () => {
      const pane = document.querySelector('[data-testid="notesheet-scroll"]');
      if (pane && window.notesheetAt === undefined) window.notesheetAt = performance.now();
      const notes = pane ? Array.from(pane.querySelectorAll('li[data-note-id]')) : [];
      if (notes.length && window.notesListedAt === undefined) {
        window.notesListedAt = performance.now();
        window.paneAtList = Math.round(pane.getBoundingClientRect().height);
      }
      if (pane && notes.length) {
        // What the officer sees: the pane, as far as it is inside the window (until the file view's
        // layout settles, the pane may run below the window's foot).
        const box = pane.getBoundingClientRect();
        const top = Math.max(box.top, 0);
        const bottom = Math.min(box.bottom, window.innerHeight);
        const inView = notes.filter((li) => {
          const r = li.getBoundingClientRect();
          return r.bottom > top && r.top < bottom;
        });
        const waiting = inView.filter((li) => !li.querySelector('.eo-note__body')).map((li) => li.getAttribute('data-testid')).join(' ');
        const seen = inView.map((li) => li.getAttribute('data-testid')).join(' ');
        const state = waiting ? waiting : 'all shown: ' + seen;
        if (window.waitedFor === undefined || window.waitedFor[window.waitedFor.length - 1][1] !== state) {
          (window.waitedFor ??= []).push([Math.round(performance.now()), state]);
        }
        if (inView.length && !waiting) {
          window.notesShownAt = performance.now();
          window.notesInView = inView.length;
          window.notesListed = notes.length;
          window.paneAtShown = Math.round(box.height);
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }`;
}

/** One request to the repository's REST API, as Resource Timing saw it (times from the start of navigation). */
interface ApiCall {
  path: string;
  start: number;
  end: number;
  bytes: number;
}

interface NotesLoad {
  /** From the start of navigation until every note in view shows its text. */
  shownMs: number;
  /** Of which after the notesheet was on the page (the file view's code and the Content App's start before). */
  sinceNotesheetMs: number;
  notesInView: number;
  notesListed: number;
  /** Requests to the repository's REST API answered before then, of which note contents. */
  apiRequests: number;
  contentReads: number;
  apiBytes: number;
  /** Milestones: the first request to the repository, the notes' listing answered, the notes on the page. */
  firstApiMs: number;
  listingEndMs: number;
  notesListedMs: number;
  /** Main-thread tasks over 50 ms before the notes showed, and their sum. */
  longTasks: number;
  longTaskMs: number;
  /** The pane's height (px) when the notes came on the page and when they showed their text. */
  paneAtList: number;
  paneAtShown: number;
  /** Each change of the notes in view still without their text: when, and which (their test ids). */
  waitedFor: [number, string][];
  calls: ApiCall[];
  /** The app's own JSON files (configuration, extension manifests, translations) before then, for the timeline. */
  assets: ApiCall[];
}

const API = '/alfresco/api/';

/** The repository's REST API as the administrator (Basic authentication, as the demo's repository takes). */
async function asAdmin<T>(url: string, pathAndQuery: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${url}${API}-default-/public/alfresco/versions/1${pathAndQuery}`, {
    ...init,
    headers: { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}`, ...(init.headers ?? {}) }
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${pathAndQuery}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Page {
  list: { entries: { entry: { id: string; name: string; isFolder?: boolean } }[] };
}

/**
 * One of the officer's files (the first of her Files Inbox) with `count` notes in all: the demo's own notes,
 * then green notes of a few sentences each, uploaded as the administrator as the seed writes them.
 */
async function longFile(
  browser: Browser,
  state: Awaited<ReturnType<BrowserContext['storageState']>>,
  appUrl: string,
  repoUrl: string,
  count: number
): Promise<string> {
  const context = await browser.newContext({ storageState: state });
  const page = await context.newPage();
  await page.goto(`${appUrl}/#/eoffice/files/inbox`);
  const link = page.locator('[data-automation-id="eoffice-files-number"]').first();
  await link.waitFor({ timeout: 60_000 });
  const fileId = decodeURIComponent((await link.getAttribute('href'))?.split('/').pop() ?? '');
  await context.close();

  const folders = await asAdmin<Page>(repoUrl, `/nodes/${fileId}/children?where=(isFolder%3Dtrue)&maxItems=20`);
  const notesFolder = folders.list.entries.find((e) => e.entry.name === 'Notes')?.entry.id;
  if (!notesFolder) throw new Error(`file ${fileId} has no Notes folder`);
  const existing = await asAdmin<Page>(repoUrl, `/nodes/${notesFolder}/children?orderBy=name%20DESC&maxItems=1`);
  const highest = Number(existing.list.entries[0]?.entry.name ?? 0) || 0;
  const readers = await asAdmin<{ entry: { permissions: Parameters<typeof confirmedNotePermissions>[0] } }>(
    repoUrl,
    `/nodes/${notesFolder}?include=permissions`
  );
  const sentences = [
    'The proposal has been examined with reference to the rules in force.',
    'प्रस्ताव की जाँच नियमों के अनुसार कर ली गई है।',
    'The financial implication has been worked out and is placed below.',
    'Orders may kindly be passed on the draft reply placed opposite.',
    'पूर्व के आदेश की प्रति संलग्न है।'
  ];
  for (let n = highest + 1; n <= count; n++) {
    const name = String(n).padStart(6, '0');
    const text = Array.from({ length: 2 + (n % 4) }, (_, i) => sentences[(n + i) % sentences.length]).join(' ');
    const form = new FormData();
    form.append('filedata', new Blob([text], { type: 'text/plain' }), name);
    for (const [key, value] of Object.entries({
      name,
      nodeType: 'eo:note',
      'eo:noteNumber': String(n),
      'eo:noteColour': 'green',
      'eo:signedByName': 'Bench Officer',
      'eo:signedByDesignation': 'Under Secretary',
      'eo:signedByUser': 'admin',
      'eo:signedAt': new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()
    }))
      form.append(key, value);
    const note = await asAdmin<{ entry: { id: string } }>(repoUrl, `/nodes/${notesFolder}/children`, { method: 'POST', body: form });
    // Confirmed, a note keeps its readers and loses its writers, each note an ACL of its own (as
    // NoteService.confirm sets them): the listing then evaluates 500 ACLs for allowableOperations, not one.
    await asAdmin(repoUrl, `/nodes/${note.entry.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ permissions: confirmedNotePermissions(readers.entry.permissions) })
    });
  }
  return fileId;
}

/** Opens the file in a new tab of the context and measures it until the notes in view show their text. */
async function loadNotes(
  context: BrowserContext,
  url: string,
  fileId: string,
  conditions: (typeof NETWORKS)[number]['conditions']
): Promise<NotesLoad> {
  const page = await context.newPage();
  if (conditions) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', conditions);
  }
  await page.addInitScript({ content: notesShownWatch() });
  await page.goto(`${url}/#/eoffice/files/${encodeURIComponent(fileId)}`);
  await page.waitForFunction(() => (window as unknown as { notesShownAt?: number }).notesShownAt !== undefined, null, {
    timeout: 180_000
  });
  const measured = await page.evaluate((api) => {
    const w = window as unknown as {
      notesShownAt: number;
      notesheetAt: number;
      notesListedAt: number;
      notesInView: number;
      notesListed: number;
      longTasks: [number, number][];
      paneAtList: number;
      paneAtShown: number;
      waitedFor: [number, string][];
    };
    const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.responseEnd <= w.notesShownAt && entry.name.includes(api))
      .sort((a, b) => a.startTime - b.startTime);
    // The notes' listing asks for these fields (NoteService.list); an older build lists Notes/ without them.
    const listing =
      calls.find((entry) => /[?&]fields=/.test(entry.name)) ??
      calls.find((entry) => /include=properties(%2C|,)aspectNames/.test(entry.name));
    const tasks = w.longTasks.filter(([start]) => start <= w.notesShownAt);
    return {
      shownMs: w.notesShownAt,
      sinceNotesheetMs: w.notesShownAt - w.notesheetAt,
      notesInView: w.notesInView,
      notesListed: w.notesListed,
      apiRequests: calls.length,
      contentReads: calls.filter((entry) => /\/nodes\/[^/]+\/content/.test(entry.name)).length,
      apiBytes: calls.reduce((sum, entry) => sum + entry.transferSize, 0),
      firstApiMs: calls[0]?.startTime ?? 0,
      listingEndMs: listing?.responseEnd ?? 0,
      notesListedMs: w.notesListedAt,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((sum, [, duration]) => sum + duration, 0),
      paneAtList: w.paneAtList,
      paneAtShown: w.paneAtShown,
      waitedFor: w.waitedFor,
      calls: calls.map((entry) => ({
        path: decodeURIComponent(entry.name.slice(entry.name.indexOf(api) + api.length)),
        start: entry.startTime,
        end: entry.responseEnd,
        bytes: entry.transferSize
      })),
      assets: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.responseEnd <= w.notesShownAt && !entry.name.includes(api) && /\.json(\?|$)/.test(entry.name))
        .map((entry) => ({
          path: `(file) ${new URL(entry.name).pathname}`,
          start: entry.startTime,
          end: entry.responseEnd,
          bytes: entry.transferSize
        }))
    };
  }, API);
  await page.close();
  return measured;
}

/** The median of each figure; the requests are those of the run whose time is the median. */
function medianNotes(loads: NotesLoad[]): NotesLoad {
  const pick = <K extends keyof Omit<NotesLoad, 'calls' | 'assets' | 'waitedFor'>>(key: K) =>
    loads.map((entry) => entry[key]).sort((a, b) => a - b)[Math.floor(loads.length / 2)];
  const shownMs = pick('shownMs');
  return {
    shownMs,
    sinceNotesheetMs: pick('sinceNotesheetMs'),
    notesInView: pick('notesInView'),
    notesListed: pick('notesListed'),
    apiRequests: pick('apiRequests'),
    contentReads: pick('contentReads'),
    apiBytes: pick('apiBytes'),
    firstApiMs: pick('firstApiMs'),
    listingEndMs: pick('listingEndMs'),
    notesListedMs: pick('notesListedMs'),
    longTasks: pick('longTasks'),
    longTaskMs: pick('longTaskMs'),
    paneAtList: pick('paneAtList'),
    paneAtShown: pick('paneAtShown'),
    waitedFor: loads.find((entry) => entry.shownMs === shownMs)?.waitedFor ?? [],
    calls: loads.find((entry) => entry.shownMs === shownMs)?.calls ?? [],
    assets: loads.find((entry) => entry.shownMs === shownMs)?.assets ?? []
  };
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

/** The 1, 5 and 15 minute load averages: figures from a loaded machine are slower (see the runs' interleaving). */
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const describe = (entry: Load) =>
  `${seconds(entry.firstRowMs).padStart(7)} ${kB(entry.bytes).padStart(8)} ${String(entry.requests).padStart(4)} req ${String(entry.cached).padStart(3)} cached  JS ${kB(entry.scriptBytes)} (${kB(entry.scriptDecoded)} decoded)`;

async function main(): Promise<void> {
  for (const dist of [DIST, ...[NAIVE_DIST, BEFORE_DIST].filter(Boolean).map((dist) => path.resolve(ROOT, dist))]) {
    if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`No build in ${dist}: run npm run build first`);
  }
  const repo = await repository();
  const servers = [
    { name: 'compressed (serve.mjs)', server: await startStaticServer({ dist: DIST, port: 0, repository: repo.url, quiet: true }) },
    ...(BEFORE_DIST
      ? [
          {
            name: 'before (--before), compressed',
            server: await startStaticServer({ dist: path.resolve(ROOT, BEFORE_DIST), port: 0, repository: repo.url, quiet: true })
          }
        ]
      : []),
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
  console.log(`Machine: ${os.cpus().length} cores, load average ${loadAverage()} at the start`);
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_BIN'] || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true
  });
  try {
    for (const [label, dist] of [
      ['this build', DIST],
      ...(BEFORE_DIST ? [['before', path.resolve(ROOT, BEFORE_DIST)]] : []),
      ...(NAIVE_DIST ? [['eager build', path.resolve(ROOT, NAIVE_DIST)]] : [])
    ]) {
      const bundle = initialBundle(dist);
      console.log(
        `Initial bundle (${label}): ${bundle.files} files, ${kB(bundle.raw)} raw, ${kB(bundle.gzip)} gzip, ${kB(bundle.brotli)} brotli`
      );
    }
    if (PART === 'all' || PART === 'inbox') await inbox(browser, servers);
    if (PART === 'all' || PART === 'notesheet') await notesheet(browser, repo.url);
    console.log(`\nMachine: load average ${loadAverage()} at the end`);
  } finally {
    await browser.close();
    await Promise.all(servers.map(({ server }) => server.close()));
    repo.stop();
  }
}

interface Served {
  name: string;
  server: Awaited<ReturnType<typeof startStaticServer>>;
}

async function inbox(browser: Browser, servers: Served[]): Promise<void> {
  console.log(`\nFirst screen: a new tab on the Inbox of ${OFFICER}, to its first row; median of ${RUNS} runs each`);
  console.log('time, bytes on the wire, requests over the network and from the cache, before the first row\n');
  for (const { name: network, conditions } of NETWORKS) {
    const states = [];
    for (const { server } of servers) states.push(await session(browser, server.url));
    const cold: Load[][] = servers.map(() => []);
    const warm: Load[][] = servers.map(() => []);
    // Runs interleaved between the servers: a change in the machine's load falls on all of them alike.
    for (let run = 0; run < RUNS; run++) {
      for (const [i, { server }] of servers.entries()) {
        const context = await browser.newContext({ storageState: states[i] });
        cold[i].push(await load(context, server.url, conditions));
        warm[i].push(await load(context, server.url, conditions));
        await context.close();
      }
    }
    for (const [i, { name }] of servers.entries()) {
      console.log(`${network.padEnd(17)} ${name.padEnd(27)} cold ${describe(median(cold[i]))}`);
      console.log(`${''.padEnd(17)} ${''.padEnd(27)} warm ${describe(median(warm[i]))}`);
    }
  }
}

/** A request's path without the API prefix and with ids shortened, for the timeline. */
function shortPath(call: ApiCall): string {
  const p = call.path.replace(/^-default-\/public\/[a-z]+\/versions\/1/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…');
  return p.length > 90 ? `${p.slice(0, 89)}…` : p;
}

/** Where the time of a tab went: the milestones, the main thread's long tasks, and each request in order. */
function breakdown(m: NotesLoad): void {
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(7);
  console.log(
    `${''.padEnd(17)}   app start to first request ${ms(m.firstApiMs)}; notesheet on the page ${ms(m.shownMs - m.sinceNotesheetMs)}; ` +
      `notes listed ${ms(m.listingEndMs)}, on the page ${ms(m.notesListedMs)}; texts shown ${ms(m.shownMs)}; ` +
      `long tasks ${m.longTasks} (${m.longTaskMs.toFixed(0)} ms); pane ${m.paneAtList} px high then, ${m.paneAtShown} px at the end`
  );
  console.log(
    `${''.padEnd(19)} in view without text: ${m.waitedFor.map(([at, ids]) => `${at} ms ${ids.replace(/note-/g, '#') || '(none)'}`).join('; ')}`
  );
  for (const call of [...m.calls, ...m.assets].sort((a, b) => a.start - b.start))
    console.log(`${''.padEnd(19)} ${ms(call.start)} → ${ms(call.end)} ${kB(call.bytes).padStart(6)}  ${shortPath(call)}`);
}

/**
 * The naive counterpart, measured against the same repository without a browser: the notes listed with their
 * properties, then every note's content read on its own, six at a time as a browser reads from one host (as
 * the notesheet did before it read only the notes in view). Network and repository time only, no rendering.
 */
async function naiveNotes(repoUrl: string, fileId: string): Promise<{ ms: number; requests: number; bytes: number }> {
  const auth = { authorization: `Basic ${Buffer.from(`${OFFICER}:${PASSWORD}`).toString('base64')}` };
  const base = `${repoUrl}${API}-default-/public/alfresco/versions/1`;
  const started = performance.now();
  let bytes = 0;
  const get = async (pathAndQuery: string): Promise<string> => {
    const response = await fetch(`${base}${pathAndQuery}`, { headers: auth });
    const body = await response.text();
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status} ${body}`);
    bytes += Buffer.byteLength(body);
    return body;
  };
  const folders = JSON.parse(await get(`/nodes/${fileId}/children?where=(isFolder%3Dtrue)&maxItems=20`)) as Page;
  const folder = folders.list.entries.find((e) => e.entry.name === 'Notes')?.entry.id;
  const listed = JSON.parse(await get(`/nodes/${folder}/children?include=properties,aspectNames&orderBy=name%20ASC&maxItems=1000`)) as Page;
  const ids = listed.list.entries.map((e) => e.entry.id);
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < ids.length) await get(`/nodes/${ids[next++]}/content`);
    })
  );
  return { ms: performance.now() - started, requests: 2 + ids.length, bytes };
}

/** The long notesheet, with this build and (with --naive-dist) the other, each served compressed. */
async function notesheet(browser: Browser, repoUrl: string): Promise<void> {
  const builds = await Promise.all(
    [
      { name: 'this build', dist: DIST },
      ...(BEFORE_DIST ? [{ name: 'before (--before)', dist: path.resolve(ROOT, BEFORE_DIST) }] : []),
      ...(NAIVE_DIST ? [{ name: 'other build (--naive-dist)', dist: path.resolve(ROOT, NAIVE_DIST) }] : [])
    ].map(async ({ name, dist }) => {
      const server = await startStaticServer({ dist, port: 0, repository: repoUrl, quiet: true });
      await server.ready;
      return { name, server };
    })
  );
  try {
    const states = await Promise.all(builds.map(({ server }) => session(browser, server.url)));
    const fileId = await longFile(browser, states[0], builds[0].server.url, repoUrl, NOTES);
    console.log(`\nNotesheet of a file with ${NOTES} notes: a new tab on the file, until every note in view shows its text`);
    console.log('(from the start of navigation, and from the moment the notesheet was on the page); cold: a new profile,');
    console.log(`warm: a second tab in it. Median of ${RUNS} runs; requests to the repository before then (of which note contents)\n`);
    for (const { name: network, conditions } of NETWORKS) {
      const colds: NotesLoad[][] = builds.map(() => []);
      const warms: NotesLoad[][] = builds.map(() => []);
      // Runs interleaved between the builds: a change in the machine's load falls on both alike.
      for (let run = 0; run < RUNS; run++) {
        for (const [i, { server }] of builds.entries()) {
          const context = await browser.newContext({ storageState: states[i] });
          colds[i].push(await loadNotes(context, server.url, fileId, conditions));
          warms[i].push(await loadNotes(context, server.url, fileId, conditions));
          await context.close();
        }
      }
      for (const [i, { name }] of builds.entries()) {
        const [cold, warm] = [colds[i], warms[i]];
        for (const [tab, loads] of [
          ['cold', cold],
          ['warm', warm]
        ] as const) {
          const m = medianNotes(loads);
          console.log(
            `${(tab === 'cold' ? network : '').padEnd(17)} ${(tab === 'cold' ? name : '').padEnd(27)} ${tab} ${seconds(m.shownMs).padStart(7)} ` +
              `(${seconds(m.sinceNotesheetMs)} after the notesheet appeared) ${String(m.apiRequests).padStart(4)} req ` +
              `(${m.contentReads} contents) ${kB(m.apiBytes).padStart(7)}  ${m.notesInView} notes in view of ${m.notesListed}`
          );
          if (BREAKDOWN) breakdown(m);
        }
      }
    }
    const naive = await naiveNotes(repoUrl, fileId);
    console.log(
      `\nNaive counterpart (every note's content read on its own, 6 at a time; network only, no browser): ` +
        `${seconds(naive.ms)}, ${naive.requests} req, ${kB(naive.bytes)}`
    );
  } finally {
    await Promise.all(builds.map(({ server }) => server.close()));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
