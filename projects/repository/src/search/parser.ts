// Recursive-descent AFTS parser. Precedence, loosest first: implicit juxtaposition (default operator),
// OR, AND, then the unary NOT / `-` / `+` / `!` prefixes.
import type { Ast, Term } from './ast';
import { SearchError } from './errors';
import { Token, tokenize, unescape } from './lexer';

export interface ParseOptions {
  defaultOperator?: 'AND' | 'OR';
  /** Whether `p:local` is a property QName, to split `p:local:value` from `field:value:with:colons`. */
  isQName(p: string, local: string): boolean;
}

/** Pseudo-fields whose value may itself contain colons (QNames, node refs, paths). */
export const SPECIAL_FIELDS = new Set([
  'TYPE',
  'EXACTTYPE',
  'ASPECT',
  'EXACTASPECT',
  'PARENT',
  'ANCESTOR',
  'ID',
  'PATH',
  'TEXT',
  'ALL',
  'TAG',
  'SITE',
  'QNAME',
  'PNAME',
  'ISNULL',
  'ISNOTNULL',
  'ISUNSET',
  'EXISTS',
  'DBID'
]);

/**
 * Most terms and ranges one query may hold: Solr's maxBooleanClauses (1024 by default), past which Search
 * Services answers 400 and ACS passes that status on (QueryParserExceptionResolver). Counted over the whole
 * query, as Lucene's IndexSearcher.maxClauseCount does.
 */
export const MAX_CLAUSES = 1024;
/**
 * Deepest nesting of groups and prefix operators. Neither Lucene nor ACS's AFTS grammar has a limit short of
 * the stack; this one keeps the recursive parser and the compiled SQL (SQLite allows expression trees 1000
 * deep) far from theirs, so a hostile query is a 400 rather than a crash.
 */
export const MAX_NESTING = 100;

type Occur = 'req' | 'not' | 'opt';
interface Clause {
  occur: Occur;
  node: Ast;
}

export function parseAfts(text: string, opts: ParseOptions): Ast {
  if (typeof text !== 'string' || text.trim() === '') throw new SearchError('An empty query is not allowed');
  const p = new Parser(tokenize(text), opts);
  const ast = p.run(null, 'EOF');
  p.expect('EOF');
  if (clauseCount(ast) > MAX_CLAUSES) throw new SearchError(`Too many clauses in query: at most ${MAX_CLAUSES} (maxBooleanClauses)`);
  return ast;
}

