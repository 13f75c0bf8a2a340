import { Injectable, inject } from '@angular/core';
import { AlfrescoApiService } from '@alfresco/adf-content-services';
import { GroupPaging, GroupsApi, PeopleApi, Person } from '@alfresco/js-api';
import { Observable, forkJoin, from, map } from 'rxjs';
import { OfficerGroup, OfficerProfile } from '../model/officer-profile.model';

/** Person properties that may carry the officer's section, most specific first. */
export const SECTION_PROPERTY_KEYS = ['eo:section', 'eoffice:section'];

/** How many group memberships one profile load asks for. */
export const GROUP_PAGE_SIZE = 100;

const GROUP_PREFIX = 'GROUP_';

/** Owns the signed-in officer's profile: who they are, their designation, section and groups. */
@Injectable({ providedIn: 'root' })
export class OfficerProfileService {
  private readonly apiService = inject(AlfrescoApiService);

  private get peopleApi(): PeopleApi {
    return new PeopleApi(this.apiService.getInstance());
  }

  private get groupsApi(): GroupsApi {
    return new GroupsApi(this.apiService.getInstance());
  }

  /** Reads the signed-in officer (`-me-`) and their group memberships from the repository. */
  loadMyProfile(): Observable<OfficerProfile> {
    return forkJoin([
      from(this.peopleApi.getPerson('-me-')),
      from(this.groupsApi.listGroupMembershipsForPerson('-me-', { skipCount: 0, maxItems: GROUP_PAGE_SIZE }))
    ]).pipe(map(([personEntry, groups]) => toOfficerProfile(personEntry.entry, groups)));
  }
}

/** Maps the repository's person and group paging to what the profile page shows. */
export function toOfficerProfile(person: Person, groups: GroupPaging | undefined): OfficerProfile {
  const fullName = [person.firstName, person.lastName].filter((part) => !!part?.trim()).join(' ');
  return {
    userId: person.id,
    displayName: person.displayName?.trim() || fullName || person.id,
    designation: blankToUndefined(person.jobTitle),
    section: sectionOf(person),
    email: blankToUndefined(person.email),
    groups: (groups?.list?.entries ?? [])
      .map((entry) => toOfficerGroup(entry.entry.id ?? '', entry.entry.displayName))
      .filter((group) => group.id !== '')
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
  };
}

function sectionOf(person: Person): string | undefined {
  const properties = person.properties ?? {};
  for (const key of SECTION_PROPERTY_KEYS) {
    const value = blankToUndefined(properties[key]);
    if (value) {
      return value;
    }
  }
  return blankToUndefined(person.company?.organization);
}

function toOfficerGroup(id: string, displayName: string | undefined): OfficerGroup {
  const fallback = id.startsWith(GROUP_PREFIX) ? id.substring(GROUP_PREFIX.length) : id;
  return { id, displayName: blankToUndefined(displayName) ?? fallback };
}

function blankToUndefined(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
