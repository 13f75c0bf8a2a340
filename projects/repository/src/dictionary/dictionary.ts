// The content-model dictionary: registered models, their classes, properties and associations, and the
// rules the repository applies when properties are set through the REST API.
import * as fs from 'fs';
import * as path from 'path';
import { checkConstraintDefinition, checkConstraints } from './constraints';
import { ConvertContext, convertValue } from './convert';
import { ClassDefinitionJson, toClassDefinition } from './definitions';
import { parseModel } from './parser';
import {
  AssociationDef,
  ClassDef,
  ConstraintDef,
  DictionaryError,
  ModelDef,
  ModelInfo,
  PropertyDef,
} from './types';

/** Built-in models in registration order (each only imports models listed before it). */
export const BUILT_IN_MODELS = [
  'dictionaryModel.xml',
  'systemModel.xml',
  'contentModel.xml',
  'applicationModel.xml',
  'siteModel.xml',
  'userModel.xml',
  'forumModel.xml',
  'bpmModel.xml',
  'workflowModel.xml',
];
export const BUILT_IN_MODELS_DIR = path.join(__dirname, 'models');

/**
 * Properties that clients may send but the repository maintains itself. ACS drops them silently: the
 * node service strips the sys:referenceable identifiers, and the auditable behaviour overwrites the
 * cm:auditable values on every change. Any other protected property is refused (kind
 * 'protectedProperty') unless the caller is the repository itself (`allowProtected`).
 */
export const SYSTEM_MAINTAINED = new Set([
  'sys:store-protocol',
  'sys:store-identifier',
  'sys:node-uuid',
  'sys:node-dbid',
  'cm:created',
  'cm:creator',
  'cm:modified',
  'cm:modifier',
  'cm:accessed',
]);

export interface ValidateInput {
  /** Node type, prefixed or {uri}local. */
  type: string;
  /** Aspects the node has (update) or is created with (create). */
  aspects?: string[];
  /** Property values as received (REST JSON). null removes a property. */
  properties: Record<string, unknown>;
  mode: 'create' | 'update';
  /** update only: the node's stored properties, so that mandatory properties can be checked as a whole. */
  current?: Record<string, unknown>;
  /** Repository-internal callers may set protected and system-maintained properties. */
  allowProtected?: boolean;
}

export interface ValidateResult {
  /** Converted values by prefixed QName; null means remove. Defaults are filled in (see validateProperties). */
  properties: Record<string, unknown>;
  /** Aspects the node must carry in addition to `aspects`: missing mandatory aspects, and aspects
   * declaring properties that were set (setting cm:title adds cm:titled, as in ACS). */
  aspectsToAdd: string[];
}

interface RegisteredModel {
  def: ModelDef;
  builtIn: boolean;
}

export class Dictionary {
  private readonly modelsByName = new Map<string, RegisteredModel>();
  private readonly uriByPrefix = new Map<string, string>();
  private readonly prefixByUri = new Map<string, string>();
  private readonly classes = new Map<string, ClassDef>();
  private readonly props = new Map<string, PropertyDef>();
  private readonly assocs = new Map<string, AssociationDef>();
  private readonly constraintsByName = new Map<string, ConstraintDef>();
  private readonly dataTypes = new Set<string>();
  private readonly convertContext: ConvertContext = {
    toPrefixed: (q) => {
      try {
        return this.prefix(q);
      } catch {
        return undefined;
      }
    },
  };

  /** Loads the built-in models (shipped in ./models) unless `builtIn` is false. */
  constructor(options: { builtIn?: boolean } = {}) {
    if (options.builtIn !== false) {
      for (const file of BUILT_IN_MODELS) {
        this.registerModel(fs.readFileSync(path.join(BUILT_IN_MODELS_DIR, file), 'utf8'), { builtIn: true });
      }
    }
  }

  // ---------------------------------------------------------------- QNames

