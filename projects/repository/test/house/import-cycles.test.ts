/**
 * The local repository and the installer have no import cycle (issue 15): a module that needs another's
 * value never also provides one to it, so each layer can be read, tested and replaced on its own. Type-only
 * imports are left out (they vanish at run time). And the layers point one way: below the handlers nothing
 * imports the HTTP layer (services, the workflow engine, search, the dictionary and persistence are used by
 * handlers, scripts and benches alike).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative value imports of a module, resolved to files. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'(\.[^']+)'/gmu)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (hit) out.push(hit);
  }
  return out;
}

/** Strongly connected components of more than one module (Tarjan). */
function cycles(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, imports(f).filter((g) => files.includes(g))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(path.relative(ROOT, w));
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

for (const project of ['projects/repository/src', 'projects/installer/src'])
  test(`${project} has no import cycle`, () => {
    assert.deepEqual(cycles(sources(path.join(ROOT, project))), []);
  });

test('nothing below the handlers imports the HTTP layer', () => {
  const src = path.join(ROOT, 'projects/repository/src');
  const http = path.join(src, 'http');
  const below = ['services', 'workflow', 'search', 'dictionary', 'persistence', 'auth', 'errors', 'util'];
  const offenders = below
    .flatMap((dir) => (fs.existsSync(path.join(src, dir)) ? sources(path.join(src, dir)) : []))
    .filter((f) => imports(f).some((g) => g.startsWith(http + path.sep)))
    .map((f) => path.relative(ROOT, f));
  assert.deepEqual(offenders, []);
});
