import vm from 'node:vm';
import { runSearch } from '../search';
import { GroupNode, PersonNode, ScriptNode, authorityOf, nodeIdOf, type ScriptHost } from './script-node';
import { javaString, unwrapJava } from './java-host';
import { ApiError } from '../errors/api-error';
import { scriptActions } from './script-actions';

/**
 * Runs listener and script-task JavaScript with the root objects of Alfresco's repository JavaScript API
 * (the subset in docs/workflow-scripts.md). Each script runs in a context that holds nothing of an earlier
 * run (ScriptContexts below), synchronously inside the request's transaction, so whatever it changed is
 * rolled back if it throws. node:vm is not a security boundary: only administrators can deploy
 * definitions, as in ACS.
 */

/**
 * A time limit for one script, off unless set, as in ACS: AlfrescoContextFactory's maxScriptExecutionSeconds
 * (`scripts.execution.maxScriptExecutionSeconds`) is -1 by default and enabled only by a value above zero.
 * When set, node:vm enforces it with a watchdog thread started and joined for every run, which cost about a
 * sixth of a marking's CPU on a busy machine.
 */
export const SCRIPT_TIMEOUT_MS = Number(process.env.EOFFICE_SCRIPT_TIMEOUT_MS ?? 0);

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

/**
 * The `logger` root object: the same for every run, and frozen (Rhino's is a Java object, to which a script
 * adds nothing), so it is made once.
 */
const LOGGER = Object.freeze({
  log: log('log'),
  debug: log('debug'),
  info: log('info'),
  warn: log('warn'),
  error: log('error'),
  isLoggingEnabled: () => !!process.env.EOFFICE_SCRIPT_LOG,
  isDebugLoggingEnabled: () => false
});

/** The repository root objects: people, search, companyhome, userhome, person, logger, actions, utils. */
export function repositoryGlobals(host: ScriptHost): Record<string, unknown> {
  const { ctx, caller } = host;
  const me = ctx.authorities.person(caller.userId);
  return {
    companyhome: new ScriptNode(host, ctx.wellKnown.companyHome),
    userhome: me?.home_folder_id && ctx.store.get(me.home_folder_id) ? new ScriptNode(host, me.home_folder_id) : null,
    person: me ? new PersonNode(host, me.id, me) : null,
    people: new ScriptPeople(host),
    search: new ScriptSearch(host),
    logger: LOGGER,
    actions: scriptActions(host),
    utils: new ScriptUtils(host)
  };
}

/*
 * The root objects below are classes, not object literals of closures: every listener run is given a set
 * (their thirty closures, each also named by the TypeScript loader, were a part of building every scope).
 */

/** A node for a script, if the caller may read it (search.findNode, utils.getNodeFromString). */
function findNode(host: ScriptHost, ref: unknown): ScriptNode | null {
  if (ref instanceof ScriptNode) return ref;
  const row = host.ctx.store.get(nodeIdOf(javaString(ref)));
  return row && host.ctx.permissions.has(host.caller, row, 'Read') ? new ScriptNode(host, row.id) : null;
}

const personName = (p: unknown): string => (p instanceof PersonNode ? authorityOf(p) : javaString(p));
const groupName = (g: unknown): string => (g instanceof GroupNode ? authorityOf(g) : javaString(g));

class ScriptPeople {
  readonly #host: ScriptHost;

  constructor(host: ScriptHost) {
    this.#host = host;
  }

