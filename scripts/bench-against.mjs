#!/usr/bin/env node
// npm run bench:against -- <git ref> <bench> [bench options] [--pairs 6] [--figure "^marking: "]
//
// Runs a benchmark on this tree and on <git ref> (a worktree of it beside this one, sharing node_modules), one
// after the other, <pairs> times, and prints the figure of each run and both means. On a shared two-core machine
// a bench's figures drift by a sixth between runs minutes apart, far more than most changes move them: a
// before-and-after pair of runs says nothing, while pairs run alternately, each side as often as the other,
// average that drift out. The figure is the first "<number>/s" of the first output line matching --figure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benches, root } from './benches.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const pairs = Number(option('--pairs', '6'));
const figure = new RegExp(option('--figure', '^marking: '), 'm');
const [ref, bench, ...benchOptions] = args;
if (!ref || !bench || !Number.isInteger(pairs) || pairs < 1) {
  console.log('Usage: npm run bench:against -- <git ref> <bench> [bench options] [--pairs 6] [--figure "^marking: "]');
  process.exit(ref ? 1 : 0);
}

if (!benches().some(([name]) => name === bench)) {
  console.error(`No benchmark named ${bench} (projects/*/bench/${bench}.bench.ts)`);
  process.exit(1);
}

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
let commit;
try {
  commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
} catch {
  console.error(`${ref} names no commit of this repository`);
  process.exit(1);
}
const other = fs.mkdtempSync(path.join(os.tmpdir(), `eoffice-bench-${commit.slice(0, 8)}-`));
git('worktree', 'add', '--detach', '--force', other, commit);
// The same installed packages: only the sources differ between the two sides.
for (const dir of ['.', ...fs.readdirSync(path.join(root, 'projects')).map((p) => path.join('projects', p))]) {
  const modules = path.join(root, dir, 'node_modules');
  if (fs.existsSync(modules) && fs.existsSync(path.join(other, dir))) fs.symlinkSync(modules, path.join(other, dir, 'node_modules'));
}

/** One run of the bench in `tree`: its figure (per second); a run that printed none stops the comparison. */
function run(tree) {
  const out = spawnSync(process.execPath, ['scripts/bench.mjs', bench, ...benchOptions], { cwd: tree, encoding: 'utf8' });
  const line = figure.exec(out.stdout ?? '');
  const value = line ? /([\d.]+)\/s/.exec(out.stdout.slice(line.index).split('\n')[0]) : null;
  if (!value) throw new Error(`No figure matching ${figure} from the bench in ${tree}:\n${(out.stdout ?? '') + (out.stderr ?? '')}`);
  return Number(value[1]);
}

const figures = { [ref]: [], this: [] };
try {
  console.log(`${bench} ${benchOptions.join(' ')}: ${pairs} pairs, ${ref} (${commit.slice(0, 8)}) and this tree alternately`);
  for (let i = 1; i <= pairs; i++) {
    // Which side goes first alternates too, so neither always runs on a machine just warmed by the other.
    const order = i % 2 ? [ref, 'this'] : ['this', ref];
    const got = {};
    for (const side of order) figures[side].push((got[side] = run(side === ref ? other : root)));
    console.log(`pair ${i}: ${ref} ${got[ref].toFixed(1)}/s, this ${got.this.toFixed(1)}/s`);
  }
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const won = figures.this.filter((x, i) => x > figures[ref][i]).length;
  const [a, b] = [mean(figures[ref]), mean(figures.this)];
  console.log(
    `mean: ${ref} ${a.toFixed(1)}/s, this ${b.toFixed(1)}/s (${b >= a ? '+' : ''}${((100 * (b - a)) / a).toFixed(1)}%); this tree ahead in ${won} of ${pairs} pairs`
  );
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  git('worktree', 'remove', '--force', other);
}
