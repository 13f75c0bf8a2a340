/**
 * The pendency dashboard as ONE search request: the repository counts (facet fields and facet queries), the
 * client never lists the items. Framework-free, shared by the dashboard, the installer's MIS test and the bench.
 */
import { officeDay, officeDaysRange } from './office-time';
import { WorkingDays } from './working-days';
import { MAIN_CATEGORIES, URGENCIES } from './vocabulary';
import { seriesItems, seriesRecords } from './series-scope';
import { AGE_BUCKETS, ageBucketRanges, type AgeBucketKey } from './age-buckets';

export type ItemKind = 'receipt' | 'file';
export const ITEM_KINDS: ItemKind[] = ['receipt', 'file'];
/** The urgency codes the figures are counted by, in the vocabulary's order. */
export const URGENCY_CODES = URGENCIES.map((u) => u.value);
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
  /**
   * The department site (its short name): only items at their place in its series trees are counted, so a
   * planted or copied eo:receipt / eo:file never reaches the figures (domain/series-scope.ts).
   */
  site: string;
  /** The officer's own posts: counts "my files and receipts pending with others" (opened by them, held elsewhere). */
  myPosts?: string[];
}

/** Receipt categories counted on the dashboard (eo:mainCategory). */
export const CATEGORIES = MAIN_CATEGORIES.map((c) => c.value);

export interface PendencyFigures {
  total: number;
  byKindBucket: Record<ItemKind, Record<AgeBucketKey, number>>;
  byHolderBucket: Record<string, Record<AgeBucketKey, number>>;
  byKindUrgency: Record<ItemKind, Record<string, number>>;
  /** Pending receipts by main category. */
  byCategory: Record<string, number>;
  /** Items opened by the officer's posts, now pending with others, by age. */
  mineWithOthers: Record<AgeBucketKey, number>;
}

const q = (s: string) => `"${s.replace(/(["\\])/g, '\\$1')}"`;
const anyOf = (field: string, values: string[]) => `(${values.map((v) => `=${field}:${q(v)}`).join(' OR ') || `=${field}:"-"`})`;

/** Opened by one of `posts`, held by none of them. */
export const mineWithOthersQuery = (posts: string[]) => `${anyOf('eo:originPost', posts)} AND NOT ${anyOf('eo:currentHolder', posts)}`;

export function pendingQuery(filter: PendencyFilter): string {
  const parts = [seriesItems(filter.site, ITEM_KINDS), `(${PENDING_STATUSES.map((s) => `=eo:status:${q(s)}`).join(' OR ')})`];
  if (filter.createdFrom || filter.createdBefore) parts.push(officeDaysRange('cm:created', filter.createdFrom, filter.createdBefore));
  if (filter.onlyHolders) parts.push(`(${filter.holders.map((h) => `=eo:currentHolder:${q(h)}`).join(' OR ') || '=eo:currentHolder:"-"'})`);
  return parts.join(' AND ');
}

/** The search body (POST /search/versions/1/search). Labels are keys the parser reads back. */
export function pendencyRequest(days: WorkingDays, today: string | Date, filter: PendencyFilter) {
  const ranges = ageBucketRanges(days, today);
  const facetQueries: { query: string; label: string; group: string }[] = [];
  for (const k of ITEM_KINDS)
    for (const r of ranges) facetQueries.push({ query: `TYPE:"eo:${k}" AND ${r.query}`, label: `k|${k}|${r.key}`, group: 'kind' });
  for (const k of ITEM_KINDS)
    for (const u of URGENCY_CODES)
      facetQueries.push({ query: `TYPE:"eo:${k}" AND =eo:urgency:${q(u)}`, label: `u|${k}|${u}`, group: 'urgency' });
  for (const h of filter.holders)
    for (const r of ranges)
      facetQueries.push({ query: `=eo:currentHolder:${q(h)} AND ${r.query}`, label: `h|${h}|${r.key}`, group: 'holder' });
  for (const c of CATEGORIES)
    facetQueries.push({ query: `TYPE:"eo:receipt" AND =eo:mainCategory:${q(c)}`, label: `c|${c}`, group: 'category' });
  if (filter.myPosts?.length)
    for (const r of ranges)
      facetQueries.push({ query: `${mineWithOthersQuery(filter.myPosts)} AND ${r.query}`, label: `m|${r.key}`, group: 'mine' });
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
    byKindUrgency: {
      receipt: Object.fromEntries(URGENCY_CODES.map((u) => [u, 0])),
      file: Object.fromEntries(URGENCY_CODES.map((u) => [u, 0]))
    },
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])),
    mineWithOthers: zeroBuckets()
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
    else if (tag === 'c') figures.byCategory[a] = count;
    else if (tag === 'm') figures.mineWithOthers[a as AgeBucketKey] = count;
  }
  return figures;
}

