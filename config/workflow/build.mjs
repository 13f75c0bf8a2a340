#!/usr/bin/env node
// Generates each <key>.bpmn20.xml from src/<key>.template.xml (eoMovement, the movement workflow;
// eoRegister, the registration that makes numbers): each {{script:NAME}} becomes a CDATA block holding,
// in order, ES5 polyfills, the channel rules and numbering conventions compiled from
// the @eoffice/domain package, projects/domain/src (DOMAIN_FILES, as `eoDomain`), SHARED_SOURCES (src/lib.js,
// src/notices.js, src/links.js), the script's SCRIPT_SOURCES (src/pending.js) and src/NAME.js. One source of
// truth: the browser and the repository run the same mayMark/routeDown, write the same correspondence
// flags and format numbers alike.
// It also writes the models' LIST constraints of movement actions (eo:movementActions, eowf:actions,
// eowf:decisions) from the domain's action table (movement-actions.ts), so a new action is added there once.
//   node config/workflow/build.mjs           writes the definitions and the action lists
//   node config/workflow/build.mjs --check   exits 1 when a committed definition or list is stale
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
const DOMAIN_FILES = ['vocabulary.ts', 'hierarchy.ts', 'file-number.ts', 'office-time.ts', 'working-days.ts', 'numbering.ts'];
/** The helpers every script shares, in order: lib.js, then notices.js (issue 19's notices and their mails), links.js (link officers). */
const SHARED_SOURCES = ['lib.js', 'notices.js', 'links.js'];
/**
 * Helpers only some scripts need, put after the shared ones in those alone (so the sixteen listeners of
 * eoMovement do not each carry them): pending.js, what a post has pending and releasing an officer's claims on
 * it, for a transfer of charge and a link officer's period.
 */
const SCRIPT_SOURCES = { charge: ['pending.js'], link: ['pending.js'], linkbegins: ['pending.js'], unlink: ['pending.js'] };
/** The generated definitions, one per src/<key>.template.xml (eoCharge: transfer of charge, src/charge.js; eoLink: a link officer, src/link.js and unlink.js; eoDaily: the daily digests and escalations, src/daily.js and digest.js). */
export const DEFINITIONS = ['eoMovement', 'eoRegister', 'eoCharge', 'eoLink', 'eoDaily'];
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
  const shared = [
    POLYFILLS,
    compiledDomain(),
    ...SHARED_SOURCES.map((f) => fs.readFileSync(path.join(here, 'src', f), 'utf8').trim())
  ].join('\n');
  return template.replace(/\{\{script:([a-z]+)\}\}/g, (_m, name) => {
    const own = [...(SCRIPT_SOURCES[name] ?? []), `${name}.js`].map((f) => fs.readFileSync(path.join(here, 'src', f), 'utf8').trim());
    const script = `${shared}\n${own.join('\n')}\n`;
    if (script.includes(']]>')) throw new Error(`${name}.js: a script must not contain ]]>`);
    return `<![CDATA[\n${script}]]>`;
  });
}

/** The movement-action table (projects/domain/src/movement-actions.ts), compiled and evaluated here. */
function actionTable() {
  const source = fs.readFileSync(path.join(domainDir, 'movement-actions.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.CommonJS },
    fileName: 'movement-actions.ts'
  }).outputText;
  const module = { exports: {} };
  new Function('module', 'exports', 'require', js)(module, module.exports, () => {
    throw new Error('movement-actions.ts must not import values: the build evaluates it alone');
  });
  return module.exports;
}

/** Each model LIST constraint of movement actions and the codes the table gives it. */
const ACTION_LISTS = [
  { file: 'eofficeModel.xml', constraint: 'eo:movementActions', codes: (t) => t.recordedActionCodes() },
  { file: 'eofficeWorkflowModel.xml', constraint: 'eowf:actions', codes: (t) => t.actionCodes('holderTask') },
  { file: 'eofficeWorkflowModel.xml', constraint: 'eowf:decisions', codes: (t) => t.actionCodes('decision') }
];
export const MODEL_FILES = [...new Set(ACTION_LISTS.map((l) => l.file))].map((f) => path.join(root, 'config', 'model', f));

/** The model file with its movement-action LIST constraints written from the table, six values a line. */
export function withActionLists(file, xml) {
  const table = actionTable();
  let out = xml;
  for (const list of ACTION_LISTS.filter((l) => l.file === path.basename(file))) {
    const pattern = new RegExp(
      `(<constraint name="${list.constraint}" type="LIST">\\s*<parameter name="allowedValues"><list>)[\\s\\S]*?(</list></parameter>)`
    );
    if (!pattern.test(out)) throw new Error(`${path.basename(file)}: no LIST constraint ${list.constraint} to write`);
    const values = list.codes(table).map((c) => `<value>${c}</value>`);
    const lines = [];
    for (let i = 0; i < values.length; i += 6) lines.push(`        ${values.slice(i, i + 6).join('')}`);
    out = out.replace(pattern, (_m, open, close) => `${open}\n${lines.join('\n')}\n      ${close}`);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let stale = false;
  const outputs = [
    ...DEFINITIONS.map((key) => ({ output: outputOf(key), text: () => build(key) })),
    ...MODEL_FILES.map((file) => ({ output: file, text: () => withActionLists(file, fs.readFileSync(file, 'utf8')) }))
  ];
  for (const { output, text: make } of outputs) {
    const text = make();
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
