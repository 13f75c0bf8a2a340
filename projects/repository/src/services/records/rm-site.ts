import type { Caller } from '../../auth/caller';
import type { SiteRow, SiteService } from '../site-service';
import { errors } from '../../errors/api-error';
import { RM, RM_SITE_ID, SPECIAL_CONTAINERS, type FilePlanComponents } from './file-plan';

const COMPLIANCE = ['STANDARD', 'DOD5015'];

/**
 * The records management site (RMSitesImpl, RmSiteType): always `rm`, public, preset rm-site-dashboard;
 * creating it builds the file plan (its documentLibrary), the Holds, Transfers and Unfiled Records
 * containers, and the file plan's role groups with the creator and admin as Records Management
 * Administrators. The GS site calls refuse any other id with 400, as AGS does.
 */
export class RmSite {
  constructor(
    private readonly fp: FilePlanComponents,
    private readonly sites: SiteService
  ) {}

  get(id: string): SiteRow {
    if (id !== RM_SITE_ID) throw errors.invalidArgument(`GET is supported only for siteId = ${RM_SITE_ID}.`);
    const site = this.sites.get(RM_SITE_ID);
    if (!site) throw errors.notFound(RM_SITE_ID);
    return site;
  }

  create(caller: Caller, body: Record<string, unknown>, opts: { skipAddToFavorites: boolean }): SiteRow {
    const compliance = body.compliance ?? 'STANDARD';
    if (typeof compliance !== 'string' || !COMPLIANCE.includes(compliance))
      throw errors.invalidArgument(`Invalid compliance: ${String(compliance)}`);
    // DoD 5015.2 compliance needs the dod: model, which this repository does not carry.
    if (compliance === 'DOD5015') throw errors.invalidArgument('DOD5015 compliance is not supported by this repository');
    if (typeof body.title !== 'string' || !body.title.trim()) throw errors.invalidArgument(`Site title is expected: ${String(body.title)}`);
    if (this.sites.get(RM_SITE_ID)) throw errors.conflict(`Site ${RM_SITE_ID} already exists`);
    const site = this.sites.create(
      caller,
      { id: RM_SITE_ID, title: body.title, description: body.description, visibility: 'PUBLIC' },
      {
        skipAddToFavorites: opts.skipAddToFavorites,
        shape: { siteType: RM.site, preset: 'rm-site-dashboard', libraryType: RM.filePlan, libraryProperties: { 'rma:identifier': '-' } }
      }
    );
    const filePlan = this.fp.requireFilePlan();
    this.fp.stamp(filePlan, filePlan.id);
    for (const c of SPECIAL_CONTAINERS) this.fp.createComponent(caller, filePlan, { name: c.name, nodeType: c.type });
    this.fp.roles.bootstrap(filePlan.id, caller.userId);
    // The file plan keeps its own permissions: every role reads it, managers run it (AGS grants the
    // capabilities as permissions there; the capability checks themselves are in the GS services).
    this.fp.nodes.setPermissions(filePlan.id, {
      isInheritanceEnabled: false,
      locallySet: [
        { authorityId: this.fp.roles.allRolesGroup(filePlan.id), name: 'Consumer' },
        { authorityId: this.fp.roles.roleGroup(filePlan.id, 'Administrator'), name: 'Coordinator' },
        { authorityId: this.fp.roles.roleGroup(filePlan.id, 'RecordsManager'), name: 'Coordinator' },
        { authorityId: this.fp.roles.roleGroup(filePlan.id, 'PowerUser'), name: 'Collaborator' },
        { authorityId: this.fp.roles.roleGroup(filePlan.id, 'SecurityOfficer'), name: 'Collaborator' }
      ]
    });
    return site;
  }

  update(caller: Caller, id: string, body: Record<string, unknown>): SiteRow {
    if (id !== RM_SITE_ID) throw errors.invalidArgument(`The Update is supported only for siteId = ${RM_SITE_ID}.`);
    for (const field of ['id', 'guid', 'role', 'preset', 'compliance', 'visibility'])
      if (field in body) throw errors.invalidArgument(`Site update does not support field: ${field}`);
    const site = this.get(id);
    return this.sites.update(caller, site, { title: body.title, description: body.description });
  }

  delete(caller: Caller, id: string, query: Record<string, string | undefined>): void {
    if (id !== RM_SITE_ID) throw errors.invalidArgument(`The Deletion is supported only for siteId = ${RM_SITE_ID}.`);
    if (query.permanent !== undefined) throw errors.invalidArgument('DELETE does not support parameter: permanent');
    const site = this.get(id);
    const filePlan = this.fp.requireFilePlan();
    for (const role of this.fp.roles.groupsOf(filePlan.id)) this.fp.ctx.authorities.deleteGroup(role);
    this.sites.delete(caller, site, false);
  }

  toJson(caller: Caller, site: SiteRow): Record<string, unknown> {
    const out: Record<string, unknown> = { id: site.id, guid: site.node_id, title: site.title };
    if (site.description) out.description = site.description;
    out.visibility = site.visibility;
    out.compliance = 'STANDARD';
    const role = this.sites.callerRole(caller, site);
    if (role) out.role = role;
    return out;
  }
}
