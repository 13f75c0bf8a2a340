import type { RepositoryContext } from '../../services/repository-context';
import type { NodeService } from '../../services/node-service';
import type { NodeMapper } from '../../services/node-mapper';
import { FilePlanComponents } from '../../services/records/file-plan';
import { RetentionSchedules } from '../../services/records/retention-schedules';
import { Records } from '../../services/records/records';
import { Holds } from '../../services/records/holds';
import { RmSite } from '../../services/records/rm-site';
import { RecordRules } from '../../services/records/record-rules';
import { Disposition, SYSTEM_CLOCK } from '../../services/records/disposition';
import { SiteService } from '../../services/site-service';
import { Transfers } from '../../services/records/transfers';

/** The Governance Services the GS handlers call, built once per repository. */
export interface GsServices {
  fp: FilePlanComponents;
  schedules: RetentionSchedules;
  records: Records;
  holds: Holds;
  site: RmSite;
  disposition: Disposition;
  transfers: Transfers;
}

export function gsServices(ctx: RepositoryContext, nodes: NodeService, mapper: NodeMapper): GsServices {
  const fp = new FilePlanComponents(ctx, nodes, mapper);
  const disposition = new Disposition(fp, ctx.retentionClock ?? SYSTEM_CLOCK);
  const records = new Records(fp, disposition);
  // AGS's rules on records and holds hold for the core API too: they are node policies.
  ctx.policies.push(
    new RecordRules(
      fp,
      (node) => records.fileNew(node),
      (node) => records.makeUnfiled(node)
    )
  );
  return {
    fp,
    disposition,
    transfers: new Transfers(fp, disposition),
    schedules: new RetentionSchedules(fp, disposition),
    records,
    holds: new Holds(fp),
    site: new RmSite(fp, new SiteService(ctx, nodes))
  };
}

/** A body that is one object or an array of them (the GS create operations take both). */
export function objectsOf(body: unknown): { items: Record<string, unknown>[]; many: boolean } {
  const many = Array.isArray(body);
  const items = (many ? body : [body]) as unknown[];
  if (!items.length || items.some((i) => !i || typeof i !== 'object' || Array.isArray(i))) return { items: [], many };
  return { items: items as Record<string, unknown>[], many };
}
