import type { Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import type { NodeService } from './node-service';
import type { NodeRow } from '../persistence/node-row';
import { EVERYONE } from './authority-service';
import { SITE_ROLES } from './permission-service';
import { errors } from '../errors/api-error';
import { alfDate } from '../util/alf-date';
import type { SiteRow, Visibility } from '../persistence/site-store';

export type { SiteRow, Visibility } from '../persistence/site-store';
export type SiteRole = 'SiteManager' | 'SiteCollaborator' | 'SiteContributor' | 'SiteConsumer';

export const VISIBILITIES: Visibility[] = ['PUBLIC', 'MODERATED', 'PRIVATE'];
/** Strongest first: a person in several role groups holds the strongest role. */
const ROLE_ORDER: SiteRole[] = ['SiteManager', 'SiteCollaborator', 'SiteContributor', 'SiteConsumer'];
const SITE_ID = /^[A-Za-z0-9-]{1,72}$/;
const SITE_GROUP_ZONES = ['APP.SHARE', 'AUTH.ALF'];
export const SITE_ADMINS = 'GROUP_SITE_ADMINISTRATORS';

/** A site member: a person or group placed directly in a role group, or a person reached through such a group. */
/**
 * What kind of site to build: a collaboration site, or the records management site Governance Services
 * builds (rma:rmsite, preset rm-site-dashboard, its documentLibrary the file plan).
 */
export interface SiteShape {
  siteType: string;
  preset: string;
  libraryType: string;
  libraryProperties?: Record<string, unknown>;
}
const COLLABORATION_SITE: SiteShape = { siteType: 'st:site', preset: 'site-dashboard', libraryType: 'cm:folder' };

export interface SiteMembership {
  authority: string;
  role: SiteRole;
  /** The person is a member only through a group (ACS's isMemberOfGroup). */
  viaGroup: boolean;
}

export function isSiteRole(role: unknown): role is SiteRole {
  return typeof role === 'string' && (SITE_ROLES as string[]).includes(role);
}

/**
 * Sites as Alfresco builds them: an st:site node under Sites with inheritance off, a site group holding
 * four role groups, an ACE per role group on the site node (plus GROUP_EVERYONE for public and moderated
 * sites) and a documentLibrary container that inherits them. Membership is membership of a role group.
 */
export class SiteService {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly nodes: NodeService
  ) {}

  siteGroup(id: string): string {
    return `GROUP_site_${id}`;
  }

  roleGroup(id: string, role: SiteRole): string {
    return `GROUP_site_${id}_${role}`;
  }

  get(id: string): SiteRow | undefined {
    return this.ctx.sites.byId(id);
  }

  all(): SiteRow[] {
    return this.ctx.sites.all();
  }

  /** Site administrators manage every site without being members (GROUP_SITE_ADMINISTRATORS, admins). */
  isSiteAdmin(caller: Caller): boolean {
    return caller.isAdmin || caller.authorities.has(SITE_ADMINS);
  }

  /** The strongest role a set of authorities (a caller's, or a person's groups) holds in a site. */
  roleIn(site: SiteRow, authorities: Set<string>): SiteRole | undefined {
    return ROLE_ORDER.find((r) => authorities.has(this.roleGroup(site.id, r)));
  }

  /** Read afresh (not from the request's authorities) so a site created or joined in this request shows its role. */
  callerRole(caller: Caller, site: SiteRow): SiteRole | undefined {
    return this.personRole(caller.userId, site);
  }

  personRole(personId: string, site: SiteRow): SiteRole | undefined {
    return this.roleIn(site, this.ctx.authorities.containingGroups(personId));
  }

  /** Private sites are invisible (404) to everyone but their members and site administrators. */
  canSee(caller: Caller, site: SiteRow): boolean {
    return site.visibility !== 'PRIVATE' || this.isSiteAdmin(caller) || !!this.callerRole(caller, site);
  }

  visible(caller: Caller, id: string): SiteRow {
    const site = this.get(id);
    if (!site || !this.canSee(caller, site)) throw errors.notFound(id);
    return site;
  }

  isManager(caller: Caller, site: SiteRow): boolean {
    return this.isSiteAdmin(caller) || this.callerRole(caller, site) === 'SiteManager';
  }

  requireManager(caller: Caller, site: SiteRow): void {
    if (!this.isManager(caller, site)) throw errors.permissionDenied();
  }

  toJson(caller: Caller, site: SiteRow): Record<string, unknown> {
    const out: Record<string, unknown> = { id: site.id, guid: site.node_id, title: site.title };
    if (site.description) out.description = site.description;
    out.visibility = site.visibility;
    out.preset = site.preset;
    const role = this.callerRole(caller, site);
    if (role) out.role = role;
    return out;
  }

  create(caller: Caller, body: Record<string, unknown>, opts: { skipAddToFavorites: boolean; shape?: SiteShape }): SiteRow {
    const shape = opts.shape ?? COLLABORATION_SITE;
    const title = checkText(body.title, 'title', 256, true)!;
    const description = checkText(body.description, 'description', 512, false);
    const visibility = checkVisibility(body.visibility ?? 'PUBLIC');
    // Without an id ACS derives one from the title, keeping only the characters a site id allows.
    const id = body.id === undefined || body.id === null ? title.replace(/[^A-Za-z0-9-]/g, '') : body.id;
    if (typeof id !== 'string' || !SITE_ID.test(id))
      throw errors.invalidArgument(`Site id is invalid (1-72 letters, digits or dashes): ${String(id)}`);
    const sitesRoot = this.ctx.wellKnown.sites;
    // A site in the trashcan still holds its id, as in ACS.
    const clash = this.get(id) || this.ctx.sites.siteNodeNamed(sitesRoot, id.toLowerCase());
    if (clash) throw errors.conflict(`Site ${id} already exists`);

    const props: Record<string, unknown> = { 'cm:title': title, 'st:sitePreset': shape.preset, 'st:siteVisibility': visibility };
    if (description) props['cm:description'] = description;
    const node = this.nodes.create(caller, this.ctx.store.require(sitesRoot), {
      name: id,
      nodeType: shape.siteType,
      properties: props,
      system: {}
    });

    const { authorities } = this.ctx;
    authorities.insertGroup(this.siteGroup(id), `site_${id}`, undefined, SITE_GROUP_ZONES);
    for (const role of ROLE_ORDER) {
      authorities.insertGroup(this.roleGroup(id, role), `site_${id}_${role}`, undefined, SITE_GROUP_ZONES);
      authorities.addMember(this.siteGroup(id), this.roleGroup(id, role));
    }
    authorities.addMember(this.roleGroup(id, 'SiteManager'), caller.userId);
    this.nodes.setPermissions(node.id, {
      isInheritanceEnabled: false,
      locallySet: [...ROLE_ORDER.map((r) => ({ authorityId: this.roleGroup(id, r), name: r })), ...visibilityAces(visibility)]
    });
    this.nodes.create(caller, node, {
      name: 'documentLibrary',
      nodeType: shape.libraryType,
      aspectNames: ['st:siteContainer'],
      properties: { 'st:componentId': 'documentLibrary', ...shape.libraryProperties },
      system: {}
    });

    this.ctx.sites.insert({ id, node_id: node.id, title, description: description ?? null, visibility, preset: shape.preset });
    if (!opts.skipAddToFavorites) this.addFavorite(caller.userId, this.get(id)!);
    return this.get(id)!;
  }

  update(caller: Caller, site: SiteRow, body: Record<string, unknown>): SiteRow {
    this.requireManager(caller, site);
    const title = body.title === undefined ? site.title : checkText(body.title, 'title', 256, true)!;
    const description =
      body.description === undefined ? site.description : (checkText(body.description, 'description', 512, false) ?? null);
    const visibility = body.visibility === undefined ? site.visibility : checkVisibility(body.visibility);
    this.ctx.sites.update(site.id, title, description || null, visibility);
    const { store } = this.ctx;
    store.setProperties(site.node_id, { 'cm:title': title, 'cm:description': description || null, 'st:siteVisibility': visibility });
    store.touch(site.node_id, caller.userId);
    store.index(store.require(site.node_id), store.properties(site.node_id));
    if (visibility !== site.visibility) {
      // Only GROUP_EVERYONE's entry depends on visibility; other entries on the site node stay.
      const kept = this.ctx.permissions
        .localEntries(site.node_id)
        .filter((a) => a.authority !== EVERYONE)
        .map((a) => ({ authorityId: a.authority, name: a.permission, accessStatus: a.allowed ? 'ALLOWED' : 'DENIED' }));
      this.nodes.setPermissions(site.node_id, { locallySet: [...kept, ...visibilityAces(visibility)] });
    }
    return this.get(site.id)!;
  }

  /** Deletes the site: its node goes to the trashcan (or is purged), its groups and requests go. */
  delete(caller: Caller, site: SiteRow, permanent: boolean): void {
    this.requireManager(caller, site);
    const { sites, store, authorities } = this.ctx;
    sites.delete(site.id);
    for (const role of ROLE_ORDER) authorities.deleteGroup(this.roleGroup(site.id, role));
    authorities.deleteGroup(this.siteGroup(site.id));
    // sys:undeletable guards the site node against the nodes API; the site service itself may delete it.
    store.removeAspects(site.node_id, ['sys:undeletable']);
    // Site administrators need not hold Delete on the node: the check above is the site's own.
    this.nodes.delete({ ...caller, isAdmin: true }, store.require(site.node_id), permanent);
  }

  containers(site: SiteRow): { id: string; folderId: string; node: NodeRow }[] {
    return this.ctx.sites
      .containers(site.node_id)
      .map((n) => ({ id: String(this.ctx.store.properties(n.id)['st:componentId'] ?? n.name), folderId: n.id, node: n }));
  }

  /** Direct members (people and groups) of the role groups, then people reached through member groups. */
  memberships(site: SiteRow): SiteMembership[] {
    const { authorities } = this.ctx;
    const direct = new Map<string, SiteRole>();
    for (const role of [...ROLE_ORDER].reverse())
      for (const m of authorities.directMembers(this.roleGroup(site.id, role))) direct.set(m, role);
    const out: SiteMembership[] = [...direct].map(([authority, role]) => ({ authority, role, viaGroup: false }));
    const viaGroups = new Map<string, SiteRole>();
    for (const { authority, role } of out) {
      if (!authority.startsWith('GROUP_')) continue;
      for (const person of this.peopleIn(authority)) {
        const current = viaGroups.get(person);
        if (!direct.has(person) && (!current || ROLE_ORDER.indexOf(role) < ROLE_ORDER.indexOf(current))) viaGroups.set(person, role);
      }
    }
    for (const [authority, role] of viaGroups) out.push({ authority, role, viaGroup: true });
    return out;
  }

  private peopleIn(groupId: string, seen = new Set<string>()): string[] {
    if (seen.has(groupId)) return [];
    seen.add(groupId);
    return this.ctx.authorities.directMembers(groupId).flatMap((m) => (m.startsWith('GROUP_') ? this.peopleIn(m, seen) : [m]));
  }

  /** The role group an authority sits in directly, if any. */
  directRole(site: SiteRow, authority: string): SiteRole | undefined {
    return ROLE_ORDER.find((r) => this.ctx.authorities.directMembers(this.roleGroup(site.id, r)).includes(authority));
  }

  addMember(site: SiteRow, authority: string, role: SiteRole): void {
    if (this.directRole(site, authority)) throw errors.conflict(`${authority} is already a member of site ${site.id}`);
    this.ctx.authorities.addMember(this.roleGroup(site.id, role), authority);
  }

  /** Moves a direct member to another role; the last site manager cannot step down. */
  setRole(site: SiteRow, authority: string, role: SiteRole): void {
    const current = this.directRole(site, authority);
    if (!current) throw errors.relationshipNotFound(site.id, authority);
    if (current === role) return;
    if (current === 'SiteManager') this.requireAnotherManager(site, authority);
    this.ctx.authorities.removeMember(this.roleGroup(site.id, current), authority);
    this.ctx.authorities.addMember(this.roleGroup(site.id, role), authority);
  }

  removeMember(site: SiteRow, authority: string): void {
    const current = this.directRole(site, authority);
    if (!current) throw errors.relationshipNotFound(site.id, authority);
    if (current === 'SiteManager') this.requireAnotherManager(site, authority);
    this.ctx.authorities.removeMember(this.roleGroup(site.id, current), authority);
  }

  private requireAnotherManager(site: SiteRow, leaving: string): void {
    const others = this.ctx.authorities.directMembers(this.roleGroup(site.id, 'SiteManager')).filter((m) => m !== leaving);
    if (!others.length) throw errors.integrity(`The last site manager of ${site.id} cannot be removed or given another role`);
  }

  /** Site favourites live in `favorite` keyed by the site node id, as /favorites reports them (target.site.guid). */
  addFavorite(personId: string, site: SiteRow): boolean {
    return this.ctx.favorites.add(personId, site.node_id, 'site', alfDate());
  }

  removeFavorite(personId: string, site: SiteRow): boolean {
    return this.ctx.favorites.removeSite(personId, site.node_id);
  }

  isFavorite(personId: string, site: SiteRow): boolean {
    return this.ctx.favorites.isFavoriteSite(personId, site.node_id);
  }

  favoriteSites(personId: string): SiteRow[] {
    return this.ctx.favorites.sites(personId);
  }
}

