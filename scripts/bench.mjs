#!/usr/bin/env node
// npm run bench -- <name> [options]: runs projects/*/bench/<name>.bench.ts and prints its figures.
import { spawnSync } from 'node:child_process';
import { benches, root } from './benches.mjs';

const all = benches();
const [name, ...rest] = process.argv.slice(2);
const found = all.find(([n]) => n === name);
if (!found) {
  console.log(`Usage: npm run bench -- <name>; benchmarks: ${all.map(([n]) => n).join(', ')}`);
  process.exit(name ? 1 : 0);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', found[1], ...rest], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
