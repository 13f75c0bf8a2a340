#!/usr/bin/env node
// Runs the Karma suites of the extension library and of the host app, one after the other,
// and ends with one line "N passed, N failed" over both.
import { spawn } from 'node:child_process';

const projects = ['eoffice', 'content-app'];
const summary = /^(\d+) passed, (\d+) failed$/;

function run(project) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['ng', 'test', project, '--watch=false', '--progress=false'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CHROME_BIN: process.env.CHROME_BIN || '/usr/bin/chromium', NG_CLI_ANALYTICS: 'false' }
    });
    let counts = null;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const match = summary.exec(line.trim());
        if (match) {
          counts = { passed: Number(match[1]), failed: Number(match[2]) };
          process.stdout.write(`[${project}] ${line}\n`);
        } else if (!/^(chunk-|spec-|polyfills|jasmine-cleanup|test_main|\s*\||Initial chunk files)/.test(line) && line.trim() !== '') {
          process.stdout.write(`${line}\n`);
        }
      }
    });
    child.on('close', (code) => resolve({ project, code, counts }));
  });
}

let passed = 0;
let failed = 0;
for (const project of projects) {
  process.stdout.write(`\n=== ${project}\n`);
  const result = await run(project);
  if (result.counts) {
    passed += result.counts.passed;
    failed += result.counts.failed;
  } else {
    process.stdout.write(`[${project}] no result (exit code ${result.code})\n`);
    failed += 1;
  }
  if (result.code !== 0 && result.counts?.failed === 0) {
    failed += 1;
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
