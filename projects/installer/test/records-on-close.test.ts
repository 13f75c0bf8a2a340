/**
 * Closing a file makes records (issue 17): with Governance Services installed (install builds the RM site
 * and the categories of config/retention), the movement workflow's close, direct or on approval, declares
 * the file's green notes, correspondence and issued letters as records in place, files them into a record
 * folder named by the file number under the file's record category, completes them, completes the retention
 * event case_closed on the folder and closes it, all through AGS's own actions (`actions.create('create-record')`
 * …), so the same scripts run on ACS. The records stay readable where they were and refuse every change;
 * a file whose record folder is closed reopens only once the records manager has reopened the folder.
 * A file kept permanently (A, B) closes only with an archival copy (the whole file as PDF/A, written by the
 * e-file into Archive/) made after its last note, and the copy becomes a record with the rest.
 * Without an RM site, closing is as it was.
 */
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { ARCHIVE_FOLDER, createInIntake, registerItem } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import { recordsManagerGroup } from '../src/retention';
import {
  PASSWORD,
  actOn,
  addNote,
  item,
  movements,
  refused,
  registrationClient,
  startDepartment,
  startMovement,
  taskOf,
  act,
  type Department
} from './movement-support';

const SO = 'priya.nair'; // SO_EST
const ASO1 = 'amit.kumar'; // ASO_EST_1
const RECORDS_MANAGER = 'records.keeper';

interface GsEntry {
  id: string;
  name: string;
  parentId?: string;
  isClosed?: boolean;
  isCompleted?: boolean;
  properties?: Record<string, unknown>;
  aspectNames?: string[];
}

