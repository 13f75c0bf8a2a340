// Token matching shared by full text (FTS5) and tokenised property matches. Tokens are runs of
// letters, digits, private-use characters and combining marks — the same classes node_text's
// unicode61 tokenizer keeps — so Devanagari words (with their vowel signs and viramas) stay whole.
import type { Database } from 'better-sqlite3';

const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const TOKEN_OR_WILD = /[\p{L}\p{N}\p{Co}\p{M}*?]+/gu;

export function tokens(s: string): string[] {
  return s.toLowerCase().match(TOKEN) ?? [];
}

/** Query tokens keeping wildcards, e.g. `Annual re*` -> ['annual', 're*']. */
export function patternTokens(s: string): string[] {
  return (s.toLowerCase().match(TOKEN_OR_WILD) ?? []).filter((t) => /[^*?]/u.test(t) || t === '*');
}

/**
 * FTS5 expression for a term over some node_text columns (all when `columns` is empty), or
 * undefined when FTS5 cannot express it (leading or inner wildcards, `?`).
 */
export function ftsExpression(value: string, columns: string[]): string | 'NONE' | undefined {
  const toks = patternTokens(value);
  if (toks.length === 0) return 'NONE';
  const last = toks[toks.length - 1];
  const body = toks.slice(0, -1);
  if (body.some((t) => /[*?]/u.test(t))) return undefined;
  let prefix = false;
  let lastWord = last;
  if (/[*?]/u.test(last)) {
    if (!/^[^*?]+\*+$/u.test(last)) return undefined;
    prefix = true;
    lastWord = last.replace(/\*+$/u, '');
  }
  // tokens hold only letters/digits/marks, so they are safe inside FTS5 double quotes
  const phrase = `"${[...body, lastWord].join(' ')}"${prefix ? ' *' : ''}`;
  return columns.length > 0 ? `{${columns.join(' ')}} : ${phrase}` : phrase;
}

const regexCache = new Map<string, RegExp[]>();
function compilePattern(pattern: string): RegExp[] {
  let r = regexCache.get(pattern);
  if (!r) {
    r = patternTokens(pattern).map(
      (t) =>
        new RegExp(
          `^${t
            .replace(/[.+^${}()|[\]\\]/gu, '\\$&')
            .replace(/\*/gu, '.*')
            .replace(/\?/gu, '.')}$`,
          'u'
        )
    );
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(pattern, r);
  }
  return r;
}

/** Whether the query tokens of `pattern` occur consecutively among the tokens of `value`. */
export function tokenMatch(value: unknown, pattern: string): boolean {
  if (value === null || value === undefined) return false;
  const v = tokens(String(value));
  const p = compilePattern(pattern);
  if (p.length === 0) return false;
  for (let i = 0; i + p.length <= v.length; i++) {
    let ok = true;
    for (let k = 0; k < p.length && ok; k++) ok = p[k].test(v[i + k]);
    if (ok) return true;
  }
  return false;
}

/** ISO 9075 decoding of QName local names: `My_x0020_Folder` -> `My Folder`. */
export function iso9075Decode(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4,8})_/gu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
}

/**
 * A LIKE pattern that every match must satisfy (the longest literal token), used as a cheap
 * prefilter before the JS token match; undefined when LIKE cannot be trusted (cased non-ASCII,
 * since SQLite's LIKE folds ASCII only).
 */
export function likePrefilter(pattern: string): string | undefined {
  const lits = patternTokens(pattern)
    .flatMap((t) => t.split(/[*?]+/u))
    .filter(Boolean);
  if (lits.length === 0) return undefined;
  const lit = lits.reduce((a, b) => (b.length > a.length ? b : a));
  // eslint-disable-next-line no-control-regex -- ASCII is the whole range, controls included
  if (!/^[\x00-\x7f]*$/u.test(lit) && lit.toUpperCase() !== lit) return undefined;
  return `%${lit.replace(/[%_\\]/gu, '\\$&')}%`;
}

/** Converts AFTS wildcards to a LIKE pattern (case-insensitive for ASCII). */
export function wildcardToLike(s: string): string {
  return s
    .replace(/[%_\\]/gu, '\\$&')
    .replace(/\*/gu, '%')
    .replace(/\?/gu, '_');
}

const registered = new WeakSet<Database>();
/** SQL functions used by compiled queries; registered once per connection. */
export function registerFunctions(db: Database): void {
  if (registered.has(db)) return;
  db.function('afts_tokmatch', { deterministic: true }, (v: unknown, p: unknown) => (tokenMatch(v, String(p)) ? 1 : 0));
  db.function('afts_iso9075', { deterministic: true }, (v: unknown) => (v === null ? null : iso9075Decode(String(v))));
  registered.add(db);
}
