/**
 * The transfer-of-charge and link-officer listeners (config/workflow/eoCharge.bpmn20.xml, eoLink.bpmn20.xml)
 * run in real Rhino (Debian's `rhino` 1.7.14, the engine ACS embeds), sandboxed as ACS runs a definition
 * deployed from Data Dictionary (no `java`), over a host that hands back what Alfresco's does: variables and
 * user names as java.lang.String objects, a task's properties as a map the script changes and passes back to
 * setProperties, people.addAuthority / removeAuthority, the workflow instance's paths and their tasks.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const RHINO = '/usr/bin/rhino';
const skip = fs.existsSync(RHINO) ? false : 'rhino is not installed (apt-get install rhino)';

/** The n-th script (CDATA) of a built definition: eoCharge has one, eoLink the start (0) and the end (1). */
function builtScript(definition: string, n = 0): string {
  const xml = fs.readFileSync(path.join(ROOT, 'config', 'workflow', `${definition}.bpmn20.xml`), 'utf8');
  const parts = xml.split('<![CDATA[').slice(1);
  assert.ok(parts[n], `${definition} has a script ${n}`);
  return parts[n].slice(0, parts[n].indexOf(']]>'));
}

const HOST = `
var JavaString = java.lang.String;
var J = function (s) { return s === null || s === undefined ? null : new JavaString(String(s)); };
var seq = 0;
function Node(name, type, props, parent) {
  this.name = J(name); this.type = type; this.properties = props || {}; this.kids = []; this.aspects = {};
  this.id = J('id-' + (++seq)); this.owner = 'admin'; this.parent = parent || null; this.text = '';
}
Object.defineProperty(Node.prototype, 'children', { get: function () { return this.kids.slice(0); } });
Object.defineProperty(Node.prototype, 'content', {
  get: function () { return J(this.text); },
  set: function (v) { if (this.locked) throw new Error('Cannot perform operation since the node is locked.'); this.text = String(v); }
});
Node.prototype.childByNamePath = function (p) {
  var parts = String(p).split('/'), node = this;
  for (var i = 0; i < parts.length && node; i++) {
    var next = null;
    for (var j = 0; j < node.kids.length; j++) if (String(node.kids[j].name) == parts[i]) next = node.kids[j];
    node = next;
  }
  return node;
};
Node.prototype.createNode = function (n, t, p) {
  if (this.childByNamePath(String(n))) throw new Error('Duplicate child name not allowed: ' + n);
  var copy = {};
  for (var k in p || {}) copy[k] = p[k];
  var x = new Node(String(n), String(t), copy, this);
  this.kids.push(x);
  return x;
};
Node.prototype.createFolder = function (n) { return this.createNode(n, 'cm:folder', {}); };
Node.prototype.addAspect = function (a, p) { this.aspects[String(a)] = true; for (var k in p || {}) this.properties[k] = p[k]; return true; };
Node.prototype.hasAspect = function (a) { return !!this.aspects[String(a)]; };
Node.prototype.isSubType = function (t) { return this.type == String(t); };
Node.prototype.save = function () {};
Node.prototype.getOwner = function () { return J(this.owner); };
Node.prototype.setOwner = function (u) { this.owner = String(u); };

var vars = new java.util.HashMap();
var execution = {
  processInstanceId: J('p-charge'),
  getVariable: function (n) { return vars.get(n); },
  setVariable: function (n, v) { vars.put(n, v); },
  removeVariable: function (n) { vars.remove(n); }
};
var admins = ['admin'];
var groups = { GROUP_EO_GAD_SO_EST: ['priya.nair'], GROUP_EO_GAD_US_EST: ['kavita.joshi'] };
var names = { 'priya.nair': ['Priya', 'Nair'], 'anjali.sen': ['Anjali', 'Sen'], 'suresh.yadav': ['Suresh', 'Yadav'], 'kavita.joshi': ['Kavita', 'Joshi'], admin: ['Administrator', ''] };
var personOf = function (u) { return { properties: { userName: J(u), firstName: J(names[u][0]), lastName: J(names[u][1]) } }; };
var people = {
  getGroup: function (n) { return groups[String(n)] ? { properties: { authorityName: J(String(n)) }, g: String(n) } : null; },
  getPerson: function (u) { return names[String(u)] ? personOf(String(u)) : null; },
  getMembers: function (g) { return groups[g.g].map(personOf); },
  isAdmin: function (p) { return admins.indexOf(String(p.properties.userName)) >= 0; },
  addAuthority: function (g, p) { var u = String(p.properties.userName); if (groups[g.g].indexOf(u) < 0) groups[g.g].push(u); },
  removeAuthority: function (g, p) { var u = String(p.properties.userName); groups[g.g] = groups[g.g].filter(function (x) { return x != u; }); }
};
var person = personOf('admin');
var utils = { pad: function (s, n) { var t = String(s); while (t.length < n) t = '0' + t; return J(t); } };

var companyhome = new Node('Company Home', 'cm:folder');
var dictionary = companyhome.createFolder('Data Dictionary');
var eoffice = dictionary.createFolder('eOffice');
var hierarchyNode = eoffice.createNode('hierarchy.json', 'cm:content', {});
hierarchyNode.text = HIERARCHY;
var lib = companyhome.createFolder('Sites').createFolder('eo-gad').createFolder('documentLibrary');
var section = lib.createFolder('Files').createFolder('2026').createFolder('EST');
var held = section.createNode('000001', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': 'GROUP_EO_GAD_SO_EST', 'eo:movementProcess': 'p1', 'eo:fileNumber': 'A-1/1/2026-EST-GAD' });
var draft = held.createFolder('Notes').createNode('000001', 'eo:note', { 'eo:noteColour': 'yellow' });
draft.owner = 'priya.nair';
var parked = section.createNode('000002', 'eo:file', { 'eo:status': 'parked', 'eo:currentHolder': 'GROUP_EO_GAD_SO_EST' });
var closed = section.createNode('000003', 'eo:file', { 'eo:status': 'closed', 'eo:currentHolder': 'GROUP_EO_GAD_SO_EST' });
var planted = companyhome.createFolder('Planted').createNode('000009', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': 'GROUP_EO_GAD_SO_EST' });
var search = {
  query: function (def) {
    var q = String(def.query);
    if (def.page.skipCount > 0 || q.indexOf('eo:file') < 0 || q.indexOf('currentHolder') < 0) return [];
    return [held, parked, closed, planted];
  }
};
var task = { props: { 'cm:owner': J('priya.nair'), 'bpm:taskId': 7 } };
task.getProperties = function () { var c = {}; for (var k in task.props) c[k] = task.props[k]; return c; };
task.setProperties = function (p) { task.props = p; };
var workflow = {
  getInstance: function (id) {
    if (String(id) != 'activiti$p1') return null;
    return { getPaths: function () { return [{ getTasks: function () { return [task]; } }]; } };
  }
};

function movementsOf(item) {
  var f = item.childByNamePath('Movements');
  return (f ? f.kids : []).map(function (m) {
    return { action: m.properties['eo:movementAction'], fromUser: String(m.properties['eo:movementFromUser']), toUser: String(m.properties['eo:movementToUser']), remarks: String(m.properties['eo:movementRemarks']) };
  });
}
function outcome(error) {
  var links = eoffice.childByNamePath('Links');
  var link = links ? links.childByNamePath('suresh.yadav/GROUP_EO_GAD_SO_EST') : null;
  var keys = vars.keySet().toArray(), out = {};
  for (var i = 0; i < keys.length; i++) out[String(keys[i])] = String(vars.get(keys[i]));
  return JSON.stringify({
    error: error, groups: groups, vars: out,
    held: movementsOf(held), parked: movementsOf(parked), closed: movementsOf(closed), planted: movementsOf(planted),
    taskOwner: task.props['cm:owner'] === null ? null : String(task.props['cm:owner']),
    taskKeys: Object.keys(task.props),
    draftOwner: draft.owner,
    incumbent: JSON.parse(hierarchyNode.text).posts.filter(function (p) { return p.code == 'SO_EST'; })[0],
    link: link ? { forUser: link.properties['eo:linkFor'], until: link.properties['eo:linkUntil'], aspect: link.hasAspect('eo:linkCharge') } : null
  });
}
`;

