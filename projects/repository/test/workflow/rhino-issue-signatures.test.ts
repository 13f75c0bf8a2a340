/**
 * The issue of a letter (eoRegister's start with eowf_issueAs: register.js regIssue, issue 18 "a signed approval
 * to issue a letter") run in real Rhino (Debian's `rhino`, the engine ACS embeds) as ACS runs it: the whole built
 * listener, sandboxed (no `java`), over host objects as ACS gives them (fixtures/rhino-host.js: Java strings for
 * names, ids and variables, a d:noderef property as a node, `initiator` the caller). The letter's PDF waits in the
 * post's intake folder; an approved draft of the file the post holds, signed by its approver in the version
 * approved, is issued: the PDF becomes the eo:dispatch, the day's next, in Dispatches/, the administrator's, and
 * the draft is issued. Otherwise it is refused and nothing moves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officeDay } from '@eoffice/domain';
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
const US = 'GROUP_EO_GAD_US_EST';
const CRU = 'GROUP_EO_GAD_CRU';
const ASO = 'GROUP_EO_GAD_ASO_EST_1';

interface Case {
  rule?: boolean;
  actor?: string;
  issueAs?: string;
  signer?: string | null;
  /** The draft's status, its current version (the approved one is 1.1), the post holding the file. */
  status?: string;
  current?: string;
  holder?: string;
  /** Where the letter's PDF waits: the post's intake folder unless told. */
  staged?: 'intake' | 'drafts';
  /** The day's issues already in Dispatches/ (1: one, named for today). */
  before?: number;
  issue?: Record<string, unknown>;
  /** The draft's last writer (cm:modifier, the repository's): the approver unless told. */
  modifier?: string;
  /** A hand-over of the approving post recorded the approval as sealed in Movements/ (lib.js eoSealApprovals). */
  sealed?: boolean;
}

interface Outcome {
  error: string | null;
  type: string;
  name: string;
  where: string;
  owner: string;
  props: Record<string, unknown>;
  direct: string[];
  draftStatus: string;
}

