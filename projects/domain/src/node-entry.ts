/**
 * A node as the REST API answers it (a nodes or search entry), reduced to the fields the domain's mappings
 * read. Structural on purpose: the domain does not import @alfresco/js-api, and js-api's Node (dates as Date,
 * properties as any) satisfies it as the plain JSON of the installer and the repository's tests does.
 */
export interface NodeEntryLike {
  id: string;
  name: string;
  nodeType?: string;
  /** js-api gives a Date, the JSON answer an ISO text. */
  createdAt?: unknown;
  modifiedAt?: unknown;
  properties?: Record<string, unknown>;
  aspectNames?: string[];
  allowableOperations?: string[];
  content?: { mimeType?: string };
}
