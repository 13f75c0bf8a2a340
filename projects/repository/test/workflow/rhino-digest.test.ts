/**
 * The daily mails (config/workflow/src/digest.js, as built into eoDaily.bpmn20.xml) in real Rhino (Debian's
 * `rhino`, the engine ACS embeds) against host objects shaped as ACS hands them to scripts: one digest per officer
 * who asked for it, in his language, listing what his post holds in the department's series (a node planted
 * elsewhere is not listed); one escalation mail to the reporting post's officer; nothing more on a second run of
 * the same day; the next run at the next day's dailyMailAt.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHolidayCalendar, WorkingDays } from '@eoffice/domain';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const RHINO = '/usr/bin/rhino';
const skip = fs.existsSync(RHINO) ? false : 'rhino is not installed (apt-get install rhino)';

/** The digest listener's whole script, as ACS runs it. */
function builtDigest(): string {
  const xml = fs.readFileSync(path.join(ROOT, 'config', 'workflow', 'eoDaily.bpmn20.xml'), 'utf8');
  const mark = xml.indexOf("// eoDaily's timer fired");
  assert.ok(mark > 0, 'the definition has its digest listener');
  const start = xml.lastIndexOf('<![CDATA[', mark) + '<![CDATA['.length;
  return xml.slice(start, xml.indexOf(']]>', mark));
}

const HOST = `
var mails = [];
function Node(name, type, props, parent) {
  this.name = name; this.type = type; this.properties = props || {}; this.children = []; this.parent = parent || null;
  this.id = 'id-' + name + '-' + Math.random();
  if (parent) parent.children.push(this);
}
Node.prototype.childByNamePath = function (p) {
  var parts = String(p).split('/'), node = this;
  for (var i = 0; i < parts.length && node; i++) {
    var next = null;
    for (var j = 0; j < node.children.length; j++) if (node.children[j].name == parts[i]) next = node.children[j];
    node = next;
  }
  return node;
};
Node.prototype.createFolder = function (n) {
  if (this.childByNamePath(n)) throw new Error('Duplicate child name not allowed: ' + n);
  return new Node(String(n), 'cm:folder', {}, this);
};
Node.prototype.isSubType = function (t) { return this.type == String(t); };
var companyhome = new Node('Company Home', 'cm:folder');
var dd = new Node('Data Dictionary', 'cm:folder', {}, companyhome);
var eo = new Node('eOffice', 'cm:folder', {}, dd);
var hierarchyNode = new Node('hierarchy.json', 'cm:content', {}, eo); hierarchyNode.content = new java.lang.String(HIERARCHY);
var calendarNode = new Node('holidays-2026.json', 'cm:content', {}, eo); calendarNode.content = new java.lang.String(CALENDAR);
var lib = new Node('documentLibrary', 'cm:folder', {}, new Node('eo-gad', 'st:site', {}, new Node('Sites', 'cm:folder', {}, companyhome)));
var est = new Node('EST', 'cm:folder', {}, new Node('2026', 'cm:folder', {}, new Node('Files', 'cm:folder', {}, lib)));
var all = [];
function item(name, props, parent) {
  var p = { 'eo:subject': new java.lang.String(props.subject), 'eo:fileNumber': new java.lang.String(name),
    'eo:currentHolder': new java.lang.String(props.holder), 'eo:status': new java.lang.String(props.status),
    'eo:heldSince': new Date(Date.parse(props.since)) };
  if (props.due) p['eo:dueDate'] = new Date(Date.parse(props.due + 'T00:00:00Z'));
  var n = new Node(name, 'eo:file', p, parent);
  all.push(n);
  return n;
}
item('A-1/2026', { subject: 'Leave rules', holder: 'GROUP_EO_GAD_SO_EST', status: 'inMovement', since: '2026-12-01T10:00:00+05:30' }, est);
item('A-2/2026', { subject: 'Pension case', holder: 'GROUP_EO_GAD_SO_EST', status: 'inMovement', since: '2026-12-14T10:00:00+05:30', due: '2026-12-15' }, est);
item('A-3/2026', { subject: 'Recent', holder: 'GROUP_EO_GAD_SO_EST', status: 'parked', since: '2026-11-01T10:00:00+05:30' }, est);
item('A-4/2026', { subject: 'Planted', holder: 'GROUP_EO_GAD_SO_EST', status: 'inMovement', since: '2026-11-01T10:00:00+05:30' }, eo);
var search = {
  query: function (def) {
    var q = String(def.query);
    var type = /TYPE:"([^"]+)"/.exec(q)[1], status = /=eo:status:"([^"]+)"/.exec(q)[1];
    var skip = def.page.skipCount;
    return all.filter(function (n) { return n.type == type && String(n.properties['eo:status']) == status; }).slice(skip, skip + def.page.maxItems);
  }
};
var groups = { GROUP_EO_GAD_SO_EST: ['so1', 'so2'], GROUP_EO_GAD_US_EST: ['us1'] };
var prefs = { so2: { eoffice: { notices: { mail: new java.lang.String('daily') } } }, us1: { locale: 'hi', eoffice: { notices: { mail: 'both' } } } };
var people = {
  getGroup: function (n) { return groups[String(n)] ? { name: String(n) } : null; },
  getMembers: function (g) { return groups[g.name].map(function (u) { return { properties: { userName: new java.lang.String(u) } }; }); }
};
var preferenceService = { getPreferences: function (u) { return prefs[String(u)] || {}; } };
var actions = {
  create: function (n) {
    var a = { parameters: {} };
    a.execute = function (node) {
      mails.push({ to: String(a.parameters.to_many), subject: String(a.parameters.subject), text: String(a.parameters.text),
        after: a.parameters.send_after_commit === true, on: String(node.name) });
    };
    return a;
  }
};
var vars = { eowf_dailyAt: new java.lang.String('2026-12-16T09:00:00+05:30') };
var execution = { getVariable: function (n) { return vars[String(n)]; }, setVariable: function (n, v) { vars[String(n)] = v; } };
`;

