export { Dictionary, BUILT_IN_MODELS, BUILT_IN_MODELS_DIR } from './dictionary';
export { SYSTEM_MAINTAINED } from './validate';
export type { ValidateInput, ValidateResult } from './validate';
export { parseModel } from './parser';
export type { ParseOptions } from './parser';
export { formatAcsDate, parseDate } from './convert';
export { constraintParameters } from './constraints';
export type { ClassDefinitionJson, PropertyJson, ConstraintJson, AssociationJson, ModelJson } from './definitions';
export * from './types';
