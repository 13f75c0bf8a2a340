/**
 * Unfiled Records (issue 17): where a section's incoming papers wait as records before the records manager
 * files them into a record folder. Served as AGS's unfiled-containers and unfiled-record-folders
 * endpoints; what may be created there holds for the core API too (UnfiledRecordContainerType,
 * UnfiledRecordFolderType), and an officer without a file plan role is refused (403).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, RecordCategoriesApi, UnfiledContainersApi, UnfiledRecordFoldersApi } from '@alfresco/js-api';
import { expectError } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

interface Child {
  id: string;
  name: string;
  isRecord: boolean;
  isUnfiledRecordFolder: boolean;
}

describe('GS: unfiled records and unfiled record folders', () => {
  const repo = useTestRepository();
  const gs = (method: string, path: string, body?: unknown, user = 'admin') =>
    repo().request(method, `${API.gs}${path}`, { body, auth: [user, user] });
  let unfiledId = '';
  let inwardId = '';
  let letterId = '';

  before(async () => {
    const admin = await repo().api();
    await new GsSitesApi(admin).createRMSite({ title: 'Records' });
    const filePlanId = (await new FilePlansApi(admin).getFilePlan('-filePlan-')).entry.id;
    await repo().createUser('officer');
    await repo().createUser('rmuser');
    const added = await repo().request('POST', `${API.core}/groups/GROUP_User${filePlanId}/members`, {
      body: { id: 'rmuser', memberType: 'PERSON' }
    });
    assert.equal(added.status, 201);
  });

  it('reads Unfiled Records by its alias and makes an unfiled record folder and a record in one request', async () => {
    const api = new UnfiledContainersApi(await repo().api());
    const container = (await api.getUnfiledContainer('-unfiled-')).entry;
    assert.equal(container.nodeType, 'rma:unfiledRecordContainer');
    assert.equal(container.name, 'Unfiled Records');
    unfiledId = container.id;
    const made = await gs('POST', '/unfiled-containers/-unfiled-/children', [
      { name: 'Inward 2026', nodeType: 'rma:unfiledRecordFolder' },
      { name: 'Letter from SSC', nodeType: 'cm:content', properties: { 'cm:title': 'Letter from SSC' } }
    ]);
    assert.equal(made.status, 201);
    const [folder, letter] = entriesOf(made.body as { list: { entries: { entry: Child }[] } });
    assert.deepEqual([folder.isUnfiledRecordFolder, folder.isRecord], [true, false]);
    assert.deepEqual([letter.isUnfiledRecordFolder, letter.isRecord], [false, true]);
    inwardId = folder.id;
    letterId = letter.id;
    const record = await gs('GET', `/records/${letterId}?include=aspectNames,properties`);
    assert.equal(record.status, 200, 'content made there is a record');
    const entry = (record.body as { entry: { aspectNames: string[]; properties: Record<string, unknown> } }).entry;
    assert.ok(entry.properties['rma:identifier']);
    assert.equal(entry.properties['rma:dateFiled'], undefined, 'not filed yet');
  });

  it('makes records in an unfiled record folder too, and lists children by kind', async () => {
    const api = new UnfiledRecordFoldersApi(await repo().api());
    const made = (
      (await api.createUnfiledRecordFolderChildren(inwardId, { name: 'RTI application 17', nodeType: 'cm:content' })) as unknown as {
        entry: Child;
      }
    ).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(made.isRecord, true);
    const records = entriesOf(
      (await gs('GET', '/unfiled-containers/-unfiled-/children?where=(isRecord=true)')).body as { list: { entries: { entry: Child }[] } }
    );
    assert.deepEqual(
      records.map((c) => c.name),
      ['Letter from SSC']
    );
    const folders = entriesOf(
      (await gs('GET', `/unfiled-containers/${unfiledId}/children?where=(isUnfiledRecordFolder=true)&includeSource=true`)).body as {
        list: { entries: { entry: Child }[] };
      }
    );
    assert.deepEqual(
      folders.map((c) => c.name),
      ['Inward 2026']
    );
    const renamed = await gs('PUT', `/unfiled-record-folders/${inwardId}`, { name: 'Inward 2026-27' });
    assert.equal(renamed.status, 200);
    assert.equal((renamed.body as { entry: { name: string } }).entry.name, 'Inward 2026-27');
  });

  it('takes only unfiled record folders and content there, through the GS and the core API (422)', async () => {
    expectError(await gs('POST', '/unfiled-containers/-unfiled-/children', { name: 'Plain', nodeType: 'cm:folder' }), 422);
    expectError(await gs('POST', `/unfiled-record-folders/${inwardId}/children`, { name: 'F', nodeType: 'rma:recordFolder' }), 422);
    expectError(await gs('POST', '/unfiled-containers/-unfiled-/children', { name: 'X' }), 400);
    const core = await repo().request('POST', `${API.core}/nodes/${unfiledId}/children`, {
      body: { name: 'Sneaky', nodeType: 'cm:folder' }
    });
    expectError(core, 422);
    const category = await gs('POST', '/unfiled-containers/-unfiled-/children', { name: 'Cat', nodeType: 'rma:recordCategory' });
    expectError(category, 422);
    expectError(await gs('GET', `/unfiled-record-folders/${letterId}`), 400);
  });

  it('refuses an officer without a file plan role (403) and a Records Management User folders (403)', async () => {
    expectError(await gs('GET', '/unfiled-containers/-unfiled-', undefined, 'officer'), 403);
    expectError(await gs('GET', '/unfiled-containers/-unfiled-/children', undefined, 'officer'), 403);
    expectError(await gs('POST', '/unfiled-containers/-unfiled-/children', { name: 'Mine', nodeType: 'cm:content' }, 'officer'), 403);
    expectError(
      await gs('POST', '/unfiled-containers/-unfiled-/children', { name: 'Mine', nodeType: 'rma:unfiledRecordFolder' }, 'rmuser'),
      403
    );
    expectError(await gs('DELETE', `/unfiled-record-folders/${inwardId}`, undefined, 'rmuser'), 403);
  });

  it('files an unfiled record into a record folder, out of Unfiled Records', async () => {
    const admin = await repo().api();
    const cat = (await new FilePlansApi(admin).createFilePlanCategories('-filePlan-', { name: 'C', nodeType: 'rma:recordCategory' })).entry;
    const folder = (
      await new RecordCategoriesApi(admin).createRecordCategoryChild(cat.id, { name: 'A-1-2026', nodeType: 'rma:recordFolder' })
    ).entry;
    assert.equal((await gs('POST', `/records/${letterId}/file`, { targetParentId: folder.id })).status, 201);
    const left = entriesOf(
      (await gs('GET', '/unfiled-containers/-unfiled-/children?where=(isRecord=true)')).body as { list: { entries: { entry: Child }[] } }
    );
    assert.deepEqual(left, []);
    assert.equal((await gs('DELETE', `/unfiled-record-folders/${inwardId}`)).status, 204);
  });
});