describe('workflow: the daily digest in real Rhino', { skip }, () => {
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eo-rhino-digest-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('one digest per officer who asked, one escalation to the reporting post, nothing more that day', () => {
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const calendar = fs.readFileSync(path.join(ROOT, 'config', 'calendar', 'holidays-2026.json'), 'utf8');
    const script = builtDigest();
    const driver = path.join(dir, 'driver.js');
    fs.writeFileSync(
      driver,
      `var HIERARCHY = ${JSON.stringify(hierarchy)};\nvar CALENDAR = ${JSON.stringify(calendar)};\n${HOST}\n` +
        // The day, the same day again (a second process, a retried job), then the next day.
        `${script}\nvar first = mails.length; var next = String(vars.eowf_dailyAt);\n` +
        `vars.eowf_dailyAt = new java.lang.String('2026-12-16T09:00:00+05:30');\n${script}\nvar again = mails.length;\n` +
        `vars.eowf_dailyAt = new java.lang.String(next);\n${script}\n` +
        `print('OUTCOME ' + JSON.stringify({ mails: mails, first: first, again: again, next: next }));\n`,
      'utf8'
    );
    const out = spawnSync(RHINO, ['-encoding', 'utf-8', driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    const r = JSON.parse(line.slice('OUTCOME '.length)) as {
      mails: { to: string; subject: string; text: string; after: boolean; on: string }[];
      first: number;
      again: number;
      next: string;
    };
    assert.equal(r.next, '2026-12-17T09:00:00+05:30');
    assert.equal(r.again, r.first, 'a second run of the same day mails nothing');
    assert.deepEqual(
      r.mails.slice(2).map((m) => m.subject),
      ['e-Office: your pending items on 17/12/2026 (3)', 'ई-ऑफिस: आपको रिपोर्ट करने वाले पदों के पास 2 अतिदेय मामले (17/12/2026)'],
      'the next day, one of each again'
    );
    assert.deepEqual(
      r.mails.slice(0, 2).map((m) => [m.to, m.subject, m.after, m.on]),
      [
        ['so2', 'e-Office: your pending items on 16/12/2026 (3)', true, '2026-12-16'],
        ['us1', 'ई-ऑफिस: आपको रिपोर्ट करने वाले पदों के पास 2 अतिदेय मामले (16/12/2026)', true, '2026-12-16']
      ]
    );
    // Working days as the MIS counts them.
    const days = new WorkingDays(parseHolidayCalendar(JSON.parse(calendar)));
    const age = (since: string) => days.age(since, '2026-12-16');
    const digest = r.mails[0].text.split('\n');
    assert.deepEqual(digest.slice(2, 5), [
      `- A-1/2026 — Leave rules — Section Officer (Establishment), since 01/12/2026 (${age('2026-12-01')} working days): beyond the norm`,
      `- A-2/2026 — Pension case — Section Officer (Establishment), since 14/12/2026 (${age('2026-12-14')} working days), due 15/12/2026: past its due date`,
      `- A-3/2026 — Recent — Section Officer (Establishment), since 01/11/2026 (${age('2026-11-01')} working days): parked`
    ]);
    assert.doesNotMatch(r.mails[0].text, /Planted/, 'a node outside the series is not listed');
    assert.match(r.mails[1].text, /^आपको रिपोर्ट करने वाले पदों के पास ये मामले/);
    assert.match(
      r.mails[1].text,
      /- A-1\/2026 — Leave rules — अनुभाग अधिकारी \(स्थापना\), 01\/12\/2026 से \(\d+ कार्य दिवस\): मानदंड से अधिक/
    );
    assert.doesNotMatch(r.mails[1].text, /Recent/, 'a parked item is not escalated');
  });
});
