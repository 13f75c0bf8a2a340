#!/usr/bin/env node
// Usage: node scripts/preload-initial.mjs [dist/content-app/browser]
// Adds a <link rel="modulepreload"> to the built index.html for every chunk the app's entry imports
// statically, at any depth. The Angular build writes at most ten (the first found: MODULE_PRELOAD_MAX in
// @angular/build) and left out the two largest chunks (2.2 MB and 0.8 MB raw), which the browser then asked
// for only once main.js had arrived and been parsed: one more round trip before the app could start.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Static imports and re-exports of a built module (`import{a}from"./chunk-X.js"`, `import"./chunk-Y.js"`), never `import("…")`. */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']\.\/([\w.-]+\.m?js)["']/g;

/** @param {string} dist @returns {{ added: string[] }} */
export function preloadInitial(dist) {
  const indexFile = path.join(dist, 'index.html');
  const html = fs.readFileSync(indexFile, 'utf8');
  const entries = [...html.matchAll(/<script src="([\w.-]+\.m?js)" type="module"/g)].map((match) => match[1]);
  const listed = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((match) => match[1]));
  const seen = new Set(entries);
  const queue = [...entries];
  const found = [];
  while (queue.length) {
    const file = queue.shift();
    for (const [, name] of fs.readFileSync(path.join(dist, file), 'utf8').matchAll(STATIC_IMPORT)) {
      // Only the build's own files (a string in the code that merely looks like an import is not one).
      if (seen.has(name) || !fs.existsSync(path.join(dist, name))) continue;
      seen.add(name);
      queue.push(name);
      found.push(name);
    }
  }
  const added = found.filter((name) => !listed.has(name));
  if (added.length) {
    const links = added.map((name) => `<link rel="modulepreload" href="${name}">`).join('');
    // Beside the build's own preloads (before the entry's <script> when it wrote none).
    const at = html.lastIndexOf('<link rel="modulepreload"');
    const insertAt = at >= 0 ? html.indexOf('>', at) + 1 : html.indexOf('<script src=');
    fs.writeFileSync(indexFile, html.slice(0, insertAt) + links + html.slice(insertAt));
  }
  return { added };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dist = path.resolve(process.argv[2] ?? 'dist/content-app/browser');
  const { added } = preloadInitial(dist);
  console.log(`index.html: ${added.length} more module preload(s)${added.length ? ` (${added.join(', ')})` : ''}`);
}
