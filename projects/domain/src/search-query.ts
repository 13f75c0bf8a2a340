/**
 * The e-Office search: receipts and files together, by number, Computer No., subject or sender, as ONE search
 * request that also brings the facet counts (kind, status, year, section, holder). Each facet counts what the
 * other chosen chips leave, not its own: with "File" chosen the Kind facet still says how many receipts the
 * words find, so the officer can see and switch, while Status, Year, Section and With count files only. The
 * chips are filter queries tagged with their facet, and each facet field leaves out its own tag
 * (excludeFilters, as ACS's search API and Solr's tag/exclude do). Framework-free, shared by the search page
 * and the installer's search test. The repository answers with the officer's own read permissions, so
 * nothing here filters by who may see what.
 */
import { quote } from './afts';
import { computerNumberPrefixRange } from './file-query';
import { seriesItems } from './series-scope';

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

/** The AFTS of each chosen chip, by its facet group. */
function chosenClauses(filters: SearchFilters): { group: FacetGroup; clause: string }[] {
  const parts: { group: FacetGroup; clause: string }[] = [];
  if (filters.kind) parts.push({ group: 'kind', clause: kindClause(filters.kind) });
  if (filters.status) parts.push({ group: 'status', clause: `=eo:status:${quote(filters.status)}` });
  if (filters.year) parts.push({ group: 'year', clause: yearClause(filters.year) });
  if (filters.section)
    parts.push({ group: 'section', clause: `(=eo:receiptSection:${quote(filters.section)} OR =eo:fileSection:${quote(filters.section)})` });
  if (filters.holder) parts.push({ group: 'holder', clause: `=eo:currentHolder:${quote(filters.holder)}` });
  return parts;
}

/** The chosen chips as filter queries, each tagged with its facet group so that group's counts can leave it out. */
export function chipFilterQueries(filters: SearchFilters): { query: string; tags: string[] }[] {
  return chosenClauses(filters).map((c) => ({ query: c.clause, tags: [c.group] }));
}

/**
 * The facet fields and the group each counts for; a group's values from several fields (receipt and file
 * sections) are merged. Kind is the node type; year is the year in the receipt or file number.
 */
const FIELD_FACETS: { field: string; group: FacetGroup }[] = [
  { field: 'TYPE', group: 'kind' },
  { field: 'eo:status', group: 'status' },
  { field: 'eo:receiptYear', group: 'year' },
  { field: 'eo:fileYear', group: 'year' },
  { field: 'eo:receiptSection', group: 'section' },
  { field: 'eo:fileSection', group: 'section' },
  { field: 'eo:currentHolder', group: 'holder' }
];

/** The search body (POST /search/versions/1/search), or undefined when there is nothing to look for. */
export function searchRequest(req: SearchRequest) {
  const words = searchTextQuery(req.text);
  if (!words) return undefined;
  return {
    // Both series: the kind chosen is a filter like the others, so the Kind facet can count the other kind.
    query: { query: `${seriesItems(req.site, SEARCH_KINDS)} AND ${words}`, language: 'afts' },
    filterQueries: chipFilterQueries(req.filters),
    include: ['properties'],
    paging: { skipCount: req.skipCount, maxItems: req.maxItems },
    sort: [{ type: 'FIELD', field: 'cm:created', ascending: false }],
    facetFormat: 'V2',
    facetFields: {
      facets: FIELD_FACETS.map((f) => ({ field: f.field, label: f.field, mincount: 1, limit: 50, excludeFilters: [f.group] }))
    }
  };
}

/** The kind a TYPE bucket names, whether written `eo:file` or `{namespace}file`. */
function kindOfType(label: string): SearchKind | undefined {
  const local = label.slice(Math.max(label.lastIndexOf(':'), label.lastIndexOf('}')) + 1);
  return SEARCH_KINDS.find((kind) => kind === local);
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
    if (f.type !== 'field') continue;
    const known = FIELD_FACETS.find((x) => x.field === f.label);
    if (!known) continue;
    for (const b of f.buckets ?? []) {
      const value = known.group === 'kind' ? kindOfType(b.label) : b.label;
      if (value) add(known.group, value, countOf(b));
    }
  }
  facets.kind.sort((a, b) => SEARCH_KINDS.indexOf(a.value as SearchKind) - SEARCH_KINDS.indexOf(b.value as SearchKind));
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  facets.status.sort((a, b) => b.count - a.count);
  facets.section.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  facets.holder.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    total: answer.list.pagination.totalItems ?? 0,
    hits: (answer.list.entries ?? []).map((e) => toSearchHit(e.entry)),
    facets
  };
}
