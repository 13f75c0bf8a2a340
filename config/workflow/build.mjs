#!/usr/bin/env node
// Generates eoMovement.bpmn20.xml from src/eoMovement.template.xml: each {{script:NAME}} becomes a CDATA
// block holding, in order, ES5 polyfills, the channel rules and numbering conventions compiled from
// projects/eoffice/src/lib/domain/hierarchy.ts and file-number.ts (as `eoDomain`), src/lib.js and
// src/NAME.js. One source of truth: the browser and the repository run the same mayMark/routeDown and
// write the same correspondence flags.
//   node config/workflow/build.mjs           writes the definition
//   node config/workflow/build.mjs --check   exits 1 when the committed definition is stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const domainDir = path.join(root, 'projects', 'eoffice', 'src', 'lib', 'domain');
/** Domain modules the scripts use; each must import types only, so that it compiles self-contained. */
const DOMAIN_FILES = ['hierarchy.ts', 'file-number.ts'];
export const OUTPUT = path.join(here, 'eoMovement.bpmn20.xml');

// Rhino (Alfresco's script engine) may lack these ES2015+ array methods; V8 has them all.
const POLYFILLS = `if (!Array.prototype.find) Array.prototype.find = function (f) { for (var i = 0; i < this.length; i++) if (f(this[i], i, this)) return this[i]; return undefined; };
if (!Array.prototype.findIndex) Array.prototype.findIndex = function (f) { for (var i = 0; i < this.length; i++) if (f(this[i], i, this)) return i; return -1; };
if (!Array.prototype.includes) Array.prototype.includes = function (x) { return this.indexOf(x) >= 0; };`;

export function compiledDomain() {
  const modules = DOMAIN_FILES.map((file) => {
    const out = ts.transpileModule(fs.readFileSync(path.join(domainDir, file), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, removeComments: true, importHelpers: false },
      fileName: file
    }).outputText;
    if (/\brequire\(/.test(out)) throw new Error(`${file} must import types only, so that it compiles to a self-contained script`);
    return out.replace(/\/\/# sourceMappingURL=.*$/m, '').trim();
  });
  return `var eoDomain = (function () { var exports = {};\n${modules.join('\n')}\nreturn exports; })();`;
}

export function build() {
  const template = fs.readFileSync(path.join(here, 'src', 'eoMovement.template.xml'), 'utf8');
  const shared = [POLYFILLS, compiledDomain(), fs.readFileSync(path.join(here, 'src', 'lib.js'), 'utf8').trim()].join('\n');
  return template.replace(/\{\{script:([a-z]+)\}\}/g, (_m, name) => {
    const script = `${shared}\n${fs.readFileSync(path.join(here, 'src', `${name}.js`), 'utf8').trim()}\n`;
    if (script.includes(']]>')) throw new Error(`${name}.js: a script must not contain ]]>`);
    return `<![CDATA[\n${script}]]>`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = build();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(root, OUTPUT)} is stale: run node config/workflow/build.mjs`);
      process.exit(1);
    }
    console.log(`${path.relative(root, OUTPUT)} is up to date`);
  } else {
    fs.writeFileSync(OUTPUT, text);
    console.log(`wrote ${path.relative(root, OUTPUT)}`);
  }
}
