/**
 * Governance Services (issue 17): records made in record folders and declared from a department's
 * documents, completed so that nobody changes them, and legal holds that keep them from deletion — each
 * rule tried through the GS API and through the core /nodes API an officer could call instead, as an
 * adversary would. Statuses and messages are AGS's (docs/governance-services.md).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import {
  FilePlansApi,
  FilesApi,
  GsSitesApi,
  NodesApi,
  RecordCategoriesApi,
  RecordFoldersApi,
  RecordsApi,
  SitesApi
} from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

describe('GS: records, completion and legal holds', () => {
  const repo = useTestRepository();
  const as = async (user = 'admin') => {
    const api = await repo().api(user, user === 'admin' ? 'admin' : user);
    return {
      api,
      filePlans: new FilePlansApi(api),
      categories: new RecordCategoriesApi(api),
      folders: new RecordFoldersApi(api),
      records: new RecordsApi(api),
      files: new FilesApi(api),
      nodes: new NodesApi(api),
      sites: new SitesApi(api)
    };
  };
  const gs = (method: string, path: string, body?: unknown, auth: [string, string] = ['admin', 'admin']) =>
    repo().request(method, `${API.gs}${path}`, { body, auth });
  let folderId = '';
  let docLib = '';

  before(async () => {
    await repo().createUser('officer');
    const admin = await as();
    await new GsSitesApi(admin.api).createRMSite({ title: 'Records' });
    const cat = (await admin.filePlans.createFilePlanCategories('-filePlan-', { name: 'Category-C', nodeType: 'rma:recordCategory' }))
      .entry;
    folderId = (await admin.categories.createRecordCategoryChild(cat.id, { name: 'A-12-2026', nodeType: 'rma:recordFolder' })).entry.id;
    // A collaboration site where the officer keeps the department's working documents.
    await admin.sites.createSite({ id: 'estt', title: 'Establishment', visibility: 'PRIVATE' });
    await admin.sites.createSiteMembership('estt', { id: 'officer', role: 'SiteCollaborator' });
    docLib = (await admin.sites.getSiteContainer('estt', 'documentLibrary')).entry.folderId;
  });

  const officerDoc = async (name: string) => {
    const { nodes } = await as('officer');
    const doc = (await nodes.createNode(docLib, { name, nodeType: 'cm:content', properties: { 'cm:title': name } })).entry;
    await nodes.updateNodeContent(doc.id, `Note of ${name}` as never);
    return doc.id;
  };

  it('makes a record in a record folder, completes it once (201, then 422), and lists it as completed', async () => {
    const { folders, records } = await as();
    const made = (await folders.createRecordFolderChild(folderId, { name: 'Sanction order', nodeType: 'cm:content' })).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    const read = (await records.getRecord(made.id, { include: ['isCompleted', 'aspectNames', 'properties'] })).entry;
    assert.equal(read.isCompleted, false);
    assert.ok(read.aspectNames!.includes('rma:record'));
    assert.ok(read.properties!['rma:dateFiled'], 'filed in a folder: rma:dateFiled set');
    const completed = (await records.completeRecord(made.id, { include: ['isCompleted'] })).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(completed.isCompleted, true);
    const again = await rejectionOf(records.completeRecord(made.id));
    expectError(again, 422);
    assert.match(String(again.message), /The record is already completed\./);
    const listed = entriesOf(await folders.listRecordFolderChildren(folderId, { include: ['isCompleted'] }));
    assert.deepEqual(
      listed.map((r) => [r.name, r.isCompleted]),
      [['Sanction order', true]]
    );
    // The records endpoints take records only.
    expectError(await rejectionOf(records.getRecord(folderId)), 400);
    expectError(await rejectionOf(records.completeRecord(folderId)), 400);
  });

  it('makes content created in a record folder a record through the core API too, and keeps folders out of categories', async () => {
    const { nodes, records } = await as();
    const made = (await nodes.createNode(folderId, { name: 'Uploaded letter', nodeType: 'cm:content' })).entry;
    const record = (await records.getRecord(made.id, { include: ['aspectNames', 'properties', 'isCompleted'] })).entry;
    assert.ok(record.aspectNames!.includes('rma:record'), 'filed as AGS files any content created in a record folder');
    assert.match(String(record.properties!['rma:identifier']), /^\d{4}-\d{10}$/);
    assert.equal(record.isCompleted, false);
    const fp = (await (await as()).filePlans.getFilePlanCategories('-filePlan-')).list!.entries![0].entry;
    const loose = await rejectionOf(nodes.createNode(fp.id, { name: 'Loose papers', nodeType: 'cm:folder' }));
    expectError(loose, 422);
    assert.match(String(loose.message), /You can't create cm:folder here\./);
    expectError(await rejectionOf(nodes.createNode(folderId, { name: 'Sub folder', nodeType: 'cm:folder' })), 422);
  });

  it('declares an officer’s document as a record: moved to the file plan, still readable where it was, never declared twice', async () => {
    const docId = await officerDoc('Note 14');
    const { files, nodes } = await as('officer');
    const declared = (await files.declareRecord(docId)).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(declared.id, docId);
    const admin = await as();
    const unfiled = (await admin.nodes.getNode(declared.parentId!)).entry;
    assert.equal(unfiled.nodeType, 'rma:unfiledRecordContainer');
    // Still readable by the officer where it was (in-place reader), but no longer hers to change.
    const mine = (await nodes.getNode(docId, { include: ['aspectNames'] })).entry;
    assert.ok(mine.aspectNames!.includes('rma:record'));
    const parents = entriesOf(await admin.nodes.listParents(docId, { include: ['association'] } as never)) as {
      id: string;
      association?: { isPrimary: boolean };
    }[];
    assert.ok(
      parents.some((p) => p.id === docLib && p.association?.isPrimary === false),
      'a secondary link stays in the site'
    );
    const twice = await rejectionOf((await as()).files.declareRecord(docId));
    expectError(twice, 422);
    assert.match(String(twice.message), /is already a record/);
    // A folder is no document (422); a stranger cannot declare what she cannot read (404).
    const folder = (await (await as('officer')).nodes.createNode(docLib, { name: 'Some folder', nodeType: 'cm:folder' })).entry;
    expectError(await rejectionOf(files.declareRecord(folder.id)), 422);
  });

  it('files a declared record from Unfiled Records into a record folder (201) and refuses a closed folder (403)', async () => {
    const docId = await officerDoc('Note 15');
    await (await as('officer')).files.declareRecord(docId, { hideRecord: true });
    const { records, folders } = await as();
    const filed = (await records.fileRecord(docId, { targetParentId: folderId })).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(filed.parentId, folderId);
    assert.ok(entriesOf(await folders.listRecordFolderChildren(folderId)).some((r) => r.id === docId));
    // A category is no record folder (400).
    const fp = (await (await as()).filePlans.getFilePlanCategories('-filePlan-')).list!.entries![0].entry;
    expectError(await rejectionOf(records.fileRecord(docId, { targetParentId: fp.id })), 400);

    // Closed through the web script AGS's screens use; a closed folder takes no new record (422) and no
    // filing (403), and opens again the same way.
    // A web script, outside the REST definitions the recorder checks.
    repo().recorder.ignore((x) => x.url.includes('/api/rma/actions/ExecutionQueue'));
    const queue = (body: unknown) => repo().request('POST', '/alfresco/s/api/rma/actions/ExecutionQueue', { body });
    const closed = await queue({ name: 'closeRecordFolder', nodeRef: `workspace://SpacesStore/${folderId}` });
    assert.equal(closed.status, 200);
    assert.match(String((closed.body as { message: string }).message), /Successfully queued action \[closeRecordFolder\]/);
    assert.equal((await folders.getRecordFolder(folderId, { include: ['isClosed'] })).entry.isClosed, true);
    const another = await officerDoc('Note 15a');
    await (await as('officer')).files.declareRecord(another, { hideRecord: true });
    expectError(await rejectionOf(records.fileRecord(another, { targetParentId: folderId })), 403);
    const late = await rejectionOf(folders.createRecordFolderChild(folderId, { name: 'Late paper', nodeType: 'cm:content' }));
    expectError(late, 422);
    assert.match(String(late.message), /You can't add new items to a closed record folder\./);
    const unknown = await queue({ name: 'shred', nodeRef: `workspace://SpacesStore/${folderId}` });
    assert.equal(unknown.status, 500);
    assert.match(String((unknown.body as { message: string }).message), /The records management action shred hasn't been defined\./);
    assert.equal((await queue({ name: 'closeRecordFolder', nodeRef: 'workspace://SpacesStore/nope' })).status, 404);
    // An officer without a file plan role cannot reopen it.
    const officerOpen = await repo().request('POST', '/alfresco/s/api/rma/actions/ExecutionQueue', {
      body: { name: 'openRecordFolder', nodeRef: `workspace://SpacesStore/${folderId}` },
      auth: ['officer', 'officer']
    });
    assert.equal(officerOpen.status, 403);
    assert.equal((await queue({ name: 'openRecordFolder', nodeRef: `workspace://SpacesStore/${folderId}` })).status, 200);
    assert.equal((await folders.getRecordFolder(folderId, { include: ['isClosed'] })).entry.isClosed, false);
  });

  it('keeps a completed record as it was: name, title and content refused through the GS and the core API', async () => {
    const docId = await officerDoc('Note 16');
    const officer = await as('officer');
    await officer.files.declareRecord(docId);
    const admin = await as();
    await admin.records.completeRecord(docId);
    // Even the records administrator may not rename or retitle a completed record (403).
    const gsRename = await rejectionOf(admin.records.updateRecord(docId, { name: 'Forged' }));
    expectError(gsRename, 403);
    assert.match(
      String(gsRename.message),
      /does not have the permission to edit the record property \{http:\/\/www\.alfresco\.org\/model\/content\/1\.0\}name/
    );
    expectError(await rejectionOf(admin.nodes.updateNode(docId, { properties: { 'cm:title': 'Forged title' } })), 403);
    // Nobody changes a record's content (422), completed or not.
    expectError(await rejectionOf(admin.nodes.updateNodeContent(docId, 'forged text' as never)), 422);
    // The officer who wrote it cannot reach it through the core API either: it is no longer hers.
    const officerTry = await rejectionOf(officer.nodes.updateNode(docId, { properties: { 'cm:title': 'Mine again' } }));
    assert.ok([403, 404].includes(officerTry.status ?? 0), `refused (${officerTry.status})`);
    expectError(await rejectionOf(officer.nodes.deleteNode(docId)), 403);
    const still = (await admin.records.getRecord(docId, { include: ['properties'] })).entry;
    // Declaring named it with its identifier, as AGS does (RecordUtils.appendIdentifierToName); nothing since.
    assert.match(still.name, /^Note 16 \(\d{4}-\d{10}\)$/);
    assert.equal(still.properties!['cm:title'], 'Note 16');
    // Record metadata stays editable for the records manager (EditDeclaredRecordMetadata).
    const located = (
      await admin.records.updateRecord(docId, { properties: { 'rma:location': 'Record room, shelf 4' } }, { include: ['properties'] })
    ).entry;
    assert.equal(located.properties!['rma:location'], 'Record room, shelf 4');
  });

  it('puts a record folder on hold: nothing in it can be deleted or changed until the hold is released', async () => {
    const { folders, records, nodes } = await as();
    const rec = (await folders.createRecordFolderChild(folderId, { name: 'RTI reply', nodeType: 'cm:content' })).entry;
    const made = await gs('POST', '/file-plans/-filePlan-/holds', {
      name: 'WP 1234 of 2026',
      reason: 'Court case: WP 1234/2026',
      description: 'High Court'
    });
    assert.equal(made.status, 201);
    const hold = (made.body as { entry: { id: string; reason: string } }).entry;
    assert.equal(hold.reason, 'Court case: WP 1234/2026');
    assert.equal((await gs('POST', '/file-plans/-filePlan-/holds', { name: 'No reason' })).status, 400);
    assert.equal((await gs('POST', '/file-plans/-filePlan-/holds', { name: 'WP 1234 of 2026', reason: 'again' })).status, 409);

    assert.equal((await gs('POST', `/holds/${hold.id}/children`, { id: folderId })).status, 201);
    const frozen = (await records.getRecord(rec.id, { include: ['aspectNames'] })).entry;
    assert.ok(frozen.aspectNames!.includes('rma:frozen'), 'the folder’s records are frozen with it');
    const del = await rejectionOf(nodes.deleteNode(rec.id));
    expectError(del, 403);
    assert.match(String(del.message), /Frozen content can't be deleted\./);
    expectError(await rejectionOf(records.deleteRecord(rec.id)), 403);
    expectError(await rejectionOf(folders.deleteRecordFolder(folderId)), 403);
    expectError(await rejectionOf(nodes.updateNode(rec.id, { properties: { 'cm:description': 'x' } })), 403);
    expectError(await rejectionOf(records.completeRecord(rec.id)), 422);
    // A category cannot be held (400), nor can the file plan.
    const fpCats = (await (await as()).filePlans.getFilePlanCategories('-filePlan-')).list!.entries!;
    assert.equal((await gs('POST', `/holds/${hold.id}/children`, { id: fpCats[0].entry.id })).status, 400);
    const held = (await gs('GET', `/holds/${hold.id}/children`)).body as { list: { entries: { entry: { id: string } }[] } };
    assert.deepEqual(
      held.list.entries.map((e) => e.entry.id),
      [folderId]
    );
    // An officer without a file plan role sees no holds and can release none.
    assert.equal((await gs('GET', `/holds/${hold.id}`, undefined, ['officer', 'officer'])).status, 403);
    assert.equal((await gs('DELETE', `/holds/${hold.id}/children/${folderId}`, undefined, ['officer', 'officer'])).status, 403);

    assert.equal((await gs('DELETE', `/holds/${hold.id}/children/${folderId}`)).status, 204);
    const released = (await records.getRecord(rec.id, { include: ['aspectNames'] })).entry;
    assert.ok(!released.aspectNames!.includes('rma:frozen'));
    await records.deleteRecord(rec.id);
    assert.equal(repo().recorder.last()!.status, 204);
  });

  it('deletes a hold with a reason, releasing what it held', async () => {
    const { folders, records } = await as();
    const rec = (await folders.createRecordFolderChild(folderId, { name: 'Appeal papers', nodeType: 'cm:content' })).entry;
    const hold = (
      (await gs('POST', '/file-plans/-filePlan-/holds', { name: 'RTI appeal 77', reason: 'RTI second appeal' })).body as {
        entry: { id: string };
      }
    ).entry;
    await gs('POST', `/holds/${hold.id}/children`, { id: rec.id });
    const deleted = await gs('POST', `/holds/${hold.id}/delete`, { reason: 'Appeal disposed of' });
    assert.equal(deleted.status, 200);
    assert.deepEqual((deleted.body as { entry: unknown }).entry, { reason: 'Appeal disposed of' });
    assert.equal((await gs('GET', `/holds/${hold.id}`)).status, 404);
    const after = (await records.getRecord(rec.id, { include: ['aspectNames'] })).entry;
    assert.ok(!after.aspectNames!.includes('rma:frozen'));
    const holds = (await gs('GET', '/file-plans/-filePlan-/holds')).body as { list: { entries: { entry: { name: string } }[] } };
    assert.ok(!holds.list.entries.some((e) => e.entry.name === 'RTI appeal 77'));
  });
});
