#!/usr/bin/env node
// npm run screenshots: pictures of the main screens for docs/images/, in English and Hindi, on a desk
// screen (1366×768) and a phone (390×844).
//   1. runs `npm start` (scripts/start.mjs: builds when the sources are newer, starts the local repository
//      with a throw-away data folder, seeds the demo department, serves the build) on free ports
//   2. signs in with Debian's Chromium (/usr/bin/chromium, through Playwright) as the officers who use each
//      screen, and saves docs/images/<screen>-<en|hi>-<desk|phone>.png
//   3. stops everything and deletes the data folder
// Not part of `npm test`: the pictures change with every change of the screens, and are looked at, not checked.
// Options: --out <dir> (default docs/images)  --only <screen,...>
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const out = path.resolve(root, arg('out', path.join('docs', 'images')));
const only = arg('only', '')
  .split(',')
  .filter((s) => !!s);

const VIEWPORTS = [
  { name: 'desk', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 }
];
const LANGUAGES = ['en', 'hi'];

// Officers of the demo department (projects/installer/src/seed).
const SECTION_OFFICER = { user: 'priya.nair', password: 'demo1234' };
const SECRETARY = { user: 'meera.iyer', password: 'demo1234' };

const byId = (page, id) => page.locator(`[data-automation-id="${id}"]`);

/**
 * An officer's computer has a Devanagari font (Windows ships Nirmala UI, phones Noto); a build machine often
 * has none, and Chromium then draws boxes. So the pages get the Noto Sans Devanagari the app already serves
 * for its PDFs, for Devanagari letters only (unicode-range), under the names the app's styles ask for.
 */
function devanagariFaces() {
  const faces = ['Open Sans', 'Noto Sans Devanagari', 'Roboto']
    .flatMap((family) =>
      [
        ['400', 'NotoSansDevanagari_400Regular.ttf'],
        ['700', 'NotoSansDevanagari_700Bold.ttf']
      ].map(
        ([weight, file]) =>
          `@font-face { font-family: '${family}'; font-weight: ${weight}; src: url('assets/eoffice/pdf/${file}');` +
          ' unicode-range: U+0900-097F, U+1CD0-1CFF, U+200C-200D, U+20B9, U+25CC, U+A8E0-A8FF; }'
      )
    )
    .join('\n');
  const add = () => {
    const style = document.createElement('style');
    style.textContent = faces;
    document.head.appendChild(style);
  };
  if (document.head) add();
  else document.addEventListener('DOMContentLoaded', add);
}

/** Waits for what shows the screen is ready; a screen that is slow is still taken, as it is. */
async function settle(page, locator) {
  await locator
    .first()
    .waitFor({ state: 'visible', timeout: 20_000 })
    .catch(() => console.warn(`  (not seen in time: ${locator})`));
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // fonts, charts and the notesheet's last layout
  await page.waitForTimeout(500);
}

/** The screens, each: who sees it and how to get there. `app` is the Content App's address. */
const SCREENS = [
  {
    name: 'inbox',
    officer: SECTION_OFFICER,
    async show(page, app) {
      await page.goto(`${app}/#/eoffice/receipts/inbox`);
      await settle(page, byId(page, 'eoffice-receipts-number'));
    }
  },
  {
    name: 'receipt',
    officer: SECTION_OFFICER,
    async show(page, app) {
      await page.goto(`${app}/#/eoffice/receipts/inbox`);
      await settle(page, byId(page, 'eoffice-receipts-number'));
      await byId(page, 'eoffice-receipts-number').first().click();
      await settle(page, byId(page, 'eoffice-receipt-view-number'));
    }
  },
  {
    name: 'file',
    officer: SECTION_OFFICER,
    async show(page, app) {
      await page.goto(`${app}/#/eoffice/files/inbox`);
      await settle(page, byId(page, 'eoffice-files-number'));
      await byId(page, 'eoffice-files-number').first().click();
      await settle(page, page.locator('[data-testid^="note-body-"]'));
    }
  },
  {
    name: 'mis',
    officer: SECRETARY,
    async show(page, app) {
      await page.goto(`${app}/#/eoffice/mis`);
      await settle(page, page.locator('canvas'));
    }
  },
  {
    name: 'search',
    officer: SECTION_OFFICER,
    async show(page, app, lang) {
      const words = lang === 'hi' ? 'अवकाश' : 'leave';
      await page.goto(`${app}/#/eoffice/search?q=${encodeURIComponent(words)}`);
      await settle(page, page.locator('[data-automation-id^="eoffice-search-hit-"]'));
    }
  }
].filter((screen) => !only.length || only.includes(screen.name));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs `npm start` on free ports and resolves with the app's address once it says it is running. */
async function startApp(dataDir) {
  const [port, repositoryPort] = [await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--port', String(port), '--repository-port', String(repositoryPort), '--data', dataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true }
  );
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('npm start did not say it was running within 10 minutes')), 600_000);
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      seen += chunk;
      const running = /eOffice for Alfresco is running: (\S+)/.exec(seen);
      if (running) {
        clearTimeout(timer);
        resolve(running[1].replace(/\/$/, ''));
      }
    });
    child.on('exit', (code) => reject(new Error(`npm start stopped with exit code ${code}`)));
  });
  return { url, stop: () => stopProcess(child) };
}

async function stopProcess(child) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // start.mjs stops the repository and the web server it started when told to stop
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

async function signIn(page, app, officer) {
  await page.goto(`${app}/`);
  await page.locator('#username').fill(officer.user);
  await page.locator('#password').fill(officer.password);
  await page.locator('#login-button').click();
  await page.waitForURL(/#\/personal-files/);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoffice-screenshots-'));
let app;
let browser;
try {
  app = await startApp(dataDir);
  fs.mkdirSync(out, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  for (const lang of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      for (const screen of SCREENS) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          locale: lang === 'hi' ? 'hi-IN' : 'en-IN',
          timezoneId: 'Asia/Kolkata'
        });
        // The language an officer picks in the user menu, as ADF keeps it: per user, under the signed-in
        // user's name (USER_PROFILE), or GUEST's before signing in.
        await context.addInitScript(
          ({ locale, user }) => {
            for (const who of ['GUEST', user]) localStorage.setItem(`${who}__locale`, locale);
          },
          { locale: lang, user: screen.officer.user }
        );
        await context.addInitScript(devanagariFaces);
        const page = await context.newPage();
        await signIn(page, app.url, screen.officer);
        await screen.show(page, app.url, lang);
        const file = path.join(out, `${screen.name}-${lang}-${viewport.name}.png`);
        await page.screenshot({ path: file });
        console.log(`saved ${path.relative(root, file)}`);
        await context.close();
      }
    }
  }
} finally {
  await browser?.close();
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
