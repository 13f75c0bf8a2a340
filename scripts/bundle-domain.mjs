#!/usr/bin/env node
// Puts the built @eoffice/domain (dist/domain, `ng build domain`) inside the built extension, as
// dist/eoffice/node_modules/@eoffice/domain: @eoffice/extension lists it in bundleDependencies, so `npm pack`
// and an install from the folder carry it, and a host installs the extension alone. ng-packagr keeps every
// bare import external and copies no asset from outside the library, hence this step after `ng build eoffice`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const domain = path.join(root, 'dist', 'domain');
const extension = path.join(root, 'dist', 'eoffice');
for (const [dir, build] of [
  [domain, 'ng build domain'],
  [extension, 'ng build eoffice']
])
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    console.error(`${path.relative(root, dir)} is not built: run ${build} first`);
    process.exit(1);
  }
const target = path.join(extension, 'node_modules', '@eoffice', 'domain');
fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(domain, target, { recursive: true });
console.log(`@eoffice/domain bundled into ${path.relative(root, target)}`);
