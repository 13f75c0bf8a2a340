import type { RepositoryContext } from '../services/repository-context';
import type { WorkflowService } from './workflow-service';

/**
 * The workflow service of each repository: installWorkflow (index.ts) registers it, the REST handlers and the
 * scripts' `workflow` object find it here. A module of its own so that what the engine loads (script-model.ts)
 * never imports the module that builds the engine.
 */
const services = new WeakMap<RepositoryContext, WorkflowService>();

export function registerWorkflowService(ctx: RepositoryContext, service: WorkflowService): void {
  services.set(ctx, service);
}

/** The workflow service installed for a repository. */
export function workflowService(ctx: RepositoryContext): WorkflowService {
  const s = services.get(ctx);
  if (!s) throw new Error('Workflow is not installed in this repository (installWorkflow in server.ts)');
  return s;
}
