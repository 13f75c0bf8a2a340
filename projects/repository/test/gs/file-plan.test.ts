/**
 * Governance Services (issue 17): the RM site, its file plan, record categories and folders, and retention
 * schedules with their steps, through js-api's GS clients where it has them (the retention-schedule calls
 * are newer than js-api 10, so they go raw), every answer checked against gs-core-api.yaml. Refusals are
 * AGS's, status and message (docs/governance-services.md names the Alfresco source of each).
 */
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { FilePlansApi, GsSitesApi, NodesApi, RecordCategoriesApi, RecordFoldersApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { API, entriesOf, useTestRepository } from '../support/test-repository';

describe('GS: RM site, file plan, categories and retention schedules', () => {
  const repo = useTestRepository();
  const as = async (user = 'admin') => {
    const api = await repo().api(user, user === 'admin' ? 'admin' : user);
    return {
      sites: new GsSitesApi(api),
      filePlans: new FilePlansApi(api),
      categories: new RecordCategoriesApi(api),
      folders: new RecordFoldersApi(api),
      nodes: new NodesApi(api)
    };
  };
  const gs = (method: string, path: string, body?: unknown, auth: [string, string] = ['admin', 'admin']) =>
    repo().request(method, `${API.gs}${path}`, { body, auth });

  before(async () => {
    await repo().createUser('officer');
    await repo().createUser('recordsmgr');
  });

  it('answers 404 for the RM site before it exists, builds it once, and refuses a second with 409', async () => {
    const { sites, filePlans } = await as();
    expectError(await rejectionOf(sites.getRMSite()), 404);
    expectError(await rejectionOf(filePlans.getFilePlan('-filePlan-')), 404);
    const created = (await sites.createRMSite({ title: 'Records of the Department', description: 'CSMOP records' })).entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(created.id, 'rm');
    assert.equal(created.visibility, 'PUBLIC');
    assert.equal(created.compliance, 'STANDARD');
    assert.equal(created.role, 'SiteManager');
    expectError(await rejectionOf(sites.createRMSite({ title: 'Again' })), 409);

    const fp = (await filePlans.getFilePlan('-filePlan-', { include: ['properties', 'aspectNames'] })).entry;
    assert.equal(fp.nodeType, 'rma:filePlan');
    assert.equal(fp.name, 'documentLibrary');
    assert.ok(fp.aspectNames!.includes('rma:recordsManagementRoot'));
    assert.match(String(fp.properties!['rma:identifier']), /^\d{4}-\d{10}$/, 'AGS identifiers: year and database id');
    const { nodes } = await as();
    const children = entriesOf(await nodes.listNodeChildren(fp.id)).map((c) => `${c.name}:${c.nodeType}`);
    assert.deepEqual(children.sort(), [
      'Holds:rma:holdContainer',
      'Transfers:rma:transferContainer',
      'Unfiled Records:rma:unfiledRecordContainer'
    ]);
  });

  it('lists Governance Services among the modules discovery reports, as an ACS with AGS does', async () => {
    const discovery = await repo().request('GET', API.discovery);
    const modules = (discovery.body as { entry: { repository: { modules: { id: string; installState: string }[] } } }).entry.repository
      .modules;
    assert.deepEqual(
      modules.map((m) => [m.id, m.installState]),
      [['org_alfresco_module_rm', 'INSTALLED']]
    );
  });

  it('refuses GS site calls for any id but rm (400), and updates of fields it does not support', async () => {
    // The contract names /gs-sites/rm only; AGS's resource takes any id and refuses all but rm.
    repo().recorder.ignore((x) => x.url.includes('/gs-sites/finance'));
    const bad = await gs('GET', '/gs-sites/finance');
    assert.equal(bad.status, 400);
    assert.equal((await gs('PUT', '/gs-sites/rm', { visibility: 'PRIVATE' })).status, 400);
    const updated = await gs('PUT', '/gs-sites/rm', { title: 'Records Management' });
    assert.equal(updated.status, 200);
    assert.equal((updated.body as { entry: { title: string } }).entry.title, 'Records Management');
  });

  it('keeps officers without a file plan role out (403) and lets a Records Manager in', async () => {
    const { filePlans } = await as('officer');
    expectError(await rejectionOf(filePlans.getFilePlan('-filePlan-')), 403);
    const fpId = (await (await as()).filePlans.getFilePlan('-filePlan-')).entry.id;
    const admin = await repo().api();
    // A records manager is made by adding her to the file plan's role group, as AGS's role groups are named.
    await admin.contentClient.callApi(
      `/groups/GROUP_RecordsManager${fpId}/members`,
      'POST',
      {},
      {},
      {},
      {},
      { id: 'recordsmgr', memberType: 'PERSON' },
      ['application/json'],
      ['application/json']
    );
    const mgr = await as('recordsmgr');
    assert.equal((await mgr.filePlans.getFilePlan('-filePlan-')).entry.id, fpId);
    const cat = (await mgr.filePlans.createFilePlanCategories('-filePlan-', { name: 'Establishment', nodeType: 'rma:recordCategory' }))
      .entry;
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(cat.nodeType, 'rma:recordCategory');
    expectError(await rejectionOf((await as('officer')).categories.getRecordCategory(cat.id)), 403);
  });

  it('builds categories and record folders where AGS allows them and refuses the rest as AGS does', async () => {
    const { filePlans, categories, folders } = await as();
    const cat = (await filePlans.createFilePlanCategories('-filePlan-', { name: 'Category-C', nodeType: 'rma:recordCategory' })).entry;
    const sub = (await categories.createRecordCategoryChild(cat.id, { name: 'C-5', nodeType: 'rma:recordCategory' })).entry;
    const folder = (await categories.createRecordCategoryChild(sub.id, { name: 'A-12-2026-Estt', nodeType: 'rma:recordFolder' })).entry;
    assert.equal(folder.nodeType, 'rma:recordFolder');
    const listed = entriesOf(await categories.listRecordCategoryChildren(sub.id, { include: ['isRecordFolder', 'isClosed'] }));
    assert.deepEqual(
      listed.map((c) => [c.name, c.isRecordFolder, c.isClosed]),
      [['A-12-2026-Estt', true, false]]
    );
    // Wrong endpoint for the node's type: 400 naming the expected type.
    const wrong = await rejectionOf(folders.getRecordFolder(cat.id));
    expectError(wrong, 400);
    assert.match(String(wrong.message), /Expected nodeType is:\{http:\/\/www\.alfresco\.org\/model\/recordsmanagement\/1\.0\}recordFolder/);
    // A plain folder or document cannot live in a category (RecordCategoryType: 422).
    expectError(await rejectionOf(categories.createRecordCategoryChild(cat.id, { name: 'loose', nodeType: 'cm:folder' })), 422);
    // A category cannot go in a record folder (RecordFolderType: 422).
    expectError(await rejectionOf(folders.createRecordFolderChild(folder.id, { name: 'nested', nodeType: 'rma:recordCategory' })), 422);
    // relativePath makes the categories on the way.
    const deep = (
      await categories.createRecordCategoryChild(cat.id, { name: 'F-1', nodeType: 'rma:recordFolder', relativePath: '2026/Dec' } as never)
    ).entry;
    const path = (await folders.getRecordFolder(deep.id, { include: ['path'] })).entry.path!;
    assert.match(path.name!, /Category-C\/2026\/Dec$/);
    // The file plan's fixed containers cannot be deleted, through the core API either.
    const holds = (await repo().request('GET', `${API.gs}/file-plans/-filePlan-`)).body as { entry: { id: string } };
    const holdContainer = entriesOf(await (await as()).nodes.listNodeChildren(holds.entry.id)).find((c) => c.name === 'Holds')!;
    const refused = await rejectionOf((await as()).nodes.deleteNode(holdContainer.id));
    expectError(refused, 422);
    assert.match(String(refused.message), /Deletion of Hold Container is not allowed/);
  });

  it('creates a retention schedule once per category and refuses a second (409)', async () => {
    const { filePlans } = await as();
    const cat = (await filePlans.createFilePlanCategories('-filePlan-', { name: 'Category-B', nodeType: 'rma:recordCategory' })).entry;
    const made = await gs('POST', `/record-categories/${cat.id}/retention-schedules`, {
      authority: 'CSMOP ch. 11',
      instructions: 'Keep permanently; no microfilming',
      isRecordLevel: false
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const schedule = (made.body as { entry: Record<string, unknown> }).entry;
    assert.equal(schedule.parentId, cat.id);
    assert.equal(schedule.isRecordLevel, false);
    assert.equal((await gs('POST', `/record-categories/${cat.id}/retention-schedules`, { authority: 'x', instructions: 'y' })).status, 409);
    const read = (await filePlans.getFilePlanCategories('-filePlan-', { include: ['hasRetentionSchedule'] } as never)) as {
      list: { entries: { entry: { name: string; hasRetentionSchedule: boolean } }[] };
    };
    const flags = Object.fromEntries(read.list.entries.map((e) => [e.entry.name, e.entry.hasRetentionSchedule]));
    assert.equal(flags['Category-B'], true);
    assert.equal(flags['Category-C'], false);
    assert.equal((await gs('POST', `/record-categories/nope/retention-schedules`, { authority: 'x', instructions: 'y' })).status, 404);
  });

  it('refuses a record-level schedule for a category that already holds record folders (422)', async () => {
    const { filePlans, categories } = await as();
    const cat = (await filePlans.createFilePlanCategories('-filePlan-', { name: 'Category-A', nodeType: 'rma:recordCategory' })).entry;
    await categories.createRecordCategoryChild(cat.id, { name: 'Old file', nodeType: 'rma:recordFolder' });
    const refused = await gs('POST', `/record-categories/${cat.id}/retention-schedules`, {
      authority: 'x',
      instructions: 'y',
      isRecordLevel: true
    });
    assert.equal(refused.status, 422);
  });

  it('validates retention steps in AGS order: first cutoff or retain, cutoff not after transfer, nothing after destroy', async () => {
    const { filePlans } = await as();
    const cat = (await filePlans.createFilePlanCategories('-filePlan-', { name: 'Category-C5', nodeType: 'rma:recordCategory' })).entry;
    const schedule = (
      (await gs('POST', `/record-categories/${cat.id}/retention-schedules`, { authority: 'CSMOP', instructions: 'Review after 5 years' }))
        .body as { entry: { id: string } }
    ).entry;
    const step = (body: Record<string, unknown>) => gs('POST', `/retention-schedules/${schedule.id}/retention-steps`, body);
    const base = { description: 'd', periodProperty: 'cm:created', events: [] };

    const first = await step({ ...base, name: 'transfer', period: 'year', periodAmount: 1 });
    assert.equal(first.status, 422, 'the first step must be cutoff or retain');
    assert.match(JSON.stringify(first.body), /cutoff or retain should be the first step/);

    const cutoff = await step({ ...base, name: 'cutoff', period: 'immediately', events: ['case_closed'] });
    assert.equal(cutoff.status, 201);
    const cutoffEntry = (cutoff.body as { entry: Record<string, unknown> }).entry;
    assert.deepEqual(
      { name: cutoffEntry.name, period: cutoffEntry.period, events: cutoffEntry.events, index: cutoffEntry.index },
      { name: 'cutoff', period: 'immediately', events: ['case_closed'], index: 0 }
    );
    assert.equal((await step({ ...base, name: 'cutoff', period: 'day', periodAmount: 1 })).status, 409, 'a step twice');
    assert.equal((await step({ ...base, name: 'retain', period: 'fortnight' })).status, 400, 'an unknown period');
    assert.equal((await step({ ...base, name: 'retain', period: 'year', periodAmount: 5, periodProperty: 'cm:modified' })).status, 400);
    assert.equal(
      (await step({ ...base, name: 'retain', period: 'year', periodAmount: 5, events: ['lunch'] })).status,
      400,
      'an unknown event'
    );
    assert.equal(
      (await step({ ...base, name: 'retain', period: 'year', periodAmount: 5, location: 'NAI' })).status,
      400,
      'location only on transfer'
    );
    assert.equal(
      (await step({ ...base, name: 'retain', period: 'year', periodAmount: 5, combineRetentionStepConditions: true })).status,
      400
    );

    const retain = await step({ ...base, name: 'retain', period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate' });
    assert.equal(retain.status, 201);
    assert.deepEqual(
      (({ period, periodAmount, periodProperty, index }) => ({ period, periodAmount, periodProperty, index }))(
        (retain.body as { entry: Record<string, unknown> }).entry
      ),
      { period: 'year', periodAmount: 5, periodProperty: 'rma:cutOffDate', index: 1 }
    );
    assert.equal((await step({ ...base, name: 'transfer', period: 'immediately', location: 'Record Room' })).status, 201);
    assert.equal(
      (await step({ ...base, name: 'transfer', period: 'immediately', location: 'Record Room 2' })).status,
      201,
      'transfer may repeat'
    );
    assert.equal((await step({ ...base, name: 'cutoff', period: 'immediately' })).status, 409, 'no cutoff after transfer');
    const destroy = await step({ ...base, name: 'destroyContent', period: 'immediately' });
    assert.equal(destroy.status, 201);
    assert.equal((destroy.body as { entry: Record<string, unknown> }).entry.name, 'destroy');
    assert.equal((destroy.body as { entry: Record<string, unknown> }).entry.retainRecordMetadataAfterDestruction, true);
    const after = await step({ ...base, name: 'accession', period: 'immediately' });
    assert.equal(after.status, 409);
    assert.match(JSON.stringify(after.body), /No other action is allowed after Destroy/);

    const listed = (await gs('GET', `/retention-schedules/${schedule.id}/retention-steps`)).body as {
      list: { entries: { entry: { name: string; index: number } }[] };
    };
    assert.deepEqual(
      listed.list.entries.map((e) => `${e.entry.index}:${e.entry.name}`),
      ['0:cutoff', '1:retain', '2:transfer', '3:transfer', '4:destroy']
    );
    const withActions = (await gs('GET', `/record-categories/${cat.id}/retention-schedules?include=actions`)).body as {
      list: { entries: { entry: { actions: unknown[]; authority: string } }[] };
    };
    assert.equal(withActions.list.entries[0].entry.authority, 'CSMOP');
    assert.equal(withActions.list.entries[0].entry.actions.length, 5);
    // An officer without a file plan role can neither read nor add steps.
    assert.equal((await gs('GET', `/retention-schedules/${schedule.id}/retention-steps`, undefined, ['officer', 'officer'])).status, 403);
    // Steps hang below the schedule, not among the category's children.
    assert.equal((await gs('GET', `/retention-schedules/${cat.id}/retention-steps`)).status, 400);
  });
});
