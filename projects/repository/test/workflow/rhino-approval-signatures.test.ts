/**
 * The movement workflow's rule "signed approvals" (lib.js eoUnsignedApprovals, docs/signatures.md) run in real
 * Rhino (Debian's `rhino`, the engine ACS embeds) over host objects as ACS gives them (fixtures/rhino-host.js:
 * Java strings for names and ids, a d:noderef property as a node, `java` removed as in the sandbox): the
 * letters issued while the post held the file count only with their approver's signature of the version
 * approved; a colleague's signature, another version's, an empty one, an approver below Section Officer or
 * none leave the letter named; letters issued before the last hand-over (the administrator's) are not asked
 * again, and without the rule nothing is.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { RHINO_SANDBOX, gadHierarchy, holderCompleteHelpers, rhinoSkip as skip, useRhinoScratch } from './rhino-support';

const SO = 'GROUP_EO_GAD_SO_EST';
const ASO = 'GROUP_EO_GAD_ASO_EST_1';

interface Case {
  rule?: boolean;
  approvedBy?: string;
  approvedByUser?: string;
  letterOwner?: string;
  signature?: { creator: string; version?: string; post?: string; form?: string; size?: number; ofOther?: boolean } | null;
}

describe('workflow: signed approvals (eoUnsignedApprovals) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-approvals-');
  let helpers: string;
  before(() => {
    helpers = holderCompleteHelpers();
  });

  function run(c: Case): { missing?: string[]; error?: string } {
    const h = gadHierarchy();
    if (c.rule !== false) h.signatures = { requireSignedApprovals: true };
    const script = scratch.file('check', `${helpers}\neoResult = eoUnsignedApprovals(eoHierarchy(), item).join(',');\n`);
    const sig = c.signature;
    return scratch.run(
      `var item = new EoNode('A-11011/5/2026-EST-GAD', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': ${JSON.stringify(SO)} }, { container: true });
var drafts = item.add(new EoNode('Drafts', 'cm:folder', {}, { container: true }));
var draft = drafts.add(new EoNode('000001', 'eo:draft', { 'eo:draftStatus': eoJ('issued'), 'eo:approvedVersion': eoJ('1.1'),
  'eo:approvedBy': eoJ(${JSON.stringify(c.approvedBy ?? SO)}), 'eo:approvedByUser': eoJ(${JSON.stringify(c.approvedByUser ?? 'so1')}) }));
var otherDraft = drafts.add(new EoNode('000002', 'eo:draft', { 'eo:approvedVersion': eoJ('1.1') }));
var dispatches = item.add(new EoNode('Dispatches', 'cm:folder', {}, { container: true }));
dispatches.add(new EoNode('20261207-1', 'eo:dispatch', { 'eo:issueNumber': eoJ('A-11011/5(I)/2026-EST-GAD'), 'eo:fromDraft': draft },
  { owner: ${JSON.stringify(c.letterOwner ?? 'aso1')} }));
// A letter issued in an earlier holding: the hand-over made it the administrator's.
dispatches.add(new EoNode('20261201-1', 'eo:dispatch', { 'eo:issueNumber': eoJ('A-11011/5(OLD)/2026-EST-GAD') }, { owner: 'admin' }));
var signatures = item.add(new EoNode('Signatures', 'cm:folder', {}, { container: true }));
${
  sig
    ? `var s = signatures.add(new EoNode('000001-v1.1.p7s', 'eo:signature', { 'eo:signatureOf': ${sig.ofOther ? 'otherDraft' : 'draft'},
  'eo:signatureForm': eoJ(${JSON.stringify(sig.form ?? 'eoffice-draft-approval/1')}), 'eo:signedVersion': eoJ(${JSON.stringify(sig.version ?? '1.1')}),
  'eo:signerPost': eoJ(${JSON.stringify(sig.post ?? c.approvedBy ?? SO)}), 'cm:creator': eoJ(${JSON.stringify(sig.creator)}) },
  // ScriptNode.size is the content's length (rhino-host.js): a DER signature's, or an empty node's.
  { content: new Array(${(sig.size ?? 1800) + 1}).join('x') }));`
    : ''
}
eoInstallHost({
  vars: {}, processId: 'p1', assignee: 'aso1',
  groups: { ${JSON.stringify(SO)}: ['so1', 'so2'], ${JSON.stringify(ASO)}: ['aso1'] },
  hierarchy: ${JSON.stringify(JSON.stringify(h))},
  item: item
});
var eoResult = null;
${RHINO_SANDBOX}
try {
  load(${JSON.stringify(script)});
  print('OUTCOME ' + JSON.stringify({ missing: eoResult ? String(eoResult).split(',') : [] }));
} catch (e) {
  print('OUTCOME ' + JSON.stringify({ error: String(e.message || e) }));
}
`
    );
  }

  const LETTER = ['A-11011/5(I)/2026-EST-GAD'];

  it('the approver’s signature of the version approved: nothing is missing (the earlier holding’s letter is not asked again)', () => {
    assert.deepEqual(run({ signature: { creator: 'so1' } }), { missing: [] });
  });

  it('no signature, a colleague’s (same post), another version’s, another draft’s, an empty one or a note’s form: the letter is named', () => {
    assert.deepEqual(run({ signature: null }), { missing: LETTER });
    assert.deepEqual(run({ signature: { creator: 'so2' } }), { missing: LETTER });
    assert.deepEqual(run({ signature: { creator: 'so1', version: '1.0' } }), { missing: LETTER });
    assert.deepEqual(run({ signature: { creator: 'so1', ofOther: true } }), { missing: LETTER });
    assert.deepEqual(run({ signature: { creator: 'so1', size: 0 } }), { missing: LETTER });
    assert.deepEqual(run({ signature: { creator: 'so1', form: 'eoffice-note-signature/1' } }), { missing: LETTER });
  });

  it('an approval written in the name of a post below Section Officer, or of an officer not holding the post, does not count', () => {
    assert.deepEqual(run({ approvedBy: ASO, approvedByUser: 'aso1', signature: { creator: 'aso1' } }), { missing: LETTER });
    assert.deepEqual(run({ approvedByUser: 'aso1', signature: { creator: 'aso1' } }), { missing: LETTER });
  });

  it('without the department’s rule nothing is asked; a letter already handed over is never asked', () => {
    assert.deepEqual(run({ rule: false, signature: null }), { missing: [] });
    assert.deepEqual(run({ letterOwner: 'admin', signature: null }), { missing: [] });
  });
});
