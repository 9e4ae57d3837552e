// Machine-readable output with ESLint's field names, so existing tooling can read it.

import type { FileReport } from '../lint';
import type { Formatter } from './formatter';

// ESLint's numbers: 2 error, 1 warning. Info is 1 too, because tools that read this format drop 0 ("off"); hints,
// the faintest level, are 0. `level` gives the exact level.
const SEVERITY_NUMBER = { error: 2, warning: 1, info: 1, hint: 0 } as const;

/**
 * The report as `JSON.stringify(files, null, 2)` would print it, one file at a time: each file's entry is printed at
 * the depth it has in the array, so a large report is written while later files are still being checked.
 */
export function jsonFormatter(): Formatter {
  let first = true;
  return {
    start: () => '',
    file(file) {
      const entry = stringifyAt(jsonEntry(file), 1);
      const chunk = `${first ? '[\n' : ',\n'}${entry}`;
      first = false;
      return chunk;
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  };
}

function jsonEntry(file: FileReport) {
  return {
    filePath: file.path,
    messages: file.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: SEVERITY_NUMBER[f.severity],
      level: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      fixable: f.fixable,
      ...(f.related.length ? { related: f.related } : {}),
    })),
    errorCount: file.findings.filter((f) => f.severity === 'error').length,
    warningCount: file.findings.filter((f) => f.severity === 'warning').length,
    infoCount: file.findings.filter((f) => f.severity === 'info').length,
    hintCount: file.findings.filter((f) => f.severity === 'hint').length,
    fixedCount: file.fixed,
  };
}

/**
 * `value` printed as `JSON.stringify(…, null, 2)` prints it `depth` arrays deep, first line indented too: printed
 * inside that many one-item arrays, whose brackets (`[` and a line break at each depth before it, the same after) are
 * cut off again.
 */
export function stringifyAt(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const cut = depth * (depth + 1);
  return text.slice(cut, text.length - cut);
}
