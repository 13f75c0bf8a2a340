// Parser for Alfresco's dictionary model XML (namespace http://www.alfresco.org/model/dictionary/1.0).
// Produces a ModelDef whose QNames are all in prefixed form. Prefixes are resolved through the model's
// own <namespaces> and <imports>; an imported URI is rewritten to the prefix the repository already
// uses for it (a model may import cm's URI under another local prefix).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkBinding, PARSE_FAILURE } from './binding';
import {
  AssociationDef,
  AssociationEnd,
  ClassDef,
  ConstraintDef,
  DictionaryError,
  IndexDef,
  ModelDef,
  NamespaceDef,
  PropertyDef,
  PropertyOverride
} from './types';

export interface ParseOptions {
  /** Repository-wide prefix for an imported namespace URI; defaults to the import's own prefix. */
  prefixForUri?: (uri: string) => string | undefined;
  /** Named constraints defined by already registered models, for `<constraint ref="...">`. */
  constraintFor?: (name: string) => ConstraintDef | undefined;
}

// Elements that repeat, keyed by their parent element; everything else is a single child.
const REPEATED: Record<string, string[]> = {
  imports: ['import'],
  namespaces: ['namespace'],
  'data-types': ['data-type'],
  constraints: ['constraint'],
  types: ['type'],
  aspects: ['aspect'],
  properties: ['property'],
  associations: ['association', 'child-association'],
  'mandatory-aspects': ['aspect'],
  overrides: ['property'],
  constraint: ['parameter'],
  list: ['value']
};

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  jPath: true,
  isArray: (tag, jpath) => {
    const parts = String(jpath).split('.');
    return REPEATED[parts[parts.length - 2]]?.includes(tag) ?? false;
  }
});

// fast-xml-parser yields '' for empty elements and { '#text', '@_attr' } for elements with attributes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parser's untyped tree, read field by field below
type Node = Record<string, any>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- elements of the untyped tree
const arr = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]);
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const t = (v as Node)['#text'];
    return t === undefined ? '' : String(t);
  }
  return String(v);
}
const bool = (v: unknown, dflt: boolean): boolean => {
  const t = text(v)?.trim().toLowerCase();
  return t === undefined || t === '' ? dflt : t === 'true';
};
const optBool = (v: unknown): boolean | undefined => (text(v) === undefined ? undefined : bool(v, false));
const attr = (v: unknown, name: string): string | undefined => obj(v)['@_' + name];

const invalid = (message: string): never => {
  throw new DictionaryError('invalidModel', message);
};

