// The benchmarks: projects/*/bench/<name>.bench.ts, by name (scripts/bench.mjs runs one, bench-against.mjs two trees' runs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [name, file] of every benchmark of the workspace. */
export function benches() {
  return fs.readdirSync(path.join(root, 'projects')).flatMap((p) => {
    const dir = path.join(root, 'projects', p, 'bench');
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.bench.ts'))
          .map((f) => [f.replace('.bench.ts', ''), path.join(dir, f)])
      : [];
  });
}
