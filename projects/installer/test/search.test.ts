/**
 * The e-Office search page's one request (@eoffice/domain search-query.ts) answered by the local repository as
 * ACS would: an officer finds receipts and files by number, by a Hindi word of the subject and by the
 * sender, with facet counts, and finds only what she may read; an eo:receipt planted outside the series
 * trees is never found, whatever it says.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SearchApi } from '@alfresco/js-api';
import {
  departmentSite,
  createInIntake,
  registerItem,
  readSearch,
  searchRequest,
  type SearchFilters,
  type SearchResult
} from '@eoffice/domain';
import { actOn, item, openFile, registrationClient, startDepartment, startMovement, type Department } from './movement-support';
import { artefacts } from './support';

// Officers of config/hierarchy/gad.hierarchy.json.
const CRU = 'pooja.patel';
const ASO1 = 'amit.kumar'; // ASO_EST_1
const SO = 'priya.nair'; // SO_EST

describe('e-Office search', () => {
  let d: Department;
  const site = departmentSite(artefacts().hierarchy);
  let sent: { id: string; number: string; computerNumber: string };
  let kept: string;
  let file: string;
  let planted: string;

  /** Diarises a receipt from a sender, as the Central Registry does. */
  async function diarise(subject: string, sender: Record<string, string>): Promise<string> {
    const client = registrationClient(await d.as(CRU));
    const id = await createInIntake(client, d.docLib, 'CRU', 'eo:receipt', {
      'eo:receiptSection': 'EST',
      'eo:subject': subject,
      'eo:receivedDate': new Date().toISOString().slice(0, 10),
      'eo:diarisedDate': new Date().toISOString(),
      'eo:deliveryMode': 'Post',
      ...sender
    });
    return (await registerItem(client, id, 'CRU')).id;
  }

  async function search(user: string, text: string, filters: SearchFilters = {}): Promise<SearchResult> {
    const acs = user === 'admin' ? d.admin : await d.as(user);
    const body = searchRequest({ site, text, filters, skipCount: 0, maxItems: 50 });
    assert.ok(body, 'a search body');
    return readSearch((await new SearchApi(acs.api).search(body as never)) as never);
  }
  const ids = (r: SearchResult) => r.hits.map((h) => h.id).sort();

  before(async () => {
    d = await startDepartment();
    const sentId = await diarise('वेतन निर्धारण के संबंध में अभ्यावेदन', {
      'eo:senderName': 'रमेश शर्मा',
      'eo:senderOrganisation': 'Ministry of Finance'
    });
    const p = await item(d, sentId);
    sent = { id: sentId, number: String(p['eo:receiptNumber']), computerNumber: String(p['eo:computerNumber'] ?? '') };
    // sent on to the Section Officer (EST): from now on she holds it and may read it
    const process = await startMovement(await d.as(CRU), sentId, 'CRU');
    await actOn(d, process, CRU, { eowf_action: 'send', eowf_to: 'SO_EST' });
    // still with the Central Registry, never sent: not for the Section Officer's eyes
    kept = await diarise('वेतन निर्धारण नियम पर प्रश्न', { 'eo:senderName': 'Kiran Rao', 'eo:senderOrganisation': 'Ministry of Finance' });
    // opened by an Assistant Section Officer and not moved: his alone
    file = await openFile(d, ASO1, 'वेतन निर्धारण नीति');
    // an eo:receipt the Section Officer writes in her own space, copying the real one: she may read it, but
    // it is not at its place in a series tree, so no search may offer it
    const real = await item(d, sentId);
    planted = (
      await (
        await d.as(SO)
      ).nodes.createNode('-my-', {
        name: 'planted',
        nodeType: 'eo:receipt',
        properties: {
          'eo:receiptNumber': real['eo:receiptNumber'],
          'eo:receiptSerial': real['eo:receiptSerial'],
          'eo:receiptForm': real['eo:receiptForm'],
          'eo:subject': 'वेतन निर्धारण',
          'eo:senderName': 'रमेश शर्मा',
          'eo:receivedDate': real['eo:receivedDate'],
          'eo:diarisedDate': real['eo:diarisedDate'],
          'eo:deliveryMode': 'Post',
          'eo:mainCategory': real['eo:mainCategory'] ?? 'General',
          'eo:status': 'inMovement',
          'eo:currentHolder': d.group('SO_EST')
        }
      } as never)
    ).entry.id;
  });

  after(() => d?.stop());

  it('finds a receipt by its number, typed in small letters or in part', async () => {
    assert.match(sent.number, /\/EST-/);
    const whole = await search(SO, sent.number.toLowerCase());
    assert.deepEqual(ids(whole), [sent.id]);
    assert.equal(whole.hits[0].kind, 'receipt');
    assert.equal(whole.hits[0].number, sent.number);
    assert.equal(whole.hits[0].holder, d.group('SO_EST'));
    assert.equal(whole.hits[0].status, 'inMovement');
    const serial = sent.number.split('/')[0];
    assert.ok((await search(SO, `${serial}/`)).hits.some((h) => h.id === sent.id));
  });

  it('finds a receipt by the leading digits of its Computer No.', async () => {
    assert.ok(sent.computerNumber, 'the receipt has a Computer No.');
    assert.deepEqual(ids(await search(SO, sent.computerNumber)), [sent.id]);
  });

  it('finds by a Hindi word of the subject only what the officer may read', async () => {
    assert.equal((await (await d.as(SO)).nodes.getNode(planted)).entry.id, planted, 'she may read the planted receipt');
    const so = await search(SO, 'निर्धारण');
    assert.deepEqual(ids(so), [sent.id], 'neither what she may not read nor the receipt she planted');
    assert.equal(so.total, 1);
    const cru = await search(CRU, 'निर्धारण');
    assert.deepEqual(ids(cru), [kept, sent.id].sort());
    const aso = await search(ASO1, 'निर्धारण');
    assert.deepEqual(ids(aso), [file]);
    assert.equal(aso.hits[0].kind, 'file');
  });

  it('finds by the sender name in Devanagari and the organisation in Latin', async () => {
    assert.deepEqual(ids(await search(SO, 'रमेश')), [sent.id]);
    assert.deepEqual(ids(await search(SO, 'finance')), [sent.id]);
    assert.deepEqual(ids(await search(CRU, 'Kiran finance')), [kept]);
  });

  it('counts what was found by kind, status, section and holder, and narrows by a chip', async () => {
    const admin = await search('admin', 'निर्धारण');
    assert.deepEqual(ids(admin), [file, kept, sent.id].sort(), 'the planted receipt is not found');
    assert.ok(!admin.hits.some((h) => h.id === planted));
    assert.deepEqual(
      admin.facets.kind.map((c) => [c.value, c.count]),
      [
        ['receipt', 2],
        ['file', 1]
      ]
    );
    assert.deepEqual(admin.facets.section, [{ group: 'section', value: 'EST', count: 3 }]);
    const byStatus = Object.fromEntries(admin.facets.status.map((c) => [c.value, c.count]));
    assert.equal(byStatus['inMovement'], 1);
    assert.equal(
      admin.facets.status.reduce((n, c) => n + c.count, 0),
      3
    );
    const year = new Date().getFullYear();
    if (year === 2026 || year === 2025) assert.equal(admin.facets.year.find((c) => c.value === String(year))?.count, 3);
    const files = await search('admin', 'निर्धारण', { kind: 'file' });
    assert.deepEqual(ids(files), [file]);
    const withSo = await search('admin', 'निर्धारण', { holder: d.group('SO_EST') });
    assert.deepEqual(ids(withSo), [sent.id]);
  });

  it('counts each facet over what the other chosen chips leave, so a chosen chip can be switched', async () => {
    const files = await search('admin', 'निर्धारण', { kind: 'file' });
    assert.deepEqual(ids(files), [file]);
    // the Kind facet ignores its own chip: the two receipts are still counted, to switch to
    assert.deepEqual(
      files.facets.kind.map((c) => [c.value, c.count]),
      [
        ['receipt', 2],
        ['file', 1]
      ]
    );
    // the other facets count the files only
    assert.deepEqual(files.facets.section, [{ group: 'section', value: 'EST', count: 1 }]);
    assert.equal(
      files.facets.status.reduce((n, c) => n + c.count, 0),
      1
    );
    const year = String(new Date().getFullYear());
    assert.deepEqual(files.facets.year, [{ group: 'year', value: year, count: 1 }]);
    // two chips: the Kind facet counts what the holder chip leaves, the holder facet what the kind chip leaves
    const receiptsWithSo = await search('admin', 'निर्धारण', { kind: 'receipt', holder: d.group('SO_EST') });
    assert.deepEqual(ids(receiptsWithSo), [sent.id]);
    assert.deepEqual(
      receiptsWithSo.facets.kind.map((c) => [c.value, c.count]),
      [['receipt', 1]]
    );
    const holders = Object.fromEntries(receiptsWithSo.facets.holder.map((c) => [c.value, c.count]));
    assert.equal(holders[d.group('SO_EST')], 1);
    assert.equal(
      Object.values(holders).reduce((n, c) => n + c, 0),
      2,
      'both receipts, with whoever holds them'
    );
  });

  it('finds nothing for words nobody wrote', async () => {
    const none = await search(CRU, 'अनुपस्थित');
    assert.equal(none.total, 0);
    assert.deepEqual(none.hits, []);
  });
});
