// Race-free serials inside one item, claimed by the client that writes there: note numbers in a file's
// Notes/, issue numbers of its Dispatches/, correspondence serials. (Receipt, file and Computer Nos. are not
// claimed here: only the eoRegister workflow makes those, see numbering.ts.)
//
// The only guarantee used is the repository's: two children of one folder never share a name (ACS
// answers 409 to the second create). A serial IS the zero-padded name of the numbered node, so claiming
// serial n means creating the child named n. The next one is the highest existing name + 1; a 409 means
// someone else took it: re-read and try the next one. Nothing is counted in memory, so any number of
// clients can claim at once without duplicates, and since serials are only ever claimed as highest + 1,
// there are no gaps either.
import { DEFAULT_WIDTH, firstFreeNumber, padNumber } from './numbering';

/** The part of js-api's NodesApi numbering needs; a NodesApi instance satisfies it. */
export interface NumberingNodes {
  getNode(nodeId: string, opts?: { relativePath?: string }): Promise<{ entry: { id: string } }>;
  listNodeChildren(
    nodeId: string,
    opts?: { orderBy?: string[]; maxItems?: number; skipCount?: number }
  ): Promise<{ list?: { entries?: { entry?: { name?: string } }[] } }>;
  createNode(nodeId: string, body: NumberedNodeBody): Promise<{ entry: { id: string; name: string } }>;
}

export interface NumberedNodeBody {
  name: string;
  nodeType: string;
  relativePath?: string;
  aspectNames?: string[];
  properties?: Record<string, unknown>;
}

export interface ClaimOptions {
  /** Node id (or alias) the folder path starts from: the department site's document library. */
  parentId: string;
  /** Folder of the series below parentId, e.g. `Receipts/2026/EST`; created on first use. */
  folder: string;
  /** Digits of the zero-padded name; names must stay this long so that they sort as numbers. */
  width?: number;
  /** Give up after this many lost races (each loser re-reads, so this is only a safety net). */
  maxAttempts?: number;
  /** The node to create for number n (its name and relativePath are filled in). */
  body: (n: number) => Omit<NumberedNodeBody, 'name' | 'relativePath'>;
}

export interface Claimed {
  number: number;
  name: string;
  id: string;
  /** Creates tried; above 1 means the claim lost races to other clients. */
  attempts: number;
}

function statusOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const s = (e as { status?: unknown; statusCode?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
  return typeof s === 'number' ? s : undefined;
}

/**
 * A numbered node's name as it was numbered: AGS renames a node it declares a record (a closed file's note or
 * issued letter, kept in place) `<name> (<record identifier>)` (RecordUtils.appendIdentifierToName), and the
 * node still holds its number.
 */
export function numberedName(name: string): string {
  return name.replace(/ \([^()]*\)$/, '');
}

/** Highest number already taken in the series (0 when the folder does not exist yet). */
export async function highestNumber(nodes: NumberingNodes, parentId: string, folder: string, width = DEFAULT_WIDTH): Promise<number> {
  let folderId: string;
  try {
    folderId = (await nodes.getNode(parentId, { relativePath: folder })).entry.id;
  } catch (e) {
    if (statusOf(e) === 404) return 0;
    throw e;
  }
  // A few entries rather than one, in case someone put a non-numbered item in the folder; records keep
  // their number (numberedName).
  const page = await nodes.listNodeChildren(folderId, { orderBy: ['name DESC'], maxItems: 10 });
  const pattern = new RegExp(`^\\d{${width}}$`);
  const top = (page.list?.entries ?? []).map((e) => numberedName(e.entry?.name ?? '')).find((name) => pattern.test(name));
  return top ? Number(top) : 0;
}

/** Status of `folder/name`: 200 (readable), 403 (exists, unreadable) or 404 (free). */
async function probe(nodes: NumberingNodes, parentId: string, folder: string, name: string): Promise<200 | 403 | 404> {
  try {
    await nodes.getNode(parentId, { relativePath: `${folder}/${name}` });
    return 200;
  } catch (e) {
    const status = statusOf(e);
    if (status === 404 || status === 403) return status;
    throw e;
  }
}

const nameTaken = async (nodes: NumberingNodes, parentId: string, folder: string, name: string) =>
  (await probe(nodes, parentId, folder, name)) !== 404;

/**
 * The first free number above `taken` (known to exist), found by probing names: numbers have no gaps, so
 * taken names form a prefix, and the repository's own search (numbering.ts firstFreeNumber, galloping then
 * binary) needs O(log n) requests however many numbered nodes the user cannot see. That search asks its
 * questions synchronously (the workflow script runs it); here each answer is a request, so the search is
 * replayed over the answers known so far and stops at the first it lacks, which is then asked.
 */
async function firstFreeAfter(nodes: NumberingNodes, parentId: string, folder: string, taken: number, width: number): Promise<number> {
  const known = new Map<number, boolean>();
  const unknown = Symbol('unknown');
  for (;;) {
    let asked: number | undefined;
    try {
      return firstFreeNumber(
        (n) => {
          const answer = known.get(n);
          if (answer !== undefined) return answer;
          asked = n;
          throw unknown;
        },
        taken,
        width
      );
    } catch (e) {
      if (e !== unknown || asked === undefined) throw e;
      known.set(asked, await nameTaken(nodes, parentId, folder, padNumber(asked, width)));
    }
  }
}

/** Claims the next number of a series by creating its node; see the file comment. */
export async function claimNext(nodes: NumberingNodes, opts: ClaimOptions): Promise<Claimed> {
  const width = opts.width ?? DEFAULT_WIDTH;
  const maxAttempts = opts.maxAttempts ?? 1000;
  let highest = await highestNumber(nodes, opts.parentId, opts.folder, width);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const n = highest + 1;
    if (n >= 10 ** width) throw new Error(`Numbering series ${opts.folder} is full (${width} digits)`);
    const name = padNumber(n, width);
    try {
      const created = await nodes.createNode(opts.parentId, { ...opts.body(n), name, relativePath: opts.folder });
      return { number: n, name, id: created.entry.id, attempts: attempt };
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      const now = await highestNumber(nodes, opts.parentId, opts.folder, width);
      if (now >= n) {
        highest = now;
        continue;
      }
      // The name is taken by a node this user cannot list (the movement workflow restricts a receipt
      // or file to the posts that held it), or the 409 is not a name clash at all (a lock, a
      // constraint), which must not skip the number: probe the names themselves.
      // Only a node this user cannot read (403) explains a clash the listing does not show.
      if ((await probe(nodes, opts.parentId, opts.folder, name)) !== 403) throw e;
      highest = (await firstFreeAfter(nodes, opts.parentId, opts.folder, n, width)) - 1;
    }
  }
  throw new Error(`Could not claim a number in ${opts.folder} after ${maxAttempts} attempts`);
}
