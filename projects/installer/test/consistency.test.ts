/**
 * `eoffice doctor --consistency` on a freshly seeded demo department: nothing to report. Then each
 * invariant is broken on purpose, as an administrator through the public REST API, and the check names
 * exactly what was broken (the findings it adds to those it already had).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Acs } from '../src/acs';
import { checkConsistency, type Finding } from '../src/consistency';
import { StepLog } from '../src/log';
import { seedDemo } from '../src/seed/seed-demo';
import { DEMO_PASSWORD } from '../src/seed/officers';
import { postGroup, postOfGroup } from '@eoffice/domain';
import { artefacts, startLocalRepository, type LocalRepository } from './support';

interface Row {
  id: string;
  name: string;
  series: string;
  props: Record<string, any>;
}

// The whole suite (a seeded department, then twelve breakages each checked twice) runs near two minutes on a
// loaded machine: its own limit, not the runner's 120 s per test.
describe('doctor --consistency', { timeout: 300_000 }, () => {
  const a = artefacts();
  const h = a.hierarchy;
  let repo: LocalRepository;
  let admin: Acs;
  let rows: Row[];

  /** The findings `breakIt` adds, as "kind subject: what" lines. */
  async function added(breakIt: () => Promise<unknown>): Promise<string[]> {
    const line = (f: Finding) => `${f.kind} ${f.subject}: ${f.what}`;
    const before = new Set((await checkConsistency(admin, h)).findings.map(line));
    await breakIt();
    return (await checkConsistency(admin, h)).findings.map(line).filter((l) => !before.has(l));
  }

  /** Every receipt and file of the department, as the administrator lists them. */
  async function items(): Promise<Row[]> {
    const docLib = (await admin.sites.getSiteContainer('eo-gad', 'documentLibrary')).entry.folderId;
    const out: Row[] = [];
    const list = async (id: string) => (await admin.nodes.listNodeChildren(id, { maxItems: 1000, include: ['properties'] })).list!.entries!;
    for (const root of ['Receipts', 'Files']) {
      const top = await admin.nodes.getNode(docLib, { relativePath: root });
      for (const year of await list(top.entry.id))
        for (const section of await list(year.entry.id))
          for (const { entry } of await list(section.entry.id))
            out.push({
              id: entry.id,
              name: entry.name,
              series: `${root}/${year.entry.name}/${section.entry.name}`,
              props: entry.properties
            });
    }
    return out;
  }

  const label = (r: Row) => `${r.props['eo:receiptNumber'] ?? r.props['eo:fileNumber']} (${r.series}/${r.name})`;
  const pick = (test: (r: Row) => boolean, skip = 0) => {
    const found = rows.filter(test)[skip];
    assert.ok(found, 'the demo department has such an item');
    return found;
  };
  const movingWithIncumbent = (r: Row) => r.props['eo:status'] === 'inMovement' && !!postOfGroup(h, r.props['eo:currentHolder'])?.incumbent;
  const officer = (group: string) => repo.acs(postOfGroup(h, group)!.incumbent!, DEMO_PASSWORD);
  const processOf = async (itemId: string): Promise<string> => {
    const tasks = await admin.call('workflow', 'GET', '/tasks', { where: `(processDefinitionKey='eoMovement')`, maxItems: 1000 });
    for (const { entry } of tasks.list.entries) {
      const moved = await admin.call('workflow', 'GET', `/processes/${entry.processId}/items`);
      if (moved.list.entries.some((e: { entry: { id: string } }) => e.entry.id === itemId)) return entry.processId;
    }
    throw new Error(`no open task moves ${itemId}`);
  };
  const setProps = (id: string, properties: Record<string, unknown>) => admin.nodes.updateNode(id, { properties: properties as never });

  before(async () => {
    repo = await startLocalRepository();
    admin = await repo.acs();
    await seedDemo(admin, a, new StepLog(() => undefined));
    rows = await items();
  });
  after(() => repo?.stop());

  it('finds nothing on a freshly seeded department, and says what it checked', async () => {
    const { code, lines } = await repo.cli('doctor', '--consistency');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('FINDING')),
      []
    );
    assert.equal(code, 0);
    assert.match(lines.at(-1)!, /^Consistent: 260 items, \d{2,} open movement tasks, \d+ series folders checked, no findings\.$/);
  });

  it('a movement cancelled by an administrator leaves an item in movement without a task, for its holder to start anew', async () => {
    const r = pick(movingWithIncumbent);
    const found = await added(async () => admin.call('workflow', 'DELETE', `/processes/${await processOf(r.id)}`));
    assert.deepEqual(found, [`custody ${label(r)}: is inMovement (held by ${r.props['eo:currentHolder']}) but has no open movement task`]);
  });

  it('a holder written past the workflow is not the post its task is offered to', async () => {
    const r = pick(movingWithIncumbent, 1);
    const other = postGroup(h, 'SECY') === r.props['eo:currentHolder'] ? postGroup(h, 'JS') : postGroup(h, 'SECY');
    const found = await added(() => setProps(r.id, { 'eo:currentHolder': other }));
    assert.equal(found.length, 1);
    assert.match(
      found[0],
      new RegExp(
        `^custody ${re(label(r))}: its open task \\S+ is offered to .*${r.props['eo:currentHolder']}.*, not to its holder ${other}$`
      )
    );
  });

  it('an item put back to "created" still has its task', async () => {
    const r = pick(movingWithIncumbent, 2);
    const reset = await added(() => setProps(r.id, { 'eo:status': 'created' }));
    assert.equal(reset.length, 1);
    assert.match(
      reset[0],
      new RegExp(`^custody ${re(label(r))}: is created, not in movement, but has open movement tasks: holder task \\S+ of process \\S+$`)
    );
    await setProps(r.id, { 'eo:status': 'inMovement' });
  });

  it("a second start, once the item's binding to its process was cleared, gives it two open tasks", async () => {
    const r = pick(movingWithIncumbent, 4);
    const holder = r.props['eo:currentHolder'];
    const second = await added(async () => {
      // The workflow refuses a second start on a bound item: only an administrator can unbind it.
      await setProps(r.id, { 'eo:movementProcess': null });
      await (
        await officer(holder)
      ).call(
        'workflow',
        'POST',
        '/processes',
        {},
        { processDefinitionKey: 'eoMovement', variables: { eowf_fromPost: postOfGroup(h, holder)!.code }, items: [r.id] }
      );
    });
    assert.equal(second.length, 1);
    assert.match(second[0], new RegExp(`^custody ${re(label(r))}: has 2 open movement tasks: holder task .*, holder task `));
  });

  it('an item bound to another process than the one its task belongs to', async () => {
    const r = pick(movingWithIncumbent, 5);
    const [own, other] = [await processOf(r.id), await processOf(pick(movingWithIncumbent, 6).id)];
    const found = await added(() => setProps(r.id, { 'eo:movementProcess': other }));
    assert.equal(found.length, 1);
    assert.match(
      found[0],
      new RegExp(`^custody ${re(label(r))}: its open task \\S+ belongs to process ${own}, but the item is bound to process ${other}$`)
    );
  });

  it('a close waiting for approval is the one open task; an approval offered to another post than the approver is named', async () => {
    const r = pick((x) => movingWithIncumbent(x) && postOfGroup(h, x.props['eo:currentHolder'])!.level === 1);
    const pid = await processOf(r.id);
    const task = (await admin.call('workflow', 'GET', `/processes/${pid}/tasks`, { status: 'active' })).list.entries[0].entry;
    const aso = await officer(r.props['eo:currentHolder']);
    const asked = await added(async () => {
      await aso.call('workflow', 'PUT', `/tasks/${task.id}`, { select: 'state' }, { state: 'claimed' });
      await aso.call(
        'workflow',
        'PUT',
        `/tasks/${task.id}`,
        { select: 'state,variables' },
        { state: 'completed', variables: [{ name: 'eowf_action', value: 'close', scope: 'local' }] }
      );
    });
    assert.deepEqual(asked, [], 'the pending approval is what the workflow leaves open');
    const approval = (await admin.call('workflow', 'GET', `/processes/${pid}/tasks`, { status: 'active' })).list.entries[0].entry;
    assert.equal(approval.activityDefinitionId, 'approval');

    const elsewhere = postGroup(h, 'MINISTER');
    const found = await added(() => setProps(r.id, { 'eo:approverPost': elsewhere }));
    assert.equal(found.length, 1);
    assert.match(
      found[0],
      new RegExp(`^custody ${re(label(r))}: its approval task ${approval.id} is offered to \\S+, not to the approver ${elsewhere}$`)
    );
  });

  it('a second item in a process’s package changes nothing; a process whose binding is gone is named', async () => {
    const r = pick(movingWithIncumbent, 3);
    const extra = pick((x) => x.props['eo:status'] === 'created');
    const pid = await processOf(r.id);
    // The package is caller-controlled; the scripts and the check follow the binding only.
    assert.deepEqual(await added(() => admin.call('workflow', 'POST', `/processes/${pid}/items`, {}, { id: extra.id })), []);
    const binding = await admin.nodes.getNode('-root-', { relativePath: `Data Dictionary/eOffice/Movements/${pid}` });
    const found = await added(() => admin.nodes.deleteNode(binding.entry.id, { permanent: true }));
    assert.equal(found.length, 2);
    assert.match(found.join('\n'), new RegExp(`^custody task \\S+ \\(process ${pid}\\): its process is bound to no item`, 'm'));
    assert.match(found.join('\n'), new RegExp(`^custody ${re(label(r))}: is inMovement .* but has no open movement task$`, 'm'));
  });

  it('a gap in the movement record', async () => {
    const r = pick((x) => x.props['eo:status'] === 'closed');
    const folder = await admin.nodes.getNode(r.id, { relativePath: 'Movements' });
    const n = (await admin.nodes.listNodeChildren(folder.entry.id)).list!.pagination!.totalItems!;
    const found = await added(() =>
      admin.nodes.createNode(folder.entry.id, {
        name: String(n + 2).padStart(6, '0'),
        nodeType: 'eo:movement',
        properties: { 'eo:movementSequence': n + 2, 'eo:movementAction': 'send', 'eo:movementAt': new Date().toISOString() } as never
      })
    );
    assert.deepEqual(found.sort(), [
      `movements ${label(r)}: ${String(n + 1).padStart(6, '0')} missing: the numbers have a gap`,
      `movements ${label(r)}: eo:lastMovement is ${n} but the latest movement is ${String(n + 2).padStart(6, '0')}`
    ]);
  });

  it("an item's eo:lastMovement that disagrees with its movements", async () => {
    const r = pick((x) => x.props['eo:status'] === 'inMovement' && Number(x.props['eo:lastMovement']) > 1);
    const kept = Number((await admin.nodes.getNode(r.id)).entry.properties!['eo:lastMovement']);
    const found = await added(() => setProps(r.id, { 'eo:lastMovement': kept - 1 }));
    assert.deepEqual(found, [
      `movements ${label(r)}: eo:lastMovement is ${kept - 1} but the latest movement is ${String(kept).padStart(6, '0')}`
    ]);
  });

  it("a receipt number written over with another receipt's", async () => {
    const first = pick((x) => x.series === 'Receipts/2026/EST' && x.name === '000001');
    const other = pick((x) => x.series === 'Receipts/2026/EST' && x.name === '000002');
    const number = first.props['eo:receiptNumber'];
    const found = await added(() => setProps(other.id, { 'eo:receiptNumber': number }));
    assert.deepEqual(found.sort(), [
      `numbers ${number} (Receipts/2026/EST/000002): receipt number does not match its place in the series (expected 2/2026/EST-GAD)`,
      `numbers receipt number ${number}: carried by 2 items: Receipts/2026/EST/000001, Receipts/2026/EST/000002`
    ]);
  });

  it('a planted 999999 in a series folder (every later number would be refused)', async () => {
    const docLib = (await admin.sites.getSiteContainer('eo-gad', 'documentLibrary')).entry.folderId;
    const highest = Math.max(...rows.filter((x) => x.series === 'Receipts/2026/ADM').map((x) => Number(x.name)));
    const found = await added(() =>
      admin.nodes.createNode(docLib, { name: '999999', nodeType: 'cm:folder', relativePath: 'Receipts/2026/ADM' })
    );
    assert.deepEqual(found.sort(), [
      `numbers Receipts/2026/ADM/999999: is a cm:folder, not an eo:receipt: the number is taken by no item`,
      `numbers Receipts/2026/ADM: ${String(highest + 1).padStart(6, '0')} to 999998 missing: the numbers have a gap`
    ]);
  });

  it('a Computer No. given to a second item', async () => {
    const [x, y] = [pick((r) => r.series.startsWith('Files/'), 0), pick((r) => r.series.startsWith('Files/'), 1)];
    const found = await added(() => setProps(y.id, { 'eo:computerNumber': x.props['eo:computerNumber'] }));
    assert.deepEqual(
      found.sort(),
      [
        `numbers Computer No. ${x.props['eo:computerNumber']}: carried by 2 items: ${x.series}/${x.name}, ${y.series}/${y.name}`,
        `numbers Computer No. ${y.props['eo:computerNumber']}: claimed but carried by no item`
      ].sort()
    );
  });

  it('the CLI prints one line per finding and a summary, and exits 1', async () => {
    const { code, lines } = await repo.cli('doctor', '--consistency');
    const findings = lines.filter((l) => l.startsWith('FINDING'));
    assert.equal(code, 1);
    assert.ok(findings.length >= 10, findings.join('\n'));
    assert.match(lines.at(-1)!, new RegExp(`^${findings.length} finding\\(s\\); 260 items, `));
  });
});

function re(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
