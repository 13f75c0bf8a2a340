/**
 * The eoMovement holder listeners run in real Rhino (Debian's `rhino`, 1.7.14, the engine ACS embeds) with
 * host objects backed by Java (fixtures/rhino-host.js): variables come back from a java.util.HashMap as
 * Rhino wraps them, `java` is gone as in ACS's sandbox for Data Dictionary deployments. The built
 * definition (config/workflow/eoMovement.bpmn20.xml) must open items, allow pull back while unopened, refuse
 * an empty addressee and keep the site's inherited groups off the item; they take who acted from the caller
 * recorded by the listener without runAs (eowf_actor), custody from the item and the item from its binding.
 * The scripts as they were before (fixtures/eomovement-before-rhino) misbehave there, which is what a real
 * ACS would have shown. (The custody cases at the end fail with the scripts of the commit before issue 13:
 * they trusted task.assignee, eowf_opened and the package.) Closing a file runs AGS's record actions through
 * the `actions` root object where Governance Services is installed (fixtures/rhino-host.js eoInstallAgs) and
 * none where it is not (every actions.create answers null there).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, before, after } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const BEFORE = path.join(FIXTURES, 'eomovement-before-rhino');
const RHINO = '/usr/bin/rhino';
const rhinoMissing = !fs.existsSync(RHINO);
const skip = rhinoMissing ? `rhino is not installed (${RHINO}; apt-get install rhino): the real-engine check is skipped` : false;

/** The holder task's run-as-admin listener scripts as the built definition has them. */
function builtListeners(): { assignment: string; complete: string } {
  const xml = fs.readFileSync(path.join(ROOT, 'config', 'workflow', 'eoMovement.bpmn20.xml'), 'utf8');
  const holder = xml.slice(xml.indexOf('<userTask id="holder"'), xml.indexOf('</userTask>', xml.indexOf('<userTask id="holder"')));
  const script = (event: string) => {
    // Each event has a recorder without runAs first, then the admin script: take the one with runAs.
    const listener = holder.split('<activiti:taskListener').find((l) => l.includes(`event="${event}"`) && l.includes('name="runAs"'));
    assert.ok(listener, `no runAs ${event} listener on the holder task`);
    const start = listener.indexOf('<![CDATA[') + '<![CDATA['.length;
    return listener.slice(start, listener.indexOf(']]>', start));
  };
  return { assignment: script('assignment'), complete: script('complete') };
}

/** The same listeners assembled from the sources as they were: the shared prefix (polyfills, eoDomain), then lib and body. */
function listenersBefore(built: { assignment: string; complete: string }): { assignment: string; complete: string } {
  const prefix = built.complete.slice(0, built.complete.indexOf('// e-Office movement workflow: helpers'));
  const src = (f: string) => fs.readFileSync(path.join(BEFORE, f), 'utf8');
  return { assignment: `${prefix}${src('lib.js')}\n${src('assign.js')}`, complete: `${prefix}${src('lib.js')}\n${src('complete.js')}` };
}

interface Outcome {
  error: string | null;
  movements: { name: string; action: string; read: boolean }[];
  vars: Record<string, string>;
  holder: string;
  otherHolder: string;
  direct: string[];
  inherits: boolean;
}

const SO = 'GROUP_EO_GAD_SO_EST';
const CRU = 'GROUP_EO_GAD_CRU';
const SITE = ['ALLOWED;GROUP_site_eo-gad_SiteConsumer;SiteConsumer', 'ALLOWED;GROUP_site_eo-gad_SiteManager;SiteManager'];

