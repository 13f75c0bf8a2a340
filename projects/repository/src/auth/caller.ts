/** The authenticated user of a request and the authorities it acts with. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  /** The user id, GROUP_EVERYONE and every group the user belongs to, directly or through nesting. */
  authorities: Set<string>;
  ticket?: string;
  /**
   * The fully authenticated user when a workflow script runs as another (activiti:field runAs): ACS's
   * AuthenticationUtil.runAs changes only the run-as user, and cm:creator / cm:modifier are written for the
   * fully authenticated one (AuditablePropertiesEntity.setAuditValues), so a node a runAs=admin listener
   * creates is the officer's (OwnableServiceImpl.getOwner falls back to cm:creator).
   */
  fullUser?: string;
}

/** Whom cm:creator / cm:modifier name for a write by `caller` (ACS: the fully authenticated user). */
export function auditUser(caller: Caller): string {
  return caller.fullUser ?? caller.userId;
}

/**
 * The repository acting for itself, as ACS's AuthenticationUtil.runAsSystem: workflow engine work and
 * Governance Services' own moves (a declared record going to the file plan) that no user's permissions decide.
 */
export const SYSTEM_CALLER: Caller = { userId: 'System', isAdmin: true, authorities: new Set(['System']) };
