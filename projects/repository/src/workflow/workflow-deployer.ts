import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Caller } from '../auth/caller';
import type { NodeRow } from '../persistence/node-row';
import type { NodePolicy } from '../services/policies';
import { errors } from '../errors/api-error';
import { inTransaction } from '../persistence/database';
import type { WorkflowEngine } from './engine';
import { parseBpmn } from './bpmn-parser';
import { CATEGORY_ALFRESCO_INTERNAL, CATEGORY_FULL_ACCESS } from './deployment-trust';

/**
 * Dynamic workflows: a bpm:workflowDefinition node (content = BPMN XML) with bpm:engineId 'activiti' and
 * bpm:definitionDeployed true is deployed; new content redeploys it as the next version; false or deletion
 * undeploys every deployment made from the node, with their processes (Activiti's cascade), as ACS does.
 */
export class WorkflowDeployer implements NodePolicy {
  constructor(private readonly engine: WorkflowEngine) {}

  private get ctx() {
    return this.engine.ctx;
  }

  private isDefinition(node: NodeRow): boolean {
    return this.ctx.dictionary.isSubClassOf(node.type, 'bpm:workflowDefinition');
  }

  private wantsDeployment(node: NodeRow): boolean {
    const p = this.ctx.store.properties(node.id);
    const deployed = p['bpm:definitionDeployed'];
    const engine = p['bpm:engineId'] ?? 'activiti';
    return (deployed === true || deployed === 'true') && engine === 'activiti';
  }

  private deployments(node: NodeRow): { id: string; source_content_url: string | null }[] {
    return this.engine.store.deploymentsFromNode(node.id);
  }

  private deploy(caller: Caller, node: NodeRow): void {
    if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can deploy workflow definitions');
    if (!node.content_url) throw errors.conflict(`Workflow definition ${node.name} has no content`);
    const xml = readFileSync(this.ctx.content.path(node.content_url), 'utf8');
    const { definitions } = this.engine.deploy(xml, { name: node.name, sourceNodeId: node.id, sourceContentUrl: node.content_url });
    this.ctx.store.setProperties(node.id, { 'bpm:definitionName': `activiti$${definitions[0].key}` });
  }

  private undeploy(caller: Caller, node: NodeRow): void {
    const existing = this.deployments(node);
    if (!existing.length) return;
    if (!caller.isAdmin) throw errors.permissionDenied('Only administrators can undeploy workflow definitions');
    for (const d of existing) this.engine.deleteDeployment(d.id);
  }

  private apply(caller: Caller, node: NodeRow): void {
    if (!this.wantsDeployment(node)) return this.undeploy(caller, node);
    const last = this.deployments(node).at(-1);
    if (!last || last.source_content_url !== node.content_url) this.deploy(caller, node);
  }

  onCreateNode(caller: Caller, node: NodeRow): void {
    if (this.isDefinition(node)) this.apply(caller, node);
  }

  onUpdateNode(caller: Caller, node: NodeRow): void {
    if (this.isDefinition(node)) this.apply(caller, node);
  }

  beforeDeleteNode(caller: Caller, node: NodeRow): void {
    if (this.isDefinition(node)) this.undeploy(caller, node);
  }

  /** At start: definition nodes marked deployed whose deployment is missing (older data) are deployed. */
  loadDeployed(): void {
    for (const node of this.engine.store.nodesMarkedDeployed()) {
      if (!this.isDefinition(node) || this.deployments(node).length) continue;
      try {
        inTransaction(this.ctx.db, () => this.deploy({ userId: 'System', isAdmin: true, authorities: new Set() }, node));
      } catch (e) {
        console.warn(`[repository] workflow definition ${node.id} (${node.name}) could not be deployed: ${(e as Error).message}`);
      }
    }
  }

  /**
   * The bootstrap deployment of ACS's WorkflowDeployer.init for its classpath definitions (workflowDeployers
   * beans, redeploy false): each BPMN file, or each *.bpmn20.xml / *.bpmn file of a folder, is deployed with
   * full access, so its scripts run trusted. A file whose (first) process key is already deployed is not
   * deployed again, whatever its content (ActivitiWorkflowEngine.isDefinitionDeployed compares keys), so a
   * restart adds no version; that deployment is given the full-access category instead unless it is internal
   * (checkDeploymentCategory). A file that cannot be deployed stops the start, as the bootstrap bean does.
   */
  bootstrap(locations: string[]): void {
    for (const file of locations.flatMap(bpmnFiles)) {
      const xml = readFileSync(file, 'utf8');
      const key = firstProcessKey(xml, file);
      inTransaction(this.ctx.db, () => {
        const latest = this.engine.store.latestDefinition(key);
        if (!latest) {
          this.engine.deploy(xml, { name: basename(file), fullAccess: true });
          return;
        }
        const siblings = this.engine.store.definitionCategoriesOf(latest.deployment_id);
        if (!siblings.every((c) => c === CATEGORY_ALFRESCO_INTERNAL)) {
          this.engine.store.setDeploymentCategory(latest.deployment_id, CATEGORY_FULL_ACCESS);
          this.engine.forgetDeployment(latest.deployment_id);
        }
      });
    }
  }
}

function bpmnFiles(location: string): string[] {
  if (!statSync(location).isDirectory()) return [location];
  return readdirSync(location)
    .filter((f) => /\.bpmn(20\.xml)?$/.test(f))
    .sort()
    .map((f) => join(location, f));
}

function firstProcessKey(xml: string, file: string): string {
  try {
    return parseBpmn(xml)[0].key;
  } catch (e) {
    throw new Error(`Workflow definition ${file} could not be deployed: ${(e as Error).message}`);
  }
}
