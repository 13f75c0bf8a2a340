// The differences between two versions of a content model, by the rules ACS applies when an active model is
// updated: DictionaryDAOImpl.diffModel(CompiledModel, CompiledModel) (data-model) and the diff methods it calls,
// M2ClassDefinition.diffClass / diffClassLists, M2PropertyDefinition.diffProperty / diffPropertyLists,
// M2AssociationDefinition.diffAssoc / diffAssocLists, M2ConstraintDefinition.diffConstraintLists and
// M2NamespaceDefinition.diffNamespaceDefinitionLists. ModelValidatorImpl.validateModel (model-validator.ts)
// then refuses what is deleted or updated non-incrementally.
//
// ACS compares compiled definitions, so the parsed ModelDef is "compiled" here first, as M2ClassDefinition's
// resolveInheritance builds it: a class's properties are its parent's (each overridden by the class's
// <overrides>, which makes the class the property's container) followed by its own; its associations are its
// parent's followed by its own; it is a container when any of them is a child association. A property's
// index settings take ACS's defaults where the XML leaves them out (M2PropertyDefinition: enabled true,
// atomic true, stored false, tokenised TRUE). Names are compared as {uri}local QNames, as ACS compares them,
// so a model that changes the prefix of its own namespace changes no name.
import type { AssociationDef, ClassDef, ModelDef, NamespaceDef, PropertyDef } from './types';

/** M2ModelDiff's element types; the strings are ACS's own, as its messages show them. */
export type ModelDiffElementType = 'TYPE' | 'ASPECT' | 'PROPERTY' | 'ASSOCIATION' | 'TYPE_CONSTRAINT' | 'TYPE_NAMESPACE';

/** M2ModelDiff's DIFF_CREATED, DIFF_UPDATED, DIFF_UPDATED_INC (incremental), DIFF_DELETED, DIFF_UNCHANGED. */
export type ModelDiffType = 'CREATED' | 'UPDATED' | 'UPDATED_INC' | 'DELETED' | 'UNCHANGED';

export interface ModelDiff {
  /**
   * The element's QName as {uri}local (QName.toString, which ACS's messages print). A namespace diff names
   * the model that imports the namespace, as M2NamespaceDefinition's diff does.
   */
  elementName: string;
  elementType: ModelDiffElementType;
  diffType: ModelDiffType;
  /** Namespace diffs (CREATED, UPDATED): the imported namespace. */
  namespace?: NamespaceDef;
}

/** One version of a model with the way its prefixed names read as QNames. */
export interface ModelVersion {
  def: ModelDef;
  /** A prefixed name of this version ("dak:letter") as {uri}local. */
  qname(prefixed: string): string;
}

/** What lies outside the two versions: the classes of the other registered models. */
export interface DiffContext {
  /** A class of another model by {uri}local, with the way its own names read as QNames. */
  outsideClass(qname: string): { cls: ClassDef; qname(prefixed: string): string } | undefined;
}

// ---------------------------------------------------------------- compiled definitions

interface CompiledProperty {
  name: string;
  title?: string;
  description?: string;
  defaultValue?: string;
  dataType: string;
  container: string;
  multiple: boolean;
  mandatory: boolean;
  mandatoryEnforced: boolean;
  protected: boolean;
  indexed: boolean;
  stored: boolean;
  atomic: boolean;
  tokenisation: string;
  override: boolean;
}

interface CompiledAssociation {
  name: string;
  title?: string;
  description?: string;
  isChild: boolean;
  sourceClass: string;
  sourceRole?: string;
  targetClass: string;
  targetRole?: string;
}

interface CompiledClass {
  name: string;
  kind: 'type' | 'aspect';
  title?: string;
  description?: string;
  parent?: string;
  archive?: boolean;
  includedInSuperTypeQuery: boolean;
  /** The class's own mandatory aspects (getDefaultAspects(false)). */
  mandatoryAspects: string[];
  /** Inherited and own, by QName, in that order. */
  properties: Map<string, CompiledProperty>;
  associations: Map<string, CompiledAssociation>;
}

