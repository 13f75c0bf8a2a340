import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import { WorkflowService } from './workflow-service';
import { WorkflowDeployer } from './workflow-deployer';
import { registerWorkflowService } from './service-registry';

export { WorkflowService } from './workflow-service';

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
  registerWorkflowService(ctx, service);
  return service;
}

export { workflowService } from './service-registry';
