#!/usr/bin/env node
// npm test: every suite, one after another, even when an earlier one fails:
//   1. repository (node:test through tsx)   2. unit (Karma in Debian's Chromium)
//   3. build (library + production host)     4. e2e (Playwright against the production build)
// Each suite prints its own `N passed, N failed`; the last line is the total. Exit 1 on any failure.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'repository', cmd: ['npm', 'run', '--silent', 'test:repository'] },
  { name: 'unit', cmd: ['npm', 'run', '--silent', 'test:unit'] },
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'], counted: false },
  { name: 'e2e', cmd: ['npm', 'run', '--silent', 'test:e2e'] }
];
const only = process.argv.slice(2);

function run(suite) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${suite.name}: ${suite.cmd.join(' ')}`);
    const child = spawn(suite.cmd[0], suite.cmd.slice(1), {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CI: process.env.CI ?? 'true' }
    });
    let last = null;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        const m = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed/.exec(line.trim());
        if (m) last = { passed: Number(m[1]), failed: Number(m[2]) };
      }
    });
    child.on('close', (code) => {
      const m = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed/.exec(buffer.trim());
      if (m) last = { passed: Number(m[1]), failed: Number(m[2]) };
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(`=== ${suite.name}: exit ${code} in ${seconds}s`);
      resolve({ suite, code, counts: last });
    });
  });
}

let passed = 0;
let failed = 0;
let broken = false;
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  const { code, counts } = await run(suite);
  if (suite.counted === false) {
    if (code !== 0) {
      broken = true;
      failed += 1;
    }
    continue;
  }
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  // A suite that failed without reporting failures (crash, no tests) still counts as one failure.
  if (code !== 0 && (!counts || counts.failed === 0)) failed += 1;
  if (code !== 0) broken = true;
}
console.log('\nAll suites:');
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
