import { errors } from '../../errors/api-error';

interface DictionaryLike {
  isSubClassOf(q: string, ancestor: string): boolean;
  allTypes(): { name: string }[] | string[];
}

/**
 * The `where` of GET /nodes/{id}/children: (isFolder=true), (isFile=true), (nodeType='x'),
 * (nodeType='x INCLUDESUBTYPES'), (isPrimary=true), (assocType='cm:contains'), joined with AND / OR.
 */
export function parseChildrenWhere(where: string | undefined, dictionary: DictionaryLike): { sql: string; params: unknown[] } {
  if (!where) return { sql: '', params: [] };
  const inner = where.trim().replace(/^\(/, '').replace(/\)$/, '').trim();
  const parts = inner.split(/\s+(AND|OR)\s+/i);
  const sql: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      sql.push(parts[i].toUpperCase());
      continue;
    }
    const clause = parts[i].trim();
    let m: RegExpExecArray | null;
    if ((m = /^(isFolder|isFile|isPrimary)\s*=\s*(true|false)$/i.exec(clause))) {
      const value = m[2].toLowerCase() === 'true' ? 1 : 0;
      if (m[1] === 'isPrimary') sql.push(value ? '1=1' : '1=0');
      else {
        sql.push(m[1] === 'isFolder' ? 'n.is_folder = ?' : 'n.is_file = ?');
        params.push(value);
      }
    } else if ((m = /^nodeType\s*=\s*'([^'\s]+)(\s+INCLUDESUBTYPES)?'$/i.exec(clause))) {
      if (m[2]) {
        const names = (dictionary.allTypes() as ({ name: string } | string)[])
          .map((t) => (typeof t === 'string' ? t : t.name))
          .filter((t) => dictionary.isSubClassOf(t, m![1]));
        if (!names.length) names.push(m[1]);
        sql.push(`n.type IN (${names.map(() => '?').join(',')})`);
        params.push(...names);
      } else {
        sql.push('n.type = ?');
        params.push(m[1]);
      }
    } else if ((m = /^assocType\s*=\s*'([^']+)'$/i.exec(clause))) {
      sql.push(m[1] === 'cm:contains' ? '1=1' : '1=0');
    } else throw errors.invalidArgument(`Invalid where clause: ${where}`);
  }
  return { sql: `(${sql.join(' ')})`, params };
}

const ORDER_COLUMNS: Record<string, string> = {
  name: 'n.name_key',
  isFolder: 'n.is_folder',
  isFile: 'n.is_file',
  createdAt: 'n.created_at',
  modifiedAt: 'n.modified_at',
  sizeInBytes: 'n.size',
  'content.sizeInBytes': 'n.size',
  mimeType: 'n.mime_type',
  'content.mimeType': 'n.mime_type',
  nodeType: 'n.type',
  createdByUser: 'n.created_by',
  modifiedByUser: 'n.modified_by',
  'createdByUser.id': 'n.created_by',
  'modifiedByUser.id': 'n.modified_by',
  title: "(SELECT text_value FROM property p WHERE p.node_id = n.id AND p.qname = 'cm:title')"
};

/** ORDER BY for a children listing; ACS's default puts folders first, then names A-Z. */
export function childrenOrder(orderBy: string | undefined): string {
  if (!orderBy) return 'n.is_folder DESC, n.name_key ASC';
  const terms = orderBy
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const out = terms.map((t) => {
    const [field, dir] = t.split(/\s+/);
    const col = ORDER_COLUMNS[field];
    if (!col) throw errors.invalidArgument(`Invalid orderBy field: ${field}`);
    if (dir && !/^(ASC|DESC)$/i.test(dir)) throw errors.invalidArgument(`Invalid orderBy direction: ${dir}`);
    return `${col} ${dir ? dir.toUpperCase() : 'ASC'}`;
  });
  return [...out, 'n.id'].join(', ');
}
