import type { RepositoryContext } from '../services/repository-context';
import type { NodeService } from '../services/node-service';
import { WorkflowService } from './workflow-service';
import { WorkflowDeployer } from './workflow-deployer';

export { WorkflowService } from './workflow-service';

const services = new WeakMap<RepositoryContext, WorkflowService>();

/** Creates the workflow service of a repository, registers its deployment policy and deploys pending definitions. */
export function installWorkflow(ctx: RepositoryContext, nodes: NodeService): WorkflowService {
  const service = new WorkflowService(ctx, nodes);
  const deployer = new WorkflowDeployer(service.engine);
  ctx.policies.push(deployer);
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
