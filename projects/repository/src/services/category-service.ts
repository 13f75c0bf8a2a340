import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { RepositoryContext } from './repository-context';
import type { NodeService } from './node-service';
import { ApiError, errors } from '../errors/api-error';

/**
 * Categories as ACS keeps them (CategoryServiceImpl, CategoriesImpl): cm:category nodes below the
 * classification root. The store root holds a cm:category_root (child name cm:categoryRoot, named
 * "categories"), which holds the root category of cm:generalclassifiable ("General"): `-root-` in the API.
 * Top-level categories are its children; every category's children are its subcategories. A node is put in
 * a category by adding cm:generalclassifiable with the category's id in the multi-valued cm:categories.
 */
export const CATEGORY_ROOT_ALIAS = '-root-';
const CLASSIFICATION_ROOT = 'cm:categoryRoot';
const GENERAL = 'cm:generalclassifiable';

export const CATEGORY_MESSAGES = {
  notACategory: 'Node id does not refer to a valid category',
  noManagePermission: 'Current user does not have permission to manage a category',
  noReadPermission: 'Current user does not have read permission to content',
  noChangePermission: 'Current user does not have change permission to content',
  nameRequired: 'Category name must not be null or empty',
  invalidNodeType: 'Cannot categorize this type of node'
};

/** The nodeTypeConstraint bean of public-rest-context.xml: what may be categorised. */
const CATEGORISABLE = ['cm:folder', 'cm:content'];
const NOT_CATEGORISABLE = ['fm:forums', 'fm:forum', 'fm:topic', 'fm:post', 'cm:category'];

const SYSTEM: Caller = { userId: 'System', isAdmin: true, authorities: new Set() };

export interface CategoryJson {
  id: string;
  name: string;
  parentId: string;
  hasChildren: boolean;
  count?: number;
  path?: string;
}

