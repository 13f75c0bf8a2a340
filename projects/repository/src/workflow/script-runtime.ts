import vm from 'node:vm';
import type { NodeRow } from '../persistence/node-row';
import { alfDate } from '../http/api';
import { runSearch } from '../search';
import { GroupNode, PersonNode, ScriptNode, authorityOf, nodeIdOf, type ScriptHost } from './script-node';
import { javaString, unwrapJava } from './java-host';
import { ApiError } from '../errors/api-error';

/**
 * Runs listener and script-task JavaScript with the root objects of Alfresco's repository JavaScript API
 * (the subset in docs/workflow-scripts.md). Each script gets a fresh node:vm context and a time limit; it
 * runs synchronously inside the request's transaction, so whatever it changed is rolled back if it throws.
 * node:vm is not a security boundary: only administrators can deploy definitions, as in ACS.
 */

export const SCRIPT_TIMEOUT_MS = Number(process.env.EOFFICE_SCRIPT_TIMEOUT_MS ?? 5000);

export class ScriptFailure extends Error {
  constructor(
    readonly where: string,
    readonly cause: unknown
  ) {
    const inner = cause instanceof Error ? cause.message : String(cause);
    super(`${where}: ${inner}`);
  }
}

const log =
  (level: string) =>
  (...args: unknown[]) => {
    if (process.env.EOFFICE_SCRIPT_LOG) console.error(`[workflow script ${level}]`, ...args);
  };

/** A mail action as scripts build it: parameters then execute(node); recorded in wf_mail, never sent. */
function mailAction(host: ScriptHost, processId: string | undefined) {
  const parameters: Record<string, unknown> = {};
  return {
    name: 'mail',
    parameters,
    execute(node?: ScriptNode) {
      const plain = Object.fromEntries(
        Object.entries(parameters).map(([k, given]) => {
          const v = unwrapJava(given);
          return [
            k,
            v instanceof PersonNode ? authorityOf(v) : v === undefined ? null : typeof v === 'object' && v !== null ? String(v) : v
          ];
        })
      );
      host.ctx.db
        .prepare('INSERT INTO wf_mail (process_id, sent_by, parameters, node_id, created_at) VALUES (?,?,?,?,?)')
        .run(processId ?? null, host.caller.userId, JSON.stringify(plain), node instanceof ScriptNode ? node.nodeId : null, alfDate());
    }
  };
}

/** The repository root objects: people, search, companyhome, userhome, person, logger, actions, utils. */
export function repositoryGlobals(host: ScriptHost, processId?: string): Record<string, unknown> {
  const { ctx, caller } = host;
  const me = ctx.authorities.person(caller.userId);
  const readable = (row: NodeRow | undefined) => !!row && ctx.permissions.has(caller, row, 'Read');
  const findNode = (ref: unknown): ScriptNode | null => {
    if (ref instanceof ScriptNode) return ref;
    const row = ctx.store.get(nodeIdOf(javaString(ref)));
    return readable(row) ? new ScriptNode(host, row!.id) : null;
  };
  const query = (q: string, language = 'afts', page?: { maxItems?: number; skipCount?: number }): ScriptNode[] => {
    const outcome = runSearch(
      {
        db: ctx.db,
        subClassesOf: (c) => {
          const cls = ctx.dictionary.getClass(c);
          return cls ? [cls.name, ...ctx.dictionary.subClassesOf(cls.name).map((x) => x.name)] : [c];
        },
        propertyDataType: (p) => ctx.dictionary.getProperty(p)?.dataType,
        propertyTokenised: (p) => ctx.dictionary.getProperty(p)?.index?.tokenised,
        readFilter: (alias) => ctx.permissions.readFilter(caller, alias)
      },
      { query: { query: q, language }, paging: { maxItems: page?.maxItems ?? 1000, skipCount: page?.skipCount ?? 0 } }
    );
    return outcome.nodeIds.map((id) => new ScriptNode(host, id));
  };
  const person = (p: unknown): string => (p instanceof PersonNode ? authorityOf(p) : javaString(p));
  const group = (g: unknown): string => (g instanceof GroupNode ? authorityOf(g) : javaString(g));
  return {
    companyhome: new ScriptNode(host, ctx.wellKnown.companyHome),
    userhome: me?.home_folder_id && ctx.store.get(me.home_folder_id) ? new ScriptNode(host, me.home_folder_id) : null,
    person: me ? new PersonNode(host, me.id, me) : null,
    people: {
      getPerson: (userName: unknown) => (ctx.authorities.person(javaString(userName)) ? new PersonNode(host, javaString(userName)) : null),
      getGroup: (name: unknown) => (ctx.authorities.group(javaString(name)) ? new GroupNode(host, javaString(name)) : null),
      getMembers: (g: unknown, recurse: unknown = true) => {
        const out = new Set<string>();
        const visit = (id: string) => {
          for (const m of ctx.authorities.directMembers(id)) {
            if (!m.startsWith('GROUP_')) out.add(m);
            else if (unwrapJava(recurse)) visit(m);
          }
        };
        visit(group(g));
        return [...out].map((u) => new PersonNode(host, u));
      },
      getContainerGroups: (p: unknown) => [...ctx.authorities.containingGroups(person(p))].sort().map((g) => new GroupNode(host, g)),
      isAdmin: (p: unknown) => ctx.authorities.containingGroups(person(p)).has('GROUP_ALFRESCO_ADMINISTRATORS'),
      isGuest: (p: unknown) => person(p) === 'guest'
    },
    search: {
      findNode,
      luceneSearch: (q: unknown) => query(javaString(q), 'lucene'),
      query: (def: { query: unknown; language?: unknown; page?: { maxItems?: number; skipCount?: number } }) =>
        query(javaString(def.query), def.language === undefined ? 'afts' : javaString(def.language), def.page)
    },
    logger: {
      log: log('log'),
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      isLoggingEnabled: () => !!process.env.EOFFICE_SCRIPT_LOG,
      isDebugLoggingEnabled: () => false
    },
    actions: {
      create: (given: unknown) => {
        const name = javaString(given);
        if (name !== 'mail') throw new Error(`Action ${name} is not available in this repository (only 'mail')`);
        return mailAction(host, processId);
      }
    },
    utils: {
      pad: (s: unknown, len: number) => javaString(s).padStart(len, '0'),
      toBoolean: (s: unknown) => javaString(s).toLowerCase() === 'true',
      getNodeFromString: (ref: unknown) => findNode(ref),
      shortQName: (q: unknown) => ctx.dictionary.tryPrefix(javaString(q)) ?? javaString(q),
      longQName: (q: unknown) => ctx.dictionary.expand(javaString(q)),
      toISO8601: (d: Date | number) => new Date(d).toISOString(),
      fromISO8601: (s: string) => new Date(s)
    }
  };
}

