/** The authenticated user of a request and the authorities it acts with. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  /** The user id, GROUP_EVERYONE and every group the user belongs to, directly or through nesting. */
  authorities: Set<string>;
  ticket?: string;
}

/**
 * The repository acting for itself, as ACS's AuthenticationUtil.runAsSystem: workflow engine work and
 * Governance Services' own moves (a declared record going to the file plan) that no user's permissions decide.
 */
export const SYSTEM_CALLER: Caller = { userId: 'System', isAdmin: true, authorities: new Set(['System']) };
