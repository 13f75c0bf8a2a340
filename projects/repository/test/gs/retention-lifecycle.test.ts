/**
 * A file's whole life under a CSMOP category C-5 schedule (issue 17): cut off when the case closes, kept
 * five years, then destroyed with its metadata kept for the destruction register — with a court case's hold
 * stopping destruction on the way. The repository's retention clock (a test option) moves the five years.
 * Steps run through AGS's ExecutionQueue web script; due steps are found by search, as AGS's own job finds them.
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, NodesApi, RecordCategoriesApi, RecordFoldersApi, RecordsApi, SearchApi } from '@alfresco/js-api';
import { API, useTestRepository } from '../support/test-repository';

describe('GS: the retention lifecycle of a closed file', () => {
  let now = new Date();
  const clock = { now: () => now };
  const repo = useTestRepository({ retentionClock: clock });
  const gs = (method: string, path: string, body?: unknown) => repo().request(method, `${API.gs}${path}`, { body });
  const queue = (name: string, nodeId: string, params?: Record<string, unknown>) =>
    repo().request('POST', '/alfresco/s/api/rma/actions/ExecutionQueue', {
      body: { name, nodeRef: `workspace://SpacesStore/${nodeId}`, params }
    });
  const messageOf = (r: { body: unknown }) => String((r.body as { message?: string }).message);
  let api: Awaited<ReturnType<ReturnType<typeof repo>['api']>>;
  let folderId = '';
  let recordId = '';

  /** The item's next retention step as a search finds it (type, step name, due date). */
  const nextStep = async (itemId: string) => {
    const found = await new SearchApi(api).search({
      query: { query: `TYPE:"rma:dispositionAction" AND PARENT:"workspace://SpacesStore/${itemId}"`, language: 'afts' },
      include: ['properties']
    });
    return (found.list?.entries ?? [])
      .map((e) => e.entry)
      .filter((e) => !e.properties?.['rma:dispositionActionCompletedAt'])
      .map((e) => ({
        step: e.properties?.['rma:dispositionAction'] as string,
        asOf: e.properties?.['rma:dispositionAsOf'] as string | undefined
      }));
  };

  before(async () => {
    repo().recorder.ignore((x) => x.url.includes('/api/rma/actions/ExecutionQueue'));
    api = await repo().api();
    await new GsSitesApi(api).createRMSite({ title: 'Records' });
    const cat = (await new FilePlansApi(api).createFilePlanCategories('-filePlan-', { name: 'C-5', nodeType: 'rma:recordCategory' })).entry;
    const schedule = (
      (
        await gs('POST', `/record-categories/${cat.id}/retention-schedules`, {
          authority: 'CSMOP',
          instructions: 'Category C: keep 5 years, review, destroy'
        })
      ).body as { entry: { id: string } }
    ).entry;
    const steps = [
      { name: 'cutoff', description: 'On closing the file', period: 'none', periodProperty: 'cm:created', events: ['case_closed'] },
      { name: 'retain', description: 'Keep five years', period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate', events: [] },
      {
        name: 'destroyContent',
        description: 'Destroy, keep the register entry',
        period: 'immediately',
        periodProperty: 'rma:dispositionAsOf',
        events: []
      }
    ];
    for (const s of steps) assert.equal((await gs('POST', `/retention-schedules/${schedule.id}/retention-steps`, s)).status, 201);
    folderId = (
      await new RecordCategoriesApi(api).createRecordCategoryChild(cat.id, { name: 'A-12-2026-Estt', nodeType: 'rma:recordFolder' })
    ).entry.id!;
    recordId = (await new RecordFoldersApi(api).createRecordFolderChild(folderId, { name: 'Green note 1', nodeType: 'cm:content' })).entry
      .id!;
    await new NodesApi(api).updateNodeContent(recordId, 'Approved. Issue the order.' as never).catch(() => undefined);
  });

  it('waits for the case to close before cutting off, and refuses a record that is not complete', async () => {
    assert.deepEqual(await nextStep(folderId), [{ step: 'cutoff', asOf: undefined }]);
    const early = await queue('cutoff', folderId);
    assert.equal(early.status, 500);
    assert.match(messageOf(early), /isn't yet ready for retention action cutoff/);
    const notNext = await queue('destroy', folderId);
    assert.match(messageOf(notNext), /this isn't the next retention action/);

    assert.equal((await queue('completeEvent', folderId, { eventName: 'case_closed' })).status, 200);
    const incomplete = await queue('cutoff', folderId);
    assert.equal(incomplete.status, 500);
    assert.match(messageOf(incomplete), /not all the records in the record folder are complete/);
  });

  it('cuts off on closing: the folder closes and the five years count from the cut-off date', async () => {
    await new RecordsApi(api).completeRecord(recordId);
    assert.equal((await queue('cutoff', folderId)).status, 200);
    const folder = (await new RecordFoldersApi(api).getRecordFolder(folderId, { include: ['isClosed', 'properties'] })).entry;
    assert.equal(folder.isClosed, true);
    const cutOff = new Date(String(folder.properties!['rma:cutOffDate']));
    const [next] = await nextStep(folderId);
    assert.equal(next.step, 'retain');
    const due = new Date(next.asOf!);
    assert.equal(due.getUTCFullYear() - cutOff.getUTCFullYear(), 5);
    assert.equal(due.getUTCMonth(), cutOff.getUTCMonth());
    assert.equal(due.getUTCDate(), cutOff.getUTCDate());
    const record = (await new RecordsApi(api).getRecord(recordId, { include: ['aspectNames'] })).entry;
    assert.ok(record.aspectNames!.includes('rma:cutOff'), 'its records are cut off with it');
  });

  it('keeps the file for five years: retention is refused before, allowed once the clock passes the date', async () => {
    const early = await queue('retain', folderId);
    assert.equal(early.status, 500);
    assert.match(messageOf(early), /isn't yet ready for retention action retain/);
    now = new Date(now.getTime() + (5 * 366 + 1) * 24 * 3600 * 1000);
    assert.equal((await queue('retain', folderId)).status, 200);
    assert.deepEqual(
      (await nextStep(folderId)).map((s) => s.step),
      ['destroy']
    );
  });

  it('refuses destruction while a court case holds the file, and destroys it once released, keeping its metadata', async () => {
    const hold = (
      (await gs('POST', '/file-plans/-filePlan-/holds', { name: 'OA 311 of 2031', reason: 'Court case: OA 311/2031' })).body as {
        entry: { id: string };
      }
    ).entry;
    assert.equal((await gs('POST', `/holds/${hold.id}/children`, { id: folderId })).status, 201);
    const held = await queue('destroy', folderId);
    assert.equal(held.status, 403, 'a held file is not destroyed');
    assert.equal((await gs('DELETE', `/holds/${hold.id}/children/${folderId}`)).status, 204);

    assert.equal((await queue('destroy', folderId)).status, 200);
    const record = (await new RecordsApi(api).getRecord(recordId, { include: ['aspectNames', 'properties', 'content'] })).entry;
    assert.ok(record.aspectNames!.includes('rma:ghosted'), 'destroyed, its metadata kept');
    assert.equal(record.name, 'Green note 1');
    assert.ok(record.properties!['rma:identifier']);
    assert.equal(record.content?.sizeInBytes ?? 0, 0, 'the content is gone');
    assert.deepEqual(await nextStep(folderId), [], 'nothing is due after destruction');
    // Each step is in the file's audit trail.
    const audit = await repo().request('GET', `${API.core}/nodes/${folderId}/audit-entries?maxItems=50`);
    const actions = (audit.body as { list: { entries: { entry: { values: Record<string, string> } }[] } }).list.entries.map(
      (e) => e.entry.values['/alfresco-access/transaction/action']
    );
    for (const step of ['Complete Event', 'Cut Off', 'Retain', 'Destroy'])
      assert.ok(actions.includes(step), `${step} audited (${actions.join(', ')})`);
  });
});
