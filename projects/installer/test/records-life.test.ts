/**
 * A file's whole life as a records manager lives it (issue 17), through the workflow and the public REST API
 * only: a Section Officer opens a file in category C-5 and closes it; its green notes and letters become
 * completed records in place; the records manager — a member of the file plan's Records Manager role, not
 * the administrator — finds them with the core API's searches (AGS sets a declared record's permissions up
 * from the file plan, so a note whose confirmation switched its inheritance off is the records manager's to
 * read all the same), cuts the file off, keeps it five years (the repository's retention clock moved), is
 * refused its destruction while a court case holds it, releases it, destroys it, and finds each destroyed
 * record, metadata kept and content gone, where the destruction register looks (ASPECT:"rma:ghosted").
 */
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { createInIntake, registerItem } from '@eoffice/domain';
import type { Acs } from '../src/acs';
import { recordsManagerGroup } from '../src/retention';
import { PASSWORD, actOn, addNote, item, registrationClient, startDepartment, startMovement, type Department } from './movement-support';

const SO = 'priya.nair'; // SO_EST
const RECORDS_MANAGER = 'records.keeper';
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

interface Found {
  id: string;
  name: string;
  parentId?: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
  content?: { sizeInBytes?: number };
}

describe('records: a C-5 file’s whole life, as the records manager finds it', () => {
  let now = new Date();
  let d: Department;
  let rm: Acs;
  let fileId = '';
  let folderId = '';
  let records: string[] = [];

  const search = async (acs: Acs, query: string): Promise<Found[]> =>
    (
      await acs.api.searchClient.callApi(
        '/search',
        'POST',
        {},
        {},
        {},
        {},
        { query: { query, language: 'afts' }, include: ['aspectNames', 'properties'], paging: { maxItems: 100 } },
        ['application/json'],
        ['application/json']
      )
    ).list.entries.map((e: { entry: Found }) => e.entry);

  /** AGS's ExecutionQueue web script, as the records manager's screens call it. */
  async function queue(user: string, name: string, nodeId: string): Promise<number> {
    const res = await fetch(`${d.repo.url}/alfresco/s/api/rma/actions/ExecutionQueue`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`
      },
      body: JSON.stringify({ name, nodeRef: `workspace://SpacesStore/${nodeId}` })
    });
    await res.text();
    return res.status;
  }

  before(async () => {
    d = await startDepartment({ retentionClock: { now: () => now } });
    const filePlanId = (await d.admin.call<{ entry: { id: string } }>('gs', 'GET', '/file-plans/-filePlan-')).entry.id;
    await d.admin.people.createPerson({
      id: RECORDS_MANAGER,
      firstName: 'Records',
      lastName: 'Keeper',
      email: 'records.keeper@example.gov.in',
      password: PASSWORD
    });
    await d.admin.groups.createGroupMembership(recordsManagerGroup(filePlanId), { id: RECORDS_MANAGER, memberType: 'PERSON' });
    rm = await d.as(RECORDS_MANAGER);
  });
  after(async () => d?.stop());

  it('a Section Officer opens a C-5 file and closes it: its green notes and letter become records', async () => {
    const so = await d.as(SO);
    const client = registrationClient(so);
    const post = d.postOf(SO);
    const id = await createInIntake(client, d.docLib, post, 'eo:file', {
      'eo:fileSection': 'EST',
      'eo:basicHead': 'A',
      'eo:primaryHead': '11',
      'eo:secondaryHead': '011',
      'eo:subject': 'Casual leave returns',
      'eo:recordCategory': 'C',
      'eo:retentionYears': 5
    });
    for (const folder of ['Notes', 'Correspondence', 'Dispatches']) await so.nodes.createNode(id, { name: folder, nodeType: 'cm:folder' });
    fileId = (await registerItem(client, id, post)).id;
    const pid = await startMovement(so, fileId, 'SO_EST');
    const notes = [await addNote(so, fileId, 'Returns received from all sections'), await addNote(so, fileId, 'Filed; nothing further')];
    // A green note no longer inherits from Notes/ (confirmedNotePermissions): the case the records must survive.
    const perms = (await so.nodes.getNode(notes[0], { include: ['permissions'] })).entry.permissions;
    assert.equal(perms?.isInheritanceEnabled, false);
    const corr = (await so.nodes.getNode(fileId, { relativePath: 'Correspondence' })).entry.id;
    const letter = (await so.nodes.createNode(corr, { name: '000001', nodeType: 'cm:content' })).entry.id;
    await so.nodes.updateNodeContent(letter, 'Returns of the Accounts section');
    await actOn(d, pid, SO, { eowf_action: 'close', eowf_remarks: 'Returns compiled' });
    assert.equal((await item(d, fileId))['eo:status'], 'closed');
    records = [...notes, letter];
  });

  it('the records manager finds every record with the core API: by parent, by aspect, and reads each', async () => {
    const [folder] = (await search(rm, `TYPE:"rma:recordFolder" AND =cm:title:"${(await item(d, fileId))['eo:fileNumber']}"`)).filter((f) =>
      f.name.includes('_')
    );
    assert.ok(folder, 'the record folder of the file, found by its title');
    folderId = folder.id;
    const inFolder = await search(rm, `PARENT:"workspace://SpacesStore/${folderId}" AND ASPECT:"rma:record"`);
    assert.deepEqual(inFolder.map((r) => r.id).sort(), [...records].sort(), 'each note and letter, green notes included');
    const declared = (await search(rm, 'ASPECT:"rma:declaredRecord"')).map((r) => r.id);
    for (const id of records) {
      assert.ok(declared.includes(id), `record ${id} found as completed`);
      const read = (await rm.nodes.getNode(id, { include: ['permissions'] })).entry;
      assert.equal(read.parentId, folderId);
      // Set up from the file plan as AGS sets a record up: it inherits again, its readers kept beside.
      assert.equal(read.permissions?.isInheritanceEnabled, true);
    }
    // The officer who wrote them still reads them where they were; they are no longer hers to change.
    const so = await d.as(SO);
    assert.equal(String(await so.nodes.getNodeContent(records[0])), 'Returns received from all sections');
    await assert.rejects(so.nodes.updateNode(records[0], { properties: { 'cm:title': 'Rewritten' } }));
  });

  it('cut off at once, kept five years, held by a court case, released, destroyed: the register finds each record', async () => {
    assert.equal(await queue(RECORDS_MANAGER, 'cutoff', folderId), 200);
    assert.equal(await queue(RECORDS_MANAGER, 'retain', folderId), 500, 'five years have not passed');
    now = new Date(Date.now() + 5 * YEAR_MS + 7 * 24 * 3600 * 1000);
    assert.equal(await queue(RECORDS_MANAGER, 'retain', folderId), 200);

    const hold = (
      await rm.call<{ entry: { id: string } }>(
        'gs',
        'POST',
        '/file-plans/-filePlan-/holds',
        {},
        {
          name: 'OA 77 of 2031',
          reason: 'Court case: OA 77/2031 before the Central Administrative Tribunal'
        }
      )
    ).entry;
    await rm.call('gs', 'POST', `/holds/${hold.id}/children`, {}, { id: folderId });
    assert.equal(await queue(RECORDS_MANAGER, 'destroy', folderId), 403, 'a held file is not destroyed');
    await rm.call('gs', 'DELETE', `/holds/${hold.id}/children/${folderId}`);
    assert.equal(await queue(RECORDS_MANAGER, 'destroy', folderId), 200);

    // The destruction register's search, as the records manager runs it.
    const ghosted = await search(rm, 'ASPECT:"rma:ghosted"');
    const ids = ghosted.map((g) => g.id);
    assert.ok(ids.includes(folderId), 'the record folder is in the register');
    for (const id of records) {
      assert.ok(ids.includes(id), `destroyed record ${id} is in the register`);
      const kept = (await rm.nodes.getNode(id, { include: ['properties'] })).entry;
      assert.ok(kept.properties?.['rma:identifier'], 'its metadata is kept');
      assert.equal(kept.content?.sizeInBytes ?? 0, 0, 'its content is gone');
    }
  });
});
