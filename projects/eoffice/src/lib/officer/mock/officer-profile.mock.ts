import { GroupPaging, PersonEntry } from '@alfresco/js-api';
import { OfficerProfile } from '../model/officer-profile.model';

/** A Section Officer of the Establishment section, as the repository returns her. */
export const sectionOfficerEntry: PersonEntry = {
  entry: {
    id: 'asharma',
    firstName: 'Asha',
    lastName: 'Sharma',
    displayName: 'Asha Sharma',
    email: 'asha.sharma@example.gov.in',
    jobTitle: 'Section Officer',
    enabled: true,
    company: { organization: 'Department of Administrative Reforms' },
    properties: { 'eo:section': 'Establishment-I' }
  }
};

export const sectionOfficerGroups: GroupPaging = {
  list: {
    pagination: { count: 3, hasMoreItems: false, skipCount: 0, maxItems: 100, totalItems: 3 },
    entries: [
      { entry: { id: 'GROUP_UNDER_SECRETARIES', displayName: 'Under Secretaries', isRoot: true } },
      { entry: { id: 'GROUP_ESTABLISHMENT_I', displayName: 'Establishment-I', isRoot: true } },
      { entry: { id: 'GROUP_CRU', isRoot: true } }
    ]
  }
};

export const sectionOfficerProfile: OfficerProfile = {
  userId: 'asharma',
  displayName: 'Asha Sharma',
  designation: 'Section Officer',
  section: 'Establishment-I',
  email: 'asha.sharma@example.gov.in',
  groups: [
    { id: 'GROUP_CRU', displayName: 'CRU' },
    { id: 'GROUP_ESTABLISHMENT_I', displayName: 'Establishment-I' },
    { id: 'GROUP_UNDER_SECRETARIES', displayName: 'Under Secretaries' }
  ]
};
