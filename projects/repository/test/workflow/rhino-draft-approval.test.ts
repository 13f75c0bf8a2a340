/**
 * Sealing draft approvals at a hand-over (lib.js eoSealApprovals, eoApprovalReal; config/README.md "Issue of a
 * letter") run in real Rhino (Debian's `rhino`, the engine ACS embeds) over host objects as ACS gives them
 * (fixtures/rhino-host.js: Java strings for names, ids and properties, `java` removed as in the sandbox). The
 * Section Officer's post hands the file over: the approvals it made (approved by it, in the current version, last
 * written by one of its officers) are taken over by the administrator, made read-only and recorded on the
 * hand-over's movement; an approval the Assistant Section Officer wrote in her name is left as it is and never
 * counts; the record is what lets the post now holding the file issue the letter.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { RHINO_SANDBOX, gadHierarchy, holderCompleteHelpers, rhinoSkip as skip, useRhinoScratch } from './rhino-support';

const SO = 'GROUP_EO_GAD_SO_EST';
const ASO = 'GROUP_EO_GAD_ASO_EST_1';

interface Outcome {
  error?: string;
  sealed: string[];
  drafts: Record<string, { owner: string; inherits: boolean; direct: string[] }>;
  recorded: string[];
  recordOwner: string;
  realForAso: Record<string, boolean>;
  again: string[];
}

describe('workflow: a hand-over seals the approvals its post made (eoSealApprovals) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-draft-approval-');
  let helpers: string;
  before(() => {
    helpers = holderCompleteHelpers();
  });

  function run(): Outcome {
    const h = JSON.stringify(gadHierarchy());
    const script = scratch.file(
      'seal',
      `${helpers}
var hh = eoHierarchy();
eoSealed = eoSealApprovals(hh, item, ${JSON.stringify(SO)});
eoRecord(item, { action: 'sendBack', from: ${JSON.stringify(SO)}, fromUser: 'so1', to: ${JSON.stringify(ASO)}, sealed: eoSealed });
eoReal = {};
for (var n in byName) eoReal[n] = !!eoApprovalReal(hh, item, byName[n], ${JSON.stringify(ASO)}, true);
eoAgain = eoSealApprovals(hh, item, ${JSON.stringify(SO)});
`
    );
    return scratch.run<Outcome>(
      `var item = new EoNode('000005', 'eo:file', { 'eo:status': eoJ('inMovement'), 'eo:currentHolder': eoJ(${JSON.stringify(SO)}) },
  { container: true, direct: ['ALLOWED;${SO};Consumer', 'ALLOWED;${ASO};Consumer'] });
var drafts = item.add(new EoNode('Drafts', 'cm:folder', {}, { container: true }));
item.add(new EoNode('Movements', 'cm:folder', {}, { container: true }));
var byName = {};
function draft(name, p) {
  var props = { 'eo:draftStatus': eoJ('approved'), 'eo:approvedVersion': eoJ('1.1'), 'cm:versionLabel': eoJ('1.1'),
    'eo:approvedBy': eoJ(${JSON.stringify(SO)}), 'eo:approvedByUser': eoJ('so1'), 'cm:modifier': eoJ('so1') };
  for (var k in p) props[k] = eoJ(p[k]);
  byName[name] = drafts.add(new EoNode(name, 'eo:draft', props, { owner: 'aso1' }));
}
draft('approved', {});
draft('byColleague', { 'cm:modifier': 'so2' });
draft('forgedByAso', { 'cm:modifier': 'aso1' });
draft('asoPost', { 'eo:approvedBy': ${JSON.stringify(ASO)}, 'eo:approvedByUser': 'aso1', 'cm:modifier': 'aso1' });
draft('changed', { 'cm:versionLabel': '1.2' });
draft('notApproved', { 'eo:draftStatus': 'forApproval' });
draft('notAnOfficer', { 'eo:approvedByUser': 'aso1' });
eoInstallHost({
  vars: {}, processId: 'p1', assignee: 'so1',
  groups: { ${JSON.stringify(SO)}: ['so1', 'so2'], ${JSON.stringify(ASO)}: ['aso1'] },
  hierarchy: ${JSON.stringify(h)},
  item: item
});
var eoSealed = null, eoReal = null, eoAgain = null;
${RHINO_SANDBOX}
try {
  load(${JSON.stringify(script)});
  var out = { sealed: [], drafts: {}, recorded: [], realForAso: eoReal, again: eoAgain.slice(0) };
  var ids = {};
  for (var n in byName) ids[String(byName[n].id)] = n;
  for (var i = 0; i < eoSealed.length; i++) out.sealed.push(ids[String(eoSealed[i]).split('|')[0]] + '|' + String(eoSealed[i]).split('|').slice(1).join('|'));
  for (var m in byName) out.drafts[m] = { owner: String(byName[m].getOwner()), inherits: byName[m].inheritsPermissions(), direct: byName[m].directPermissions.map(String) };
  var moves = item.childByNamePath('Movements').children;
  var rec = moves[moves.length - 1].properties['eo:movementSealedApprovals'] || [];
  for (var r = 0; r < rec.length; r++) out.recorded.push(ids[String(rec[r]).split('|')[0]]);
  out.recordOwner = String(moves[moves.length - 1].getOwner());
  print('OUTCOME ' + JSON.stringify(out));
} catch (e) {
  print('OUTCOME ' + JSON.stringify({ error: String(e.message || e) }));
}
`
    );
  }

  it('seals the approvals the post made (its officers wrote them), read-only and the administrator’s; no others', () => {
    const o = run();
    assert.equal(o.error, undefined);
    assert.deepEqual(o.sealed, [`approved|1.1|${SO}|so1`, `byColleague|1.1|${SO}|so1`]);
    assert.deepEqual(o.recorded, ['approved', 'byColleague']);
    // The seal is only as good as its record: on ACS the officer handing over (the fully authenticated user)
    // would own a record the script made (cm:creator) and could rewrite it; the administrator owns it.
    assert.equal(o.recordOwner, 'admin');
    // Sealed: the administrator owns it, it no longer inherits the holder's Collaborator on Drafts/, its readers read it.
    assert.deepEqual(o.drafts.approved, { owner: 'admin', inherits: false, direct: [`ALLOWED;${SO};Consumer`, `ALLOWED;${ASO};Consumer`] });
    // Not sealed: left as they were (the forged one still its writer's until the hand-over disowns it).
    for (const name of ['forgedByAso', 'asoPost', 'changed', 'notApproved', 'notAnOfficer'])
      assert.deepEqual(o.drafts[name], { owner: 'aso1', inherits: true, direct: [] }, name);
  });

  it('the record lets the post the file goes to issue the sealed approvals, never the forged ones; a second hand-over seals nothing again', () => {
    const o = run();
    assert.deepEqual(o.realForAso, {
      approved: true,
      byColleague: true,
      forgedByAso: false,
      asoPost: false,
      changed: false,
      notApproved: false,
      notAnOfficer: false
    });
    assert.deepEqual(o.again, []);
  });
});