  /** "cm:title" or "{uri}title" -> "{uri}title". */
  expand(q: string): string {
    if (q.startsWith('{')) {
      this.prefix(q); // validates the namespace
      return q;
    }
    const i = q.indexOf(':');
    const prefix = i < 0 ? '' : q.slice(0, i);
    const uri = this.uriByPrefix.get(prefix);
    if (uri === undefined) throw new DictionaryError('unknownPrefix', `Namespace prefix ${prefix} is not mapped to a namespace URI`, q);
    return `{${uri}}${i < 0 ? q : q.slice(i + 1)}`;
  }

  /** "{uri}title" or "cm:title" -> "cm:title". */
  prefix(q: string): string {
    const m = /^\{([^}]*)\}(.*)$/.exec(q);
    if (!m) {
      const i = q.indexOf(':');
      const prefix = i < 0 ? '' : q.slice(0, i);
      if (!this.uriByPrefix.has(prefix)) throw new DictionaryError('unknownPrefix', `Namespace prefix ${prefix} is not mapped to a namespace URI`, q);
      return q;
    }
    const prefix = this.prefixByUri.get(m[1]);
    if (prefix === undefined) throw new DictionaryError('unknownPrefix', `Namespace ${m[1]} is not defined by any model`, q);
    return prefix ? `${prefix}:${m[2]}` : m[2];
  }

  /** Like prefix(), but unknown namespaces give undefined instead of an error. */
  private norm(q: string): string | undefined {
    return this.convertContext.toPrefixed(q);
  }

  namespaces(): { prefix: string; uri: string }[] {
    return [...this.uriByPrefix].map(([prefix, uri]) => ({ prefix, uri }));
  }

  // ---------------------------------------------------------------- models

  registerModel(xml: string, options: { builtIn?: boolean } = {}): ModelInfo {
    const def = parseModel(xml, {
      prefixForUri: (uri) => this.prefixByUri.get(uri),
      constraintFor: (name) => this.constraintsByName.get(name),
    });
    this.checkModel(def);
    this.modelsByName.set(def.name, { def, builtIn: options.builtIn === true });
    for (const ns of def.namespaces) {
      this.uriByPrefix.set(ns.prefix, ns.uri);
      this.prefixByUri.set(ns.uri, ns.prefix);
    }
    for (const dt of def.dataTypes) this.dataTypes.add(dt.name);
    for (const c of def.constraints) this.constraintsByName.set(c.name, c);
    for (const cls of [...def.types, ...def.aspects]) {
      this.classes.set(cls.name, cls);
      for (const p of cls.properties) this.props.set(p.name, p);
      for (const a of cls.associations) this.assocs.set(a.name, a);
    }
    return this.info(def, options.builtIn === true);
  }

  /** Registers every *.xml file of a directory, in name order. */
  registerModelsFromDir(dir: string): ModelInfo[] {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => this.registerModel(fs.readFileSync(path.join(dir, f), 'utf8')));
  }

  /**
   * Removes a model. Built-in models cannot be removed, nor models whose namespaces or classes another
   * model still uses. Whether nodes use the model is the caller's check (ACS refuses that too).
   */
  unregisterModel(modelName: string): void {
    const name = this.norm(modelName) ?? modelName;
    const entry = this.modelsByName.get(name);
    if (!entry) throw new DictionaryError('unknownModel', `Model ${modelName} is not registered`, modelName);
    if (entry.builtIn) throw new DictionaryError('modelInUse', `Model ${name} is built in and cannot be removed`, name);
    const uris = new Set(entry.def.namespaces.map((n) => n.uri));
    for (const other of this.modelsByName.values()) {
      if (other === entry) continue;
      if (other.def.imports.some((i) => uris.has(i.uri))) {
        throw new DictionaryError('modelInUse', `Model ${name} is imported by model ${other.def.name}`, name);
      }
    }
    const mine = new Set([...entry.def.types, ...entry.def.aspects].map((c) => c.name));
    for (const cls of this.classes.values()) {
      if (mine.has(cls.name)) continue;
      const used = [cls.parent, ...cls.mandatoryAspects, ...cls.associations.map((a) => a.target.cls)].find((q) => q && mine.has(q));
      if (used) throw new DictionaryError('modelInUse', `Model ${name} is in use: ${cls.name} refers to ${used}`, name);
    }
    for (const cls of [...entry.def.types, ...entry.def.aspects]) {
      this.classes.delete(cls.name);
      cls.properties.forEach((p) => this.props.delete(p.name));
      cls.associations.forEach((a) => this.assocs.delete(a.name));
    }
    entry.def.constraints.forEach((c) => this.constraintsByName.delete(c.name));
    entry.def.dataTypes.forEach((d) => this.dataTypes.delete(d.name));
    for (const ns of entry.def.namespaces) {
      this.uriByPrefix.delete(ns.prefix);
      this.prefixByUri.delete(ns.uri);
    }
    this.modelsByName.delete(name);
  }

  models(): ModelInfo[] {
    return [...this.modelsByName.values()].map((m) => this.info(m.def, m.builtIn));
  }

  getModel(modelName: string): ModelInfo | undefined {
    const m = this.modelsByName.get(this.norm(modelName) ?? modelName);
    return m && this.info(m.def, m.builtIn);
  }

  /** The model that defines a class, as the model API shows it. */
  modelOf(q: string): ModelDef | undefined {
    const cls = this.getClass(q);
    return cls && this.modelsByName.get(cls.model)?.def;
  }

  private info(def: ModelDef, builtIn: boolean): ModelInfo {
    return {
      name: def.name,
      namespaceUri: def.namespaces[0]?.uri,
      namespacePrefix: def.namespaces[0]?.prefix,
      namespaces: def.namespaces,
      imports: def.imports,
      author: def.author,
      description: def.description,
      version: def.version,
      published: def.published,
      builtIn,
      types: def.types.map((t) => t.name),
      aspects: def.aspects.map((a) => a.name),
      constraints: def.constraints.map((c) => c.name),
    };
  }

  /** Everything ACS checks before accepting a model; nothing is registered when a check fails. */
  private checkModel(def: ModelDef): void {
    const fail = (message: string, q?: string): never => {
      throw new DictionaryError('invalidModel', `Model ${def.name}: ${message}`, q);
    };
    if (this.modelsByName.has(def.name)) fail(`a model with this name is already registered`, def.name);
    if (!def.namespaces.length) fail('the model defines no namespace');
    const own = new Set<string>();
    for (const ns of def.namespaces) {
      if (this.uriByPrefix.has(ns.prefix)) fail(`namespace prefix '${ns.prefix}' is already defined by another model`);
      if (this.prefixByUri.has(ns.uri)) fail(`namespace '${ns.uri}' is already defined by another model`);
      if (own.has(ns.prefix)) fail(`namespace prefix '${ns.prefix}' is declared twice`);
      own.add(ns.prefix);
    }
    for (const imp of def.imports) {
      if (!this.prefixByUri.has(imp.uri) && !def.namespaces.some((n) => n.uri === imp.uri)) {
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
      if (this.constraintsByName.has(c.name)) fail(`constraint '${c.name}' is already defined`, c.name);
    }
    for (const cls of [...def.types, ...def.aspects]) {
      ownName(cls.name, cls.kind);
      if (this.classes.has(cls.name) || newClasses.has(cls.name)) fail(`${cls.kind} '${cls.name}' is already defined`, cls.name);
      newClasses.set(cls.name, cls);
      for (const p of cls.properties) {
        ownName(p.name, 'property');
        if (this.props.has(p.name) || newProps.has(p.name)) fail(`property '${p.name}' is already defined`, p.name);
        newProps.add(p.name);
      }
      for (const a of cls.associations) {
        ownName(a.name, 'association');
        if (this.assocs.has(a.name) || newAssocs.has(a.name)) fail(`association '${a.name}' is already defined`, a.name);
        newAssocs.add(a.name);
      }
    }

    const dataTypes = new Set([...this.dataTypes, ...def.dataTypes.map((d) => d.name)]);
    const classOf = (q: string) => newClasses.get(q) ?? this.classes.get(q);
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

  // ---------------------------------------------------------------- classes

  getClass(q: string): ClassDef | undefined {
    const n = this.norm(q);
    return n === undefined ? undefined : this.classes.get(n);
  }

  getType(q: string): ClassDef | undefined {
    const c = this.getClass(q);
    return c?.kind === 'type' ? c : undefined;
  }

  getAspect(q: string): ClassDef | undefined {
    const c = this.getClass(q);
    return c?.kind === 'aspect' ? c : undefined;
  }

  getProperty(q: string): PropertyDef | undefined {
    const n = this.norm(q);
    return n === undefined ? undefined : this.props.get(n);
  }

  getAssociation(q: string): AssociationDef | undefined {
    const n = this.norm(q);
    return n === undefined ? undefined : this.assocs.get(n);
  }

  getConstraint(q: string): ConstraintDef | undefined {
    const n = this.norm(q);
    return n === undefined ? undefined : this.constraintsByName.get(n);
  }

  allTypes(): ClassDef[] {
    return [...this.classes.values()].filter((c) => c.kind === 'type');
  }

  allAspects(): ClassDef[] {
    return [...this.classes.values()].filter((c) => c.kind === 'aspect');
  }

  /** The class and its parents, the class itself first. */
  ancestors(q: string): ClassDef[] {
    const chain: ClassDef[] = [];
    for (let c = this.getClass(q); c; c = c.parent ? this.classes.get(c.parent) : undefined) chain.push(c);
    return chain;
  }

  /** True when q is `ancestor` or inherits from it. */
  isSubClassOf(q: string, ancestor: string): boolean {
    const a = this.norm(ancestor);
    return a !== undefined && this.ancestors(q).some((c) => c.name === a);
  }

  /** Direct and inherited subclasses of q (q excluded). */
  subClassesOf(q: string): ClassDef[] {
    const n = this.norm(q);
    return [...this.classes.values()].filter((c) => c.name !== n && n !== undefined && this.isSubClassOf(c.name, n));
  }

  /**
   * Folder as the REST API sees it: cm:folder or a subtype, but not cm:systemfolder or its subtypes
   * (ACS's NodesImpl applies the same rule, so bpm:package and app:configurations are not folders).
   */
  isFolderType(q: string): boolean {
    return this.isSubClassOf(q, 'cm:folder') && !this.isSubClassOf(q, 'cm:systemfolder');
  }

  isContentType(q: string): boolean {
    return this.isSubClassOf(q, 'cm:content');
  }

  /** Mandatory aspects of a type or aspect: its own and its parents', and theirs in turn. */
  mandatoryAspects(q: string): string[] {
    const result: string[] = [];
    const visit = (name: string) => {
      for (const cls of this.ancestors(name)) {
        for (const a of cls.mandatoryAspects) {
          if (!result.includes(a)) {
            result.push(a);
            visit(a);
          }
        }
      }
    };
    visit(q);
    const self = this.norm(q);
    return result.filter((a) => a !== self);
  }

  /** Properties of one class with inherited ones, parents' overrides applied (nearest class wins). */
  classProperties(q: string): PropertyDef[] {
    const chain = this.ancestors(q).reverse();
    const byName = new Map<string, PropertyDef>();
    for (const cls of chain) {
      for (const p of cls.properties) byName.set(p.name, p);
      for (const o of cls.overrides) {
        const p = byName.get(o.name);
        if (!p) continue;
        byName.set(o.name, {
          ...p,
          defaultValue: o.defaultValue ?? p.defaultValue,
          mandatory: o.mandatory ?? p.mandatory,
          mandatoryEnforced: o.mandatoryEnforced ?? p.mandatoryEnforced,
          constraints: o.constraints ?? p.constraints,
        });
      }
    }
    return [...byName.values()];
  }

  /** Associations of one class, inherited ones included. */
  classAssociations(q: string): AssociationDef[] {
    return this.ancestors(q).reverse().flatMap((c) => c.associations);
  }

  /**
   * All properties a node of `type` with `aspects` may carry: the type's (inherited, overridden), and
   * those of the aspects and every mandatory aspect of the type and of the aspects.
   */
  propertiesOf(type: string, aspects: string[] = []): PropertyDef[] {
    const byName = new Map<string, PropertyDef>();
    for (const cls of this.applicableClasses(type, aspects)) {
      for (const p of this.classProperties(cls)) if (!byName.has(p.name)) byName.set(p.name, p);
    }
    return [...byName.values()];
  }

  /** type, aspects, and all mandatory aspects, without duplicates. */
  private applicableClasses(type: string, aspects: string[]): string[] {
    const names: string[] = [];
    const add = (q: string) => {
      const n = this.norm(q);
      if (n !== undefined && !names.includes(n)) names.push(n);
    };
    add(type);
    this.mandatoryAspects(type).forEach(add);
    for (const a of aspects) {
      add(a);
      this.mandatoryAspects(a).forEach(add);
    }
    return names;
  }

  /** The aspect that declares a property (or inherits it from a parent aspect), if it is an aspect's. */
  aspectDeclaringProperty(propQName: string): string | undefined {
    const p = this.getProperty(propQName);
    return p && this.classes.get(p.container)?.kind === 'aspect' ? p.container : undefined;
  }

  // ---------------------------------------------------------------- validation

  /**
   * Converts and checks property values sent by a client, as ACS does when a node is created or updated.
   *
   * - Keys may be prefixed or {uri}local; results are prefixed. An unknown prefix or property, or a
   *   property that belongs to an unrelated type, is 'unknownProperty' (ACS would keep unknown names of
   *   a known namespace as "residual" properties; we refuse them so that typos surface).
   * - A property declared by an aspect the node lacks adds that aspect (and its mandatory aspects) to
   *   `aspectsToAdd`, like ACS adding cm:titled when cm:title is set.
   * - Mandatory rule: only `<mandatory enforced="true">` is checked here, because ACS's integrity checker
   *   only enforces those; plain mandatory properties are a hint to forms. On create every enforced
   *   property of the type and aspects needs a value (given or default). On update a null for one is
   *   refused, and when `current` is given the merged result is checked like on create. Protected and
   *   system-maintained properties are skipped, since the repository sets them. cm:name is enforced, so
   *   callers must pass it in `properties` on create.
   * - Defaults: on create every applicable property without a value gets its model default; on update
   *   only the properties of aspects being added do.
   */
  validateProperties(input: ValidateInput): ValidateResult {
    const type = this.requireClass(input.type, 'type');
    const aspects = (input.aspects ?? []).map((a) => this.requireClass(a, 'aspect'));
    const given = new Set(aspects);
    const aspectsToAdd: string[] = this.mandatoryAspects(type).filter((a) => !given.has(a));
    for (const a of aspects) for (const m of this.mandatoryAspects(a)) if (!given.has(m) && !aspectsToAdd.includes(m)) aspectsToAdd.push(m);

    let applicable = new Map(this.propertiesOf(type, aspects).map((p) => [p.name, p]));
    const out: Record<string, unknown> = {};

    for (const [key, raw] of Object.entries(input.properties ?? {})) {
      const q = this.norm(key);
      if (q === undefined) {
        throw new DictionaryError('unknownProperty', `Unknown property ${key}: its namespace prefix is not mapped to a namespace URI`, key);
      }
      if (!input.allowProtected && SYSTEM_MAINTAINED.has(q)) continue;
      let def = applicable.get(q);
      if (!def) {
        const aspect = this.aspectDeclaringProperty(q);
        if (aspect) {
          for (const a of [aspect, ...this.mandatoryAspects(aspect)]) {
            if (!given.has(a) && !aspectsToAdd.includes(a)) {
              aspectsToAdd.push(a);
            }
          }
          applicable = new Map(this.propertiesOf(type, [...aspects, ...aspectsToAdd]).map((p) => [p.name, p]));
          def = applicable.get(q);
        }
      }
      if (!def) {
        const known = this.getProperty(q);
        throw new DictionaryError(
          'unknownProperty',
          known ? `Property ${q} belongs to ${known.container} and cannot be set on a node of type ${type}` : `Unknown property: ${q}`,
          q,
        );
      }
      if (def.protected && !input.allowProtected) {
        throw new DictionaryError('protectedProperty', `Property ${q} is protected: it is maintained by the repository and cannot be set`, q);
      }
      if (def.dataType === 'd:content') continue; // content is written through the content endpoints
      const value = convertValue(def, raw, this.convertContext);
      if (value === null && def.mandatory && def.mandatoryEnforced && !def.protected) {
        throw new DictionaryError('mandatoryMissing', `Property '${this.expand(q)}' (${q}) is mandatory and cannot be removed`, q);
      }
      for (const v of Array.isArray(value) && def.multiple ? value : value === null ? [] : [value]) checkConstraints(q, def.constraints, v);
      out[q] = value;
    }

    // Defaults of the type and aspects (create) or of newly added aspects (update).
    const defaultsFrom = input.mode === 'create' ? [...applicable.values()] : aspectsToAdd.flatMap((a) => this.classProperties(a));
    for (const p of defaultsFrom) {
      if (p.name in out || (input.mode === 'update' && input.current && p.name in input.current)) continue;
      const value = this.defaultValue(p);
      if (value !== undefined) out[p.name] = value;
    }

    const check = input.mode === 'create' ? out : input.current ? { ...this.normalizeKeys(input.current), ...out } : undefined;
    if (check) {
      for (const p of applicable.values()) {
        if (!p.mandatory || !p.mandatoryEnforced || p.protected || SYSTEM_MAINTAINED.has(p.name)) continue;
        const v = check[p.name];
        if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
          throw new DictionaryError('mandatoryMissing', `Property '${this.expand(p.name)}' (${p.name}) is mandatory`, p.name);
        }
      }
    }
    return { properties: out, aspectsToAdd };
  }

  private normalizeKeys(values: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) out[this.norm(k) ?? k] = v;
    return out;
  }

  /** A property's model default converted to its data type; empty or unconvertible defaults are skipped. */
  defaultValue(p: PropertyDef): unknown {
    if (p.defaultValue === undefined || p.dataType === 'd:content') return undefined;
    if (p.defaultValue === '' && (p.multiple || (p.dataType !== 'd:text' && p.dataType !== 'd:mltext'))) return undefined;
    try {
      const value = convertValue(p, p.defaultValue, this.convertContext);
      return value === null ? undefined : value;
    } catch {
      return undefined;
    }
  }

  private requireClass(q: string, kind: 'type' | 'aspect'): string {
    const n = this.norm(q);
    const cls = n === undefined ? undefined : this.classes.get(n);
    if (!cls) throw new DictionaryError('unknownType', `Unknown ${kind}: ${q}`, q);
    if (cls.kind !== kind) throw new DictionaryError('invalidType', `${q} is ${cls.kind === 'type' ? 'a type' : 'an aspect'}, not ${kind === 'type' ? 'a type' : 'an aspect'}`, q);
    return cls.name;
  }

  // ---------------------------------------------------------------- model API

  /** `GET /types/{id}` entry. */
  toTypeDefinition(q: string): ClassDefinitionJson | undefined {
    const cls = this.getType(q);
    return cls && toClassDefinition(this, cls);
  }

  /** `GET /aspects/{id}` entry. */
  toAspectDefinition(q: string): ClassDefinitionJson | undefined {
    const cls = this.getAspect(q);
    return cls && toClassDefinition(this, cls);
  }
}
