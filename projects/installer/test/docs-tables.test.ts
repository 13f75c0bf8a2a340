/**
 * The docs' tables render as tables. GitHub splits a table row at every `|` not escaped as `\|`, even inside
 * a code span, so a cell such as `install|doctor` silently becomes two cells: the delimiter row no longer
 * matches the header (the whole table shows as text) or the row's tail is cut off. This test reads every
 * Markdown file of the project and checks each table the way GitHub's parser counts cells.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');

/** Cells of a GFM table row: split at unescaped pipes, outer pipes dropped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (row[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += row[i];
  }
  cells.push(cell);
  const trimmed = row.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

interface Finding {
  file: string;
  line: number;
  problem: string;
}

/** Every table whose rows do not have the header's number of cells. */
export function brokenTables(file: string, text: string): Finding[] {
  const lines = text.split('\n');
  const findings: Finding[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length - 1; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) inFence = !inFence;
    if (inFence || !lines[i].trim().startsWith('|')) continue;
    const delimiter = lines[i + 1].trim();
    if (!/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(delimiter)) continue;
    const width = tableCells(lines[i]).length;
    if (tableCells(delimiter).length !== width) {
      findings.push({ file, line: i + 2, problem: `delimiter row has ${tableCells(delimiter).length} cells, header ${width}` });
    }
    let j = i + 2;
    for (; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const n = tableCells(lines[j]).length;
      if (n > width) findings.push({ file, line: j + 1, problem: `${n} cells where the header has ${width}` });
    }
    i = j - 1;
  }
  return findings;
}

describe('Markdown tables in the docs', () => {
  it('finds a pipe inside a code span that splits a cell', () => {
    const text = ['| a | b |', '| - | - |', '| `x|y` | z |', ''].join('\n').replace('| - | - |', '| --- | --- |');
    assert.deepEqual(brokenTables('t.md', text), [{ file: 't.md', line: 3, problem: '3 cells where the header has 2' }]);
    assert.deepEqual(brokenTables('t.md', text.replace('`x|y`', '`x\\|y`')), []);
  });

  it('every table in the project renders with the cells its header names', () => {
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.includes('node_modules'));
    assert.ok(files.includes('docs/architecture.md'), 'the docs are found');
    const findings = files.flatMap((f) => brokenTables(f, fs.readFileSync(path.join(root, f), 'utf8')));
    assert.deepEqual(findings, []);
  });
});
