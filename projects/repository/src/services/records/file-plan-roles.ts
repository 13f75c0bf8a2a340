import type { Caller } from '../../auth/caller';
import type { AuthorityService } from '../authority-service';
import { errors } from '../../errors/api-error';

/**
 * The file plan's roles and what each may do, as Governance Services bootstraps them
 * (rm-default-roles-bootstrap.json of AGS; FilePlanRoleServiceImpl): one group per role per file plan,
 * named `GROUP_<Role><filePlanId>`, all non-system roles inside `GROUP_AllRoles<filePlanId>`. AGS grants each
 * capability as a permission on the file plan and checks it in method security; here the capability is
 * looked up from the caller's role groups, which answers the same (403 for a user without the role).
 * Only the capabilities this repository's GS API checks are listed; names are AGS's.
 */
export type Capability =
  | 'ViewRecords'
  | 'CreateModifyDestroyFileplanMetadata'
  | 'CreateModifyDestroyFolders'
  | 'CloseFolders'
  | 'ReOpenFolders'
  | 'CreateRecords'
  | 'DeclareRecords'
  | 'FileUnfiledRecords'
  | 'EditNonRecordMetadata'
  | 'EditRecordMetadata'
  | 'EditDeclaredRecordMetadata'
  | 'DeleteRecords'
  | 'CreateHold'
  | 'EditHold'
  | 'AddToHold'
  | 'RemoveFromHold'
  | 'DeleteHold'
  | 'ApproveRecordsScheduledForCutoff'
  | 'DestroyRecordsScheduledForDestruction'
  | 'DestroyRecords'
  | 'AuthorizeAllTransfers'
  | 'AuthorizeNominatedTransfers'
  | 'AddModifyEventDates'
  | 'ManuallyChangeDispositionDates';

export interface FilePlanRole {
  name: string;
  displayLabel: string;
  capabilities: Capability[];
  /** ExtendedReaders/ExtendedWriters: kept out of AllRoles and of `systemRoles=false` listings. */
  system?: boolean;
}

const POWER_USER: Capability[] = [
  'AddModifyEventDates',
  'CloseFolders',
  'ReOpenFolders',
  'CreateModifyDestroyFolders',
  'CreateRecords',
  'DeclareRecords',
  'EditNonRecordMetadata',
  'EditRecordMetadata',
  'FileUnfiledRecords',
  'ViewRecords'
];
const MANAGER: Capability[] = [
  ...POWER_USER,
  'CreateModifyDestroyFileplanMetadata',
  'EditDeclaredRecordMetadata',
  'DeleteRecords',
  'CreateHold',
  'EditHold',
  'AddToHold',
  'RemoveFromHold',
  'DeleteHold',
  'ApproveRecordsScheduledForCutoff',
  'DestroyRecordsScheduledForDestruction',
  'DestroyRecords',
  'AuthorizeAllTransfers',
  'AuthorizeNominatedTransfers',
  'ManuallyChangeDispositionDates'
];

export const FILE_PLAN_ROLES: readonly FilePlanRole[] = [
  { name: 'Administrator', displayLabel: 'Records Management Administrator', capabilities: MANAGER },
  { name: 'RecordsManager', displayLabel: 'Records Management Manager', capabilities: MANAGER },
  { name: 'SecurityOfficer', displayLabel: 'Records Management Security Officer', capabilities: POWER_USER },
  { name: 'PowerUser', displayLabel: 'Records Management Power User', capabilities: POWER_USER },
  { name: 'User', displayLabel: 'Records Management User', capabilities: ['DeclareRecords', 'ViewRecords'] },
  { name: 'ExtendedReaders', displayLabel: 'In-Place Readers', capabilities: ['ViewRecords'], system: true },
  { name: 'ExtendedWriters', displayLabel: 'In-Place Writers', capabilities: ['ViewRecords', 'EditNonRecordMetadata'], system: true }
];

/** Role groups carry AGS's zones so that group pickers can leave them out as Share does. */
const ROLE_ZONES = (filePlanId: string) => ['APP.RM', `rmRoleZone${filePlanId}`];

export class FilePlanRoles {
  constructor(private readonly authorities: AuthorityService) {}

  roleGroup(filePlanId: string, role: string): string {
    return `GROUP_${role}${filePlanId}`;
  }

  allRolesGroup(filePlanId: string): string {
    return `GROUP_AllRoles${filePlanId}`;
  }

