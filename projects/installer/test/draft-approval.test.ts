/**
 * Approvals of drafts hold against any officer calling REST with any body (config/README.md "Issue of a letter",
 * lib.js eoSealApprovals / eoApprovalReal). A draft's approval is properties its holder's client writes, so an
 * Assistant Section Officer holding the file (Collaborator on Drafts/) can write one in the Section Officer's
 * name: it never counts. An approval counts when the approving post's hand-over sealed it (recorded on the
 * movement, in Movements/ that no officer writes, and the draft made read-only), or for the approving post itself
 * while it holds the file. The department here does not require signed approvals: the seal is all there is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { issueLetter, type IssueRequest } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import { writeBytes } from '../src/signatures';
import {
  act,
  openFile,
  refused,
  registrationClient,
  startDepartment,
  startMovement,
  taskOf,
  uploadLetterPdf,
  type Department
} from './movement-support';

const SO = 'priya.nair'; // SO_EST, level 2: approves drafts
const ASO = 'amit.kumar'; // ASO_EST_1, level 1: drafts, cannot approve

describe('draft approvals: only the approving post’s own, sealed when it hands the file over, can be issued', () => {
  let d: Department;
  let so: Acs;
  let aso: Acs;
  let seq = 0;

  before(async () => {
    d = await startDepartment();
    so = await d.as(SO);
    aso = await d.as(ASO);
  });
  after(async () => d?.stop());

  /** A draft as the drafts panel creates it: Drafts/<n>, first version 1.0. */
  async function draft(acs: Acs, fileId: string, html: string): Promise<string> {
    const name = String(++seq).padStart(6, '0');
    const created = await acs.upload.uploadFile(
      new File([html], name, { type: 'text/html' }),
      'Drafts',
      fileId,
      { name, nodeType: 'eo:draft', properties: { 'eo:draftNumber': seq, 'eo:draftKind': 'letter', 'eo:draftStatus': 'draft' } } as never,
      { name, nodeType: 'eo:draft', autoRename: false, majorVersion: true } as never
    );
    return (created as { entry: { id: string } }).entry.id;
  }
  const props = async (id: string) => (await d.admin.nodes.getNode(id, { include: ['properties'] })).entry.properties;

  /** The approval as DraftService.approve writes it, in the Section Officer's name, by whoever calls. */
  async function approve(acs: Acs, draftId: string): Promise<void> {
    await acs.nodes.updateNode(draftId, {
      properties: {
        'eo:draftStatus': 'approved',
        'eo:approvedVersion': String((await props(draftId))['cm:versionLabel']),
        'eo:approvedBy': d.group('SO_EST'),
        'eo:approvedByUser': SO,
        'eo:approvedAt': new Date().toISOString()
      }
    } as never);
  }

  const issued: Record<string, number> = {};
  /** Issues `draftId` of `fileId` as `post` through eoRegister (the day's next issue of that file). */
  async function issue(acs: Acs, post: string, fileId: string, draftId: string): Promise<void> {
    const req: IssueRequest = {
      draft: draftId,
      issueOfDay: (issued[fileId] ?? 0) + 1,
      mode: 'bySelf',
      deliveryMode: 'Speed Post',
      addressees: ['The Under Secretary, Ministry of Personnel, New Delhi']
    };
    await issueLetter(registrationClient(acs), await uploadLetterPdf(d, acs, post), post, req);
    issued[fileId] = req.issueOfDay;
  }
  const holderOf = async (id: string) => (await props(id))['eo:currentHolder'];
  const movementsOf = async (fileId: string) => (await d.admin.nodes.getNode(fileId, { relativePath: 'Movements' })).entry.id;

  it('the Assistant Section Officer writes an approval in the Section Officer’s name: issuing it is refused, before and after her hand-over', async () => {
    const id = await openFile(d, ASO, 'Reply to the Ministry on leave rules');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const forged = await draft(aso, id, '<p>Sir, the leave rules are enclosed.</p>');
    await approve(aso, forged);
    assert.equal((await props(forged))['eo:draftStatus'], 'approved');
    const r = await refused(() => issue(aso, 'ASO_EST_1', id, forged));
    assert.match(r.summary, /is not approved/);
    // Through the Section Officer and back: her hand-over seals what her post approved, not what was written in its name.
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'sendBack' });
    assert.equal(await holderOf(id), d.group('ASO_EST_1'));
    assert.match((await refused(() => issue(aso, 'ASO_EST_1', id, forged))).summary, /is not approved/);
    assert.notEqual((await props(forged))['eo:draftStatus'], 'issued');
  });

  it('the seal is not an officer’s to write: Movements/ and its records refuse him (403)', async () => {
    const id = await openFile(d, ASO, 'Circular on office timings');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const forged = await draft(aso, id, '<p>Office timings are 9:30 to 6:00.</p>');
    await approve(aso, forged);
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'sendBack' });
    const folder = await movementsOf(id);
    const version = String((await props(forged))['cm:versionLabel']);
    const seal = [forged, version, d.group('SO_EST'), SO].join('|');
    const planted = await refused(() =>
      aso.nodes.createNode(folder, {
        name: '000099',
        nodeType: 'eo:movement',
        properties: {
          'eo:movementSequence': 99,
          'eo:movementAction': 'sendBack',
          'eo:movementAt': new Date().toISOString(),
          'eo:movementSealedApprovals': [seal]
        }
      } as never)
    );
    assert.equal(planted.status, 403);
    const records = (await d.admin.nodes.listNodeChildren(folder, { maxItems: 100 })).list?.entries ?? [];
    assert.ok(records.length >= 2);
    for (const rec of records)
      assert.equal(
        (await refused(() => aso.nodes.updateNode(rec.entry.id, { properties: { 'eo:movementSealedApprovals': [seal] } } as never))).status,
        403
      );
    assert.match((await refused(() => issue(aso, 'ASO_EST_1', id, forged))).summary, /is not approved/);
  });

  it('the real path: the Section Officer approves and sends the file back; the Assistant Section Officer issues; the sealed draft no longer changes (403)', async () => {
    const id = await openFile(d, ASO, 'Reply on a pension case');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const drafted = await draft(aso, id, '<p>The pension case is settled.</p>');
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await approve(so, drafted);
    await act(so, (await taskOf(d, pid)).id, { eowf_action: 'sendBack' });
    // Sealed: the hand-over's movement records it, and the draft is read-only to every post, the approver's too.
    const records =
      (await d.admin.nodes.listNodeChildren(await movementsOf(id), { include: ['properties'], maxItems: 100 })).list?.entries ?? [];
    const sealed = records.flatMap((e) => (e.entry.properties?.['eo:movementSealedApprovals'] as string[] | undefined) ?? []);
    assert.deepEqual(sealed, [[drafted, String((await props(drafted))['cm:versionLabel']), d.group('SO_EST'), SO].join('|')]);
    for (const who of [aso, so]) {
      assert.equal(
        (await refused(() => who.nodes.updateNode(drafted, { properties: { 'eo:draftStatus': 'forApproval' } } as never))).status,
        403
      );
      assert.equal((await refused(() => writeBytes(who, drafted, new TextEncoder().encode('<p>Changed.</p>'), 'text/html'))).status, 403);
    }
    assert.equal((await refused(() => aso.nodes.deleteNode(drafted))).status, 403);
    // What the drafts panel reads to say so (draft.service list): the draft's allowableOperations offer no change,
    // and the holding post reads the seal in Movements/ itself.
    const read = await aso.nodes.getNode(drafted, { include: ['allowableOperations'] });
    assert.ok(!(read.entry.allowableOperations ?? []).some((op) => op === 'update' || op === 'delete'));
    const seen = (await aso.nodes.listNodeChildren(await movementsOf(id), { include: ['properties'], maxItems: 100 })).list?.entries ?? [];
    assert.ok(seen.some((e) => ((e.entry.properties?.['eo:movementSealedApprovals'] as string[] | undefined) ?? []).length));
    await issue(aso, 'ASO_EST_1', id, drafted);
    assert.equal((await props(drafted))['eo:draftStatus'], 'issued');
  });

  it('the Section Officer approves and issues herself while her post holds the file', async () => {
    const id = await openFile(d, SO, 'Tour of the Secretary');
    await startMovement(so, id, 'SO_EST');
    const drafted = await draft(so, id, '<p>The Secretary tours on 14/12/2026.</p>');
    await approve(so, drafted);
    await issue(so, 'SO_EST', id, drafted);
    assert.equal((await props(drafted))['eo:draftStatus'], 'issued');
  });
});
