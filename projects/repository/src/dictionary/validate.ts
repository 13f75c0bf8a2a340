// Validation and conversion of the property values a client sends when it creates or updates a node.
import { checkConstraints } from './constraints';
import { ConvertContext, convertValue } from './convert';
import type { Dictionary } from './dictionary';
import { DictionaryError, PropertyDef } from './types';

/**
 * Properties that clients may send but the repository maintains itself. ACS drops them silently: the
 * node service strips the sys:referenceable identifiers, and the auditable behaviour overwrites the
 * cm:auditable values on every change. Any other protected property is refused (kind
 * 'protectedProperty') unless the caller is the repository itself (`allowProtected`).
 */
export const SYSTEM_MAINTAINED = new Set([
  'sys:store-protocol',
  'sys:store-identifier',
  'sys:node-uuid',
  'sys:node-dbid',
  'cm:created',
  'cm:creator',
  'cm:modified',
  'cm:modifier',
  'cm:accessed'
]);

export interface ValidateInput {
  /** Node type, prefixed or {uri}local. */
  type: string;
  /** Aspects the node has (update) or is created with (create). */
  aspects?: string[];
  /** Property values as received (REST JSON). null removes a property. */
  properties: Record<string, unknown>;
  mode: 'create' | 'update';
  /** update only: the node's stored properties, so that mandatory properties can be checked as a whole. */
  current?: Record<string, unknown>;
  /** Repository-internal callers may set protected and system-maintained properties. */
  allowProtected?: boolean;
}

export interface ValidateResult {
  /** Converted values by prefixed QName; null means remove. Defaults are filled in (see validateProperties). */
  properties: Record<string, unknown>;
  /** Aspects the node must carry in addition to `aspects`: missing mandatory aspects, and aspects
   * declaring properties that were set (setting cm:title adds cm:titled, as in ACS). */
  aspectsToAdd: string[];
}

/**
 * Converts and checks property values sent by a client, as ACS does when a node is created or updated.
 *
 * - Keys may be prefixed or {uri}local; results are prefixed. An unknown prefix or property, or a
 *   property that belongs to an unrelated type, is 'unknownProperty' (ACS would keep unknown names of
 *   a known namespace as "residual" properties; we refuse them so that typos surface).
 * - A property declared by an aspect the node lacks adds that aspect (and its mandatory aspects) to
 *   `aspectsToAdd`, like ACS adding cm:titled when cm:title is set.
 * - Mandatory rule: only `<mandatory enforced="true">` is checked here, because ACS's integrity checker
 *   only enforces those; plain mandatory properties are a hint to forms. On create every enforced
 *   property of the type and aspects needs a value (given or default). On update a null for one is
 *   refused, and when `current` is given the merged result is checked like on create. Protected and
 *   system-maintained properties are skipped, since the repository sets them. cm:name is enforced, so
 *   callers must pass it in `properties` on create.
 * - Defaults: on create every applicable property without a value gets its model default; on update
 *   only the properties of aspects being added do.
 */