export function parseModel(xml: string, options: ParseOptions = {}): ModelDef {
  // Empty or malformed XML fails in ACS's XML reader, under the same parse failure as a binding error.
  const unreadable = (detail: string): never => {
    throw new DictionaryError('parseFailure', `${PARSE_FAILURE}: ${detail}`);
  };
  if (typeof xml !== 'string' || !xml.trim()) unreadable('the model XML is empty');
  const check = XMLValidator.validate(xml);
  if (check !== true) unreadable(`${check.err.msg} (line ${check.err.line}, col ${check.err.col})`);
  // Element order, unknown elements and required attributes, as ACS's binding reads them.
  checkBinding(xml);
  const root = obj(xmlParser.parse(xml).model);
  const modelNameRaw = attr(root, 'name');
  if (!modelNameRaw) invalid('Not a dictionary model: missing <model name="...">');

  const namespaces: NamespaceDef[] = arr(obj(root.namespaces).namespace).map((n) => ({
    uri: attr(n, 'uri') ?? '',
    prefix: attr(n, 'prefix') ?? ''
  }));
  const imports: NamespaceDef[] = arr(obj(root.imports).import).map((n) => ({
    uri: attr(n, 'uri') ?? '',
    prefix: attr(n, 'prefix') ?? ''
  }));

  // local prefix -> URI, and URI -> the prefix we store.
  const uriOfLocal = new Map<string, string>();
  const storedPrefix = new Map<string, string>();
  for (const ns of namespaces) {
    uriOfLocal.set(ns.prefix, ns.uri);
    storedPrefix.set(ns.uri, ns.prefix);
  }
  for (const ns of imports) {
    uriOfLocal.set(ns.prefix, ns.uri);
    if (!storedPrefix.has(ns.uri)) storedPrefix.set(ns.uri, options.prefixForUri?.(ns.uri) ?? ns.prefix);
  }

  const qname = (raw: string | undefined, what: string): string => {
    const value = (raw ?? '').trim();
    if (!value) return invalid(`Missing name for ${what}`);
    let uri: string | undefined;
    let local: string;
    const m = /^\{([^}]*)\}(.+)$/.exec(value);
    if (m) {
      uri = m[1];
      local = m[2];
    } else {
      const i = value.indexOf(':');
      const prefix = i < 0 ? '' : value.slice(0, i);
      local = i < 0 ? value : value.slice(i + 1);
      uri = uriOfLocal.get(prefix);
      if (uri === undefined) {
        throw new DictionaryError(
          'unknownPrefix',
          `Namespace prefix '${prefix}' of ${what} '${value}' is not defined or imported by the model`,
          value
        );
      }
    }
    const prefix = storedPrefix.get(uri);
    if (prefix === undefined) {
      throw new DictionaryError('unknownPrefix', `Namespace '${uri}' of ${what} '${value}' is not defined or imported by the model`, value);
    }
    return prefix ? `${prefix}:${local}` : local;
  };

  const modelName = qname(modelNameRaw, 'model');

  const parseConstraint = (c: Node, fallbackName: string | undefined, named: Map<string, ConstraintDef>): ConstraintDef => {
    const ref = attr(c, 'ref');
    if (ref) {
      const name = qname(ref, 'constraint reference');
      const target = named.get(name) ?? options.constraintFor?.(name);
      if (!target) invalid(`Constraint reference '${name}' does not name a known constraint`);
      return { ...(target as ConstraintDef), ref: name };
    }
    const type = attr(c, 'type');
    if (!type) invalid(`Constraint ${attr(c, 'name') ?? fallbackName ?? ''} has no type`);
    const parameters: Record<string, string | string[]> = {};
    for (const p of arr(c.parameter)) {
      const pname = attr(p, 'name');
      if (!pname) invalid('Constraint parameter without a name');
      const po = obj(p);
      parameters[pname as string] = po.list !== undefined ? arr(obj(po.list).value).map((v) => text(v) ?? '') : (text(po.value) ?? '');
    }
    const rawName = attr(c, 'name');
    return {
      name: rawName ? qname(rawName, 'constraint') : (fallbackName as string),
      type: type as string,
      title: text(c.title),
      description: text(c.description),
      parameters
    };
  };

  const named = new Map<string, ConstraintDef>();
  const constraints: ConstraintDef[] = [];
  for (const c of arr(obj(root.constraints).constraint)) {
    if (!attr(c, 'name')) invalid('Model-level constraints need a name');
    const def = parseConstraint(obj(c), undefined, named);
    if (named.has(def.name)) invalid(`Constraint '${def.name}' is defined twice`);
    named.set(def.name, def);
    constraints.push(def);
  }

  // Inline anonymous constraints get a stable generated name so the model API can list them.
  const propertyConstraints = (node: Node, propName: string): ConstraintDef[] =>
    arr(obj(node.constraints).constraint).map((c, i) => parseConstraint(obj(c), `${propName}_anon_${i}`, named));

  const parseIndex = (v: unknown): IndexDef | undefined => {
    if (v === undefined) return undefined;
    const o = obj(v);
    return {
      enabled: bool(attr(v, 'enabled'), true),
      atomic: optBool(o.atomic),
      stored: optBool(o.stored),
      tokenised: text(o.tokenised),
      facetable: optBool(o.facetable)
    };
  };

  const parseProperty = (p: Node, container: string): PropertyDef => {
    const name = qname(attr(p, 'name'), 'property');
    const dataType = text(p.type);
    if (!dataType) invalid(`Property '${name}' has no <type>`);
    return {
      name,
      container,
      title: text(p.title),
      description: text(p.description),
      dataType: qname(dataType, `data type of ${name}`),
      mandatory: bool(p.mandatory, false),
      // ACS: enforced defaults to false unless the attribute says otherwise.
      mandatoryEnforced: bool(attr(p.mandatory, 'enforced'), false),
      multiple: bool(p.multiple, false),
      protected: bool(p.protected, false),
      defaultValue: text(p.default),
      index: parseIndex(p.index),
      constraints: propertyConstraints(p, name)
    };
  };

  const parseEnd = (e: unknown, cls: string): AssociationEnd => {
    const o = obj(e);
    return {
      role: text(o.role) ? qname(text(o.role), 'association role') : undefined,
      cls,
      mandatory: bool(o.mandatory, false),
      mandatoryEnforced: bool(attr(o.mandatory, 'enforced'), false),
      many: bool(o.many, false)
    };
  };

  const parseAssociation = (a: Node, container: string, isChild: boolean): AssociationDef => {
    const name = qname(attr(a, 'name'), 'association');
    const targetClass = text(obj(a.target).class);
    if (!targetClass) invalid(`Association '${name}' has no target class`);
    return {
      name,
      container,
      title: text(a.title),
      description: text(a.description),
      isChild,
      protected: bool(a.protected, false),
      source: parseEnd(a.source, container),
      target: parseEnd(a.target, qname(targetClass, `target of ${name}`)),
      childName: isChild ? text(a['child-name']) : undefined,
      duplicate: isChild ? optBool(a.duplicate) : undefined,
      propagateTimestamps: isChild ? optBool(a.propagateTimestamps) : undefined
    };
  };

  const parseOverride = (o: Node): PropertyOverride => {
    const name = qname(attr(o, 'name'), 'property override');
    return {
      name,
      defaultValue: text(o.default),
      mandatory: o.mandatory === undefined ? undefined : bool(o.mandatory, false),
      mandatoryEnforced: o.mandatory === undefined ? undefined : bool(attr(o.mandatory, 'enforced'), false),
      constraints: o.constraints === undefined ? undefined : propertyConstraints(o, name)
    };
  };

  const parseClass = (c: Node, kind: 'type' | 'aspect'): ClassDef => {
    const name = qname(attr(c, 'name'), kind);
    const assocs = obj(c.associations);
    return {
      name,
      kind,
      model: modelName,
      title: text(c.title),
      description: text(c.description),
      parent: text(c.parent) ? qname(text(c.parent), `parent of ${name}`) : undefined,
      archive: optBool(c.archive),
      includedInSuperTypeQuery: bool(c.includedInSuperTypeQuery, true),
      properties: arr(obj(c.properties).property).map((p) => parseProperty(obj(p), name)),
      associations: [
        ...arr(assocs.association).map((a) => parseAssociation(obj(a), name, false)),
        ...arr(assocs['child-association']).map((a) => parseAssociation(obj(a), name, true))
      ],
      mandatoryAspects: arr(obj(c['mandatory-aspects']).aspect).map((a) => qname(text(a), `mandatory aspect of ${name}`)),
      overrides: arr(obj(c.overrides).property).map((o) => parseOverride(obj(o)))
    };
  };

  return {
    name: modelName,
    description: text(root.description),
    author: text(root.author),
    published: text(root.published),
    version: text(root.version),
    imports,
    namespaces,
    dataTypes: arr(obj(root['data-types'])['data-type']).map((d) => ({
      name: qname(attr(d, 'name'), 'data type'),
      javaClass: text(obj(d)['java-class'])
    })),
    constraints,
    types: arr(obj(root.types).type).map((t) => parseClass(obj(t), 'type')),
    aspects: arr(obj(root.aspects).aspect).map((a) => parseClass(obj(a), 'aspect'))
  };
}
