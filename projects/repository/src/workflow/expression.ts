/**
 * The JUEL subset Activiti definitions use in `${...}` (and `#{...}`): identifiers resolved from process
 * variables, property access (`a.b`, `a['b']`), method calls (`initiator.exists()`), literals, the
 * operators ! not - empty * / div % mod + - < > <= >= lt gt le ge == != eq ne && and || or, and ?:.
 * Comparison coerces as JUEL does: null only equals null, numbers compare numerically, otherwise as strings.
 */

export class ExpressionError extends Error {}

/** Resolves a top-level identifier; returns `undefined` for unknown names. */
export type Resolver = (name: string) => unknown;

type Node =
  | { t: 'lit'; v: unknown }
  | { t: 'id'; name: string }
  | { t: 'member'; obj: Node; prop: Node }
  | { t: 'call'; obj: Node | null; name: string; args: Node[] }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node };

const WORD_OPS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
  div: '/',
  mod: '%'
};

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j++];
      }
      if (j >= src.length) throw new ExpressionError(`Unterminated string in expression: ${src}`);
      tokens.push('\u0000' + s);
      i = j + 1;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      tokens.push(num[0]);
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
    if (id) {
      tokens.push(id[0]);
      i += id[0].length;
      continue;
    }
    const op = ['==', '!=', '<=', '>=', '&&', '||'].find((o) => src.startsWith(o, i)) ?? c;
    if (!'=!<>&|+-*/%?:.,()[]'.includes(op[0]) || op === '=' || op === '&' || op === '|')
      throw new ExpressionError(`Unexpected '${op}' in expression: ${src}`);
    tokens.push(op);
    i += op.length;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: string[],
    private readonly src: string
  ) {}

  private peek(): string | undefined {
    const t = this.tokens[this.pos];
    return t !== undefined && WORD_OPS[t] ? WORD_OPS[t] : t;
  }
  private next(): string {
    const t = this.peek();
    if (t === undefined) throw new ExpressionError(`Unexpected end of expression: ${this.src}`);
    this.pos++;
    return t;
  }
  private expect(t: string): void {
    if (this.next() !== t) throw new ExpressionError(`Expected '${t}' in expression: ${this.src}`);
  }

  parse(): Node {
    const n = this.ternary();
    if (this.pos < this.tokens.length) throw new ExpressionError(`Unexpected '${this.tokens[this.pos]}' in expression: ${this.src}`);
    return n;
  }
  private ternary(): Node {
    const c = this.binary(0);
    if (this.peek() !== '?') return c;
    this.next();
    const a = this.ternary();
    this.expect(':');
    return { t: 'cond', c, a, b: this.ternary() };
  }
  private static readonly LEVELS = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
  private binary(level: number): Node {
    if (level === Parser.LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    while (Parser.LEVELS[level].includes(this.peek() ?? '')) {
      const op = this.next();
      a = { t: 'bin', op, a, b: this.binary(level + 1) };
    }
    return a;
  }
  private unary(): Node {
    const t = this.peek();
    if (t === '!' || t === '-' || t === 'empty') {
      this.next();
      return { t: 'un', op: t, a: this.unary() };
    }
    return this.postfix(this.primary());
  }
  private args(): Node[] {
    const args: Node[] = [];
    this.expect('(');
    if (this.peek() !== ')') {
      do args.push(this.ternary());
      while (this.peek() === ',' && this.next());
    }
    this.expect(')');
    return args;
  }
  private postfix(n: Node): Node {
    for (;;) {
      const t = this.peek();
      if (t === '.') {
        this.next();
        const name = this.next();
        if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new ExpressionError(`Expected a property name after '.' in: ${this.src}`);
        n = this.peek() === '(' ? { t: 'call', obj: n, name, args: this.args() } : { t: 'member', obj: n, prop: { t: 'lit', v: name } };
      } else if (t === '[') {
        this.next();
        const prop = this.ternary();
        this.expect(']');
        n = { t: 'member', obj: n, prop };
      } else return n;
    }
  }
  private primary(): Node {
    const t = this.next();
    if (t.startsWith('\u0000')) return { t: 'lit', v: t.slice(1) };
    if (/^\d/.test(t)) return { t: 'lit', v: Number(t) };
    if (t === '(') {
      const n = this.ternary();
      this.expect(')');
      return n;
    }
    if (t === 'true' || t === 'false') return { t: 'lit', v: t === 'true' };
    if (t === 'null') return { t: 'lit', v: null };
    if (/^[A-Za-z_$]/.test(t)) return this.peek() === '(' ? { t: 'call', obj: null, name: t, args: this.args() } : { t: 'id', name: t };
    throw new ExpressionError(`Unexpected '${t}' in expression: ${this.src}`);
  }
}

const cache = new Map<string, Node>();
function compile(src: string): Node {
  let n = cache.get(src);
  if (!n) {
    n = new Parser(tokenize(src), src).parse();
    if (cache.size > 500) cache.clear();
    cache.set(src, n);
  }
  return n;
}

