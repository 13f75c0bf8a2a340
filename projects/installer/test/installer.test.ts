/**
 * `eoffice install | doctor | seed-demo` against the local repository, through the CLI entry point:
 * doctor names what a blank repository lacks, install makes it pass, a second install changes nothing,
 * and the demo department comes out as documented.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readText, type Acs } from '../src/acs';
import { startLocalRepository, type LocalRepository } from './support';

/** Everything install touches, with modification times: groups, memberships, site, nodes below the roots. */
async function snapshot(acs: Acs): Promise<unknown> {
  const groups =
    (await acs.groups.listGroups({ maxItems: 1000, orderBy: ['id'] })).list?.entries?.map((e) => [e.entry.id, e.entry.displayName]) ?? [];
  const members: Record<string, string[]> = {};
  for (const [id] of groups)
    if (String(id).startsWith('GROUP_EO_'))
      members[String(id)] = ((await acs.groups.listGroupMemberships(String(id), { maxItems: 100 })).list?.entries ?? [])
        .map((e) => e.entry.id)
        .sort();
  const nodes: string[] = [];
  const walk = async (id: string, depth: number): Promise<void> => {
    const page = await acs.nodes.listNodeChildren(id, { maxItems: 1000 });
    for (const { entry } of page.list?.entries ?? []) {
      nodes.push(`${entry.id} ${entry.name} ${entry.modifiedAt?.toISOString?.() ?? entry.modifiedAt}`);
      if (entry.isFolder && depth < 4) await walk(entry.id, depth + 1);
    }
  };
  const dataDictionary = await acs.nodes.getNode('-root-', { relativePath: 'Data Dictionary' });
  await walk(dataDictionary.entry.id, 0);
  const site = await acs.sites.getSite('eo-gad');
  const docLib = await acs.sites.getSiteContainer('eo-gad', 'documentLibrary');
  await walk(docLib.entry.folderId, 0);
  return { groups, members, site: site.entry, nodes };
}

