import type { Dictionary } from '../dictionary';
import { alfDate } from '../util/alf-date';
import { errors } from '../errors/api-error';
import { GroupNode, PersonNode, ScriptNode, authorityOf, nodeIdOf, type ScriptHost } from './script-node';
import { unwrapJava } from './java-host';

/**
 * Workflow variables in their three forms:
 * - stored: { type, value } with a JSON value (nodes as ids, people as user names, dates as ISO text);
 * - script: what expressions and scripts see (ScriptNode, PersonNode, GroupNode, Date …);
 * - REST: { name, type, value } as the workflow API shows it (names with `_` for `:`).
 */
export interface StoredValue {
  type: string;
  value: unknown;
}

const NODE_TYPES = new Set(['d:noderef', 'bpm:workflowPackage']);
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** `bpm_assignee` -> `bpm:assignee` when the prefix is a known namespace. */
export function qnameOfVariable(dictionary: Dictionary, name: string): string | undefined {
  const i = name.indexOf('_');
  if (i <= 0) return undefined;
  const q = `${name.slice(0, i)}:${name.slice(i + 1)}`;
  return dictionary.namespaces().some((n) => n.prefix === name.slice(0, i)) ? q : undefined;
}

/** The declared type of a variable named after a dictionary property or association, if any. */
export function declaredType(dictionary: Dictionary, name: string): { type: string; many: boolean } | undefined {
  const q = qnameOfVariable(dictionary, name);
  if (!q) return undefined;
  const p = dictionary.getProperty(q);
  if (p) return { type: p.dataType, many: p.multiple };
  const a = dictionary.getAssociation(q);
  if (a) {
    const target = a.target.cls;
    const type = dictionary.isSubClassOf(target, 'cm:person')
      ? 'cm:person'
      : dictionary.isSubClassOf(target, 'cm:authorityContainer')
        ? 'cm:authorityContainer'
        : target === 'bpm:workflowPackage'
          ? 'bpm:workflowPackage'
          : 'd:noderef';
    return { type, many: a.target.many };
  }
  return undefined;
}

/** Converts one value given through the REST API (or a start form default) to the stored form. */
export function fromRest(host: ScriptHost, name: string, value: unknown, givenType?: string): StoredValue {
  const declared = declaredType(host.ctx.dictionary, name);
  const type = declared?.type ?? (givenType ? givenType.replace('_', ':') : inferType(value));
  const many = declared?.many ?? Array.isArray(value);
  if (value === null || value === undefined) return { type, value: null };
  const convert = (v: unknown) => convertOne(host, name, type, v);
  if (many) {
    const items = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [value];
    return { type, value: items.map(convert) };
  }
  if (Array.isArray(value)) throw errors.invalidArgument(`Variable ${name} takes one value, not a list`);
  return { type, value: convert(value) };
}

function inferType(v: unknown): string {
  if (typeof v === 'boolean') return 'd:boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? (Math.abs(v) < 2 ** 31 ? 'd:int' : 'd:long') : 'd:double';
  if (Array.isArray(v)) return v.length ? inferType(v[0]) : 'd:any';
  if (typeof v === 'object' && v !== null) return 'd:any';
  return 'd:text';
}