/** What a bar or cell stands for: any combination narrows the pending items. */
export interface DrillCell {
  holder?: string;
  /** Several posts at once (a level, a section). */
  holders?: string[];
  kind?: ItemKind;
  bucket?: AgeBucketKey;
  /** Several age buckets at once (over 30 working days = 31-90 and over 90). */
  buckets?: AgeBucketKey[];
  urgency?: string;
  category?: string;
  /** Opened by the officer's posts, pending with others. */
  mine?: boolean;
}

/** The search body of a drill-down: the items behind one bar or cell (same query the count came from). */
export function drillDownRequest(
  days: WorkingDays,
  today: string | Date,
  filter: PendencyFilter,
  cell: DrillCell,
  page: { skipCount: number; maxItems: number }
) {
  const parts = [pendingQuery(filter)];
  if (cell.kind) parts.push(`TYPE:"eo:${cell.kind}"`);
  if (cell.category) parts.push(`TYPE:"eo:receipt" AND =eo:mainCategory:${q(cell.category)}`);
  if (cell.urgency) parts.push(`=eo:urgency:${q(cell.urgency)}`);
  if (cell.holders?.length) parts.push(anyOf('eo:currentHolder', cell.holders));
  if (cell.mine) parts.push(mineWithOthersQuery(filter.myPosts ?? []));
  if (cell.holder) parts.push(`=eo:currentHolder:${q(cell.holder)}`);
  if (cell.bucket) parts.push(ageBucketRanges(days, today).find((r) => r.key === cell.bucket)!.query);
  if (cell.buckets?.length)
    parts.push(
      `(${ageBucketRanges(days, today)
        .filter((r) => cell.buckets!.includes(r.key))
        .map((r) => r.query)
        .join(' OR ')})`
    );
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
  /** When action began: the file's opening, or the receipt's diarisation. */
  begunAt: string;
  /** The file a receipt was put in, if any (node id). */
  inFile?: string;
  /** Its due date (YYYY-MM-DD, eo:dueDate), if any. */
  dueDate?: string;
}

