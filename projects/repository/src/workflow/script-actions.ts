import type { NodeRow } from '../persistence/node-row';
import { ApiError } from '../errors/api-error';
import { governanceOf, type Governance } from '../services/records/registry';
import { JavaString, unwrapJava } from './java-host';
import { PersonNode, ScriptNode, authorityOf, type ScriptHost } from './script-node';
import { afterCommit } from '../persistence/database';
import { prepareMail, type MailDirectory, type MailParameters } from '../mail/mail-action';

/**
 * The `actions` root object (org.alfresco.repo.jscript.Actions, ScriptActionService): `create(name)` gives a
 * ScriptAction for a registered action and null for any other name (ActionService.getActionDefinition is
 * null), `action.parameters[...]` is its ScriptableParameterMap, `action.execute(node)` runs the executer on
 * the node in the caller's transaction and then drops the node's cached properties (ScriptNode.reset()).
 *
 * Registered here: `mail` (sent through the repository's outbound SMTP settings, mail/) and, where the repository has Governance
 * Services, AGS's record actions by their bean names (amps/ags/rm-community/rm-community-repo,
 * action-context.xml and rm-action-context.xml): `create-record`, `fileTo`, `declareRecord`, `completeEvent`,
 * `closeRecordFolder`, `openRecordFolder`. Each does what its executer does when the core ActionService runs
 * it (services/records/records.ts): the refusals AGS throws are thrown (the workflow's error), and what AGS
 * ignores (a frozen node, a node of the wrong kind for closeRecordFolder, declareRecord, completeEvent) is
 * ignored.
 */

/** An action's parameter definitions: name, Java type, mandatory (ParameterDefinitionImpl). */
type ParamType = 'text' | 'boolean' | 'noderef' | 'date';
interface ActionDefinition {
  params: Record<string, { type: ParamType; mandatory?: boolean }>;
  /** Runs the executer on the node with the converted parameters; a value is the action's result parameter. */
  run(gs: Governance, host: ScriptHost, node: NodeRow, params: Record<string, unknown>): string | undefined;
}

const RECORD_ACTIONS: Record<string, ActionDefinition> = {
  'create-record': {
    params: { 'file-plan': { type: 'noderef' }, path: { type: 'text' }, 'hide-record': { type: 'boolean' } },
    run: (gs, host, node, p) => {
      gs.records.createRecordAction(host.caller, node, { path: p.path as string | undefined, hideRecord: p['hide-record'] as boolean });
      return undefined;
    }
  },
  fileTo: {
    params: { destinationRecordFolder: { type: 'noderef' }, path: { type: 'text' }, createRecordPath: { type: 'boolean' } },
    run: (gs, _host, node, p) => {
      const destination = p.destinationRecordFolder ? gs.fp.ctx.store.get(String(p.destinationRecordFolder)) : undefined;
      gs.records.fileToAction(node, { destination, path: p.path as string | undefined, createRecordPath: p.createRecordPath as boolean });
      return undefined;
    }
  },
  declareRecord: { params: {}, run: (gs, host, node) => gs.records.declareRecordAction(host.caller, node) },
  completeEvent: {
    params: {
      eventName: { type: 'text', mandatory: true },
      eventCompletedBy: { type: 'text' },
      eventCompletedAt: { type: 'date' }
    },
    run: (gs, host, node, p) => {
      // CompleteEventAction: only an item with a retention lifecycle that is not frozen.
      if (!gs.fp.has(node, 'rma:dispositionLifecycle') || gs.fp.isFrozen(node)) return undefined;
      gs.disposition.completeEvent(host.caller, node, String(p.eventName), {
        completedBy: p.eventCompletedBy as string | undefined,
        completedAt: p.eventCompletedAt as Date | undefined
      });
      return undefined;
    }
  },
  closeRecordFolder: {
    params: { closeParent: { type: 'boolean' } },
    run: (gs, host, node) => (gs.records.closeOrOpenAction(host.caller, node, true), undefined)
  },
  openRecordFolder: {
    params: { openParent: { type: 'boolean' } },
    run: (gs, host, node) => (gs.records.closeOrOpenAction(host.caller, node, false), undefined)
  }
};

/** A Java exception an action meets, surfacing in the script with its own message (as Rhino unwraps it). */
const javaException = (message: string) => new ApiError(500, 'framework.exception.ApiDefault', message);

const JAVA_CLASS: Record<ParamType, string> = {
  text: 'java.lang.String',
  boolean: 'java.lang.Boolean',
  noderef: 'org.alfresco.service.cmr.repository.NodeRef',
  date: 'java.util.Date'
};

/**
 * A script value as ScriptAction.performParamConversionForRepo hands it to the executer (ValueConverter
 * .convertValueForRepo): a ScriptNode becomes its NodeRef, a JS Date a java.util.Date, strings and booleans
 * stay. The executer casts each parameter to its declared type; another type fails there with Java's
 * ClassCastException, as it would in ACS.
 */
function toRepo(action: string, name: string, type: ParamType | undefined, given: unknown): unknown {
  const v = unwrapJava(given);
  if (v === null || v === undefined) return undefined;
  // A script's Date comes from the script's own realm: recognised by its class, not by instanceof.
  const isDate = Object.prototype.toString.call(v) === '[object Date]';
  const value =
    v instanceof ScriptNode ? v.nodeId : v instanceof PersonNode ? authorityOf(v) : isDate ? new Date((v as Date).getTime()) : v;
  if (!type) return value;
  const fits =
    type === 'text'
      ? typeof value === 'string'
      : type === 'boolean'
        ? typeof value === 'boolean'
        : type === 'date'
          ? value instanceof Date
          : v instanceof ScriptNode;
  if (!fits) {
    const from = typeof value === 'string' ? 'java.lang.String' : typeof value === 'boolean' ? 'java.lang.Boolean' : 'java.lang.Object';
    throw javaException(
      `java.lang.ClassCastException: class ${from} cannot be cast to class ${JAVA_CLASS[type]} (parameter ${name} of action ${action})`
    );
  }
  return value;
}

