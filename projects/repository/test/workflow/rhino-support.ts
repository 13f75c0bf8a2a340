/**
 * What the real-Rhino checks of the movement scripts share: Debian's `rhino` (the engine ACS embeds; the
 * checks are skipped without it), the helpers of the built holder `complete` listener, and one run of a
 * driver script that prints its outcome as `OUTCOME <json>`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const RHINO = '/usr/bin/rhino';
export const rhinoSkip = fs.existsSync(RHINO)
  ? false
  : `rhino is not installed (${RHINO}; apt-get install rhino): the real-engine check is skipped`;

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

/** Runs a driver script in Rhino and reads the JSON it printed after `OUTCOME `. */
export function runRhinoDriver<T>(driver: string): T {
  const out = spawnSync(RHINO, [driver], { encoding: 'utf8', timeout: 60_000 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
  assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
  return JSON.parse(line.slice('OUTCOME '.length)) as T;
}