function convertOne(host: ScriptHost, name: string, type: string, v: unknown): unknown {
  const bad = () => errors.invalidArgument(`Variable ${name}: ${JSON.stringify(v)} is not a valid ${type}`);
  switch (type) {
    case 'd:int':
    case 'd:long': {
      const n = Number(v);
      if (v === '' || typeof v === 'boolean' || !Number.isInteger(n)) throw bad();
      return n;
    }
    case 'd:float':
    case 'd:double': {
      const n = Number(v);
      if (v === '' || typeof v === 'boolean' || Number.isNaN(n)) throw bad();
      return n;
    }
    case 'd:boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw bad();
    case 'd:date':
    case 'd:datetime': {
      const t = Date.parse(String(v).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
      if (Number.isNaN(t)) throw bad();
      return new Date(t).toISOString();
    }
    case 'cm:person': {
      const user = host.ctx.authorities.person(String(v).replace(/^workspace:\/\/SpacesStore\/person-/, ''));
      if (!user) throw errors.invalidArgument(`Variable ${name}: unknown person ${String(v)}`);
      return user.id;
    }
    case 'cm:authorityContainer': {
      const id = String(v).replace(/^workspace:\/\/SpacesStore\/group-/, '');
      const group = host.ctx.authorities.group(id.startsWith('GROUP_') ? id : `GROUP_${id}`);
      if (!group) throw errors.invalidArgument(`Variable ${name}: unknown group ${String(v)}`);
      return group.id;
    }
    case 'd:noderef':
    case 'bpm:workflowPackage': {
      const id = nodeIdOf(String(v));
      if (!host.ctx.store.get(id)) throw errors.invalidArgument(`Variable ${name}: node ${String(v)} does not exist`);
      return id;
    }
    case 'd:text':
    case 'd:mltext':
    case 'd:qname':
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    default:
      return v;
  }
}

/** Converts a value set by a script or expression to the stored form. */
export function fromScript(given: unknown, declared?: string): StoredValue {
  const v = unwrapJava(given);
  if (v === undefined || v === null) return { type: declared ?? 'd:any', value: null };
  if (v instanceof PersonNode) return { type: 'cm:person', value: authorityOf(v) };
  if (v instanceof GroupNode) return { type: 'cm:authorityContainer', value: authorityOf(v) };
  if (v instanceof ScriptNode) return { type: v.typeName === 'bpm:package' ? 'bpm:workflowPackage' : 'd:noderef', value: v.nodeId };
  if (isDate(v)) return { type: declared === 'd:date' ? 'd:date' : 'd:datetime', value: v.toISOString() };
  if (Array.isArray(v)) {
    const items = v.map((x) => fromScript(x));
    return { type: items[0]?.type ?? declared ?? 'd:any', value: items.map((i) => i.value) };
  }
  if (typeof v === 'object') return { type: 'd:any', value: JSON.parse(JSON.stringify(v)) };
  if (typeof v === 'string') return { type: declared && declared !== 'd:any' && !NODE_TYPES.has(declared) ? declared : 'd:text', value: v };
  return { type: inferType(v), value: v };
}

/** Converts a stored value to what scripts and expressions see. */
export function toScript(host: ScriptHost, s: StoredValue): unknown {
  return Array.isArray(s.value) ? s.value.map((v) => oneToScript(host, s.type, v)) : oneToScript(host, s.type, s.value);
}

/** One value of a variable of type `type` as scripts see it (toScript). */
function oneToScript(host: ScriptHost, type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'cm:person':
      return new PersonNode(host, String(v));
    case 'cm:authorityContainer':
      return new GroupNode(host, String(v));
    case 'd:noderef':
    case 'bpm:workflowPackage':
      return host.ctx.store.get(String(v)) ? new ScriptNode(host, String(v)) : null;
    case 'd:date':
    case 'd:datetime':
      return new Date(String(v));
    default:
      return v;
  }
}

/**
 * The variable as the REST API shows it. As in ACS, a name declared in the dictionary takes its declared type
 * (a property's data type, an association's target class); other names take the type of their value. People
 * show as user names, other nodes as node refs (workspace://SpacesStore/…), dates in ACS format. Groups show
 * by authority name (ACS shows a group's node ref; groups are not nodes here).
 */
export function toRest(dictionary: Dictionary, name: string, s: StoredValue): { type: string; value: unknown } {
  const declared = declaredType(dictionary, name);
  const isNode = NODE_TYPES.has(s.type);
  const one = (v: unknown) => {
    if (v === null || v === undefined) return null;
    if (isNode) return STORE + String(v);
    if ((s.type === 'd:date' || s.type === 'd:datetime') && typeof v === 'string') return alfDate(v);
    return v;
  };
  const value = Array.isArray(s.value) ? s.value.map(one) : one(s.value);
  const byValue = isNode || s.type === 'cm:person' || s.type === 'cm:authorityContainer' ? 'd:noderef' : s.type;
  return {
    type: declared?.type === 'd:noderef' && s.type === 'bpm:workflowPackage' ? 'bpm:workflowPackage' : (declared?.type ?? byValue),
    value
  };
}

const STORE = 'workspace://SpacesStore/';
