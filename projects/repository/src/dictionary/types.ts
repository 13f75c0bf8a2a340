// Definitions produced by the model parser and held by the Dictionary. Every QName is in the
// repository-wide prefixed form ("cm:title"); the Dictionary maps prefixes to namespace URIs.

export type ConstraintKind = 'LIST' | 'REGEX' | 'LENGTH' | 'MINMAX' | string;

export interface ConstraintDef {
  /** Prefixed name; inline anonymous constraints get a generated one (see parser). */
  name: string;
  /** LIST, REGEX, LENGTH, MINMAX; anything else (REGISTERED, Java class names) is kept but not evaluated. */
  type: ConstraintKind;
  title?: string;
  description?: string;
  /** Raw parameters: a single <value> becomes a string, a <list> becomes string[]. */
  parameters: Record<string, string | string[]>;
  /** Set when the property referred to a named constraint with `ref`. */
  ref?: string;
}

export interface IndexDef {
  enabled: boolean;
  atomic?: boolean;
  stored?: boolean;
  tokenised?: string;
  facetable?: boolean;
}

export interface PropertyDef {
  name: string;
  /** Class that declares the property. */
  container: string;
  title?: string;
  description?: string;
  dataType: string;
  mandatory: boolean;
  mandatoryEnforced: boolean;
  multiple: boolean;
  protected: boolean;
  defaultValue?: string;
  index?: IndexDef;
  constraints: ConstraintDef[];
}

/** <overrides><property>: a subclass may change default, mandatory and constraints. */
export interface PropertyOverride {
  name: string;
  defaultValue?: string;
  mandatory?: boolean;
  mandatoryEnforced?: boolean;
  constraints?: ConstraintDef[];
}

export interface AssociationEnd {
  role?: string;
  /** Source end: the declaring class; target end: the <class> element. */
  cls: string;
  mandatory: boolean;
  mandatoryEnforced: boolean;
  many: boolean;
}

export interface AssociationDef {
  name: string;
  container: string;
  title?: string;
  description?: string;
  isChild: boolean;
  protected: boolean;
  source: AssociationEnd;
  target: AssociationEnd;
  childName?: string;
  duplicate?: boolean;
  propagateTimestamps?: boolean;
}

export interface ClassDef {
  name: string;
  kind: 'type' | 'aspect';
  model: string;
  title?: string;
  description?: string;
  parent?: string;
  archive?: boolean;
  includedInSuperTypeQuery: boolean;
  properties: PropertyDef[];
  associations: AssociationDef[];
  mandatoryAspects: string[];
  overrides: PropertyOverride[];
}

export interface NamespaceDef {
  uri: string;
  prefix: string;
}

export interface DataTypeDef {
  name: string;
  javaClass?: string;
}

export interface ModelDef {
  name: string;
  description?: string;
  author?: string;
  published?: string;
  version?: string;
  imports: NamespaceDef[];
  namespaces: NamespaceDef[];
  dataTypes: DataTypeDef[];
  constraints: ConstraintDef[];
  types: ClassDef[];
  aspects: ClassDef[];
}

/** Summary of a registered model, as returned by registerModel() and models(). */
export interface ModelInfo {
  name: string;
  namespaceUri?: string;
  namespacePrefix?: string;
  namespaces: NamespaceDef[];
  imports: NamespaceDef[];
  author?: string;
  description?: string;
  version?: string;
  published?: string;
  builtIn: boolean;
  types: string[];
  aspects: string[];
  constraints: string[];
}

export type PropertyValue = string | number | boolean | unknown[] | Record<string, unknown>;

export type DictionaryErrorKind =
  | 'unknownProperty'
  | 'invalidValue'
  | 'constraintViolation'
  | 'mandatoryMissing'
  | 'unknownType'
  | 'invalidType'
  | 'protectedProperty'
  // model management
  | 'invalidModel'
  /** The XML does not follow ACS's dictionary binding (see binding.ts). */
  | 'parseFailure'
  | 'unknownPrefix'
  | 'modelInUse'
  | 'unknownModel';

export class DictionaryError extends Error {
  constructor(
    readonly kind: DictionaryErrorKind,
    message: string,
    /** The property (or class) the error is about, prefixed form, when there is one. */
    readonly qname?: string
  ) {
    super(message);
    this.name = 'DictionaryError';
  }
}
