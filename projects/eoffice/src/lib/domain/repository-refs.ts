// Small facts about what the repository answers, shared by the extension's services and the installer.

/**
 * The HTTP status of a failed js-api / ADF call: `status` or `statusCode` (0 when the request never got an
 * answer), else the `error.statusCode` of an ACS error body carried in the message; undefined when none.
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; message?: unknown };
  const direct = e.status ?? e.statusCode;
  if (typeof direct === 'number' && Number.isFinite(direct)) return direct;
  const parsed = Number(direct);
  if (direct !== undefined && direct !== null && direct !== '' && Number.isFinite(parsed) && parsed > 0) return parsed;
  try {
    const body = JSON.parse(String(e.message)) as { error?: { statusCode?: unknown } };
    const code = Number(body?.error?.statusCode);
    return Number.isFinite(code) && code > 0 ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The node id of a d:noderef value: ACS answers bare ids, older clients `workspace://SpacesStore/<id>`. */
export const nodeIdOfRef = (ref: unknown): string => String(ref ?? '').replace(/^workspace:\/\/SpacesStore\//, '');

/** The ids of a (possibly multi-valued) d:noderef property, empty values left out. */
export const nodeIdsOfRefs = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map(nodeIdOfRef).filter((id) => !!id);

/** The part of js-api's NodesApi a folder lookup needs; a NodesApi instance satisfies it. */
export interface FolderListing {
  listNodeChildren(
    nodeId: string,
    opts?: { where?: string; maxItems?: number }
  ): Promise<{ list?: { entries?: { entry: { id: string; name: string } }[] } }>;
}

/**
 * The id of the child folder `name` of a receipt or file (Notes, Correspondence, Drafts, Dispatches,
 * Movements), or undefined before its first use. Found among the item's folders rather than asked for by
 * path, whose 404 for a folder not made yet would show as an error in the browser's console.
 */
export async function childFolderId(nodes: FolderListing, parentId: string, name: string): Promise<string | undefined> {
  const folders = await nodes.listNodeChildren(parentId, { where: '(isFolder=true)', maxItems: 100 });
  return folders.list?.entries?.find((e) => e.entry.name === name)?.entry.id;
}
