#!/usr/bin/env node
// npm run bench -- <name> [options]: runs projects/*/bench/<name>.bench.ts and prints its figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benches = fs.readdirSync(path.join(root, 'projects')).flatMap((p) => {
  const dir = path.join(root, 'projects', p, 'bench');
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.bench.ts'))
        .map((f) => [f.replace('.bench.ts', ''), path.join(dir, f)])
    : [];
});
const [name, ...rest] = process.argv.slice(2);
const found = benches.find(([n]) => n === name);
if (!found) {
  console.log(`Usage: npm run bench -- <name>; benchmarks: ${benches.map(([n]) => n).join(', ')}`);
  process.exit(name ? 1 : 0);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', found[1], ...rest], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
