import type { RuleContext } from '@alfresco/adf-extensions';

/**
 * The navbar's "Transfer of charge" entry is drawn for administrators only (ACA's rule context knows the
 * signed-in profile). Only a convenience: the repository refuses a transfer to anyone else.
 */
export const CHARGE_EVALUATORS = { 'eoffice.isAdmin': (context: RuleContext) => !!context.profile?.isAdmin };
