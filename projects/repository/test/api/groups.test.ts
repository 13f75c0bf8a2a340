/**
 * Groups API: create/read/update/delete groups, members (people and sub-groups), admin-only changes,
 * and that membership reaches permissions transitively.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupsApi, NodesApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

describe('groups API', () => {
  const repo = useTestRepository();
  const adminGroups = async () => new GroupsApi(await repo().api());

  it('an admin creates a group (201); GROUP_ is added to the id; zones and parents on request', async () => {
    const groups = await adminGroups();
    const created = await groups.createGroup({ id: 'finance', displayName: 'Finance Section' }, { include: ['zones', 'parentIds'] });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(created.entry.id, 'GROUP_finance');
    assert.equal(created.entry.displayName, 'Finance Section');
    assert.equal(created.entry.isRoot, true);
    assert.deepEqual(created.entry.zones, ['APP.DEFAULT', 'AUTH.ALF']);
    assert.deepEqual(created.entry.parentIds, []);
    const fetched = await groups.getGroup('GROUP_finance');
    assert.equal(fetched.entry.displayName, 'Finance Section');
    assert.equal(fetched.entry.zones, undefined, 'zones only when included');
  });

  it('a duplicate group id answers 409, a missing displayName 400, an unknown group 404', async () => {
    const groups = await adminGroups();
    await groups.createGroup({ id: 'GROUP_dup', displayName: 'Dup' });
    expectError(await rejectionOf(groups.createGroup({ id: 'dup', displayName: 'Dup again' })), 409);
    expectError(await rejectionOf(groups.createGroup({ id: 'nodisplay' } as any)), 400);
    expectError(await rejectionOf(groups.getGroup('GROUP_no_such_group')), 404);
  });

  it('a non-admin can read groups but not create, update, delete or change members (403)', async () => {
    await repo().createUser('g.plain');
    await (await adminGroups()).createGroup({ id: 'readable', displayName: 'Readable' });
    const groups = new GroupsApi(await repo().api('g.plain', 'g.plain'));
    assert.equal((await groups.getGroup('GROUP_readable')).entry.id, 'GROUP_readable');
    assert.ok(entriesOf(await groups.listGroups()).some((g) => g.id === 'GROUP_readable'));
    expectError(await rejectionOf(groups.createGroup({ id: 'sneaky', displayName: 'Sneaky' })), 403);
    expectError(await rejectionOf(groups.updateGroup('GROUP_readable', { displayName: 'Changed' })), 403);
    expectError(await rejectionOf(groups.createGroupMembership('GROUP_readable', { id: 'g.plain', memberType: 'PERSON' })), 403);
    expectError(await rejectionOf(groups.deleteGroup('GROUP_readable')), 403);
    assert.equal((await groups.getGroup('GROUP_readable')).entry.displayName, 'Readable');
  });

  it('parentIds nest a new group; the parent then has sub-groups and the child is no root', async () => {
    const groups = await adminGroups();
    await groups.createGroup({ id: 'ministry', displayName: 'Ministry' });
    const child = await groups.createGroup(
      { id: 'ministry_it', displayName: 'IT Division', parentIds: ['GROUP_ministry'] },
      { include: ['parentIds'] }
    );
    assert.equal(child.entry.isRoot, false);
    assert.deepEqual(child.entry.parentIds, ['GROUP_ministry']);
    const parent = await groups.getGroup('GROUP_ministry', { include: ['hasSubgroups'] });
    assert.equal((parent.entry as { hasSubgroups?: boolean }).hasSubgroups, true);
    expectError(await rejectionOf(groups.createGroup({ id: 'orphan', displayName: 'Orphan', parentIds: ['GROUP_missing_parent'] })), 404);
  });

  it('members: people and groups are added (201), filtered by memberType, sorted, and removed (204)', async () => {
    const groups = await adminGroups();
    await repo().createUser('m.anand', { firstName: 'Anand', lastName: 'Rao' });
    await repo().createUser('m.zoya', { firstName: 'Zoya', lastName: 'Khan' });
    await groups.createGroup({ id: 'registry', displayName: 'Registry' });
    await groups.createGroup({ id: 'registry_clerks', displayName: 'Clerks' });
    const added = await groups.createGroupMembership('GROUP_registry', { id: 'm.zoya', memberType: 'PERSON' });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.deepEqual(added.entry, { id: 'm.zoya', displayName: 'Zoya Khan', memberType: 'PERSON' });
    await groups.createGroupMembership('GROUP_registry', { id: 'm.anand', memberType: 'PERSON' });
    await groups.createGroupMembership('GROUP_registry', { id: 'GROUP_registry_clerks', memberType: 'GROUP' });

    const all = await groups.listGroupMemberships('GROUP_registry');
    assert.deepEqual(
      entriesOf(all).map((m) => m.displayName),
      ['Anand Rao', 'Clerks', 'Zoya Khan'],
      'default order: displayName'
    );
    const byIdDesc = await groups.listGroupMemberships('GROUP_registry', { orderBy: ['id DESC'] });
    assert.deepEqual(
      entriesOf(byIdDesc).map((m) => m.id),
      ['m.zoya', 'm.anand', 'GROUP_registry_clerks']
    );
    const onlyGroups = await groups.listGroupMemberships('GROUP_registry', { where: "(memberType='GROUP')" });
    assert.deepEqual(
      entriesOf(onlyGroups).map((m) => m.id),
      ['GROUP_registry_clerks']
    );
    const paged = await groups.listGroupMemberships('GROUP_registry', { maxItems: 2 });
    assert.equal(pageOf(paged).hasMoreItems, true);
    assert.equal(pageOf(paged).totalItems, 3);

    expectError(await rejectionOf(groups.createGroupMembership('GROUP_registry', { id: 'm.zoya', memberType: 'PERSON' })), 409);
    expectError(await rejectionOf(groups.createGroupMembership('GROUP_registry', { id: 'nobody.here', memberType: 'PERSON' })), 404);
    expectError(await rejectionOf(groups.createGroupMembership('GROUP_registry', { id: 'm.zoya', memberType: 'ROBOT' as any })), 400);

    await groups.deleteGroupMembership('GROUP_registry', 'm.zoya');
    assert.equal(repo().recorder.last()!.status, 204);
    assert.ok(!entriesOf(await groups.listGroupMemberships('GROUP_registry')).some((m) => m.id === 'm.zoya'));
    expectError(await rejectionOf(groups.deleteGroupMembership('GROUP_registry', 'm.zoya')), 404);
  });

  it('updates the display name (200); GROUP_EVERYONE cannot be changed (409) or enumerated (405)', async () => {
    const groups = await adminGroups();
    await groups.createGroup({ id: 'renamed', displayName: 'Old name' });
    const updated = await groups.updateGroup('GROUP_renamed', { displayName: 'New name' });
    assert.equal(updated.entry.displayName, 'New name');
    assert.equal((await groups.getGroup('GROUP_renamed')).entry.displayName, 'New name');
    expectError(await rejectionOf(groups.updateGroup('GROUP_EVERYONE', { displayName: 'All' })), 409);
    expectError(await rejectionOf(groups.deleteGroup('GROUP_EVERYONE')), 409);
    expectError(await rejectionOf(groups.listGroupMemberships('GROUP_EVERYONE')), 405);
  });

  it('delete without cascade leaves sub-groups as roots; with cascade they go too', async () => {
    const groups = await adminGroups();
    await groups.createGroup({ id: 'top_a', displayName: 'Top A' });
    await groups.createGroup({ id: 'sub_a', displayName: 'Sub A', parentIds: ['GROUP_top_a'] });
    await groups.deleteGroup('GROUP_top_a');
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(groups.getGroup('GROUP_top_a')), 404);
    assert.equal((await groups.getGroup('GROUP_sub_a')).entry.isRoot, true);

    await groups.createGroup({ id: 'top_b', displayName: 'Top B' });
    await groups.createGroup({ id: 'sub_b', displayName: 'Sub B', parentIds: ['GROUP_top_b'] });
    await groups.createGroup({ id: 'subsub_b', displayName: 'Sub Sub B', parentIds: ['GROUP_sub_b'] });
    await groups.deleteGroup('GROUP_top_b', { cascade: true });
    expectError(await rejectionOf(groups.getGroup('GROUP_sub_b')), 404);
    expectError(await rejectionOf(groups.getGroup('GROUP_subsub_b')), 404);
    expectError(await rejectionOf(groups.deleteGroup('GROUP_top_b')), 404);
  });

  it('lists groups: where isRoot and zones, orderBy, paging; a bad where answers 400', async () => {
    const groups = await adminGroups();
    await groups.createGroup({ id: 'list_root', displayName: 'AAA list root' });
    await groups.createGroup({ id: 'list_child', displayName: 'AAA list child', parentIds: ['GROUP_list_root'] });
    const roots = entriesOf(await groups.listGroups({ where: '(isRoot=true)', maxItems: 1000 }));
    assert.ok(roots.some((g) => g.id === 'GROUP_list_root'));
    assert.ok(!roots.some((g) => g.id === 'GROUP_list_child'));
    assert.ok(roots.every((g) => g.isRoot));
    const nonRoots = entriesOf(
      await groups.listGroups({ where: "(isRoot=false AND zones in ('APP.DEFAULT'))", include: ['zones'], maxItems: 1000 })
    );
    assert.ok(nonRoots.some((g) => g.id === 'GROUP_list_child'));
    assert.ok(nonRoots.every((g) => !g.isRoot && g.zones!.includes('APP.DEFAULT')));
    const byName = entriesOf(await groups.listGroups({ maxItems: 1000 })).map((g) => g.displayName!.toLowerCase());
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => a.localeCompare(b)),
      'default order: displayName'
    );
    const byIdDesc = entriesOf(await groups.listGroups({ orderBy: ['id DESC'], maxItems: 1000 })).map((g) => g.id!);
    assert.equal(byIdDesc[0].toLowerCase() >= byIdDesc[byIdDesc.length - 1].toLowerCase(), true);
    const page = await groups.listGroups({ skipCount: 1, maxItems: 2 });
    assert.equal(entriesOf(page).length, 2);
    assert.equal(pageOf(page).skipCount, 1);
    expectError(await rejectionOf(groups.listGroups({ where: '(isRoot=maybe)' })), 400);
    expectError(await rejectionOf(groups.listGroups({ orderBy: ['zones'] })), 400);
  });

  it('membership of a nested group grants what the outer group was granted on a node', async () => {
    const admin = await repo().api();
    const groups = new GroupsApi(admin);
    const nodesApi = new NodesApi(admin);
    await repo().createUser('nested.user');
    await groups.createGroup({ id: 'outer', displayName: 'Outer' });
    await groups.createGroup({ id: 'inner', displayName: 'Inner', parentIds: ['GROUP_outer'] });
    const folder = await nodesApi.createNode('-root-', { name: 'group-guarded', nodeType: 'cm:folder' });
    await nodesApi.updateNode(folder.entry.id, {
      permissions: { isInheritanceEnabled: false, locallySet: [{ authorityId: 'GROUP_outer', name: 'Consumer', accessStatus: 'ALLOWED' }] }
    });
    const userNodes = new NodesApi(await repo().api('nested.user', 'nested.user'));
    expectError(await rejectionOf(userNodes.getNode(folder.entry.id)), 403);
    await groups.createGroupMembership('GROUP_inner', { id: 'nested.user', memberType: 'PERSON' });
    assert.equal((await userNodes.getNode(folder.entry.id)).entry.name, 'group-guarded');
    await groups.deleteGroupMembership('GROUP_inner', 'nested.user');
    expectError(await rejectionOf(userNodes.getNode(folder.entry.id)), 403);
  });
});
