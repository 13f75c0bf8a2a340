// Transfer of charge: what passes when a post goes from one officer to another, as the administrator's page
// and `npx eoffice transfer-charge` show it before the transfer, and the request that makes it. The transfer
// itself is the eoCharge workflow's (config/workflow/src/charge.js), in one transaction; this module only
// reads. Posts hold items (eo:currentHolder is the post's group), so what "passes" is what the post holds
// or is asked to decide, plus what its outgoing officer owns in those items (drafts) and the letters the
// post is to dispatch. Framework-free: the search is handed in (js-api's SearchApi.search, or the
// installer's).
import { quote } from './afts';
import { seriesItems, seriesItemsPath, seriesRecords } from './series-scope';
import type { NodeEntryLike } from './node-entry';

/** The kinds of pending work a post hands over, in the order the preview lists them. */
export const CHARGE_KINDS = ['inbox', 'parked', 'created', 'approvals', 'drafts', 'dispatches'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** One thing that passes: an item, a draft in one, or a letter to dispatch. */
export interface ChargeEntry {
  id: string;
  /** The receipt or file number (for a draft or dispatch: of the item it is in, when known), else the node name. */
  number: string;
  subject: string;
  /** A draft's or dispatch's own name (note number, draft title), empty for an item. */
  detail: string;
}

export type ChargePreview = Record<ChargeKind, ChargeEntry[]>;

/** The process definition that transfers charge. */
export const CHARGE_PROCESS_KEY = 'eoCharge';

/** The largest page the preview reads of one kind; a post holding more is told so (`truncated`). */
export const CHARGE_PREVIEW_MAX = 1000;

/** A search request as the preview sends it (the shape of the search API's body). */
export interface ChargeSearchRequest {
  query: { query: string; language: 'afts' };
  include: string[];
  paging: { maxItems: number; skipCount: number };
  sort: { type: 'FIELD'; field: string; ascending: boolean }[];
}

/** A search answer as the preview reads it: entries with properties, path and permissions as asked. */
export interface ChargeSearchAnswer {
  list?: {
    pagination?: { totalItems?: number; hasMoreItems?: boolean };
    entries?: {
      entry: NodeEntryLike & {
        createdByUser?: { id?: string };
        path?: { elements?: { id?: string; name?: string }[] };
        permissions?: { locallySet?: { authorityId?: string }[] };
      };
    }[];
  };
}

const HELD_STATUS: Partial<Record<ChargeKind, string>> = { inbox: 'inMovement', parked: 'parked', created: 'created' };

/** The AFTS of one kind of pending work of the post `group` in the department site `site`. */
export function chargeQuery(site: string, group: string, kind: ChargeKind): string {
  const items = seriesItems(site, ['receipt', 'file']);
  const status = HELD_STATUS[kind];
  if (status) return `${items} AND =eo:currentHolder:${quote(group)} AND =eo:status:${quote(status)}`;
  if (kind === 'approvals') return `${items} AND =eo:approverPost:${quote(group)}`;
  if (kind === 'dispatches')
    return `${seriesRecords(site, ['file'], 'Dispatches', 'eo:dispatch')} AND =eo:dispatchMode:"byCru" AND =eo:dispatchStatus:"pending"`;
  // Drafts: yellow notes, draft letters and replies inside registered items; whose, and in which item, is read
  // from each answer (owner, path), as no query can ask for "the post holding my grandparent".
  const inside = (folder: string, kinds: ('receipt' | 'file')[]) =>
    kinds.map((k) => `PATH:${quote(`${seriesItemsPath(site, k)}/cm:${folder}/*`)}`);
  const places = [...inside('Notes', ['file']), ...inside('Drafts', ['file']), ...inside('Replies', ['receipt'])].join(' OR ');
  return `((TYPE:"eo:note" AND =eo:noteColour:"yellow") OR TYPE:"eo:draft") AND (${places})`;
}

/** The search request of one kind (drafts and dispatches also ask for the path or the permissions). */
export function chargeRequest(site: string, group: string, kind: ChargeKind): ChargeSearchRequest {
  const include =
    kind === 'drafts' ? ['properties', 'path'] : kind === 'dispatches' ? ['properties', 'path', 'permissions'] : ['properties'];
  return {
    query: { query: chargeQuery(site, group, kind), language: 'afts' },
    include,
    paging: { maxItems: CHARGE_PREVIEW_MAX, skipCount: 0 },
    sort: [{ type: 'FIELD', field: 'cm:name', ascending: true }]
  };
}

type Entry = NonNullable<NonNullable<ChargeSearchAnswer['list']>['entries']>[number]['entry'];

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function itemEntry(e: Entry): ChargeEntry {
  const p = e.properties ?? {};
  return { id: e.id, number: text(p['eo:receiptNumber'] || p['eo:fileNumber'] || e.name), subject: text(p['eo:subject']), detail: '' };
}

/** The item a draft or dispatch is in: the path's element just above its folder. */
const itemOf = (e: Entry) => {
  const elements = e.path?.elements ?? [];
  return elements.length >= 2 ? elements[elements.length - 2] : undefined;
};

/**
 * What passes when `group` (a post's group) goes from `predecessor` (empty for a vacant post) to another
 * officer, read with `search` as an administrator. `truncated` names the kinds with more than the preview read.
 */
export async function readChargePreview(
  search: (request: ChargeSearchRequest) => Promise<ChargeSearchAnswer>,
  site: string,
  group: string,
  predecessor: string
): Promise<{ preview: ChargePreview; truncated: ChargeKind[] }> {
  const answers = await Promise.all(CHARGE_KINDS.map((kind) => search(chargeRequest(site, group, kind))));
  const byKind = Object.fromEntries(CHARGE_KINDS.map((k, i) => [k, (answers[i].list?.entries ?? []).map((x) => x.entry)])) as Record<
    ChargeKind,
    Entry[]
  >;
  const truncated = CHARGE_KINDS.filter((_k, i) => !!answers[i].list?.pagination?.hasMoreItems);
  const preview = {} as ChargePreview;
  for (const kind of ['inbox', 'parked', 'created', 'approvals'] as const) preview[kind] = byKind[kind].map(itemEntry);
  // An item both held and asked to be approved by the post passes once, as held.
  const held = new Map([...preview.inbox, ...preview.parked, ...preview.created].map((e) => [e.id, e]));
  preview.approvals = preview.approvals.filter((e) => !held.has(e.id));
  // Drafts the outgoing officer owns in the items the post holds: the transfer takes them over.
  preview.drafts = byKind.drafts
    .filter((e) => {
      const owner = text(e.properties?.['cm:owner']) || text(e.createdByUser?.id);
      const item = itemOf(e);
      return !!predecessor && owner === predecessor && !!item?.id && held.has(item.id);
    })
    .map((e) => {
      const item = held.get(itemOf(e)!.id!)!;
      const p = e.properties ?? {};
      return { id: e.id, number: item.number, subject: item.subject, detail: text(p['cm:title'] || e.name) };
    });
  // Letters to dispatch opened to this post (the Central Registry's): they pass with the post's group.
  preview.dispatches = byKind.dispatches
    .filter((e) => (e.permissions?.locallySet ?? []).some((a) => a.authorityId === group))
    .map((e) => {
      const p = e.properties ?? {};
      return { id: e.id, number: text(p['eo:issueNumber'] || e.name), subject: text(p['cm:title'] || itemOf(e)?.name), detail: '' };
    });
  return { preview, truncated };
}

/** How many things of each kind pass, and in all. */
export function chargeCounts(preview: ChargePreview): Record<ChargeKind | 'total', number> {
  const counts = Object.fromEntries(CHARGE_KINDS.map((k) => [k, preview[k].length])) as Record<ChargeKind, number>;
  return { ...counts, total: CHARGE_KINDS.reduce((n, k) => n + counts[k], 0) };
}

/** The day the transfer is recorded on: YYYY-MM-DD, or null for text that is not a date. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What the administrator asks: the post (code), the officer taking charge and, optionally, the rest. */
export interface ChargeTransfer {
  post: string;
  to: string;
  /** The officer handing over, when the post's group holds more than one. */
  from?: string;
  /** YYYY-MM-DD (IST); today when absent. The workflow refuses a day still to come. */
  on?: string;
  /** The successor's name in Hindi, for the hierarchy (his account's name otherwise). */
  nameHi?: string;
}

/** The POST /processes body that transfers charge (variables as eowf:startCharge declares them). */
export function chargeStartBody(t: ChargeTransfer): { processDefinitionKey: string; variables: Record<string, string> } {
  if (!t.post || !t.to) throw new Error('A transfer of charge names a post and the officer taking charge');
  if (t.on && !DAY.test(t.on)) throw new Error(`Not a date: ${t.on} (YYYY-MM-DD)`);
  const variables: Record<string, string> = { eowf_chargePost: t.post, eowf_chargeTo: t.to };
  if (t.from) variables['eowf_chargeFrom'] = t.from;
  if (t.on) variables['eowf_chargeOn'] = t.on;
  if (t.nameHi) variables['eowf_chargeNameHi'] = t.nameHi;
  return { processDefinitionKey: CHARGE_PROCESS_KEY, variables };
}