const isContainer = (c: CompiledClass): boolean => [...c.associations.values()].some((a) => a.isChild);

function compileProperty(p: PropertyDef, qname: (q: string) => string): CompiledProperty {
  // M2PropertyDefinition.isIndexed / isIndexedAtomically / isStoredInIndex / getIndexTokenisationMode:
  // unset means true, true, false and TRUE; IndexTokenisationMode.deserializer ignores case.
  const tokenised = p.index?.tokenised?.trim();
  return {
    name: qname(p.name),
    title: p.title,
    description: p.description,
    defaultValue: p.defaultValue,
    dataType: qname(p.dataType),
    container: qname(p.container),
    multiple: p.multiple,
    mandatory: p.mandatory,
    mandatoryEnforced: p.mandatoryEnforced,
    protected: p.protected,
    indexed: p.index?.enabled ?? true,
    stored: p.index?.stored ?? false,
    atomic: p.index?.atomic ?? true,
    tokenisation: tokenised ? tokenised.toUpperCase() : 'TRUE',
    override: false
  };
}

function compileAssociation(a: AssociationDef, qname: (q: string) => string): CompiledAssociation {
  return {
    name: qname(a.name),
    title: a.title,
    description: a.description,
    isChild: a.isChild,
    sourceClass: qname(a.container),
    sourceRole: a.source.role === undefined ? undefined : qname(a.source.role),
    targetClass: qname(a.target.cls),
    targetRole: a.target.role === undefined ? undefined : qname(a.target.role)
  };
}

/** Compiles the classes of one version, resolving parents in the version first and then in the context. */
class Compiler {
  private readonly own = new Map<string, ClassDef>();
  private readonly compiled = new Map<string, CompiledClass | null>();

  constructor(
    private readonly version: ModelVersion,
    private readonly context: DiffContext
  ) {
    for (const c of [...version.def.types, ...version.def.aspects]) this.own.set(version.qname(c.name), c);
  }

  classes(kind: 'type' | 'aspect'): CompiledClass[] {
    const list = kind === 'type' ? this.version.def.types : this.version.def.aspects;
    return list.map((c) => this.resolve(this.version.qname(c.name))!);
  }

  private resolve(name: string): CompiledClass | undefined {
    if (this.compiled.has(name)) return this.compiled.get(name) ?? undefined;
    // A cycle of parents (refused when the model registers) ends here rather than looping.
    this.compiled.set(name, null);
    const mine = this.own.get(name);
    const outside = mine ? undefined : this.context.outsideClass(name);
    const result = mine ? this.compile(mine, this.version.qname) : outside ? this.compile(outside.cls, outside.qname) : undefined;
    this.compiled.set(name, result ?? null);
    return result;
  }

  // M2ClassDefinition.resolveInheritance
  private compile(c: ClassDef, qname: (q: string) => string): CompiledClass {
    const name = qname(c.name);
    const parentName = c.parent ? qname(c.parent) : undefined;
    const parent = parentName === undefined ? undefined : this.resolve(parentName);
    const properties = new Map<string, CompiledProperty>();
    const overrides = new Map(c.overrides.map((o) => [qname(o.name), o]));
    for (const p of parent?.properties.values() ?? []) {
      const o = overrides.get(p.name);
      // M2PropertyDefinition's override constructor (createOverriddenProperty): the overriding class becomes the
      // property's container; default and mandatory come from the override where it sets them, the rest from
      // the inherited definition.
      properties.set(
        p.name,
        o
          ? {
              ...p,
              container: name,
              override: true,
              defaultValue: o.defaultValue ?? p.defaultValue,
              mandatory: o.mandatory ?? p.mandatory,
              mandatoryEnforced: o.mandatoryEnforced ?? p.mandatoryEnforced
            }
          : p
      );
    }
    for (const p of c.properties) properties.set(qname(p.name), compileProperty(p, qname));
    const associations = new Map(parent?.associations ?? []);
    for (const a of c.associations) associations.set(qname(a.name), compileAssociation(a, qname));
    return {
      name,
      kind: c.kind,
      title: c.title,
      description: c.description,
      parent: parentName,
      // getArchive: the class's own setting, else its parent's.
      archive: c.archive ?? parent?.archive,
      // The parser keeps no "unset" for it (it reads a missing one as true) where ACS inherits the parent's:
      // it can only make a class UPDATED_INC or not, never refuse an update.
      includedInSuperTypeQuery: c.includedInSuperTypeQuery,
      mandatoryAspects: [...new Set(c.mandatoryAspects.map(qname))],
      properties,
      associations
    };
  }
}

