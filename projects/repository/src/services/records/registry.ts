import type { RepositoryContext } from '../repository-context';
import type { FilePlanComponents } from './file-plan';
import type { Records } from './records';
import type { Disposition } from './disposition';

/** The Governance Services a repository's scripts reach through the `actions` root object (AGS's actions). */
export interface Governance {
  fp: FilePlanComponents;
  records: Records;
  disposition: Disposition;
}

/**
 * The Governance Services of each repository, registered where they are built (handlers/registry.ts), found
 * by the workflow scripts' `actions` object: AGS registers its actions with the one ActionService, so a
 * script reaches them by name as it reaches core actions.
 */
const registered = new WeakMap<RepositoryContext, Governance>();

export function registerGovernance(ctx: RepositoryContext, gs: Governance): void {
  registered.set(ctx, gs);
}

/** The repository's Governance Services, or undefined where none were built (no AGS actions then). */
export function governanceOf(ctx: RepositoryContext): Governance | undefined {
  return registered.get(ctx);
}
