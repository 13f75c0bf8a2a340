import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import { WorkflowService } from './workflow-service';
import { WorkflowDeployer } from './workflow-deployer';

export { WorkflowService } from './workflow-service';

const services = new WeakMap<RepositoryContext, WorkflowService>();

/**
 * Creates the workflow service of a repository, registers its deployment policy, deploys the bootstrap
 * definitions (trusted, as ACS's classpath ones) and then the pending Data Dictionary ones.
 */
export function installWorkflow(ctx: RepositoryContext, nodes: NodeService, bootstrapDefinitions: string[] = []): WorkflowService {
  const service = new WorkflowService(ctx, nodes);
  const deployer = new WorkflowDeployer(service.engine);
  ctx.policies.push(deployer);
  deployer.bootstrap(bootstrapDefinitions);
  deployer.loadDeployed();
  services.set(ctx, service);
  return service;
}

/** The workflow service installed for a repository (the REST handlers find it here). */
export function workflowService(ctx: RepositoryContext): WorkflowService {
  const s = services.get(ctx);
  if (!s) throw new Error('Workflow is not installed in this repository (installWorkflow in server.ts)');
  return s;
}
