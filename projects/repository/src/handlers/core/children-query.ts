import { errors } from '../../errors/api-error';
import {
  isChildOrderField,
  type ChildCondition,
  type ChildOrderField,
  type ChildrenWhere,
  type SortTerm
} from '../../persistence/node-listings';

interface DictionaryLike {
  isSubClassOf(q: string, ancestor: string): boolean;
  allTypes(): { name: string }[] | string[];
}

/**
 * The `where` of GET /nodes/{id}/children: (isFolder=true), (isFile=true), (nodeType='x'),
 * (nodeType='x INCLUDESUBTYPES'), (isPrimary=true), (assocType='cm:contains'), joined with AND / OR.
 * Every child listed is a child through cm:contains (primary or secondary), so assocType holds for all or none.
 */
export function parseChildrenWhere(where: string | undefined, dictionary: DictionaryLike): ChildrenWhere | undefined {
  if (!where) return undefined;
  const inner = where.trim().replace(/^\(/, '').replace(/\)$/, '').trim();
  const parts = inner.split(/\s+(AND|OR)\s+/i);
  const out: ChildrenWhere = { conditions: [], operators: [] };
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      out.operators.push(parts[i].toUpperCase() as 'AND' | 'OR');
      continue;
    }
    out.conditions.push(childCondition(parts[i].trim(), where, dictionary));
  }
  return out;
}

function childCondition(clause: string, where: string, dictionary: DictionaryLike): ChildCondition {
  let m: RegExpExecArray | null;
  if ((m = /^(isFolder|isFile|isPrimary)\s*=\s*(true|false)$/i.exec(clause))) {
    const value = m[2].toLowerCase() === 'true';
    if (m[1] === 'isPrimary') return { kind: 'isPrimary', value };
    return { kind: m[1] === 'isFolder' ? 'isFolder' : 'isFile', value };
  }
  if ((m = /^nodeType\s*=\s*'([^'\s]+)(\s+INCLUDESUBTYPES)?'$/i.exec(clause))) {
    if (!m[2]) return { kind: 'type', type: m[1] };
    const names = (dictionary.allTypes() as ({ name: string } | string)[])
      .map((t) => (typeof t === 'string' ? t : t.name))
      .filter((t) => dictionary.isSubClassOf(t, m![1]));
    if (!names.length) names.push(m[1]);
    return { kind: 'typeIn', types: names };
  }
  if ((m = /^assocType\s*=\s*'([^']+)'$/i.exec(clause))) return { kind: m[1] === 'cm:contains' ? 'all' : 'none' };
  throw errors.invalidArgument(`Invalid where clause: ${where}`);
}

/** The orderBy of a children listing; undefined: ACS's default (folders first, then names A-Z). */
export function childrenOrder(orderBy: string | undefined): SortTerm<ChildOrderField>[] | undefined {
  if (!orderBy) return undefined;
  return orderBy
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const [field, dir] = t.split(/\s+/);
      if (!isChildOrderField(field)) throw errors.invalidArgument(`Invalid orderBy field: ${field}`);
      if (dir && !/^(ASC|DESC)$/i.test(dir)) throw errors.invalidArgument(`Invalid orderBy direction: ${dir}`);
      return { field, descending: !!dir && dir.toUpperCase() === 'DESC' };
    });
}
