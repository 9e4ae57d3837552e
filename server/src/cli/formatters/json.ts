// Machine-readable output with ESLint's field names, so existing tooling can read it.

import type { FileReport } from '../lint';

// ESLint's numbers: 2 error, 1 warning. Info is 1 too, because tools that read this format drop 0 ("off"); hints,
// the faintest level, are 0. `level` gives the exact level.
const SEVERITY_NUMBER = { error: 2, warning: 1, info: 1, hint: 0 } as const;

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((file) => ({
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
  })), null, 2) + '\n';
}
