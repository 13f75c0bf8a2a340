/**
 * One Indian date format (issue 16): every date an officer sees goes through office-time.ts (@eoffice/domain), on
 * screen through the `eofficeDate` pipe, in fields through Material's datepicker over office days. This
 * spec reads the extension's and the domain package's sources (served by Karma, see eofficeSources in karma.conf.js) and fails on any other way
 * of turning a date into text or of asking for one.
 */

/** The files that are the one formatter, and so may use the means the rest may not. */
const FORMATTER_FILES = [
  'domain/src/office-time.ts',
  'eoffice/src/lib/shared/date/eoffice-date.pipe.ts',
  'eoffice/src/lib/shared/date/office-date-adapter.ts'
];

const FORBIDDEN: { rule: string; pattern: RegExp }[] = [
  { rule: "Angular's date pipe (use | eofficeDate)", pattern: /(?<!\|)\|(?!\|)\s*date\b(?!\w)/ },
  { rule: 'DatePipe', pattern: /\bDatePipe\b/ },
  { rule: 'formatDate()', pattern: /\bformatDate\s*\(/ },
  { rule: 'toLocaleDateString()', pattern: /\.toLocaleDateString\s*\(/ },
  { rule: 'toLocaleTimeString()', pattern: /\.toLocaleTimeString\s*\(/ },
  { rule: 'toLocaleString()', pattern: /\.toLocaleString\s*\(/ },
  { rule: 'Intl.DateTimeFormat', pattern: /\bIntl\.DateTimeFormat\b/ },
  { rule: 'a native date input (use matDatepicker)', pattern: /type=["'](date|datetime-local|month)["']/ },
  { rule: 'an ISO date cut in a template (use | eofficeDate)', pattern: /\{\{[^}]*\.(slice|substring)\(0,\s*1[06]\)[^}]*\}\}/ }
];

interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Where a text breaks the rule: one finding per offending line. */
export function dateFormattingFindings(file: string, text: string): Finding[] {
  if (FORMATTER_FILES.some((allowed) => file.endsWith(allowed))) return [];
  return text
    .split('\n')
    .flatMap((line, i) =>
      FORBIDDEN.filter(({ pattern }) => pattern.test(line)).map(({ rule }) => ({ file, line: i + 1, rule, text: line.trim() }))
    );
}

/** The extension's and the domain's sources Karma serves, specs left out (they may hold old formats as data to test against). */
function sourceFiles(): string[] {
  const served = (window as unknown as { __karma__: { files: Record<string, string> } }).__karma__.files;
  return Object.keys(served).filter((path) => /\/projects\/(eoffice|domain)\/src\//.test(path) && !path.endsWith('.spec.ts'));
}

describe('one date formatter', () => {
  it('recognises each way around it', () => {
    const samples = [
      `<td>{{ d.issuedAt | date: 'dd-MM-yyyy HH:mm' }}</td>`,
      `import { DatePipe } from '@angular/common';`,
      `return date.toLocaleDateString('en-IN');`,
      `value.toLocaleString(locale)`,
      `new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })`,
      `<input matInput type="date" formControlName="letterDate" />`,
      `<td>{{ item.heldSince.slice(0, 10) }}</td>`
    ];
    for (const sample of samples) expect(dateFormattingFindings('lib/x.ts', sample).length).withContext(sample).toBe(1);
    expect(dateFormattingFindings('lib/x.ts', `<td>{{ item.heldSince | eofficeDate }}</td> {{ a || b }}`)).toEqual([]);
    expect(dateFormattingFindings('/base/projects/domain/src/office-time.ts', samples.join('\n'))).toEqual([]);
  });

  it('is the only one in the extension: no template or component formats a date by other means', async () => {
    const files = sourceFiles();
    // The scan must have something to read, the formatter itself among it.
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith('domain/src/office-time.ts'))).toBeTrue();
    const findings = (
      await Promise.all(
        files.map(async (path) => {
          const response = await fetch(path);
          expect(response.ok).withContext(path).toBeTrue();
          return dateFormattingFindings(path.slice(path.indexOf('projects/')), await response.text());
        })
      )
    ).flat();
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });
});
