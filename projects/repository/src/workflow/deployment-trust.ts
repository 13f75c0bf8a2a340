/**
 * Whether the scripts of a deployment run trusted, recorded as Alfresco records it: in the deployment's
 * category. ActivitiWorkflowEngine.deployDefinition sets it to the internal category when every process of the
 * file declares targetNamespace "http://alfresco.org/workflows/internal", else to the full-access category when
 * the deployment comes from WorkflowDeployer's bootstrap (the classpath definitions, fullAccess = true), and
 * leaves it unset for a definition deployed from Data Dictionary › Workflow Definitions.
 * ActivitiScriptBase.isSecure then runs the scripts of the first two unsandboxed (`java`/`Packages`,
 * NativeJavaList views) and every other one in RhinoScriptProcessor's sandbox.
 */

export const CATEGORY_ALFRESCO_INTERNAL = 'http://alfresco.org/workflows/internal';
export const CATEGORY_FULL_ACCESS = 'http://alfresco.org/workflows/fullAccess';

/** The category a new deployment gets from the categories (target namespaces) of its processes. */
export function deploymentCategory(processCategories: (string | undefined)[], fullAccess: boolean): string | null {
  if (processCategories.length && processCategories.every((c) => c === CATEGORY_ALFRESCO_INTERNAL)) return CATEGORY_ALFRESCO_INTERNAL;
  return fullAccess ? CATEGORY_FULL_ACCESS : null;
}

/** ActivitiScriptBase.isSecure. */
export function runsTrusted(category: string | null | undefined): boolean {
  return category === CATEGORY_ALFRESCO_INTERNAL || category === CATEGORY_FULL_ACCESS;
}
