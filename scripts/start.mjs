#!/usr/bin/env node
// npm start: the Content App with the e-Office extension on the local ACS-compatible repository.
//   1. builds the extension and the production host when sources are newer than dist/
//   2. starts the repository (data under ~/.local/share/eoffice-repository unless --data is given)
//   3. seeds the demo department when the installer offers it (admin only before)
//   4. serves the build with /alfresco proxied to the repository, prints the URL and logins
//   5. keeps the repository's outbound mail in a loopback mail catcher, readable at http://localhost:8025/
// Ctrl-C stops everything.  Options: --port 4200 --repository-port 8080 --mail-port 8025 --data <dir>
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', 4200));
const repositoryPort = Number(arg('repository-port', 8080));
const mailPort = Number(arg('mail-port', 8025));
const dataDir = arg('data', path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'eoffice-repository'));
const dist = path.join(root, 'dist', 'content-app', 'browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const index = path.join(dist, 'index.html');
const sources = ['projects/domain', 'projects/eoffice', 'projects/content-app'].map((d) => newestMtime(path.join(root, d)));
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < Math.max(...sources)) {
  console.log('Building the extension and the Content App (production)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];
const stopAll = (code = 0) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (d) => process.stdout.write(`[${name}] ${d}`));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`${name} stopped with exit code ${code}`);
      stopAll(code);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds}s`);
}

start('repository', [
  '--import',
  'tsx',
  'projects/repository/src/main.ts',
  '--port',
  String(repositoryPort),
  '--data',
  dataDir,
  '--mail-catcher',
  String(mailPort),
  // the Inbox asks for what a post holds that moves: searched together (projects/repository property-pairs.ts)
  '--paired-properties',
  'eo:currentHolder+eo:status'
]);
const repositoryUrl = `http://127.0.0.1:${repositoryPort}`;
await waitFor(`${repositoryUrl}/alfresco/api/-default-/public/alfresco/versions/1/probes/-ready-`);

const logins = [['admin', 'admin', 'Administrator']];
const certificatesDir = path.join(dataDir, 'demo-certificates');
let certificatePassword;
const installer = path.join(root, 'projects', 'installer', 'src', 'cli.ts');
if (fs.existsSync(installer)) {
  console.log('Seeding the demo department…');
  const seed = spawnSync(
    process.execPath,
    // Demo certificates (a demo CA and each officer's .p12) are made in the data folder, never in the checkout.
    [
      '--import',
      'tsx',
      installer,
      'seed-demo',
      '--url',
      repositoryUrl,
      '--user',
      'admin',
      '--password',
      'admin',
      '--if-empty',
      '--certificates',
      certificatesDir
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
  );
  if (seed.status !== 0) console.error('Demo seeding failed; the repository runs with admin only.');
  else {
    const lines = seed.stdout.toString().split('\n');
    for (const l of lines) {
      const m = /^LOGIN (\S+) (\S+) (.*)$/.exec(l);
      if (m) logins.push([m[1], m[2], m[3]]);
      certificatePassword ??= /^CERTIFICATE \S+ (\S+) /.exec(l)?.[1];
    }
  }
}

start('web', ['scripts/serve.mjs', '--dist', dist, '--port', String(port), '--repository', repositoryUrl]);
await waitFor(`http://localhost:${port}/`);
console.log(`\neOffice for Alfresco is running: http://localhost:${port}/`);
console.log(`Repository (ACS REST API): ${repositoryUrl}/alfresco  data: ${dataDir}`);
console.log(`Mail sent by the repository (kept on this machine): http://localhost:${mailPort}/`);
console.log('Logins:');
for (const [user, password, who] of logins) console.log(`  ${user.padEnd(14)} ${password.padEnd(10)} ${who}`);
if (certificatePassword) console.log(`Demo signing certificates (PKCS#12, password ${certificatePassword}): ${certificatesDir}/<user>.p12`);
console.log('Press Ctrl-C to stop.');
