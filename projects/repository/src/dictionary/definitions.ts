// JSON shapes of the model API (alfresco-model.yaml: AbstractClass, Property, Constraint, Model,
// AbstractClassAssociation), built from dictionary definitions.
import { constraintParameters } from './constraints';
import type { Dictionary } from './dictionary';
import { AssociationDef, AssociationEnd, ClassDef, ConstraintDef, PropertyDef } from './types';

export interface ConstraintJson {
  id: string;
  type: string;
  title?: string;
  description?: string;
  parameters: Record<string, unknown>;
}

export interface PropertyJson {
  id: string;
  title?: string;
  description?: string;
  defaultValue?: string;
  dataType: string;
  isMultiValued: boolean;
  isMandatory: boolean;
  isMandatoryEnforced: boolean;
  isProtected: boolean;
  constraints: ConstraintJson[];
}

export interface AssociationEndJson {
  role?: string;
  cls: string;
  isMandatory: boolean;
  isMany: boolean;
  isMandatoryEnforced: boolean;
}

export interface AssociationJson {
  id: string;
  title?: string;
  description?: string;
  isChild: boolean;
  isProtected: boolean;
  source: AssociationEndJson;
  target: AssociationEndJson;
}

export interface ModelJson {
  id: string;
  author?: string;
  description?: string;
  namespaceUri?: string;
  namespacePrefix?: string;
}

export interface ClassDefinitionJson {
  id: string;
  title: string;
  description?: string;
  parentId?: string;
  properties: PropertyJson[];
  isContainer: boolean;
  isArchive?: boolean;
  includedInSupertypeQuery: boolean;
  mandatoryAspects: string[];
  associations: AssociationJson[];
  model: ModelJson;
}

// Empty strings and undefined are left out, as ACS leaves out empty fields.
const opt = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (v ? ({ [key]: v } as Record<K, string>) : {});

const constraintJson = (c: ConstraintDef): ConstraintJson => ({
  id: c.name,
  type: c.type,
  ...opt('title', c.title),
  ...opt('description', c.description),
  parameters: constraintParameters(c)
});

const propertyJson = (p: PropertyDef): PropertyJson => ({
  id: p.name,
  ...opt('title', p.title),
  ...opt('description', p.description),
  ...opt('defaultValue', p.defaultValue),
  dataType: p.dataType,
  isMultiValued: p.multiple,
  isMandatory: p.mandatory,
  isMandatoryEnforced: p.mandatoryEnforced,
  isProtected: p.protected,
  constraints: p.constraints.map(constraintJson)
});

const endJson = (e: AssociationEnd): AssociationEndJson => ({
  ...opt('role', e.role),
  cls: e.cls,
  isMandatory: e.mandatory,
  isMany: e.many,
  isMandatoryEnforced: e.mandatoryEnforced
});

const associationJson = (a: AssociationDef): AssociationJson => ({
  id: a.name,
  ...opt('title', a.title),
  ...opt('description', a.description),
  isChild: a.isChild,
  isProtected: a.protected,
  source: endJson(a.source),
  target: endJson(a.target)
});

/**
 * ACS lists inherited properties and associations with a class, and the mandatory aspects declared by
 * the class and its parents. `title` is required by the contract; a class without one shows its id.
 * `isArchive` is inherited from the nearest class that says, and left out when none does.
 */
export function toClassDefinition(dict: Dictionary, cls: ClassDef): ClassDefinitionJson {
  const chain = dict.ancestors(cls.name);
  const model = dict.modelOf(cls.name);
  const mandatoryAspects: string[] = [];
  for (const c of chain) for (const a of c.mandatoryAspects) if (!mandatoryAspects.includes(a)) mandatoryAspects.push(a);
  const associations = dict.classAssociations(cls.name);
  const archive = chain.find((c) => c.archive !== undefined)?.archive;
  return {
    id: cls.name,
    title: cls.title || cls.name,
    ...opt('description', cls.description),
    ...opt('parentId', cls.parent),
    properties: dict.classProperties(cls.name).map(propertyJson),
    isContainer: associations.some((a) => a.isChild),
    ...(archive !== undefined && { isArchive: archive }),
    includedInSupertypeQuery: cls.includedInSuperTypeQuery,
    mandatoryAspects,
    associations: associations.map(associationJson),
    model: {
      id: model?.name ?? cls.model,
      ...opt('author', model?.author),
      ...opt('description', model?.description),
      ...opt('namespaceUri', model?.namespaces[0]?.uri),
      ...opt('namespacePrefix', model?.namespaces[0]?.prefix)
    }
  };
}