describe('workflow: transfer of charge and link officers in real Rhino', { skip }, () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eo-rhino-charge-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(setup: string, script: string): Record<string, any> {
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const driver = path.join(dir, `driver-${Math.random().toString(36).slice(2)}.js`);
    const body = JSON.stringify(script);
    fs.writeFileSync(
      driver,
      `var HIERARCHY = ${JSON.stringify(hierarchy)};\n${HOST}\n${setup}\n` +
        // The listener runs sandboxed, as ACS runs a definition deployed from Data Dictionary: no java.
        `var error = null; var body = ${body}; java = undefined; Packages = undefined;\n` +
        `try { eval(body); } catch (e) { error = String(e.message || e); }\nprint('OUTCOME ' + outcome(error));\n`,
      'utf8'
    );
    const out = spawnSync(RHINO, ['-encoding', 'utf-8', driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    return JSON.parse(line.slice('OUTCOME '.length));
  }

  const CHARGE = `var initiator = personOf('admin'); vars.put('eowf_chargePost', J('SO_EST')); vars.put('eowf_chargeTo', J('anjali.sen'));`;

  it('a transfer moves the post, its held items, claims and drafts, and records it; nothing else', () => {
    const r = run(`${CHARGE} task.name = J('eowf:holderTask');`, builtScript('eoCharge'));
    assert.equal(r.error, null);
    assert.deepEqual(r.groups.GROUP_EO_GAD_SO_EST, ['anjali.sen']);
    for (const kind of ['held', 'parked']) {
      assert.equal(r[kind].length, 1, kind);
      assert.equal(r[kind][0].action, 'transferOfCharge');
      assert.equal(r[kind][0].fromUser, 'priya.nair');
      assert.equal(r[kind][0].toUser, 'anjali.sen');
      assert.match(
        r[kind][0].remarks,
        /^Charge transferred from Priya Nair \(priya\.nair\) to Anjali Sen \(anjali\.sen\) on \d\d\/\d\d\/\d{4}$/
      );
    }
    assert.deepEqual(r.closed, [], 'a closed item is not pending');
    assert.deepEqual(r.planted, [], 'an eo:file outside the series trees is nobody’s work');
    assert.equal(r.taskOwner, null, 'her claim goes back to the post');
    assert.deepEqual(r.taskKeys, ['cm:owner'], 'only cm:owner is handed back to updateTask, nothing saved as task-local variables');
    assert.equal(r.draftOwner, 'admin');
    assert.equal(r.incumbent.incumbent, 'anjali.sen');
    assert.equal(Number(r.vars.eowf_chargeItems), 2, 'a JS number reaches Activiti as a java.lang.Double');
  });

  // She holds the Under Secretary's post too: the held file's open task is that post's approval of a closing
  // she asked for, and she took it up there.
  const ASKED_OF = (post: string) =>
    `${CHARGE} groups.GROUP_EO_GAD_US_EST.push('priya.nair'); task.name = J('eowf:approvalTask');
     held.properties['eo:pendingRequest'] = J('close'); held.properties['eo:approverPost'] = J('${post}');`;

  it('her claim on an approval for another post she holds, in an item the post holds, stays hers', () => {
    const r = run(ASKED_OF('GROUP_EO_GAD_US_EST'), builtScript('eoCharge'));
    assert.equal(r.error, null);
    assert.deepEqual(r.groups.GROUP_EO_GAD_SO_EST, ['anjali.sen']);
    assert.deepEqual(r.groups.GROUP_EO_GAD_US_EST, ['kavita.joshi', 'priya.nair'], 'she keeps the other post');
    assert.equal(r.taskOwner, 'priya.nair', 'not the transferred post’s task');
    assert.equal(Number(r.vars.eowf_chargeReleased), 0);
    assert.equal(r.held.length, 1, 'the item is still the post’s, and its history says charge passed');
  });

  it('an approval the transferred post itself is asked for, in an item it holds, goes back to its pool', () => {
    const r = run(ASKED_OF('GROUP_EO_GAD_SO_EST'), builtScript('eoCharge'));
    assert.equal(r.error, null);
    assert.equal(r.taskOwner, null);
    assert.deepEqual(r.taskKeys, ['cm:owner']);
    assert.equal(Number(r.vars.eowf_chargeReleased), 1);
  });

  it('an officer starting it is refused before anything changes', () => {
    const r = run(
      `var initiator = personOf('priya.nair'); vars.put('eowf_chargePost', J('SO_EST')); vars.put('eowf_chargeTo', J('anjali.sen'));`,
      builtScript('eoCharge')
    );
    assert.match(r.error, /priya\.nair is not an administrator/);
    assert.deepEqual(r.groups.GROUP_EO_GAD_SO_EST, ['priya.nair']);
    assert.deepEqual(r.held, []);
    assert.equal(r.taskOwner, 'priya.nair');
  });

  it('a link officer joins the post until the last day, and the register records it', () => {
    const r = run(
      `var initiator = personOf('priya.nair'); vars.put('eowf_linkPost', J('SO_EST')); vars.put('eowf_linkOfficer', J('suresh.yadav'));
       vars.put('eowf_linkUntil', J(eoTodayForTest()));
       function eoTodayForTest() { return new Date(Date.now() + 330 * 60000).toISOString().slice(0, 10); }`,
      builtScript('eoLink', 0)
    );
    assert.equal(r.error, null);
    assert.deepEqual(r.groups.GROUP_EO_GAD_SO_EST, ['priya.nair', 'suresh.yadav']);
    assert.equal(r.link.forUser, 'priya.nair');
    assert.equal(r.link.aspect, true);
    assert.match(r.vars.eowf_linkEnds, /^\d{4}-\d\d-\d\dT00:00:00\+05:30$/);
    assert.equal(r.vars.eowf_linkFor, 'priya.nair');
  });

  it('a link from a later day joins the post only when its timer runs (00:00 IST of the first day)', () => {
    const tomorrow = 'new Date(Date.now() + 330 * 60000 + 86400000).toISOString().slice(0, 10)';
    const start = `var initiator = personOf('priya.nair'); vars.put('eowf_linkPost', J('SO_EST')); vars.put('eowf_linkOfficer', J('suresh.yadav'));
       vars.put('eowf_linkFrom', J(${tomorrow})); vars.put('eowf_linkUntil', J(${tomorrow}));`;
    const named = run(start, builtScript('eoLink', 0));
    assert.equal(named.error, null);
    assert.deepEqual(named.groups.GROUP_EO_GAD_SO_EST, ['priya.nair'], 'not before the first day');
    assert.match(named.vars.eowf_linkStarts, /^\d{4}-\d\d-\d\dT00:00:00\+05:30$/);
    // The timer's script (the third of the definition), after the start: he joins; the register (eo:linkFrom
    // a Date at 00:00 IST of the first day) still refuses him today.
    const begun = run(
      `${start} eval(${JSON.stringify(builtScript('eoLink', 0))});
       var before = eoIsMember('GROUP_EO_GAD_SO_EST', 'suresh.yadav');`,
      `${builtScript('eoLink', 2)}; vars.put('allowedToday', J(String(eoIsMember('GROUP_EO_GAD_SO_EST', 'suresh.yadav'))));`
    );
    assert.equal(begun.error, null);
    assert.deepEqual(begun.groups.GROUP_EO_GAD_SO_EST, ['priya.nair', 'suresh.yadav']);
    assert.equal(begun.vars.allowedToday, 'false', 'before its first day the register refuses him');
    // Ended before it began (the absent officer completed her task): nothing to take out, the register renamed.
    const ended = run(`${start} eval(${JSON.stringify(builtScript('eoLink', 0))});`, builtScript('eoLink', 1));
    assert.equal(ended.error, null);
    assert.deepEqual(ended.groups.GROUP_EO_GAD_SO_EST, ['priya.nair']);
    assert.equal(ended.link, null);
  });

  // The fake item's movement task, held by her post and claimed (opened) by her, as its type names it
  // (JscriptWorkflowTask.getName: the task's form key on ACS).
  const LINK_TODAY = `var initiator = personOf('priya.nair'); vars.put('eowf_linkPost', J('SO_EST')); vars.put('eowf_linkOfficer', J('suresh.yadav'));
     vars.put('eowf_linkUntil', J(new Date(Date.now() + 330 * 60000).toISOString().slice(0, 10)));`;
  const LINK_TOMORROW = `var initiator = personOf('priya.nair'); vars.put('eowf_linkPost', J('SO_EST')); vars.put('eowf_linkOfficer', J('suresh.yadav'));
     var eoTomorrow = new Date(Date.now() + 330 * 60000 + 86400000).toISOString().slice(0, 10);
     vars.put('eowf_linkFrom', J(eoTomorrow)); vars.put('eowf_linkUntil', J(eoTomorrow));`;

  it('a link from today gives her claim on her post’s task back to its pool, handing back cm:owner alone', () => {
    const r = run(`${LINK_TODAY} task.name = J('eowf:holderTask');`, builtScript('eoLink', 0));
    assert.equal(r.error, null);
    assert.equal(r.taskOwner, null, 'the link officer may take it up');
    assert.deepEqual(r.taskKeys, ['cm:owner'], 'nothing else saved as task-local variables');
    assert.equal(Number(r.vars.eowf_linkReleased), 1);
  });

  it('a task of another type in the process (an approval asked of another post) stays hers', () => {
    const r = run(`${LINK_TODAY} task.name = J('eowf:approvalTask');`, builtScript('eoLink', 0));
    assert.equal(r.error, null);
    assert.equal(r.taskOwner, 'priya.nair');
    assert.equal(Number(r.vars.eowf_linkReleased), 0);
  });

  it('a link from a later day releases her claim when its first day begins, for whom the register names', () => {
    const start = `${LINK_TOMORROW} task.name = J('eowf:holderTask');`;
    const named = run(start, builtScript('eoLink', 0));
    assert.equal(named.taskOwner, 'priya.nair', 'not before the first day');
    // Her process's variables are hers to set on ACS: naming someone else there changes nothing.
    const begun = run(
      `${start} eval(${JSON.stringify(builtScript('eoLink', 0))}); vars.put('eowf_linkFor', J('kavita.joshi'));`,
      builtScript('eoLink', 2)
    );
    assert.equal(begun.error, null);
    assert.deepEqual(begun.groups.GROUP_EO_GAD_SO_EST, ['priya.nair', 'suresh.yadav']);
    assert.equal(begun.taskOwner, null);
  });

  it('the end of a link gives what the link officer had opened back to the post, and takes him out', () => {
    const r = run(
      `${LINK_TODAY} task.name = J('eowf:holderTask'); eval(${JSON.stringify(builtScript('eoLink', 0))});
       task.props = { 'cm:owner': J('suresh.yadav'), 'bpm:taskId': 7 };`,
      builtScript('eoLink', 1)
    );
    assert.equal(r.error, null);
    assert.deepEqual(r.groups.GROUP_EO_GAD_SO_EST, ['priya.nair']);
    assert.equal(r.taskOwner, null, 'she finds it in her post’s pool');
    assert.deepEqual(r.taskKeys, ['cm:owner']);
    assert.equal(r.link, null, 'the register renamed');
  });
});
