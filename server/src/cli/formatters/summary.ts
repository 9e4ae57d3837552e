// Counts findings by severity across files, for summaries and the exit code.

import type { FileReport } from '../lint';

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
  readonly fixable: number;
  readonly fixed: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  let errors = 0, warnings = 0, infos = 0, hints = 0, fixable = 0, fixed = 0;
  for (const file of reports) {
    fixed += file.fixed;
    for (const f of file.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else if (f.severity === 'info') infos++;
      else hints++;
      if (f.fixable) fixable++;
    }
  }
  return { errors, warnings, infos, hints, fixable, fixed };
}

export const EMPTY_SUMMARY: Summary = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, fixed: 0 };

export function addSummary(a: Summary, b: Summary): Summary {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos, hints: a.hints + b.hints, fixable: a.fixable + b.fixable, fixed: a.fixed + b.fixed };
}
