/** Helpers of the workflow suites: deploy a BPMN file as a user would, and call the workflow API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NodesApi, UploadApi, type AlfrescoApi } from '@alfresco/js-api';
import { callPublicApi } from '../support/test-repository';

export const REFERENCE = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'alfresco-reference', 'workflow');

export function referenceXml(file: 'adhoc.bpmn20.xml' | 'review.bpmn20.xml'): string {
  return fs.readFileSync(path.join(REFERENCE, file), 'utf8');
}

/** Uploads BPMN XML to Data Dictionary › Workflow Definitions as a bpm:workflowDefinition, deployed or not. */
export async function uploadDefinition(api: AlfrescoApi, name: string, xml: string, deployed = true) {
  const file = new File([xml], name, { type: 'text/xml' });
  return new UploadApi(api).uploadFile(file, '', '-root-', undefined, {
    name,
    nodeType: 'bpm:workflowDefinition',
    relativePath: 'Data Dictionary/Workflow Definitions',
    'bpm:engineId': 'activiti',
    'bpm:definitionDeployed': String(deployed)
  } as never);
}

let bootstrapDir: string | undefined;

/**
 * Writes BPMN XML to a file for the repository's bootstrap deployment (`useTestRepository({ workflows })`),
 * the path ACS's WorkflowDeployer deploys its bundled definitions by: they run trusted.
 */
export function bootstrapFile(name: string, xml: string): string {
  if (!bootstrapDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acs-workflows-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    bootstrapDir = dir;
  }
  const file = path.join(bootstrapDir, name);
  fs.writeFileSync(file, xml);
  return file;
}

export function setDeployed(api: AlfrescoApi, nodeId: string, deployed: boolean) {
  return new NodesApi(api).updateNode(nodeId, { properties: { 'bpm:definitionDeployed': deployed } as never });
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A workflow API call through js-api's generic client; resolves to the JSON body. */
export function wf<T = any>(
  api: AlfrescoApi,
  method: Method,
  p: string,
  opts: { query?: Record<string, unknown>; body?: unknown } = {}
): Promise<T> {
  return callPublicApi<T>(api, 'workflow', method, p, { query: opts.query, body: opts.body });
}

export const entries = <T = any>(body: { list: { entries: { entry: T }[] } }): T[] => body.list.entries.map((e) => e.entry);

/** Starts a process and returns its entry. */
export async function startProcess(api: AlfrescoApi, key: string, variables: Record<string, unknown>, items: string[] = []) {
  return (await wf(api, 'POST', '/processes', { body: { processDefinitionKey: key, variables, items } })).entry;
}

/** The caller's active tasks of one process (ACS has no `-me-` alias in where: the user id is spelt out). */
export async function myTasks(api: AlfrescoApi, processId: string) {
  const me = api.getEcmUsername();
  return entries(await wf(api, 'GET', '/tasks', { query: { where: `(assignee = '${me}' AND processId = '${processId}')` } }));
}

export function completeTask(api: AlfrescoApi, taskId: string, variables?: unknown[]) {
  return wf(api, 'PUT', `/tasks/${taskId}`, {
    query: { select: variables ? 'state,variables' : 'state' },
    body: { state: 'completed', ...(variables ? { variables } : {}) }
  });
}

/**
 * Workflow items carry `createdBy`/`modifiedBy` as user ids, as a real ACS does (its Item model has String
 * fields); alfresco-workflow.yaml declares them Person objects. Those schema checks are skipped.
 */
export function ignoreItemPeople(recorder: { ignore(p: (e: { url: string; method: string; status: number }) => boolean): void }) {
  recorder.ignore((e) => e.method === 'GET' && e.status === 200 && /\/items(\?|$)/.test(e.url));
}

/** A one-process definition for the tests that write their own, in a namespace ACS runs sandboxed when uploaded. */
export const bpmn = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="http://eoffice.example/workflow">
  <process isExecutable="true" id="${id}" name="${id}">${body}</process>
</definitions>`;

/** The class Alfresco's script service tasks name. */
export const DELEGATE = 'org.alfresco.repo.workflow.activiti.script.AlfrescoScriptDelegate';