// ---------------------------------------------------------------- diffs

/** Title, description and the like: ACS compares them case-sensitively, null equal only to null. */
const same = (a: string | undefined, b: string | undefined): boolean => (a ?? null) === (b ?? null);

function grade(updated: boolean, incremental: boolean): ModelDiffType {
  return updated ? 'UPDATED' : incremental ? 'UPDATED_INC' : 'UNCHANGED';
}

// M2PropertyDefinition.diffProperty (its constraints are not compared: a TODO in ACS)
function diffProperty(prev: CompiledProperty, next: CompiledProperty): ModelDiff {
  let updated = false;
  let incremental = false;
  if (!same(prev.title, next.title) || !same(prev.description, next.description) || !same(prev.defaultValue, next.defaultValue))
    incremental = true;
  if (prev.dataType !== next.dataType || prev.container !== next.container || prev.multiple !== next.multiple) updated = true;
  // Mandatory, enforced and protected may be relaxed (true -> false) but not tightened.
  for (const flag of ['mandatory', 'mandatoryEnforced', 'protected'] as const) {
    if (prev[flag] !== next[flag]) {
      if (prev[flag]) incremental = true;
      else updated = true;
    }
  }
  if (prev.indexed !== next.indexed) updated = true;
  if (prev.stored !== next.stored || prev.atomic !== next.atomic) incremental = true;
  if (prev.tokenisation !== next.tokenisation) updated = true;
  if (prev.override !== next.override) updated = true;
  return { elementName: prev.name, elementType: 'PROPERTY', diffType: grade(updated, incremental) };
}

// M2AssociationDefinition.diffAssoc: whether it is a child association, its ends' mandatory and many flags are
// not compared (a TODO in ACS); a class that loses its last child association is (diffClass, container).
function diffAssociation(prev: CompiledAssociation, next: CompiledAssociation): ModelDiff {
  const incremental = !same(prev.title, next.title) || !same(prev.description, next.description);
  const updated =
    prev.sourceClass !== next.sourceClass ||
    prev.sourceRole !== next.sourceRole ||
    prev.targetClass !== next.targetClass ||
    prev.targetRole !== next.targetRole;
  return { elementName: prev.name, elementType: 'ASSOCIATION', diffType: grade(updated, incremental) };
}

/** The *Lists methods: each previous element matched by name (diffed, or DELETED), then the new ones (CREATED). */
function diffLists<T extends { name: string }>(
  prev: Iterable<T>,
  next: Iterable<T>,
  elementType: ModelDiffElementType,
  diff: (p: T, n: T) => ModelDiff | ModelDiff[]
): ModelDiff[] {
  const nextByName = new Map([...next].map((e) => [e.name, e]));
  const prevNames = new Set<string>();
  const diffs: ModelDiff[] = [];
  for (const p of prev) {
    prevNames.add(p.name);
    const n = nextByName.get(p.name);
    diffs.push(...[n ? diff(p, n) : { elementName: p.name, elementType, diffType: 'DELETED' as const }].flat());
  }
  for (const n of nextByName.values()) if (!prevNames.has(n.name)) diffs.push({ elementName: n.name, elementType, diffType: 'CREATED' });
  return diffs;
}

