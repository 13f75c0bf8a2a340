// Consistency checks a model must pass before the Dictionary registers it (the ones ACS applies too).
import { checkConstraintDefinition } from './constraints';
import { AssociationDef, ClassDef, ConstraintDef, DictionaryError, ModelDef, PropertyDef } from './types';

/** What is already registered. */
export interface Registry {
  models: ReadonlyMap<string, unknown>;
  uriByPrefix: ReadonlyMap<string, string>;
  prefixByUri: ReadonlyMap<string, string>;
  classes: ReadonlyMap<string, ClassDef>;
  props: ReadonlyMap<string, PropertyDef>;
  assocs: ReadonlyMap<string, AssociationDef>;
  constraints: ReadonlyMap<string, ConstraintDef>;
  dataTypes: ReadonlySet<string>;
}

/** Everything ACS checks before accepting a model; nothing is registered when a check fails. */
export function checkModel(def: ModelDef, reg: Registry): void {
  const fail = (message: string, q?: string): never => {
    throw new DictionaryError('invalidModel', `Model ${def.name}: ${message}`, q);
  };
  if (reg.models.has(def.name)) fail(`a model with this name is already registered`, def.name);
  if (!def.namespaces.length) fail('the model defines no namespace');
  const own = new Set<string>();
  for (const ns of def.namespaces) {
    if (reg.uriByPrefix.has(ns.prefix)) fail(`namespace prefix '${ns.prefix}' is already defined by another model`);
    if (reg.prefixByUri.has(ns.uri)) fail(`namespace '${ns.uri}' is already defined by another model`);
    if (own.has(ns.prefix)) fail(`namespace prefix '${ns.prefix}' is declared twice`);
    own.add(ns.prefix);
  }
  for (const imp of def.imports) {
    if (!reg.prefixByUri.has(imp.uri) && !def.namespaces.some((n) => n.uri === imp.uri)) {
      fail(`imported namespace '${imp.uri}' is not defined by any registered model`);
    }
  }
  const ownName = (q: string, what: string) => {
    const i = q.indexOf(':');
    if (!own.has(i < 0 ? '' : q.slice(0, i))) fail(`${what} '${q}' is not in a namespace the model defines`, q);
  };
  ownName(def.name, 'model name');

  const newClasses = new Map<string, ClassDef>();
  const newProps = new Set<string>();
  const newAssocs = new Set<string>();
  for (const c of def.constraints) {
    ownName(c.name, 'constraint');
    if (reg.constraints.has(c.name)) fail(`constraint '${c.name}' is already defined`, c.name);
  }
  for (const cls of [...def.types, ...def.aspects]) {
    ownName(cls.name, cls.kind);
    if (reg.classes.has(cls.name) || newClasses.has(cls.name)) fail(`${cls.kind} '${cls.name}' is already defined`, cls.name);
    newClasses.set(cls.name, cls);
    for (const p of cls.properties) {
      ownName(p.name, 'property');
      if (reg.props.has(p.name) || newProps.has(p.name)) fail(`property '${p.name}' is already defined`, p.name);
      newProps.add(p.name);
    }
    for (const a of cls.associations) {
      ownName(a.name, 'association');
      if (reg.assocs.has(a.name) || newAssocs.has(a.name)) fail(`association '${a.name}' is already defined`, a.name);
      newAssocs.add(a.name);
    }
  }

  const dataTypes = new Set([...reg.dataTypes, ...def.dataTypes.map((d) => d.name)]);
  const classOf = (q: string) => newClasses.get(q) ?? reg.classes.get(q);
  for (const cls of newClasses.values()) {
    if (cls.parent) {
      const parent = classOf(cls.parent);
      if (!parent) fail(`parent '${cls.parent}' of ${cls.kind} '${cls.name}' is not defined`, cls.name);
      if (parent!.kind !== cls.kind) fail(`parent '${cls.parent}' of ${cls.kind} '${cls.name}' is not a ${cls.kind}`, cls.name);
      const seen = new Set([cls.name]);
      for (let p = parent; p?.parent; p = classOf(p.parent)) {
        if (seen.has(p.name)) fail(`the parents of '${cls.name}' form a cycle`, cls.name);
        seen.add(p.name);
      }
    }
    for (const a of cls.mandatoryAspects) {
      if (classOf(a)?.kind !== 'aspect') fail(`mandatory aspect '${a}' of '${cls.name}' is not a defined aspect`, cls.name);
    }
    for (const p of cls.properties) {
      if (!dataTypes.has(p.dataType)) fail(`data type '${p.dataType}' of property '${p.name}' is not defined`, p.name);
      for (const c of p.constraints) {
        const problem = checkConstraintDefinition(c);
        if (problem) fail(problem, p.name);
      }
    }
    for (const a of cls.associations) {
      if (!classOf(a.target.cls)) fail(`target class '${a.target.cls}' of association '${a.name}' is not defined`, a.name);
    }
    for (const o of cls.overrides) {
      let found = false;
      for (let p = cls.parent ? classOf(cls.parent) : undefined; p && !found; p = p.parent ? classOf(p.parent) : undefined) {
        found = p.properties.some((x) => x.name === o.name);
      }
      if (!found) fail(`'${cls.name}' overrides property '${o.name}', which it does not inherit`, cls.name);
    }
  }
  for (const c of def.constraints) {
    const problem = checkConstraintDefinition(c);
    if (problem) fail(problem, c.name);
  }
}
