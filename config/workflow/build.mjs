#!/usr/bin/env node
// Generates each <key>.bpmn20.xml from src/<key>.template.xml (eoMovement, the movement workflow;
// eoRegister, the registration that makes numbers): each {{script:NAME}} becomes a CDATA block holding,
// in order, ES5 polyfills, the channel rules and numbering conventions compiled from
// the @eoffice/domain package, projects/domain/src (DOMAIN_FILES, as `eoDomain`), src/lib.js and src/NAME.js. One source of
// truth: the browser and the repository run the same mayMark/routeDown, write the same correspondence
// flags and format numbers alike.
//   node config/workflow/build.mjs           writes the definition
//   node config/workflow/build.mjs --check   exits 1 when the committed definition is stale
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const domainDir = path.join(root, 'projects', 'domain', 'src');
/**
 * Domain modules the scripts use, in dependency order; each may import only types or another of these
 * (all of them write into the one `exports`, so such an import resolves to it).
 */
const DOMAIN_FILES = ['vocabulary.ts', 'hierarchy.ts', 'file-number.ts', 'office-time.ts', 'numbering.ts'];
/** The generated definitions, one per src/<key>.template.xml. */
export const DEFINITIONS = ['eoMovement', 'eoRegister'];
export const OUTPUT = path.join(here, 'eoMovement.bpmn20.xml');
export const outputOf = (key) => path.join(here, `${key}.bpmn20.xml`);

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
    for (const m of out.matchAll(/\brequire\(["']([^"']*)["']\)/g))
      if (!DOMAIN_FILES.slice(0, DOMAIN_FILES.indexOf(file)).includes(`${m[1].replace(/^\.\//, '')}.ts`))
        throw new Error(`${file} imports ${m[1]}: only types or an earlier domain module, so that it compiles to a self-contained script`);
    return out.replace(/\/\/# sourceMappingURL=.*$/m, '').trim();
  });
  return `var eoDomain = (function () { var exports = {}; var require = function () { return exports; };\n${modules.join('\n')}\nreturn exports; })();`;
}

export function build(key = 'eoMovement') {
  const template = fs.readFileSync(path.join(here, 'src', `${key}.template.xml`), 'utf8');
  const shared = [POLYFILLS, compiledDomain(), fs.readFileSync(path.join(here, 'src', 'lib.js'), 'utf8').trim()].join('\n');
  return template.replace(/\{\{script:([a-z]+)\}\}/g, (_m, name) => {
    const script = `${shared}\n${fs.readFileSync(path.join(here, 'src', `${name}.js`), 'utf8').trim()}\n`;
    if (script.includes(']]>')) throw new Error(`${name}.js: a script must not contain ]]>`);
    return `<![CDATA[\n${script}]]>`;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let stale = false;
  for (const key of DEFINITIONS) {
    const text = build(key);
    const output = outputOf(key);
    if (process.argv.includes('--check')) {
      const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
      if (current !== text) {
        console.error(`${path.relative(root, output)} is stale: run node config/workflow/build.mjs`);
        stale = true;
      } else console.log(`${path.relative(root, output)} is up to date`);
    } else {
      fs.writeFileSync(output, text);
      console.log(`wrote ${path.relative(root, output)}`);
    }
  }
  if (stale) process.exit(1);
}
