/**
 * The movement workflow (config/workflow/eoMovement.bpmn20.xml) deployed by `install` and run by the
 * local repository, exercised the way the extension will: officers of the demo department logged in
 * through @alfresco/js-api, acting on their posts' tasks. Each test asserts what an officer notices.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ensureIncumbents } from '../src/install';
import { StepLog } from '../src/log';
import { SearchApi } from '@alfresco/js-api';
import { departmentSite, fileQuery, frequentRecipients, recentSendsRequest, toMovement } from '@eoffice/domain';
import { artefacts } from './support';
import {
  act,
  actOn,
  addNote,
  claim,
  complete,
  diariseReceipt,
  inbox,
  item,
  movements,
  openFile,
  refused,
  startMovement,
  taskOf,
  GAD_OFFICERS,
  useDepartment
} from './movement-support';

const { CRU, ASO1, ASO2, SO, US, DS, JS, SO_ADM } = GAD_OFFICERS;

describe('movement workflow', () => {
  const d = useDepartment();

  it("the committed definitions and the models' movement-action lists are generated from their sources (build.mjs --check)", () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const r = spawnSync(process.execPath, [path.join(root, 'config', 'workflow', 'build.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('install deploys the workflow: eoMovement is a process definition', async () => {
    const defs = await d.admin.call('workflow', 'GET', '/process-definitions', { where: "(key='eoMovement')" });
    assert.equal(defs.list.entries.length, 1);
  });

  it('a receipt sent by the CRU lands in the Section Officer inbox; only the holder can write', async () => {
    const id = await diariseReceipt(d, CRU, 'Leave application of Shri R. Prasad');
    const pid = await startMovement(await d.as(CRU), id, 'CRU');
    let props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('CRU'));
    assert.equal(props['eo:status'], 'inMovement');

    const [task] = await inbox(await d.as(CRU), d.group('CRU'));
    assert.equal(task.processId, pid);
    assert.match(task.name, /1\/2026\/EST-GAD - Leave application/);
    await act(await d.as(CRU), task.id, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For necessary action' });

    props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('SO_EST'));
    assert.ok(props['eo:heldSince']);
    assert.equal((await inbox(await d.as(SO), d.group('SO_EST'))).length, 1);
    assert.equal((await inbox(await d.as(CRU), d.group('CRU'))).length, 0);

    // The sender still reads it but can no longer change it; an unrelated officer cannot even read it.
    const cru = await d.as(CRU);
    assert.equal((await cru.nodes.getNode(id)).entry.id, id);
    const edit = await refused(() => cru.nodes.updateNode(id, { properties: { 'eo:subject': 'changed' } }));
    assert.equal(edit.status, 403);
    assert.equal((await refused(async () => (await d.as(SO_ADM)).nodes.getNode(id))).status, 403);
    // Nor can the holder write the receipt itself (its number, custody and status are the workflow's); she
    // writes in its working folder (a reply) and amends its details through the repository (numbering.test).
    const so = await d.as(SO);
    for (const forged of [{ properties: { 'eo:status': 'closed' } }, { properties: { 'eo:remarks': 'seen' } }, { name: 'renamed' }])
      assert.equal((await refused(() => so.nodes.updateNode(id, forged as never))).status, 403, JSON.stringify(forged));
    const reply = await so.nodes.createNode(id, { name: 'reply.html', nodeType: 'cm:content', relativePath: 'Replies' });
    assert.equal(reply.entry.name, 'reply.html');
    assert.equal(
      (await refused(() => cru.nodes.createNode(id, { name: 'r2.html', nodeType: 'cm:content', relativePath: 'Replies' }))).status,
      403
    );
    props = await item(d, id);
    assert.equal(props['eo:status'], 'inMovement');
  });

  it('a non-holder cannot add a note or send the file (403)', async () => {
    const id = await openFile(d, ASO1, 'Revision of duty roster');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await addNote(await d.as(ASO1), id, 'Note 1: the roster may be revised as proposed.');
    const other = await d.as(ASO2); // same section, not the holder
    const notes = await other.nodes.getNode(id, { relativePath: 'Notes' }).catch((e) => e);
    assert.equal(notes.status, 403, 'a non-holder cannot even open the notes');
    const noteByAdmin = await d.admin.nodes.getNode(id, { relativePath: 'Notes' });
    const add = await refused(() =>
      other.nodes.createNode(noteByAdmin.entry.id, {
        name: '000002',
        nodeType: 'eo:note',
        properties: { 'eo:noteNumber': 2, 'eo:noteColour': 'green' }
      })
    );
    assert.equal(add.status, 403);
    const task = await taskOf(d, pid);
    assert.equal((await refused(() => claim(other, task.id))).status, 403);
    assert.equal((await refused(() => complete(other, task.id, { eowf_action: 'send', eowf_to: 'SO_EST' }))).status, 403);
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('ASO_EST_1'), 'nothing moved');

    // The creator started the process, which ACS lets act on its tasks; once the file has moved on
    // beyond the pull-back stage, the workflow still refuses it.
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    const creator = await d.as(ASO1);
    const usTask = await taskOf(d, pid);
    const claimed = await refused(() => claim(creator, usTask.id));
    assert.match(claimed.summary, /amit.kumar does not hold this item/);
    const sent = await refused(() => complete(creator, usTask.id, { eowf_action: 'send', eowf_to: 'DS' }));
    assert.match(sent.summary, /does not hold Under Secretary \(Establishment\)'s charge and cannot act on this item/);
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
  });

  it('a sent green note can no longer be edited or deleted, even by its author', async () => {
    const id = await openFile(d, ASO1, 'Purchase of printers');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    const green = await addNote(aso, id, 'Note 1: three printers are needed.');
    const yellow = await addNote(aso, id, 'Draft: maybe four?', 'yellow');
    await aso.nodes.updateNodeContent(green, 'Note 1: three printers are needed (corrected).'); // before sending: fine
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'Put up for orders' });

    const so = await d.as(SO);
    for (const who of [aso, so]) {
      assert.equal((await refused(() => who.nodes.updateNodeContent(green, 'rewritten'))).status, 403);
      assert.equal((await refused(() => who.nodes.updateNode(green, { properties: { 'cm:title': 'x' } }))).status, 403);
      assert.equal((await refused(() => who.nodes.deleteNode(green))).status, 403);
    }
    // Both can still read it; the note says when it was frozen.
    assert.ok((await so.nodes.getNode(green, { include: ['properties'] })).entry.properties['eo:noteFrozenAt']);
    assert.ok((await aso.nodes.getNode(green)).entry.id);
    // A yellow (draft) note is editable by the officer it reached; its author, who sent the file on, only
    // reads it now (tried harder in custody-planted.test.ts).
    assert.equal((await refused(() => aso.nodes.updateNodeContent(yellow, 'Draft: four printers.'))).status, 403);
    await so.nodes.updateNodeContent(yellow, 'Draft: four printers (SO).');
  });

  it('the author amends his green note while the file is with him; once it has moved, nobody may, not even after a pull back', async () => {
    const id = await openFile(d, ASO1, 'Repair of staff cars');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    const green = await addNote(aso, id, 'Note 1: two cars need repair.');
    // Still with him: he corrects it and signs it again, as "Edit" on his green note does.
    await aso.nodes.updateNodeContent(green, 'Note 1: three cars need repair.');
    await aso.nodes.updateNode(green, { properties: { 'eo:signedByUser': ASO1, 'eo:signedAt': new Date().toISOString() } });
    // An officer of another post, never given the file, can do nothing to it.
    const other = await d.as(ASO2);
    assert.equal((await refused(() => other.nodes.updateNodeContent(green, 'rewritten'))).status, 403);
    assert.equal((await refused(() => other.nodes.updateNode(green, { properties: { 'eo:noteColour': 'yellow' } }))).status, 403);

    // Sent on, then pulled back before it was opened: the file is with him again, the note is permanent.
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await act(aso, (await taskOf(d, pid)).id, { eowf_action: 'pullBack' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('ASO_EST_1'));
    assert.equal((await refused(() => aso.nodes.updateNodeContent(green, 'Note 1: four cars.'))).status, 403);
    for (const properties of [{ 'eo:noteColour': 'yellow' }, { 'eo:noteFrozenAt': null }, { 'eo:signedAt': new Date().toISOString() }])
      assert.equal((await refused(() => aso.nodes.updateNode(green, { properties } as never))).status, 403, JSON.stringify(properties));
    assert.equal((await refused(() => aso.nodes.deleteNode(green))).status, 403);
    const kept = await aso.nodes.getNode(green, { include: ['properties'] });
    assert.equal(kept.entry.properties['eo:noteColour'], 'green');
    assert.ok(kept.entry.properties['eo:noteFrozenAt']);
    const text: unknown = await aso.nodes.getNodeContent(green);
    assert.equal(String(text instanceof Buffer ? text.toString() : text), 'Note 1: three cars need repair.', 'the text as it was sent');
    // He still writes in the file: a new note says what changed.
    await addNote(aso, id, 'Note 2: a third car broke down after Note 1.');
  });

  it("a confirmed green note is its author's alone before the send: a colleague in the same post reads it but cannot rewrite, re-colour or delete it", async () => {
    // Two officers share the post that holds the file; the repository, not the colleague's client, refuses.
    const colleague = 'ravi.colleague';
    await d.addOfficer(colleague, 'ASO_EST_1');
    const id = await openFile(d, ASO1, 'Purchase of water coolers');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    const green = await addNote(aso, id, 'Note 1: two water coolers are needed.');
    const other = await d.as(colleague);
    assert.equal((await refused(() => other.nodes.updateNodeContent(green, 'Note 1: ten water coolers.'))).status, 403);
    for (const properties of [{ 'eo:noteColour': 'yellow' }, { 'eo:signedByUser': colleague }, { 'cm:title': 'x' }])
      assert.equal((await refused(() => other.nodes.updateNode(green, { properties } as never))).status, 403, JSON.stringify(properties));
    assert.equal(
      (await refused(() => other.nodes.updateNode(green, { permissions: { isInheritanceEnabled: true } } as never))).status,
      403,
      'nor give his post its write back'
    );
    assert.equal((await refused(() => other.nodes.deleteNode(green))).status, 403);
    assert.equal(String(await other.nodes.getNodeContent(green)), 'Note 1: two water coolers are needed.', 'he still reads it');
    // The colleague still writes in the file: his own note.
    await addNote(other, id, 'Note 2: agreed with Note 1.', 'yellow');
    // The author amends his note while the file is with his post.
    await aso.nodes.updateNodeContent(green, 'Note 1: three water coolers are needed.');

    // Asked to approve closing, the Under Secretary reads it (each hand-over renews its readers) and cannot write it.
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'ASO_EST_1' });
    const second = await addNote(aso, id, 'Note 3: the coolers are installed; the file may be closed.');
    await actOn(d, pid, ASO1, { eowf_action: 'close', eowf_to: 'US_EST', eowf_remarks: 'May be closed' });
    const us = await d.as('kavita.joshi');
    assert.equal(String(await us.nodes.getNodeContent(second)), 'Note 3: the coolers are installed; the file may be closed.');
    assert.equal((await refused(() => us.nodes.updateNodeContent(second, 'rewritten'))).status, 403);
    assert.equal((await refused(() => other.nodes.updateNodeContent(second, 'rewritten'))).status, 403);
  });

  it('a green note is frozen on the send even when its author planted a frozen date on it to keep it his', async () => {
    const id = await openFile(d, ASO1, 'Hiring of taxis');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    const green = await addNote(aso, id, 'Note 1: taxis may be hired at the approved rates.');
    await aso.nodes.updateNode(green, { properties: { 'eo:noteFrozenAt': '2026-01-01T00:00:00.000Z' } });
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });

    assert.equal((await refused(() => aso.nodes.updateNodeContent(green, 'Note 1: any rate will do.'))).status, 403);
    assert.equal((await refused(() => aso.nodes.deleteNode(green))).status, 403);
    const so = await d.as(SO);
    assert.equal((await refused(() => so.nodes.updateNodeContent(green, 'rewritten'))).status, 403);
    const frozenAt = (await so.nodes.getNode(green, { include: ['properties'] })).entry.properties['eo:noteFrozenAt'];
    assert.notEqual(new Date(frozenAt).toISOString(), '2026-01-01T00:00:00.000Z', 'the date of the send, not the planted one');
  });

  it('a draft written before sending cannot be changed or approved by its author once the file has moved on', async () => {
    const id = await openFile(d, SO, 'Draft reply to the State Government');
    const pid = await startMovement(await d.as(SO), id, 'SO_EST');
    const so = await d.as(SO);
    const draft = await so.upload.uploadFile(new File(['<p>Draft letter</p>'], '000001', { type: 'text/html' }), 'Drafts', id, undefined, {
      name: '000001',
      nodeType: 'eo:draft',
      'eo:draftNumber': '1'
    } as never);
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'Draft for approval' });

    assert.equal((await refused(() => so.nodes.updateNodeContent(draft.entry.id, '<p>Changed after sending</p>'))).status, 403);
    assert.equal((await refused(() => so.nodes.updateNode(draft.entry.id, { properties: { 'eo:draftStatus': 'approved' } }))).status, 403);
    assert.equal((await refused(() => so.nodes.deleteNode(draft.entry.id))).status, 403);
    // The Under Secretary, who holds the file now, may approve it.
    const us = await d.as(US);
    await us.nodes.updateNode(draft.entry.id, { properties: { 'eo:draftStatus': 'approved' } });
  });

  it('the Joint Secretary and above read every moving item (pendency at the top); other posts only what passed them', async () => {
    const id = await openFile(d, ASO1, 'Training calendar 2027');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For orders' });
    const js = await d.as('rajesh.verma'); // JS, level 5
    assert.equal((await js.nodes.getNode(id)).entry.id, id);
    assert.equal((await refused(() => js.nodes.updateNode(id, { properties: { 'eo:subject': 'x' } }))).status, 403, 'read, not write');
    const soAdm = await d.as(SO_ADM);
    assert.equal((await refused(() => soAdm.nodes.getNode(id))).status, 403);
  });

  it('pull back works while the item is unopened, and fails once the recipient opened it', async () => {
    const id = await diariseReceipt(d, CRU, 'Representation regarding transfer');
    const pid = await startMovement(await d.as(CRU), id, 'CRU');
    await actOn(d, pid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
    // Unopened: the CRU sees it among the items it may pull back, and pulls it back.
    const cru = await d.as(CRU);
    const pullable = await cru.call('workflow', 'GET', '/tasks', {
      where: `(candidateGroup='${d.group('CRU')}' AND variables/eowf_senderGroup='${d.group('CRU')}')`
    });
    const mine = pullable.list.entries.filter((e: { entry: { processId: string } }) => e.entry.processId === pid);
    assert.equal(mine.length, 1);
    await act(cru, mine[0].entry.id, { eowf_action: 'pullBack', eowf_remarks: 'Marked to the wrong section' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('CRU'));
    assert.equal((await item(d, id))['eo:lastRemarks'], 'Marked to the wrong section');
    assert.equal((await refused(async () => (await d.as(SO)).nodes.getNode(id))).status, 403, 'the SO lost access');

    // Sent again; this time the SO opens it first.
    await actOn(d, pid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
    assert.equal((await item(d, id))['eo:lastRemarks'], undefined, 'a send without remarks leaves none of the last one behind');
    const task = await taskOf(d, pid);
    await claim(await d.as(SO), task.id);
    const late = await refused(() => act(cru, task.id, { eowf_action: 'pullBack' }));
    assert.equal(late.status, 409);
    // Even after the SO puts the task back, the item was opened: pull back stays refused.
    await (await d.as(SO)).call('workflow', 'PUT', `/tasks/${task.id}`, { select: 'state' }, { state: 'unclaimed' });
    const after = await refused(() => claim(cru, task.id));
    assert.match(after.summary, /already opened this item; it can no longer be pulled back/);
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('SO_EST'));
    const moves = await movements(cru, id);
    assert.deepEqual(
      moves.map((m) => m.action),
      ['send', 'pullBack', 'send']
    );
    assert.ok(moves[2].readAt, 'the movement records when the recipient opened it');
    assert.equal(moves[0].readAt, undefined);
  });

  it('marking outside the channel of submission is refused with a clear message', async () => {
    const id = await openFile(d, ASO1, 'Annual property returns');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const task = await taskOf(d, pid);
    await claim(await d.as(ASO1), task.id);
    const wrong = await refused(async () => complete(await d.as(ASO1), task.id, { eowf_action: 'send', eowf_to: 'SO_ADM' }));
    assert.match(
      wrong.summary,
      /Section Officer \(Administration\) is outside the channel of submission of Assistant Section Officer \(Establishment\)/
    );
    const tooHigh = await refused(async () => complete(await d.as(ASO1), task.id, { eowf_action: 'send', eowf_to: 'SECY' }));
    assert.match(tooHigh.summary, /a marking may cross at most 4 levels/);
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('ASO_EST_1'));
    assert.equal((await movements(await d.as(ASO1), id)).length, 0, 'no movement recorded');
  });

  it('close below Section Officer level needs approval: refused stays open, approved closes', async () => {
    const id = await openFile(d, ASO1, 'Routine circular');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'close', eowf_remarks: 'No further action' });
    assert.notEqual((await item(d, id))['eo:status'], 'closed', 'a request is not a closure');
    const t = await taskOf(d, pid);
    assert.equal(t.activityDefinitionId, 'approval');
    const approvals = await (await d.as(SO)).call('workflow', 'GET', '/tasks', { where: `(candidateGroup='${d.group('SO_EST')}')` });
    assert.ok(
      approvals.list.entries.some((e: { entry: { id: string } }) => e.entry.id === t.id),
      'the SO sees the request'
    );
    // The request is in the approver's Files Inbox (the extension's own query), and it says who is to decide:
    // ACS lists the approval task to the requester too (she started the process), so the item must.
    const filesInbox = async (user: string, post: string) => {
      const answer = await new SearchApi((await d.as(user)).api).search({
        query: { query: fileQuery(departmentSite(artefacts().hierarchy), 'inbox', [d.group(post)]), language: 'afts' },
        paging: { skipCount: 0, maxItems: 1000 }
      });
      return (answer.list?.entries ?? []).map((e) => e.entry.id);
    };
    assert.ok((await filesInbox(SO, 'SO_EST')).includes(id), "the request is in the Section Officer's Files Inbox");
    assert.ok((await filesInbox(ASO1, 'ASO_EST_1')).includes(id), 'the file stays in the requester’s Inbox');
    const asked = await item(d, id);
    assert.equal(asked['eo:approverPost'], d.group('SO_EST'));
    // The approver's Inbox names who asked, why and since when, not who last sent the file to its holder.
    assert.deepEqual([asked['eo:pendingRequester'], asked['eo:pendingRemarks']], [d.group('ASO_EST_1'), 'No further action']);
    assert.ok(Math.abs(Date.parse(String(asked['eo:pendingSince'])) - Date.now()) < 60_000, 'eo:pendingSince is the moment of asking');
    const requesterSees = await (await d.as(ASO1)).call('workflow', 'GET', '/tasks', { where: `(processId='${pid}')` });
    assert.ok(
      requesterSees.list.entries.some((e: { entry: { id: string } }) => e.entry.id === t.id),
      'ACS lists the approval task to the requester: only eo:approverPost tells the extension who decides'
    );
    await act(await d.as(SO), t.id, { eowf_decision: 'refuse', eowf_remarks: 'Reply to the circular first' });
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
    assert.ok(!(await filesInbox(SO, 'SO_EST')).includes(id), 'refused: the request leaves the Section Officer’s Inbox');
    assert.equal((await item(d, id))['eo:pendingSince'] ?? null, null, 'a decided request keeps no time of asking');
    assert.equal((await taskOf(d, pid)).activityDefinitionId, 'holder');

    await actOn(d, pid, ASO1, { eowf_action: 'close' });
    await actOn(d, pid, SO, { eowf_decision: 'approve' });
    const props = await item(d, id);
    assert.equal(props['eo:status'], 'closed');
    assert.equal(props['eo:closureApprovedBy'], d.group('SO_EST'));
    const moves = await movements(await d.as(ASO1), id);
    assert.equal(moves.at(-1)?.action, 'close');
    assert.match(moves.at(-1)?.remarks ?? '', /Approved by Section Officer \(Establishment\)/);
  });

  it('a Section Officer closes directly, parks and reopens', async () => {
    const id = await openFile(d, SO, 'Office timings');
    const pid = await startMovement(await d.as(SO), id, 'SO_EST');
    await actOn(d, pid, SO, { eowf_action: 'park', eowf_remarks: 'Awaiting the new orders' });
    assert.equal((await item(d, id))['eo:status'], 'parked');
    const parked = await refused(async () => actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' }));
    assert.match(parked.summary, /parked: take it out of park first/);
    // The refused attempt left the task claimed by the SO; complete it properly.
    await complete(await d.as(SO), (await taskOf(d, pid)).id, { eowf_action: 'unpark' });
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
    await actOn(d, pid, SO, { eowf_action: 'close' });
    assert.equal((await item(d, id))['eo:status'], 'closed');
    const processes = await d.admin.call('workflow', 'GET', `/processes/${pid}`);
    assert.ok(processes.entry.endedAt, 'closing ends the movement');
    // Closed: read-only to all, the post that closed it included.
    assert.equal((await refused(async () => addNote(await d.as(SO), id, 'After closing'))).status, 403);

    await startMovement(await d.as(SO), id, 'SO_EST', { eowf_remarks: 'Fresh orders received' });
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
    await addNote(await d.as(SO), id, 'Reopened: the new orders are placed below'); // writable again
    const moves = await movements(await d.as(SO), id);
    assert.deepEqual(
      moves.map((m) => m.action),
      ['park', 'unpark', 'close', 'reopen']
    );
  });

  it('two officers of one post sending one file at once: one movement, one conflict', async () => {
    // ASO_EST_2's post gets a second officer (additional charge).
    await d.admin.groups.createGroupMembership(d.group('ASO_EST_2'), { id: 'farhan.ali', memberType: 'PERSON' });
    const id = await openFile(d, ASO2, 'Stationery indent');
    const pid = await startMovement(await d.as(ASO2), id, 'ASO_EST_2');
    const task = await taskOf(d, pid);
    const results = await Promise.allSettled(
      [ASO2, 'farhan.ali'].map(async (u) =>
        act(await d.as(u), task.id, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: `by ${u}` })
      )
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(ok.length, 1);
    assert.equal(failed.length, 1);
    assert.ok([405, 409].includes(failed[0].reason.status), `conflict status, got ${failed[0].reason.status}`);
    const moves = await movements(d.admin, id);
    assert.equal(moves.length, 1);
    assert.equal(moves[0].to, d.group('SO_EST'));
    await d.admin.groups.deleteGroupMembership(d.group('ASO_EST_2'), 'farhan.ali');
  });

  it('the movements list shows every step with from, to, remarks; send back returns to the sender', async () => {
    const id = await openFile(d, ASO1, 'Training calendar');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'Please see', eowf_dueDate: '2026-12-01' });
    await actOn(d, pid, SO, { eowf_action: 'sendBack', eowf_remarks: 'Add last year figures' });
    // The Inbox reads who sent the file, when and why from the file itself, not from its Movements/.
    let props = await item(d, id);
    assert.deepEqual([props['eo:previousHolder'], props['eo:lastRemarks']], [d.group('SO_EST'), 'Add last year figures']);
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'Added' });
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'For approval' });
    props = await item(d, id);
    assert.deepEqual([props['eo:previousHolder'], props['eo:lastRemarks']], [d.group('SO_EST'), 'For approval']);
    const moves = await movements(await d.as(ASO1), id);
    assert.deepEqual(
      moves.map((m) => [m.seq, m.action, m.from, m.to, m.remarks]),
      [
        [1, 'send', d.group('ASO_EST_1'), d.group('SO_EST'), 'Please see'],
        [2, 'sendBack', d.group('SO_EST'), d.group('ASO_EST_1'), 'Add last year figures'],
        [3, 'send', d.group('ASO_EST_1'), d.group('SO_EST'), 'Added'],
        [4, 'send', d.group('SO_EST'), d.group('US_EST'), 'For approval']
      ]
    );
    assert.equal(moves[0].fromUser, ASO1);
    // Earlier holders read the history but cannot rewrite it.
    const folder = await (await d.as(ASO1)).nodes.getNode(id, { relativePath: 'Movements/000001' });
    assert.equal(
      (await refused(async () => (await d.as(US)).nodes.updateNode(folder.entry.id, { properties: { 'eo:movementRemarks': 'x' } }))).status,
      403
    );
  });

  it('the file keeps its latest movement (eo:lastMovement); a wrong one, lower or higher, is not trusted: the record stays 1 … n', async () => {
    const id = await openFile(d, ASO1, 'Leave rules');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, pid, SO, { eowf_action: 'sendBack' });
    assert.equal((await item(d, id))['eo:lastMovement'], 2);
    // Officers cannot write the item; an administrator can, and the workflow must not follow him.
    assert.equal(
      (await refused(() => d.as(SO).then((so) => so.nodes.updateNode(id, { properties: { 'eo:lastMovement': 9 } } as never)))).status,
      403
    );
    await d.admin.nodes.updateNode(id, { properties: { 'eo:lastMovement': 1 } } as never);
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await d.admin.nodes.updateNode(id, { properties: { 'eo:lastMovement': 7 } } as never);
    // The claim finds the movement that reached the holder among the latest ones: opened, no pull back.
    await actOn(d, pid, SO, { eowf_action: 'sendBack' });
    const moves = await movements(await d.as(ASO1), id);
    assert.deepEqual(
      moves.map((m) => [m.seq, m.action]),
      [
        [1, 'send'],
        [2, 'sendBack'],
        [3, 'send'],
        [4, 'sendBack']
      ]
    );
    assert.ok(moves[2].readAt, 'the send that reached the Section Officer is marked opened by her claim');
    assert.equal((await item(d, id))['eo:lastMovement'], 4);
  });

  it('send back returns the file the way it came: sent back to the Under Secretary, it goes on down, not up again', async () => {
    const id = await openFile(d, SO, 'Revision of office hours');
    const pid = await startMovement(await d.as(SO), id, 'SO_EST');
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    await actOn(d, pid, US, { eowf_action: 'send', eowf_to: 'DS' });
    await actOn(d, pid, DS, { eowf_action: 'sendBack', eowf_remarks: 'Consult Finance' });
    let props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('US_EST'));
    assert.equal(props['eo:returnTo'], 'SO_EST', 'the Under Secretary would send it back to the Section Officer');
    // The Deputy Secretary pulls it back before it is opened, and the return path is as it was.
    await act(await d.as(DS), (await taskOf(d, pid)).id, { eowf_action: 'pullBack' });
    assert.equal((await item(d, id))['eo:returnTo'], 'US_EST');
    await actOn(d, pid, DS, { eowf_action: 'sendBack', eowf_remarks: 'Consult Finance' });
    await actOn(d, pid, US, { eowf_action: 'sendBack', eowf_remarks: 'Please consult Finance' });
    props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('SO_EST'), 'down to the Section Officer, not up to the Deputy Secretary');
    const last = await refused(() => actOn(d, pid, SO, { eowf_action: 'sendBack' }));
    assert.match(last.summary, /Nobody sent this item to Section Officer \(Establishment\)/);
    assert.deepEqual(
      (await movements(await d.as(SO), id)).map((m) => [m.action, m.from, m.to]),
      [
        ['send', d.group('SO_EST'), d.group('US_EST')],
        ['send', d.group('US_EST'), d.group('DS')],
        ['sendBack', d.group('DS'), d.group('US_EST')],
        ['pullBack', d.group('US_EST'), d.group('DS')],
        ['sendBack', d.group('DS'), d.group('US_EST')],
        ['sendBack', d.group('US_EST'), d.group('SO_EST')]
      ]
    );
  });

  it('levels jumped on the way up see the file on its way down', async () => {
    const id = await openFile(d, SO, 'Cadre review');
    const pid = await startMovement(await d.as(SO), id, 'SO_EST');
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'JS', eowf_remarks: 'Urgent: cadre review' });
    let props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('JS'));
    assert.deepEqual(props['eo:returnVia'], ['US_EST', 'DS']);
    // The JS marks it back to the SO: it goes to the DS first, then the US, then the SO.
    await actOn(d, pid, JS, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'Approved' });
    props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('DS'));
    await actOn(d, pid, DS, { eowf_action: 'send', eowf_to: 'SO_EST' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
    await actOn(d, pid, US, { eowf_action: 'send', eowf_to: 'SO_EST' });
    props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('SO_EST'));
    assert.ok(!props['eo:returnVia']?.length, 'nothing left to pass through');
    const moves = await movements(await d.as(SO), id);
    assert.deepEqual(
      moves.map((m) => m.to),
      ['JS', 'DS', 'US_EST', 'SO_EST'].map(d.group)
    );
    assert.deepEqual(moves[0].jumped, [d.group('US_EST'), d.group('DS')]);
    assert.match(moves[1].remarks ?? '', /for Section Officer \(Establishment\), through Deputy Secretary/);
  });

  it('a transfer of charge hands the held items, opened ones included, to the successor', async () => {
    const id = await openFile(d, ASO1, 'Medical reimbursement');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await claim(await d.as(SO), (await taskOf(d, pid)).id); // Priya Nair opened it, then was transferred
    // The new incumbent of SO_EST, installed as `npx eoffice install` does after editing the hierarchy.
    await d.admin.people.createPerson({
      id: 'lata.kulkarni',
      firstName: 'Lata',
      lastName: 'Kulkarni',
      password: 'demo1234',
      email: 'lata.kulkarni@example.gov.in'
    });
    const h = artefacts().hierarchy;
    const transferred = { ...h, posts: h.posts.map((p) => (p.code === 'SO_EST' ? { ...p, incumbent: 'lata.kulkarni' } : p)) };
    await ensureIncumbents(d.admin, transferred, new StepLog(() => undefined));
    try {
      const successor = await d.as('lata.kulkarni');
      const tasks = await inbox(successor, d.group('SO_EST'));
      const task = tasks.find((t) => t.processId === pid);
      assert.ok(task, 'the file is in the successor inbox');
      await addNote(successor, id, 'Note 2: approved.');
      assert.equal((await refused(async () => addNote(await d.as(SO), id, 'Note by the predecessor'))).status, 403);
      assert.equal((await refused(async () => claim(await d.as(SO), task.id))).status, 403);
      await act(successor, task.id, { eowf_action: 'send', eowf_to: 'US_EST' });
      assert.equal((await movements(successor, id)).at(-1)?.fromUser, 'lata.kulkarni');
    } finally {
      await ensureIncumbents(d.admin, h, new StepLog(() => undefined));
    }
  });

  it('file numbers stay consecutive though officers cannot see the files others hold', async () => {
    const folder = await d.admin.nodes.getNode(d.docLib, { relativePath: 'Files/2026/EST' });
    const names = async (acs: typeof d.admin) =>
      ((await acs.nodes.listNodeChildren(folder.entry.id, { maxItems: 1000, orderBy: ['name ASC'] })).list?.entries ?? []).map(
        (e) => e.entry.name
      );
    const before = await names(d.admin);
    assert.ok((await names(await d.as(ASO2))).length < before.length, 'ASO2 sees only the files its post held');
    await openFile(d, ASO2, 'One more');
    const all = await names(d.admin);
    assert.deepEqual(
      all,
      Array.from({ length: before.length + 1 }, (_, i) => String(i + 1).padStart(6, '0'))
    );
  });

  it('a receipt goes to one officer with copies to others; a file cannot be copied', async () => {
    const id = await diariseReceipt(d, CRU, 'Circular on e-office training');
    const pid = await startMovement(await d.as(CRU), id, 'CRU');
    await actOn(d, pid, CRU, {
      eowf_action: 'send',
      eowf_to: 'SO_EST',
      eowf_copyTo: 'ASO_EST_1,ASO_EST_2',
      eowf_remarks: 'For information'
    });
    const props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('SO_EST'), 'the main recipient holds it');
    const aso = await d.as(ASO1);
    assert.equal((await aso.nodes.getNode(id)).entry.id, id, 'a copy recipient reads it');
    assert.equal(
      (await refused(() => aso.nodes.updateNode(id, { properties: { 'eo:remarks': 'x' } }))).status,
      403,
      'but cannot change it'
    );
    assert.deepEqual(
      (await movements(aso, id)).map((m) => [m.to, m.remarks]),
      [
        [d.group('SO_EST'), 'For information'],
        [d.group('ASO_EST_1'), '[copy] For information'],
        [d.group('ASO_EST_2'), '[copy] For information']
      ]
    );
    const file = await openFile(d, SO, 'Not to be copied');
    const fpid = await startMovement(await d.as(SO), file, 'SO_EST');
    const r = await refused(() => actOn(d, fpid, SO, { eowf_action: 'send', eowf_to: 'US_EST', eowf_copyTo: 'ASO_EST_1' }));
    assert.match(r.summary, /A file goes to one officer only/);
  });

  it('copies of a receipt for information: the holder keeps it, the copies read it; files are never copied', async () => {
    const id = await diariseReceipt(d, CRU, 'Circular on Hindi fortnight');
    const pid = await startMovement(await d.as(CRU), id, 'CRU');
    await actOn(d, pid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For action' });
    await actOn(d, pid, SO, { eowf_action: 'copy', eowf_copyTo: 'ASO_EST_1', eowf_remarks: 'For information' });
    const props = await item(d, id);
    assert.equal(props['eo:currentHolder'], d.group('SO_EST'), 'the Section Officer still holds it');
    assert.equal(props['eo:status'], 'inMovement');
    const aso = await d.as(ASO1);
    assert.equal((await aso.nodes.getNode(id)).entry.id, id, 'the copy recipient reads it');
    assert.equal((await refused(() => aso.nodes.updateNode(id, { properties: { 'eo:remarks': 'x' } }))).status, 403);
    assert.deepEqual((await movements(aso, id)).map((m) => [m.to, m.remarks]).slice(-1), [
      [d.group('ASO_EST_1'), '[copy] For information']
    ]);
    // she can still act on it: send it on
    await actOn(d, pid, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    assert.equal((await item(d, id))['eo:currentHolder'], d.group('US_EST'));
    const file = await openFile(d, SO, 'Not to be copied either');
    const fpid = await startMovement(await d.as(SO), file, 'SO_EST');
    assert.match(
      (await refused(() => actOn(d, fpid, SO, { eowf_action: 'copy', eowf_copyTo: 'ASO_EST_1' }))).summary,
      /Only receipts are copied/
    );
  });

  it("the holder finds an item's task by its id, and puts a receipt in a file its post holds", async () => {
    const so = await d.as(SO);
    const file = await openFile(d, SO, 'Training calendar 2026-27');
    await startMovement(so, file, 'SO_EST');
    const other = await openFile(d, ASO1, 'A file the Section Officer does not hold');
    await startMovement(await d.as(ASO1), other, 'ASO_EST_1');

    const fileReceipt = async (subject: string): Promise<{ id: string; pid: string }> => {
      const id = await diariseReceipt(d, CRU, subject, 'EST', `Scanned letter: ${subject}`);
      const cru = await d.as(CRU);
      const pid = await startMovement(cru, id, 'CRU');
      await actOn(d, pid, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
      return { id, pid };
    };
    const first = await fileReceipt('Nominations for training');

    // The extension finds the task of the item it opens by the process variable eowf_itemId, naming its post
    // as candidateGroup: without it ACS lists an officer only the tasks they are involved in, not the post's.
    const byItem = `processDefinitionKey='eoMovement' AND variables/eowf_itemId='${first.id}'`;
    assert.deepEqual((await so.call('workflow', 'GET', '/tasks', { where: `(${byItem})` })).list.entries, []);
    const found = await so.call('workflow', 'GET', '/tasks', { where: `(candidateGroup='${d.group('SO_EST')}' AND ${byItem})` });
    assert.deepEqual(
      found.list.entries.map((e: { entry: { processId: string } }) => e.entry.processId),
      [first.pid]
    );
    const taskId = found.list.entries[0].entry.id;
    await claim(so, taskId);

    const wrongFile = await refused(() => complete(so, taskId, { eowf_action: 'putInFile', eowf_file: other }));
    assert.match(wrongFile.summary, /does not hold .*put the receipt in a file your post holds/);
    const noFile = await refused(() => complete(so, taskId, { eowf_action: 'putInFile' }));
    assert.match(noFile.summary, /Choose the file/);

    await complete(so, taskId, { eowf_action: 'putInFile', eowf_file: file });
    const receipt = await item(d, first.id);
    assert.equal(receipt['eo:status'], 'putInFile');
    assert.equal(receipt['eo:inFile'], file);
    assert.equal((await movements(so, first.id)).at(-1)?.action, 'putInFile');
    assert.equal((await inbox(so, d.group('SO_EST'))).filter((t) => t.processId === first.pid).length, 0, 'its movement ended');

    const second = await fileReceipt('Revised nominations');
    await actOn(d, second.pid, SO, { eowf_action: 'putInFile', eowf_file: file });
    const correspondence = await so.nodes.listNodeChildren(file, {
      relativePath: 'Correspondence',
      include: ['properties'],
      orderBy: ['name']
    });
    const entries = correspondence.list!.entries!.map((e) => e.entry);
    assert.deepEqual(
      entries.map((e) => [e.name, e.properties['eo:correspondenceFlag'], e.properties['eo:sourceReceipt']]),
      [
        ['000001', 'PUC', first.id],
        ['000002', 'FR I', second.id]
      ]
    );
    // The copy of the scan lives in the file, readable by whoever reads the file.
    const text = await so.nodes.getNodeContent(entries[0].id);
    assert.match(String(text instanceof Buffer ? text.toString() : text), /Scanned letter: Nominations for training/);
  });

  it("the marking dialog's frequent recipients: the officer's own sends from his post, found with his own permissions", async () => {
    // Amit (ASO_EST_1) sends two files to his Section Officer and one to the other ASO; Neha (ASO_EST_2)
    // sends one to the Section Officer: hers are not his.
    const send = async (user: string, post: string, to: string, subject: string) => {
      const id = await openFile(d, user, subject);
      const pid = await startMovement(await d.as(user), id, post);
      await actOn(d, pid, user, { eowf_action: 'send', eowf_to: to, eowf_remarks: 'For orders' });
    };
    await send(ASO1, 'ASO_EST_1', 'SO_EST', 'Frequent one');
    await send(ASO1, 'ASO_EST_1', 'SO_EST', 'Frequent two');
    await send(ASO1, 'ASO_EST_1', 'ASO_EST_2', 'Frequent three');
    await send(ASO2, 'ASO_EST_2', 'SO_EST', 'Not his');

    const asked = recentSendsRequest(departmentSite(artefacts().hierarchy), d.group('ASO_EST_1'), ASO1);
    const answer = await new SearchApi((await d.as(ASO1)).api).search(asked as never);
    const sends = (answer.list?.entries ?? []).map((e) => toMovement(e.entry));
    assert.ok(sends.length >= 3, 'his sends are found (he reads them: his post still reads what it sent on)');
    assert.ok(
      sends.every((m) => m.fromUser === ASO1 && m.fromGroup === d.group('ASO_EST_1') && m.action === 'send'),
      'only his own sends from this post'
    );
    const times = sends.map((m) => m.at?.getTime() ?? 0);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first'
    );
    const frequent = frequentRecipients(sends, [d.group('ASO_EST_1')]);
    assert.equal(frequent[0], d.group('SO_EST'));
    assert.ok(frequent.includes(d.group('ASO_EST_2')));
  });
});