describe('workflow: a letter is issued only from an approved draft its approver signed (regIssue) in real Rhino', { skip }, () => {
  const scratch = useRhinoScratch('eo-rhino-issue-');
  const script = useRegisterScript(scratch);
  const today = officeDay(new Date()).replace(/-/g, '');

  function run(c: Case): Outcome {
    const h = gadHierarchy();
    if (c.rule !== false) h.signatures = { requireSignedApprovals: true };
    const signer = c.signer === undefined ? 'so1' : c.signer;
    const issue = {
      draft: '@draft',
      issueOfDay: (c.before ?? 0) + 1,
      mode: 'byCru',
      deliveryMode: 'Speed Post',
      addressees: [' The Secretary '],
      ...c.issue
    };
    return scratch.run<Outcome>(
      `${registeredFileLines(c.holder ?? SO)}
var drafts = file.add(new EoNode('Drafts', 'cm:folder', {}, { container: true }));
var draft = drafts.add(new EoNode('000001', 'eo:draft', {
  'eo:draftStatus': eoJ(${JSON.stringify(c.status ?? 'approved')}), 'eo:approvedVersion': eoJ('1.1'), 'cm:versionLabel': eoJ(${JSON.stringify(c.current ?? '1.1')}),
  'eo:approvedBy': eoJ(${JSON.stringify(SO)}), 'eo:approvedByUser': eoJ('so1'), 'cm:modifier': eoJ(${JSON.stringify(c.modifier ?? 'so1')}) }, { owner: 'so1' }));
var movements = file.add(new EoNode('Movements', 'cm:folder', {}, { container: true }));
movements.add(new EoNode('000001', 'eo:movement', { 'eo:movementAction': eoJ('sendBack') }));
${c.sealed ? `movements.add(new EoNode('000002', 'eo:movement', { 'eo:movementAction': eoJ('sendBack'), 'eo:movementSealedApprovals': [eoJ(draft.id + '|1.1|${SO}|so1')] }));` : ''}
var dispatches = file.add(new EoNode('Dispatches', 'cm:folder', {}, { container: true }));
for (var b = 1; b <= ${c.before ?? 0}; b++) dispatches.add(new EoNode(${JSON.stringify(today)} + '-0' + b + (b == 1 ? ' (2026-0000000412)' : ''), 'eo:dispatch', {}));
var signatures = file.add(new EoNode('Signatures', 'cm:folder', {}, { container: true }));
${approvalSignatureLine(signer, SO)}
var intake = lib.add(new EoNode('Intake', 'cm:folder', {}, { container: true })).add(new EoNode(${JSON.stringify(c.issueAs ?? 'SO_EST')}, 'cm:folder', {}, { container: true }));
var letter = (${JSON.stringify(c.staged ?? 'intake')} == 'intake' ? intake : drafts).add(new EoNode('letter.pdf', 'cm:content', {}, {
  owner: 'so1', mimetype: 'application/pdf', content: '%PDF-1.7 the letter', direct: ['ALLOWED;GROUP_EO_GAD_SO_EST;Coordinator'] }));
eoInstallHost({
  vars: { eowf_issueAs: eoJ(${JSON.stringify(c.issueAs ?? 'SO_EST')}), eowf_issue: eoJ(${JSON.stringify(JSON.stringify(issue))}.replace('@draft', draft.id)) },
  processId: 'p1', assignee: null,
  groups: { ${JSON.stringify(SO)}: ['so1', 'so2'], ${JSON.stringify(US)}: ['us1'], ${JSON.stringify(CRU)}: ['cru1'], ${JSON.stringify(ASO)}: ['aso1'] },
  hierarchy: ${JSON.stringify(JSON.stringify(h))},
  item: file, packaged: letter
});
${loadRegisterLines(script(), c.actor ?? 'so2')}
var lp = {};
var keys = ['cm:title', 'eo:issueNumber', 'eo:dispatchMode', 'eo:dispatchStatus', 'eo:dispatchDeliveryMode', 'eo:addressees', 'eo:issuedBy', 'eo:fromDraft', 'eo:issuedAt'];
for (var k = 0; k < keys.length; k++) {
  var v = letter.properties[keys[k]];
  lp[keys[k]] = v === undefined || v === null ? null : v instanceof Date ? 'date' : keys[k] == 'eo:fromDraft' ? (v === draft ? 'the draft' : String(v)) : v instanceof Array ? v.map(String) : String(v);
}
print('OUTCOME ' + JSON.stringify({ error: error, type: String(letter.type), name: String(letter.name), where: String(letter.parent.name),
  owner: String(letter.getOwner()), props: lp, direct: letter.directPermissions.map(String), draftStatus: String(draft.properties['eo:draftStatus']) }));
`
    );
  }

  /** Nothing moved: the PDF is where the browser made it, a plain content node, and the draft is not issued. */
  function untouched(o: Outcome, where = 'SO_EST'): void {
    assert.deepEqual([o.type, o.where, o.name, o.draftStatus === 'issued'], ['cm:content', where, 'letter.pdf', false]);
  }

  it('an approved draft signed by its approver: the PDF becomes the day’s next eo:dispatch in Dispatches/, the draft issued', () => {
    const o = run({});
    assert.equal(o.error, null);
    assert.deepEqual([o.type, o.where, o.name, o.owner, o.draftStatus], ['eo:dispatch', 'Dispatches', `${today}-01`, 'admin', 'issued']);
    assert.deepEqual(o.props, {
      'cm:title': 'A-11011/5/2026-EST-GAD',
      'eo:issueNumber': 'A-11011/5/2026-EST-GAD',
      'eo:dispatchMode': 'byCru',
      'eo:dispatchStatus': 'pending',
      'eo:dispatchDeliveryMode': 'Speed Post',
      'eo:addressees': ['The Secretary'],
      'eo:issuedBy': SO,
      'eo:fromDraft': 'the draft',
      'eo:issuedAt': 'date'
    });
    // Its writer's entry goes; the Central Registry reads a letter it is to dispatch.
    assert.deepEqual(o.direct, [`ALLOWED;${CRU};Consumer`]);
  });

  it('the day’s second issue (the first filed as a record) is (I); sent by self it is Issued & Sent, opened to nobody', () => {
    const o = run({ before: 1, issue: { mode: 'bySelf' } });
    assert.equal(o.error, null);
    assert.deepEqual(
      [o.name, o.props['eo:issueNumber'], o.props['eo:dispatchStatus'], o.direct],
      [`${today}-02`, 'A-11011/5(I)/2026-EST-GAD', 'issuedSent', []]
    );
  });

  it('an issue number taken since it was counted, or one skipped: refused, nothing moves', () => {
    const taken = run({ before: 1, issue: { issueOfDay: 1 } });
    assert.match(taken.error ?? '', /^Issue 1 of the day already exists in A-11011\/5\/2026-EST-GAD$/);
    untouched(taken);
    const skipped = run({ issue: { issueOfDay: 3 } });
    assert.match(skipped.error ?? '', /is not the next issue of A-11011\/5\/2026-EST-GAD \(1\)/);
    untouched(skipped);
  });

  it('no signature, or a colleague’s in the approver’s name: refused with the reason; without the rule none is asked', () => {
    for (const signer of [null, 'so2']) {
      const o = run({ signer });
      assert.match(
        o.error ?? '',
        /^Draft 000001 of A-11011\/5\/2026-EST-GAD cannot be issued: its approval is not digitally signed by its approver\. The department requires a signed approval to issue a letter$/
      );
      untouched(o);
    }
    assert.equal(run({ rule: false, signer: null }).error, null);
  });

  it('a draft not approved, or changed since, a file held by another post, a caller not holding the post: refused', () => {
    for (const status of ['forApproval', 'draft', 'issued'])
      assert.match(run({ status }).error ?? '', /Draft 000001 of .+ is not approved/);
    assert.match(run({ current: '1.2' }).error ?? '', /has changed since its approval \(version 1\.1 approved\)/);
    assert.match(run({ holder: US }).error ?? '', /^Section Officer \(Establishment\) does not hold the file A-11011\/5\/2026-EST-GAD/);
    assert.match(
      run({ actor: 'us1' }).error ?? '',
      /^us1 does not hold the post Section Officer \(Establishment\) and cannot issue for it$/
    );
    untouched(run({ actor: 'us1' }));
  });

  it('a PDF outside the post’s intake folder, or a request that is not one: refused', () => {
    const o = run({ staged: 'drafts' });
    assert.match(o.error ?? '', /letter\.pdf is not a letter in the intake folder of Section Officer/);
    untouched(o, 'Drafts');
    assert.match(run({ issue: { mode: 'byPigeon' } }).error ?? '', /eowf_issue\.mode must be bySelf or byCru/);
    assert.match(run({ issue: { addressees: [] } }).error ?? '', /at least one addressee/);
    assert.match(run({ issue: { issueOfDay: '1' } }).error ?? '', /issueOfDay must be a whole number/);
    assert.match(run({ issue: { draft: '../x' } }).error ?? '', /eowf_issue\.draft is not a node id/);
    // Outside eo:deliveryModes: ACS would refuse it only at commit (IntegrityChecker), as a server error.
    assert.match(run({ issue: { deliveryMode: 'Pigeon' } }).error ?? '', /eowf_issue\.deliveryMode must be one of Post, Hand/);
  });

  it('an approval the holding post below wrote in the approver’s name: refused; sealed by the approver’s hand-over: issued', () => {
    // The Assistant Section Officer holds the file and wrote the approval himself (he is its last writer).
    const forged = run({ rule: false, holder: ASO, issueAs: 'ASO_EST_1', actor: 'aso1', modifier: 'aso1' });
    assert.match(forged.error ?? '', /^Draft 000001 of A-11011\/5\/2026-EST-GAD is not approved$/);
    untouched(forged, 'ASO_EST_1');
    // Even a draft last written by the approver does not count for another post until her hand-over sealed it.
    assert.match(run({ rule: false, holder: ASO, issueAs: 'ASO_EST_1', actor: 'aso1' }).error ?? '', /is not approved$/);
    const sealed = run({ holder: ASO, issueAs: 'ASO_EST_1', actor: 'aso1', sealed: true, modifier: 'admin' });
    assert.equal(sealed.error, null);
    assert.deepEqual(
      [sealed.type, sealed.where, sealed.draftStatus, sealed.props['eo:issuedBy']],
      ['eo:dispatch', 'Dispatches', 'issued', ASO]
    );
    // The approving post itself: an approval written by another officer than one of its own is not hers.
    assert.match(run({ rule: false, modifier: 'aso1' }).error ?? '', /is not approved$/);
  });
});