  getPerson(userName: unknown) {
    return this.#host.ctx.authorities.person(javaString(userName)) ? new PersonNode(this.#host, javaString(userName)) : null;
  }
  getGroup(name: unknown) {
    return this.#host.ctx.authorities.group(javaString(name)) ? new GroupNode(this.#host, javaString(name)) : null;
  }
  getMembers(g: unknown, recurse: unknown = true) {
    const { ctx } = this.#host;
    const out = new Set<string>();
    const visit = (id: string) => {
      for (const m of ctx.authorities.directMembers(id)) {
        if (!m.startsWith('GROUP_')) out.add(m);
        else if (unwrapJava(recurse)) visit(m);
      }
    };
    visit(groupName(g));
    return [...out].map((u) => new PersonNode(this.#host, u));
  }
  getContainerGroups(p: unknown) {
    return [...this.#host.ctx.authorities.containingGroups(personName(p))].sort().map((g) => new GroupNode(this.#host, g));
  }
  /**
   * People.addAuthority / removeAuthority: a user or group into or out of a group, through AuthorityService,
   * whose public proxy lets only administrators change membership (a run-as `admin` listener may). As in
   * People.java a first argument that is no group changes nothing; a missing argument is refused.
   */
  addAuthority(parent: unknown, authority: unknown) {
    this.#membership(parent, authority, (g, a) => this.#host.ctx.authorities.addMember(g, a));
  }
  removeAuthority(parent: unknown, authority: unknown) {
    this.#membership(parent, authority, (g, a) => this.#host.ctx.authorities.removeMember(g, a));
  }
  isAdmin(p: unknown) {
    return this.#host.ctx.authorities.containingGroups(personName(p)).has('GROUP_ALFRESCO_ADMINISTRATORS');
  }
  isGuest(p: unknown) {
    return personName(p) === 'guest';
  }
  #membership(parent: unknown, authority: unknown, change: (group: string, member: string) => void): void {
    if (parent === null || parent === undefined) throw new Error('ParentGroup is a mandatory parameter');
    if (authority === null || authority === undefined) throw new Error('Authority is a mandatory parameter');
    if (!(parent instanceof GroupNode)) return;
    if (!this.#host.caller.isAdmin)
      throw new Error('Access Denied.  You do not have the appropriate permissions to perform this operation.');
    change(authorityOf(parent), authority instanceof GroupNode ? authorityOf(authority) : personName(authority));
  }
}

class ScriptSearch {
  readonly #host: ScriptHost;

  constructor(host: ScriptHost) {
    this.#host = host;
  }

  findNode(ref: unknown) {
    return findNode(this.#host, ref);
  }
  luceneSearch(q: unknown) {
    return this.#query(javaString(q), 'lucene');
  }
  query(def: { query: unknown; language?: unknown; page?: { maxItems?: number; skipCount?: number } }) {
    return this.#query(javaString(def.query), def.language === undefined ? 'afts' : javaString(def.language), def.page);
  }
  #query(q: string, language: string, page?: { maxItems?: number; skipCount?: number }): ScriptNode[] {
    const { ctx, caller } = this.#host;
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
    return outcome.nodeIds.map((id) => new ScriptNode(this.#host, id));
  }
}

class ScriptUtils {
  readonly #host: ScriptHost;

  constructor(host: ScriptHost) {
    this.#host = host;
  }

  pad(s: unknown, len: number) {
    return javaString(s).padStart(len, '0');
  }
  toBoolean(s: unknown) {
    return javaString(s).toLowerCase() === 'true';
  }
  getNodeFromString(ref: unknown) {
    return findNode(this.#host, ref);
  }
  shortQName(q: unknown) {
    return this.#host.ctx.dictionary.tryPrefix(javaString(q)) ?? javaString(q);
  }
  longQName(q: unknown) {
    return this.#host.ctx.dictionary.expand(javaString(q));
  }
  toISO8601(d: Date | number) {
    return new Date(d).toISOString();
  }
  fromISO8601(s: string) {
    return new Date(s);
  }
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

/**
 * A script runs as the body of an arrow function called once in its context, not as the context's
 * top-level program. Under node:vm every name a top-level program declares (the workflow's dozens of helper
 * functions) is a property of the contextified global object, and each use goes through V8's interceptors
 * into the sandbox object: measured at about 1 µs a look-up, a marking spent more in those look-ups than in
 * the scripts' work. Inside the arrow function they are local bindings. What a script can observe is kept
 * as under Rhino's per-execution scope: the source is first compiled as it is, so what is not a valid
 * program (a top-level `return`, an unbalanced `}`) is refused as before; an arrow function has no
 * `arguments` or `new.target` of its own, and its `this` is the global object, as Rhino's top-level `this`
 * is the scope; the globals a script is given stay globals, so assigning to them or to an undeclared name
 * behaves as before. The wrapper opens on the script's first line, so the line numbers of errors
 * (AlfrescoJS#n) are the script's own.
 */
function compile(source: string): vm.Script {
  let script = compiled.get(source);
  if (!script) {
    new vm.Script(source, { filename: SCRIPT_SOURCE_NAME });
    script = new vm.Script(`(() => {${source}\n})();`, { filename: SCRIPT_SOURCE_NAME });
    if (compiled.size >= COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
    compiled.set(source, script);
  }
  return script;
}

/**
 * The code that keeps a context reusable, compiled once and run inside each new context: `enter` puts the next
 * run's globals on the global object and takes away the last run's that it is not given; `leave` removes after
 * a run whatever it left there that it was not given (undeclared assignments, `this.x = …`); `intact` says
 * whether the standard objects are as the context was made. The globals are written from inside the context,
 * so that they are properties of the global object itself: written from outside onto node:vm's sandbox object
 * alone (cheaper to write), every global look-up of a script, standard ones included, was measured at several
 * times its cost here, and a listener makes thousands. ACS runs every
 * script in a new scope over one shared scope of standard objects that is sealed (RhinoScriptProcessor
 * initialises it with initStandardObjects(cx, sealed = true)): no script adds to them, deletes from them or
 * redefines them (Rhino throws; here, outside strict code, the change is not made). So each built-in object and
 * constructor prototype is sealed here too (Object.seal: no property added, deleted or made an accessor, no
 * new prototype), and what a script can still change is the value of a writable property (`JSON.parse = …`)
 * or of a standard global: `intact` compares those, and a context where one changed is dropped, never reused.
 */
const KEEPER = new vm.Script(
  `(() => {
  const own = Reflect.ownKeys, describe = Reflect.getOwnPropertyDescriptor, same = Object.is, keys = Object.keys;
  const seal = Object.seal;
  const standard = new Set(own(globalThis));
  const globals = [];
  for (const k of standard) globals.push(k, globalThis[k]);
  // [object, key, value] of each writable data property of a sealed standard object.
  const writable = [], seen = new Set();
  const watch = (o) => {
    if (seen.has(o)) return;
    seen.add(o);
    seal(o);
    for (const k of own(o)) {
      const d = describe(o, k);
      if ('value' in d && d.writable) writable.push(o, k, d.value);
    }
  };
  for (const k of standard) {
    const v = globalThis[k];
    if (v === null || v === globalThis || (typeof v !== 'object' && typeof v !== 'function')) continue;
    watch(v);
    if (typeof v === 'function' && v.prototype) watch(v.prototype);
  }
  // The names the last run was given: left on the global object after it (leave), taken away by the next
  // run where it is not given them again (enter). Each write or delete goes through the contextified global's
  // interceptors; most names come back run after run (the root objects, the process's variables).
  let given = new Set();
  return {
    enter(next) {
      const names = keys(next);
      const now = new Set(names);
      for (const k of given) if (!now.has(k)) delete globalThis[k];
      for (const k of names) globalThis[k] = next[k];
      given = now;
    },
    // After a run: whatever the run put on the global object that it was not given goes; false if something cannot.
    leave() {
      let clean = true;
      for (const k of own(globalThis)) if (!standard.has(k) && !given.has(k) && !delete globalThis[k]) clean = false;
      return clean;
    },
    intact() {
      for (let i = 0; i < globals.length; i += 2) if (!same(globalThis[globals[i]], globals[i + 1])) return false;
      // A sealed data property stays a data property, so reading it runs no script code.
      for (let i = 0; i < writable.length; i += 3) if (!same(writable[i][writable[i + 1]], writable[i + 2])) return false;
      return true;
    }
  };
})()`,
  { filename: 'eoffice-script-context' }
);

interface ScriptContext {
  global: vm.Context;
  enter(globals: Record<string, unknown>): void;
  leave(): boolean;
  intact(): boolean;
}

/**
 * Script contexts, reused. Making a V8 context costs about half a millisecond and a marking runs half a
 * dozen scripts, so a context is cleaned and checked after a run (KEEPER) and kept for the next one. A
 * script that starts another (a listener completing a task) takes a second context; a context that cannot be
 * cleaned or whose standard objects changed is let go.
 */
const idleContexts: ScriptContext[] = [];
const IDLE_CONTEXTS_MAX = 8;
// An ordinary global object where this Node.js has it (no interceptors between a script and its globals).
const CONTEXT_KIND = (vm.constants as { DONT_CONTEXTIFY?: unknown } | undefined)?.DONT_CONTEXTIFY;

function newContext(): ScriptContext {
  const options = { codeGeneration: { strings: false, wasm: false } };
  const global = CONTEXT_KIND ? vm.createContext(CONTEXT_KIND as unknown as vm.Context, options) : vm.createContext({}, options);
  const keeper = KEEPER.runInContext(global) as Omit<ScriptContext, 'global'>;
  return { global, enter: keeper.enter, leave: keeper.leave, intact: keeper.intact };
}

/**
 * Runs one script with the given globals in a context holding nothing of an earlier run (as under Rhino's
 * per-execution scope); any failure (throw, timeout, syntax) becomes a ScriptFailure.
 */
export function runScript(source: string, globals: Record<string, unknown>, where: string): void {
  const context = idleContexts.pop() ?? newContext();
  try {
    const script = compile(source);
    context.enter(globals);
    script.runInContext(context.global, SCRIPT_TIMEOUT_MS > 0 ? { timeout: SCRIPT_TIMEOUT_MS } : undefined);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new ScriptFailure(where, new Error(`script took longer than ${SCRIPT_TIMEOUT_MS} ms`));
    // A repository refusal inside a host call is a Java exception in ACS: Rhino unwraps it, no line suffix.
    if (e instanceof ApiError) throw new ScriptFailure(where, e);
    throw new ScriptFailure(where, new Error(rhinoMessage(e)));
  } finally {
    if (context.leave() && context.intact() && idleContexts.length < IDLE_CONTEXTS_MAX) idleContexts.push(context);
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