  /** Creates the role groups of a new file plan and puts its creator and admin in the Administrator role. */
  bootstrap(filePlanId: string, creator: string): void {
    const all = this.allRolesGroup(filePlanId);
    this.authorities.insertGroup(all, 'All Records Management Roles', undefined, ['APP.RM']);
    for (const role of FILE_PLAN_ROLES) {
      const group = this.roleGroup(filePlanId, role.name);
      this.authorities.insertGroup(group, role.displayLabel, undefined, ROLE_ZONES(filePlanId));
      if (!role.system) this.authorities.addMember(all, group);
    }
    const admins = this.roleGroup(filePlanId, 'Administrator');
    for (const person of new Set([creator, 'admin'])) this.authorities.addMember(admins, person);
  }

  /** Every group a file plan's roles use (deleted with the RM site). */
  groupsOf(filePlanId: string): string[] {
    return [this.allRolesGroup(filePlanId), ...FILE_PLAN_ROLES.map((r) => this.roleGroup(filePlanId, r.name))];
  }

  /** The caller's roles in the file plan (through any nesting of groups). */
  rolesOf(caller: Caller, filePlanId: string): FilePlanRole[] {
    return FILE_PLAN_ROLES.filter((r) => caller.authorities.has(this.roleGroup(filePlanId, r.name)));
  }

  has(caller: Caller, filePlanId: string, capability: Capability): boolean {
    return this.rolesOf(caller, filePlanId).some((r) => r.capabilities.includes(capability));
  }

  /** AGS's method security refuses with AccessDeniedException, which the REST framework answers 403. */
  require(caller: Caller, filePlanId: string, capability: Capability): void {
    if (!this.has(caller, filePlanId, capability))
      throw errors.permissionDenied('Access Denied.  You do not have the appropriate permissions to perform this operation.');
  }
}

/** The capability groups of AGS's capability-service.properties (capability.group.<id>.title). */
const GROUP_TITLES = {
  records: 'Records',
  metadataControl: 'Metadata Control',
  folderControl: 'Folder Control',
  events: 'Events',
  cutoff: 'Cut Off',
  dispositionAndTransfers: 'Retention and Transfers',
  holdControls: 'Hold Controls',
  config: 'Configuration'
} as const;

/** Each capability's title and group, as AGS's capability-service.properties and rm-capabilities-*.xml give them. */
const CAPABILITY_INFO: Record<Capability, [title: string, group: keyof typeof GROUP_TITLES]> = {
  ViewRecords: ['View Records', 'records'],
  CreateRecords: ['Create Records', 'records'],
  DeclareRecords: ['Complete Records', 'records'],
  FileUnfiledRecords: ['File Unfiled Records', 'records'],
  EditRecordMetadata: ['Edit Record Metadata', 'metadataControl'],
  EditDeclaredRecordMetadata: ['Edit Completed Record Metadata', 'metadataControl'],
  EditNonRecordMetadata: ['Edit Non-Record Metadata', 'metadataControl'],
  CreateModifyDestroyFolders: ['Create Modify Destroy Folders', 'folderControl'],
  CloseFolders: ['Close Folders', 'folderControl'],
  ReOpenFolders: ['Re-Open Folders', 'folderControl'],
  AddModifyEventDates: ['Add Modify Event Dates', 'events'],
  ApproveRecordsScheduledForCutoff: ['Approve Records Scheduled for Cut Off', 'cutoff'],
  ManuallyChangeDispositionDates: ['Manually Change Retention Dates', 'dispositionAndTransfers'],
  AuthorizeNominatedTransfers: ['Authorize Nominated Transfers', 'dispositionAndTransfers'],
  AuthorizeAllTransfers: ['Authorize All Transfers', 'dispositionAndTransfers'],
  DestroyRecordsScheduledForDestruction: ['Destroy Record or Record Folder Scheduled for Destruction', 'dispositionAndTransfers'],
  DestroyRecords: ['Destroy Records', 'dispositionAndTransfers'],
  DeleteRecords: ['Delete Records', 'dispositionAndTransfers'],
  CreateModifyDestroyFileplanMetadata: ['Create Modify Destroy File Plan Metadata', 'config'],
  CreateHold: ['Create Hold', 'holdControls'],
  AddToHold: ['Add to Hold', 'holdControls'],
  RemoveFromHold: ['Remove from Hold', 'holdControls'],
  DeleteHold: ['Delete Hold', 'holdControls'],
  EditHold: ['Edit Hold', 'holdControls']
};

/** A capability as the roles listing answers it (CapabilityModel: name, title, group). */
export function capabilityModel(name: Capability): { name: string; title: string; group: { id: string; title: string } } {
  const [title, group] = CAPABILITY_INFO[name];
  return { name, title, group: { id: group, title: GROUP_TITLES[group] } };
}
