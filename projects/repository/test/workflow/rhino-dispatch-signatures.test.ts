/**
 * The Central Registry's dispatch of a letter (eoRegister's start with eowf_dispatchAs: register.js regDispatch,
 * issue 18 "a signed approval to issue a letter") run in real Rhino (Debian's `rhino`, the engine ACS embeds)
 * as ACS runs it: the whole built listener, sandboxed (no `java`), over host objects as ACS gives them
 * (fixtures/rhino-host.js: Java strings for names, ids and variables, a d:noderef property as a node,
 * `initiator` the caller). A letter from an approval its approver signed is dispatched; one without, with a
 * colleague's signature, not pending, outside a registered file's Dispatches/, not opened to the post, or asked
 * for by someone not holding the post is refused and stays pending; without the rule no signature is asked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  approvalSignatureLine,
  gadHierarchy,
  loadRegisterLines,
  registeredFileLines,
  rhinoSkip as skip,
  useRegisterScript,
  useRhinoScratch
} from './rhino-support';

const SO = 'GROUP_EO_GAD_SO_EST';
const CRU = 'GROUP_EO_GAD_CRU';

interface Case {
  rule?: boolean;
  actor?: string;
  dispatchAs?: string;
  signer?: string | null;
  status?: string;
  folder?: string;
  opened?: boolean;
}

interface Outcome {
  error: string | null;
  status: string;
  dispatchedAt: boolean;
}

describe('workflow: the Central Registry dispatches a letter only from a signed approval (regDispatch) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-dispatch-');
  const script = useRegisterScript(scratch);

  function run(c: Case): Outcome {
    const h = gadHierarchy();
    if (c.rule !== false) h.signatures = { requireSignedApprovals: true };
    const signer = c.signer === undefined ? 'so1' : c.signer;
    return scratch.run<Outcome>(
      `${registeredFileLines(SO)}
var draft = file.add(new EoNode('Drafts', 'cm:folder', {}, { container: true })).add(new EoNode('000001', 'eo:draft', {
  'eo:draftStatus': eoJ('issued'), 'eo:approvedVersion': eoJ('1.1'), 'eo:approvedBy': eoJ(${JSON.stringify(SO)}), 'eo:approvedByUser': eoJ('so1') }));
var folder = file.add(new EoNode(${JSON.stringify(c.folder ?? 'Dispatches')}, 'cm:folder', {}, { container: true }));
var letter = folder.add(new EoNode('20261207-1', 'eo:dispatch', { 'eo:issueNumber': eoJ('A-11011/5(I)/2026-EST-GAD'), 'eo:fromDraft': draft,
  'eo:dispatchMode': eoJ('byCru'), 'eo:dispatchStatus': eoJ(${JSON.stringify(c.status ?? 'pending')}) },
  { owner: 'so1', direct: ${JSON.stringify(c.opened === false ? [] : [`ALLOWED;${CRU};Consumer`])} }));
var signatures = file.add(new EoNode('Signatures', 'cm:folder', {}, { container: true }));
${approvalSignatureLine(signer, SO)}
eoInstallHost({
  vars: { eowf_dispatchAs: eoJ(${JSON.stringify(c.dispatchAs ?? 'CRU')}) }, processId: 'p1', assignee: null,
  groups: { ${JSON.stringify(SO)}: ['so1', 'so2'], ${JSON.stringify(CRU)}: ['cru1'] },
  hierarchy: ${JSON.stringify(JSON.stringify(h))},
  item: file, packaged: letter
});
${loadRegisterLines(script(), c.actor ?? 'cru1')}
print('OUTCOME ' + JSON.stringify({ error: error, status: String(letter.properties['eo:dispatchStatus']),
  dispatchedAt: letter.properties['eo:dispatchedAt'] instanceof Date }));
`
    );
  }

  const PENDING = { status: 'pending', dispatchedAt: false };
  const refusal = (o: Outcome) => ({ status: o.status, dispatchedAt: o.dispatchedAt, error: o.error });

  it('the approver’s signature of the version approved: the letter is Issued & Dispatched, with the time', () => {
    assert.deepEqual(run({}), { error: null, status: 'issuedDispatched', dispatchedAt: true });
  });

  it('no signature, or a colleague’s in the approver’s name: refused with the reason, and the letter stays pending', () => {
    for (const signer of [null, 'so2']) {
      const o = run({ signer });
      assert.deepEqual({ status: o.status, dispatchedAt: o.dispatchedAt }, PENDING);
      assert.match(
        o.error ?? '',
        /^Letter A-11011\/5\(I\)\/2026-EST-GAD cannot be dispatched: its approval is not digitally signed by its approver\. The department requires a signed approval to issue a letter$/
      );
    }
  });

  it('a letter not pending, outside Dispatches/, not opened to the post, or asked for by an officer not holding it: refused', () => {
    assert.match(refusal(run({ status: 'issuedDispatched' })).error ?? '', /is not pending dispatch/);
    const outside = run({ folder: 'Correspondence' });
    assert.match(outside.error ?? '', /is not in the Dispatches of a registered e-file/);
    assert.equal(outside.status, 'pending');
    assert.match(run({ opened: false }).error ?? '', /was not sent to Central Registry Clerk/);
    assert.match(run({ actor: 'so1' }).error ?? '', /so1 does not hold the post Central Registry Clerk/);
  });

  it('the post holding the file records it through the same check; without the department’s rule no signature is asked', () => {
    assert.deepEqual(run({ actor: 'so1', dispatchAs: 'SO_EST' }), { error: null, status: 'issuedDispatched', dispatchedAt: true });
    assert.match(run({ actor: 'so1', dispatchAs: 'SO_EST', signer: null }).error ?? '', /cannot be dispatched/);
    assert.deepEqual(run({ rule: false, signer: null }), { error: null, status: 'issuedDispatched', dispatchedAt: true });
  });
});
