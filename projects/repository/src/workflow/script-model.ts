import type { ExecutionRow, TaskRow } from '../persistence/workflow-store';
import type { Run, WorkflowEngine } from './engine';
import { asGlobal, javaPackages, type JavaScope } from './java-host';
import { createExecutionApi, createTaskApi } from './script-api';
import { repositoryGlobals } from './script-runtime';
import { workflowManager } from './script-workflow';
import { scriptPreferenceService } from './script-preferences';
import { toScript } from './variables';
import { workflowService } from './service-registry';

/**
 * The root scope of a workflow script, built as Alfresco builds it: ScriptExecutionListener /
 * ScriptTaskListener.getInputMap (person, userhome, `execution`, `task`, then every variable of the
 * execution), ScriptService.buildCoreModel (companyhome, people, search, … and the `workflow` extension),
 * then RhinoScriptProcessor puts each entry through Context.javaToJS (java-host.ts asGlobal).
 */

/**
 * The scope a script of this process runs in: trusted for a deployment of Alfresco's internal or full-access
 * category (the definitions deployed at bootstrap), sandboxed for one deployed from Data Dictionary ›
 * Workflow Definitions (ActivitiScriptBase.isSecure, deployment-trust.ts). A sandboxed script has no
 * `java`/`Packages` and sees a java.util.List with its Java methods only (RhinoScriptProcessor.initScope).
 */
export function javaScopeOf(engine: WorkflowEngine, run: Run): JavaScope {
  const definition = engine.store.definition(run.process.definition_id);
  return { secure: !!definition && engine.deployedProcesses(definition.deployment_id).trusted };
}

export function scriptModel(
  engine: WorkflowEngine,
  run: Run,
  exec: ExecutionRow,
  opts: { task?: TaskRow; eventName?: string }
): Record<string, unknown> {
  const host = engine.host(run.caller);
  const scope = javaScopeOf(engine, run);
  const model: Record<string, unknown> = {};
  // DelegateExecution.getVariables() (also for a task listener: delegateTask.getExecution()): the variables
  // of the execution and its parents; a task's local variables are not among them.
  for (const [k, v] of engine.visibleVariables(exec.id)) model[k] = asGlobal(toScript(host, v), scope.secure);
  model.execution = createExecutionApi(engine, run, exec.id, opts.eventName, scope);
  if (opts.task) model.task = createTaskApi(engine, run, opts.task.id, opts.eventName, scope);
  else if (opts.eventName) {
    // ScriptExecutionListener: the delete reason as two flags.
    model.deleted = false;
    model.cancelled = false;
  }
  Object.assign(model, repositoryGlobals(host), {
    workflow: workflowManager(() => workflowService(engine.ctx), host),
    preferenceService: scriptPreferenceService(host)
  });
  if (scope.secure) Object.assign(model, javaPackages(scope));
  return model;
}