/**
 * Visibility is carried by GROUP_EVERYONE's entry on the site node: SiteConsumer for public sites;
 * ReadPermissions only for moderated ones, so they can be listed and joined while their content stays
 * for members; nothing for private sites.
 */
function visibilityAces(visibility: Visibility): { authorityId: string; name: string }[] {
  if (visibility === 'PUBLIC') return [{ authorityId: EVERYONE, name: 'SiteConsumer' }];
  if (visibility === 'MODERATED') return [{ authorityId: EVERYONE, name: 'ReadPermissions' }];
  return [];
}

export function checkVisibility(v: unknown): Visibility {
  if (typeof v !== 'string' || !(VISIBILITIES as string[]).includes(v))
    throw errors.invalidArgument(`Invalid site visibility: ${String(v)} (PUBLIC, MODERATED or PRIVATE)`);
  return v as Visibility;
}

function checkText(v: unknown, name: string, max: number, required: boolean): string | undefined {
  if (v === undefined || v === null) {
    if (required) throw errors.invalidArgument(`Site ${name} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw errors.invalidArgument(`Site ${name} must be a string`);
  if (required && !v.trim()) throw errors.invalidArgument(`Site ${name} is required`);
  if (v.length > max) throw errors.invalidArgument(`Site ${name} exceeds the maximum length of ${max} characters`);
  return v;
}
