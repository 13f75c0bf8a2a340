/**
 * Putting a whole search on hold (issue 17): an RTI appeal freezes every paper of a section found by a
 * query, through POST /holds/{id}/bulk and its bulk statuses (AGS's HoldBulkServiceImpl). An item the hold
 * refuses is counted with AGS's error, the rest are held; callers without the AddToHold capability are
 * refused (403), as AGS's AddToHoldsBulkV1Tests expect.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, NodesApi, SitesApi } from '@alfresco/js-api';
import { expectError } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

interface Status {
  bulkStatusId: string;
  status: string;
  totalItems: number;
  processedItems: number;
  errorsCount: number;
  lastError?: string;
  holdBulkOperation: { op: string; query: { query: string } };
}

describe('GS: holds in bulk, by a search', () => {
  const repo = useTestRepository();
  const gs = (method: string, path: string, body?: unknown, user = 'admin') =>
    repo().request(method, `${API.gs}${path}`, { body, auth: [user, user] });
  let holdId = '';
  let query = '';

  before(async () => {
    const admin = await repo().api();
    await new GsSitesApi(admin).createRMSite({ title: 'Records' });
    const filePlanId = (await new FilePlansApi(admin).getFilePlan('-filePlan-')).entry.id;
    await repo().createUser('officer');
    await repo().createUser('poweruser');
    const added = await repo().request('POST', `${API.core}/groups/GROUP_PowerUser${filePlanId}/members`, {
      body: { id: 'poweruser', memberType: 'PERSON' }
    });
    assert.equal(added.status, 201);
    await new SitesApi(admin).createSite({ id: 'rti', title: 'RTI cell', visibility: 'PRIVATE' });
    const docLib = (await new SitesApi(admin).getSiteContainer('rti', 'documentLibrary')).entry.folderId;
    const nodes = new NodesApi(admin);
    for (const name of ['Application 1', 'Reply 1', 'First appeal 1'])
      await nodes.createNode(docLib, { name, nodeType: 'cm:content', properties: { 'cm:title': name } });
    await nodes.createNode(docLib, { name: 'Working papers', nodeType: 'cm:folder' });
    query = `PARENT:"workspace://SpacesStore/${docLib}"`;
    holdId = (
      (await gs('POST', '/file-plans/-filePlan-/holds', { name: 'RTI second appeal 4', reason: 'RTI: second appeal before the CIC' }))
        .body as { entry: { id: string } }
    ).entry.id;
  });

  it('refuses callers without AddToHold (403), a missing operation (400) and a hold that does not exist (404)', async () => {
    const body = { query: { query, language: 'afts' }, op: 'ADD' };
    expectError(await gs('POST', `/holds/${holdId}/bulk`, body, 'officer'), 403);
    expectError(await gs('POST', `/holds/${holdId}/bulk`, body, 'poweruser'), 403);
    expectError(await gs('POST', `/holds/${holdId}/bulk`, { query: body.query }), 400);
    expectError(await gs('POST', `/holds/${holdId}/bulk`, { op: 'ADD' }), 400);
    expectError(await gs('POST', '/holds/no-such-hold/bulk', body), 404);
    expectError(await gs('GET', `/holds/${holdId}/bulk-statuses`, undefined, 'officer'), 403);
    const held = await gs('GET', `/holds/${holdId}/children`);
    assert.deepEqual(entriesOf(held.body as { list: { entries: { entry: unknown }[] } }), [], 'nothing was held');
  });

  it('holds what the search finds, counts what a hold cannot take, and reports the process as done', async () => {
    const started = await gs('POST', `/holds/${holdId}/bulk`, { query: { query, language: 'afts' }, op: 'ADD' });
    assert.equal(started.status, 202);
    const { bulkStatusId, totalItems } = (started.body as { entry: { bulkStatusId: string; totalItems: number } }).entry;
    assert.equal(totalItems, 4);
    const held = entriesOf((await gs('GET', `/holds/${holdId}/children`)).body as { list: { entries: { entry: { id: string } }[] } });
    assert.equal(held.length, 3, 'the three documents are held, the folder is not');
    const status = ((await gs('GET', `/holds/${holdId}/bulk-statuses/${bulkStatusId}`)).body as { entry: Status }).entry;
    assert.equal(status.status, 'DONE');
    assert.deepEqual([status.totalItems, status.processedItems, status.errorsCount], [4, 4, 1]);
    assert.match(String(status.lastError), /Only records, record folders or content can be added to a hold/);
    assert.equal(status.holdBulkOperation.op, 'ADD');
    const all = entriesOf((await gs('GET', `/holds/${holdId}/bulk-statuses`)).body as { list: { entries: { entry: Status }[] } });
    assert.deepEqual(
      all.map((s) => s.bulkStatusId),
      [bulkStatusId]
    );
    expectError(await gs('GET', `/holds/${holdId}/bulk-statuses/no-such-status`), 404);
    // A finished process stays DONE when cancelled late.
    assert.equal((await gs('POST', `/holds/${holdId}/bulk-statuses/${bulkStatusId}/cancel`, { reason: 'late' })).status, 200);
    assert.equal(((await gs('GET', `/holds/${holdId}/bulk-statuses/${bulkStatusId}`)).body as { entry: Status }).entry.status, 'DONE');
  });
});
