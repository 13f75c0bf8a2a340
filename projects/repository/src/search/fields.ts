// Resolves field names as written in queries, sorts and facets (`cm:name`, `name`, `@cm:title`,
// `{uri}title`, `content.size`, `TYPE`) to where the value lives: a node column or the property table.
import { SearchError } from './errors';
import { SPECIAL_FIELDS } from './parser';

export type ValueType = 'text' | 'date' | 'number' | 'bool' | 'other' | 'unknown';

/**
 * How the index holds a text property, from its `<index><tokenised>` (Alfresco's IndexTokenisationMode):
 * 'true' (the default) only the tokens, 'false' only the whole value, 'both' each.
 */
export type Tokenisation = 'true' | 'false' | 'both';

export type FieldRef =
  | { kind: 'special'; name: string }
  /** full text over all node_text columns */
  | { kind: 'text' }
  | { kind: 'column'; qname: string; col: string; type: ValueType; tokenised: Tokenisation; fts?: FtsColumn }
  | { kind: 'property'; qname: string; type: ValueType; tokenised: Tokenisation; fts?: FtsColumn };

export type FtsColumn = 'name' | 'title' | 'description' | 'content';

/** Namespaces of Alfresco's own models, so `{uri}local` works without asking the dictionary. */
export const WELL_KNOWN_NAMESPACES: Record<string, string> = {
  'http://www.alfresco.org/model/content/1.0': 'cm',
  'http://www.alfresco.org/model/system/1.0': 'sys',
  'http://www.alfresco.org/model/application/1.0': 'app',
  'http://www.alfresco.org/model/site/1.0': 'st',
  'http://www.alfresco.org/model/dictionary/1.0': 'd',
  'http://www.alfresco.org/model/rendition/1.0': 'rn',
  'http://www.alfresco.org/model/exif/1.0': 'exif',
  'http://www.alfresco.org/model/audio/1.0': 'audio',
  'http://www.alfresco.org/model/bpm/1.0': 'bpm',
  'http://www.alfresco.org/model/workflow/1.0': 'wf',
  'http://www.alfresco.org/model/user/1.0': 'usr',
  'http://www.alfresco.org/model/forum/1.0': 'fm',
  'http://www.alfresco.org/model/linksmodel/1.0': 'lnk',
  'http://www.alfresco.org/model/calendar': 'ia',
  'http://www.alfresco.org/model/datalist/1.0': 'dl',
  'http://www.alfresco.org/model/blogintegration/1.0': 'blg',
  'http://www.alfresco.org/model/rule/1.0': 'rule',
  'http://www.alfresco.org/model/action/1.0': 'act',
  'http://www.alfresco.org/model/versionstore/2.0': 'ver2',
  'http://www.alfresco.org/model/recordsmanagement/1.0': 'rma',
  'http://www.alfresco.org/model/smartfolder/1.0': 'smf'
};
const KNOWN_PREFIXES = new Set(Object.values(WELL_KNOWN_NAMESPACES));

export interface FieldResolver {
  /** Whether `prefix:local` (from `prefix:local:value`) names a property rather than `field:value:…`. */
  isQName(prefix: string, local: string): boolean;
  resolve(name: string): FieldRef;
  qname(name: string): string;
}

const COLUMNS: Record<string, { col: string; type: ValueType; fts?: FtsColumn }> = {
  'cm:name': { col: 'n.name', type: 'text', fts: 'name' },
  'cm:created': { col: 'n.created_at', type: 'date' },
  'cm:modified': { col: 'n.modified_at', type: 'date' },
  'cm:creator': { col: 'n.created_by', type: 'text' },
  'cm:modifier': { col: 'n.modified_by', type: 'text' },
  'cm:owner': { col: 'n.owner', type: 'text' },
  'cm:lockOwner': { col: 'n.locked_by', type: 'text' },
  'cm:content.mimetype': { col: 'n.mime_type', type: 'other' },
  'cm:content.size': { col: 'n.size', type: 'number' },
  'cm:content.encoding': { col: 'n.encoding', type: 'other' },
  'sys:node-uuid': { col: 'n.id', type: 'other' },
  'sys:node-dbid': { col: 'n.seq', type: 'number' }
};
const FTS_PROPS: Record<string, FtsColumn> = { 'cm:title': 'title', 'cm:description': 'description' };
/**
 * `<tokenised>` of Alfresco's own contentModel.xml for the properties queries use most; the repository's
 * abridged copy of that model leaves the `<index>` elements out.
 */
