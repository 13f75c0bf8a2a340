import { readFileSync } from 'node:fs';
import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { RepositoryContext } from './repository-context';
import type { NodePolicy } from './policies';
import { errors } from '../errors/api-error';
import { DictionaryError, validateModelUpdate } from '../dictionary';

const MODEL_ADMINS = 'GROUP_ALFRESCO_MODEL_ADMINISTRATORS';

/**
 * Dynamic models: a cm:dictionaryModel node whose content is a model XML becomes part of the dictionary
 * when cm:modelActive is true, and leaves it when set false or deleted — without a restart, as in ACS.
 * Only administrators and model administrators may create a model node or (de)activate one; a model still
 * used by nodes stays. New content for an active model must be an incremental update of the version in the
 * dictionary, as ModelValidatorImpl.validateModel requires (no type, aspect or association deleted, nothing
 * changed non-incrementally, no property deleted while in use: model-validator.ts). Failures answer as ACS's
 * v1 API answers them (DictionaryModelType): creating a model node without the authority is an
 * InvalidTypeException (409); a model that does not compile or validate, an update ACS refuses, or a model
 * still in use fails the transaction with a DictionaryException or AlfrescoRuntimeException that
 * public-rest-context.xml maps to nothing, so its generic entry answers 500 ApiDefault.
 */
export class ModelDeployer implements NodePolicy {
  /** Model name registered from each model node. */
  private readonly deployed = new Map<string, string>();

  constructor(private readonly ctx: RepositoryContext) {}

  private isModelNode(node: NodeRow): boolean {
    return this.ctx.dictionary.isSubClassOf(node.type, 'cm:dictionaryModel');
  }

  private isActive(node: NodeRow): boolean {
    const v = this.ctx.store.properties(node.id)['cm:modelActive'];
    return v === true || v === 'true';
  }

  /** Registers every active model node at start; models that import others wait for them. */
  loadActiveModels(): void {
    const nodes = this.ctx.store.activeModelNodes();
    let pending = nodes.filter((n) => this.isModelNode(n));
    for (let round = 0; pending.length && round < 10; round++) {
      pending = pending.filter((n) => {
        try {
          this.activate(n);
          return false;
        } catch {
          return true;
        }
      });
    }
    for (const n of pending) console.warn(`[repository] model node ${n.id} (${n.name}) could not be activated`);
  }

  private activate(node: NodeRow): void {
    // DictionaryModelType's commit listener compiles only when the node has content to read
    if (!node.content_url) return;
    const xml = readFileSync(this.ctx.content.path(node.content_url), 'utf8');
    const previous = this.deployed.get(node.id);
    // New content for a model in the dictionary is validated against it as ACS validates it
    // (ModelValidatorImpl.validateModel, model-validator.ts): a refused update leaves the dictionary with the
    // previous version, and the error rolls the request's transaction (the node's new content) back.
    const info = previous
      ? this.ctx.dictionary.replaceModel(previous, xml, (before, after) =>
          validateModelUpdate(this.ctx.dictionary, before, after, { propertyInUse: (q) => this.propertyInUse(q) })
        )
      : this.ctx.dictionary.registerModel(xml);
    this.deployed.set(node.id, info.name);
    // setProperties replaces each of these (a null removes it), so a model that lost its description loses it here too.
    this.ctx.store.setProperties(node.id, {
      'cm:modelName': info.name,
      'cm:modelDescription': info.description ?? null,
      'cm:modelAuthor': info.author ?? null,
      'cm:modelVersion': info.version ?? null
    });
  }

  /**
   * ModelValidatorImpl.validateDeleteProperty: a property is in use while its QName row cannot be deleted, that
   * is while a node property row refers to it — of a live node, an archived one, or a version (ACS keeps
   * versions as nodes of the version store).
   */
  private propertyInUse(qname: string): boolean {
    return this.ctx.store.propertyInUse(qname);
  }

  private deactivate(node: NodeRow): void {
    const name = this.deployed.get(node.id);
    if (!name) return;
    const info = this.ctx.dictionary.getModel(name);
    const classes = [...(info?.types ?? []), ...(info?.aspects ?? [])];
    if (classes.length) {
      if (this.ctx.store.usesAnyClass(classes))
        throw new DictionaryError('modelInUse', `Cannot deactivate model ${name}: it is in use by nodes`);
    }
    this.ctx.dictionary.unregisterModel(name);
    this.deployed.delete(node.id);
  }

  private mayAdminister(caller: Caller): boolean {
    return caller.isAdmin || caller.authorities.has(MODEL_ADMINS);
  }

  private apply(caller: Caller, node: NodeRow, wasActive: boolean): void {
    const active = this.isActive(node);
    if (!active && !wasActive) return;
    if (!this.mayAdminister(caller))
      throw errors.conflict('Only administrators and model administrators can activate or deactivate models');
    try {
      if (active) this.activate(node);
      else this.deactivate(node);
    } catch (e) {
      // ACS throws DictionaryException from M2Model.createModel ("Failed to parse model") and compile, and
      // AlfrescoRuntimeException from ModelValidator (in use, incompatible change); the v1 API maps neither,
      // so its generic Throwable entry (public-rest-context.xml) answers 500 ApiDefault.
      if (e instanceof DictionaryError) throw errors.internal(e.message);
      throw e;
    }
  }

  onCreateNode(caller: Caller, node: NodeRow): void {
    if (!this.isModelNode(node)) return;
    // DictionaryModelType.beforeCreateNode: every model node, active or not
    if (!this.mayAdminister(caller)) throw errors.conflict(`Invalid type: ${this.ctx.dictionary.expand(node.type)}`);
    this.apply(caller, node, false);
  }

  onUpdateNode(caller: Caller, node: NodeRow, before: { properties: Record<string, unknown> }): void {
    if (!this.isModelNode(node)) return;
    const was = before.properties['cm:modelActive'];
    this.apply(caller, node, was === true || was === 'true');
  }

  beforeDeleteNode(caller: Caller, node: NodeRow): void {
    if (this.isModelNode(node) && this.deployed.has(node.id)) {
      if (!this.mayAdminister(caller)) throw errors.conflict('Only administrators and model administrators can delete an active model');
      try {
        this.deactivate(node);
      } catch (e) {
        if (e instanceof DictionaryError) throw errors.internal(e.message);
        throw e;
      }
    }
  }
}
