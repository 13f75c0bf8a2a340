/**
 * People API: create, get, -me-, list with paging, update, password change, preferences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PeopleApi, PreferencesApi } from '@alfresco/js-api';
import { expectError, rejectionOf } from '../support/contract';
import { useTestRepository, entriesOf, pageOf } from '../support/test-repository';

describe('people API', () => {
  const repo = useTestRepository();

  it('admin creates a person (201) with the given fields; enabled defaults to true', async () => {
    const people = new PeopleApi(await repo().api());
    const created = await people.createPerson({
      id: 'p.sharma',
      firstName: 'Priya',
      lastName: 'Sharma',
      email: 'priya.sharma@example.gov.in',
      password: 'secret',
      jobTitle: 'Section Officer'
    });
    assert.equal(repo().recorder.last()!.status, 201);
    assert.equal(created.entry.id, 'p.sharma');
    assert.equal(created.entry.firstName, 'Priya');
    assert.equal(created.entry.lastName, 'Sharma');
    assert.equal(created.entry.displayName, 'Priya Sharma');
    assert.equal(created.entry.email, 'priya.sharma@example.gov.in');
    assert.equal(created.entry.jobTitle, 'Section Officer');
    assert.equal(created.entry.enabled, true);
    assert.equal((created.entry as any).password, undefined, 'the password is never returned');
  });

  it('creating an existing person id answers 409', async () => {
    const people = new PeopleApi(await repo().api());
    await people.createPerson({ id: 'dup.person', firstName: 'Dup', email: 'dup@example.com', password: 'x' });
    const rejection = await rejectionOf(
      people.createPerson({ id: 'dup.person', firstName: 'Dup', email: 'dup@example.com', password: 'x' })
    );
    expectError(rejection, 409);
  });

  it('creating a person without the required email answers 400', async () => {
    const people = new PeopleApi(await repo().api());
    expectError(await rejectionOf(people.createPerson({ id: 'no.email', firstName: 'No', password: 'x' } as any)), 400);
  });

  it('a non-admin cannot create people (403)', async () => {
    await repo().createUser('plain.user');
    const people = new PeopleApi(await repo().api('plain.user', 'plain.user'));
    expectError(await rejectionOf(people.createPerson({ id: 'x.y', firstName: 'X', email: 'x@y.z', password: 'x' })), 403);
  });

  it('gets a person by id and the caller by -me- (with capabilities)', async () => {
    await repo().createUser('get.user', { firstName: 'Get', lastName: 'User' });
    const people = new PeopleApi(await repo().api());
    const person = await people.getPerson('get.user');
    assert.equal(person.entry.id, 'get.user');
    assert.equal(person.entry.displayName, 'Get User');
    const me = await people.getPerson('-me-');
    assert.equal(me.entry.id, 'admin');
    assert.equal(me.entry.capabilities?.isAdmin, true);
    const userMe = await new PeopleApi(await repo().api('get.user', 'get.user')).getPerson('-me-');
    assert.equal(userMe.entry.id, 'get.user');
    assert.equal(userMe.entry.capabilities?.isAdmin, false);
  });

  it('an unknown person answers 404', async () => {
    const people = new PeopleApi(await repo().api());
    expectError(await rejectionOf(people.getPerson('does.not.exist')), 404);
  });

  it('lists people with paging', async () => {
    for (const id of ['list.a', 'list.b', 'list.c']) await repo().createUser(id);
    const people = new PeopleApi(await repo().api());
    const all = await people.listPeople({ maxItems: 100 });
    const ids = entriesOf(all).map((e) => e.id);
    for (const id of ['admin', 'list.a', 'list.b', 'list.c']) assert.ok(ids.includes(id), `${id} listed`);
    assert.equal(pageOf(all).count, entriesOf(all).length);
    const page = await people.listPeople({ skipCount: 1, maxItems: 2 });
    assert.equal(entriesOf(page).length, 2);
    assert.equal(pageOf(page).count, 2);
    assert.equal(pageOf(page).skipCount, 1);
    assert.equal(pageOf(page).maxItems, 2);
    assert.equal(pageOf(page).hasMoreItems, true);
    assert.deepEqual(
      entriesOf(page).map((e) => e.id),
      ids.slice(1, 3),
      'pages follow the same order'
    );
  });

  it('admin updates a person (200); the change is visible on GET', async () => {
    await repo().createUser('upd.user', { firstName: 'Old' });
    const people = new PeopleApi(await repo().api());
    const updated = await people.updatePerson('upd.user', { firstName: 'New', jobTitle: 'Under Secretary' });
    assert.equal(updated.entry.firstName, 'New');
    assert.equal((await people.getPerson('upd.user')).entry.jobTitle, 'Under Secretary');
  });

  it('a user may update their own details but not someone else’s (403)', async () => {
    await repo().createUser('self.user');
    await repo().createUser('other.user');
    const people = new PeopleApi(await repo().api('self.user', 'self.user'));
    const updated = await people.updatePerson('-me-', { jobTitle: 'Assistant' });
    assert.equal(updated.entry.jobTitle, 'Assistant');
    expectError(await rejectionOf(people.updatePerson('other.user', { jobTitle: 'Hacked' })), 403);
  });

  it('changing one’s own password needs the old password', async () => {
    await repo().createUser('pw.user', { password: 'first' });
    const people = new PeopleApi(await repo().api('pw.user', 'first'));
    await people.updatePerson('-me-', { oldPassword: 'first', password: 'second' });
    await repo().api('pw.user', 'second');
    expectError(await rejectionOf(repo().attemptLogin('pw.user', 'first')), 403);
  });

  it('sets, gets and lists preferences', async () => {
    await repo().createUser('pref.user');
    const prefs = new PreferencesApi(await repo().api('pref.user', 'pref.user'));
    const set = await prefs.updatePreference('-me-', 'org.alfresco.share.sites.favourites.x', 'true');
    assert.equal(set.entry.id, 'org.alfresco.share.sites.favourites.x');
    const got = await prefs.getPreference('-me-', 'org.alfresco.share.sites.favourites.x');
    assert.equal(got.entry.value, 'true');
    const list = await prefs.listPreferences('-me-');
    assert.ok(entriesOf(list).some((e) => e.id === 'org.alfresco.share.sites.favourites.x'));
    expectError(await rejectionOf(prefs.getPreference('-me-', 'no.such.preference')), 404);
  });
});
