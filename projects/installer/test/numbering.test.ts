/**
 * Numbers only the repository's own agent can make (issue 13, "Numbering"): receipts and files are numbered
 * by the eoRegister workflow, run as the administrator, in series folders no officer may write. Tried as a
 * hostile officer would, through the raw REST API of a freshly installed department.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Acs } from '../src/acs';
import { install } from '../src/install';
import { StepLog } from '../src/log';
import { computerNumberSeries, officeDay, receiptSeries, amendItem, createInIntake, registerItem } from '@eoffice/domain';
import { artefacts } from './support';
import {
  diariseReceipt,
  item,
  openFile,
  refused,
  registrationClient,
  startDepartment,
  startMovement,
  type Department
} from './movement-support';

const CRU = 'pooja.patel';
const ASO = 'amit.kumar'; // ASO_EST_1
const SO = 'priya.nair'; // SO_EST
const YEAR = Number(officeDay(new Date()).slice(0, 4));
/** The dates a receipt is created with (the model enforces them). */
const DAK = { 'eo:receivedDate': officeDay(new Date()), 'eo:diarisedDate': new Date().toISOString() };

describe('numbering: only eoRegister makes numbers', () => {
  let d: Department;
  let cru: Acs;
  let aso: Acs;

  before(async () => {
    d = await startDepartment();
    cru = await d.as(CRU);
    aso = await d.as(ASO);
  });
  after(() => d?.stop());

  /** Names of the series folder's children, as the administrator sees them. */
  const namesIn = async (relativePath: string): Promise<string[]> => {
    const folder = await d.admin.nodes.getNode(d.docLib, { relativePath });
    const page = await d.admin.nodes.listNodeChildren(folder.entry.id, { orderBy: ['name ASC'], maxItems: 1000 });
    return (page.list?.entries ?? []).map((e) => e.entry.name);
  };

  it('install deploys eoRegister next to eoMovement', async () => {
    const defs = await d.admin.call('workflow', 'GET', '/process-definitions', { where: "(key='eoRegister')" });
    assert.equal(defs.list.entries.length, 1);
  });

  it('50 concurrent registrations on one series give 1..50, while a hostile officer fails to plant 000030 and 999999', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, () => d.repo.acs(CRU, 'demo1234')));
    const plant = (name: string) =>
      refused(() => aso.nodes.createNode(d.docLib, { name, nodeType: 'cm:folder', relativePath: receiptSeries(YEAR, 'ADM') } as never));
    const [registered, planted] = await Promise.all([
      Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const client = registrationClient(clients[i % 5]);
          const id = await createInIntake(client, d.docLib, 'CRU', 'eo:receipt', {
            'eo:receiptSection': 'ADM',
            'eo:subject': `Receipt ${i}`,
            'eo:receivedDate': officeDay(new Date()),
            'eo:diarisedDate': new Date().toISOString()
          });
          return registerItem(client, id, 'CRU');
        })
      ),
      Promise.all([plant('000030'), plant('999999')])
    ]);
    assert.deepEqual(
      planted.map((p) => p.status),
      [403, 403]
    );
    const serials = registered.map((r) => Number(r.properties['eo:receiptSerial'])).sort((a, b) => a - b);
    assert.deepEqual(
      serials,
      Array.from({ length: 50 }, (_, i) => i + 1)
    );
    for (const r of registered) assert.equal(r.number, `${r.properties['eo:receiptSerial']}/${YEAR}/ADM-GAD`);
    assert.deepEqual(
      await namesIn(receiptSeries(YEAR, 'ADM')),
      Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(6, '0'))
    );
    // Computer Nos: one per registration, all distinct, from the year's register.
    const computer = new Set(registered.map((r) => r.computerNumber));
    assert.equal(computer.size, 50);
    for (const c of computer) assert.equal(Math.floor(c / 1_000_000), YEAR);
    assert.equal((await namesIn(computerNumberSeries(YEAR))).length, 50);
  });

  it('no officer can create, rename or plant in a series folder or the Computer No. register (403)', async () => {
    const receipt = await diariseReceipt(d, CRU, 'A registered receipt', 'ADM');
    for (const acs of [cru, aso]) {
      for (const relativePath of [
        receiptSeries(YEAR, 'ADM'),
        receiptSeries(YEAR, 'EST'),
        `Files/${YEAR}/EST`,
        computerNumberSeries(YEAR)
      ]) {
        const r = await refused(() =>
          acs.nodes.createNode(d.docLib, { name: '999999', nodeType: 'cm:folder', relativePath } as never)
        ).catch(() => ({ status: 201, summary: `${acs === cru ? CRU : ASO} created 999999 in ${relativePath}` }));
        assert.equal(r.status, 403, `${relativePath}: ${r.summary}`);
      }
    }
    const series = await d.admin.nodes.getNode(d.docLib, { relativePath: receiptSeries(YEAR, 'ADM') });
    assert.equal((await refused(() => aso.nodes.updateNode(series.entry.id, { name: 'Renamed' }))).status, 403);
    // Nor move the series' count (eo:lastNumber) back to reuse a number or on to skip some.
    for (const acs of [cru, aso]) {
      assert.equal(
        (await refused(() => acs.nodes.updateNode(series.entry.id, { properties: { 'eo:lastNumber': 2 } } as never))).status,
        403
      );
      assert.equal((await refused(() => acs.nodes.updateNode(series.entry.id, { aspectNames: ['cm:auditable'] }))).status, 403);
    }
    assert.equal((await refused(() => cru.nodes.deleteNode(series.entry.id))).status, 403);
    // The diarist sees its receipt; it cannot rename it (freeing its number) nor rewrite its number.
    const before = await item(d, receipt);
    assert.equal((await refused(() => cru.nodes.updateNode(receipt, { name: '000999' }))).status, 403);
    assert.equal(
      (await refused(() => cru.nodes.updateNode(receipt, { properties: { 'eo:receiptNumber': '1/2026/ADM-GAD' } }))).status,
      403
    );
    assert.equal((await refused(() => cru.nodes.moveNode(receipt, { targetParentId: d.docLib }))).status, 403);
    assert.deepEqual(await item(d, receipt), before);
    // The next registration continues the series: nothing was taken or skipped.
    const next = await registerItem(
      registrationClient(cru),
      await createInIntake(registrationClient(cru), d.docLib, 'CRU', 'eo:receipt', {
        ...DAK,
        'eo:receiptSection': 'ADM',
        'eo:subject': 'Next'
      }),
      'CRU'
    );
    assert.equal(Number(next.properties['eo:receiptSerial']), Number(before['eo:receiptSerial']) + 1);
  });

  it('a series keeps the last number it gave; one numbered before that count, or a count left behind, still continues from its highest', async () => {
    const relativePath = receiptSeries(YEAR, 'ADM');
    const series = (await d.admin.nodes.getNode(d.docLib, { relativePath, include: ['aspectNames', 'properties'] } as never)).entry;
    const highest = Math.max(...(await namesIn(relativePath)).map(Number));
    assert.ok(series.aspectNames?.includes('eo:numberSeries'));
    assert.equal(series.properties?.['eo:lastNumber'], highest);
    const register = async (subject: string) => {
      const client = registrationClient(cru);
      const id = await createInIntake(client, d.docLib, 'CRU', 'eo:receipt', { ...DAK, 'eo:receiptSection': 'ADM', 'eo:subject': subject });
      return Number((await registerItem(client, id, 'CRU')).properties['eo:receiptSerial']);
    };
    // A series as an older installation left it: numbered items, no count.
    await d.admin.nodes.updateNode(series.id, { aspectNames: series.aspectNames!.filter((a) => a !== 'eo:numberSeries') });
    assert.equal(await register('After the upgrade'), highest + 1);
    // A count behind the names (restored from a backup, say) never gives a taken number again.
    await d.admin.nodes.updateNode(series.id, { properties: { 'eo:lastNumber': 3 } } as never);
    assert.equal(await register('Behind the count'), highest + 2);
    const after = (await d.admin.nodes.getNode(series.id)).entry;
    assert.equal(after.properties?.['eo:lastNumber'], highest + 2);
    assert.deepEqual(
      await namesIn(relativePath),
      Array.from({ length: highest + 2 }, (_, i) => String(i + 1).padStart(6, '0'))
    );
  });

  it('before its first send a receipt is readable by the Central Registry and the oversight only', async () => {
    const receipt = await diariseReceipt(d, CRU, 'Confidential dak', 'EST');
    assert.equal((await refused(() => aso.nodes.getNode(receipt))).status, 403);
    assert.equal((await refused(() => (async () => (await d.as(SO)).nodes.getNode(receipt))())).status, 403);
    assert.equal((await cru.nodes.getNode(receipt)).entry.id, receipt);
    assert.equal((await (await d.as('rajesh.verma')).nodes.getNode(receipt)).entry.id, receipt, 'the Joint Secretary (oversight) reads it');
    const props = await item(d, receipt);
    assert.equal(props['eo:status'], 'created');
    assert.equal(props['eo:currentHolder'], d.group('CRU'));
    assert.equal(props['cm:owner']?.id, 'admin');
  });

  it('registration is refused to anyone not holding the registering post, whatever the request says', async () => {
    const client = registrationClient(aso);
    // Another post's intake is closed to him.
    assert.equal(
      (
        await refused(() =>
          createInIntake(client, d.docLib, 'CRU', 'eo:receipt', { ...DAK, 'eo:receiptSection': 'EST', 'eo:subject': 'x' })
        )
      ).status,
      403
    );
    const own = await createInIntake(client, d.docLib, 'ASO_EST_1', 'eo:receipt', {
      ...DAK,
      'eo:receiptSection': 'EST',
      'eo:subject': 'Forged dak'
    });
    const start = (variables: Record<string, unknown>) =>
      refused(() => aso.call('workflow', 'POST', '/processes', {}, { processDefinitionKey: 'eoRegister', items: [own], variables }));
    // Acting for the Central Registry, even naming its clerk as initiator: ACS sets initiator itself.
    assert.match((await start({ eowf_registerAs: 'CRU', initiator: CRU })).summary, /does not hold the post/);
    // Acting for his own post: receipts are diarised by the Central Registry only.
    assert.match((await start({ eowf_registerAs: 'ASO_EST_1' })).summary, /Only the Central Registry diarises receipts/);
    const props = await item(d, own);
    assert.equal(props['eo:receiptNumber'], undefined, 'the forged receipt got no number');
    // The Central Registry cannot have an item outside its intake numbered (here: a file its clerk may not even read).
    const elsewhere = await createInIntake(client, d.docLib, 'ASO_EST_1', 'eo:file', {
      'eo:fileSection': 'EST',
      'eo:basicHead': 'A',
      'eo:primaryHead': '11',
      'eo:secondaryHead': '011',
      'eo:subject': 'Not his'
    });
    await d.admin.nodes.updateNode(elsewhere, {
      permissions: { locallySet: [{ authorityId: d.group('CRU'), name: 'Consumer', accessStatus: 'ALLOWED' }] }
    });
    const r = await refused(() =>
      cru.call(
        'workflow',
        'POST',
        '/processes',
        {},
        { processDefinitionKey: 'eoRegister', items: [elsewhere], variables: { eowf_registerAs: 'CRU' } }
      )
    );
    assert.match(r.summary, /is not in the intake folder/);
    // A file is registered by the post that opens it, in its own intake.
    const file = await registerItem(client, elsewhere, 'ASO_EST_1');
    assert.match(file.number, new RegExp(`^A-11011/1/${YEAR}-EST-GAD$`));
    assert.equal(file.properties['eo:currentHolder'], d.group('ASO_EST_1'));
  });

  it('a registered item is numbered once: registering it again is refused and changes nothing', async () => {
    const receipt = await diariseReceipt(d, CRU, 'Registered once', 'EST');
    const before = await item(d, receipt);
    const r = await refused(() =>
      cru.call(
        'workflow',
        'POST',
        '/processes',
        {},
        { processDefinitionKey: 'eoRegister', items: [receipt], variables: { eowf_registerAs: 'CRU' } }
      )
    );
    assert.match(r.summary, /is not in the intake folder/);
    assert.deepEqual(await item(d, receipt), before);
  });

  it('the holder amends descriptive details through eoRegister; numbers, custody and other posts are refused', async () => {
    const receipt = await diariseReceipt(d, CRU, 'Subject with a typo', 'EST');
    const client = registrationClient(cru);
    await amendItem(client, receipt, { 'eo:subject': 'Subject corrected', 'eo:deliveryMode': 'Hand', 'eo:remarks': null });
    let props = await item(d, receipt);
    assert.equal(props['eo:subject'], 'Subject corrected');
    assert.equal(props['eo:deliveryMode'], 'Hand');
    for (const forbidden of ['eo:receiptNumber', 'eo:currentHolder', 'eo:status', 'cm:name']) {
      const r = await refused(() => amendItem(client, receipt, { [forbidden]: 'x' }));
      assert.match(r.summary, /cannot be amended/, forbidden);
    }
    // The Joint Secretary (oversight) reads it but does not hold it.
    const js = registrationClient(await d.as('rajesh.verma'));
    assert.match((await refused(() => amendItem(js, receipt, { 'eo:subject': 'Mine now' }))).summary, /does not hold/);
    // Once it has moved, the dates and delivery mode are frozen, and only its new holder may amend it.
    await startMovement(cru, receipt, 'CRU');
    assert.match((await refused(() => amendItem(client, receipt, { 'eo:deliveryMode': 'Post' }))).summary, /once the receipt has moved/);
    await amendItem(client, receipt, { 'eo:subject': 'Subject corrected again' });
    props = await item(d, receipt);
    assert.equal(props['eo:subject'], 'Subject corrected again');
    assert.equal(props['eo:deliveryMode'], 'Hand');
  });

  it('a file is read-only to its holder; she links other files through eoRegister, and nothing else', async () => {
    const file = await openFile(d, ASO, 'Linking files');
    const other = await openFile(d, ASO, 'The file linked to it');
    await startMovement(aso, file, 'ASO_EST_1');
    for (const forged of [{ properties: { 'eo:status': 'closed' } }, { properties: { 'eo:linkedFiles': [other] } }, { name: '000999' }])
      assert.equal((await refused(() => aso.nodes.updateNode(file, forged as never))).status, 403, JSON.stringify(forged));
    const client = registrationClient(aso);
    await amendItem(client, file, { 'eo:linkedFiles': [other] });
    assert.deepEqual((await item(d, file))['eo:linkedFiles'], [other]);
    assert.match((await refused(() => amendItem(client, file, { 'eo:subject': 'Renamed' }))).summary, /cannot be amended on a file/);
    assert.match((await refused(() => amendItem(client, file, { 'eo:linkedFiles': [d.docLib] }))).summary, /is not an e-file/);
    assert.match((await refused(() => amendItem(client, file, { 'eo:linkedFiles': 'x' }))).summary, /must be a list/);
    // The Joint Secretary (oversight) reads it but does not hold it; a Section Officer it never reached cannot even read it.
    const js = registrationClient(await d.as('rajesh.verma'));
    assert.match((await refused(() => amendItem(js, file, { 'eo:linkedFiles': [] }))).summary, /does not hold/);
    assert.equal((await refused(async () => amendItem(registrationClient(await d.as(SO)), file, { 'eo:linkedFiles': [] }))).status, 403);
    assert.deepEqual((await item(d, file))['eo:linkedFiles'], [other]);
  });

  it('doctor reports a series folder officers may write, and install repairs it', async () => {
    const receipts = await d.admin.nodes.getNode(d.docLib, { relativePath: 'Receipts' });
    await d.admin.nodes.updateNode(receipts.entry.id, { permissions: { isInheritanceEnabled: true, locallySet: [] } });
    let doctor = await d.repo.cli('doctor');
    assert.ok(
      doctor.lines.some((l) => /^OUTDATED +folder .*Receipts writable by/.test(l)),
      doctor.lines.join('\n')
    );
    await install(d.admin, artefacts(), new StepLog(() => undefined));
    doctor = await d.repo.cli('doctor');
    assert.ok(doctor.lines.some((l) => /^OK +folder .*Receipts read-only for officers/.test(l)));
    assert.equal(
      (
        await refused(() =>
          aso.nodes.createNode(d.docLib, { name: '000777', nodeType: 'cm:folder', relativePath: receiptSeries(YEAR, 'EST') } as never)
        )
      ).status,
      403
    );
  });
});
