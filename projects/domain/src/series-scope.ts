// Where the department's registered items are, as search clauses. Every inbox, list, register and MIS count
// of the extension starts from here, because the custody properties alone prove nothing: an officer may
// create an eo:receipt or eo:file with any properties (eo:currentHolder naming the Secretary, eo:status
// inMovement) in any folder she may write, or copy a real item there (POST /nodes/{id}/copy keeps type,
// number and custody). What she cannot do is put a node at exactly
// <documentLibrary>/Receipts/<year>/<section>/<item> or Files/<year>/<section>/<item>: registration moves
// items there as administrator, and those folders are writable by no officer (config/README.md,
// "Numbers: where they live"). So an item counts only at that depth of the department's own trees, and
// the records inside it (movements, dispatches) only in that item's own child folder.
//
// PATH on ACS is answered by the search index (Solr or Elasticsearch), not by the database's
// transactional queries (which know TYPE, ASPECT, PARENT and properties only), so these lists follow the
// index like the MIS always did. Each `*` step matches exactly one level: Search Services matches a PATH
// step by step, and the Elasticsearch connector turns `*` into the regular expression `[^/]+` over the whole
// path (PathQueryConverter), so neither a deeper nor a shallower node matches. Names in a PATH are ISO 9075
// encoded QNames: a site is `cm:<short name>` under `st:sites` (SiteServiceImpl.createSite), its library
// `cm:documentLibrary`, a folder made through the REST API `cm:<name>` (NodesImpl); the site's short name is
// the only variable step and is encoded here.
import { FOLDERS } from './numbering';

export type SeriesKind = 'receipt' | 'file';

/** The series tree of each kind of item, below the document library. */
const SERIES_FOLDER: Record<SeriesKind, string> = { receipt: FOLDERS.receipts, file: FOLDERS.files };

/** Child folders of an item holding records the MIS and the registers count. */
export type ItemRecordFolder = 'Movements' | 'Dispatches';

const isNameStart = (ch: string): boolean => /[\p{L}_]/u.test(ch);
const isNameChar = (ch: string): boolean => /[\p{L}\p{N}\p{M}._-]/u.test(ch);

/**
 * ISO 9075 encoding of a name as a QName's local part, as Alfresco's ISO9075.encode: a character an XML
 * name may not hold there becomes `_xhhhh_` (lower-case hex, as ACS writes it), and so does the `_` of a
 * literal `_xHHHH_` in the name.
 */
export function iso9075Encode(name: string): string {
  const chars = [...name];
  return chars
    .map((ch, i) => {
      const literalPattern = ch === '_' && /^_x[0-9A-Fa-f]{4}_/.test(chars.slice(i, i + 7).join(''));
      const valid = !literalPattern && (i === 0 ? isNameStart(ch) : isNameChar(ch));
      return valid ? ch : `_x${ch.codePointAt(0)!.toString(16).padStart(4, '0')}_`;
    })
    .join('');
}

/** The department site's document library as a PATH prefix (no trailing slash). */
export const documentLibraryPath = (site: string): string => `/app:company_home/st:sites/cm:${iso9075Encode(site)}/cm:documentLibrary`;

/** PATH of the registered items of one kind: `<documentLibrary>/<series>/<year>/<section>/<item>`, nothing deeper or shallower. */
export const seriesItemsPath = (site: string, kind: SeriesKind): string =>
  `${documentLibraryPath(site)}/cm:${iso9075Encode(SERIES_FOLDER[kind])}/*/*/*`;

/**
 * AFTS clause for the registered items of the given kinds in the department's series trees, e.g.
 * `(TYPE:"eo:file" AND PATH:"/app:company_home/st:sites/cm:eo-gad/cm:documentLibrary/cm:Files/*\/*\/*")`.
 */
export function seriesItems(site: string, kinds: SeriesKind[]): string {
  const one = (kind: SeriesKind) => `(TYPE:"eo:${kind}" AND PATH:"${seriesItemsPath(site, kind)}")`;
  if (!kinds.length) throw new Error('seriesItems: no kind of item');
  return kinds.length === 1 ? one(kinds[0]) : `(${kinds.map(one).join(' OR ')})`;
}

/** AFTS clause for nodes of `type` directly inside a registered item's `folder` (its movements, its dispatches). */
export function seriesRecords(site: string, kinds: SeriesKind[], folder: ItemRecordFolder, type: string): string {
  const paths = kinds.map((kind) => `PATH:"${seriesItemsPath(site, kind)}/cm:${folder}/*"`);
  return `(TYPE:"${type}" AND ${paths.length === 1 ? paths[0] : `(${paths.join(' OR ')})`})`;
}
