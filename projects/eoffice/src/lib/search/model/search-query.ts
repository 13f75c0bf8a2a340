/**
 * The e-Office search: receipts and files together, by number, Computer No., subject or sender, as ONE search
 * request that also brings the facet counts (kind, status, year, section, holder). Framework-free, shared by
 * the search page and the installer's search test. The repository answers with the officer's own read
 * permissions, so nothing here filters by who may see what.
 */
import { seriesItems } from '../../domain/series-scope';
import { computerNumberPrefixRange } from '../../file/model/file-query';
import { quote } from '../../receipt/model/receipt-query';

export type SearchKind = 'receipt' | 'file';
export const SEARCH_KINDS: SearchKind[] = ['receipt', 'file'];

/** The chips the officer has chosen; an empty value does not narrow. */
export interface SearchFilters {
  kind?: SearchKind;
  status?: string;
  /** The year of the item's number (eo:receiptYear / eo:fileYear). */
  year?: number;
  /** Section code (eo:receiptSection / eo:fileSection). */
  section?: string;
  /** Post group holding the item now. */
  holder?: string;
}

export type FacetGroup = keyof SearchFilters;

export interface SearchRequest {
  /** The department site (short name): only items at their place in its series trees are found. */
  site: string;
  text: string;
  filters: SearchFilters;
  skipCount: number;
  maxItems: number;
  /** Years offered as chips (newest first), e.g. the current year and the four before it. */
  years: number[];
}

/** Words of the search box: wildcard and quoting characters dropped, so a word is always matched literally. */
export function searchWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[*?"\\]/g, ''))
    .filter((w) => !!w);
}

/**
 * Each word must appear in the receipt or file number, begin the Computer No., or appear in the subject or
 * the sender's name, organisation or ministry. The numbers are untokenised (the index holds each as one
 * value, matched case-sensitively), so they are looked for in capitals as numbering writes them; subject and
 * sender are tokenised text, where Devanagari and Latin words match alike.
 */
export function searchTextQuery(text: string): string | undefined {
  const words = searchWords(text);
  if (!words.length) return undefined;
  return words
    .map((word) => {
      const inNumber = quote(`*${word.toUpperCase()}*`);
      const inText = quote(`*${word}*`);
      const computerNumber = computerNumberPrefixRange(word);
      const clauses = [
        `eo:receiptNumber:${inNumber}`,
        `eo:fileNumber:${inNumber}`,
        ...(computerNumber ? [computerNumber] : []),
        ...['eo:subject', 'eo:senderName', 'eo:senderOrganisation', 'eo:senderMinistry'].map((f) => `${f}:${inText}`)
      ];
      return `(${clauses.join(' OR ')})`;
    })
    .join(' AND ');
}

const kindClause = (kind: SearchKind) => `TYPE:"eo:${kind}"`;
// A range, not `=`: the year is a number, and `=` belongs to untokenised text (tokenisation.test.ts).
const yearClause = (year: number) => `(eo:receiptYear:[${year} TO ${year}] OR eo:fileYear:[${year} TO ${year}])`;

/** The AFTS of the chosen chips, one clause each. */
export function filterClauses(filters: SearchFilters): string[] {
  const parts: string[] = [];
  if (filters.kind) parts.push(kindClause(filters.kind));
  if (filters.status) parts.push(`=eo:status:${quote(filters.status)}`);
  if (filters.year) parts.push(yearClause(filters.year));
  if (filters.section) parts.push(`(=eo:receiptSection:${quote(filters.section)} OR =eo:fileSection:${quote(filters.section)})`);
  if (filters.holder) parts.push(`=eo:currentHolder:${quote(filters.holder)}`);
  return parts;
}

/** The AFTS of a search: the department's registered receipts and files, the words, the chips; undefined for no words. */
export function searchQuery(site: string, text: string, filters: SearchFilters): string | undefined {
  const words = searchTextQuery(text);
  if (!words) return undefined;
  return [seriesItems(site, filters.kind ? [filters.kind] : SEARCH_KINDS), words, ...filterClauses(filters)].join(' AND ');
}

/** Facet field labels the reader knows; each field's values are merged into its group. */
const FIELD_FACETS: { field: string; group: FacetGroup }[] = [
  { field: 'eo:status', group: 'status' },
  { field: 'eo:receiptSection', group: 'section' },
  { field: 'eo:fileSection', group: 'section' },
  { field: 'eo:currentHolder', group: 'holder' }
];

