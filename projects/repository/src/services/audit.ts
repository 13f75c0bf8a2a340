import type { Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import { alfDate } from '../util/alf-date';

/** Appends an entry to the alfresco-access audit application (read by GET /nodes/{id}/audit-entries). */
export function recordAudit(ctx: RepositoryContext, caller: Caller, nodeId: string, action: string, values: Record<string, unknown>): void {
  ctx.db.prepare('INSERT INTO audit_entry (application, node_id, created_by, created_at, entry_values) VALUES (?,?,?,?,?)').run(
    'alfresco-access',
    nodeId,
    caller.userId,
    alfDate(),
    JSON.stringify({
      '/alfresco-access/transaction/action': action,
      '/alfresco-access/transaction/user': caller.userId,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`/alfresco-access/transaction/${k}`, v]))
    })
  );
}