const iso = (v: unknown): string => (v ? new Date(v instanceof Date ? v : String(v)).toISOString() : '');

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
    heldSince: p['eo:heldSince'] ? new Date(String(p['eo:heldSince'])).toISOString() : '',
    begunAt: iso(
      (kind === 'receipt' ? p['eo:diarisedDate'] : undefined) ?? (entry as { createdAt?: unknown }).createdAt ?? p['cm:created']
    ),
    ...(p['eo:inFile'] ? { inFile: String(p['eo:inFile']).replace(/^workspace:\/\/SpacesStore\//, '') } : {}),
    ...(p['eo:dueDate'] ? { dueDate: officeDay(new Date(String(p['eo:dueDate']))) } : {})
  };
}

// ------------------------------------------------------------------ month-wise

export type MonthlyMeasure = 'created' | 'received' | 'forwarded' | 'closed';
export const MONTHLY_MEASURES: MonthlyMeasure[] = ['created', 'received', 'forwarded', 'closed'];

export interface MonthlyFigures {
  /** YYYY-MM, January to December of the year. */
  months: string[];
  counts: Record<MonthlyMeasure, number[]>;
}

/** Which items and which date each measure counts: files opened, receipts diarised, sends, files closed. */
const MONTHLY: Record<MonthlyMeasure, { type: string; field: string; extra?: string }> = {
  created: { type: 'eo:file', field: 'cm:created' },
  received: { type: 'eo:receipt', field: 'eo:diarisedDate' },
  forwarded: { type: 'eo:movement', field: 'eo:movementAt', extra: '=eo:movementAction:"send"' },
  closed: { type: 'eo:file', field: 'eo:closedAt' }
};

/** Months of a year (YYYY-MM) with the month after each: their bounds are office midnights (IST). */
function monthBounds(year: number): { key: string; next: string }[] {
  return Array.from({ length: 12 }, (_, m) => {
    const key = `${year}-${String(m + 1).padStart(2, '0')}`;
    const next = m === 11 ? `${year + 1}-01` : `${year}-${String(m + 2).padStart(2, '0')}`;
    return { key, next };
  });
}

/**
 * Month-wise files created, receipts received, files and receipts forwarded and files closed in the
 * department site `site`: one request. Items count at their place in the series trees, sends only in the
 * Movements folder of such an item (a copied file's movement record counts nothing).
 */
export function monthlyRequest(site: string, year: number) {
  const parts = [`(${seriesItems(site, ITEM_KINDS)} OR ${seriesRecords(site, ITEM_KINDS, 'Movements', 'eo:movement')})`];
  const facetQueries: { query: string; label: string; group: string }[] = [];
  for (const measure of MONTHLY_MEASURES) {
    const m = MONTHLY[measure];
    for (const b of monthBounds(year))
      facetQueries.push({
        query: [`TYPE:"${m.type}"`, m.extra, officeDaysRange(m.field, b.key, b.next)].filter(Boolean).join(' AND '),
        label: `${measure}|${b.key}`,
        group: 'monthly'
      });
  }
  return {
    query: { query: parts.join(' AND '), language: 'afts' },
    paging: { maxItems: 1, skipCount: 0 },
    include: [],
    fields: ['id'],
    facetFormat: 'V2',
    facetQueries
  };
}

export function readMonthly(answer: { list: { context?: SearchContext } }, year: number): MonthlyFigures {
  const months = monthBounds(year).map((b) => b.key);
  const counts = Object.fromEntries(MONTHLY_MEASURES.map((m) => [m, months.map(() => 0)])) as Record<MonthlyMeasure, number[]>;
  for (const f of answer.list.context?.facets ?? []) {
    if (f.type !== 'query') continue;
    for (const b of f.buckets ?? []) {
      const [measure, month] = b.label.split('|');
      const i = months.indexOf(month);
      if (i >= 0 && counts[measure as MonthlyMeasure])
        counts[measure as MonthlyMeasure][i] = Number(b.metrics?.find((x) => x.type === 'count')?.value.count ?? 0);
    }
  }
  return { months, counts };
}

// ------------------------------------------------------------------ over three months

/** The day three calendar months before `today` (YYYY-MM-DD): cases begun before it are over three months old. */
export function threeMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const back = new Date(Date.UTC(y, m - 1 - 3, 1));
  const last = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  return `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The monthly statement of cases pending over three months (CSMOP): pending files opened, and pending
 * receipts diarised, before three months ago; oldest first.
 */
export function overThreeMonthsRequest(today: string, filter: PendencyFilter, page: { skipCount: number; maxItems: number }) {
  const cutoff = threeMonthsBefore(today);
  const old = `((TYPE:"eo:file" AND ${officeDaysRange('cm:created', null, cutoff)}) OR (TYPE:"eo:receipt" AND ${officeDaysRange('eo:diarisedDate', null, cutoff)}))`;
  return {
    query: { query: `${pendingQuery(filter)} AND ${old}`, language: 'afts' },
    include: ['properties'],
    sort: [{ type: 'FIELD', field: 'cm:created', ascending: true }],
    paging: page
  };
}

/** The buckets beyond 30 working days (the CSMOP norm many times over). */
export const OVER_30: AgeBucketKey[] = ['upTo90', 'over90'];
