/**
 * Category A of CSMOP (issue 17): a file kept for good is cut off when its case closes, transferred to the
 * record room and then accessioned to the National Archives. The transfer and accession steps run through
 * AGS's ExecutionQueue (TransferAction: a transfer object in the Transfers container holds the folder until
 * transferComplete / accessionComplete), each an audit entry; the GS API reads transfers. The file plan's
 * roles and capabilities are listed as AGS's FilePlanRolesRelation lists them. Officers and power users try
 * each step directly and are refused with AGS's statuses.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import {
  FilePlansApi,
  GsSitesApi,
  RecordCategoriesApi,
  RecordFoldersApi,
  RecordsApi,
  TransferContainersApi,
  TransfersApi
} from '@alfresco/js-api';
import { expectError } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

type Json = Record<string, unknown>;
interface Role {
  name: string;
  displayLabel: string;
  capabilities: { name: string; group?: { id: string } }[];
  assignedUsers?: string[];
}

describe('GS: transfers and accessions to the archives, and the file plan roles', () => {
  const repo = useTestRepository();
  const gs = (method: string, path: string, body?: unknown, user = 'admin') =>
    repo().request(method, `${API.gs}${path}`, { body, auth: [user, user] });
  const queue = (name: string, nodeId: string, user = 'admin', params?: Json) =>
    repo().request('POST', '/alfresco/s/api/rma/actions/ExecutionQueue', {
      body: { name, nodeRef: `workspace://SpacesStore/${nodeId}`, params },
      auth: [user, user]
    });
  const messageOf = (r: { body: unknown }) => String((r.body as { message?: string }).message);
  const aspectsOf = async (id: string) =>
    ((await gs('GET', `/records/${id}?include=aspectNames,properties`)).body as { entry: { aspectNames: string[]; properties: Json } })
      .entry;
  const transfersNow = async () =>
    entriesOf(
      (await gs('GET', '/transfer-containers/-transfers-/transfers?include=transferLocation,transferAccessionIndicator')).body as {
        list: { entries: { entry: Json }[] };
      }
    );
  let filePlanId = '';
  let folderId = '';
  let recordId = '';

  before(async () => {
    repo().recorder.ignore((x) => x.url.includes('/api/rma/actions/ExecutionQueue'));
    const admin = await repo().api();
    await new GsSitesApi(admin).createRMSite({ title: 'Records' });
    filePlanId = (await new FilePlansApi(admin).getFilePlan('-filePlan-')).entry.id;
    for (const [user, role] of [
      ['recordsmgr', 'RecordsManager'],
      ['poweruser', 'PowerUser']
    ]) {
      await repo().createUser(user);
      const added = await repo().request('POST', `${API.core}/groups/GROUP_${role}${filePlanId}/members`, {
        body: { id: user, memberType: 'PERSON' }
      });
      assert.equal(added.status, 201);
    }
    await repo().createUser('officer');
    const cat = (await new FilePlansApi(admin).createFilePlanCategories('-filePlan-', { name: 'A', nodeType: 'rma:recordCategory' })).entry;
    const schedule = (
      (await gs('POST', `/record-categories/${cat.id}/retention-schedules`, { authority: 'CSMOP', instructions: 'Keep for good' }))
        .body as {
        entry: { id: string };
      }
    ).entry;
    const steps = [
      { name: 'cutoff', description: 'On closing the file', period: 'none', periodProperty: 'cm:created', events: ['case_closed'] },
      {
        name: 'transfer',
        description: 'To the record room',
        period: 'immediately',
        periodProperty: 'rma:cutOffDate',
        events: [],
        location: 'Departmental Record Room'
      },
      {
        name: 'accession',
        description: 'To the National Archives',
        period: 'immediately',
        periodProperty: 'rma:dispositionAsOf',
        events: []
      }
    ];
    for (const s of steps) assert.equal((await gs('POST', `/retention-schedules/${schedule.id}/retention-steps`, s)).status, 201);
    folderId = (
      await new RecordCategoriesApi(admin).createRecordCategoryChild(cat.id, { name: 'A-7-2026-Estt', nodeType: 'rma:recordFolder' })
    ).entry.id!;
    recordId = (await new RecordFoldersApi(admin).createRecordFolderChild(folderId, { name: 'Service book', nodeType: 'cm:content' })).entry
      .id!;
    await new RecordsApi(admin).completeRecord(recordId);
    assert.equal((await queue('completeEvent', folderId, 'admin', { eventName: 'case_closed' })).status, 200);
    assert.equal((await queue('cutoff', folderId)).status, 200);
  });

  it('refuses the transfer to an officer and to a power user (403), and to a step that is not next (500)', async () => {
    const officer = await queue('transfer', folderId, 'officer');
    assert.equal(officer.status, 403);
    const power = await queue('transfer', folderId, 'poweruser');
    assert.equal(power.status, 403, 'a power user lacks AuthorizeAllTransfers');
    const notNext = await queue('accession', folderId, 'recordsmgr');
    assert.equal(notNext.status, 500);
    assert.match(messageOf(notNext), /this isn't the next retention action/);
    assert.deepEqual(await transfersNow(), [], 'nothing was transferred');
  });

  it('transfers the folder: a transfer object holds it with the step location; the step stays open', async () => {
    assert.equal((await queue('transfer', folderId, 'recordsmgr')).status, 200);
    const [transfer] = await transfersNow();
    assert.ok(transfer, 'one transfer in the Transfers container');
    assert.match(String(transfer.name), /^\d{10}$/, 'named after the folder database id');
    assert.equal(transfer.transferLocation, 'Departmental Record Room');
    assert.equal(transfer.transferAccessionIndicator, false);
    const admin = await repo().api();
    const read = (await new TransfersApi(admin).getTransfer(String(transfer.id))).entry;
    assert.equal(read.nodeType, 'rma:transfer');
    assert.equal(read.transferPDFIndicator, false);
    const children = entriesOf(
      await new TransfersApi(admin).listTransfersChildren(String(transfer.id), { include: ['isRecordFolder', 'isClosed'] })
    );
    assert.deepEqual(
      children.map((c) => [c.name, c.isRecordFolder, c.isClosed]),
      [['A-7-2026-Estt', true, true]]
    );
    const record = await aspectsOf(recordId);
    assert.ok(record.aspectNames.includes('rma:transferring'), 'its records are in transfer with it');
    const again = await queue('transfer', folderId, 'recordsmgr');
    assert.equal(again.status, 500);
    assert.match(messageOf(again), /already being transferred/);
  });

  it('keeps transfers from the officer and from edits: read 403, created or changed through the core API 422', async () => {
    const [transfer] = await transfersNow();
    expectError(await gs('GET', `/transfers/${transfer.id}`, undefined, 'officer'), 403);
    expectError(await gs('GET', '/transfer-containers/-transfers-/transfers', undefined, 'officer'), 403);
    const edit = await repo().request('PUT', `${API.core}/nodes/${transfer.id}`, { body: { properties: { 'cm:title': 'Mine' } } });
    expectError(edit, 422);
    const make = await repo().request('POST', `${API.core}/nodes/${transfer.id}/children`, { body: { name: 'x', nodeType: 'cm:folder' } });
    expectError(make, 422);
    const wrongType = await gs('GET', `/transfers/${folderId}`);
    expectError(wrongType, 400);
    // The Transfers container itself may be titled (TransferContainerType has no edit rule).
    const titled = await gs('PUT', '/transfer-containers/-transfers-', {
      name: 'To the archives',
      properties: { 'cm:title': 'To the archives' }
    });
    assert.equal(titled.status, 200);
    const container = (await new TransferContainersApi(await repo().api()).getTransferContainer('-transfers-', { include: ['properties'] }))
      .entry;
    assert.equal(container.properties?.['cm:title'], 'To the archives');
    assert.equal(container.name, 'To the archives', 'renamed, still found by its alias');
  });

  it('completes the transfer only when nothing in it is held, then the accession falls due', async () => {
    const [transfer] = await transfersNow();
    const notTransfer = await queue('transferComplete', folderId, 'recordsmgr');
    assert.equal(notTransfer.status, 500);
    assert.match(messageOf(notTransfer), /isn't a transfer object/);
    assert.equal((await queue('transferComplete', String(transfer.id), 'poweruser')).status, 403);

    const hold = (
      (await gs('POST', '/file-plans/-filePlan-/holds', { name: 'RTI appeal 12', reason: 'RTI second appeal' })).body as {
        entry: { id: string };
      }
    ).entry;
    assert.equal((await gs('POST', `/holds/${hold.id}/children`, { id: folderId })).status, 201);
    const held = await queue('transferComplete', String(transfer.id), 'recordsmgr');
    assert.equal(held.status, 500);
    assert.match(messageOf(held), /Could not complete a transfer that contains held folders/);
    assert.equal((await gs('DELETE', `/holds/${hold.id}/children/${folderId}`)).status, 204);

    assert.equal((await queue('transferComplete', String(transfer.id), 'recordsmgr')).status, 200);
    expectError(await gs('GET', `/transfers/${transfer.id}`), 404);
    const record = await aspectsOf(recordId);
    assert.ok(record.aspectNames.includes('rma:transferred'));
    assert.ok(!record.aspectNames.includes('rma:transferring'));
    assert.equal(record.properties['rma:location'], 'Departmental Record Room');
  });

  it('accessions the folder to the archives and audits every step', async () => {
    assert.equal((await queue('accession', folderId, 'recordsmgr')).status, 200);
    const [accession] = await transfersNow();
    assert.equal(accession.transferAccessionIndicator, true);
    assert.equal((await queue('accessionComplete', String(accession.id), 'recordsmgr')).status, 200);
    assert.deepEqual(await transfersNow(), []);
    assert.ok((await aspectsOf(recordId)).aspectNames.includes('rma:ascended'));
    const audit = await repo().request('GET', `${API.core}/nodes/${folderId}/audit-entries?maxItems=50`);
    const actions = (audit.body as { list: { entries: { entry: { values: Record<string, string> } }[] } }).list.entries.map(
      (e) => e.entry.values['/alfresco-access/transaction/action']
    );
    for (const step of ['Transfer', 'Transfer Complete', 'Accession', 'Accession Complete'])
      assert.ok(actions.includes(step), `${step} audited (${actions.join(', ')})`);
  });

  it('lists the file plan roles with their capabilities, filtered as AGS filters them', async () => {
    const roles = async (query: string, user = 'admin') => {
      const r = await gs('GET', `/file-plans/-filePlan-/roles${query}`, undefined, user);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return entriesOf(r.body as { list: { entries: { entry: Role }[] } });
    };
    const all = await roles('');
    assert.deepEqual(
      all.map((r) => r.name),
      ['Administrator', 'ExtendedReaders', 'ExtendedWriters', 'PowerUser', 'RecordsManager', 'SecurityOfficer', 'User']
    );
    const user = all.find((r) => r.name === 'User')!;
    assert.deepEqual(
      user.capabilities.map((c) => c.name),
      ['DeclareRecords', 'ViewRecords'],
      'as RMRolesTests#checkCapabilitiesForUser'
    );
    assert.equal(user.capabilities[0].group?.id, 'records');
    assert.deepEqual(
      (await roles('?where=(systemRoles=false)')).map((r) => r.name),
      ['Administrator', 'PowerUser', 'RecordsManager', 'SecurityOfficer', 'User']
    );
    assert.deepEqual(
      (await roles("?where=(personId='recordsmgr')", 'recordsmgr')).map((r) => r.displayLabel),
      ['Records Management Manager']
    );
    assert.deepEqual(
      (await roles("?where=(capabilityName in ('AuthorizeNominatedTransfers'))")).map((r) => r.name),
      ['Administrator', 'RecordsManager']
    );
    const withUsers = await roles('?include=assignedUsers&where=(systemRoles=false)');
    assert.ok(withUsers.find((r) => r.name === 'PowerUser')!.assignedUsers!.includes('poweruser'));
    expectError(await gs('GET', '/file-plans/-filePlan-/roles', undefined, 'officer'), 403);
    expectError(await gs('GET', "/file-plans/-filePlan-/roles?where=(NOT personId='admin')"), 400);
    expectError(await gs('GET', `/file-plans/${folderId}/roles`), 400);
  });
});
