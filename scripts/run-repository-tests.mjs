#!/usr/bin/env node
// Runs the repository, installer, domain and extension Node tests (projects/{repository,installer,domain,eoffice}/test/**/*.test.ts) with node's test runner through tsx.
//
//   node scripts/run-repository-tests.mjs [filter]     filter: substring of the test file path
//
// Output: the spec reporter, streamed; then the failing tests, and last a line `N passed, N failed`
// (plus `, N skipped` when some were skipped). Tests are counted, not suites; a file that cannot load
// counts as one failed test. Exit code 1 when anything failed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'projects', 'repository', 'test');
// The installer's tests run against the local repository too, so they belong to this suite; the domain
// package's (@eoffice/domain, framework-free) need no server and run with them; so do the extension's few
// Node tests (projects/eoffice/test), for what only a Node process can check: its PDFs read by Debian's poppler.
const testDirs = ['repository', 'installer', 'domain', 'eoffice'].map((p) => path.join(root, 'projects', p, 'test'));
const reporter = path.join(testDir, 'support', 'count-reporter.mjs');
const filter = process.argv[2];

function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(full);
      return entry.name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

const files = testDirs.flatMap(findTests).filter((f) => !filter || path.relative(root, f).includes(filter));
if (files.length === 0) {
  console.log(`No test files under ${testDirs.map((d) => path.relative(root, d)).join(', ')}${filter ? ` match "${filter}"` : ''}.`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}

const countsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'repo-tests-')), 'counts.json');
// Two cores: two test files (each with its own repository server) at a time.
const concurrency = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
const args = [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-timeout=120000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${pathToFileUrl(reporter)}`,
  `--test-reporter-destination=${countsFile}`,
  ...files.map((f) => path.relative(root, f))
];

function pathToFileUrl(p) {
  return new URL(`file://${p}`).href;
}

console.log(`Running ${files.length} test file(s), concurrency ${concurrency}\n`);
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.on('exit', (code, signal) => {
  let counts;
  try {
    counts = JSON.parse(fs.readFileSync(countsFile, 'utf8').trim().split('\n').pop());
  } catch {
    counts = undefined;
  }
  fs.rmSync(path.dirname(countsFile), { recursive: true, force: true });
  if (!counts) {
    console.log(`\nThe test runner ended (${signal ?? `exit code ${code}`}) without reporting counts.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  if (counts.failures.length) {
    console.log(`\nFailed tests (${counts.failures.length}):`);
    for (const name of counts.failures) console.log(`  ✖ ${name}`);
  }
  const skipped = counts.skipped + counts.todo;
  console.log('');
  console.log(`${counts.passed} passed, ${counts.failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(counts.failed > 0 || code !== 0 ? 1 : 0);
});