describe('eoffice installer CLI', () => {
  let repo: LocalRepository;
  before(async () => {
    repo = await startLocalRepository();
  });
  after(() => repo?.stop());

  it('doctor fails on a blank repository, naming what is missing', async () => {
    const { code, lines } = await repo.cli('doctor');
    assert.equal(code, 1);
    const text = lines.join('\n');
    assert.match(text, /^OK +repository Community 26\.3/m, 'the repository version from discovery');
    for (const missing of [
      'model Data Dictionary/Models/eofficeModel.xml',
      'hierarchy Data Dictionary/eOffice/hierarchy.json',
      'subject-head index Data Dictionary/eOffice/subject-heads.json',
      'upgrades record Data Dictionary/eOffice/upgrades.json',
      'group GROUP_EO_GAD',
      'post group GROUP_EO_GAD_SO_EST',
      'site eo-gad'
    ]) {
      assert.match(text, new RegExp(`^MISSING +${missing.replace(/[./]/g, '\\$&')}$`, 'm'), missing);
    }
  });

  it('install deploys everything; doctor then passes; the model is active', async () => {
    const { code, lines } = await repo.cli('install');
    assert.equal(code, 0);
    assert.ok(lines.some((l) => /created +Data Dictionary\/Models\/eofficeModel\.xml/.test(l)));
    assert.ok(lines.some((l) => /created +site eo-gad$/.test(l)));
    const doctor = await repo.cli('doctor');
    assert.equal(doctor.code, 0, doctor.lines.join('\n'));
    assert.ok(doctor.lines.some((l) => /^OK +type eo:receipt in the dictionary/.test(l)));
    // Posts are vacant until their officers exist: a warning, not a failure.
    assert.ok(doctor.lines.some((l) => /^WARNING +post group GROUP_EO_GAD_SO_EST is vacant/.test(l)));
    const acs = await repo.acs();
    const section = await acs.groups.listGroupMemberships('GROUP_EO_GAD_SECTION_EST', { maxItems: 100 });
    assert.deepEqual((section.list?.entries ?? []).map((e) => e.entry.id).sort(), [
      'GROUP_EO_GAD_ASO_EST_1',
      'GROUP_EO_GAD_ASO_EST_2',
      'GROUP_EO_GAD_ASO_EST_3',
      'GROUP_EO_GAD_SO_EST',
      'GROUP_EO_GAD_US_EST'
    ]);
  });

  it('a second install changes nothing', async () => {
    const acs = await repo.acs();
    const before = await snapshot(acs);
    const { code, lines } = await repo.cli('install');
    assert.equal(code, 0);
    assert.match(lines[lines.length - 1], /nothing to change \(0 created, 0 updated/);
    assert.deepEqual(await snapshot(acs), before);
  });

  it('the upgrades record keeps the dates an earlier install wrote; install adds what it lacks and stops on a garbled one', async () => {
    const acs = await repo.acs();
    const node = await acs.nodes.getNode('-root-', { relativePath: 'Data Dictionary/eOffice/upgrades.json' });
    const first = JSON.parse(await readText(acs, node.entry.id)) as Record<string, string>;
    assert.ok(Date.parse(first.frozenNoteLedgerSince) <= Date.now());
    // An older record: its date is a boundary scripts rely on (lib.js eoFrozenNotes), so it must not move.
    const older = { frozenNoteLedgerSince: '2026-03-01T00:00:00.000Z', somethingLater: 'kept as it is' };
    await acs.nodes.updateNodeContent(node.entry.id, JSON.stringify(older));
    assert.equal((await repo.cli('install')).code, 0);
    assert.deepEqual(JSON.parse(await readText(acs, node.entry.id)), older);
    // A record without the entry gets it, dated now.
    await acs.nodes.updateNodeContent(node.entry.id, '{}');
    const doctor = await repo.cli('doctor');
    assert.ok(
      doctor.lines.some((l) => /^OUTDATED +upgrades record .* lacks frozenNoteLedgerSince \(run install\)$/.test(l)),
      doctor.lines.join('\n')
    );
    const since = Date.now();
    assert.equal((await repo.cli('install')).code, 0);
    assert.ok(Date.parse((JSON.parse(await readText(acs, node.entry.id)) as Record<string, string>).frozenNoteLedgerSince) >= since - 1000);
    // A garbled date is not replaced by a new one: install stops and says why.
    await acs.nodes.updateNodeContent(node.entry.id, JSON.stringify({ frozenNoteLedgerSince: 'last spring' }));
    try {
      await assert.rejects(repo.cli('install'), /frozenNoteLedgerSince is no date: restore it from a backup/);
      assert.equal(await readText(acs, node.entry.id), JSON.stringify({ frozenNoteLedgerSince: 'last spring' }));
    } finally {
      await acs.nodes.updateNodeContent(node.entry.id, JSON.stringify(first));
    }
  });

  // How long seeding takes is a figure for `npm run bench`, not a pass/fail line here: a loaded machine is not a bug.
  it('seed-demo creates the department officers, 200 receipts and 60 files', async () => {
    const { code, lines } = await repo.cli('seed-demo', '--if-empty');
    assert.equal(code, 0);
    // --if-empty looks at the site, which the earlier install created: nothing is seeded, logins are listed.
    assert.ok(lines.some((l) => /already exists/.test(l)));
    assert.equal(lines.filter((l) => l.startsWith('LOGIN ')).length, 16, 'fifteen officers and the records manager');

    const seeded = await repo.cli('seed-demo');
    assert.equal(seeded.code, 0);
    const logins = seeded.lines.filter((l) => l.startsWith('LOGIN '));
    assert.equal(logins.length, 16);
    assert.ok(logins.includes('LOGIN priya.nair demo1234 Priya Nair, Section Officer (Establishment)'), logins.join('\n'));
    assert.ok(logins.includes('LOGIN lakshmi.pillai demo1234 Lakshmi Pillai, Departmental Record Officer (records manager)'));

    // The records manager is in the file plan's Records Manager role: she reads the file plan, an officer does not.
    const recordsManager = await repo.acs('lakshmi.pillai', 'demo1234');
    const filePlan = (await recordsManager.call('gs', 'GET', '/file-plans/-filePlan-')).entry;
    const roleGroup = await (await repo.acs()).groups.listGroupMemberships(`GROUP_RecordsManager${filePlan.id}`);
    assert.ok((roleGroup.list?.entries ?? []).some((e) => e.entry.id === 'lakshmi.pillai'));
    const officerStatus = await (await repo.acs('priya.nair', 'demo1234'))
      .call('gs', 'GET', '/file-plans/-filePlan-')
      .catch((e) => e.status);
    assert.equal(officerStatus, 403);

    // An officer can log in and holds exactly the post the hierarchy gives her.
    const priya = await repo.acs('priya.nair', 'demo1234');
    const person = await priya.people.getPerson('-me-', { fields: ['id', 'jobTitle', 'properties'] } as never);
    assert.match(String(person.entry.jobTitle), /Section Officer \(Establishment\) \/ अनुभाग अधिकारी \(स्थापना\)/);
    const held = await priya.groups.listGroupMemberships('GROUP_EO_GAD_SO_EST');
    assert.deepEqual(
      (held.list?.entries ?? []).map((e) => e.entry.id),
      ['priya.nair']
    );

    // 200 receipts and 60 files, numbered without gaps per series, in several states and holders.
    const acs = await repo.acs();
    const docLib = (await acs.sites.getSiteContainer('eo-gad', 'documentLibrary')).entry.folderId;
    const items = async (series: string) => {
      const out: { id: string; name: string; properties: Record<string, any> }[] = [];
      for (const year of (await acs.nodes.listNodeChildren(docLib, { relativePath: series })).list?.entries ?? []) {
        for (const section of (await acs.nodes.listNodeChildren(year.entry.id)).list?.entries ?? []) {
          const page = await acs.nodes.listNodeChildren(section.entry.id, {
            maxItems: 1000,
            include: ['properties'],
            orderBy: ['name ASC']
          });
          const list = (page.list?.entries ?? []).map((e) => e.entry);
          list.forEach((e, i) =>
            assert.equal(e.name, String(i + 1).padStart(6, '0'), `${series}/${year.entry.name}/${section.entry.name} has no gaps`)
          );
          out.push(...list.map((e) => ({ id: e.id, name: e.name, properties: e.properties })));
        }
      }
      return out;
    };
    const receipts = await items('Receipts');
    const files = await items('Files');
    assert.equal(receipts.length, 200);
    assert.equal(files.length, 60);
    const statuses = new Set(receipts.map((r) => r.properties['eo:status']));
    for (const s of ['created', 'inMovement', 'putInFile', 'closed']) assert.ok(statuses.has(s), `some receipts are ${s}`);
    assert.ok(new Set(files.map((f) => f.properties['eo:status'])).has('parked'));
    assert.ok(new Set(receipts.map((r) => r.properties['eo:currentHolder'])).size >= 6, 'receipts are held at several levels');
    assert.ok(
      receipts.some((r) => /[\u0900-\u097F]/.test(r.properties['eo:subject'])) &&
        receipts.some((r) => /^[A-Za-z]/.test(r.properties['eo:subject'])),
      'Hindi and English subjects'
    );
    const ages = receipts.map((r) => (Date.now() - Date.parse(r.properties['eo:diarisedDate'])) / 86_400_000);
    assert.ok(Math.max(...ages) > 90 && Math.min(...ages) < 7, 'diarised over the last ~120 days');
    const computerNumbers = [...receipts, ...files].map((x) => x.properties['eo:computerNumber']);
    assert.equal(new Set(computerNumbers).size, 260, 'every Computer No. is unique');

    // Every moving item is in its holder's inbox as a live eoMovement task, and its age is the backdated one.
    const moving = [...receipts, ...files].filter((x) => ['inMovement', 'parked'].includes(x.properties['eo:status']));
    const soEst = 'GROUP_EO_GAD_SO_EST';
    const inbox = await priya.call('workflow', 'GET', '/tasks', {
      where: `(candidateGroup='${soEst}' AND variables/eowf_holderGroup='${soEst}')`,
      maxItems: 1000
    });
    const holding = moving.filter((x) => x.properties['eo:currentHolder'] === soEst);
    assert.ok(holding.length > 0, 'the Section Officer holds moving items');
    assert.equal(inbox.list.entries.length, holding.length, "the Section Officer's inbox holds a task for each");
    const heldDays = moving.map((x) => (Date.now() - Date.parse(x.properties['eo:heldSince'])) / 86_400_000);
    assert.ok(Math.max(...heldDays) > 30 && Math.min(...heldDays) < 7, 'held for varied times');
    // What the Section Officer holds past its (backdated) due date is already escalated: the Under Secretary she
    // reports to reads it, as the due-date timer would have let her, so a fresh demo's dashboard shows it.
    const today = new Date().toISOString().slice(0, 10);
    const overdue = holding.filter(
      (x) => x.properties['eo:status'] === 'inMovement' && String(x.properties['eo:dueDate']).slice(0, 10) < today
    );
    assert.ok(overdue.length > 0, 'the Section Officer holds items past their due date');
    const underSecretary = await repo.acs('kavita.joshi', 'demo1234');
    for (const x of overdue) {
      const read = await underSecretary.nodes.getNode(x.id).then(
        () => 200,
        (e) => e.status
      );
      assert.equal(read, 200, `the Under Secretary reads ${x.name}, escalated to her`);
    }
    // The Section Officer's bell is told by the due-date timers (the job executor runs them when it will), never
    // twice for one item.
    const home = (await priya.nodes.getNode('-my-')).entry.id;
    const notices = await priya.nodes
      .listNodeChildren(home, { relativePath: 'eOffice Notices', include: ['properties'], maxItems: 1000 })
      .catch(() => undefined);
    const due = (notices?.list?.entries ?? []).map((e) => e.entry).filter((n) => n.properties?.['eo:noticeKind'] === 'due');
    const noticed = due.map((n) => String(n.properties?.['eo:noticeItemId']));
    assert.deepEqual(noticed, [...new Set(noticed)], 'at most one due notice per item');
    for (const id of noticed)
      assert.ok(overdue.some((x) => x.id === id) || holding.some((x) => x.id === id), `a due notice for ${id}, held by her`);
    assert.ok(due.every((n) => n.properties?.['eo:noticeRead'] === false && n.properties?.['eo:noticeTo'] === soEst));
    // The Inbox's Remarks column: every item that was sent carries the remarks of the send that put it with
    // its holder (as the workflow copies them), in English and in Hindi across the demo.
    const sent = [...receipts, ...files].filter((x) => x.properties['eo:previousHolder']);
    assert.ok(sent.length > 50, 'many items were sent');
    assert.deepEqual(
      sent.filter((x) => !String(x.properties['eo:lastRemarks'] ?? '').trim()).map((x) => x.name),
      [],
      'every sent item has its remarks'
    );
    const remarks = sent.map((x) => String(x.properties['eo:lastRemarks']));
    assert.ok(remarks.some((r) => /[\u0900-\u097F]/.test(r)) && remarks.some((r) => /^[A-Za-z]/.test(r)), 'Hindi and English remarks');
    assert.ok(new Set(remarks).size >= 8, 'remarks vary');
    for (const x of sent.slice(0, 5)) {
      const moves = await acs.nodes.listNodeChildren(x.id, { relativePath: 'Movements', include: ['properties'], orderBy: ['name ASC'] });
      const sends = (moves.list?.entries ?? []).filter((e) => e.entry.properties['eo:movementAction'] === 'send');
      assert.equal(sends.at(-1)?.entry.properties['eo:movementRemarks'], x.properties['eo:lastRemarks'], 'the remarks of its last send');
    }
    const all = await acs.call('workflow', 'GET', '/processes', { where: "(status='active')", maxItems: 1000 });
    // Besides the daily mails (eoDaily, which install starts).
    assert.equal(all.list.pagination.totalItems, moving.length + 1, 'one live process per moving item');

    // The hierarchy the workflow reads is in the repository.
    const doctor = await repo.cli('doctor');
    assert.equal(doctor.code, 0);
    assert.ok(!doctor.lines.some((l) => /vacant/.test(l)), 'every post has its officer');
  });
});
