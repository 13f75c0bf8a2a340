// Evaluation of the four standard Alfresco constraint kinds. Other kinds (REGISTERED, Java class
// constraints such as cm:userNameConstraint) are kept in the model for the model API but not evaluated.
import { ConstraintDef, DictionaryError } from './types';

const num = (v: string | string[] | undefined): number | undefined => {
  if (v === undefined || Array.isArray(v) || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};
const flag = (v: string | string[] | undefined, dflt: boolean): boolean =>
  v === undefined || Array.isArray(v) || v.trim() === '' ? dflt : v.trim().toLowerCase() === 'true';
const list = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Typed parameters, as the model API (`GET /types/{id}`) shows them. */
export function constraintParameters(c: ConstraintDef): Record<string, unknown> {
  const p = c.parameters;
  switch (c.type) {
    case 'LIST':
      return { allowedValues: list(p.allowedValues), caseSensitive: flag(p.caseSensitive, true), sorted: flag(p.sorted, false) };
    case 'REGEX':
      return { expression: p.expression ?? '', requiresMatch: flag(p.requiresMatch, true) };
    case 'LENGTH':
      return { minLength: num(p.minLength) ?? 0, maxLength: num(p.maxLength) ?? 2147483647 };
    case 'MINMAX':
      // NumericRangeConstraint sends both bounds, an unset one at its default: Double.MIN_VALUE and
      // Double.MAX_VALUE (the same doubles as Number.MIN_VALUE and Number.MAX_VALUE)
      return { minValue: num(p.minValue) ?? Number.MIN_VALUE, maxValue: num(p.maxValue) ?? Number.MAX_VALUE };
    default:
      return { ...p };
  }
}

const regexCache = new Map<string, RegExp>();
/**
 * Alfresco's REGEX constraint uses Java's Matcher.matches(): the whole value must match. Java allows
 * escaping any punctuation (`\"`, `\<`), which JavaScript accepts only outside unicode mode, so the
 * plain mode is tried first.
 */
export function compileJavaRegex(expression: string): RegExp {
  let re = regexCache.get(expression);
  if (!re) {
    const source = `^(?:${expression})$`;
    try {
      re = new RegExp(source);
    } catch {
      re = new RegExp(source, 'u');
    }
    regexCache.set(expression, re);
  }
  return re;
}

/** Checks that a constraint's parameters make sense, when a model is registered. */
export function checkConstraintDefinition(c: ConstraintDef): string | undefined {
  const p = c.parameters;
  switch (c.type) {
    case 'LIST':
      return list(p.allowedValues).length ? undefined : `LIST constraint '${c.name}' has no allowedValues`;
    case 'REGEX':
      if (!p.expression || Array.isArray(p.expression)) return `REGEX constraint '${c.name}' has no expression`;
      try {
        compileJavaRegex(p.expression);
        return undefined;
      } catch {
        return `REGEX constraint '${c.name}' has an invalid expression: ${p.expression}`;
      }
    case 'LENGTH':
      return (p.minLength !== undefined && num(p.minLength) === undefined) || (p.maxLength !== undefined && num(p.maxLength) === undefined)
        ? `LENGTH constraint '${c.name}' needs numeric minLength/maxLength`
        : undefined;
    case 'MINMAX':
      return num(p.minValue) === undefined && num(p.maxValue) === undefined
        ? `MINMAX constraint '${c.name}' needs a numeric minValue or maxValue`
        : undefined;
    default:
      return undefined;
  }
}

/** Returns a description of the violation, or undefined when the value passes. */
export function constraintViolation(c: ConstraintDef, value: unknown): string | undefined {
  const p = c.parameters;
  const str = typeof value === 'string' ? value : String(value);
  switch (c.type) {
    case 'LIST': {
      const allowed = list(p.allowedValues);
      const ok = flag(p.caseSensitive, true) ? allowed.includes(str) : allowed.some((a) => a.toLowerCase() === str.toLowerCase());
      return ok ? undefined : `The value is not an allowed value: ${str}`;
    }
    case 'REGEX': {
      const matches = compileJavaRegex(String(p.expression ?? '')).test(str);
      const requiresMatch = flag(p.requiresMatch, true);
      if (matches === requiresMatch) return undefined;
      return requiresMatch
        ? `Value '${str}' does not match the regular expression: ${p.expression}`
        : `Value '${str}' matches the forbidden regular expression: ${p.expression}`;
    }
    case 'LENGTH': {
      // Java's String.length(): UTF-16 code units, i.e. characters for every BMP script (Devanagari
      // included), never bytes.
      const length = str.length;
      const min = num(p.minLength) ?? 0;
      const max = num(p.maxLength) ?? Number.MAX_SAFE_INTEGER;
      return length >= min && length <= max ? undefined : `The length of '${str}' is ${length}, which is not between ${min} and ${max}`;
    }
    case 'MINMAX': {
      const n = typeof value === 'number' ? value : Number(str);
      const min = num(p.minValue) ?? -Infinity;
      const max = num(p.maxValue) ?? Infinity;
      if (!Number.isFinite(n)) return `Value '${str}' is not a number`;
      return n >= min && n <= max ? undefined : `The value ${str} is not within the range ${min} to ${max}`;
    }
    default:
      return undefined;
  }
}

export function checkConstraints(property: string, constraints: ConstraintDef[], value: unknown): void {
  for (const c of constraints) {
    const problem = constraintViolation(c, value);
    if (problem) {
      throw new DictionaryError(
        'constraintViolation',
        `Constraint violation: ${problem} (property ${property}, constraint ${c.name})`,
        property
      );
    }
  }
}
