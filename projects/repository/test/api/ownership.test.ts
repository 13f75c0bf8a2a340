/**
 * cm:owner through PUT /nodes, as ACS guards it: the owner holds FullControl (ROLE_OWNER), so a property map that
 * changes cm:owner needs TakeOwnership besides WriteProperties (ACLEntryVoter, public-services-security-context.xml
 * ACL_ITEM.0.cm:ownable.TakeOwnership; ALF-19234), which a Coordinator and the owner hold and a Collaborator does
 * not. Whoever may, makes someone else the owner (OwnableServiceImpl.getOwner reads cm:owner).
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { API, useTestRepository } from '../support/test-repository';

interface Entry {
  entry: { id: string; properties?: Record<string, unknown> };
}

describe('ownership (cm:owner) through the nodes API', () => {
  const repo = useTestRepository();
  let shared: string;
  const as = (u: string): [string, string] => [u, u];
  const put = (u: string, id: string, body: unknown) => repo().request('PUT', `${API.core}/nodes/${id}`, { auth: as(u), body });
  const ownerOf = async (id: string) =>
    ((await repo().request('GET', `${API.core}/nodes/${id}`, { auth: as('admin') })).body as Entry).entry.properties?.['cm:owner'];
  const mayChangePermissions = async (u: string, id: string) =>
    (await put(u, id, { permissions: { locallySet: [{ authorityId: 'GROUP_EVERYONE', name: 'Consumer', accessStatus: 'ALLOWED' }] } }))
      .status;

  before(async () => {
    for (const u of ['asha', 'bimal', 'chitra']) await repo().createUser(u);
    const folder = await repo().request('POST', `${API.core}/nodes/-root-/children`, {
      auth: as('admin'),
      body: { name: 'Ownership trials', nodeType: 'cm:folder' }
    });
    assert.equal(folder.status, 201, JSON.stringify(folder.body));
    const access = await put('admin', (folder.body as Entry).entry.id, {
      permissions: {
        isInheritanceEnabled: false,
        locallySet: [
          { authorityId: 'asha', name: 'Collaborator', accessStatus: 'ALLOWED' },
          { authorityId: 'bimal', name: 'Collaborator', accessStatus: 'ALLOWED' },
          { authorityId: 'chitra', name: 'Coordinator', accessStatus: 'ALLOWED' }
        ]
      }
    });
    assert.equal(access.status, 200);
    shared = (folder.body as Entry).entry.id;
  });

  const draftOf = async (u: string, name: string) => {
    const made = await repo().request('POST', `${API.core}/nodes/${shared}/children`, {
      auth: as(u),
      body: { name, nodeType: 'cm:content' }
    });
    assert.equal(made.status, 201);
    return (made.body as Entry).entry.id;
  };

  it("a Collaborator cannot make himself the owner of a colleague's document: 403, and nothing changes", async () => {
    const draft = await draftOf('asha', 'asha-draft.txt');
    assert.equal((await put('bimal', draft, { properties: { 'cm:title': 'Edited' } })).status, 200, 'he may write it');
    const taken = await put('bimal', draft, { properties: { 'cm:owner': 'bimal', 'cm:title': 'Mine now' } });
    assert.equal(taken.status, 403);
    assert.deepEqual((await ownerOf(draft)) as { id: string }, undefined, 'still no explicit owner: its creator owns it');
    assert.equal(await mayChangePermissions('bimal', draft), 403, 'and he still cannot change its permissions');
    const title = ((await repo().request('GET', `${API.core}/nodes/${draft}`, { auth: as('asha') })).body as Entry).entry.properties?.[
      'cm:title'
    ];
    assert.equal(title, 'Edited', 'the refused update wrote nothing, its title included');
  });

  it('naming the owner it already has is no change, and passes', async () => {
    const draft = await draftOf('asha', 'asha-second.txt');
    assert.equal((await put('bimal', draft, { properties: { 'cm:owner': 'asha', 'cm:title': 'Same owner' } })).status, 200);
  });

  it('the owner, or a Coordinator, gives ownership to another person, who then holds full control', async () => {
    const draft = await draftOf('asha', 'asha-handed.txt');
    assert.equal((await put('asha', draft, { properties: { 'cm:owner': 'bimal' } })).status, 200);
    assert.equal(((await ownerOf(draft)) as { id: string }).id, 'bimal');
    assert.equal(await mayChangePermissions('bimal', draft), 200, 'the new owner may change its permissions');
    assert.equal((await put('chitra', draft, { properties: { 'cm:owner': 'asha' } })).status, 200, 'a Coordinator may too');
    assert.equal(((await ownerOf(draft)) as { id: string }).id, 'asha');
    assert.equal((await put('bimal', draft, { properties: { 'cm:owner': 'bimal' } })).status, 403, 'the former owner has no claim left');
  });

  it('a node may be made with its owner named: createNode asks CreateChildren only; the owner then holds full control', async () => {
    const made = await repo().request('POST', `${API.core}/nodes/${shared}/children`, {
      auth: as('asha'),
      body: { name: 'for-bimal.txt', nodeType: 'cm:content', properties: { 'cm:owner': 'bimal' } }
    });
    assert.equal(made.status, 201);
    const id = (made.body as Entry).entry.id;
    assert.equal(((await ownerOf(id)) as { id: string }).id, 'bimal');
    assert.equal(await mayChangePermissions('bimal', id), 200);
    assert.equal(await mayChangePermissions('asha', id), 403, 'its creator is not its owner');
    const nobody = await repo().request('POST', `${API.core}/nodes/${shared}/children`, {
      auth: as('asha'),
      body: { name: 'for-nobody.txt', nodeType: 'cm:content', properties: { 'cm:owner': 'nobody-here' } }
    });
    assert.equal(nobody.status, 400);
  });

  it('an owner who is not a person, or no owner at all, is a 400 and changes nothing', async () => {
    const draft = await draftOf('asha', 'asha-third.txt');
    assert.equal((await put('asha', draft, { properties: { 'cm:owner': 'nobody-here' } })).status, 400);
    assert.equal((await put('asha', draft, { properties: { 'cm:owner': null } })).status, 400);
    assert.equal(await ownerOf(draft), undefined);
  });
});
