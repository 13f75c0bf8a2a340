/**
 * Issue 13, classes 4, 5 and 8 replayed through the raw public REST API: an officer plants an eo:receipt
 * naming the Secretary as its holder, copies items she may read into folders she may write, and holders
 * try to rewrite what only the workflow writes. Inboxes, registers and the MIS are built with the
 * extension's own query builders (domain/series-scope.ts scopes them to the department's series trees),
 * and each attack must come to nothing while custody, movements and numbers stay as they were.
 * What numbering.test.ts already tries is not repeated here: officers planting or renaming in a series
 * folder, and the diarist renaming a receipt or rewriting its number before its first send.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SearchApi } from '@alfresco/js-api';
import type { Acs } from '../src/acs';
import { readText } from '../src/acs';
import { checkConsistency } from '../src/consistency';
import {
  departmentSite,
  documentLibraryPath,
  iso9075Encode,
  seriesItems,
  seriesItemsPath,
  WorkingDays,
  monthlyRequest,
  pendencyRequest,
  readMonthly,
  readPendency,
  fileQuery,
  receiptListKind,
  receiptQuery,
  fileChoiceQuery
} from '@eoffice/domain';
import {
  actOn,
  addNote,
  diariseReceipt,
  item,
  movements,
  openFile,
  refused,
  startDepartment,
  startMovement,
  type Department
} from './movement-support';
import { artefacts } from './support';

// Officers of config/hierarchy/gad.hierarchy.json.
const CRU = 'pooja.patel';
const ASO1 = 'amit.kumar'; // ASO_EST_1
const SO = 'priya.nair'; // SO_EST
const JS = 'rajesh.verma'; // Joint Secretary
const SECY = 'meera.iyer'; // Secretary

const SITE = departmentSite(artefacts().hierarchy);
const TODAY = new Date().toISOString().slice(0, 10);
const DAYS = new WorkingDays({ weeklyOff: { sunday: true, saturdays: [2, 4] }, holidays: [] });

describe('series scope: the one clause every list, register and count starts from', () => {
  it('encodes the site name as ACS writes QNames, so the PATH names the real site', () => {
    assert.equal(iso9075Encode('eo-gad'), 'eo-gad');
    assert.equal(iso9075Encode('2026'), '_x0032_026');
    assert.equal(iso9075Encode('gad dept'), 'gad_x0020_dept');
    assert.equal(iso9075Encode('-gad'), '_x002d_gad');
    assert.equal(iso9075Encode('a_x0041_b'), 'a_x005f_x0041_b', 'a literal _xHHHH_ is escaped, not decoded');
    assert.equal(documentLibraryPath('9gad'), '/app:company_home/st:sites/cm:_x0039_gad/cm:documentLibrary');
    assert.equal(seriesItemsPath('eo-gad', 'file'), '/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Files/*/*/*');
    assert.throws(() => seriesItems('eo-gad', []), /no kind/);
  });
});

describe('planted and copied items, and holders rewriting theirs, under attack (issue 13)', () => {
  let d: Department;
  /** A receipt the Central Registry diarised and that reached the Secretary (CRU → SO → JS → Secretary). */
  let receipt: string;
  /** A file the ASO opened and sent to the Section Officer, who holds it. */
  let file: string;

  const search = async (acs: Acs, query: string): Promise<string[]> => {
    const answer = await new SearchApi(acs.api).search({ query: { query, language: 'afts' }, paging: { skipCount: 0, maxItems: 1000 } });
    return (answer.list?.entries ?? []).map((e) => e.entry.id).sort();
  };
  const secretaryInbox = async () => search(await d.as(SECY), receiptQuery(SITE, receiptListKind('inbox', [d.group('SECY')]), {}));
  const soFileInbox = async () => search(await d.as(SO), fileQuery(SITE, 'inbox', [d.group('SO_EST')]));
  const soFileChoices = async () => search(await d.as(SO), fileChoiceQuery(SITE, [d.group('SO_EST')], ''));
  /** The dashboard and the month-wise figures, counted as the administrator (who reads everything). */
  const mis = async () => {
    const holders = artefacts().hierarchy.posts.map((p) => d.group(p.code));
    const filter = { holders, site: SITE };
    const api = new SearchApi(d.admin.api);
    const pendency = readPendency((await api.search(pendencyRequest(DAYS, TODAY, filter) as never)) as never, filter);
    const year = Number(TODAY.slice(0, 4));
    const monthly = readMonthly((await api.search(monthlyRequest(SITE, year) as never)) as never, year);
    return { pendency, monthly };
  };
  /** What the attacks must not change: custody, numbers, name and the movement record of each real item. */
  const state = async () =>
    Promise.all(
      [receipt, file].map(async (id) => {
        const p = await item(d, id);
        const node = await d.admin.nodes.getNode(id);
        return {
          name: node.entry.name,
          parent: node.entry.parentId,
          status: p['eo:status'],
          holder: p['eo:currentHolder'],
          previous: p['eo:previousHolder'] ?? null,
          number: p['eo:receiptNumber'] ?? p['eo:fileNumber'],
          serial: p['eo:receiptSerial'] ?? p['eo:fileSerial'],
          computerNumber: p['eo:computerNumber'],
          movements: await movements(d.admin, id)
        };
      })
    );

  before(async () => {
    d = await startDepartment();
    receipt = await diariseReceipt(d, CRU, 'Representation of the staff association');
    const rp = await startMovement(await d.as(CRU), receipt, 'CRU');
    await actOn(d, rp, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await actOn(d, rp, SO, { eowf_action: 'send', eowf_to: 'JS' });
    await actOn(d, rp, JS, { eowf_action: 'send', eowf_to: 'SECY' });
    file = await openFile(d, ASO1, 'Purchase of printers for the section');
    const fp = await startMovement(await d.as(ASO1), file, 'ASO_EST_1');
    await actOn(d, fp, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
  });
  after(() => d?.stop());

  it('4/5. a planted receipt and copied items reach no inbox, Put in a file or the MIS; the real ones still do', async () => {
    assert.deepEqual(await secretaryInbox(), [receipt]);
    assert.deepEqual(await soFileInbox(), [file]);
    assert.deepEqual(await soFileChoices(), [file]);
    const misBefore = await mis();
    assert.equal(misBefore.pendency.total, 2);
    const stateBefore = await state();
    const real = await item(d, receipt);

    // The ASO plants, in his own home folder, a receipt "with the Secretary", and lets everyone read it.
    const aso = await d.as(ASO1);
    const planted = await aso.nodes.createNode('-my-', {
      name: 'Urgent representation',
      nodeType: 'eo:receipt',
      properties: {
        'eo:receiptNumber': real['eo:receiptNumber'],
        'eo:receiptSerial': real['eo:receiptSerial'],
        'eo:receiptForm': real['eo:receiptForm'],
        'eo:subject': 'Planted: please approve at once',
        'eo:receivedDate': real['eo:receivedDate'],
        'eo:diarisedDate': '2026-01-05T05:00:00.000Z',
        'eo:deliveryMode': 'Post',
        'eo:mainCategory': real['eo:mainCategory'] ?? 'General',
        'eo:status': 'inMovement',
        'eo:currentHolder': d.group('SECY'),
        'eo:heldSince': '2026-01-05T05:00:00.000Z',
        'eo:originPost': d.group('CRU'),
        'eo:urgency': 'Top Priority'
      }
    } as never);
    await aso.nodes.updateNode(planted.entry.id, {
      permissions: { locallySet: [{ authorityId: 'GROUP_EVERYONE', name: 'Consumer', accessStatus: 'ALLOWED' }] }
    });
    // Nor can he link it into the series folder as a secondary child (ACS indexes every parent's path).
    const section = (await d.admin.nodes.getNode(receipt)).entry.parentId!;
    const linked = await refused(() =>
      aso.nodes.createSecondaryChildAssociation(section, { childId: planted.entry.id, assocType: 'cm:contains' })
    );
    assert.equal(linked.status, 403, linked.summary);
    // The Section Officer, an earlier holder of the receipt, copies it into the Correspondence of the file she
    // holds (where her post is Collaborator, and which the Secretary reads as oversight), and copies that
    // file, movement record and all, into her home folder.
    const so = await d.as(SO);
    const correspondence = await so.nodes.getNode(file, { relativePath: 'Correspondence' });
    const receiptCopy = await so.nodes.copyNode(receipt, { targetParentId: correspondence.entry.id });
    const fileCopy = await so.nodes.copyNode(file, { targetParentId: '-my-', name: 'Printers (copy)' });
    await so.nodes.updateNode(fileCopy.entry.id, {
      permissions: { locallySet: [{ authorityId: 'GROUP_EVERYONE', name: 'Consumer', accessStatus: 'ALLOWED' }] }
    });
    const copied = await item(d, receiptCopy.entry.id);
    assert.equal(copied['eo:currentHolder'], d.group('SECY'), 'the copy keeps its custody');
    assert.equal(copied['eo:receiptNumber'], real['eo:receiptNumber'], 'and its number');
    assert.equal((await item(d, fileCopy.entry.id))['eo:currentHolder'], d.group('SO_EST'));

    // Without the series scope the Secretary would see four receipts (the copied file carries the copied
    // receipt in its Correspondence), and the Section Officer two files: the attack is real, and only the
    // scope keeps it out.
    const secy = await d.as(SECY);
    const unscoped = await search(
      secy,
      `TYPE:"eo:receipt" AND =eo:currentHolder:"${d.group('SECY')}" AND (=eo:status:"inMovement" OR =eo:status:"parked")`
    );
    assert.equal(unscoped.length, 4);
    for (const id of [receipt, planted.entry.id, receiptCopy.entry.id]) assert.ok(unscoped.includes(id), id);
    assert.equal((await search(so, `TYPE:"eo:file" AND =eo:currentHolder:"${d.group('SO_EST')}"`)).length, 2);

    // With it: the Secretary's Inbox, the Section Officer's files and the files she may put a receipt in
    // list the real items only, and the MIS counts what it counted before.
    assert.deepEqual(await secretaryInbox(), [receipt]);
    assert.deepEqual(await soFileInbox(), [file]);
    assert.deepEqual(await soFileChoices(), [file]);
    const misAfter = await mis();
    assert.deepEqual(misAfter.pendency, misBefore.pendency);
    assert.deepEqual(misAfter.monthly, misBefore.monthly);
    assert.deepEqual(await state(), stateBefore);
  });

  it('5. the holder cannot set the status, rename the item or rewrite its number through PUT /nodes', async () => {
    const stateBefore = await state();
    const other = await diariseReceipt(d, CRU, 'Another receipt', 'EST');
    const otherNumber = (await item(d, other))['eo:receiptNumber'];
    const attempts: [Acs, string, Record<string, unknown>][] = [
      // the Secretary holds the receipt, in movement
      [await d.as(SECY), receipt, { properties: { 'eo:status': 'closed' } }],
      [await d.as(SECY), receipt, { properties: { 'eo:status': 'parked', 'eo:currentHolder': d.group('SECY') } }],
      [await d.as(SECY), receipt, { name: '000999' }],
      [await d.as(SECY), receipt, { properties: { 'eo:receiptNumber': otherNumber } }],
      [await d.as(SECY), receipt, { properties: { 'eo:receiptSerial': 999 } }],
      [await d.as(SECY), receipt, { nodeType: 'cm:folder' }],
      // the Section Officer holds the file, in movement
      [await d.as(SO), file, { properties: { 'eo:status': 'closed' } }],
      [await d.as(SO), file, { name: '000999' }],
      [await d.as(SO), file, { properties: { 'eo:fileNumber': 'A-11011/999/2026-EST-GAD' } }],
      [await d.as(SO), file, { properties: { 'eo:computerNumber': 2026999999 } }],
      [
        await d.as(SO),
        file,
        { permissions: { locallySet: [{ authorityId: d.group('SO_EST'), name: 'Coordinator', accessStatus: 'ALLOWED' }] } }
      ]
    ];
    for (const [acs, id, body] of attempts) {
      const r = await refused(() => acs.nodes.updateNode(id, body as never));
      assert.equal(r.status, 403, `${JSON.stringify(body)}: ${r.summary}`);
    }
    assert.equal((await refused(async () => (await d.as(SECY)).nodes.moveNode(receipt, { targetParentId: '-my-' }))).status, 403);
    assert.equal((await refused(async () => (await d.as(SO)).nodes.deleteNode(file))).status, 403);
    assert.deepEqual(await state(), stateBefore);
    assert.deepEqual(await secretaryInbox(), [receipt]);
  });

  it('8. once the file moved on, its earlier holder can no longer edit or delete his yellow (draft) note', async () => {
    const id = await openFile(d, ASO1, 'Annual maintenance of printers');
    const pid = await startMovement(await d.as(ASO1), id, 'ASO_EST_1');
    const aso = await d.as(ASO1);
    const yellow = await addNote(aso, id, 'Draft: renew the contract?', 'yellow');
    // While his post holds the file, the note is his to rewrite.
    await aso.nodes.updateNodeContent(yellow, 'Draft: renew the contract for one year.');
    await actOn(d, pid, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For orders' });
    const before = { custody: await item(d, id), movements: await movements(d.admin, id) };

    const attempts: [string, () => Promise<unknown>][] = [
      ['content', () => aso.nodes.updateNodeContent(yellow, 'Draft: renew it for five years.')],
      ['title', () => aso.nodes.updateNode(yellow, { properties: { 'cm:title': 'Rewritten' } })],
      ['colour', () => aso.nodes.updateNode(yellow, { properties: { 'eo:noteColour': 'green' } })],
      ['owner', () => aso.nodes.updateNode(yellow, { properties: { 'cm:owner': ASO1 } })],
      [
        'permissions',
        () =>
          aso.nodes.updateNode(yellow, {
            permissions: { locallySet: [{ authorityId: ASO1, name: 'Coordinator', accessStatus: 'ALLOWED' }] }
          })
      ],
      ['delete', () => aso.nodes.deleteNode(yellow)]
    ];
    for (const [what, attempt] of attempts) assert.equal((await refused(attempt)).status, 403, what);

    // He still reads it; it says what he last wrote while holding the file, and it is still a yellow note.
    assert.equal(await readText(aso, yellow), 'Draft: renew the contract for one year.');
    const note = (await d.admin.nodes.getNode(yellow, { include: ['properties'] })).entry;
    assert.equal(note.properties['eo:noteColour'], 'yellow');
    assert.equal(note.properties['cm:title'], 'Draft: renew the contract?');
    // The Section Officer, who holds the file now, may carry the draft on.
    await (await d.as(SO)).nodes.updateNodeContent(yellow, 'Draft: renew the contract for one year (SO).');
    assert.deepEqual({ custody: await item(d, id), movements: await movements(d.admin, id) }, before);
  });

  it('leaves nothing for the consistency check to find (npx eoffice doctor --consistency)', async () => {
    const report = await checkConsistency(d.admin, artefacts().hierarchy);
    assert.deepEqual(report.findings, []);
    assert.ok(report.items > 0 && report.openTasks > 0, `${report.items} items, ${report.openTasks} open tasks checked`);
  });
});
