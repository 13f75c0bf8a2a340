#!/usr/bin/env node
// node scripts/cpu-profile.mjs <file.cpuprofile> [--top 40] [--match text]
// Summarises a V8 CPU profile (from `node --cpu-prof` or `npm run bench -- movement --profile DIR`): the
// functions and files with the most self time, and the functions with the most total (inclusive) time;
// --match keeps only functions whose name or file contains the text in the inclusive list.
import fs from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.log('Usage: node scripts/cpu-profile.mjs <file.cpuprofile> [--top 40] [--match text]');
  process.exit(1);
}
const opt = (name, fallback) => (rest.includes(`--${name}`) ? rest[rest.indexOf(`--${name}`) + 1] : fallback);
const TOP = Number(opt('top', 40));
const MATCH = opt('match', '');
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample time per node: each sample lasts until the next one.
const self = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  total += dt;
}
const short = (url) => url.replace(/^file:\/\//, '').replace(/.*\/(projects|node_modules)\//, '$1/');
const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
// Areas: the repository's folders, listener scripts, SQLite (better-sqlite3's native calls), Node's HTTP and
// streams, each package, the garbage collector.
const SQLITE_CALLS = new Set(['run', 'get', 'all', 'iterate', 'exec', 'prepare', 'pluck', 'transaction']);
const area = (n) => {
  const { url, functionName } = n.callFrame;
  if (!url) return SQLITE_CALLS.has(functionName) ? 'SQLite (native statements)' : `(${functionName || 'native'})`;
  if (url === 'AlfrescoJS') return 'listener scripts (their own JS)';
  if (url === 'eoffice-script-context') return 'script context keeper';
  const repo = /projects\/(\w+)\/(src|bench|test)\/(\w+)?/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}/${repo[3] ?? ''}`;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `package ${pkg[1]}`;
  if (url.startsWith('node:')) return /http|net|stream|socket|tcp/.test(url) ? 'Node HTTP, sockets, streams' : 'Node (other)';
  return short(url);
};
const selfArea = new Map();
const selfFn = new Map();
const selfFile = new Map();
const incl = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  add(selfFn, label(n), t);
  add(selfArea, area(n), t);
  add(selfFile, short(n.callFrame.url) || `(${n.callFrame.functionName})`, t);
  // Inclusive: once per distinct function on the stack (recursion counted once).
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const l = label(byId.get(at));
    if (!seen.has(l)) {
      seen.add(l);
      add(incl, l, t);
    }
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const show = (title, m, filter = () => true) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m]
    .filter(([k]) => filter(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP))
    console.log(`${pct(t)} ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
show('self time by area', selfArea);
show('self time by function', selfFn);
show('self time by file', selfFile);
show('total time by function', incl, (k) => !MATCH || k.includes(MATCH));