export function validateProperties(dict: Dictionary, input: ValidateInput): ValidateResult {
  const type = requireClass(dict, input.type, 'type');
  const aspects = (input.aspects ?? []).map((a) => requireClass(dict, a, 'aspect'));
  const given = new Set(aspects);
  const aspectsToAdd: string[] = dict.mandatoryAspects(type).filter((a) => !given.has(a));
  for (const a of aspects) for (const m of dict.mandatoryAspects(a)) if (!given.has(m) && !aspectsToAdd.includes(m)) aspectsToAdd.push(m);

  let applicable = applicableTo(dict, type, aspects);
  const out: Record<string, unknown> = {};

  for (const [key, raw] of Object.entries(input.properties ?? {})) {
    if (raw === undefined) continue; // not sent (JSON has no undefined)
    const q = dict.tryPrefix(key);
    if (q === undefined) {
      throw new DictionaryError('unknownProperty', `Unknown property ${key}: its namespace prefix is not mapped to a namespace URI`, key);
    }
    if (!input.allowProtected && SYSTEM_MAINTAINED.has(q)) continue;
    let def = applicable.byName.get(q);
    if (!def) {
      const aspect = dict.aspectDeclaringProperty(q);
      if (aspect) {
        for (const a of [aspect, ...dict.mandatoryAspects(aspect)]) {
          if (!given.has(a) && !aspectsToAdd.includes(a)) {
            aspectsToAdd.push(a);
          }
        }
        applicable = applicableTo(dict, type, [...aspects, ...aspectsToAdd]);
        def = applicable.byName.get(q);
      }
    }
    if (!def) {
      const known = dict.getProperty(q);
      throw new DictionaryError(
        'unknownProperty',
        known ? `Property ${q} belongs to ${known.container} and cannot be set on a node of type ${type}` : `Unknown property: ${q}`,
        q
      );
    }
    if (def.protected && !input.allowProtected) {
      throw new DictionaryError('protectedProperty', `Property ${q} is protected: it is maintained by the repository and cannot be set`, q);
    }
    if (def.dataType === 'd:content') continue; // content is written through the content endpoints
    const value = convertValue(def, raw, convertContext(dict));
    if (value === null && def.mandatory && def.mandatoryEnforced && !def.protected) {
      throw new DictionaryError('mandatoryMissing', `Property '${dict.expand(q)}' (${q}) is mandatory and cannot be removed`, q);
    }
    for (const v of Array.isArray(value) && def.multiple ? value : value === null ? [] : [value]) checkConstraints(q, def.constraints, v);
    out[q] = value;
  }

  // Defaults of the type and aspects (create) or of newly added aspects (update).
  const defaultsFrom = input.mode === 'create' ? applicable.all : aspectsToAdd.flatMap((a) => dict.classProperties(a));
  for (const p of defaultsFrom) {
    if (p.name in out || (input.mode === 'update' && input.current && p.name in input.current)) continue;
    const value = defaultValue(dict, p);
    if (value !== undefined) out[p.name] = value;
  }

  const current = input.mode === 'update' ? input.current : undefined;
  if (input.mode === 'create' || current) {
    for (const p of applicable.enforced) {
      const v = p.name in out ? out[p.name] : (current?.[p.name] ?? current?.[dict.expand(p.name)]);
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
        throw new DictionaryError('mandatoryMissing', `Property '${dict.expand(p.name)}' (${p.name}) is mandatory`, p.name);
      }
    }
  }
  return { properties: out, aspectsToAdd };
}

function convertContext(dict: Dictionary): ConvertContext {
  return { toPrefixed: (q) => dict.tryPrefix(q) };
}

/** The properties a node of a type with aspects may carry, by name, and those whose value the node must have. */
interface Applicable {
  all: readonly PropertyDef[];
  byName: ReadonlyMap<string, PropertyDef>;
  /** Enforced mandatory properties that a caller sets (not protected or maintained by the repository). */
  enforced: readonly PropertyDef[];
}

/**
 * Kept by the dictionary's own (memoised, never changing) list of a type's and aspects' properties: every node
 * write is validated, and building the look-up afresh for some sixty properties was most of a small update's check.
 */
const applicableKept = new WeakMap<readonly PropertyDef[], Applicable>();

function applicableTo(dict: Dictionary, type: string, aspects: readonly string[]): Applicable {
  const all = dict.propertiesOf(type, aspects);
  let kept = applicableKept.get(all);
  if (!kept) {
    kept = {
      all,
      byName: new Map(all.map((p) => [p.name, p])),
      enforced: all.filter((p) => p.mandatory && p.mandatoryEnforced && !p.protected && !SYSTEM_MAINTAINED.has(p.name))
    };
    applicableKept.set(all, kept);
  }
  return kept;
}

export function defaultValue(dict: Dictionary, p: PropertyDef): unknown {
  if (p.defaultValue === undefined || p.dataType === 'd:content') return undefined;
  if (p.defaultValue === '' && (p.multiple || (p.dataType !== 'd:text' && p.dataType !== 'd:mltext'))) return undefined;
  try {
    const value = convertValue(p, p.defaultValue, convertContext(dict));
    return value === null ? undefined : value;
  } catch {
    return undefined;
  }
}

function requireClass(dict: Dictionary, q: string, kind: 'type' | 'aspect'): string {
  const cls = dict.getClass(q);
  if (!cls) throw new DictionaryError('unknownType', `Unknown ${kind}: ${q}`, q);
  if (cls.kind !== kind) {
    throw new DictionaryError(
      'invalidType',
      `${q} is ${cls.kind === 'type' ? 'a type' : 'an aspect'}, not ${kind === 'type' ? 'a type' : 'an aspect'}`,
      q
    );
  }
  return cls.name;
}