/**
 * The mail action as scripts build it (parameters, then execute(node)), sent as MailActionExecuter sends it
 * (mail/mail-action.ts): at once, failing the script unless `ignore_send_failure`; or with
 * `send_after_commit` once the transaction that asked for it is durable, and never if it rolls back.
 */
function mailAction(host: ScriptHost) {
  const parameters: Record<string, unknown> = {};
  const { ctx } = host;
  return {
    name: new JavaString('mail'),
    parameters,
    execute(node?: unknown) {
      // Only when the actioned-upon node, if any, still exists (validNodeRefIfPresent).
      if (node instanceof ScriptNode && !ctx.store.get(node.nodeId)) return;
      const params = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, mailValue(v)])) as MailParameters;
      let message;
      try {
        message = prepareMail(params, mailDirectory(ctx), ctx.mail.settings, host.caller.userId);
      } catch (e) {
        throw javaException(`org.alfresco.error.AlfrescoRuntimeException: ${(e as Error).message}`);
      }
      // No recipient, or none with an address: ACS skips the message with a warning.
      if (!message) return;
      const to = (params.to ?? params.to_many ?? '').toString();
      // executeImpl casts send_after_commit to Boolean once a message is prepared, and sendEmail casts
      // ignore_send_failure only when a send fails: another type fails there with Java's ClassCastException.
      if (toRepo('mail', 'send_after_commit', 'boolean', params.send_after_commit) === true) {
        afterCommit(ctx.db, () => {
          ctx.mail.send(message).catch((e: Error) => console.error(`[repository] Failed to send email to ${to} : ${e.message}`));
        });
        return;
      }
      try {
        ctx.mail.sendNow(message);
      } catch (e) {
        console.error(`[repository] Failed to send email to ${to} : ${(e as Error).message}`);
        if (toRepo('mail', 'ignore_send_failure', 'boolean', params.ignore_send_failure) !== true)
          throw javaException(`org.alfresco.error.AlfrescoRuntimeException: Failed to send email to:${to}`);
      }
    }
  };
}

/** A parameter as the executer receives it: a person as its user name, a node as its reference, a JS array as a list. */
function mailValue(given: unknown): unknown {
  const v = unwrapJava(given);
  if (v instanceof PersonNode) return authorityOf(v);
  if (v instanceof ScriptNode) return `workspace://SpacesStore/${v.nodeId}`;
  if (Array.isArray(v)) return v.map(mailValue);
  if (v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number')
    return Array.from(v as ArrayLike<unknown>, mailValue);
  return v === undefined ? null : v;
}

/** People and groups as the mail action looks them up (PersonService, AuthorityService). */
function mailDirectory(ctx: ScriptHost['ctx']): MailDirectory {
  const usersIn = (group: string, seen = new Set<string>()): string[] => {
    if (seen.has(group)) return [];
    seen.add(group);
    return ctx.authorities.directMembers(group).flatMap((m) => (m.startsWith('GROUP_') ? usersIn(m, seen) : [m]));
  };
  return {
    person: (u) => {
      const p = ctx.authorities.person(u);
      return p ? { email: p.email, enabled: p.enabled === 1 } : undefined;
    },
    usersIn: (g) => [...new Set(usersIn(g))],
    allUsers: () => ctx.authorities.store.allPeople().map((p) => p.id)
  };
}

/** A records management action as a ScriptAction: `name`, `parameters`, `execute(node)`. */
function recordAction(host: ScriptHost, gs: Governance, name: string, def: ActionDefinition) {
  let parameters: Record<string, unknown> = {};
  const action = {
    name: new JavaString(name),
    get parameters() {
      return parameters;
    },
    execute(node: unknown) {
      if (!(node instanceof ScriptNode))
        throw new TypeError(`Can't find method org.alfresco.repo.jscript.ScriptAction.execute(${typeof node}).`);
      const converted: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(parameters)) converted[k] = toRepo(name, k, def.params[k]?.type, v);
      // ParameterizedItemAbstractBase.checkMandatoryProperties (a RuleServiceException).
      for (const [k, p] of Object.entries(def.params))
        if (p.mandatory && converted[k] === undefined)
          throw javaException(`A value for the mandatory parameter ${k} has not been set on the rule item ${name}`);
      const row = gs.fp.ctx.store.get(node.nodeId);
      // Actions on a node that is gone do nothing (their executers check nodeService.exists first).
      if (!row) return;
      const result = def.run(gs, host, row, converted);
      // ScriptAction.execute drops its cached parameters (the executer may have set `result`) and the node's.
      parameters = { ...parameters, ...(result !== undefined ? { result } : {}) };
      node.reset();
    }
  };
  return action;
}

/** The `actions` root object of a script run. */
export function scriptActions(host: ScriptHost) {
  return {
    create: (given: unknown) => {
      const name = String(unwrapJava(given));
      if (name === 'mail') return mailAction(host);
      const gs = governanceOf(host.ctx);
      const def = Object.prototype.hasOwnProperty.call(RECORD_ACTIONS, name) ? RECORD_ACTIONS[name] : undefined;
      return gs && def ? recordAction(host, gs, name, def) : null;
    }
  };
}