describe('workflow: eoMovement listeners in real Rhino', { skip }, () => {
  let dir: string;
  let now: { assignment: string; complete: string };
  let was: { assignment: string; complete: string };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eo-rhino-'));
    now = builtListeners();
    was = listenersBefore(now);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * One listener call on a receipt sent by the CRU to the Section Officer (Establishment), unopened: the item
   * inherits the site's groups and has its own entries, its Movements folder holds the send.
   */
  function run(
    script: string,
    call: { assignee: string; actor?: string; local?: Record<string, string>; opened?: boolean; swapped?: boolean }
  ): Outcome {
    const listener = path.join(dir, `listener-${Math.random().toString(36).slice(2)}.js`);
    fs.writeFileSync(listener, script);
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const driver = path.join(dir, 'driver.js');
    fs.writeFileSync(
      driver,
      `load(${JSON.stringify(path.join(FIXTURES, 'rhino-host.js'))});
var item = new EoNode('1/2026/EST-GAD', 'eo:receipt', { 'eo:status': 'inMovement', 'eo:currentHolder': ${JSON.stringify(SO)},
  'eo:receiptNumber': '1/2026/EST-GAD', 'eo:subject': 'Leave application', 'eo:movementProcess': 'p1',
  'eo:pullBackBy': ${JSON.stringify(CRU)}, 'eo:returnTo': 'CRU' },
  { container: true, inherited: ${JSON.stringify(SITE)}, direct: ['ALLOWED;${SO};Collaborator', 'ALLOWED;${CRU};Consumer'] });
var movements = item.add(new EoNode('Movements', 'cm:folder', {}, { container: true }));
movements.add(new EoNode('000001', 'eo:movement', { 'eo:movementAction': 'send', 'eo:movementTo': ${JSON.stringify(SO)}${
        call.opened ? ", 'eo:movementReadAt': new Date()" : ''
      } }));
var other = new EoNode('2/2026/EST-GAD', 'eo:receipt', { 'eo:status': 'inMovement', 'eo:currentHolder': 'GROUP_EO_GAD_SO_ADM',
  'eo:receiptNumber': '2/2026/EST-GAD', 'eo:subject': 'Held by another' }, { container: true });
eoInstallHost({
  vars: { eowf_holder: 'SO_EST', eowf_holderGroup: ${JSON.stringify(SO)}, eowf_senderGroup: ${JSON.stringify(CRU)},
    eowf_sentBy: 'CRU', eowf_sentByBefore: '', eowf_opened: false, eowf_candidates: ${JSON.stringify(`${SO},${CRU}`)},
    eowf_actor: ${JSON.stringify(call.actor ?? call.assignee)} },
  processId: 'p1',
  packaged: ${call.swapped ? 'other' : 'item'},
  local: ${JSON.stringify(call.local ?? {})},
  assignee: ${JSON.stringify(call.assignee)},
  groups: { ${JSON.stringify(SO)}: ['so1'], ${JSON.stringify(CRU)}: ['cru1'], GROUP_EO_GAD_US_EST: ['us1'] },
  hierarchy: ${JSON.stringify(hierarchy)},
  item: item
});
print('OUTCOME ' + eoRunListener(${JSON.stringify(listener)}, item, other));
`
    );
    const out = spawnSync(RHINO, [driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    return JSON.parse(line.slice('OUTCOME '.length)) as Outcome;
  }

  it('the recipient claiming opens the item: the flag is set and the movement stamped (before: never opened)', () => {
    const opened = run(now.assignment, { assignee: 'so1' });
    assert.equal(opened.error, null);
    assert.equal(opened.vars.eowf_opened, 'true');
    assert.equal(opened.movements[0].read, true);

    const before = run(was.assignment, { assignee: 'so1' });
    assert.equal(before.error, null);
    assert.equal(before.vars.eowf_opened, 'false', 'a java.lang.Boolean FALSE is truthy: the old script thought it opened');
    assert.equal(before.movements[0].read, false);
  });

  it('the sender pulls back an unopened item (before: every pull back refused)', () => {
    const pulled = run(now.complete, { assignee: 'cru1', local: { eowf_action: 'pullBack', eowf_remarks: 'Marked wrongly' } });
    assert.equal(pulled.error, null);
    assert.equal(pulled.holder, CRU);
    assert.equal(pulled.vars.eowf_holderGroup, CRU);
    assert.deepEqual(
      pulled.movements.map((m) => m.action),
      ['send', 'pullBack']
    );

    const before = run(was.complete, { assignee: 'cru1', local: { eowf_action: 'pullBack' } });
    assert.match(String(before.error), /already opened this item; it can no longer be pulled back/);
  });

  it('a send keeps the site’s inherited groups off the item (before: copied as Consumers, the department reads it)', () => {
    const sent = run(now.complete, { assignee: 'so1', local: { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'Put up' } });
    assert.equal(sent.error, null);
    assert.equal(sent.holder, 'GROUP_EO_GAD_US_EST');
    assert.equal(sent.inherits, false);
    // The new holder reads the item and writes only in its working folders (the item is the workflow's).
    assert.ok(sent.direct.includes('ALLOWED;GROUP_EO_GAD_US_EST;Consumer'), sent.direct.join(' '));
    assert.ok(!sent.direct.some((e) => e.endsWith(';Collaborator')), sent.direct.join(' '));
    assert.ok(!sent.direct.some((e) => e.includes('GROUP_site_')), sent.direct.join(' '));

    const before = run(was.complete, { assignee: 'so1', local: { eowf_action: 'send', eowf_to: 'US_EST' } });
    assert.equal(before.error, null);
    assert.ok(before.direct.includes('ALLOWED;GROUP_site_eo-gad_SiteConsumer;Consumer'), before.direct.join(' '));
  });

  it('an empty addressee is refused as missing (before: a java.lang.String "" passed the check)', () => {
    const empty = run(now.complete, { assignee: 'so1', local: { eowf_action: 'send', eowf_to: '' } });
    assert.match(String(empty.error), /Choose the officer \(post\) to send the item to/);

    const before = run(was.complete, { assignee: 'so1', local: { eowf_action: 'send', eowf_to: '' } });
    assert.match(String(before.error), /Unknown post/);
  });

  it('a claim is made by the caller for themselves: another setting the holder as assignee is refused', () => {
    const forged = run(now.assignment, { assignee: 'so1', actor: 'cru1' });
    assert.match(String(forged.error), /cru1 cannot claim this task for so1/);
    assert.equal(forged.movements[0].read, false);
  });

  it('a completion acts for the recorded caller, not the assignee', () => {
    const forged = run(now.complete, { assignee: 'so1', actor: 'cru1', local: { eowf_action: 'send', eowf_to: 'US_EST' } });
    assert.match(String(forged.error), /cru1 does not hold/);
    assert.equal(forged.holder, SO);
  });

  it('the caller recorded for one event is removed once used', () => {
    const sent = run(now.complete, { assignee: 'so1', local: { eowf_action: 'send', eowf_to: 'US_EST' } });
    assert.equal(sent.error, null);
    assert.equal(sent.vars.eowf_actor, undefined);
  });

  it('pull back asks the movement whether it was opened, not eowf_opened', () => {
    const late = run(now.complete, { assignee: 'cru1', opened: true, local: { eowf_action: 'pullBack' } });
    assert.match(String(late.error), /already opened this item/);
    assert.equal(late.holder, SO);
  });

  it('a swapped package is ignored: the bound item moves, the planted one is untouched', () => {
    const sent = run(now.complete, { assignee: 'so1', swapped: true, local: { eowf_action: 'send', eowf_to: 'US_EST' } });
    assert.equal(sent.error, null);
    assert.equal(sent.holder, 'GROUP_EO_GAD_US_EST');
    assert.equal(sent.otherHolder, 'GROUP_EO_GAD_SO_ADM', 'the planted receipt keeps its own holder');
    const parked = run(now.complete, { assignee: 'so1', swapped: true, local: { eowf_action: 'park' } });
    assert.equal(parked.error, null);
    assert.equal(parked.holder, SO);
  });
  interface CloseOutcome {
    error: string | null;
    status: string;
    remarks: string;
    papers: { name: string; where: string; inNotes: boolean; record: boolean; completed: boolean }[];
    folder: { path: string; closed: boolean; title: string; events: { event: string; by: string; at: boolean }[] } | null;
    copies: { name: string; record: boolean }[];
  }

  /**
   * The Section Officer closes an e-file of category C, kept five years, directly (the holder task's complete
   * listener): with Governance Services (`ags`) its papers become records through AGS's actions
   * (fixtures/rhino-host.js eoInstallAgs), without it nothing does.
   */
  function closeFile(script: string, ags: boolean, permanent?: { archive: 'none' | 'fresh' | 'stale' }): CloseOutcome {
    // A category A file (kept permanently) with its archival copy in Archive/, made after or before its notes.
    const copy =
      permanent && permanent.archive !== 'none'
        ? `var archive = item.add(new EoNode('Archive', 'cm:folder', {}, { container: true }));
archive.add(new EoNode('copy.pdf', 'cm:content', { 'cm:created': new Date(NOTED + (${permanent.archive === 'fresh' ? 1000 : -1000})) },
  { owner: 'so1', mimetype: 'application/pdf', content: '%PDF-1.7 archival copy' }));`
        : '';
    const category = permanent ? `'eo:recordCategory': 'A'` : `'eo:recordCategory': 'C', 'eo:retentionYears': 5`;
    const listener = path.join(dir, `close-${Math.random().toString(36).slice(2)}.js`);
    fs.writeFileSync(listener, script);
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const driver = path.join(dir, `close-driver-${Math.random().toString(36).slice(2)}.js`);
    fs.writeFileSync(
      driver,
      `load(${JSON.stringify(path.join(FIXTURES, 'rhino-host.js'))});
var NOTED = Date.parse('2026-12-01T10:00:00Z');
var item = new EoNode('000007', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': ${JSON.stringify(SO)},
  'eo:fileNumber': 'A-11011/7/2026-EST-GAD', 'eo:subject': 'Annual leave rules', 'eo:movementProcess': 'p1',
  ${category} },
  { container: true, inherited: ${JSON.stringify(SITE)}, direct: ['ALLOWED;${SO};Consumer'] });
var notes = item.add(new EoNode('Notes', 'cm:folder', {}, { container: true }));
notes.add(new EoNode('000001', 'eo:note', { 'eo:noteColour': 'green', 'cm:modified': new Date(NOTED) }, { owner: 'so1' }));
notes.add(new EoNode('000002', 'eo:note', { 'eo:noteColour': 'yellow' }, { owner: 'so1' }));
var letters = item.add(new EoNode('Correspondence', 'cm:folder', {}, { container: true }));
letters.add(new EoNode('000001', 'cm:content', { 'eo:correspondenceSerial': 1 }, { owner: 'so1' }));
var dispatches = item.add(new EoNode('Dispatches', 'cm:folder', {}, { container: true }));
dispatches.add(new EoNode('20261201-01', 'eo:dispatch', { 'eo:dispatchStatus': 'issuedSent' }, { owner: 'so1' }));
dispatches.add(new EoNode('20261201-02', 'eo:dispatch', { 'eo:dispatchStatus': 'pending' }, { owner: 'so1' }));
${copy}
var movements = item.add(new EoNode('Movements', 'cm:folder', {}, { container: true }));
movements.add(new EoNode('000001', 'eo:movement', { 'eo:movementAction': 'send', 'eo:movementTo': ${JSON.stringify(SO)}, 'eo:movementReadAt': new Date() }));
eoInstallHost({
  vars: { eowf_holder: 'SO_EST', eowf_holderGroup: ${JSON.stringify(SO)}, eowf_senderGroup: '', eowf_sentBy: '', eowf_opened: true,
    eowf_candidates: ${JSON.stringify(SO)}, eowf_actor: 'so1' },
  processId: 'p1',
  local: { eowf_action: 'close', eowf_remarks: 'Orders issued', eowf_to: '' },
  assignee: 'so1',
  groups: { ${JSON.stringify(SO)}: ['so1'] },
  hierarchy: ${JSON.stringify(hierarchy)},
  item: item
});
var fp = eoInstallAgs(${ags ? "{ 'A': [], 'B': [], 'C': ['C-5'] }" : 'null'});
var outcome = { error: null };
java = undefined;
Packages = undefined;
try { load(${JSON.stringify(listener)}); } catch (e) { outcome.error = String(e.message || e); }
outcome.status = String(item.properties['eo:status']);
var list = movements.children;
outcome.remarks = String(list[list.length - 1].properties['eo:movementRemarks']);
outcome.papers = [];
var folders = [notes, letters, dispatches];
for (var f = 0; f < folders.length; f++) {
  var kids = folders[f].children;
  for (var k = 0; k < kids.length; k++) {
    var p = kids[k].parentNode();
    outcome.papers.push({ name: String(kids[k].name), where: String(p.name), inNotes: folders[f] === notes,
      record: kids[k].hasAspect('rma:record'), completed: kids[k].hasAspect('rma:declaredRecord') });
  }
}
var where = ${JSON.stringify(permanent ? 'A' : 'C/C-5')};
var rf = fp ? fp.childByNamePath(where + '/A-11011_7_2026-EST-GAD') : null;
var copies = item.childByNamePath('Archive');
outcome.copies = copies ? copies.children.map(function (c) { return { name: String(c.name), record: c.hasAspect('rma:declaredRecord') }; }) : [];
outcome.folder = rf ? { path: where + '/' + String(rf.name), closed: rf.properties['rma:isClosed'] === true,
  title: String(rf.properties['cm:title']), events: rf.log } : null;
print('OUTCOME ' + JSON.stringify(outcome));
`
    );
    const out = spawnSync(RHINO, [driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    return JSON.parse(line.slice('OUTCOME '.length)) as CloseOutcome;
  }

  it('closing a file with Governance Services files its papers as records through AGS’s actions, in place', () => {
    const closed = closeFile(now.complete, true);
    assert.equal(closed.error, null);
    assert.equal(closed.status, 'closed');
    const folder = 'A-11011_7_2026-EST-GAD';
    assert.deepEqual(closed.folder, {
      path: `C/C-5/${folder}`,
      closed: true,
      title: 'A-11011/7/2026-EST-GAD',
      events: [{ event: 'case_closed', by: 'so1', at: true }]
    });
    const byName = Object.fromEntries(closed.papers.map((p) => [`${p.inNotes ? 'note' : 'paper'} ${p.name.replace(/ \(.*\)$/, '')}`, p]));
    for (const key of ['note 000001', 'paper 000001', 'paper 20261201-01']) {
      assert.equal(byName[key].where, folder, `${key} is filed in the record folder`);
      assert.ok(byName[key].record && byName[key].completed, `${key} is a completed record`);
      assert.match(byName[key].name, /\(2026-\d+\)$/);
    }
    // A yellow draft and a letter the CRU has still to dispatch stay as they were.
    assert.deepEqual([byName['note 000002'].record, byName['note 000002'].where], [false, 'Notes']);
    assert.deepEqual([byName['paper 20261201-02'].record, byName['paper 20261201-02'].where], [false, 'Dispatches']);
    assert.equal(closed.remarks, `Orders issued [records filed in the record folder C/C-5/${folder}]`);
  });

  it('closing a file without Governance Services is as before: actions.create answers null, nothing becomes a record', () => {
    const closed = closeFile(now.complete, false);
    assert.equal(closed.error, null);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.folder, null);
    assert.ok(closed.papers.every((p) => !p.record && p.where !== 'Unfiled Records'));
    assert.equal(closed.remarks, 'Orders issued');
  });

  it('a file kept permanently closes only with an archival copy made after its last note, which becomes a record', () => {
    const missing = closeFile(now.complete, true, { archive: 'none' });
    assert.match(missing.error ?? '', /kept permanently \(category A\): its archival copy .* is missing/);
    assert.equal(missing.status, 'inMovement');
    const stale = closeFile(now.complete, true, { archive: 'stale' });
    assert.match(stale.error ?? '', /archival copy of .* \(category A\) is older than 000001, changed since/);
    const fresh = closeFile(now.complete, true, { archive: 'fresh' });
    assert.equal(fresh.error, null);
    assert.equal(fresh.status, 'closed');
    assert.equal(fresh.folder?.path, 'A/A-11011_7_2026-EST-GAD');
    assert.deepEqual(
      fresh.copies.map((c) => c.record),
      [true]
    );
  });
});
