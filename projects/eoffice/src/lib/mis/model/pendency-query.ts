/**
 * The pendency dashboard as ONE search request: the repository counts (facet fields and facet queries), the
 * client never lists the items. Framework-free, shared by the dashboard, the installer's MIS test and the bench.
 */
import { WorkingDays } from '../../domain/working-days';
import { AGE_BUCKETS, ageBucketRanges, type AgeBucketKey } from './age-buckets';

export type ItemKind = 'receipt' | 'file';
export const ITEM_KINDS: ItemKind[] = ['receipt', 'file'];
export const URGENCIES = ['Normal', 'Immediate', 'Priority', 'Top Priority'];
/** Statuses in which an item is pending with someone. */
export const PENDING_STATUSES = ['inMovement', 'parked'];

export interface PendencyFilter {
  /** Post groups (GROUP_EO_…) to count, in display order: the hierarchy's posts, or one section's. */
  holders: string[];
  /** Only items created on or after / before these days (YYYY-MM-DD), optional. */
  createdFrom?: string;
  createdBefore?: string;
  /** Count only items held by these posts (a section's view); otherwise holders only name the rows. */
  onlyHolders?: boolean;
  /** Restrict to one folder tree (the department's document library), optional. */
  ancestorId?: string;
}

export interface PendencyFigures {
  total: number;
  byKindBucket: Record<ItemKind, Record<AgeBucketKey, number>>;
  byHolderBucket: Record<string, Record<AgeBucketKey, number>>;
  byKindUrgency: Record<ItemKind, Record<string, number>>;
}

const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;

export function pendingQuery(filter: PendencyFilter): string {
  const parts = [
    `(${ITEM_KINDS.map((k) => `TYPE:"eo:${k}"`).join(' OR ')})`,
    `(${PENDING_STATUSES.map((s) => `=eo:status:${q(s)}`).join(' OR ')})`
  ];
  if (filter.createdFrom || filter.createdBefore) {
    const from = filter.createdFrom ? q(new Date(Date.parse(`${filter.createdFrom}T00:00:00+05:30`)).toISOString()) : 'MIN';
    const to = filter.createdBefore ? `${q(new Date(Date.parse(`${filter.createdBefore}T00:00:00+05:30`)).toISOString())}>` : 'MAX]';
    parts.push(`cm:created:[${from} TO ${to}`);
  }
  if (filter.onlyHolders) parts.push(`(${filter.holders.map((h) => `=eo:currentHolder:${q(h)}`).join(' OR ') || '=eo:currentHolder:"-"'})`);
  if (filter.ancestorId) parts.push(`ANCESTOR:${q(`workspace://SpacesStore/${filter.ancestorId}`)}`);
  return parts.join(' AND ');
}

/** The search body (POST /search/versions/1/search). Labels are keys the parser reads back. */
export function pendencyRequest(days: WorkingDays, today: string | Date, filter: PendencyFilter) {
  const ranges = ageBucketRanges(days, today);
  const facetQueries: { query: string; label: string; group: string }[] = [];
  for (const k of ITEM_KINDS)
    for (const r of ranges) facetQueries.push({ query: `TYPE:"eo:${k}" AND ${r.query}`, label: `k|${k}|${r.key}`, group: 'kind' });
  for (const k of ITEM_KINDS)
    for (const u of URGENCIES)
      facetQueries.push({ query: `TYPE:"eo:${k}" AND =eo:urgency:${q(u)}`, label: `u|${k}|${u}`, group: 'urgency' });
  for (const h of filter.holders)
    for (const r of ranges)
      facetQueries.push({ query: `=eo:currentHolder:${q(h)} AND ${r.query}`, label: `h|${h}|${r.key}`, group: 'holder' });
  return {
    query: { query: pendingQuery(filter), language: 'afts' },
    paging: { maxItems: 1, skipCount: 0 },
    include: [],
    fields: ['id'],
    facetFormat: 'V2',
    facetQueries
  };
}

interface SearchContext {
  facets?: { type?: string; label?: string; buckets?: { label: string; metrics?: { type: string; value: { count: unknown } }[] }[] }[];
  facetQueries?: { label: string; count: number }[];
}

const zeroBuckets = () => Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, 0])) as Record<AgeBucketKey, number>;

/** Reads the answer of pendencyRequest into the dashboard's figures. */
export function readPendency(
  answer: { list: { pagination: { totalItems?: number }; context?: SearchContext } },
  filter: PendencyFilter
): PendencyFigures {
  const figures: PendencyFigures = {
    total: answer.list.pagination.totalItems ?? 0,
    byKindBucket: { receipt: zeroBuckets(), file: zeroBuckets() },
    byHolderBucket: Object.fromEntries(filter.holders.map((h) => [h, zeroBuckets()])),
    byKindUrgency: { receipt: Object.fromEntries(URGENCIES.map((u) => [u, 0])), file: Object.fromEntries(URGENCIES.map((u) => [u, 0])) }
  };
  const counts: { label: string; count: number }[] = [];
  for (const f of answer.list.context?.facets ?? []) {
    if (f.type !== 'query') continue;
    for (const b of f.buckets ?? [])
      counts.push({ label: b.label, count: Number(b.metrics?.find((m) => m.type === 'count')?.value.count ?? 0) });
  }
  for (const fq of answer.list.context?.facetQueries ?? []) counts.push(fq);
  for (const { label, count } of counts) {
    const [tag, a, b] = label.split('|');
    if (tag === 'k') figures.byKindBucket[a as ItemKind][b as AgeBucketKey] = count;
    else if (tag === 'u') figures.byKindUrgency[a as ItemKind][b] = count;
    else if (tag === 'h' && figures.byHolderBucket[a]) figures.byHolderBucket[a][b as AgeBucketKey] = count;
  }
  return figures;
}

/** The search body of a drill-down: the items behind one bar or cell (same query the count came from). */
export function drillDownRequest(
  days: WorkingDays,
  today: string | Date,
  filter: PendencyFilter,
  cell: { holder?: string; kind?: ItemKind; bucket?: AgeBucketKey },
  page: { skipCount: number; maxItems: number }
) {
  const parts = [pendingQuery(filter)];
  if (cell.kind) parts.push(`TYPE:"eo:${cell.kind}"`);
  if (cell.holder) parts.push(`=eo:currentHolder:${q(cell.holder)}`);
  if (cell.bucket) parts.push(ageBucketRanges(days, today).find((r) => r.key === cell.bucket)!.query);
  return {
    query: { query: parts.join(' AND '), language: 'afts' },
    include: ['properties'],
    sort: [{ type: 'FIELD', field: 'eo:heldSince', ascending: true }],
    paging: page
  };
}

export interface PendingItem {
  id: string;
  kind: ItemKind;
  number: string;
  subject: string;
  holder: string;
  heldSince: string;
}

/** One search entry as a row of the drill-down list. */
export function toPendingItem(entry: { id: string; nodeType: string; properties?: Record<string, unknown> }): PendingItem {
  const p = entry.properties ?? {};
  const kind: ItemKind = entry.nodeType === 'eo:file' ? 'file' : 'receipt';
  return {
    id: entry.id,
    kind,
    number: String((kind === 'file' ? p['eo:fileNumber'] : p['eo:receiptNumber']) ?? ''),
    subject: String(p['eo:subject'] ?? ''),
    holder: String(p['eo:currentHolder'] ?? ''),
    // ACS writes +0000; one ISO form so rows sort and compare as text
    heldSince: p['eo:heldSince'] ? new Date(String(p['eo:heldSince'])).toISOString() : ''
  };
}