// M2ClassDefinition.diffClass: the property and association diffs (inherited ones included) first, then the class's.
function diffClass(prev: CompiledClass, next: CompiledClass): ModelDiff[] {
  let updated = false;
  let incremental = false;
  if (!same(prev.title, next.title) || !same(prev.description, next.description)) incremental = true;
  if (prev.parent !== next.parent) updated = true;
  if (prev.kind !== next.kind) updated = true;
  const wasContainer = isContainer(prev);
  const container = isContainer(next);
  // No longer a container (its last child association removed): updated; a container now: incremental.
  if (wasContainer && !container) updated = true;
  if (!wasContainer && container) incremental = true;
  const diffs = [
    ...diffLists(prev.properties.values(), next.properties.values(), 'PROPERTY', diffProperty),
    ...diffLists(prev.associations.values(), next.associations.values(), 'ASSOCIATION', diffAssociation)
  ];
  // A mandatory aspect added to the class (one removed is not compared).
  if (next.mandatoryAspects.some((a) => !prev.mandatoryAspects.includes(a))) updated = true;
  if (prev.archive !== next.archive) incremental = true;
  if (prev.includedInSuperTypeQuery !== next.includedInSuperTypeQuery) incremental = true;
  diffs.push({ elementName: prev.name, elementType: prev.kind === 'aspect' ? 'ASPECT' : 'TYPE', diffType: grade(updated, incremental) });
  return diffs;
}

/**
 * DictionaryDAOImpl.diffModel(previousVersion, model): types, then aspects, then the model's named
 * (referenceable) constraints, then its imported namespaces.
 */
export function diffModels(previous: ModelVersion, next: ModelVersion, context: DiffContext): ModelDiff[] {
  const prevCompiler = new Compiler(previous, context);
  const nextCompiler = new Compiler(next, context);
  const diffs: ModelDiff[] = [];
  const prevConstraints = previous.def.constraints.map((c) => ({ name: previous.qname(c.name) }));
  diffs.push(...diffLists(prevCompiler.classes('type'), nextCompiler.classes('type'), 'TYPE', diffClass));
  diffs.push(...diffLists(prevCompiler.classes('aspect'), nextCompiler.classes('aspect'), 'ASPECT', diffClass));
  // Referenceable constraints are the model's named ones (getReferenceableConstraintDefs leaves out those of
  // properties). A constraint kept is UNCHANGED whatever changed in it: diffConstraintLists compares the
  // previous definition with itself, so ACS never reports one updated.
  const nextConstraints = next.def.constraints.map((c) => ({ name: next.qname(c.name) }));
  diffs.push(
    ...diffLists(prevConstraints, nextConstraints, 'TYPE_CONSTRAINT', (p) => ({
      elementName: p.name,
      elementType: 'TYPE_CONSTRAINT',
      diffType: 'UNCHANGED'
    }))
  );
  // Imported namespaces, matched by URI: a prefix changed is UPDATED; one kept as it was yields no diff.
  const prevModel = previous.qname(previous.def.name);
  const nextModel = next.qname(next.def.name);
  for (const p of previous.def.imports) {
    const n = next.def.imports.find((i) => i.uri === p.uri);
    if (!n) diffs.push({ elementName: prevModel, elementType: 'TYPE_NAMESPACE', diffType: 'DELETED' });
    else if (n.prefix !== p.prefix)
      diffs.push({ elementName: nextModel, elementType: 'TYPE_NAMESPACE', diffType: 'UPDATED', namespace: n });
  }
  for (const n of next.def.imports)
    if (!previous.def.imports.some((p) => p.uri === n.uri))
      diffs.push({ elementName: nextModel, elementType: 'TYPE_NAMESPACE', diffType: 'CREATED', namespace: n });
  return diffs;
}