const isNum = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)));

function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  if ((typeof a === 'number' || typeof b === 'number') && isNum(a) && isNum(b)) return Number(a) === Number(b);
  return String(a) === String(b);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const da = a instanceof Date ? a.getTime() : a;
  const db = b instanceof Date ? b.getTime() : b;
  const [x, y] = isNum(da) && isNum(db) ? [Number(da), Number(db)] : [String(da), String(db)];
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function truthy(v: unknown): boolean {
  if (typeof v === 'string') return v === 'true';
  return !!v;
}

function member(obj: unknown, prop: unknown): unknown {
  if (obj === null || obj === undefined) return null;
  const o = obj as Record<string, unknown>;
  const key = String(prop);
  if (key === 'constructor' || key === '__proto__' || key === 'prototype') throw new ExpressionError(`Property ${key} is not accessible`);
  let v = o[key];
  // JavaBean getters, as JUEL resolves them: a.name -> a.getName()
  if (v === undefined) {
    const getter = o['get' + key[0]?.toUpperCase() + key.slice(1)];
    if (typeof getter === 'function') v = (getter as () => unknown).call(o);
  }
  return v === undefined ? null : v;
}

function evaluate(n: Node, resolve: Resolver): unknown {
  switch (n.t) {
    case 'lit':
      return n.v;
    case 'id': {
      const v = resolve(n.name);
      if (v === undefined) throw new ExpressionError(`Unknown property used in expression: ${n.name}`);
      return v;
    }
    case 'member':
      return member(evaluate(n.obj, resolve), evaluate(n.prop, resolve));
    case 'call': {
      const target = n.obj ? evaluate(n.obj, resolve) : null;
      if (n.obj && (target === null || target === undefined)) throw new ExpressionError(`Cannot call ${n.name}() on null`);
      const fn = n.obj ? (target as Record<string, unknown>)[n.name] : resolve(n.name);
      if (typeof fn !== 'function') throw new ExpressionError(`Method not found: ${n.name}`);
      const result = (fn as (...a: unknown[]) => unknown).apply(
        target,
        n.args.map((a) => evaluate(a, resolve))
      );
      return result === undefined ? null : result;
    }
    case 'un': {
      const v = evaluate(n.a, resolve);
      if (n.op === '!') return !truthy(v);
      if (n.op === '-') return -Number(v);
      return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    }
    case 'cond':
      return truthy(evaluate(n.c, resolve)) ? evaluate(n.a, resolve) : evaluate(n.b, resolve);
    case 'bin': {
      if (n.op === '&&') return truthy(evaluate(n.a, resolve)) && truthy(evaluate(n.b, resolve));
      if (n.op === '||') return truthy(evaluate(n.a, resolve)) || truthy(evaluate(n.b, resolve));
      const a = evaluate(n.a, resolve);
      const b = evaluate(n.b, resolve);
      switch (n.op) {
        case '==':
          return equals(a, b);
        case '!=':
          return !equals(a, b);
        case '<':
        case '>':
        case '<=':
        case '>=':
          return compare(n.op, a, b);
        case '+':
          return isNum(a) && isNum(b) ? Number(a) + Number(b) : String(a ?? '') + String(b ?? '');
        case '-':
          return Number(a) - Number(b);
        case '*':
          return Number(a) * Number(b);
        case '/':
          return Number(a) / Number(b);
        default:
          return Number(a) % Number(b);
      }
    }
  }
}

const WHOLE = /^\s*[$#]\{([\s\S]*)\}\s*$/;

/** True when the text contains `${...}` or `#{...}`. */
export function hasExpression(text: string): boolean {
  return /[$#]\{/.test(text);
}

/**
 * Evaluates a value that is either one expression (`${a.b}` gives the value itself), a composite
 * ("Review ${x}" gives a string), or plain text (returned as is).
 */
export function evaluateExpression(text: string, resolve: Resolver): unknown {
  const whole = WHOLE.exec(text);
  if (whole && !/[$#]\{/.test(whole[1])) return evaluate(compile(whole[1]), resolve);
  if (!hasExpression(text)) return text;
  return text.replace(/[$#]\{([^}]*)\}/g, (_m, inner: string) => {
    const v = evaluate(compile(inner), resolve);
    return v === null || v === undefined ? '' : String(v);
  });
}

/** A sequence flow condition or completion condition: must give a boolean (or 'true'/'false'). */
export function evaluateCondition(text: string, resolve: Resolver): boolean {
  const v = evaluateExpression(text, resolve);
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new ExpressionError(`Condition does not give a boolean: ${text}`);
}

/** Parses every `${...}` in the text without evaluating it (deployment-time check). */
export function checkExpression(text: string): void {
  const whole = WHOLE.exec(text);
  if (whole && !/[$#]\{/.test(whole[1])) {
    compile(whole[1]);
    return;
  }
  for (const m of text.matchAll(/[$#]\{([^}]*)\}/g)) compile(m[1]);
}
