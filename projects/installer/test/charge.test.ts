/**
 * Transfer of charge (issue 19): an administrator hands the Section Officer's post to a successor through the
 * eoCharge workflow (config/workflow/src/charge.js). Everything the post has pending passes (Inbox, parked,
 * created, approvals, the outgoing officer's drafts, and dispatches with the post), nothing else changes, the
 * history of every moved item says so, a failure halfway leaves everything with the predecessor, and no
 * officer can transfer charge himself.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { SearchApi } from '@alfresco/js-api';
import { chargeCounts, chargeStartBody, departmentSite, fileQuery, receiptListKind, receiptQuery } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import { previewCharge, repositoryHierarchy, transferChargeCommand } from '../src/transfer-charge';
import { hierarchyText } from '../src/config';
import { install } from '../src/install';
import { StepLog } from '../src/log';
import { artefacts } from './support';
import {
  actOn,
  addNote,
  claim,
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

const { CRU, ASO1, SO, US } = GAD_OFFICERS; // SO hands over SO_EST
const NEW_SO = 'anjali.sen'; // takes charge of SO_EST (a new officer)
const OTHER_ADMIN = 'anil.admin'; // a second administrator
const OTHER_SO = 'meera.das'; // named in an edited hierarchy file

describe('transfer of charge', () => {
  const d = useDepartment();
  let site: string;
  const ids: Record<string, string> = {};
  const pids: Record<string, string> = {};

  const members = async (group: string) =>
    ((await d.admin.groups.listGroupMemberships(group, { maxItems: 100 })).list?.entries ?? []).map((e) => e.entry.id).sort();
  const start = (acs: Acs, body: unknown) => acs.call('workflow', 'POST', '/processes', {}, body);
  const history = async (id: string) => movements(d.admin, id);
  const incumbent = async (post: string) => (await repositoryHierarchy(d.admin)).posts.find((p) => p.code === post)?.incumbent;

  before(async () => {
    site = departmentSite(artefacts().hierarchy);
    await d.addPerson(NEW_SO, 'Anjali', 'Sen');
    await d.addPerson(OTHER_ADMIN, 'Anil', 'Admin', { admin: true });
    await d.addPerson(OTHER_SO, 'Meera', 'Das');

    // In the Section Officer's Inbox: a receipt sent by the CRU, unopened.
    ids.receipt = await diariseReceipt(d, CRU, 'Representation for transfer');
    pids.receipt = await startMovement(await d.as(CRU), ids.receipt, 'CRU');
    await actOn(d, pids.receipt, CRU, { eowf_action: 'send', eowf_to: 'SO_EST', eowf_remarks: 'For action' });
    // In her Inbox and opened (claimed by her), with her yellow draft note in it.
    ids.opened = await openFile(d, ASO1, 'Leave rules');
    pids.opened = await startMovement(await d.as(ASO1), ids.opened, 'ASO_EST_1');
    await actOn(d, pids.opened, ASO1, { eowf_action: 'send', eowf_to: 'SO_EST' });
    await claim(await d.as(SO), (await taskOf(d, pids.opened)).id);
    ids.draft = await addNote(await d.as(SO), ids.opened, 'Draft: may be approved', 'yellow');
    // Parked by her.
    ids.parked = await openFile(d, SO, 'Court case, awaiting hearing');
    pids.parked = await startMovement(await d.as(SO), ids.parked, 'SO_EST');
    await actOn(d, pids.parked, SO, { eowf_action: 'park', eowf_remarks: 'Till the hearing' });
    // Created by her post, not yet sent.
    ids.created = await openFile(d, SO, 'New recruitment rules');
    // A closing the ASO asks her post to approve.
    ids.approval = await openFile(d, ASO1, 'Routine circular');
    pids.approval = await startMovement(await d.as(ASO1), ids.approval, 'ASO_EST_1');
    await actOn(d, pids.approval, ASO1, { eowf_action: 'close', eowf_to: 'SO_EST', eowf_remarks: 'No further action' });
    // Not hers: sent on by her to the Under Secretary, and one the ASO holds.
    ids.sentOn = await openFile(d, SO, 'Budget estimates');
    pids.sentOn = await startMovement(await d.as(SO), ids.sentOn, 'SO_EST');
    await actOn(d, pids.sentOn, SO, { eowf_action: 'send', eowf_to: 'US_EST' });
    ids.aso = await openFile(d, ASO1, 'Stationery indent');
  });

  it('shows what passes before anything moves', async () => {
    const state = await previewCharge(d.admin, 'SO_EST');
    assert.deepEqual(state.holders, [SO]);
    const idsOf = (kind: keyof typeof state.preview) => state.preview[kind].map((e) => e.id).sort();
    assert.deepEqual(idsOf('inbox'), [ids.receipt, ids.opened].sort());
    assert.deepEqual(idsOf('parked'), [ids.parked]);
    assert.deepEqual(idsOf('created'), [ids.created]);
    assert.deepEqual(idsOf('approvals'), [ids.approval]);
    assert.deepEqual(idsOf('drafts'), [ids.draft]);
    assert.equal(chargeCounts(state.preview).total, 6);
    const lines: string[] = [];
    assert.equal(await transferChargeCommand(d.admin, { post: 'SO_EST', to: NEW_SO }, true, (l) => lines.push(l)), 0);
    assert.match(lines.join('\n'), /Section Officer \(Establishment\).*held by priya\.nair; passes to anjali\.sen/);
    assert.match(lines.join('\n'), /Dry run: nothing transferred/);
    assert.deepEqual(await members(d.group('SO_EST')), [SO], 'a dry run moves nothing');
  });

  it('an officer calling the same endpoint is refused, and nothing moves', async () => {
    for (const user of [SO, NEW_SO, US]) {
      const out = await refused(async () => start(await d.as(user), chargeStartBody({ post: 'SO_EST', to: user === SO ? NEW_SO : user })));
      assert.match(out.summary, /is not an administrator: only an administrator may transfer charge/);
    }
    // Nor by naming himself the initiator, or planting the variables on another start.
    const planted = await refused(async () =>
      start(await d.as(NEW_SO), {
        ...chargeStartBody({ post: 'SO_EST', to: NEW_SO }),
        variables: { ...chargeStartBody({ post: 'SO_EST', to: NEW_SO }).variables, initiator: 'admin' }
      })
    );
    assert.ok(planted.status && planted.status >= 400);
    // Nor by doing its steps himself: the post's group and the hierarchy are the administrator's.
    const anjali = await d.as(NEW_SO);
    assert.equal(
      (await refused(() => anjali.groups.createGroupMembership(d.group('SO_EST'), { id: NEW_SO, memberType: 'PERSON' }))).status,
      403
    );
    assert.equal((await refused(async () => (await d.as(SO)).groups.deleteGroupMembership(d.group('SO_EST'), SO))).status, 403);
    const hierarchy = await anjali.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/hierarchy.json' });
    assert.equal((await refused(() => anjali.nodes.updateNodeContent(hierarchy.entry.id, '{}'))).status, 403);
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
    assert.equal(await incumbent('SO_EST'), SO);
  });

  it('bad requests are refused with a reason: unknown post, unknown officer, a day to come, the holder herself', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ post: 'NOPE', to: NEW_SO }, /Unknown post NOPE/],
      [{ post: 'SO_EST', to: 'nobody.here' }, /No user nobody\.here/],
      [{ post: 'SO_EST', to: SO }, /already holds Section Officer \(Establishment\)/],
      [{ post: 'SO_EST', to: NEW_SO, on: '2999-01-01' }, /a day still to come/],
      [{ post: 'SO_EST', to: NEW_SO, from: US }, /kavita\.joshi does not hold Section Officer \(Establishment\)/]
    ];
    for (const [t, message] of cases) {
      const out = await refused(() => start(d.admin, chargeStartBody(t as never)));
      assert.match(out.summary, message);
    }
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
  });

  it('a failure halfway leaves everything with the predecessor', async () => {
    const before = Object.fromEntries(
      await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, (await history(id).catch(() => [])).length]))
    );
    // Another administrator is editing the hierarchy (locked): the transfer's last step cannot write it.
    const other = await d.as(OTHER_ADMIN);
    const hierarchy = await other.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/hierarchy.json' });
    await other.nodes.lockNode(hierarchy.entry.id, { type: 'ALLOW_OWNER_CHANGES', lifetime: 'PERSISTENT' } as never);
    try {
      const out = await refused(() => start(d.admin, chargeStartBody({ post: 'SO_EST', to: NEW_SO })));
      assert.ok(out.status && out.status >= 400, 'the transfer is refused');
      assert.match(out.summary, /is locked/, 'at its last step, the hierarchy');
    } finally {
      await other.nodes.unlockNode(hierarchy.entry.id);
    }
    assert.deepEqual(await members(d.group('SO_EST')), [SO], 'the predecessor keeps the post');
    assert.equal(await incumbent('SO_EST'), SO);
    for (const [k, id] of Object.entries(ids))
      assert.equal((await history(id).catch(() => [])).length, before[k], `${k}: no history entry`);
    assert.equal((await taskOf(d, pids.opened)).assignee, SO, 'her opened file stays claimed by her');
    const owner = (await d.admin.nodes.getNode(ids.draft, { include: ['properties'] })).entry.properties['cm:owner'];
    assert.equal(owner?.id ?? SO, SO, 'her draft note stays hers');
  });

  it('moves every kind of pending item and nothing else, and says so in each history', async () => {
    const untouched = { sentOn: (await history(ids.sentOn)).length, aso: (await history(ids.aso).catch(() => [])).length };
    const lines: string[] = [];
    const code = await transferChargeCommand(d.admin, { post: 'SO_EST', to: NEW_SO, nameHi: 'अंजलि सेन' }, false, (l) => lines.push(l));
    assert.equal(code, 0, lines.join('\n'));
    assert.deepEqual(await members(d.group('SO_EST')), [NEW_SO], 'the successor holds the post, the predecessor no longer');
    const post = (await repositoryHierarchy(d.admin)).posts.find((p) => p.code === 'SO_EST')!;
    assert.equal(post.incumbent, NEW_SO);
    assert.deepEqual(post.incumbentName, { en: 'Anjali Sen', hi: 'अंजलि सेन' });

    for (const k of ['receipt', 'opened', 'parked', 'created', 'approval']) {
      const last = (await history(ids[k])).at(-1)!;
      assert.equal(last.action, 'transferOfCharge', k);
      assert.equal(last.from, d.group('SO_EST'));
      assert.equal(last.to, d.group('SO_EST'));
      assert.equal(last.fromUser, SO);
      assert.match(
        last.remarks ?? '',
        /^Charge transferred from priya [^ ]+ \(priya\.nair\) to Anjali Sen \(anjali\.sen\) on \d{2}\/\d{2}\/\d{4}$/
      );
      const node = await d.admin.nodes.getNode((await d.admin.nodes.getNode(ids[k], { relativePath: 'Movements' })).entry.id);
      assert.ok(node, k);
    }
    // Custody itself is the post's: unchanged.
    assert.equal((await item(d, ids.parked))['eo:status'], 'parked');
    assert.equal((await item(d, ids.receipt))['eo:currentHolder'], d.group('SO_EST'));
    // Nothing else: items she sent on, items of other posts.
    assert.equal((await history(ids.sentOn)).length, untouched.sentOn);
    assert.equal((await history(ids.aso).catch(() => [])).length, untouched.aso);
    // Her opened file is back in the post's pool; her draft note is no longer hers.
    assert.equal((await taskOf(d, pids.opened)).assignee ?? null, null);
    const draft = await d.admin.nodes.getNode(ids.draft, { include: ['properties'] });
    assert.equal(draft.entry.properties['cm:owner']?.id, 'admin');
  });

  it('the successor signs in and finds the Inbox, opens and acts; the predecessor no longer can', async () => {
    const anjali = await d.as(NEW_SO);
    const groups = ((await anjali.groups.listGroupMembershipsForPerson('-me-', { maxItems: 100 })).list?.entries ?? []).map(
      (e) => e.entry.id
    );
    assert.ok(groups.includes(d.group('SO_EST')));
    const search = new SearchApi(anjali.api);
    const receipts = await search.search({
      query: { query: receiptQuery(site, receiptListKind('inbox', [d.group('SO_EST')]), {}), language: 'afts' },
      paging: { maxItems: 100, skipCount: 0 }
    });
    assert.deepEqual(
      (receipts.list?.entries ?? []).map((e) => e.entry.id),
      [ids.receipt]
    );
    const files = await search.search({
      query: { query: fileQuery(site, 'inbox', [d.group('SO_EST')]), language: 'afts' },
      paging: { maxItems: 100, skipCount: 0 }
    });
    const fileIds = (files.list?.entries ?? []).map((e) => e.entry.id);
    for (const k of ['opened', 'approval']) assert.ok(fileIds.includes(ids[k]), `${k} in her Files Inbox`);
    // The tasks are the post's: she takes them up.
    const pool = (await inbox(anjali, d.group('SO_EST'))).map((t) => t.processId);
    assert.ok(pool.includes(pids.receipt) && pool.includes(pids.opened));
    await actOn(d, pids.opened, NEW_SO, { eowf_action: 'send', eowf_to: 'US_EST', eowf_remarks: 'Put up' });
    assert.equal((await item(d, ids.opened))['eo:currentHolder'], d.group('US_EST'));
    assert.equal((await history(ids.opened)).at(-1)!.fromUser, NEW_SO);
    // Priya is out of the post: she cannot take up its work.
    const priya = await d.as(SO);
    const out = await refused(async () => claim(priya, (await taskOf(d, pids.receipt)).id));
    assert.ok(out.status === 403 || out.status === 409 || out.status === 500, `refused (${out.status})`);
  });

  it('a second install keeps the transfer (the hierarchy file still names the predecessor), and doctor says who is current', async () => {
    const anjali = await d.as(NEW_SO);
    await claim(anjali, (await taskOf(d, pids.receipt)).id);
    const installed = await d.repo.cli('install');
    assert.equal(installed.code, 0, installed.lines.join('\n'));
    assert.ok(
      installed.lines.some((l) =>
        /! warning +GROUP_EO_GAD_SO_EST: kept anjali\.sen, by transfer of charge from priya\.nair on \d{2}\/\d{2}\/\d{4} \(the hierarchy file names priya\.nair\); install --reset-charge gives it back/.test(
          l
        )
      ),
      installed.lines.join('\n')
    );
    assert.deepEqual(await members(d.group('SO_EST')), [NEW_SO], 'she still holds the post');
    const post = (await repositoryHierarchy(d.admin)).posts.find((p) => p.code === 'SO_EST')!;
    assert.equal(post.incumbent, NEW_SO);
    assert.deepEqual(post.incumbentName, { en: 'Anjali Sen', hi: 'अंजलि सेन' });
    assert.equal(post.charge?.fileIncumbent, SO);
    // Her items: the receipt she opened stays hers, the parked file in her post's pool.
    assert.equal((await taskOf(d, pids.receipt)).assignee, NEW_SO);
    assert.ok((await inbox(anjali, d.group('SO_EST'))).some((t) => t.processId === pids.parked));
    const doctor = await d.repo.cli('doctor');
    assert.ok(
      doctor.lines.some((l) => /^OK +hierarchy Data Dictionary\/eOffice\/hierarchy\.json$/.test(l)),
      doctor.lines.join('\n')
    );
    assert.ok(
      doctor.lines.some((l) =>
        /^INFO +GROUP_EO_GAD_SO_EST: anjali\.sen holds it by transfer of charge from priya\.nair .*the repository is current/.test(l)
      )
    );
    assert.ok(!doctor.lines.some((l) => /hierarchy.*differs/.test(l)));
  });

  it("install --reset-charge gives the post back to the file's incumbent, with the tasks the successor had opened", async () => {
    const { code, lines } = await d.repo.cli('install', '--reset-charge');
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(
      lines.some((l) => /GROUP_EO_GAD_SO_EST: transfer of charge to anjali\.sen undone \(--reset-charge\), back to priya\.nair/.test(l))
    );
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
    const post = (await repositoryHierarchy(d.admin)).posts.find((p) => p.code === 'SO_EST')!;
    assert.equal(post.incumbent, SO);
    assert.equal(post.charge, undefined);
    assert.equal((await taskOf(d, pids.receipt)).assignee ?? null, null, 'the receipt she had opened is back in the pool');
    assert.ok((await inbox(await d.as(SO), d.group('SO_EST'))).some((t) => t.processId === pids.receipt));
    // Nothing is left to keep: the next install is the file's.
    const again = await d.repo.cli('install');
    assert.ok(!again.lines.some((l) => /kept|undone/.test(l)), again.lines.join('\n'));
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
  });

  it('a hierarchy file naming someone else is newer than the transfer: install gives the post to him', async () => {
    await transferChargeCommand(d.admin, { post: 'SO_EST', to: NEW_SO }, false, () => undefined);
    const file = artefacts();
    const edited = { ...file.hierarchy, posts: file.hierarchy.posts.map((p) => (p.code === 'SO_EST' ? { ...p, incumbent: OTHER_SO } : p)) };
    await install(d.admin, { ...file, hierarchy: edited, hierarchyJson: hierarchyText(edited) }, new StepLog(() => undefined));
    assert.deepEqual(await members(d.group('SO_EST')), [OTHER_SO]);
    assert.equal(await incumbent('SO_EST'), OTHER_SO);
  });

  it("a charge record no eoCharge process made is no transfer: install gives the post to the file's incumbent", async () => {
    const node = await d.admin.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/hierarchy.json' });
    const h = await repositoryHierarchy(d.admin);
    const forged = {
      ...h,
      posts: h.posts.map((p) =>
        p.code === 'SO_EST' ? { ...p, incumbent: NEW_SO, charge: { fileIncumbent: SO, from: SO, on: '2026-01-01', process: '999999' } } : p
      )
    };
    await d.admin.nodes.updateNodeContent(node.entry.id, JSON.stringify(forged, null, 2) + '\n');
    const { code, lines } = await d.repo.cli('install');
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(!lines.some((l) => /kept/.test(l)), lines.join('\n'));
    assert.deepEqual(await members(d.group('SO_EST')), [SO]);
    assert.equal(await incumbent('SO_EST'), SO);
  });
});
