/** Counts as officers read them: lakh/crore grouping (12,34,567) in English and Hindi. */
export function formatIndianNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang.startsWith('hi') ? 'hi-IN' : 'en-IN').format(n);
}
