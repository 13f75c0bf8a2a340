import vm from 'node:vm';
import type { NodeRow } from '../persistence/node-row';
import { alfDate } from '../http/api';
import { runSearch } from '../search';
import { GroupNode, PersonNode, ScriptNode, nodeIdOf, type ScriptHost } from './script-node';

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
        Object.entries(parameters).map(([k, v]) => [
          k,
          v instanceof PersonNode ? v.userName : v === undefined ? null : typeof v === 'object' && v !== null ? String(v) : v
        ])
      );
      host.ctx.db
        .prepare('INSERT INTO wf_mail (process_id, sent_by, parameters, node_id, created_at) VALUES (?,?,?,?,?)')
        .run(processId ?? null, host.caller.userId, JSON.stringify(plain), node instanceof ScriptNode ? node.id : null, alfDate());
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
    const row = ctx.store.get(nodeIdOf(String(ref)));
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
        readFilter: (alias) => ctx.permissions.readFilter(caller, alias)
      },
      { query: { query: q, language }, paging: { maxItems: page?.maxItems ?? 1000, skipCount: page?.skipCount ?? 0 } }
    );
    return outcome.nodeIds.map((id) => new ScriptNode(host, id));
  };
  const person = (p: unknown): string => (p instanceof PersonNode ? p.userName : String(p));
  const group = (g: unknown): string => (g instanceof GroupNode ? g.authorityName : String(g));
  return {
    companyhome: new ScriptNode(host, ctx.wellKnown.companyHome),
    userhome: me?.home_folder_id && ctx.store.get(me.home_folder_id) ? new ScriptNode(host, me.home_folder_id) : null,
    person: me ? new PersonNode(host, me.id, me) : null,
    people: {
      getPerson: (userName: string) => (ctx.authorities.person(String(userName)) ? new PersonNode(host, String(userName)) : null),
      getGroup: (name: string) => (ctx.authorities.group(String(name)) ? new GroupNode(host, String(name)) : null),
      getMembers: (g: unknown, recurse = true) => {
        const out = new Set<string>();
        const visit = (id: string) => {
          for (const m of ctx.authorities.directMembers(id)) {
            if (!m.startsWith('GROUP_')) out.add(m);
            else if (recurse) visit(m);
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
      luceneSearch: (q: string) => query(q, 'lucene'),
      query: (def: { query: string; language?: string; page?: { maxItems?: number; skipCount?: number } }) =>
        query(def.query, def.language ?? 'afts', def.page)
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
      create: (name: string) => {
        if (name !== 'mail') throw new Error(`Action ${name} is not available in this repository (only 'mail')`);
        return mailAction(host, processId);
      }
    },
    utils: {
      pad: (s: unknown, len: number) => String(s).padStart(len, '0'),
      toBoolean: (s: unknown) => String(s).toLowerCase() === 'true',
      getNodeFromString: (ref: string) => findNode(ref),
      shortQName: (q: string) => ctx.dictionary.tryPrefix(q) ?? q,
      longQName: (q: string) => ctx.dictionary.expand(q),
      toISO8601: (d: Date | number) => new Date(d).toISOString(),
      fromISO8601: (s: string) => new Date(s)
    }
  };
}

/** Runs one script with the given globals; any failure (throw, timeout, syntax) becomes a ScriptFailure. */
export function runScript(source: string, globals: Record<string, unknown>, where: string): unknown {
  const context = vm.createContext({ ...globals }, { codeGeneration: { strings: false, wasm: false } });
  try {
    return new vm.Script(source, { filename: where }).runInContext(context, { timeout: SCRIPT_TIMEOUT_MS });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new ScriptFailure(where, new Error(`script took longer than ${SCRIPT_TIMEOUT_MS} ms`));
    throw new ScriptFailure(where, e);
  }
}
