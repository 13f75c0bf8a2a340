// Tokeniser for AFTS. Context-free except for two cases resolved by look-ahead:
// `{uri}local` QNames versus `{a TO b}` ranges, and `<`/`>` as range brackets versus comparisons.
import { SearchError } from './errors';

export type TokenType =
  | 'LPAREN'
  | 'RPAREN'
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'PLUS'
  | 'MINUS'
  | 'EQUALS'
  | 'TO'
  | 'RANGE_OPEN'
  | 'RANGE_CLOSE'
  | 'CMP'
  | 'STRING'
  | 'WORD'
  | 'FIELD'
  | 'EOF';

export interface Token {
  type: TokenType;
  /** Unescaped text: the word, string contents, field name (without the colon) or bracket char. */
  text: string;
  /** For WORD: the raw text with escapes kept, so `\*` stays literal when wildcards are read. */
  raw?: string;
  pos: number;
}

const SPECIAL = new Set(['(', ')', '[', ']', '{', '}', '"', "'", '<', '>']);
const isSpace = (c: string) => /\s/u.test(c);

export function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = input.length;
  const push = (type: TokenType, text: string, pos: number, raw?: string) => out.push({ type, text, pos, raw });

  while (i < n) {
    const c = input[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '(') {
      push('LPAREN', c, i++);
      continue;
    }
    if (c === ')') {
      push('RPAREN', c, i++);
      continue;
    }
    if (c === '&' && input[i + 1] === '&') {
      push('AND', '&&', i);
      i += 2;
      continue;
    }
    if (c === '|' && input[i + 1] === '|') {
      push('OR', '||', i);
      i += 2;
      continue;
    }
    if (c === '!') {
      push('NOT', '!', i++);
      continue;
    }
    // prefix operators only where a term begins; `a-b` and `NOW-7DAYS` are read as single words
    if (c === '+' && !inRange(out)) {
      push('PLUS', c, i++);
      continue;
    }
    if (c === '-' && !inRange(out)) {
      push('MINUS', c, i++);
      continue;
    }
    if (c === '=') {
      push('EQUALS', c, i++);
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < n && input[j] !== c) {
        if (input[j] === '\\' && j + 1 < n) {
          text += input[j + 1];
          j += 2;
          continue;
        }
        text += input[j++];
      }
      if (j >= n) throw new SearchError(`Unterminated quoted string at position ${start}`);
      i = j + 1;
      i = skipSuffixes(input, i);
      push('STRING', text, start);
      continue;
    }
    if (c === '[' || (c === '{' && !looksLikeUriQName(input, i)) || (c === '<' && rangeAhead(input, i))) {
      push('RANGE_OPEN', c, i++);
      continue;
    }
    if (c === ']' || c === '}' || (c === '>' && inRange(out))) {
      push('RANGE_CLOSE', c, i++);
      i = skipSuffixes(input, i);
      continue;
    }
    if ((c === '<' || c === '>') && !inRange(out)) {
      const op = input[i + 1] === '=' ? c + '=' : c;
      push('CMP', op, i);
      i += op.length;
      continue;
    }
    const w = readWord(input, i);
    if (w.raw === '') throw new SearchError(`Unexpected character '${c}' at position ${i}`);
    i = w.end;
    emitWord(out, w.raw, start, input, i);
  }
  out.push({ type: 'EOF', text: '', pos: n });
  return out;
}

function readWord(input: string, i: number): { raw: string; end: number } {
  let j = i;
  while (j < input.length) {
    const c = input[j];
    if (c === '\\' && j + 1 < input.length) {
      j += 2;
      continue;
    }
    if (c === '{' && (j === i || input[j - 1] === '@') && looksLikeUriQName(input, j)) {
      j = input.indexOf('}', j) + 1; // {uri}local QName: part of the word
      continue;
    }
    if (isSpace(c) || SPECIAL.has(c)) break;
    if (c === '&' && input[j + 1] === '&') break;
    if (c === '|' && input[j + 1] === '|') break;
    j++;
  }
  return { raw: input.slice(i, j), end: j };
}

function emitWord(out: Token[], raw0: string, pos: number, input: string, next: number) {
  const raw = stripWordSuffixes(raw0);
  if (raw === 'AND') {
    out.push({ type: 'AND', text: raw, pos });
    return;
  }
  if (raw === 'OR') {
    out.push({ type: 'OR', text: raw, pos });
    return;
  }
  if (raw === 'NOT') {
    out.push({ type: 'NOT', text: raw, pos });
    return;
  }
  if (raw === 'TO' && inRange(out)) {
    out.push({ type: 'TO', text: raw, pos });
    return;
  }
  // `field:` immediately followed by a value opener is a field token; `a:b:c` words are split by the parser
  if (raw.endsWith(':') && !raw.endsWith('\\:') && next < input.length && !isSpace(input[next])) {
    out.push({ type: 'FIELD', text: unescape(raw.slice(0, -1)), raw: raw.slice(0, -1), pos });
    return;
  }
  if (raw.endsWith(':') && !raw.endsWith('\\:')) throw new SearchError(`Missing value after field '${raw}'`);
  out.push({ type: 'WORD', text: unescape(raw), raw, pos });
}

/** Boost (^2) and fuzzy/slop (~0.8) suffixes change scoring only; we drop them. */
function stripWordSuffixes(raw: string): string {
  return raw.replace(/(?<!\\)[\^~][0-9.]*$/u, '');
}
function skipSuffixes(input: string, i: number): number {
  const m = /^[\^~][0-9.]*/u.exec(input.slice(i));
  return m ? i + m[0].length : i;
}

export function unescape(s: string): string {
  return s.replace(/\\(.)/gu, '$1');
}

function looksLikeUriQName(input: string, i: number): boolean {
  const close = input.indexOf('}', i);
  if (close < 0) return false;
  const inner = input.slice(i + 1, close);
  return !/\s/u.test(inner) && inner.length > 0 && close + 1 < input.length && /[\p{L}_]/u.test(input[close + 1]);
}

/** `<` opens a range only when a `TO` follows before the next closing bracket. */
function rangeAhead(input: string, i: number): boolean {
  return /^<\s*("[^"]*"|'[^']*'|[^\s\]>}]+)\s+TO\s/u.test(input.slice(i));
}

function inRange(out: Token[]): boolean {
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k].type === 'RANGE_OPEN') return true;
    if (out[k].type === 'RANGE_CLOSE' || out[k].type === 'LPAREN' || out[k].type === 'RPAREN') return false;
  }
  return false;
}
