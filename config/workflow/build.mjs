#!/usr/bin/env node
// Generates each <key>.bpmn20.xml from src/<key>.template.xml (eoMovement, the movement workflow;
// eoRegister, the registration that makes numbers): each {{script:NAME}} becomes a CDATA block holding,
// in order, ES5 polyfills, the channel rules and numbering conventions compiled from
// the @eoffice/domain package, projects/domain/src (DOMAIN_FILES, as `eoDomain`), the helpers of
// SHARED_SOURCES (src/lib.js, src/notices.js, src/links.js), the script's SCRIPT_SOURCES (src/pending.js) and
// src/NAME.js; of the domain modules and the helpers, only those the script reaches (listenerScript). One source of
// truth: the browser and the repository run the same mayMark/routeDown, write the same correspondence
// flags and format numbers alike.
// It also writes the models' LIST constraints of movement actions (eo:movementActions, eowf:actions,
// eowf:decisions) from the domain's action table (movement-actions.ts), so a new action is added there once.
//   node config/workflow/build.mjs           writes the definitions and the action lists
//   node config/workflow/build.mjs --check   exits 1 when a committed definition or list is stale
//   node config/workflow/build.mjs --helpers prints every helper a listener may carry (the Rhino tests call them)
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

let compiledModules;
/** The domain modules compiled to ES5, each with the names it exports and the modules it requires. */
function domainModules() {
  return (compiledModules ??= DOMAIN_FILES.map((file) => {
    const out = ts.transpileModule(fs.readFileSync(path.join(domainDir, file), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.CommonJS, removeComments: true, importHelpers: false },
      fileName: file
    }).outputText;
    const requires = [...out.matchAll(/\brequire\(["']([^"']*)["']\)/g)].map((m) => `${m[1].replace(/^\.\//, '')}.ts`);
    for (const r of requires)
      if (!DOMAIN_FILES.slice(0, DOMAIN_FILES.indexOf(file)).includes(r))
        throw new Error(`${file} imports ${r}: only types or an earlier domain module, so that it compiles to a self-contained script`);
    const exported = new Set([...out.matchAll(/\bexports\.(\w+) =/g)].map((m) => m[1]));
    return { file, exported, requires, text: out.replace(/\/\/# sourceMappingURL=.*$/m, '').trim() };
  }));
}

/**
 * `eoDomain` with the modules that export one of `names` and the modules those require, in their order ('' when
 * none is needed); without `names`, every module.
 */
export function compiledDomain(names) {
  const modules = domainModules();
  const wanted = new Set(names ? modules.filter((m) => names.some((n) => m.exported.has(n))).map((m) => m.file) : DOMAIN_FILES);
  for (const m of [...modules].reverse()) if (wanted.has(m.file)) m.requires.forEach((r) => wanted.add(r));
  const kept = modules.filter((m) => wanted.has(m.file));
  if (!kept.length) return '';
  return `var eoDomain = (function () { var exports = {}; var require = function () { return exports; };\n${kept.map((m) => m.text).join('\n')}\nreturn exports; })();`;
}

/** The names a piece of script mentions: its identifiers, property names included (more than it uses, never fewer). */
function mentioned(node) {
  const names = new Set();
  const walk = (n) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, walk);
  };
  walk(node);
  return names;
}

const parse = (file, source) => ts.createSourceFile(file, source, ts.ScriptTarget.ES5, true, ts.ScriptKind.JS);

const declared = new Map();
/** The top-level declarations of a helper file: the names each declares and mentions, and its text with its comments. */
function declarations(file) {
  if (!declared.has(file)) declared.set(file, readDeclarations(file));
  return declared.get(file);
}
function readDeclarations(file) {
  const sf = parse(file, fs.readFileSync(path.join(here, 'src', file), 'utf8').trim());
  return sf.statements.map((st) => {
    let names;
    if (ts.isFunctionDeclaration(st) && st.name) names = [st.name.text];
    else if (ts.isVariableStatement(st)) names = st.declarationList.declarations.map((d) => d.name.getText(sf));
    // Anything else would run whether a listener needs it or not: the helpers hold declarations only.
    else throw new Error(`${file}: the shared helpers hold only function and var declarations (found: ${st.getText(sf).slice(0, 60)})`);
    return { names, mentions: mentioned(st), text: st.getFullText(sf).replace(/^\n+/, '') };
  });
}

/**
 * The script of listener `name`: the polyfills, `eoDomain` with only the modules its helpers and code use, only
 * the helpers of SHARED_SOURCES its own code reaches (followed name by name from what it mentions), and its own
 * sources. Every run evaluates its script's whole top level (under Rhino too, each run in a new scope), so a
 * listener that needs a few helpers no longer defines them all each time: Activiti's delete listener reaches 8
 * of the 113 and no domain module, the claim 21 and one module. A name mentioned only as a property still
 * counts (more is kept than used, never less), and no helper is looked up by a name made at run time.
 */
export function listenerScript(name) {
  const own = [...(SCRIPT_SOURCES[name] ?? []), `${name}.js`].map((f) => fs.readFileSync(path.join(here, 'src', f), 'utf8').trim());
  const helpers = SHARED_SOURCES.flatMap(declarations);
  const declaring = new Map();
  helpers.forEach((d, i) => d.names.forEach((n) => declaring.set(n, i)));
  const kept = new Set();
  const pending = [...mentioned(parse(`${name}.js`, own.join('\n')))];
  while (pending.length) {
    const i = declaring.get(pending.pop());
    if (i === undefined || kept.has(i)) continue;
    kept.add(i);
    pending.push(...helpers[i].mentions);
  }
  const shared = helpers.filter((_d, i) => kept.has(i)).map((d) => d.text);
  const used = [...new Set([...[...shared, ...own].join('\n').matchAll(/\beoDomain\.(\w+)/g)].map((m) => m[1]))];
  return `${[POLYFILLS, compiledDomain(used), ...shared, ...own].filter((part) => part).join('\n')}\n`;
}

/** Every helper a listener may carry (the polyfills, all of `eoDomain`, SHARED_SOURCES), as the build writes each: the Rhino tests call them directly. */
export function helperLibrary() {
  return `${[POLYFILLS, compiledDomain(), ...SHARED_SOURCES.flatMap(declarations).map((d) => d.text)].join('\n')}\n`;
}

export function build(key = 'eoMovement') {
  const template = fs.readFileSync(path.join(here, 'src', `${key}.template.xml`), 'utf8');
  return template.replace(/\{\{script:([a-z]+)\}\}/g, (_m, name) => {
    const script = listenerScript(name);
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--helpers')) {
  process.stdout.write(helperLibrary());
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
