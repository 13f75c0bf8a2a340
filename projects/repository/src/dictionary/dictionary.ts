// The content-model dictionary: registered models, their classes, properties and associations, and the
// rules the repository applies when properties are set through the REST API.
import * as fs from 'fs';
import * as path from 'path';
import { ClassDefinitionJson, toClassDefinition } from './definitions';
import { checkModel } from './model-checks';
import { diffModels, ModelDiff } from './model-diff';
import { parseModel } from './parser';
import { AssociationDef, ClassDef, ConstraintDef, DictionaryError, ModelDef, ModelInfo, PropertyDef } from './types';
import { defaultValue, validateProperties, ValidateInput, ValidateResult } from './validate';

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
  // Governance Services: the local repository answers as an ACS with the AGS module installed.
  'recordsModel.xml'
];
export const BUILT_IN_MODELS_DIR = path.join(__dirname, 'models');

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
  /**
   * What is derived from the classes (ancestry, mandatory aspects, inherited properties), by question: every
   * node written and every task created asks the same few of them, and the answers change only when a model
   * comes or goes (registerModel, unregisterModel empty it). Answers are frozen, so no caller can change
   * another's.
   */
  private readonly derived = new Map<string, unknown>();

  private memo<T>(key: string, compute: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute();
    if (Array.isArray(value)) Object.freeze(value);
    this.derived.set(key, value);
    return value;
  }
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
      if (!this.uriByPrefix.has(prefix))
        throw new DictionaryError('unknownPrefix', `Namespace prefix ${prefix} is not mapped to a namespace URI`, q);
      return q;
    }
    const prefix = this.prefixByUri.get(m[1]);
    if (prefix === undefined) throw new DictionaryError('unknownPrefix', `Namespace ${m[1]} is not defined by any model`, q);
    return prefix ? `${prefix}:${m[2]}` : m[2];
  }

  /** Like prefix(), but an unknown namespace gives undefined instead of an error. */
  tryPrefix(q: string): string | undefined {
    try {
      return this.prefix(q);
    } catch {
      return undefined;
    }
  }

  namespaces(): { prefix: string; uri: string }[] {
    return [...this.uriByPrefix].map(([prefix, uri]) => ({ prefix, uri }));
  }

  // ---------------------------------------------------------------- models

  registerModel(xml: string, options: { builtIn?: boolean } = {}): ModelInfo {
    const def = this.compile(xml);
    this.add(def, options.builtIn === true);
    return this.info(def, options.builtIn === true);
  }

  /** Parses a model XML against what is registered, prefixes and named constraints included. */
  private parse(xml: string): ModelDef {
    return parseModel(xml, {
      prefixForUri: (uri) => this.prefixByUri.get(uri),
      constraintFor: (name) => this.constraintsByName.get(name)
    });
  }

  /** Parses and checks a model against what is registered, registering nothing. */
  private compile(xml: string): ModelDef {
    const def = this.parse(xml);
    this.check(def);
    return def;
  }

  private check(def: ModelDef): void {
    checkModel(def, {
      models: this.modelsByName,
      uriByPrefix: this.uriByPrefix,
      prefixByUri: this.prefixByUri,
      classes: this.classes,
      props: this.props,
      assocs: this.assocs,
      constraints: this.constraintsByName,
      dataTypes: this.dataTypes
    });
  }

  private add(def: ModelDef, builtIn: boolean): void {
    this.derived.clear();
    this.modelsByName.set(def.name, { def, builtIn });
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
    const entry = this.removable(modelName);
    const name = entry.def.name;
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
    this.remove(entry);
  }

  /** A registered model that is not built in. */
  private removable(modelName: string): RegisteredModel {
    const name = this.tryPrefix(modelName) ?? modelName;
    const entry = this.modelsByName.get(name);
    if (!entry) throw new DictionaryError('unknownModel', `Model ${modelName} is not registered`, modelName);
    if (entry.builtIn) throw new DictionaryError('modelInUse', `Model ${name} is built in and cannot be removed`, name);
    return entry;
  }

  private remove(entry: RegisteredModel): void {
    this.derived.clear();
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
    this.modelsByName.delete(entry.def.name);
  }

  /**
   * Puts a new version of a registered model in its place (the content of an active model node replaced):
   * the new XML is parsed and checked without the previous version, `validate` is then given both versions
   * (the new one registered, as ACS validates a compiled model), and the models that import the previous
   * version or refer to its classes must still find what they use. When any of that fails the previous
   * version is registered again, unchanged, and the error thrown.
   */
  replaceModel(modelName: string, xml: string, validate?: (previous: ModelDef, next: ModelDef) => void): ModelInfo {
    const entry = this.removable(modelName);
    // Parsed while the previous version is registered, as ACS compiles the new content against the dictionary
    // that still holds it: a reference to a named constraint the new version deleted resolves, and is then
    // refused by the validation (validateDeleteConstraint) rather than by the parser.
    const next = this.parse(xml);
    this.remove(entry);
    let added = false;
    try {
      this.check(next);
      this.add(next, false);
      added = true;
      validate?.(entry.def, next);
      this.checkDependents(next.name);
      return this.info(next, false);
    } catch (e) {
      if (added) this.remove(this.modelsByName.get(next.name)!);
      this.add(entry.def, false);
      throw e;
    }
  }

  /** Every other model's imports are defined, and every class it refers to exists (after a replacement). */
  private checkDependents(name: string): void {
    for (const other of this.modelsByName.values()) {
      if (other.def.name === name) continue;
      const missing = other.def.imports.find((i) => !this.prefixByUri.has(i.uri));
      if (missing)
        throw new DictionaryError(
          'modelInUse',
          `Model ${name} no longer defines namespace ${missing.uri}, which model ${other.def.name} imports`,
          name
        );
      for (const cls of [...other.def.types, ...other.def.aspects]) {
        const used = [cls.parent, ...cls.mandatoryAspects, ...cls.associations.map((a) => a.target.cls)].find(
          (q) => q && !this.classes.has(q)
        );
        if (used) throw new DictionaryError('modelInUse', `Model ${name} is in use: ${cls.name} refers to ${used}`, name);
      }
    }
  }

  /** The parsed definition of a registered model. */
  modelDef(modelName: string): ModelDef | undefined {
    return this.modelsByName.get(this.tryPrefix(modelName) ?? modelName)?.def;
  }

  /**
   * A prefixed name of a model definition as {uri}local: the model's own namespaces first (they may be
   * prefixed otherwise than the repository prefixes them once another version replaced it), then the
   * repository's prefixes, which its imported names were parsed into.
   */
  qnameIn(def: ModelDef): (prefixed: string) => string {
    const own = new Map(def.namespaces.map((n) => [n.prefix, n.uri]));
    return (q) => {
      if (q.startsWith('{')) return q;
      const i = q.indexOf(':');
      const uri = own.get(i < 0 ? '' : q.slice(0, i));
      return uri === undefined ? this.expand(q) : `{${uri}}${i < 0 ? q : q.slice(i + 1)}`;
    };
  }

  /**
   * DictionaryDAOImpl.diffModel(CompiledModel, CompiledModel): how `next` differs from `previous`, parents
   * outside both resolved among the registered models. See model-diff.ts.
   */
  diffModelDefs(previous: ModelDef, next: ModelDef): ModelDiff[] {
    return diffModels(
      { def: previous, qname: this.qnameIn(previous) },
      { def: next, qname: this.qnameIn(next) },
      {
        outsideClass: (q) => {
          const cls = this.getClass(q);
          return cls && { cls, qname: (n) => this.expand(n) };
        }
      }
    );
  }

  /**
   * DictionaryDAOImpl.diffModel(M2Model): how a model XML differs from the registered model of the same name,
   * nothing when no model of that name is registered. The XML is parsed (not checked, nothing registered).
   */
  diffModel(xml: string): ModelDiff[] {
    const def = this.parse(xml);
    const qname = this.qnameIn(def);
    const name = qname(def.name);
    const previous = [...this.modelsByName.values()].find((m) => this.qnameIn(m.def)(m.def.name) === name);
    return previous ? this.diffModelDefs(previous.def, def) : [];
  }

  models(): ModelInfo[] {
    return [...this.modelsByName.values()].map((m) => this.info(m.def, m.builtIn));
  }

  getModel(modelName: string): ModelInfo | undefined {
    const m = this.modelsByName.get(this.tryPrefix(modelName) ?? modelName);
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
      constraints: def.constraints.map((c) => c.name)
    };
  }

  // ---------------------------------------------------------------- classes

  getClass(q: string): ClassDef | undefined {
    const n = this.tryPrefix(q);
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
    const n = this.tryPrefix(q);
    return n === undefined ? undefined : this.props.get(n);
  }

  getAssociation(q: string): AssociationDef | undefined {
    const n = this.tryPrefix(q);
    return n === undefined ? undefined : this.assocs.get(n);
  }

  getConstraint(q: string): ConstraintDef | undefined {
    const n = this.tryPrefix(q);
    return n === undefined ? undefined : this.constraintsByName.get(n);
  }

  allTypes(): ClassDef[] {
    return [...this.classes.values()].filter((c) => c.kind === 'type');
  }

  allAspects(): ClassDef[] {
    return [...this.classes.values()].filter((c) => c.kind === 'aspect');
  }

  /** The class and its parents, the class itself first. */
  ancestors(q: string): readonly ClassDef[] {
    return this.memo(`ancestors\u0000${q}`, () => {
      const chain: ClassDef[] = [];
      for (let c = this.getClass(q); c; c = c.parent ? this.classes.get(c.parent) : undefined) chain.push(c);
      return chain;
    });
  }

  /** True when q is `ancestor` or inherits from it. */
  isSubClassOf(q: string, ancestor: string): boolean {
    return this.memo(`isSubClassOf\u0000${q}\u0000${ancestor}`, () => {
      const a = this.tryPrefix(ancestor);
      return a !== undefined && this.ancestors(q).some((c) => c.name === a);
    });
  }

  /** Direct and inherited subclasses of q (q excluded). */
  subClassesOf(q: string): ClassDef[] {
    const n = this.tryPrefix(q);
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
  mandatoryAspects(q: string): readonly string[] {
    return this.memo(`mandatoryAspects\u0000${q}`, () => this.computeMandatoryAspects(q));
  }

  private computeMandatoryAspects(q: string): string[] {
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
    const self = this.tryPrefix(q);
    return result.filter((a) => a !== self);
  }

  /** Properties of one class with inherited ones, parents' overrides applied (nearest class wins). */
  classProperties(q: string): readonly PropertyDef[] {
    return this.memo(`classProperties\u0000${q}`, () => this.computeClassProperties(q));
  }

  private computeClassProperties(q: string): PropertyDef[] {
    const chain = [...this.ancestors(q)].reverse();
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
          constraints: o.constraints ?? p.constraints
        });
      }
    }
    return [...byName.values()];
  }

  /** Associations of one class, inherited ones included. */
  classAssociations(q: string): AssociationDef[] {
    return [...this.ancestors(q)].reverse().flatMap((c) => c.associations);
  }

  /**
   * All properties a node of `type` with `aspects` may carry: the type's (inherited, overridden), and
   * those of the aspects and every mandatory aspect of the type and of the aspects.
   */
  propertiesOf(type: string, aspects: readonly string[] = []): readonly PropertyDef[] {
    return this.memo(`propertiesOf\u0000${type}\u0000${aspects.join('\u0000')}`, () => {
      const byName = new Map<string, PropertyDef>();
      for (const cls of this.applicableClasses(type, aspects)) {
        for (const p of this.classProperties(cls)) if (!byName.has(p.name)) byName.set(p.name, p);
      }
      return [...byName.values()];
    });
  }

  /** type, aspects, and all mandatory aspects, without duplicates. */
  private applicableClasses(type: string, aspects: readonly string[]): string[] {
    const names: string[] = [];
    const add = (q: string) => {
      const n = this.tryPrefix(q);
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
   * Converts and checks the property values of a node create or update, as ACS does: conversion per data
   * type, constraints, unknown and protected properties, enforced mandatory properties, defaults, and
   * the aspects to add (cm:title adds cm:titled). The rules are documented in validate.ts.
   */
  validateProperties(input: ValidateInput): ValidateResult {
    return validateProperties(this, input);
  }

  /** A property's model default converted to its data type; empty or unconvertible defaults give undefined. */
  defaultValue(p: PropertyDef): unknown {
    return defaultValue(this, p);
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