/** The source name RhinoScriptProcessor.executeString compiles a supplied script under. */
export const SCRIPT_SOURCE_NAME = 'AlfrescoJS';

/**
 * Compiled scripts by source, as RhinoScriptProcessor keeps compiled scripts (its scriptCache): a listener's
 * source is the same on every task operation, and compiling it afresh cost more than running it. A compiled
 * vm.Script holds no state of a run.
 */
const compiled = new Map<string, vm.Script>();
const COMPILED_MAX = 500;

function compile(source: string): vm.Script {
  let script = compiled.get(source);
  if (!script) {
    script = new vm.Script(source, { filename: SCRIPT_SOURCE_NAME });
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
    compiled.set(source, script);
  }
  return script;
}

/**
 * Runs one script with the given globals in a fresh context (nothing of an earlier run is seen, as under
 * Rhino's per-execution scope); any failure (throw, timeout, syntax) becomes a ScriptFailure.
 */
export function runScript(source: string, globals: Record<string, unknown>, where: string): unknown {
  const context = vm.createContext({ ...globals }, { codeGeneration: { strings: false, wasm: false } });
  try {
    return compile(source).runInContext(context, { timeout: SCRIPT_TIMEOUT_MS });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new ScriptFailure(where, new Error(`script took longer than ${SCRIPT_TIMEOUT_MS} ms`));
    // A repository refusal inside a host call is a Java exception in ACS: Rhino unwraps it, no line suffix.
    if (e instanceof ApiError) throw new ScriptFailure(where, e);
    throw new ScriptFailure(where, new Error(rhinoMessage(e)));
  }
}

/**
 * An error as RhinoException.getMessage() words it: the thrown value's text ("Error: reason", a thrown
 * string as is) and ` (AlfrescoJS#<line>)`, the script line it was thrown from. V8's ReferenceError for an
 * undefined name is worded as Rhino's (`"java" is not defined.`).
 */
export function rhinoMessage(e: unknown): string {
  const isError = typeof e === 'object' && e !== null && typeof (e as Error).message === 'string' && 'stack' in e;
  let text = isError ? `${(e as Error).name}: ${(e as Error).message}` : String(unwrapJava(e));
  const undefinedName = /^ReferenceError: (\S+) is not defined$/.exec(text);
  if (undefinedName) text = `ReferenceError: "${undefinedName[1]}" is not defined.`;
  const line = isError ? new RegExp(`${SCRIPT_SOURCE_NAME}:(\\d+)`).exec(String((e as Error).stack)) : null;
  return line ? `${text} (${SCRIPT_SOURCE_NAME}#${line[1]})` : text;
}
