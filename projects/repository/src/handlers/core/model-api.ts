import { Router } from 'express';
import type { RepositoryContext } from '../../services/repository-context';
import type { ClassDef } from '../../dictionary/types';
import { errors } from '../../errors/api-error';
import { handle, parsePaging, parseList, entry, pageOf } from '../../http/api';

const SYSTEM_URI = 'http://www.alfresco.org/model/system/1.0';
const OPTIONAL = ['properties', 'mandatoryAspects', 'associations'] as const;

interface ClassFilter {
  modelIds?: { model: string; withSubclasses: boolean }[];
  parentIds?: string[];
  matches?: RegExp;
  notMatches?: RegExp;
}

/**
 * The model API (alfresco-model.yaml): GET /types, /types/{id}, /aspects, /aspects/{id}. Lists leave out
 * the sys: namespace and show properties, mandatory aspects and associations only when included, as
 * ACS does; a single class is always shown whole.
 */
export function modelApiRouter(ctx: RepositoryContext): Router {
  const r = Router();
  const { dictionary } = ctx;

  const room = (kind: 'type' | 'aspect') => {
    const all = () => (kind === 'type' ? dictionary.allTypes() : dictionary.allAspects());
    const toJson = (q: string) => (kind === 'type' ? dictionary.toTypeDefinition(q) : dictionary.toAspectDefinition(q));
    const sub = kind === 'type' ? 'INCLUDESUBTYPES' : 'INCLUDESUBASPECTS';

    const listHandler = handle(({ query }) => {
      const paging = parsePaging(query);
      const include = new Set(parseList(query.include));
      const filter = parseClassWhere(query.where, sub);
      const uris = new Map(dictionary.namespaces().map((n) => [n.prefix, n.uri]));
      const uriOf = (c: ClassDef) => uris.get(c.name.slice(0, c.name.indexOf(':'))) ?? '';
      const inModels = (c: ClassDef) =>
        !filter.modelIds ||
        filter.modelIds.some(({ model, withSubclasses }) => {
          const m = dictionary.getModel(model);
          if (!m) return false;
          if (c.model === m.name) return true;
          return withSubclasses && dictionary.ancestors(c.name).some((a) => a.model === m.name);
        });
      const entries = all()
        .filter((c) => uriOf(c) !== SYSTEM_URI)
        .filter(inModels)
        .filter((c) => !filter.parentIds || (!!c.parent && filter.parentIds.includes(c.parent)))
        .filter((c) => !filter.matches || filter.matches.test(uriOf(c)))
        .filter((c) => !filter.notMatches || !filter.notMatches.test(uriOf(c)))
        .map((c) => {
          const json = toJson(c.name) as unknown as Record<string, unknown>;
          for (const k of OPTIONAL) if (!include.has(k)) delete json[k];
          return json;
        })
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
      return { body: pageOf(entries, paging) };
    });

    const oneHandler = handle(({ params }) => {
      const id = kind === 'type' ? params.typeId : params.aspectId;
      const prefix = id.includes(':') ? id.slice(0, id.indexOf(':')) : '';
      if (!prefix || !dictionary.namespaces().some((n) => n.prefix === prefix)) throw errors.invalidArgument(`${id} isn't a valid QName`);
      const json = toJson(id);
      if (!json) throw errors.notFound(id);
      return { body: entry(json) };
    });
    return { listHandler, oneHandler };
  };

  const types = room('type');
  const aspects = room('aspect');
  r.get('/types', types.listHandler);
  r.get('/types/:typeId', types.oneHandler);
  r.get('/aspects', aspects.listHandler);
  r.get('/aspects/:aspectId', aspects.oneHandler);
  return r;
}

/**
 * `(modelId in ('cm:contentmodel INCLUDESUBTYPES'))`, `(parentId in ('cm:titled'))`,
 * `(namespaceUri matches('http://www.alfresco.*'))`, `(not namespaceUri matches('…'))`, joined by AND.
 */
export function parseClassWhere(where: string | undefined, subclassWord: string): ClassFilter {
  const out: ClassFilter = {};
  if (!where || !where.trim()) return out;
  const m = /^\s*\((.*)\)\s*$/s.exec(where);
  if (!m) throw errors.invalidArgument(`Invalid where clause: ${where}`);
  const bad = () => errors.invalidArgument(`Invalid where clause: ${where}`);
  const values = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((v) => v[1]);
  for (const term of m[1].split(/\s+AND\s+/i)) {
    let t: RegExpExecArray | null;
    if ((t = /^\s*(modelId|parentId)\s+IN\s*\((.*)\)\s*$/i.exec(term))) {
      const list = values(t[2]);
      if (!list.length || list.some((v) => !v.trim())) throw errors.invalidArgument(`${t[1]} filter list cannot be empty`);
      if (t[1].toLowerCase() === 'parentid') out.parentIds = list;
      else
        out.modelIds = list.map((v) => {
          const [model, word] = v.trim().split(/\s+/);
          if (word && word.toUpperCase() !== subclassWord) throw bad();
          return { model, withSubclasses: !!word };
        });
    } else if ((t = /^\s*(NOT\s+)?namespaceUri\s+MATCHES\s*\(\s*'([^']*)'\s*\)\s*$/i.exec(term))) {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${t[2]})$`);
      } catch {
        throw errors.invalidArgument(`Invalid namespaceUri pattern: ${t[2]}`);
      }
      if (t[1]) out.notMatches = re;
      else out.matches = re;
    } else throw bad();
  }
  return out;
}
