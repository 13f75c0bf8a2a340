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
  /**
   * Note 1, green and dated as frozen: `ledger` a send froze it (the file's eo:frozenNotes names it, the
   * administrator owns it); `author` its author wrote the date and still owns it; `admin` he made it the
   * administrator's too, since the ledger began; `legacy` an earlier version's send froze it, before the
   * ledger began (upgrades.json), so no ledger names it.
   */
  first?: 'ledger' | 'author' | 'admin' | 'legacy';
  /** upgrades.json as install writes it (default) or missing. */
  upgrades?: boolean;
  /** Script run before the check, with the helpers in scope. */
  before?: string;
}

const DAY = 86_400_000;

describe('workflow: signed green notes (eoUnsignedNotes) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-notes-');
  let helpers: string;
  before(() => {
    helpers = holderCompleteHelpers();
  });

  function run(c: Case): { missing?: string[]; error?: string } {
    const h = gadHierarchy();
    if (c.rule !== false) h.signatures = { requireSignedNotes: true };
    const script = scratch.file('check', `${helpers}\n${c.before ?? ''}\neoResult = eoUnsignedNotes(eoHierarchy(), item).join(',');\n`);
    const sig = c.signature;
    const first = c.first ?? 'ledger';
    const upgrades = c.upgrades === false ? null : JSON.stringify({ frozenNoteLedgerSince: new Date(Date.now() - DAY).toISOString() });
    return scratch.run(
      `var item = new EoNode('A-11011/5/2026-EST-GAD', 'eo:file', { 'eo:status': 'inMovement', 'eo:currentHolder': ${JSON.stringify(SO)} }, { container: true });
var notes = item.add(new EoNode('Notes', 'cm:folder', {}, { container: true }));
// Note 1: green and dated as frozen (see Case.first); note 3: yellow (a draft note, not signed). cm:created
// reads as a JS Date (ValueConverter.convertValueForScript), as does any d:datetime.
var first = notes.add(new EoNode('000001', 'eo:note', { 'eo:noteNumber': new java.lang.Integer(1), 'eo:noteColour': eoJ('green'),
  'eo:noteFrozenAt': new Date(), 'cm:created': new Date(Date.now() - ${first === 'legacy' ? 10 * DAY : 0}),
  'cm:versionLabel': eoJ('1.0'), 'eo:signedByUser': eoJ('aso1') }${first === 'author' ? ", { owner: 'aso1' }" : ''}));
// A multi-valued d:text property reads as a JS array of Java strings.
${first === 'ledger' ? "item.properties['eo:frozenNotes'] = [first.id];" : ''}
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
  upgrades: ${JSON.stringify(upgrades)},
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
    assert.deepEqual(run({ signature: { creator: 'so1' }, first: 'author' }), { missing: ['1'] });
  });

  it('nor a dated note made the administrator’s since the ledger began: only the file’s ledger says frozen', () => {
    assert.deepEqual(run({ signature: { creator: 'so1' }, first: 'admin' }), { missing: ['1'] });
  });

  it('what a send freezes it writes into the file’s ledger (eoHandOver): read back, the note is frozen', () => {
    const freeze = 'var ledger = eoFrozenNotes(item); ledger.add(note); ledger.save();';
    assert.deepEqual(run({ signature: null, before: freeze }), { missing: [] });
    // Written once more by a later send, the ledger keeps what it named (note 1 here) beside the new note.
    assert.deepEqual(run({ signature: null, before: `${freeze} if (eoFrozenNotes(item).has(first)) eoResult = 1; else throw 'lost';` }), {
      missing: []
    });
  });

  it('a note frozen before the ledger began counts on its date and owner; without upgrades.json none does', () => {
    assert.deepEqual(run({ signature: { creator: 'so1' }, first: 'legacy' }), { missing: [] });
    assert.deepEqual(run({ signature: { creator: 'so1' }, first: 'legacy', upgrades: false }), { missing: ['1'] });
  });

  it('without the department’s rule nothing is asked', () => {
    assert.deepEqual(run({ rule: false, signature: null }), { missing: [] });
  });
});
