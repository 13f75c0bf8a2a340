/** The authenticated user of a request and the authorities it acts with. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  /** The user id, GROUP_EVERYONE and every group the user belongs to, directly or through nesting. */
  authorities: Set<string>;
  ticket?: string;
}