/** Terms, ranges and `*` in a parsed query; the tree's depth is bounded by MAX_NESTING. */
function clauseCount(a: Ast): number {
  if (a.k === 'and' || a.k === 'or') return a.items.reduce((n, x) => n + clauseCount(x), 0);
  if (a.k === 'not') return clauseCount(a.item);
  return 1;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private toks: Token[],
    private opts: ParseOptions
  ) {}

  /** Runs one level of nesting (a group, a prefix operator), refusing queries nested beyond MAX_NESTING. */
  private nested<T>(pos: number, inner: () => T): T {
    if (++this.depth > MAX_NESTING) throw new SearchError(`Query nested too deeply at position ${pos}: at most ${MAX_NESTING} levels`);
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.toks[this.i];
  }
  private next(): Token {
    return this.toks[this.i++];
  }
  expect(type: Token['type']): Token {
    const t = this.next();
    if (t.type !== type) {
      const what = t.type === 'EOF' ? 'end of query' : `'${t.text}'`;
      throw new SearchError(`Syntax error at position ${t.pos}: expected ${type === 'RPAREN' ? "')'" : type} but found ${what}`);
    }
    return t;
  }

  /** A run of clauses joined by juxtaposition, up to `)` or the end. */
  run(field: string | null, end: 'EOF' | 'RPAREN'): Ast {
    const clauses: Clause[] = [];
    while (this.peek().type !== end && this.peek().type !== 'EOF') clauses.push(this.orExpr(field));
    if (clauses.length === 0) throw new SearchError(end === 'RPAREN' ? 'Empty group "()" in query' : 'An empty query is not allowed');
    return this.combineRun(clauses);
  }

  /** Lucene-style occurrence: `+` required, `-` prohibited, plain terms follow the default operator. */
  private combineRun(clauses: Clause[]): Ast {
    if (clauses.length === 1) return unwrap(clauses[0]);
    const orDefault = this.opts.defaultOperator === 'OR';
    const req = clauses.filter((c) => c.occur === 'req' || (!orDefault && c.occur === 'opt')).map((c) => c.node);
    const opt = orDefault ? clauses.filter((c) => c.occur === 'opt').map((c) => c.node) : [];
    const not = clauses.filter((c) => c.occur === 'not').map((c): Ast => ({ k: 'not', item: c.node }));
    const must: Ast[] = [...req];
    if (req.length === 0 && opt.length > 0) must.push(opt.length === 1 ? opt[0] : { k: 'or', items: opt });
    must.push(...not);
    return must.length === 1 ? must[0] : { k: 'and', items: must };
  }

  private orExpr(field: string | null): Clause {
    const first = this.andExpr(field);
    if (this.peek().type !== 'OR') return first;
    const items = [unwrap(first)];
    while (this.peek().type === 'OR') {
      this.next();
      this.noDanglingOperator();
      items.push(unwrap(this.andExpr(field)));
    }
    return { occur: 'opt', node: { k: 'or', items } };
  }

  private andExpr(field: string | null): Clause {
    const first = this.unary(field);
    if (this.peek().type !== 'AND') return first;
    const items = [unwrap(first)];
    while (this.peek().type === 'AND') {
      this.next();
      this.noDanglingOperator();
      items.push(unwrap(this.unary(field)));
    }
    return { occur: 'opt', node: { k: 'and', items } };
  }

  private noDanglingOperator() {
    const t = this.peek();
    if (t.type === 'EOF' || t.type === 'RPAREN' || t.type === 'AND' || t.type === 'OR')
      throw new SearchError(`Syntax error at position ${t.pos}: operator without a right-hand side`);
  }

  private unary(field: string | null): Clause {
    const t = this.peek();
    if (t.type === 'NOT' || t.type === 'MINUS') {
      this.next();
      this.noDanglingOperator();
      return { occur: 'not', node: unwrap(this.nested(t.pos, () => this.unary(field))) };
    }
    if (t.type === 'PLUS') {
      this.next();
      this.noDanglingOperator();
      return { occur: 'req', node: unwrap(this.nested(t.pos, () => this.unary(field))) };
    }
    return { occur: 'opt', node: this.primary(field, false) };
  }

  private primary(field: string | null, exact: boolean): Ast {
    const t = this.next();
    switch (t.type) {
      case 'EQUALS':
        return this.nested(t.pos, () => this.primary(field, true));
      case 'LPAREN': {
        const inner = this.nested(t.pos, () => this.run(field, 'RPAREN'));
        this.expect('RPAREN');
        return inner;
      }
      case 'FIELD':
        return this.fieldValue(cleanField(t.text, t.pos), exact); // overrides an enclosing field group
      case 'STRING':
        return term(field, t.text, true, exact);
      case 'WORD': {
        const split = this.splitField(t.raw ?? t.text);
        if (split) {
          if (split.value === '') throw new SearchError(`Missing value after field '${split.field}'`);
          return termFromRaw(cleanField(split.field, t.pos), split.value, exact);
        }
        if ((t.raw ?? t.text) === '*' && field === null) return { k: 'all' };
        return termFromRaw(field, t.raw ?? t.text, exact);
      }
      case 'RANGE_OPEN': {
        this.i--;
        return this.range(field);
      }
      case 'CMP':
        return this.comparison(field, t.text);
      case 'EOF':
        throw new SearchError('Unexpected end of query');
      case 'RPAREN':
        throw new SearchError(`Unbalanced ')' at position ${t.pos}`);
      default:
        throw new SearchError(`Syntax error at position ${t.pos}: unexpected '${t.text}'`);
    }
  }

  private fieldValue(field: string, exact: boolean): Ast {
    const t = this.peek();
    switch (t.type) {
      case 'STRING':
        this.next();
        return term(field, t.text, true, exact);
      case 'WORD':
        this.next();
        return termFromRaw(field, t.raw ?? t.text, exact);
      case 'LPAREN': {
        this.next();
        const inner = this.nested(t.pos, () => this.run(field, 'RPAREN'));
        this.expect('RPAREN');
        return inner;
      }
      case 'RANGE_OPEN':
        return this.range(field);
      case 'CMP':
        this.next();
        return this.comparison(field, t.text);
      case 'FIELD':
        throw new SearchError(`Syntax error at position ${t.pos}: '${t.text}:' cannot follow a field`);
      default:
        throw new SearchError(`Missing value after field '${field}'`);
    }
  }

  private range(field: string | null): Ast {
    const open = this.expect('RANGE_OPEN');
    if (field === null) throw new SearchError(`A range needs a field (position ${open.pos})`);
    const lo = this.rangeValue();
    this.expect('TO');
    const hi = this.rangeValue();
    const close = this.next();
    if (close.type !== 'RANGE_CLOSE') throw new SearchError(`Unterminated range at position ${open.pos}`);
    return { k: 'range', field, lo, hi, loInc: open.text === '[', hiInc: close.text === ']' };
  }

  private rangeValue(): string | null {
    const t = this.next();
    if (t.type !== 'WORD' && t.type !== 'STRING') throw new SearchError(`Syntax error in range at position ${t.pos}`);
    const v = t.text.trim();
    return t.type === 'WORD' && (v === '*' || v === 'MIN' || v === 'MAX') ? null : v;
  }

  /** `field:>5`, `field:<=2026-01-01`: a half-open range. */
  private comparison(field: string | null, op: string): Ast {
    if (field === null) throw new SearchError(`A comparison '${op}' needs a field`);
    const t = this.next();
    if (t.type !== 'WORD' && t.type !== 'STRING') throw new SearchError(`Missing value after '${op}'`);
    const v = t.text;
    if (op[0] === '>') return { k: 'range', field, lo: v, hi: null, loInc: op === '>=', hiInc: true };
    return { k: 'range', field, lo: null, hi: v, loInc: true, hiInc: op === '<=' };
  }

  /** Splits `cm:name:value`, `name:value`, `TYPE:cm:content`, `{uri}name:value` into field and raw value. */
  private splitField(raw: string): { field: string; value: string } | null {
    const colons: number[] = [];
    let depth = 0;
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k];
      if (c === '\\') {
        k++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === ':' && depth === 0) colons.push(k);
    }
    if (colons.length === 0) return null;
    const seg0 = raw.slice(0, colons[0]);
    if (seg0 === '') throw new SearchError(`Missing field name before ':' in '${raw}'`);
    const bare = seg0.replace(/^@/u, '');
    if (SPECIAL_FIELDS.has(bare) || bare.startsWith('{') || colons.length === 1) return { field: seg0, value: raw.slice(colons[0] + 1) };
    const seg1 = raw.slice(colons[0] + 1, colons[1]);
    if (seg1 !== '' && this.opts.isQName(bare, seg1)) return { field: raw.slice(0, colons[1]), value: raw.slice(colons[1] + 1) };
    return { field: seg0, value: raw.slice(colons[0] + 1) };
  }
}

function unwrap(c: Clause): Ast {
  return c.occur === 'not' ? { k: 'not', item: c.node } : c.node;
}

function cleanField(f: string, pos: number): string {
  const s = unescape(f).replace(/^@/u, '');
  if (s === '') throw new SearchError(`Missing field name at position ${pos}`);
  // All-capital names are reserved for pseudo-fields: an unknown one is a mistake, not a property
  if (/^[A-Z]+$/u.test(s) && !SPECIAL_FIELDS.has(s)) throw new SearchError(`Unknown field '${s}'`);
  if (!/^(\{[^}]*\})?[^\s{}]+$/u.test(s)) throw new SearchError(`Invalid field name '${s}'`);
  return s;
}

function term(field: string | null, value: string, phrase: boolean, exact: boolean): Term {
  return { k: 'term', field, value, phrase, exact, wild: /[*?]/u.test(value) };
}

function termFromRaw(field: string | null, raw: string, exact: boolean): Term {
  // only unescaped * and ? are wildcards in a bare word
  const wild = /(^|[^\\])[*?]/u.test(raw);
  const value = unescape(raw);
  if (value === '') throw new SearchError(`Missing value after field '${field}'`);
  return { k: 'term', field, value, phrase: false, exact, wild };
}
