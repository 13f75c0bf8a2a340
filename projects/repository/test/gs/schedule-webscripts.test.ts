/**
 * AGS's older schedule web scripts (DispositionActionDefinitionPut / Delete, DispositionScheduleGet), which
 * the records manager's screens edit a category's schedule through: only a file plan role with the
 * capability may edit, invalid edits are refused as the GS API refuses them, and a changed period moves the
 * due date of the records already waiting on that step (BroadcastDispositionActionDefinitionUpdateAction).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, RecordCategoriesApi } from '@alfresco/js-api';
import { API, useTestRepository } from '../support/test-repository';

type Json = Record<string, unknown>;

describe('GS: editing a schedule through AGS web scripts', () => {
  const repo = useTestRepository();
  const gs = (method: string, path: string, body?: unknown) => repo().request(method, `${API.gs}${path}`, { body });
  const ws = (method: string, path: string, body?: unknown, user = 'recordsmgr') =>
    repo().request(method, `/alfresco/s/api/node/workspace/SpacesStore/${path}`, { body, auth: [user, user] });
  const messageOf = (r: { body: unknown }) => String((r.body as { message?: string }).message);
  let filePlanId = '';
  let catC = '';
  let catB = '';
  let steps: { id: string; name: string }[] = [];
  let folderId = '';

  const addSchedule = async (categoryId: string, defs: Json[]) => {
    const schedule = (
      (await gs('POST', `/record-categories/${categoryId}/retention-schedules`, { authority: 'CSMOP' })).body as { entry: { id: string } }
    ).entry;
    const out: { id: string; name: string }[] = [];
    for (const d of defs) {
      const r = await gs('POST', `/retention-schedules/${schedule.id}/retention-steps`, d);
      assert.equal(r.status, 201);
      out.push((r.body as { entry: { id: string; name: string } }).entry);
    }
    return out;
  };
  const nextAsOf = async (folderId: string) => {
    const r = await gs('GET', `/record-folders/${folderId}?include=properties`);
    assert.equal(r.status, 200);
    const children = await repo().request(
      'GET',
      `${API.core}/nodes/${folderId}/children?include=properties&where=(nodeType='rma:dispositionAction')`
    );
    const entries = ((children.body as { list?: { entries: { entry: { properties?: Json } }[] } }).list?.entries ?? []).map((e) => e.entry);
    return entries.find((e) => !e.properties?.['rma:dispositionActionCompletedAt'])?.properties?.['rma:dispositionAsOf'] as
      | string
      | undefined;
  };

  before(async () => {
    // Web scripts are outside the REST API definitions the recorder checks against.
    repo().recorder.ignore((x) => x.url.includes('/dispositionschedule'));
    const admin = await repo().api();
    await new GsSitesApi(admin).createRMSite({ title: 'Records' });
    filePlanId = (await new FilePlansApi(admin).getFilePlan('-filePlan-')).entry.id;
    await repo().createUser('recordsmgr');
    const added = await repo().request('POST', `${API.core}/groups/GROUP_RecordsManager${filePlanId}/members`, {
      body: { id: 'recordsmgr', memberType: 'PERSON' }
    });
    assert.equal(added.status, 201);
    await repo().createUser('officer');
    catC = (await new FilePlansApi(admin).createFilePlanCategories('-filePlan-', { name: 'C-5', nodeType: 'rma:recordCategory' })).entry.id;
    catB = (await new FilePlansApi(admin).createFilePlanCategories('-filePlan-', { name: 'B', nodeType: 'rma:recordCategory' })).entry.id;
    steps = await addSchedule(catC, [
      { name: 'retain', description: 'Keep five years', period: 'year', periodAmount: 5, periodProperty: 'cm:created' },
      { name: 'destroyContent', description: 'Destroy', period: 'immediately', periodProperty: 'rma:dispositionAsOf' }
    ]);
  });

  it('lets the records manager change a step’s period and description, and moves the due date of what waits on it', async () => {
    folderId = (
      await new RecordCategoriesApi(await repo().api()).createRecordCategoryChild(catC, { name: 'F-1', nodeType: 'rma:recordFolder' })
    ).entry.id!;
    const before = await nextAsOf(folderId);
    assert.ok(before);
    const put = await ws('PUT', `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[0].id}`, {
      period: 'year|7',
      description: 'Keep seven years'
    });
    assert.equal(put.status, 200, messageOf(put));
    const data = (put.body as { data: Json }).data;
    assert.equal(data.period, 'year|7');
    assert.equal(data.description, 'Keep seven years');
    assert.equal(data.name, 'retain');
    const after = await nextAsOf(folderId);
    assert.equal(new Date(after!).getUTCFullYear() - new Date(before).getUTCFullYear(), 2);
    const listed = (await gs('GET', `/record-categories/${catC}/retention-schedules?include=actions`)).body as {
      list: { entries: { entry: { actions: Json[] } }[] };
    };
    assert.equal(listed.list.entries[0].entry.actions[0].periodAmount, 7);
    const schedule = await ws('GET', `${catC}/dispositionschedule`);
    assert.equal(schedule.status, 200);
    assert.equal((schedule.body as { data: Json }).data.canStepsBeRemoved, false);
  });

  it('refuses an ordinary officer (403) and the officer changes nothing', async () => {
    const put = await ws('PUT', `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[0].id}`, { period: 'day|1' }, 'officer');
    assert.equal(put.status, 403);
    const del = await ws('DELETE', `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[1].id}`, undefined, 'officer');
    assert.equal(del.status, 403);
    const schedule = await ws('GET', `${catC}/dispositionschedule`);
    assert.equal(((schedule.body as { data: { actions: Json[] } }).data.actions[0] as Json).period, 'year|7');
  });

  it('gives what waits on the step the events it now waits for', async () => {
    const url = `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[0].id}`;
    const eventsOf = async () => {
      const actions = await repo().request('GET', `${API.core}/nodes/${folderId}/children?where=(nodeType='rma:dispositionAction')`);
      const action = (actions.body as { list: { entries: { entry: { id: string } }[] } }).list.entries[0].entry.id;
      const events = await repo().request('GET', `${API.core}/nodes/${action}/children?include=properties`);
      return (events.body as { list: { entries: { entry: { properties: Json } }[] } }).list.entries.map(
        (e) => e.entry.properties['rma:eventExecutionName']
      );
    };
    assert.equal((await ws('PUT', url, { events: ['case_closed'] })).status, 200);
    assert.deepEqual(await eventsOf(), ['case_closed']);
    assert.equal((await ws('PUT', url, { events: [] })).status, 200);
    assert.deepEqual(await eventsOf(), []);
  });

  it('refuses invalid edits as the GS API refuses invalid steps', async () => {
    const url = `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[0].id}`;
    const cases: [Json, number, RegExp][] = [
      [{ period: 'fortnight|2' }, 400, /period value is invalid/],
      [{ period: 'year|many' }, 400, /period value is invalid/],
      [{ periodProperty: 'cm:modified' }, 400, /periodProperty value is invalid/],
      [{ events: ['no_such_event'] }, 400, /event value is invalid/],
      [{ name: 'destroy' }, 422, /cutoff or retain should be the first step/],
      [{ name: 'shred' }, 400, /name value is invalid/],
      [{ name: 'transfer' }, 422, /cutoff or retain should be the first step/],
      [{ location: 'Archives' }, 400, /only valid for transfer step/],
      [{ period: 5 }, 400, /Could not parse JSON/]
    ];
    for (const [body, status, message] of cases) {
      const r = await ws('PUT', url, body);
      assert.equal(r.status, status, JSON.stringify(body));
      assert.match(messageOf(r), message);
    }
    const bad = await ws('PUT', url, '{not json');
    assert.equal(bad.status, 400);
    const missing = await ws('PUT', `${catC}/dispositionschedule/dispositionactiondefinitions/nope`, { period: 'day|1' });
    assert.equal(missing.status, 404);
    assert.match(messageOf(missing), /Requested disposition action definition \(id:nope\) does not exist/);
    const none = await ws('GET', `${catB}/dispositionschedule`);
    assert.equal(none.status, 404);
    assert.match(messageOf(none), /does not have a disposition schedule/);
  });

  it('removes a step and those after it only while nothing is under the schedule', async () => {
    const refused = await ws('DELETE', `${catC}/dispositionschedule/dispositionactiondefinitions/${steps[1].id}`);
    assert.equal(refused.status, 500);
    assert.match(
      messageOf(refused),
      /Can not remove action definitions from schedule .* as one or more record or record folders are present\./
    );
    const bSteps = await addSchedule(catB, [
      { name: 'cutoff', period: 'immediately', periodProperty: 'cm:created' },
      { name: 'retain', period: 'year', periodAmount: 1, periodProperty: 'rma:cutOffDate' },
      { name: 'transfer', period: 'immediately', periodProperty: 'rma:dispositionAsOf', location: 'National Archives' }
    ]);
    const removed = await ws('DELETE', `${catB}/dispositionschedule/dispositionactiondefinitions/${bSteps[1].id}`);
    assert.equal(removed.status, 200, messageOf(removed));
    const actions = (removed.body as { data: { actions: Json[]; canStepsBeRemoved: boolean } }).data;
    assert.deepEqual(
      actions.actions.map((a) => a.name),
      ['cutoff']
    );
    assert.equal(actions.canStepsBeRemoved, true);
  });
});
