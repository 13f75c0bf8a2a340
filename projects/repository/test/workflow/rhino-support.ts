/**
 * What the real-Rhino checks of the movement scripts share: Debian's `rhino` (the engine ACS embeds; the
 * checks are skipped without it), the built scripts (a definition's, the helpers of the holder `complete`
 * listener, every helper the build makes), a scratch folder for a describe's scripts and drivers, the lines a
 * driver starts with and sandboxes the script with, and one run of a driver script that prints its outcome as
 * `OUTCOME <json>`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const RHINO = '/usr/bin/rhino';
export const rhinoSkip = fs.existsSync(RHINO)
  ? false
  : `rhino is not installed (${RHINO}; apt-get install rhino): the real-engine check is skipped`;

/** The department's hierarchy the drivers run with (config/hierarchy/gad.hierarchy.json), a fresh copy to change. */
export function gadHierarchy(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8'));
}

/** A driver's first line: the host objects as ACS gives them (fixtures/rhino-host.js). */
const LOAD_RHINO_HOST = `load(${JSON.stringify(path.join(FIXTURES, 'rhino-host.js'))});`;

/** A driver's lines before it loads the script: no `java` or `Packages`, as in the sandbox ACS runs listener scripts in. */
export const RHINO_SANDBOX = 'var g = this;\ng.java = undefined;\ng.Packages = undefined;';

/** The n-th script (CDATA) of the built definition config/workflow/<definition>.bpmn20.xml. */
export function builtScript(definition: string, n = 0): string {
  const xml = fs.readFileSync(path.join(ROOT, 'config', 'workflow', `${definition}.bpmn20.xml`), 'utf8');
  const parts = xml.split('<![CDATA[').slice(1);
  assert.ok(parts[n], `${definition} has a script ${n}`);
  return parts[n].slice(0, parts[n].indexOf(']]>'));
}

/**
 * A scratch folder (os.tmpdir()/<prefix>…) for the scripts and drivers of the describe whose body calls this:
 * made before its tests, removed after them. `file(stem, text)` writes <stem>-<random>.js there, answering its
 * path; `run(driver)` writes a driver there that first loads the host objects (LOAD_RHINO_HOST) and runs it.
 */
export function useRhinoScratch(prefix: string): { file(stem: string, text: string): string; run<T>(driver: string): T } {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    file(stem, text) {
      const file = path.join(dir, `${stem}-${Math.random().toString(36).slice(2)}.js`);
      fs.writeFileSync(file, text);
      return file;
    },
    run<T>(driver: string): T {
      return runRhinoDriver<T>(this.file('driver', `${LOAD_RHINO_HOST}\n${driver}`));
    }
  };
}

// ------------------------------------------------------------------ drivers of the eoRegister start listener

/**
 * The built eoRegister start listener (its one script), as deployed, written to `scratch` before the tests of the
 * describe whose body calls this; answers a function giving its path (in a test, once written).
 */
export function useRegisterScript(scratch: { file(stem: string, text: string): string }): () => string {
  let script = '';
  before(() => {
    script = scratch.file('register', builtScript('eoRegister'));
  });
  return () => script;
}

/**
 * Driver lines: the department's document library `lib` and in it the registered file A-11011/5/2026-EST-GAD
 * (`file`, Files/2026/EST/000005, in movement, held by the post group `holder`).
 */
export function registeredFileLines(holder: string): string {
  return `var lib = new EoNode('documentLibrary', 'cm:folder', {}, { container: true });
var section = lib.add(new EoNode('Files', 'cm:folder', {}, { container: true }))
  .add(new EoNode('2026', 'cm:folder', {}, { container: true }))
  .add(new EoNode('EST', 'cm:folder', {}, { container: true }));
var file = section.add(new EoNode('000005', 'eo:file', { 'eo:fileNumber': eoJ('A-11011/5/2026-EST-GAD'), 'eo:status': eoJ('inMovement'),
  'eo:currentHolder': eoJ(${JSON.stringify(holder)}) }, { container: true }));`;
}

/** Driver line: `signer`'s signature, as the post group `post`, of version 1.1 of `draft`'s approval, in `signatures`; none for null. */
export function approvalSignatureLine(signer: string | null, post: string): string {
  return signer
    ? `signatures.add(new EoNode('000001-v1.1.p7s', 'eo:signature', { 'eo:signatureOf': draft, 'eo:signatureForm': eoJ('eoffice-draft-approval/1'),
  'eo:signedVersion': eoJ('1.1'), 'eo:signerPost': eoJ(${JSON.stringify(post)}), 'cm:creator': eoJ(${JSON.stringify(signer)}) },
  { content: new Array(1801).join('x') }));`
    : '';
}

/**
 * Driver lines after the host is installed: `lib` becomes the eo-gad site's document library, `actor` the
 * initiator (as ProcessesImpl.create sets it), and the built listener at `script` is loaded sandboxed, its
 * refusal's message left in `error` (null when it ran through).
 */
export function loadRegisterLines(script: string, actor: string): string {
  return `companyhome.add(new EoNode('Sites', 'cm:folder', {}, { container: true })).add(new EoNode('eo-gad', 'st:site', {}, { container: true })).add(lib);
var initiator = { properties: { userName: eoJ(${JSON.stringify(actor)}) } };
${RHINO_SANDBOX}
var error = null;
try {
  load(${JSON.stringify(script)});
} catch (e) {
  error = String(e.message || e);
}`;
}

/** The helpers of the built holder `complete` listener (polyfills, eoDomain, lib.js, links.js), without its body. */
export function holderCompleteHelpers(): string {
  const xml = fs.readFileSync(path.join(ROOT, 'config', 'workflow', 'eoMovement.bpmn20.xml'), 'utf8');
  const holder = xml.slice(xml.indexOf('<userTask id="holder"'), xml.indexOf('</userTask>', xml.indexOf('<userTask id="holder"')));
  const listener = holder.split('<activiti:taskListener').find((l) => l.includes('event="complete"') && l.includes('name="runAs"'));
  assert.ok(listener, 'no runAs complete listener on the holder task');
  const start = listener.indexOf('<![CDATA[') + '<![CDATA['.length;
  const script = listener.slice(start, listener.indexOf(']]>', start));
  const body = script.indexOf('// Holder task completion');
  assert.ok(body > 0, 'the complete body was not found in the built listener');
  return script.slice(0, body);
}

/**
 * Every helper a listener may carry (polyfills, eoDomain, lib.js, notices.js, links.js), as the build writes each
 * into the scripts ACS runs (config/workflow/build.mjs --helpers). Each listener carries only those it reaches;
 * the Rhino checks that call helpers directly (the notices, the timers) take them all from the build instead.
 */
export function builtHelpers(): string {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'config', 'workflow', 'build.mjs'), '--helpers'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

/** Runs a driver script in Rhino and reads the JSON it printed after `OUTCOME `. */
export function runRhinoDriver<T>(driver: string): T {
  const out = spawnSync(RHINO, [driver], { encoding: 'utf8', timeout: 60_000 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
  assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
  return JSON.parse(line.slice('OUTCOME '.length)) as T;
}
