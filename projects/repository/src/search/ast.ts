/** Parsed AFTS query. Field names are kept as written (minus `@`); fields.ts resolves them. */
export type Ast = { k: 'and'; items: Ast[] } | { k: 'or'; items: Ast[] } | { k: 'not'; item: Ast } | { k: 'all' } | Term | Range;

export interface Term {
  k: 'term';
  /** null = default field (full text) */
  field: string | null;
  value: string;
  /** quoted value: several tokens must follow each other */
  phrase: boolean;
  /** `=field:value`: whole-value match instead of token match */
  exact: boolean;
  /** unescaped `*` or `?` present */
  wild: boolean;
}

export interface Range {
  k: 'range';
  field: string | null;
  /** null = unbounded (MIN, MAX, `*`) */
  lo: string | null;
  hi: string | null;
  loInc: boolean;
  hiInc: boolean;
}
