// Functional file numbers (CSMOP): basic head letter, primary head (2 digits), secondary head
// (3 digits), serial in the year, optional issue part, year, section and department:
//   A-11011/5/2026-EST-GAD      two issues from one file on one day: A-11011/5(I)/2026-EST-GAD

export interface FileNumberParts {
  basicHead: string;
  primaryHead: string;
  secondaryHead: string;
  serial: number;
  year: number;
  section: string;
  department: string;
  /** Issue part: 1 gives (I), 2 gives (II) … */
  part?: number;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/**
 * The flag a file's correspondence entry carries, by its serial: the first is the paper under
 * consideration (PUC), later ones fresh receipts FR I, FR II … (the workflow's put-in-file uses it too).
 */
export function correspondenceFlag(serial: number): string {
  return serial === 1 ? 'PUC' : `FR ${toRoman(serial - 1)}`;
}

export function fromRoman(text: string): number {
  let n = 0;
  let rest = text;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      n += value;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' ? n : NaN;
}

/** Problems with the parts (empty when they make a valid number). */
export function checkFileNumberParts(p: FileNumberParts): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{1,2}$/.test(p.basicHead)) problems.push('basic head must be one or two capital letters');
  if (!/^\d{2}$/.test(p.primaryHead)) problems.push('primary head must be two digits');
  if (!/^\d{3}$/.test(p.secondaryHead)) problems.push('secondary head must be three digits');
  if (!Number.isInteger(p.serial) || p.serial < 1) problems.push('serial must be a positive whole number');
  if (!Number.isInteger(p.year) || p.year < 1947 || p.year > 9999) problems.push('year must be a four-digit year');
  if (!/^[A-Z0-9]+$/.test(p.section)) problems.push('section must be a section code');
  if (!/^[A-Z0-9]+$/.test(p.department)) problems.push('department must be a department code');
  if (p.part !== undefined && (!Number.isInteger(p.part) || p.part < 1)) problems.push('part must be a positive whole number');
  return problems;
}

export function formatFileNumber(p: FileNumberParts): string {
  const problems = checkFileNumberParts(p);
  if (problems.length) throw new Error(`Invalid file number: ${problems.join('; ')}`);
  const part = p.part ? `(${toRoman(p.part)})` : '';
  return `${p.basicHead}-${p.primaryHead}${p.secondaryHead}/${p.serial}${part}/${p.year}-${p.section}-${p.department}`;
}

export function parseFileNumber(text: string): FileNumberParts | undefined {
  const m = /^([A-Z]{1,2})-(\d{2})(\d{3})\/(\d+)(?:\(([IVXLCDM]+)\))?\/(\d{4})-([A-Z0-9]+)-([A-Z0-9]+)$/.exec(text.trim());
  if (!m) return undefined;
  const part = m[5] ? fromRoman(m[5]) : undefined;
  if (part !== undefined && !(part > 0)) return undefined;
  return {
    basicHead: m[1],
    primaryHead: m[2],
    secondaryHead: m[3],
    serial: Number(m[4]),
    year: Number(m[6]),
    section: m[7],
    department: m[8],
    ...(part !== undefined && { part })
  };
}

/**
 * The issue number of the `issueOfDay`-th letter a file issues on one day (design choice, conventions
 * give only (I), (II)): the first issue of the day carries the plain file number, the second `(I)`, the
 * third `(II)` … `A-11011/5/2026-EST-GAD`, `A-11011/5(I)/2026-EST-GAD`, `A-11011/5(II)/2026-EST-GAD`.
 * The day's count comes from the file's Dispatches/, whose node names encode date and index.
 */
export function issueNumber(fileNumber: string, issueOfDay: number): string {
  if (!Number.isInteger(issueOfDay) || issueOfDay < 1) throw new Error(`Invalid issue of the day: ${issueOfDay}`);
  const parts = parseFileNumber(fileNumber);
  if (!parts) throw new Error(`Not a functional file number: ${fileNumber}`);
  return formatFileNumber({ ...parts, part: issueOfDay > 1 ? issueOfDay - 1 : undefined });
}
