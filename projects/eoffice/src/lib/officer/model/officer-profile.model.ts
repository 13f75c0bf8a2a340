/** A group (authority) the signed-in officer belongs to, as the repository names it. */
export interface OfficerGroup {
  /** Authority id, e.g. `GROUP_ESTABLISHMENT_SECTION`. */
  id: string;
  /** Name shown to people; falls back to the id without its `GROUP_` prefix. */
  displayName: string;
}

/** What an officer sees on their "My profile" page. Every field comes from the repository. */
export interface OfficerProfile {
  userId: string;
  displayName: string;
  /** The person's `jobTitle`, e.g. "Section Officer". */
  designation?: string;
  /** The officer's section: an e-Office person property when present, else the person's organisation. */
  section?: string;
  email?: string;
  groups: OfficerGroup[];
}
