/**
 * A record uploaded into a record folder with multipart/form-data (POST /record-folders/{id}/records, AGS's
 * RecordFolderChildrenRelation and UploadInfo): the file becomes a filed record, named by the `name` field
 * or the file name, with the `prefix:name` fields as its properties; what AGS refuses is refused here — by
 * the records manager's mistakes and by an officer who tries the endpoint without a file plan role.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, RecordCategoriesApi } from '@alfresco/js-api';
import { API, useTestRepository } from '../support/test-repository';

describe('GS: multipart record upload into a record folder', () => {
  const repo = useTestRepository();
  let folderId = '';
  let categoryId = '';

  const upload = (
    folder: string,
    fields: Record<string, string>,
    file?: { text: string; name: string; type?: string },
    opts: { auth?: [string, string]; query?: string } = {}
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('filedata', new Blob([file.text], { type: file.type ?? 'text/plain' }), file.name);
    return repo().request('POST', `${API.gs}/record-folders/${folder}/records${opts.query ?? ''}`, {
      body: form,
      auth: opts.auth ?? ['recordsmgr', 'recordsmgr']
    });
  };
  interface Entry {
    entry: { id: string; name: string; nodeType: string; aspectNames?: string[]; properties?: Record<string, unknown> };
  }
  const briefOf = (r: { body: unknown }) => String((r.body as { error?: { briefSummary?: string } }).error?.briefSummary);

  before(async () => {
    repo().recorder.ignore(
      (x) =>
        x.url.includes('/api/rma/actions/ExecutionQueue') ||
        // gs-core-api.yaml declares the record's content without a body, and no 409 for a name taken, which
        // AGS answers as the REST framework answers a duplicate child name (ConstraintViolatedException).
        (x.url.includes('/records/') && x.url.endsWith('/content')) ||
        (x.status === 409 && x.url.includes('/record-folders/'))
    );
    const admin = await repo().api();
    await new GsSitesApi(admin).createRMSite({ title: 'Records' });
    const filePlanId = (await new FilePlansApi(admin).getFilePlan('-filePlan-')).entry.id;
    await repo().createUser('recordsmgr');
    const added = await repo().request('POST', `${API.core}/groups/GROUP_RecordsManager${filePlanId}/members`, {
      body: { id: 'recordsmgr', memberType: 'PERSON' }
    });
    assert.equal(added.status, 201);
    await repo().createUser('officer');
    categoryId = (await new FilePlansApi(admin).createFilePlanCategories('-filePlan-', { name: 'C-5', nodeType: 'rma:recordCategory' }))
      .entry.id;
    folderId = (
      await new RecordCategoriesApi(admin).createRecordCategoryChild(categoryId, { name: 'A-11011_7_2026', nodeType: 'rma:recordFolder' })
    ).entry.id;
  });

  it('files the uploaded file as a record with its name, its properties and its content', async () => {
    const made = await upload(
      folderId,
      { name: 'Sanction order.txt', 'cm:title': 'स्वीकृति आदेश — Sanction order', 'cm:description': 'Issued 4 December 2026' },
      { text: 'Sanctioned as proposed. यथा प्रस्तावित स्वीकृत।', name: 'scan-001.txt' },
      { query: '?include=aspectNames,properties' }
    );
    assert.equal(made.status, 201);
    const record = (made.body as Entry).entry;
    assert.equal(record.name, 'Sanction order.txt');
    assert.equal(record.nodeType, 'cm:content');
    assert.ok(record.aspectNames!.includes('rma:record'));
    assert.ok(record.properties!['rma:dateFiled'], 'filed in the folder at once');
    assert.match(String(record.properties!['rma:identifier']), /^\d{4}-\d+$/);
    assert.equal(record.properties!['cm:title'], 'स्वीकृति आदेश — Sanction order');
    const content = await repo().request('GET', `${API.gs}/records/${record.id}/content`, { auth: ['recordsmgr', 'recordsmgr'] });
    assert.equal(content.status, 200);
    assert.equal(String(content.body), 'Sanctioned as proposed. यथा प्रस्तावित स्वीकृत।');
    const listed = await repo().request('GET', `${API.gs}/record-folders/${folderId}/records`, { auth: ['recordsmgr', 'recordsmgr'] });
    assert.deepEqual(
      (listed.body as { list: { entries: Entry[] } }).list.entries.map((e) => e.entry.name),
      ['Sanction order.txt']
    );
  });

  it('names the record by its file when no name is given; a name taken is 409 unless autoRename', async () => {
    const first = await upload(folderId, {}, { text: 'Letter', name: 'letter.txt' });
    assert.equal(first.status, 201);
    assert.equal((first.body as Entry).entry.name, 'letter.txt');
    const again = await upload(folderId, {}, { text: 'Letter again', name: 'letter.txt' });
    assert.equal(again.status, 409);
    const renamed = await upload(folderId, {}, { text: 'Letter again', name: 'letter.txt' }, { query: '?autoRename=true' });
    assert.equal(renamed.status, 201);
    assert.equal((renamed.body as Entry).entry.name, 'letter-1.txt');
  });

  it('refuses what AGS refuses: no file, a folder type, hidden properties, a category, a relative path, a closed folder', async () => {
    const noFile = await upload(folderId, { name: 'Nothing.txt' });
    assert.equal(noFile.status, 400);
    assert.match(briefOf(noFile), /Required parameters are missing/);
    const folderType = await upload(folderId, { nodeType: 'cm:folder' }, { text: 'x', name: 'x.txt' });
    assert.equal(folderType.status, 400);
    assert.match(briefOf(folderType), /Can only upload type of cm:content: \{http:\/\/www\.alfresco\.org\/model\/content\/1\.0\}folder/);
    const hidden = await upload(folderId, { 'sys:node-uuid': 'mine' }, { text: 'x', name: 'y.txt' });
    assert.equal(hidden.status, 400);
    const auditable = await upload(folderId, { 'cm:creator': 'someone.else' }, { text: 'x', name: 'z.txt' });
    assert.equal(auditable.status, 400);
    const onCategory = await upload(categoryId, {}, { text: 'x', name: 'x.txt' });
    assert.equal(onCategory.status, 400);
    const nested = await upload(folderId, { relativePath: 'Annexures' }, { text: 'x', name: 'x.txt' });
    assert.equal(nested.status, 422);

    const admin = await repo().api();
    const closed = (
      await new RecordCategoriesApi(admin).createRecordCategoryChild(categoryId, { name: 'Closed', nodeType: 'rma:recordFolder' })
    ).entry.id;
    const close = await repo().request('POST', '/alfresco/s/api/rma/actions/ExecutionQueue', {
      body: { name: 'closeRecordFolder', nodeRef: `workspace://SpacesStore/${closed}` }
    });
    assert.equal(close.status, 200);
    const intoClosed = await upload(closed, {}, { text: 'x', name: 'x.txt' });
    assert.equal(intoClosed.status, 422);
    assert.match(briefOf(intoClosed), /You can't add new items to a closed record folder\./);
  });

  it('refuses an officer without a file plan role, and leaves nothing behind', async () => {
    const tried = await upload(
      folderId,
      { name: 'Planted.txt' },
      { text: 'planted', name: 'planted.txt' },
      { auth: ['officer', 'officer'] }
    );
    assert.equal(tried.status, 403);
    const listed = await repo().request('GET', `${API.gs}/record-folders/${folderId}/records`, { auth: ['recordsmgr', 'recordsmgr'] });
    assert.ok(!(listed.body as { list: { entries: Entry[] } }).list.entries.some((e) => e.entry.name === 'Planted.txt'));
  });
});
