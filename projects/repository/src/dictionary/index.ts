export { Dictionary, BUILT_IN_MODELS, BUILT_IN_MODELS_DIR, SYSTEM_MAINTAINED } from './dictionary';
export type { ValidateInput, ValidateResult } from './dictionary';
export { parseModel } from './parser';
export type { ParseOptions } from './parser';
export { formatAcsDate, parseDate } from './convert';
export { constraintParameters } from './constraints';
export type {
  ClassDefinitionJson,
  PropertyJson,
  ConstraintJson,
  AssociationJson,
  ModelJson,
} from './definitions';
export * from './types';