/** The search body (POST /search/versions/1/search), or undefined when there is nothing to look for. */
export function searchRequest(req: SearchRequest) {
  const query = searchQuery(req.site, req.text, req.filters);
  if (!query) return undefined;
  const facetQueries = [
    ...SEARCH_KINDS.map((k) => ({ query: kindClause(k), label: `kind|${k}`, group: 'kind' })),
    ...req.years.map((y) => ({ query: yearClause(y), label: `year|${y}`, group: 'year' }))
  ];
  return {
    query: { query, language: 'afts' },
    include: ['properties'],
    paging: { skipCount: req.skipCount, maxItems: req.maxItems },
    sort: [{ type: 'FIELD', field: 'cm:created', ascending: false }],
    facetFormat: 'V2',
    facetQueries,
    facetFields: { facets: FIELD_FACETS.map((f) => ({ field: f.field, label: f.field, mincount: 1, limit: 50 })) }
  };
}

/** One item found. */
export interface SearchHit {
  id: string;
  kind: SearchKind;
  number: string;
  computerNumber: string;
  subject: string;
  /** Receipts: the sender's name and organisation. */
  sender: string;
  holder: string;
  status: string;
  /** Receipts: diarised; files: opened. */
  date: string;
  modifiedAt: string;
}

/** A chip: one value of a facet with the number of items found having it. */
export interface FacetChip {
  group: FacetGroup;
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetGroup, FacetChip[]>;
}

interface Bucket {
  label: string;
  metrics?: { type: string; value: { count: unknown } }[];
}
/** A search entry as the API returns it (dates as text or Date, as js-api gives them). */
export interface SearchEntry {
  id: string;
  nodeType: string;
  name?: string;
  createdAt?: unknown;
  modifiedAt?: unknown;
  properties?: Record<string, unknown>;
}
export interface SearchAnswer {
  list: {
    pagination: { totalItems?: number };
    entries?: { entry: SearchEntry }[];
    context?: { facets?: { type?: string; label?: string; buckets?: Bucket[] }[] };
  };
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const iso = (v: unknown): string => (v ? new Date(v instanceof Date ? v : String(v)).toISOString() : '');

export function toSearchHit(entry: SearchEntry): SearchHit {
  const p = entry.properties ?? {};
  const kind: SearchKind = entry.nodeType === 'eo:file' ? 'file' : 'receipt';
  return {
    id: entry.id,
    kind,
    number: text((kind === 'file' ? p['eo:fileNumber'] : p['eo:receiptNumber']) ?? entry.name),
    computerNumber: text(p['eo:computerNumber']),
    subject: text(p['eo:subject']),
    sender: [p['eo:senderName'], p['eo:senderOrganisation']].filter((v) => !!v).join(', '),
    holder: text(p['eo:currentHolder']),
    status: text(p['eo:status']),
    date: iso((kind === 'receipt' ? p['eo:diarisedDate'] : undefined) ?? entry.createdAt ?? p['cm:created']),
    modifiedAt: iso(entry.modifiedAt ?? p['cm:modified'])
  };
}

const countOf = (b: Bucket) => Number(b.metrics?.find((m) => m.type === 'count')?.value.count ?? 0);

/** Reads the answer of searchRequest: the page of items and the chips (zero counts left out), largest first. */
export function readSearch(answer: SearchAnswer): SearchResult {
  const facets: Record<FacetGroup, FacetChip[]> = { kind: [], status: [], year: [], section: [], holder: [] };
  const add = (group: FacetGroup, value: string, count: number) => {
    if (!count) return;
    const known = facets[group].find((c) => c.value === value);
    if (known) known.count += count;
    else facets[group].push({ group, value, count });
  };
  for (const f of answer.list.context?.facets ?? []) {
    for (const b of f.buckets ?? []) {
      if (f.type === 'query') {
        const [group, value] = b.label.split('|');
        if (group === 'kind' || group === 'year') add(group, value, countOf(b));
      } else if (f.type === 'field') {
        const known = FIELD_FACETS.find((x) => x.field === f.label);
        if (known) add(known.group, b.label, countOf(b));
      }
    }
  }
  facets.status.sort((a, b) => b.count - a.count);
  facets.section.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.holder.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    total: answer.list.pagination.totalItems ?? 0,
    hits: (answer.list.entries ?? []).map((e) => toSearchHit(e.entry)),
    facets
  };
}