const CONTENT_MODEL_TOKENISATION: Record<string, Tokenisation> = {
  'cm:name': 'both',
  'cm:title': 'both',
  'cm:description': 'both',
  'cm:creator': 'false',
  'cm:modifier': 'false'
};

export function createResolver(
  propertyDataType: (q: string) => string | undefined,
  prefixForUri?: (uri: string) => string | undefined,
  propertyTokenised?: (q: string) => string | undefined
): FieldResolver {
  const tokenised = (q: string): Tokenisation => CONTENT_MODEL_TOKENISATION[q] ?? tokenisation(propertyTokenised?.(q));

  const isQName = (p: string, local: string) =>
    KNOWN_PREFIXES.has(p) ||
    propertyDataType(`${p}:${local}`) !== undefined ||
    // an unregistered custom prefix: short lower-case word, local name starting with a letter, and not a cm: property
    (/^[a-z][a-z0-9]{0,9}$/u.test(p) && /^[A-Za-z_]/u.test(local) && propertyDataType(`cm:${p}`) === undefined);

  function qname(name: string): string {
    let s = name.replace(/^@/u, '');
    const uri = /^\{([^}]*)\}(.+)$/u.exec(s);
    if (uri) {
      const prefix = prefixForUri?.(uri[1]) ?? WELL_KNOWN_NAMESPACES[uri[1]];
      if (!prefix) throw new SearchError(`Unknown namespace '${uri[1]}'`);
      return `${prefix}:${uri[2]}`;
    }
    if (s.includes(':')) return s;
    const underscore = /^([a-z][a-z0-9]*)_(.+)$/u.exec(s);
    if (underscore && KNOWN_PREFIXES.has(underscore[1])) return `${underscore[1]}:${underscore[2]}`;
    s = `cm:${s}`; // AFTS default namespace
    return s;
  }

  function resolve(name: string): FieldRef {
    const bare = name.replace(/^@/u, '');
    if (bare === 'TEXT' || bare === 'ALL') return { kind: 'text' };
    if (SPECIAL_FIELDS.has(bare)) return { kind: 'special', name: bare };
    const q = qname(bare);
    if (q === 'cm:content') return { kind: 'text' };
    const col = COLUMNS[q];
    if (col) return { kind: 'column', qname: q, ...col, tokenised: tokenised(q) };
    return { kind: 'property', qname: q, type: valueType(propertyDataType(q)), tokenised: tokenised(q), fts: FTS_PROPS[q] };
  }

  return { isQName, resolve, qname };
}

/** IndexTokenisationMode reads the element case-insensitively; no element (or no `<index>`) means tokenised. */
function tokenisation(value: string | undefined): Tokenisation {
  const v = value?.trim().toLowerCase();
  return v === 'false' || v === 'both' ? v : 'true';
}

function valueType(dt: string | undefined): ValueType {
  switch (dt) {
    case undefined:
      return 'unknown';
    case 'd:text':
    case 'd:mltext':
      return 'text';
    case 'd:date':
    case 'd:datetime':
      return 'date';
    case 'd:int':
    case 'd:long':
    case 'd:float':
    case 'd:double':
      return 'number';
    case 'd:boolean':
      return 'bool';
    default:
      return 'other';
  }
}

/** Strips the quotes ADF and the docs sometimes put around facet field names (`'content.size'`). */
export function stripQuotes(s: string): string {
  return s.trim().replace(/^(['"])(.*)\1$/u, '$2');
}
