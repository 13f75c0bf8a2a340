/**
 * The movement workflow's notices (config/workflow/src/notices.js, as built into eoMovement.bpmn20.xml) run in
 * real Rhino (Debian's `rhino`, the engine ACS embeds) against host objects shaped as ACS hands them to scripts:
 * user names as java.lang.String, a person's cm:homeFolder as a node, preferenceService's nested object,
 * the `mail` action's parameters. Each officer of the post gets one notice in his own folder (inheritance off,
 * Collaborator for him alone) and one mail in his language, none when he chose the daily digest; a pull back
 * marks the post's earlier notices of the item read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { builtHelpers } from './rhino-support';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const RHINO = '/usr/bin/rhino';
const skip = fs.existsSync(RHINO) ? false : 'rhino is not installed (apt-get install rhino)';

const HOST = `
var created = [], mails = [];
function Node(name, type, props) {
  this.name = name; this.type = type; this.properties = props || {}; this.children = [];
  this.perms = []; this.inherits = true; this.id = 'id-' + name;
  // ACS: cm:creator, hence the owner, is the fully authenticated officer, not the runAs user (AuthenticationUtil.runAs),
  // unless the properties it is made with name one (cm:owner).
  this.owner = this.properties['cm:owner'] ? String(this.properties['cm:owner']) : 'so9';
}
Node.prototype.childByNamePath = function (n) {
  for (var i = 0; i < this.children.length; i++) if (this.children[i].name == String(n)) return this.children[i];
  return null;
};
Node.prototype.createNode = function (n, t, p) {
  if (this.childByNamePath(n)) throw new Error('Duplicate child name not allowed: ' + n);
  var x = new Node(String(n), String(t), p);
  this.children.push(x);
  if (String(t) == 'eo:notice') created.push({ folder: this, node: x });
  return x;
};
Node.prototype.createFolder = function (n) { return this.createNode(n, 'cm:folder', {}); };
Node.prototype.setInheritsPermissions = function (b) { this.inherits = b; };
Node.prototype.setPermission = function (r, a) { this.perms.push(String(r) + ';' + String(a)); };
Node.prototype.isSubType = function (t) { return this.type == String(t); };
Node.prototype.save = function () {};
Node.prototype.setOwner = function (u) { this.owner = String(u); };
var person = { properties: { userName: new java.lang.String('admin') } };
var homes = { so1: new Node('so1', 'cm:folder'), so2: new Node('so2', 'cm:folder'), so3: new Node('so3', 'cm:folder') };
var groups = { GROUP_EO_GAD_SO_EST: ['so1', 'so2', 'so3', 'so1', 'nohome'] };
var prefs = { so2: { locale: new java.lang.String('hi_IN') }, so3: { locale: 'hi', eoffice: { notices: { mail: 'daily' } } } };
var people = {
  getGroup: function (n) { return groups[String(n)] ? { name: String(n) } : null; },
  getMembers: function (g) {
    return groups[g.name].map(function (u) { return { properties: { userName: new java.lang.String(u) } }; });
  },
  getPerson: function (u) { return { properties: { 'cm:homeFolder': homes[String(u)] || null } }; }
};
var preferenceService = { getPreferences: function (u) { return prefs[String(u)] || {}; } };
var actions = {
  create: function (n) {
    if (String(n) != 'mail') return null;
    var a = { parameters: {} };
    a.execute = function (node) {
      var p = a.parameters;
      mails.push({ to: String(p.to_many), subject: String(p.subject), text: String(p.text), after: p.send_after_commit === true,
        ignore: p.ignore_send_failure === true, on: String(node.name) });
    };
    return a;
  }
};
var h = JSON.parse(HIERARCHY);
var item = new Node('f1', 'eo:file', { 'eo:fileNumber': new java.lang.String('A-11011/1/2026-EST'), 'eo:subject': new java.lang.String('Leave rules') });
function outcome() {
  return JSON.stringify({
    notices: created.map(function (c) {
      var p = c.node.properties;
      return { folder: c.folder.name, kind: String(p['eo:noticeKind']),
        number: String(p['eo:noticeItemNumber']), from: String(p['eo:noticeFromTitle']), fromHi: String(p['eo:noticeFromTitleHi']),
        item: p['eo:noticeItem'] === item, read: p['eo:noticeRead'] === true, name: String(c.node.name), owner: c.node.owner };
    }),
    folders: ['so1', 'so2', 'so3'].map(function (u) {
      var f = homes[u].childByNamePath('eOffice Notices');
      return { user: u, inherits: f.inherits, perms: f.perms, owner: f.owner };
    }),
    mails: mails
  });
}
`;

describe('workflow: notices in real Rhino', { skip }, () => {
  let dir: string;
  let helpers: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eo-rhino-notices-'));
    helpers = builtHelpers();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(calls: string): {
    notices: {
      folder: string;
      kind: string;
      number: string;
      from: string;
      fromHi: string;
      item: boolean;
      read: boolean;
      name: string;
      owner: string;
    }[];
    folders: { user: string; inherits: boolean; perms: string[]; owner: string }[];
    mails: { to: string; subject: string; text: string; after: boolean; ignore: boolean; on: string }[];
  } {
    const hierarchy = fs.readFileSync(path.join(ROOT, 'config', 'hierarchy', 'gad.hierarchy.json'), 'utf8');
    const driver = path.join(dir, `driver-${Math.random().toString(36).slice(2)}.js`);
    fs.writeFileSync(
      driver,
      `var HIERARCHY = ${JSON.stringify(hierarchy)};\n${HOST}\n${helpers}\n${calls}\nprint('OUTCOME ' + outcome());\n`,
      'utf8'
    );
    const out = spawnSync(RHINO, ['-encoding', 'utf-8', driver], { encoding: 'utf8', timeout: 60_000 });
    const line = out.stdout.split('\n').find((l) => l.startsWith('OUTCOME '));
    assert.ok(line, `rhino printed no outcome: ${out.stdout}\n${out.stderr}`);
    return JSON.parse(line.slice('OUTCOME '.length));
  }

  it('one notice per officer of the post in his own folder, one mail each in his language, none for the digest', () => {
    const r = run(
      `eoNotify(h, item, 'send', 'GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_ASO_EST_1', new java.lang.String('aso1'), new java.lang.String('Please see'));`
    );
    assert.deepEqual(
      r.notices.map((n) => [n.kind, n.number, n.from, n.fromHi, n.item, n.read]),
      Array(3).fill([
        'send',
        'A-11011/1/2026-EST',
        'Assistant Section Officer (Establishment)',
        'सहायक अनुभाग अधिकारी (स्थापना)',
        true,
        false
      ])
    );
    assert.equal(new Set(r.notices.map((n) => n.folder)).size, 1, 'each in a folder named alike');
    // On ACS the officer who sent (so9, the fully authenticated user) would otherwise own them: FullControl.
    assert.deepEqual(
      r.notices.map((n) => n.owner),
      r.notices.map(() => 'admin'),
      "notices are the administrator's, not the sender's"
    );
    assert.deepEqual(r.folders, [
      { user: 'so1', inherits: false, perms: ['Collaborator;so1'], owner: 'admin' },
      { user: 'so2', inherits: false, perms: ['Collaborator;so2'], owner: 'admin' },
      { user: 'so3', inherits: false, perms: ['Collaborator;so3'], owner: 'admin' }
    ]);
    assert.deepEqual(
      r.mails.map((m) => [m.to, m.subject, m.after, m.ignore]),
      [
        ['so1', 'e-Office: A-11011/1/2026-EST has been sent to you by Assistant Section Officer (Establishment)', true, true],
        ['so2', 'ई-ऑफिस: A-11011/1/2026-EST सहायक अनुभाग अधिकारी (स्थापना) द्वारा आपको भेजी गई है', true, true]
      ]
    );
    assert.match(r.mails[0].text, /Subject: Leave rules\nRemarks: Please see\nOn: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
    assert.match(r.mails[1].text, /विषय: Leave rules\nटिप्पणी: Please see/);
  });

  it('a pull back marks the earlier notices of the item read and adds its own, unread', () => {
    const r = run(
      `eoNotify(h, item, 'send', 'GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_ASO_EST_1', 'aso1', '');
       eoNotify(h, item, 'pullBack', 'GROUP_EO_GAD_SO_EST', 'GROUP_EO_GAD_ASO_EST_1', 'aso1', '');`
    );
    assert.deepEqual(
      r.notices.filter((n) => n.folder === 'eOffice Notices').map((n) => [n.kind, n.read]),
      [
        ['send', true],
        ['send', true],
        ['send', true],
        ['pullBack', false],
        ['pullBack', false],
        ['pullBack', false]
      ]
    );
    assert.match(r.mails.at(-1)!.subject, /वापस ले ली गई है$/);
  });
});
