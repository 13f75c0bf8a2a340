/**
 * Audit API: the alfresco-access application the repository records into, its entries with the
 * where filters ACS supports, and pruning. Administrators only.
 *
 * Difference from the definitions, following a real ACS: GET /audit-applications/{id} is declared to
 * answer a bare AuditApp, but ACS's REST framework wraps every single entity as {"entry": …} (js-api
 * reads it that way too). That answer is checked here instead of by the recorder.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AuditApi, NodesApi } from '@alfresco/js-api';
import { definitionViolations, expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

describe('audit API', () => {
  const repo = useTestRepository();
  before(() => repo().recorder.ignore((e) => e.status === 200 && /\/audit-applications\/[^/]+$/.test(new URL(e.url).pathname)));

  it('lists the alfresco-access application; min and max entry ids on request', async () => {
    const audit = new AuditApi(await repo().api());
    const apps = await audit.listAuditApps();
    assert.deepEqual(
      entriesOf(apps).map((a) => a.id),
      ['alfresco-access']
    );
    // js-api types this answer as a bare AuditApp; the wire (and js-api's result) is {entry: …}.
    const app = (await audit.getAuditApp('alfresco-access', { include: ['max', 'min'] } as any)) as unknown as {
      entry: { isEnabled?: boolean; maxEntryId?: number; minEntryId?: number };
    };
    assert.deepEqual(definitionViolations('alfresco-core.yaml', 'AuditAppEntry', repo().recorder.last()!.body), []);
    assert.equal(app.entry.isEnabled, true);
    assert.ok((app.entry.maxEntryId ?? 0) >= (app.entry.minEntryId ?? 0));
    assert.ok((app.entry.maxEntryId ?? 0) > 0, 'bootstrap already recorded entries');
    expectError(await rejectionOf(audit.getAuditApp('CMISChangeLog')), 404);
  });

  it('non-administrators get 403 everywhere', async () => {
    await repo().createUser('au.plain');
    const audit = new AuditApi(await repo().api('au.plain', 'au.plain'));
    expectError(await rejectionOf(audit.listAuditApps()), 403);
    expectError(await rejectionOf(audit.listAuditEntriesForAuditApp('alfresco-access')), 403);
    expectError(await rejectionOf(audit.deleteAuditEntriesForAuditApp('alfresco-access', "(id BETWEEN ('1','2'))")), 403);
  });

  it('filters entries by user, action value, key and time; values only when included', async () => {
    await repo().createUser('au.clerk');
    const clerk = await repo().api('au.clerk', 'au.clerk');
    const start = new Date(Date.now() - 1000).toISOString();
    const made = (await new NodesApi(clerk).createNode('-my-', { name: 'audited.txt', nodeType: 'cm:content' })).entry;
    await new NodesApi(clerk).updateNode(made.id, { properties: { 'cm:title': 'Audited' } });
    await new NodesApi(clerk).deleteNode(made.id);
    const end = new Date(Date.now() + 1000).toISOString();
    const audit = new AuditApi(await repo().api());

    const byClerk = await audit.listAuditEntriesForAuditApp('alfresco-access', {
      where: "(createdByUser='au.clerk')",
      include: ['values']
    });
    const actions = entriesOf(byClerk).map((e) => (e.values as Record<string, string>)['/alfresco-access/transaction/action']);
    assert.deepEqual(actions.slice(-3), ['CREATE', 'UPDATE', 'ARCHIVE'], 'oldest first by default');
    assert.ok(entriesOf(byClerk).every((e) => e.createdByUser.id === 'au.clerk' && e.auditApplicationId === 'alfresco-access'));

    const archives = await audit.listAuditEntriesForAuditApp('alfresco-access', {
      where: "(valuesKey='/alfresco-access/transaction/action' and valuesValue='ARCHIVE')"
    });
    assert.ok(entriesOf(archives).length >= 1);
    assert.equal(entriesOf(archives)[0].values, undefined, 'values only with include=values');

    const inWindow = await audit.listAuditEntriesForAuditApp('alfresco-access', {
      where: `(createdByUser='au.clerk' and createdAt BETWEEN ('${start}' , '${end}'))`,
      orderBy: ['createdAt DESC'],
      include: ['values']
    });
    assert.equal((entriesOf(inWindow)[0].values as Record<string, string>)['/alfresco-access/transaction/action'], 'ARCHIVE');
    const before = await audit.listAuditEntriesForAuditApp('alfresco-access', {
      where: "(createdAt BETWEEN ('2000-01-01T00:00:00.000+0000', '2000-01-02T00:00:00.000+0000'))"
    });
    assert.equal(pageOf(before).totalItems, 0);
    expectError(await rejectionOf(audit.listAuditEntriesForAuditApp('alfresco-access', { where: "(user='x')" })), 400);
  });

  it('gets one entry, deletes it and deletes a range of ids', async () => {
    const admin = await repo().api();
    const audit = new AuditApi(admin);
    await new NodesApi(admin).createNode('-my-', { name: 'range.txt', nodeType: 'cm:content' });
    const latest = entriesOf(await audit.listAuditEntriesForAuditApp('alfresco-access', { orderBy: ['createdAt DESC'], maxItems: 3 }));
    const one = await audit.getAuditEntry('alfresco-access', latest[0].id);
    assert.equal(one.entry?.id, latest[0].id);
    assert.ok(one.entry?.values, 'a single entry carries its values');
    await audit.deleteAuditEntry('alfresco-access', latest[0].id);
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(audit.getAuditEntry('alfresco-access', latest[0].id)), 404);

    const [hi, lo] = [latest[1].id, latest[2].id];
    await audit.deleteAuditEntriesForAuditApp('alfresco-access', `(id BETWEEN ('${lo}', '${hi}'))`);
    expectError(await rejectionOf(audit.getAuditEntry('alfresco-access', lo)), 404);
    expectError(await rejectionOf(audit.getAuditEntry('alfresco-access', hi)), 404);
    expectError(await rejectionOf(audit.deleteAuditEntriesForAuditApp('alfresco-access', "(createdByUser='admin')")), 400);
  });
});
