import type { RepositoryContext, WellKnownNodes } from './services/repository-context';
import type { NodeService } from './services/node-service';
import type { PeopleService } from './services/people-service';
import type { Caller } from './auth/caller';
import { alfDate } from './util/alf-date';
import { commitBatch, inTransaction } from './persistence/database';

const SYSTEM: Caller = { userId: 'System', isAdmin: true, authorities: new Set() };

/**
 * The folders a fresh ACS has, by primary association QName below the store root, with the titles and
 * descriptions of ACS's bootstrap (bootstrap/spaces.xml, messages/bootstrap-spaces.properties).
 */
const LAYOUT: {
  key: keyof WellKnownNodes;
  parent: keyof WellKnownNodes;
  name: string;
  qname: string;
  title: string;
  description: string;
  everyone?: string;
}[] = [
  {
    key: 'companyHome',
    parent: 'root',
    name: 'Company Home',
    qname: 'app:company_home',
    title: 'Company Home',
    description: 'The company root space',
    everyone: 'Consumer'
  },
  {
    key: 'dataDictionary',
    parent: 'companyHome',
    name: 'Data Dictionary',
    qname: 'app:dictionary',
    title: 'Data Dictionary',
    description: 'User managed definitions'
  },
  {
    key: 'models',
    parent: 'dataDictionary',
    name: 'Models',
    qname: 'app:models',
    title: 'Customized Models',
    description: 'Customized Models'
  },
  {
    key: 'workflowDefinitions',
    parent: 'dataDictionary',
    name: 'Workflow Definitions',
    qname: 'app:workflow_defs',
    title: 'Customized Workflow Process Definitions',
    description: 'Customized Workflow Process Definitions'
  },
  { key: 'userHomes', parent: 'companyHome', name: 'User Homes', qname: 'app:user_homes', title: 'User Homes', description: 'User Homes' },
  {
    key: 'shared',
    parent: 'companyHome',
    name: 'Shared',
    qname: 'app:shared',
    title: 'Shared Folder',
    description: 'Folder to store shared stuff',
    everyone: 'Contributor'
  },
  { key: 'sites', parent: 'companyHome', name: 'Sites', qname: 'st:sites', title: 'Sites', description: 'Site Collaboration Spaces' }
];

const GROUPS: [string, string][] = [
  ['GROUP_ALFRESCO_ADMINISTRATORS', 'ALFRESCO_ADMINISTRATORS'],
  ['GROUP_ALFRESCO_MODEL_ADMINISTRATORS', 'ALFRESCO_MODEL_ADMINISTRATORS'],
  ['GROUP_ALFRESCO_SEARCH_ADMINISTRATORS', 'ALFRESCO_SEARCH_ADMINISTRATORS'],
  ['GROUP_SITE_ADMINISTRATORS', 'SITE_ADMINISTRATORS'],
  ['GROUP_EMAIL_CONTRIBUTORS', 'EMAIL_CONTRIBUTORS']
];

/** Finds the well-known nodes, creating a fresh repository's layout, groups and admin on first start. */
export function bootstrap(ctx: RepositoryContext, nodes: NodeService, people: PeopleService, adminPassword = 'admin'): WellKnownNodes {
  const { db, store } = ctx;
  const found: Partial<WellKnownNodes> = {};
  const root = store.storeRootId();
  if (root) {
    found.root = root;
    for (const l of LAYOUT) found[l.key] = store.childIdByAssocQName(found[l.parent]!, l.qname, true)!;
    return found as WellKnownNodes;
  }
  // Committed before the repository serves anything, as one transaction of its own.
  const made = inTransaction(db, () => {
    const now = alfDate();
    const rootRow = store.insert({
      type: ctx.dictionary.getType('sys:store_root') ? 'sys:store_root' : 'cm:folder',
      parent_id: null,
      name: 'root',
      assoc_qname: 'sys:store_root',
      is_folder: 1,
      is_file: 0,
      inherits: 0,
      owner: null,
      created_at: now,
      created_by: 'System',
      modified_at: now,
      modified_by: 'System',
      content_url: null,
      mime_type: null,
      encoding: null,
      size: null,
      locked_by: null,
      lock_type: null,
      lock_lifetime: null,
      lock_expires: null
    });
    found.root = rootRow.id;
    ctx.wellKnown = found as WellKnownNodes;
    for (const l of LAYOUT) {
      const parent = store.require(found[l.parent]!);
      const node = nodes.create(SYSTEM, parent, {
        name: l.name,
        nodeType: l.qname === 'st:sites' && ctx.dictionary.getType('st:sites') ? 'st:sites' : 'cm:folder',
        properties: { 'cm:title': l.title, 'cm:description': l.description },
        system: { assocQName: l.qname }
      });
      store.addAspects(node.id, ['sys:undeletable']);
      found[l.key] = node.id;
      if (l.everyone) nodes.setPermissions(node.id, { locallySet: [{ authorityId: 'GROUP_EVERYONE', name: l.everyone }] });
    }
    for (const [id, name] of GROUPS) ctx.authorities.insertGroup(id, name, undefined, ['APP.DEFAULT', 'AUTH.ALF']);
    ctx.authorities.insertPerson({ id: 'admin', firstName: 'Administrator', email: 'admin@alfresco.com', password: adminPassword });
    ctx.authorities.addMember('GROUP_ALFRESCO_ADMINISTRATORS', 'admin');
    ctx.authorities.addMember('GROUP_ALFRESCO_MODEL_ADMINISTRATORS', 'admin');
    ctx.authorities.addMember('GROUP_ALFRESCO_SEARCH_ADMINISTRATORS', 'admin');
    ctx.authorities.addMember('GROUP_SITE_ADMINISTRATORS', 'admin');
    people.ensureHomeFolder(ctx.authorities.person('admin')!);
    return found as WellKnownNodes;
  });
  commitBatch(db);
  return made;
}
