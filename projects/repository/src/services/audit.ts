import type { Caller } from '../auth/caller';
import type { RepositoryContext } from './repository-context';
import { alfDate } from '../util/alf-date';

/** Appends an entry to the alfresco-access audit application (read by GET /nodes/{id}/audit-entries). */
export function recordAudit(ctx: RepositoryContext, caller: Caller, nodeId: string, action: string, values: Record<string, unknown>): void {
  ctx.audit.record({
    application: 'alfresco-access',
    node_id: nodeId,
    created_by: caller.userId,
    created_at: alfDate(),
    entry_values: JSON.stringify({
      '/alfresco-access/transaction/action': action,
      '/alfresco-access/transaction/user': caller.userId,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`/alfresco-access/transaction/${k}`, v]))
    })
  });
}
