// What ACS refuses when an active model is given new content: ModelValidatorImpl.validateModel (repository),
// which DictionaryModelType's transaction listener calls in beforeCommit for every active model node queued in
// the transaction (its content updated while active, onContentUpdate; or cm:modelActive set, onUpdateProperties;
// or created active, onCreateNode), after compiling the new content. It walks the diffs of
// DictionaryDAOImpl.diffModel(M2Model) — none unless a model of the same name is in the dictionary, so a
// first activation and a renamed model pass — and throws an AlfrescoRuntimeException (ModelInUseException for
// a property in use) on the first of:
//   - a type, aspect or association DELETED: "found deleted <TYPE> '<qname>'" (a namespace no longer imported
//     is let through, APPSREPO-59);
//   - a property DELETED (validateDeleteProperty): refused when the property is not one the model declared
//     ("Cannot delete model …") or when it is in use: ACS tries to delete the property's QName row in a separate
//     transaction and a foreign key (a node property row, live, archived or of a version) refuses it;
//   - a named constraint DELETED (validateDeleteConstraint) while a property constraint still refers to it;
//   - anything UPDATED (non-incrementally): "found non-incrementally updated <TYPE> '<qname>'";
//   - an import CREATED of a model that already depends, directly or not, on this one (checkCircularDependency).
// Diffs are walked in model-diff.ts's order (types, aspects, constraints, namespaces; within a class its
// properties and associations before the class itself); ACS walks hash maps, so where an update breaks several
// rules the one it names may differ, never whether it refuses.
import type { Dictionary } from './dictionary';
import type { ModelDiff } from './model-diff';
import { DictionaryError, ModelDef, ModelInfo } from './types';

export interface ModelUsage {
  /** Whether any node (archived ones and versions included) has a value of this property (prefixed name). */
  propertyInUse(prefixed: string): boolean;
}

const local = (q: string): string => q.slice(q.lastIndexOf('}') + 1).replace(/^[^:]*:/, '');

/**
 * Refuses a new version of a model as ModelValidatorImpl.validateModel does; `next` is registered in the
 * dictionary in `previous`'s place (DictionaryModelType compiles the new content against the dictionary first).
 */
export function validateModelUpdate(dictionary: Dictionary, previous: ModelDef, next: ModelDef, usage: ModelUsage): void {
  const qnamePrev = dictionary.qnameIn(previous);
  const qnameNext = dictionary.qnameIn(next);
  const modelName = qnameNext(next.name);
  // diffModel compares with the dictionary's model of the new content's name: none when the name changed.
  if (qnamePrev(previous.name) !== modelName) return;
  const diffs = dictionary.diffModelDefs(previous, next);
  for (const diff of diffs) check(diff);

  function check(diff: ModelDiff): void {
    if (diff.diffType === 'DELETED') {
      if (diff.elementType === 'PROPERTY') validateDeleteProperty(diff.elementName);
      else if (diff.elementType === 'TYPE_CONSTRAINT') validateDeleteConstraint(diff.elementName);
      else if (diff.elementType !== 'TYPE_NAMESPACE')
        throw new DictionaryError(
          'invalidModel',
          `Failed to validate model update - found deleted ${diff.elementType} '${diff.elementName}'`,
          diff.elementName
        );
    }
    if (diff.diffType === 'UPDATED')
      throw new DictionaryError(
        'invalidModel',
        `Failed to validate model update - found non-incrementally updated ${diff.elementType} '${diff.elementName}'`,
        diff.elementName
      );
    if (diff.diffType === 'CREATED' && diff.elementType === 'TYPE_NAMESPACE' && diff.namespace) {
      const imported = modelDefining(diff.namespace.uri);
      if (imported && next.namespaces.length) checkCircularDependency(imported, local(imported.name), new Set());
    }
  }

  // validateDeleteProperty(modelName, propertyQName, sharedModel): the dictionary still holds the previous
  // version there, so "the model's property" is one the previous version declared. ACS's tenant domain is the
  // default one, "", hence the two spaces.
  function validateDeleteProperty(propQName: string): void {
    const declared = [...previous.types, ...previous.aspects].flatMap((c) => c.properties).find((p) => qnamePrev(p.name) === propQName);
    if (!declared)
      throw new DictionaryError(
        'invalidModel',
        `Cannot delete model ${modelName} in tenant  - property definition '${propQName}' not defined in model '${modelName}'`,
        propQName
      );
    if (usage.propertyInUse(declared.name))
      throw new DictionaryError('modelInUse', `Failed to validate property delete, property ${propQName} is in use`, declared.name);
  }

  // validateDeleteConstraint: the property constraints of every model (the new version for this one) that
  // refer to the constraint. A constraint given by reference is a property constraint of its own, named as
  // M2PropertyDefinition.buildConstraints names anonymous ones: <model>_<class>_<property>_anon_<n>.
  function validateDeleteConstraint(constraintQName: string): void {
    const referencedBy = new Set<string>();
    const models = [next, ...dictionary.models().flatMap((m) => (m.name === next.name ? [] : [dictionary.modelDef(m.name)!]))];
    for (const def of models) {
      const qname = def === next ? qnameNext : dictionary.qnameIn(def);
      const modelQName = qname(def.name);
      const modelUri = modelQName.slice(1, modelQName.indexOf('}'));
      for (const cls of [...def.types, ...def.aspects]) {
        for (const p of cls.properties) {
          p.constraints.forEach((c, i) => {
            if (c.ref !== undefined && qname(c.ref) === constraintQName)
              referencedBy.add(`{${modelUri}}${local(modelQName)}_${local(cls.name)}_${local(p.name)}_anon_${i}`);
          });
        }
      }
    }
    if (referencedBy.size === 1)
      throw new DictionaryError(
        'modelInUse',
        `Failed to validate constraint delete - constraint definition '${constraintQName}' is being referenced by '${[...referencedBy][0]}' property constraint`,
        constraintQName
      );
    if (referencedBy.size > 1)
      throw new DictionaryError(
        'modelInUse',
        `Failed to validate constraint delete - constraint definition '${constraintQName}' is being referenced by ${referencedBy.size} property constraints`,
        constraintQName
      );
  }

  // getModelByNamespaceUri: the model defining the namespace.
  function modelDefining(uri: string): ModelInfo | undefined {
    return dictionary.models().find((m) => m.namespaces.some((n) => n.uri === uri));
  }

  // checkCircularDependency(importedModel, existingModel, parentPrefixedName): a model the new import reaches
  // through imports that imports a namespace of this model. `seen` only stops a loop ACS would not meet.
  function checkCircularDependency(model: ModelInfo, parentName: string, seen: Set<string>): void {
    if (seen.has(model.name)) return;
    seen.add(model.name);
    for (const imp of model.imports) {
      const md = modelDefining(imp.uri);
      if (!md) continue;
      if (next.namespaces.some((n) => n.uri === imp.uri))
        throw new DictionaryError(
          'invalidModel',
          `Failed to validate model update - found circular dependency. You can't set parent ${parentName} as it's model already depends on ${next.name}`,
          next.name
        );
      checkCircularDependency(md, parentName, seen);
    }
  }
}
