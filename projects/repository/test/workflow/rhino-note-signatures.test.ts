/**
 * The movement workflow's rule "signed green notes" (lib.js eoUnsignedNotes, docs/signatures.md) run in real
 * Rhino (Debian's `rhino`, the engine ACS embeds) over host objects as ACS gives them (fixtures/rhino-host.js:
 * Java strings for names, ids and text properties, a d:noderef property as a node, `java` removed as in the
 * sandbox): a green note not yet frozen counts as signed only with an eo:signature naming it and its current
 * version, stored by the officer the note names as its signer and not empty; a colleague's, another version's,
 * another note's or an empty one leave it named. Frozen and yellow notes are never asked, nor anything
 * without the department's rule.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { RHINO_SANDBOX, gadHierarchy, holderCompleteHelpers, rhinoSkip as skip, useRhinoScratch } from './rhino-support';

const SO = 'GROUP_EO_GAD_SO_EST';

interface Case {
  rule?: boolean;
  /** Note 2 (green, version 1.2, signed by so1); its signature, or none. */
  signature?: { creator: string; version?: string; size?: number; ofOther?: boolean } | null;
  /** Note 1 dated as frozen but still its author's: he wrote the date himself, no send took it over. */
  plantedFrozen?: boolean;
}

describe('workflow: signed green notes (eoUnsignedNotes) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-notes-');
  let helpers: string;
  before(() => {
    helpers = holderCompleteHelpers();
  });

  function run(c: Case): { missing?: string[]; error?: string } {
    const h = gadHierarchy();
    if (c.rule !== false) h.signatures = { requireSignedNotes: true };
    const script = scratch.file('check', `${helpers}\neoResult = eoUnsignedNotes(eoHierarchy(), item).join(',');\n`);
    const sig = c.signature;
    return scratch.run(
      `var item = new EoNode('A-11011/5/2026-EST-GAD', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': ${JSON.stringify(SO)} }, { container: true });
var notes = item.add(new EoNode('Notes', 'cm:folder', {}, { container: true }));
// Note 1: green, frozen by an earlier send (never asked again); note 3: yellow (a draft note, not signed).
notes.add(new EoNode('000001', 'eo:note', { 'eo:noteNumber': new java.lang.Integer(1), 'eo:noteColour': eoJ('green'),
  'eo:noteFrozenAt': new java.util.Date(), 'cm:versionLabel': eoJ('1.0'), 'eo:signedByUser': eoJ('aso1') }${c.plantedFrozen ? ", { owner: 'aso1' }" : ''}));
var note = notes.add(new EoNode('000002', 'eo:note', { 'eo:noteNumber': new java.lang.Integer(2), 'eo:noteColour': eoJ('green'),
  'cm:versionLabel': eoJ('1.2'), 'eo:signedByUser': eoJ('so1') }));
var other = notes.add(new EoNode('000003', 'eo:note', { 'eo:noteNumber': new java.lang.Integer(3), 'eo:noteColour': eoJ('yellow'),
  'cm:versionLabel': eoJ('1.0'), 'eo:signedByUser': eoJ('so1') }));
var signatures = item.add(new EoNode('Signatures', 'cm:folder', {}, { container: true }));
${
  sig
    ? `signatures.add(new EoNode('000002-v1.2.p7s', 'eo:signature', { 'eo:signatureOf': ${sig.ofOther ? 'other' : 'note'},
  'eo:signatureForm': eoJ('eoffice-note-signature/1'), 'eo:signedVersion': eoJ(${JSON.stringify(sig.version ?? '1.2')}),
  'eo:signerPost': eoJ(${JSON.stringify(SO)}), 'cm:creator': eoJ(${JSON.stringify(sig.creator)}) },
  // ScriptNode.size is the content's length (rhino-host.js): a DER signature's, or an empty node's.
  { content: new Array(${(sig.size ?? 1800) + 1}).join('x') }));`
    : ''
}
eoInstallHost({
  vars: {}, processId: 'p1', assignee: 'so1',
  groups: { ${JSON.stringify(SO)}: ['so1', 'so2'] },
  hierarchy: ${JSON.stringify(JSON.stringify(h))},
  item: item
});
// ACS's actions root object, without Governance Services (no record is asked about).
eoInstallAgs();
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

  it('her signature of the note’s current version: nothing is missing (the frozen and the yellow note are not asked)', () => {
    assert.deepEqual(run({ signature: { creator: 'so1' } }), { missing: [] });
    assert.deepEqual(run({ signature: { creator: 'SO1' } }), { missing: [] });
  });

  it('no signature, a colleague’s (same post), an earlier version’s, another note’s or an empty one: the note is named', () => {
    assert.deepEqual(run({ signature: null }), { missing: ['2'] });
    assert.deepEqual(run({ signature: { creator: 'so2' } }), { missing: ['2'] });
    assert.deepEqual(run({ signature: { creator: 'so1', version: '1.1' } }), { missing: ['2'] });
    assert.deepEqual(run({ signature: { creator: 'so1', ofOther: true } }), { missing: ['2'] });
    assert.deepEqual(run({ signature: { creator: 'so1', size: 0 } }), { missing: ['2'] });
  });

  it('a frozen date on a note still its author’s (no send took it over) does not pass it: the note is named', () => {
    assert.deepEqual(run({ signature: { creator: 'so1' }, plantedFrozen: true }), { missing: ['1'] });
  });

  it('without the department’s rule nothing is asked', () => {
    assert.deepEqual(run({ rule: false, signature: null }), { missing: [] });
  });
});
