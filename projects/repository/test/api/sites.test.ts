/**
 * Sites API: creation as Alfresco builds a site (st:site node, role groups, ACEs, documentLibrary,
 * favourite), visibility, members and group members, membership requests, favourite sites, update and
 * delete — and what roles allow on the site's content.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FavoritesApi, GroupsApi, NodesApi, SitesApi, TrashcanApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

describe('sites API', () => {
  const repo = useTestRepository();
  const as = async (user = 'admin') => {
    const api = await repo().api(user, user === 'admin' ? 'admin' : user);
    return {
      sites: new SitesApi(api),
      nodes: new NodesApi(api),
      groups: new GroupsApi(api),
      favorites: new FavoritesApi(api),
      trash: new TrashcanApi(api)
    };
  };
  const docLib = async (siteId: string) => (await (await as()).sites.getSiteContainer(siteId, 'documentLibrary')).entry.folderId;
  const users = new Set<string>();
  const user = async (id: string) => {
    if (!users.has(id)) await repo().createUser(id);
    users.add(id);
    return as(id);
  };

  it('creates a public site as Alfresco does: st:site node, role groups, ACEs, documentLibrary, favourite', async () => {
    const { sites, nodes, groups, favorites } = await as();
    const created = await sites.createSite({ id: 'finance', title: 'Finance', description: 'Budget files', visibility: 'PUBLIC' });
    assert.equal(repo().recorder.last()!.status, 201);
    const site = created.entry;
    assert.equal(site.id, 'finance');
    assert.equal(site.title, 'Finance');
    assert.equal(site.description, 'Budget files');
    assert.equal(site.visibility, 'PUBLIC');
    assert.equal(site.preset, 'site-dashboard');
    assert.equal(site.role, 'SiteManager', 'the creator manages the site');

    const node = (await nodes.getNode(site.guid, { include: ['permissions', 'path'] })).entry;
    assert.equal(node.nodeType, 'st:site');
    assert.equal(node.name, 'finance');
    assert.equal(node.path!.name, '/Company Home/Sites');
    assert.equal(node.properties!['st:siteVisibility'], 'PUBLIC');
    assert.equal(node.permissions!.isInheritanceEnabled, false);
    const aces = (node.permissions!.locallySet ?? []).map((a) => `${a.authorityId}=${a.name}`).sort();
    assert.deepEqual(aces, [
      'GROUP_EVERYONE=SiteConsumer',
      'GROUP_site_finance_SiteCollaborator=SiteCollaborator',
      'GROUP_site_finance_SiteConsumer=SiteConsumer',
      'GROUP_site_finance_SiteContributor=SiteContributor',
      'GROUP_site_finance_SiteManager=SiteManager'
    ]);

    const siteGroupMembers = entriesOf(await groups.listGroupMemberships('GROUP_site_finance', { orderBy: ['id'] })).map((m) => m.id);
    assert.deepEqual(siteGroupMembers, [
      'GROUP_site_finance_SiteCollaborator',
      'GROUP_site_finance_SiteConsumer',
      'GROUP_site_finance_SiteContributor',
      'GROUP_site_finance_SiteManager'
    ]);
    assert.equal((await groups.getGroup('GROUP_site_finance')).entry.displayName, 'site_finance');
    assert.deepEqual(
      entriesOf(await groups.listGroupMemberships('GROUP_site_finance_SiteManager')).map((m) => m.id),
      ['admin']
    );

    const containers = entriesOf(await sites.listSiteContainers('finance'));
    assert.equal(containers.length, 1);
    assert.equal(containers[0].id, 'documentLibrary');
    const lib = (await nodes.getNode(containers[0].folderId)).entry;
    assert.equal(lib.name, 'documentLibrary');
    assert.equal(lib.parentId, site.guid);
    assert.ok(lib.aspectNames!.includes('st:siteContainer'));
    assert.equal(lib.properties!['st:componentId'], 'documentLibrary');

    assert.ok(
      entriesOf(await favorites.listFavoriteSitesForPerson('-me-')).some((s) => s.id === 'finance'),
      'added to favourite sites'
    );
    assert.equal((await sites.getSite('finance')).entry.guid, site.guid);
  });

  it('skipAddToFavorites leaves the site out of the favourites; an id is derived from the title when absent', async () => {
    const { sites, favorites } = await as();
    const s = await sites.createSite({ title: 'Legal Cell 2', visibility: 'PUBLIC' }, { skipAddToFavorites: true });
    assert.equal(s.entry.id, 'LegalCell2');
    assert.ok(!entriesOf(await favorites.listFavoriteSitesForPerson('-me-')).some((f) => f.id === 'LegalCell2'));
  });

  it('a duplicate site id answers 409, a bad visibility or id 400, an unknown site 404', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'dup-site', title: 'Dup', visibility: 'PUBLIC' });
    expectError(await rejectionOf(sites.createSite({ id: 'dup-site', title: 'Dup again', visibility: 'PRIVATE' })), 409);
    expectError(await rejectionOf(sites.createSite({ id: 'DUP-SITE', title: 'Dup in capitals', visibility: 'PUBLIC' })), 409);
    expectError(await rejectionOf(sites.createSite({ id: 'bad-vis', title: 'Bad', visibility: 'SECRET' as any })), 400);
    expectError(await rejectionOf(sites.createSite({ id: 'bad id!', title: 'Bad id', visibility: 'PUBLIC' })), 400);
    expectError(await rejectionOf(sites.createSite({ id: 'no-title', visibility: 'PUBLIC' } as any)), 400);
    expectError(await rejectionOf(sites.getSite('no-such-site')), 404);
  });

  it('private site: hidden from non-members (404), its documentLibrary unreadable (403); consumers read, collaborators upload', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'vigilance', title: 'Vigilance', visibility: 'PRIVATE' });
    const lib = await docLib('vigilance');
    const outsider = await user('s.outsider');
    expectError(await rejectionOf(outsider.sites.getSite('vigilance')), 404);
    assert.ok(!entriesOf(await outsider.sites.listSites()).some((s) => s.id === 'vigilance'));
    expectError(await rejectionOf(outsider.nodes.getNode(lib)), 403);
    expectError(await rejectionOf(outsider.sites.listSiteContainers('vigilance')), 404);

    await user('s.reader');
    await user('s.writer');
    await sites.createSiteMembership('vigilance', { id: 's.reader', role: 'SiteConsumer' });
    await sites.createSiteMembership('vigilance', { id: 's.writer', role: 'SiteCollaborator' });
    const reader = await as('s.reader');
    assert.equal((await reader.sites.getSite('vigilance')).entry.role, 'SiteConsumer');
    assert.equal((await reader.nodes.getNode(lib)).entry.name, 'documentLibrary');
    expectError(await rejectionOf(reader.nodes.createNode(lib, { name: 'not-allowed.txt', nodeType: 'cm:content' })), 403);

    const form = new FormData();
    form.append('filedata', new Blob(['noting sheet']), 'noting.txt');
    const upload = await repo().request('POST', `/alfresco/api/-default-/public/alfresco/versions/1/nodes/${lib}/children`, {
      auth: ['s.writer', 's.writer'],
      body: form
    });
    assert.equal(upload.status, 201);
    const uploadedId = (upload.body as any).entry.id;
    assert.equal((await reader.nodes.getNode(uploadedId)).entry.name, 'noting.txt', 'content inherits the site permissions');
    expectError(await rejectionOf(outsider.nodes.getNode(uploadedId)), 403);
  });

  it('public site: everyone reads its content as SiteConsumer but cannot add to it', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'notices', title: 'Notices', visibility: 'PUBLIC' });
    const lib = await docLib('notices');
    const visitor = await user('s.visitor');
    const site = (await visitor.sites.getSite('notices')).entry;
    assert.equal(site.role, undefined, 'no role for a non-member');
    assert.equal((await visitor.nodes.getNode(lib)).entry.id, lib);
    expectError(await rejectionOf(visitor.nodes.createNode(lib, { name: 'graffiti', nodeType: 'cm:folder' })), 403);
  });

  it('moderated site: listed for everyone, content for members only; requests wait for a manager', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'council', title: 'Council', visibility: 'MODERATED' });
    const lib = await docLib('council');
    const asker = await user('s.asker');
    assert.ok(entriesOf(await asker.sites.listSites()).some((s) => s.id === 'council'));
    assert.equal((await asker.sites.getSite('council')).entry.visibility, 'MODERATED');
    expectError(await rejectionOf(asker.nodes.getNode(lib)), 403);

    const req = await asker.sites.createSiteMembershipRequestForPerson('-me-', { id: 'council', message: 'Please add me' });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(req.entry.id, 'council');
    assert.equal(req.entry.message, 'Please add me');
    expectError(await rejectionOf(asker.sites.createSiteMembershipRequestForPerson('-me-', { id: 'council' })), 400);
    assert.deepEqual(
      entriesOf(await asker.sites.listSiteMembershipRequestsForPerson('-me-')).map((r) => r.id),
      ['council']
    );

    const pending = entriesOf(await sites.getSiteMembershipRequests({ where: '(siteId=council)' }));
    assert.deepEqual(
      pending.map((r) => r.person.id),
      ['s.asker']
    );
    assert.deepEqual(entriesOf(await asker.sites.getSiteMembershipRequests()), [], 'only managers see requests to act on');
    expectError(await rejectionOf(asker.sites.approveSiteMembershipRequest('council', 's.asker')), 403);

    await sites.approveSiteMembershipRequest('council', 's.asker', { siteMembershipApprovalBody: { role: 'SiteCollaborator' } });
    assert.equal(repo().recorder.last()!.status, 200);
    assert.equal((await asker.sites.getSite('council')).entry.role, 'SiteCollaborator');
    assert.equal((await asker.nodes.createNode(lib, { name: 'minutes', nodeType: 'cm:folder' })).entry.name, 'minutes');
    assert.deepEqual(entriesOf(await asker.sites.listSiteMembershipRequestsForPerson('-me-')), []);

    const rejected = await user('s.rejected');
    await rejected.sites.createSiteMembershipRequestForPerson('-me-', { id: 'council' });
    await sites.rejectSiteMembershipRequest('council', 's.rejected');
    assert.equal((await rejected.sites.getSite('council')).entry.role, undefined, 'a rejected request adds no membership');
    assert.deepEqual(entriesOf(await rejected.sites.listSiteMembershipRequestsForPerson('-me-')), []);
    expectError(await rejectionOf(sites.approveSiteMembershipRequest('council', 's.rejected')), 404);
  });

  it('joining a public site through a request is immediate; a private site takes no requests', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'open-house', title: 'Open House', visibility: 'PUBLIC' });
    await sites.createSite({ id: 'closed-room', title: 'Closed Room', visibility: 'PRIVATE' });
    const joiner = await user('s.joiner');
    await joiner.sites.createSiteMembershipRequestForPerson('-me-', { id: 'open-house' });
    assert.equal((await joiner.sites.getSiteMembershipForPerson('-me-', 'open-house')).entry.role, 'SiteConsumer');
    expectError(await rejectionOf(joiner.sites.createSiteMembershipRequestForPerson('-me-', { id: 'closed-room' })), 404);
  });

  it('members: managers add (201) and change roles; duplicates 409, bad roles 400; the last manager stays (422)', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'members-site', title: 'Members', visibility: 'PUBLIC' });
    await user('s.member');
    const added = await sites.createSiteMembership('members-site', { id: 's.member', role: 'SiteContributor' });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(added.entry.id, 's.member');
    assert.equal(added.entry.role, 'SiteContributor');
    assert.equal(added.entry.person.id, 's.member');
    expectError(await rejectionOf(sites.createSiteMembership('members-site', { id: 's.member', role: 'SiteConsumer' })), 409);
    expectError(await rejectionOf(sites.createSiteMembership('members-site', { id: 's.nobody', role: 'SiteConsumer' })), 404);
    await user('s.other');
    expectError(await rejectionOf(sites.createSiteMembership('members-site', { id: 's.other', role: 'Boss' as any })), 400);

    const member = await as('s.member');
    expectError(await rejectionOf(member.sites.createSiteMembership('members-site', { id: 's.other', role: 'SiteConsumer' })), 403);

    const updated = await sites.updateSiteMembership('members-site', 's.member', { role: 'SiteManager' });
    assert.equal(updated.entry.role, 'SiteManager');
    const list = entriesOf(await sites.listSiteMemberships('members-site'));
    assert.deepEqual(list.map((m) => `${m.id}:${m.role}`).sort(), ['admin:SiteManager', 's.member:SiteManager']);
    assert.equal((await sites.getSiteMembership('members-site', 's.member')).entry.role, 'SiteManager');

    await sites.deleteSiteMembership('members-site', 'admin');
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(member.sites.deleteSiteMembership('members-site', 's.member')), 422);
    expectError(await rejectionOf(member.sites.updateSiteMembership('members-site', 's.member', { role: 'SiteConsumer' })), 422);
    expectError(await rejectionOf(sites.getSiteMembership('members-site', 'admin')), 404);
  });

  it('a member may leave a site; a non-manager may not remove others', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'leavers', title: 'Leavers', visibility: 'PUBLIC' });
    await user('s.leaver');
    await user('s.stayer');
    await sites.createSiteMembership('leavers', { id: 's.leaver', role: 'SiteConsumer' });
    await sites.createSiteMembership('leavers', { id: 's.stayer', role: 'SiteConsumer' });
    const leaver = await as('s.leaver');
    expectError(await rejectionOf(leaver.sites.deleteSiteMembership('leavers', 's.stayer')), 422);
    await leaver.sites.deleteSiteMembershipForPerson('-me-', 'leavers');
    expectError(await rejectionOf(leaver.sites.getSiteMembershipForPerson('-me-', 'leavers')), 404);
  });

  it('group members: a group gets a role (201); its people become members through it and can upload', async () => {
    const { sites, groups } = await as();
    await sites.createSite({ id: 'grouped', title: 'Grouped', visibility: 'PRIVATE' });
    const lib = await docLib('grouped');
    await user('s.ingroup');
    await groups.createGroup({ id: 'drafting', displayName: 'Drafting Cell' });
    await groups.createGroupMembership('GROUP_drafting', { id: 's.ingroup', memberType: 'PERSON' });
    const added = await sites.createSiteGroupMembership('grouped', { id: 'GROUP_drafting', role: 'SiteCollaborator' });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.deepEqual(JSON.parse(JSON.stringify(added.entry)), {
      id: 'GROUP_drafting',
      group: { id: 'GROUP_drafting', displayName: 'Drafting Cell', memberType: 'GROUP' },
      role: 'SiteCollaborator'
    });
    expectError(await rejectionOf(sites.createSiteGroupMembership('grouped', { id: 'GROUP_drafting', role: 'SiteConsumer' })), 409);
    expectError(await rejectionOf(sites.createSiteGroupMembership('grouped', { id: 'GROUP_missing', role: 'SiteConsumer' })), 404);
    assert.deepEqual(
      entriesOf(await sites.listSiteGroups('grouped')).map((g) => g.id),
      ['GROUP_drafting']
    );

    const viaGroup = entriesOf(await sites.listSiteMemberships('grouped', { where: '(isMemberOfGroup=true)' }));
    assert.deepEqual(
      viaGroup.map((m) => `${m.id}:${m.role}:${m.isMemberOfGroup}`),
      ['s.ingroup:SiteCollaborator:true']
    );
    const inGroup = await as('s.ingroup');
    assert.equal((await inGroup.sites.getSite('grouped')).entry.role, 'SiteCollaborator');
    assert.equal((await inGroup.nodes.createNode(lib, { name: 'draft.txt', nodeType: 'cm:content' })).entry.name, 'draft.txt');

    assert.equal((await sites.updateSiteGroupMembership('grouped', 'GROUP_drafting', { role: 'SiteConsumer' })).entry.role, 'SiteConsumer');
    expectError(await rejectionOf(inGroup.nodes.createNode(lib, { name: 'draft2.txt', nodeType: 'cm:content' })), 403);
    await sites.deleteSiteGroupMembership('grouped', 'GROUP_drafting');
    expectError(await rejectionOf(inGroup.sites.getSite('grouped')), 404);
  });

  it('update: managers change title and visibility (200); consumers get 403; PRIVATE hides the site', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'renamable', title: 'Old Title', visibility: 'PUBLIC' });
    const visitor = await user('s.viewer');
    const updated = await sites.updateSite('renamable', { title: 'New Title', description: 'Now described' });
    assert.equal(updated.entry.title, 'New Title');
    assert.equal(updated.entry.description, 'Now described');
    expectError(await rejectionOf(visitor.sites.updateSite('renamable', { title: 'Hijacked' })), 403);
    expectError(await rejectionOf(sites.updateSite('renamable', { visibility: 'HIDDEN' as any })), 400);
    await sites.updateSite('renamable', { visibility: 'PRIVATE' });
    expectError(await rejectionOf(visitor.sites.getSite('renamable')), 404);
    expectError(await rejectionOf(visitor.nodes.getNode(await docLib('renamable'))), 403);
    await sites.updateSite('renamable', { visibility: 'PUBLIC' });
    assert.equal((await visitor.sites.getSite('renamable')).entry.title, 'New Title');
  });

  it('delete: non-managers get 403; the site goes to the trashcan with its groups; permanent frees the id', async () => {
    const { sites, groups, trash } = await as();
    const site = (await sites.createSite({ id: 'doomed', title: 'Doomed', visibility: 'PUBLIC' })).entry;
    const visitor = await user('s.vandal');
    expectError(await rejectionOf(visitor.sites.deleteSite('doomed')), 403);
    await sites.deleteSite('doomed');
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(sites.getSite('doomed')), 404);
    expectError(await rejectionOf(groups.getGroup('GROUP_site_doomed_SiteManager')), 404);
    assert.equal((await trash.getDeletedNode(site.guid)).entry?.name, 'doomed');
    expectError(await rejectionOf(sites.createSite({ id: 'doomed', title: 'Doomed again', visibility: 'PUBLIC' })), 409);

    await sites.createSite({ id: 'purged', title: 'Purged', visibility: 'PUBLIC' });
    await sites.deleteSite('purged', { permanent: true });
    assert.equal((await sites.createSite({ id: 'purged', title: 'Purged again', visibility: 'PUBLIC' })).entry.title, 'Purged again');
  });

  it('lists sites with orderBy, where visibility and relations; people list their memberships', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'zz-list', title: 'AAA list first', visibility: 'PUBLIC' });
    await sites.createSite({ id: 'aa-list', title: 'ZZZ list last', visibility: 'MODERATED' });
    const byTitle = entriesOf(await sites.listSites({ maxItems: 1000 })).map((s) => s.title.toLowerCase());
    assert.deepEqual(
      byTitle,
      [...byTitle].sort((a, b) => a.localeCompare(b)),
      'default order: title'
    );
    const byIdDesc = entriesOf(await sites.listSites({ orderBy: ['id DESC'], maxItems: 1000 })).map((s) => s.id);
    assert.ok(byIdDesc.indexOf('zz-list') < byIdDesc.indexOf('aa-list'));
    const moderated = entriesOf(await sites.listSites({ where: "(visibility='MODERATED')", maxItems: 1000 }));
    assert.ok(moderated.length > 0 && moderated.every((s) => s.visibility === 'MODERATED'));
    expectError(await rejectionOf(sites.listSites({ where: "(visibility='SECRET')" })), 400);

    const withRelations = (await sites.listSites({ relations: ['members', 'containers'], maxItems: 1000 })) as any;
    const zz = withRelations.list.entries.find((e: any) => e.entry.id === 'zz-list');
    assert.deepEqual(
      zz.relations.members.list.entries.map((m: any) => m.entry.id),
      ['admin']
    );
    assert.deepEqual(
      zz.relations.containers.list.entries.map((c: any) => c.entry.id),
      ['documentLibrary']
    );

    await user('s.lister');
    await sites.createSiteMembership('aa-list', { id: 's.lister', role: 'SiteContributor' });
    const lister = await as('s.lister');
    const mine = entriesOf(await lister.sites.listSiteMembershipsForPerson('-me-'));
    assert.deepEqual(
      mine.map((m) => `${m.id}:${m.role}:${m.site.id}:${m.guid === m.site.guid}`),
      ['aa-list:SiteContributor:aa-list:true']
    );
    expectError(await rejectionOf(lister.sites.getSiteMembershipForPerson('-me-', 'zz-list')), 404);
    assert.equal(pageOf(await sites.listSiteMembershipsForPerson('s.lister')).totalItems, 1);
  });

  it('favourite sites: add (201), read, list, delete (204); duplicates 409; others’ favourites 403', async () => {
    const { sites } = await as();
    await sites.createSite({ id: 'fav-site', title: 'Fav', visibility: 'PUBLIC' }, { skipAddToFavorites: true });
    const fan = await user('s.fan');
    const created = await fan.favorites.createSiteFavorite('-me-', { id: 'fav-site' });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(created.entry.id, 'fav-site');
    expectError(await rejectionOf(fan.favorites.createSiteFavorite('-me-', { id: 'fav-site' })), 409);
    assert.equal((await fan.favorites.getFavoriteSite('-me-', 'fav-site')).entry.id, 'fav-site');
    assert.deepEqual(
      entriesOf(await fan.favorites.listFavoriteSitesForPerson('s.fan')).map((s) => s.id),
      ['fav-site']
    );
    const stranger = await user('s.stranger');
    expectError(await rejectionOf(stranger.favorites.listFavoriteSitesForPerson('s.fan')), 403);
    await fan.favorites.deleteSiteFavorite('-me-', 'fav-site');
    assert.equal(repo().recorder.last()!.status, 204);
    expectError(await rejectionOf(fan.favorites.getFavoriteSite('-me-', 'fav-site')), 404);
  });
});
