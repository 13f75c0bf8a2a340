import { TestBed } from '@angular/core/testing';
import { GroupPaging, GroupsApi, PeopleApi, PersonEntry } from '@alfresco/js-api';
import { firstValueFrom } from 'rxjs';
import { sectionOfficerEntry, sectionOfficerGroups, sectionOfficerProfile } from '../mock/officer-profile.mock';
import { GROUP_PAGE_SIZE, OfficerProfileService, toOfficerProfile } from './officer-profile.service';
import { provideJsApi } from '../../shared/testing/spec-support.spec';

describe('OfficerProfileService', () => {
  let service: OfficerProfileService;
  let getPerson: jasmine.Spy;
  let listGroups: jasmine.Spy;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideJsApi()]
    });
    service = TestBed.inject(OfficerProfileService);
    getPerson = spyOn(PeopleApi.prototype, 'getPerson').and.resolveTo(sectionOfficerEntry);
    listGroups = spyOn(GroupsApi.prototype, 'listGroupMembershipsForPerson').and.resolveTo(sectionOfficerGroups);
  });

  it('reads the signed-in person and their groups from the repository', async () => {
    const profile = await firstValueFrom(service.loadMyProfile());

    expect(getPerson).toHaveBeenCalledOnceWith('-me-');
    expect(listGroups).toHaveBeenCalledOnceWith('-me-', { skipCount: 0, maxItems: GROUP_PAGE_SIZE });
    expect(profile).toEqual(sectionOfficerProfile);
  });

  it('fails when the repository refuses the person', async () => {
    getPerson.and.rejectWith(new Error('401'));

    await expectAsync(firstValueFrom(service.loadMyProfile())).toBeRejectedWithError('401');
  });

  it('fails when the group memberships cannot be read', async () => {
    listGroups.and.rejectWith(new Error('500'));

    await expectAsync(firstValueFrom(service.loadMyProfile())).toBeRejectedWithError('500');
  });
});

describe('toOfficerProfile', () => {
  const noGroups: GroupPaging = { list: { pagination: { count: 0 }, entries: [] } };

  function person(overrides: Partial<PersonEntry['entry']>): PersonEntry['entry'] {
    return { id: 'admin', firstName: 'Administrator', email: 'admin@alfresco.com', enabled: true, ...overrides };
  }

  it('takes the designation from the job title', () => {
    expect(toOfficerProfile(person({ jobTitle: 'Under Secretary' }), noGroups).designation).toBe('Under Secretary');
  });

  it('leaves the designation unset when the job title is blank', () => {
    expect(toOfficerProfile(person({ jobTitle: '  ' }), noGroups).designation).toBeUndefined();
  });

  it('prefers the e-Office section property over the organisation', () => {
    const officer = person({ properties: { 'eo:section': 'Cash' }, company: { organization: 'DARPG' } });

    expect(toOfficerProfile(officer, noGroups).section).toBe('Cash');
  });

  it('falls back to the organisation when no section property is recorded', () => {
    expect(toOfficerProfile(person({ company: { organization: 'DARPG' } }), noGroups).section).toBe('DARPG');
  });

  it('has no section when neither is recorded', () => {
    expect(toOfficerProfile(person({}), noGroups).section).toBeUndefined();
  });

  it('builds the name from first and last name when the repository sends no display name', () => {
    expect(toOfficerProfile(person({ firstName: 'Ravi', lastName: 'Kumar' }), noGroups).displayName).toBe('Ravi Kumar');
  });

  it('uses the user id when the person has no name at all', () => {
    expect(toOfficerProfile(person({ firstName: '' }), noGroups).displayName).toBe('admin');
  });

  it('lists groups by name and names an unnamed group after its id', () => {
    const groups = toOfficerProfile(person({}), sectionOfficerGroups).groups.map((group) => group.displayName);

    expect(groups).toEqual(['CRU', 'Establishment-I', 'Under Secretaries']);
  });

  it('copes with a missing group list', () => {
    expect(toOfficerProfile(person({}), undefined).groups).toEqual([]);
  });
});