export class CategoryService {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly nodes: NodeService
  ) {}

  /** The root category of cm:generalclassifiable, created on first use as ACS's bootstrap creates it. */
  generalRoot(): NodeRow {
    const { store, wellKnown } = this.ctx;
    const find = (parentId: string, assoc: string) => store.childIdByAssocQName(parentId, assoc);
    let rootId = find(wellKnown.root, CLASSIFICATION_ROOT);
    if (!rootId) {
      const root = store.require(wellKnown.root);
      rootId = this.nodes.create(SYSTEM, root, {
        name: 'categories',
        nodeType: 'cm:category_root',
        system: { assocQName: CLASSIFICATION_ROOT }
      }).id;
    }
    let generalId = find(rootId, GENERAL);
    if (!generalId)
      generalId = this.nodes.create(SYSTEM, store.require(rootId), {
        name: 'General',
        nodeType: 'cm:category',
        system: { assocQName: GENERAL }
      }).id;
    return store.require(generalId);
  }

  isRoot(node: NodeRow): boolean {
    return node.assoc_qname === GENERAL;
  }

  /** CategoriesImpl.getCategoryNodeRef: -root- or an existing cm:category (else 400, or 404 when unknown). */
  category(id: string): NodeRow {
    if (id === CATEGORY_ROOT_ALIAS) return this.generalRoot();
    const node = this.ctx.store.get(id);
    if (!node) throw errors.notFound(id);
    if (!this.ctx.dictionary.isSubClassOf(node.type, 'cm:category')) throw errors.invalidArgument(CATEGORY_MESSAGES.notACategory);
    return node;
  }

  /** A category that is not the root (get, update, delete and link refuse -root- with 400). */
  nonRootCategory(id: string): NodeRow {
    const node = this.category(id);
    if (this.isRoot(node)) throw errors.invalidArgument(CATEGORY_MESSAGES.notACategory);
    return node;
  }

  subcategories(parent: NodeRow): NodeRow[] {
    return this.ctx.store.categories.subcategories(parent.id);
  }

  requireAdmin(caller: Caller): void {
    if (!caller.isAdmin) throw errors.permissionDenied(CATEGORY_MESSAGES.noManagePermission);
  }

  create(caller: Caller, parent: NodeRow, name: unknown): NodeRow {
    this.requireAdmin(caller);
    return this.nodes.create(SYSTEM, parent, {
      name: requiredName(name),
      nodeType: 'cm:category',
      system: { assocQName: 'cm:subcategories' }
    });
  }

  rename(caller: Caller, category: NodeRow, name: unknown): NodeRow {
    this.requireAdmin(caller);
    return this.nodes.update(SYSTEM, category, { name: requiredName(name) });
  }

  delete(caller: Caller, category: NodeRow): void {
    this.requireAdmin(caller);
    this.nodes.delete(SYSTEM, category, true);
  }

  /** The categories a node is in (its cm:categories), skipping references to categories since deleted. */
  categoriesOf(node: NodeRow): NodeRow[] {
    return this.categoryIds(node)
      .map((id) => this.ctx.store.get(id))
      .filter((n): n is NodeRow => !!n && n.type === 'cm:category');
  }

  /** CategoriesImpl.linkNodeToCategories: adds cm:generalclassifiable or merges into cm:categories. */
  link(caller: Caller, node: NodeRow, categories: NodeRow[]): void {
    const merged = [...new Set([...this.categoryIds(node), ...categories.map((c) => c.id)])];
    const aspects = this.ctx.store.aspects(node.id);
    this.nodes.update(caller, node, {
      aspectNames: aspects.includes(GENERAL) ? aspects : [...aspects, GENERAL],
      properties: { 'cm:categories': merged }
    });
  }

  /** CategoriesImpl.unlinkNodeFromCategory: the last category removed takes the aspect with it. */
  unlink(caller: Caller, node: NodeRow, category: NodeRow): void {
    const aspects = this.ctx.store.aspects(node.id);
    if (!aspects.includes(GENERAL)) throw errors.invalidArgument(`Node with id: ${node.id} does not belong to a category`);
    if (this.isRoot(category)) throw errors.invalidArgument(CATEGORY_MESSAGES.notACategory);
    const rest = this.categoryIds(node).filter((id) => id !== category.id);
    if (rest.length) this.nodes.update(caller, node, { properties: { 'cm:categories': rest } });
    else this.nodes.update(caller, node, { aspectNames: aspects.filter((a) => a !== GENERAL) });
  }

  /** The permission checks and type constraint of listing (read) and linking (change permissions). */
  checkCategorisable(caller: Caller, node: NodeRow, forChange: boolean): void {
    const { permissions, dictionary } = this.ctx;
    if (forChange && !permissions.has(caller, node, 'ChangePermissions'))
      throw errors.permissionDenied(CATEGORY_MESSAGES.noChangePermission);
    if (!forChange && !permissions.has(caller, node, 'Read')) throw errors.permissionDenied(CATEGORY_MESSAGES.noReadPermission);
    const aspects = this.ctx.store.aspects(node.id);
    const excluded = [node.type, ...aspects].some((q) => NOT_CATEGORISABLE.some((x) => dictionary.isSubClassOf(q, x)));
    const expected = [node.type, ...aspects].some((q) => CATEGORISABLE.some((x) => dictionary.isSubClassOf(q, x)));
    if (excluded || !expected) throw new ApiError(422, 'framework.exception.InvalidNodeType', CATEGORY_MESSAGES.invalidNodeType);
  }

  /** How many nodes are in each category (include=count). */
  counts(): Map<string, number> {
    return this.ctx.store.categories.classifiedCounts();
  }

  toJson(category: NodeRow, include: Set<string>, counts?: Map<string, number>): CategoryJson {
    const parent = category.parent_id ? this.ctx.store.get(category.parent_id) : undefined;
    const out: CategoryJson = {
      id: category.id,
      name: category.name,
      parentId: !parent || this.isRoot(parent) ? CATEGORY_ROOT_ALIAS : parent.id,
      hasChildren: this.ctx.store.hasLiveChildren(category.id)
    };
    if (include.has('count')) out.count = (counts ?? this.counts()).get(category.id) ?? 0;
    // Path.toDisplayPath: the names of the ancestors below the store root, the category itself left out.
    if (include.has('path'))
      out.path =
        '/' +
        this.ctx.store
          .ancestors(category)
          .filter((n) => n.id !== this.ctx.wellKnown.root)
          .map((n) => n.name)
          .join('/');
    return out;
  }

  private categoryIds(node: NodeRow): string[] {
    const value = this.ctx.store.properties(node.id)['cm:categories'];
    return (Array.isArray(value) ? value : value ? [value] : []).map(String);
  }
}

function requiredName(name: unknown): string {
  if (typeof name !== 'string' || !name) throw errors.invalidArgument(CATEGORY_MESSAGES.nameRequired);
  return name;
}