describe('records: closing a file files its records in Governance Services', () => {
  let d: Department;
  let filePlanId = '';

  before(async () => {
    d = await startDepartment();
    filePlanId = (await d.admin.call<{ entry: { id: string } }>('gs', 'GET', '/file-plans/-filePlan-')).entry.id;
    await d.admin.people.createPerson({
      id: RECORDS_MANAGER,
      firstName: 'Records',
      lastName: 'Keeper',
      email: 'records.keeper@example.gov.in',
      password: PASSWORD
    });
    await d.admin.groups.createGroupMembership(recordsManagerGroup(filePlanId), { id: RECORDS_MANAGER, memberType: 'PERSON' });
  });
  after(async () => d?.stop());

  /** Opens an e-file of record category `category` (retention years `years`, if any) as `user`, with its working folders. */
  async function openFile(user: string, subject: string, category: string, years?: number): Promise<string> {
    const acs = await d.as(user);
    const client = registrationClient(acs);
    const post = d.postOf(user);
    const id = await createInIntake(client, d.docLib, post, 'eo:file', {
      'eo:fileSection': 'EST',
      'eo:basicHead': 'A',
      'eo:primaryHead': '11',
      'eo:secondaryHead': '011',
      'eo:subject': subject,
      'eo:recordCategory': category,
      ...(years !== undefined ? { 'eo:retentionYears': years } : {})
    });
    for (const folder of ['Notes', 'Correspondence', 'Dispatches']) await acs.nodes.createNode(id, { name: folder, nodeType: 'cm:folder' });
    return (await registerItem(client, id, post)).id;
  }

  /** A correspondence entry (a received letter) and two issued letters, one sent, one still with the CRU. */
  async function addPapers(acs: Acs, fileId: string): Promise<{ letter: string; issued: string; pending: string }> {
    const folder = async (name: string) => (await acs.nodes.getNode(fileId, { relativePath: name })).entry.id;
    const letter = (await acs.nodes.createNode(await folder('Correspondence'), { name: '000001', nodeType: 'cm:content' })).entry.id;
    await acs.nodes.updateNodeContent(letter, 'Letter from the Ministry');
    // Issued letters are the repository's to make (eoRegister's issue, register.js regIssue: the holder only reads
    // Dispatches/); put in here as it leaves them, the administrator's.
    const dispatch = async (name: string, status: string) => {
      const made = await d.admin.nodes.createNode(await folder('Dispatches'), {
        name,
        nodeType: 'eo:dispatch',
        properties: { 'eo:issueNumber': name, 'eo:dispatchStatus': status, 'eo:dispatchMode': status === 'pending' ? 'byCru' : 'bySelf' }
      });
      await d.admin.nodes.updateNodeContent(made.entry.id, `Issued letter ${name}`);
      return made.entry.id;
    };
    return { letter, issued: await dispatch('20261201-01', 'issuedSent'), pending: await dispatch('20261201-02', 'pending') };
  }

  const fileNumber = async (id: string) => String((await item(d, id))['eo:fileNumber']);
  const folderName = async (id: string) => (await fileNumber(id)).replace(/\//g, '_');

  /** The record categories below the file plan or a category, by name. */
  async function category(path: string): Promise<GsEntry> {
    let list = (await d.admin.call('gs', 'GET', '/file-plans/-filePlan-/categories', { maxItems: 100 })).list.entries;
    let found: GsEntry | undefined;
    for (const name of path.split('/')) {
      found = list.map((e: { entry: GsEntry }) => e.entry).find((e: GsEntry) => e.name === name);
      assert.ok(found, `record category ${path}`);
      list = (await d.admin.call('gs', 'GET', `/record-categories/${found.id}/children`, { maxItems: 100 })).list.entries;
    }
    return found!;
  }

  /** The record folder `name` in the category at `path`, as the records manager reads it. */
  async function recordFolder(path: string, name: string): Promise<GsEntry | undefined> {
    const cat = await category(path);
    const children = (
      await d.admin.call('gs', 'GET', `/record-categories/${cat.id}/children`, { include: 'isClosed,properties', maxItems: 100 })
    ).list.entries.map((e: { entry: GsEntry }) => e.entry) as GsEntry[];
    return children.find((c) => c.name === name);
  }

  const record = async (id: string): Promise<GsEntry> =>
    (await d.admin.call('gs', 'GET', `/records/${id}`, { include: 'isCompleted,aspectNames,properties' })).entry;

  /** The folder's next retention step and the state of each event it waits for. */
  async function nextStep(folderId: string): Promise<{ step: string; events: Record<string, boolean> }> {
    const search = async (query: string) =>
      (
        await d.admin.api.searchClient.callApi(
          '/search',
          'POST',
          {},
          {},
          {},
          {},
          { query: { query, language: 'afts' }, include: ['properties'] },
          ['application/json'],
          ['application/json']
        )
      ).list.entries.map((e: { entry: GsEntry }) => e.entry) as GsEntry[];
    const [action] = (await search(`TYPE:"rma:dispositionAction" AND PARENT:"workspace://SpacesStore/${folderId}"`)).filter(
      (a) => !a.properties?.['rma:dispositionActionCompletedAt']
    );
    assert.ok(action, 'the folder has a next retention step');
    const events = await search(`TYPE:"rma:eventExecution" AND PARENT:"workspace://SpacesStore/${action.id}"`);
    return {
      step: String(action.properties?.['rma:dispositionAction']),
      events: Object.fromEntries(
        events.map((e) => [String(e.properties?.['rma:eventExecutionName']), e.properties?.['rma:eventExecutionComplete'] === true])
      )
    };
  }

  /** POST /alfresco/s/api/rma/actions/ExecutionQueue as `user` (AGS's records management actions). */
  async function queue(user: string, password: string, name: string, nodeId: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`${d.repo.url}/alfresco/s/api/rma/actions/ExecutionQueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
      body: JSON.stringify({ name, nodeRef: `workspace://SpacesStore/${nodeId}` })
    });
    return { status: res.status, body: await res.text() };
  }

  let closedFile = '';
  let notes: string[] = [];
  let yellow = '';
  let papers: { letter: string; issued: string; pending: string };

  it('a Section Officer closing directly files the notes, correspondence and issued letters in the record folder of C-5', async () => {
    const so = await d.as(SO);
    const id = await openFile(SO, 'Annual leave rules', 'C', 5);
    const pid = await startMovement(so, id, 'SO_EST');
    notes = [await addNote(so, id, 'Draft rules placed below'), await addNote(so, id, 'Approved: issue the order')];
    yellow = await addNote(so, id, 'Half-written thought', 'yellow');
    papers = await addPapers(so, id);
    await actOn(d, pid, SO, { eowf_action: 'close', eowf_remarks: 'Orders issued' });
    closedFile = id;

    assert.equal((await item(d, id))['eo:status'], 'closed');
    const folder = await recordFolder('C/C-5', await folderName(id));
    assert.ok(folder, 'a record folder named by the file number in C/C-5');
    assert.equal(folder.isClosed, true, 'the record folder is closed');
    assert.equal(folder.properties?.['cm:title'], await fileNumber(id));
    for (const docId of [...notes, papers.letter, papers.issued]) {
      const r = await record(docId);
      assert.equal(r.parentId, folder.id, 'filed in the file’s record folder');
      assert.equal(r.isCompleted, true, 'declared and completed');
      assert.match(r.name, /\(\d{4}-\d{10}\)$/, 'named with its record identifier, as AGS names a declared record');
    }
    // A yellow draft is not a note of the file yet; a letter the CRU has still to dispatch is the CRU's.
    for (const docId of [yellow, papers.pending]) {
      const node = (await d.admin.nodes.getNode(docId, { include: ['aspectNames'] })).entry;
      assert.ok(!node.aspectNames?.includes('rma:record'), `${node.name} is not a record`);
    }
    assert.deepEqual(await nextStep(folder.id), { step: 'cutoff', events: { case_closed: true } });
    const close = (await movements(so, id)).at(-1)!;
    assert.equal(close.action, 'close');
    assert.equal(close.remarks, `Orders issued [records filed in the record folder C/C-5/${await folderName(id)}]`);
  });

  it('the file stays readable where it was: its officer lists and reads its notes, now records', async () => {
    const so = await d.as(SO);
    const notesFolder = (await so.nodes.getNode(closedFile, { relativePath: 'Notes' })).entry.id;
    const listed = (await so.nodes.listNodeChildren(notesFolder, { include: ['association'] })).list!.entries!.map((e) => e.entry);
    assert.deepEqual(listed.map((n) => n.id).sort(), [...notes, yellow].sort(), 'the records stay in Notes/ as secondary children');
    assert.ok(
      listed
        .filter((n) => notes.includes(n.id))
        .every((n) => (n as { association?: { isPrimary?: boolean } }).association?.isPrimary === false)
    );
    const primaryOnly = (await so.nodes.listNodeChildren(notesFolder, { where: '(isPrimary=true)' })).list!.entries!.map((e) => e.entry.id);
    assert.deepEqual(primaryOnly, [yellow]);
    assert.equal(String(await so.nodes.getNodeContent(notes[1])), 'Approved: issue the order');
  });

  it('nobody changes or deletes the records through the core API, the officer who wrote them included', async () => {
    const so = await d.as(SO);
    for (const id of [notes[0], papers.letter]) {
      assert.equal((await refused(() => so.nodes.updateNode(id, { properties: { 'cm:title': 'Rewritten' } }))).status, 403);
      assert.equal((await refused(() => so.nodes.updateNode(id, { name: 'Renamed' }))).status, 403);
      assert.ok([403, 422].includes((await refused(() => so.nodes.updateNodeContent(id, 'forged'))).status ?? 0));
      assert.equal((await refused(() => so.nodes.deleteNode(id))).status, 403);
      // Not even the administrator rewrites a completed record's name or content.
      assert.equal((await refused(() => d.admin.nodes.updateNode(id, { name: 'Renamed' }))).status, 403);
      assert.equal((await refused(() => d.admin.nodes.updateNodeContent(id, 'forged'))).status, 422);
    }
    // An officer the file never reached cannot read them.
    const outsider = await d.as('pooja.patel');
    assert.ok([403, 404].includes((await refused(() => outsider.nodes.getNode(notes[0]))).status ?? 0));
  });

  it('reopening waits for the records manager: refused while the record folder is closed, allowed once reopened', async () => {
    const so = await d.as(SO);
    const name = await folderName(closedFile);
    const shut = await refused(() => startMovement(so, closedFile, 'SO_EST', { eowf_remarks: 'Fresh orders' }));
    assert.match(
      shut.summary,
      new RegExp(`record folder C/C-5/${name.replace(/[()]/g, '\\$&')}, which is closed: the records manager reopens`)
    );
    assert.equal((await item(d, closedFile))['eo:status'], 'closed');

    const folder = (await recordFolder('C/C-5', name))!;
    // An officer cannot reopen the record folder; the records manager can (ReOpenFolders).
    assert.equal((await queue(SO, PASSWORD, 'openRecordFolder', folder.id)).status, 403);
    assert.equal((await queue(RECORDS_MANAGER, PASSWORD, 'openRecordFolder', folder.id)).status, 200);

    const pid = await startMovement(so, closedFile, 'SO_EST', { eowf_remarks: 'Fresh orders' });
    assert.equal((await item(d, closedFile))['eo:status'], 'inMovement');
    const reopen = (await movements(so, closedFile)).at(-1)!;
    assert.equal(reopen.action, 'reopen');
    assert.equal(reopen.remarks, `Fresh orders [record folder C/C-5/${name} reopened by the records manager]`);

    // The old notes stay records; a new one is numbered after them and becomes a record at the next close.
    const later = await addNote(so, closedFile, 'Amendment noted');
    assert.match((await so.nodes.getNode(later)).entry.name, /^000004$/, 'numbered after the records (000001-000003)');
    await actOn(d, pid, SO, { eowf_action: 'close' });
    const again = (await recordFolder('C/C-5', name))!;
    assert.equal(again.isClosed, true);
    assert.equal((await record(later)).parentId, again.id);
    assert.equal((await record(later)).isCompleted, true);
  });

  it('closing on approval files the records too, in the category the file names (C without a sub-category of its years)', async () => {
    const aso = await d.as(ASO1);
    const id = await openFile(ASO1, 'Stationery purchase', 'C', 7);
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const note = await addNote(aso, id, 'Purchase completed');
    await actOn(d, pid, ASO1, { eowf_action: 'close', eowf_remarks: 'Done' });
    assert.equal((await item(d, id))['eo:status'], 'inMovement', 'closing waits for approval');
    assert.ok(!(await d.admin.nodes.getNode(note, { include: ['aspectNames'] })).entry.aspectNames?.includes('rma:record'));
    await act(await d.as(SO), (await taskOf(d, pid)).id, { eowf_decision: 'approve', eowf_remarks: 'Agreed' });
    assert.equal((await item(d, id))['eo:status'], 'closed');
    const folder = await recordFolder('C', await folderName(id));
    assert.ok(folder, 'no C-7 in the file plan: the file goes to category C and its schedule');
    assert.equal(folder.isClosed, true);
    assert.equal((await record(note)).parentId, folder.id);
    assert.equal((await record(note)).isCompleted, true);
    assert.deepEqual(await nextStep(folder.id), { step: 'cutoff', events: { case_closed: true } });
    // The schedule of C governs it: case_closed is its cut-off event, so the records manager may cut it off now.
    assert.equal((await queue(RECORDS_MANAGER, PASSWORD, 'cutoff', folder.id)).status, 200);
    assert.equal((await nextStep(folder.id)).step, 'retain');
    const closeMove = (await movements(aso, id)).at(-1)!;
    assert.match(closeMove.remarks ?? '', /Approved by Section Officer \(Establishment\): Agreed \[records filed in the record folder C\//);

    // Asking to reopen is refused while the record folder is closed; once the records manager reopens it,
    // the request goes to the Section Officer, whose approval reopens the file and says why it could be.
    const asked = await refused(() => startMovement(aso, id, 'ASO_EST_1', { eowf_remarks: 'Bill disputed' }));
    assert.match(asked.summary, /record folder C\/.* which is closed/);
    assert.equal((await queue(RECORDS_MANAGER, PASSWORD, 'openRecordFolder', folder.id)).status, 200);
    const again = await startMovement(aso, id, 'ASO_EST_1', { eowf_remarks: 'Bill disputed' });
    await act(await d.as(SO), (await taskOf(d, again)).id, { eowf_decision: 'approve' });
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
    const reopen = (await movements(aso, id)).at(-1)!;
    assert.equal(reopen.action, 'reopen');
    assert.match(reopen.remarks ?? '', /\[record folder C\/.* reopened by the records manager\]$/);
  });

  it('a caller cannot keep a category C file beyond 1 to 10 years: creating or changing it so is refused (422)', async () => {
    const aso = await d.as(ASO1);
    const client = registrationClient(aso);
    const post = d.postOf(ASO1);
    const make = (years: unknown) =>
      createInIntake(client, d.docLib, post, 'eo:file', {
        'eo:fileSection': 'EST',
        'eo:basicHead': 'A',
        'eo:primaryHead': '11',
        'eo:secondaryHead': '011',
        'eo:subject': `Kept ${String(years)} years`,
        'eo:recordCategory': 'C',
        'eo:retentionYears': years
      });
    // ACS's IntegrityChecker refuses a value outside the property's MINMAX constraint: IntegrityException, 422.
    for (const years of [50, 11, 0, -3]) {
      const r = await refused(() => make(years));
      assert.equal(r.status, 422, `${years} years`);
      assert.match(r.summary, /eo:retentionYears/);
    }
    // Ten is C's limit and is kept; changing it afterwards to more is refused alike.
    const id = await make(10);
    assert.equal((await aso.nodes.getNode(id)).entry.properties?.['eo:retentionYears'], 10);
    const r = await refused(() =>
      aso.nodes.updateNode(id, { properties: { 'eo:retentionYears': 99 } as Record<string, unknown> as never })
    );
    assert.equal(r.status, 422);
    assert.equal((await aso.nodes.getNode(id)).entry.properties?.['eo:retentionYears'], 10);
  });

  it('a category B file is filed under B', async () => {
    const so = await d.as(SO);
    const id = await openFile(SO, 'Cadre review', 'B');
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await addNote(so, id, 'Cadre reviewed');
    await writeArchivalCopy(so, id);
    await actOn(d, pid, SO, { eowf_action: 'close' });
    const folder = await recordFolder('B', await folderName(id));
    assert.ok(folder);
    assert.equal((await record(note)).parentId, folder.id);
  });

  /** What the e-file writes before closing a permanent file: the whole file as a PDF in its Archive/ folder. */
  async function writeArchivalCopy(acs: Acs, fileId: string): Promise<string> {
    const archive = (await acs.nodes.getNode(fileId, { relativePath: ARCHIVE_FOLDER })).entry.id;
    const made = await acs.nodes.createNode(archive, { name: 'archival-copy.pdf', nodeType: 'cm:content' }, { autoRename: true });
    const pdf = await PDFDocument.create();
    pdf.addPage();
    await acs.nodes.updateNodeContent(made.entry.id, Buffer.from(await pdf.save()) as never);
    return made.entry.id;
  }

  it('a permanent file closes only with an archival copy made after its last note, and the copy becomes a record with them', async () => {
    const so = await d.as(SO);
    const id = await openFile(SO, 'Recruitment rules for Stenographers', 'A');
    const pid = await startMovement(so, id, 'SO_EST');
    await addNote(so, id, 'Draft recruitment rules examined');
    // The Section Officer closes through REST without the copy her e-file would have written: refused.
    const missing = await refused(() => actOn(d, pid, SO, { eowf_action: 'close' }));
    assert.match(
      missing.summary,
      /kept permanently \(category A\): its archival copy \(the whole file as PDF\/A in Archive\/\) is missing/
    );
    assert.equal((await item(d, id))['eo:status'], 'inMovement', 'nothing of the close remains');
    // A copy, then a note written after it: the copy no longer holds the whole file.
    await writeArchivalCopy(so, id);
    const later = await addNote(so, id, 'Rules notified in the Gazette');
    const stale = await refused(() => actOn(d, pid, SO, { eowf_action: 'close' }));
    assert.match(stale.summary, /archival copy of .* \(category A\) is older than 000002, changed since/);
    // Something that is not a PDF in Archive/ is no copy either.
    const archive = (await so.nodes.getNode(id, { relativePath: ARCHIVE_FOLDER })).entry.id;
    const text = await so.nodes.createNode(archive, { name: 'copy.txt', nodeType: 'cm:content' });
    await so.nodes.updateNodeContent(text.entry.id, 'not a PDF');
    assert.match((await refused(() => actOn(d, pid, SO, { eowf_action: 'close' }))).summary, /is older than 000002/);

    const copy = await writeArchivalCopy(so, id);
    await actOn(d, pid, SO, { eowf_action: 'close' });
    assert.equal((await item(d, id))['eo:status'], 'closed');
    const folder = await recordFolder('A', await folderName(id));
    assert.ok(folder);
    for (const paper of [later, copy]) {
      assert.equal((await record(paper)).parentId, folder.id);
      assert.equal((await record(paper)).isCompleted, true);
    }
  });

  it('on approval the copy is checked as the approver decides: a note amended since the request refuses the approval', async () => {
    const aso = await d.as(ASO1);
    const id = await openFile(ASO1, 'Award of merit certificates', 'B');
    const pid = await startMovement(aso, id, 'ASO_EST_1');
    const note = await addNote(aso, id, 'Certificates printed');
    await writeArchivalCopy(aso, id);
    await actOn(d, pid, ASO1, { eowf_action: 'close' });
    // Still his to amend while his post holds the file (the request is waiting with the Section Officer).
    await aso.nodes.updateNodeContent(note, 'Certificates printed and distributed');
    const refusal = await refused(async () => act(await d.as(SO), (await taskOf(d, pid)).id, { eowf_decision: 'approve' }));
    assert.match(refusal.summary, /archival copy of .* \(category B\) is older than 000001/);
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
  });

  it('a category missing from the file plan refuses the close, naming it', async () => {
    await d.admin.call('gs', 'DELETE', `/record-categories/${(await category('A')).id}`);
    const so = await d.as(SO);
    const id = await openFile(SO, 'Service book audit', 'A');
    const pid = await startMovement(so, id, 'SO_EST');
    await addNote(so, id, 'Audit done');
    const refusal = await refused(() => actOn(d, pid, SO, { eowf_action: 'close' }));
    assert.match(refusal.summary, /Record category A is not in the file plan of the records management site: run npx eoffice install/);
    assert.equal((await item(d, id))['eo:status'], 'inMovement', 'nothing of the close remains');
  });

  it('without an RM site closing is as it was: nothing becomes a record, reopening is the officer’s', async () => {
    await d.admin.call('gs', 'DELETE', '/gs-sites/rm');
    const so = await d.as(SO);
    const id = await openFile(SO, 'Office timings', 'C', 5);
    const pid = await startMovement(so, id, 'SO_EST');
    const note = await addNote(so, id, 'Timings revised');
    await actOn(d, pid, SO, { eowf_action: 'close', eowf_remarks: 'Done' });
    assert.equal((await item(d, id))['eo:status'], 'closed');
    const node = (await d.admin.nodes.getNode(note, { include: ['aspectNames'] })).entry;
    assert.ok(!node.aspectNames?.includes('rma:record'));
    assert.equal(node.name, '000001');
    assert.equal((await movements(so, id)).at(-1)?.remarks, 'Done');
    await startMovement(so, id, 'SO_EST');
    assert.equal((await item(d, id))['eo:status'], 'inMovement');
  });
});
