// Lints one file: read, decode, analyse, apply safe fixes with --fix, and convert findings to 1-based positions.

import { readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../engine/analyze';
import { applicableSafeFixes, applyFixes } from '../core/applyFixes';
import { decodePlan } from '../core/decode';
import type { Finding, Level, Severity } from '../core/finding';
import type { Config } from '../scope/config';
import type { PlanFacts } from '../plan/facts';
import type { Roster } from '../scope/roster';
import type { LineIndex } from '../core/lines';

export interface ReportedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fixable: boolean;
  /** `file`: the related place is in another file (a display path, like `FileReport.path`). */
  readonly related: readonly { line: number; column: number; message: string; file?: string }[];
}

export interface FileReport {
  readonly path: string;
  readonly findings: readonly ReportedFinding[];
  /** Findings removed by --fix. */
  readonly fixed: number;
  /** Set when the file could not be read at all (an I/O error: exit code 2). */
  readonly ioError?: string;
  /** A configuration file or a roster rather than a plan. */
  readonly settings?: true;
  /** What the cross-plan rules need from this plan (absent when it could not be analysed). */
  readonly facts?: PlanFacts;
}

export interface LintFileOptions {
  /** The command line's `--rule` overrides. */
  readonly levels: ReadonlyMap<string, Level>;
  readonly fix: boolean;
  /** The plan's configuration and roster (README, "Many plans"). */
  readonly config?: Config;
  readonly roster?: Roster;
}

/** --fix repeats because one fix can make another applicable; this bounds it. */
const MAX_FIX_PASSES = 10;

export function lintFile(path: string, options: LintFileOptions): FileReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { path, findings: [], fixed: 0, ioError: `Cannot read \`${path}\`: ${reason}.` };
  }
  const decoded = decodePlan(bytes);
  if (decoded.problem && decoded.text === '') {
    return {
      path,
      findings: [{ ruleId: 'yaml-syntax', severity: 'error', message: decoded.problem, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, related: [] }],
      fixed: 0,
    };
  }
  let text = decoded.text;
  let analysis = analyze(text, analyzeOptions(options));
  let fixed = 0;
  if (options.fix && !decoded.problem) {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = applicableSafeFixes(analysis.findings);
      if (fixes.length === 0) break;
      const before = analysis.findings.length;
      text = applyFixes(text, fixes);
      analysis = analyze(text, analyzeOptions(options));
      fixed += Math.max(0, before - analysis.findings.length);
    }
    if (text !== decoded.text) {
      try {
        writeFileSync(path, (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '') + text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (error as Error).message;
        return { path, findings: [], fixed: 0, ioError: `Cannot write the fixes to \`${path}\`: ${reason}.` };
      }
    }
  }
  const findings = analysis.findings.map((f) => report(analysis.lines, f));
  if (decoded.problem) {
    findings.unshift({ ruleId: 'yaml-syntax', severity: 'error', message: decoded.problem, line: 1, column: 1, endLine: 1, endColumn: 1, fixable: false, related: [] });
  }
  return { path, findings, fixed, facts: analysis.facts };
}

function analyzeOptions(options: LintFileOptions) {
  return { levels: options.levels, ...(options.config ? { config: options.config } : {}), ...(options.roster ? { roster: options.roster } : {}) };
}

export function report(lines: LineIndex, finding: Finding): ReportedFinding {
  const start = lines.position(finding.range.start);
  const end = lines.position(finding.range.end);
  return reportedAt(finding, { ...start, endLine: end.line, endCharacter: end.character },
    finding.related.map((r) => ({ ...lines.position(r.range.start), message: r.message })));
}

/** A finding as the CLI reports it, from its 0-based place and the 0-based places of its related information. */
export function reportedAt(
  finding: Finding,
  at: { line: number; character: number; endLine: number; endCharacter: number },
  related: readonly { line: number; character: number; message: string; file?: string }[],
): ReportedFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: at.line + 1,
    column: at.character + 1,
    endLine: at.endLine + 1,
    endColumn: at.endCharacter + 1,
    fixable: finding.fixes.some((f) => f.safety === 'safe'),
    related: related.map((r) => ({ line: r.line + 1, column: r.character + 1, message: r.message, ...(r.file !== undefined ? { file: r.file } : {}) })),
  };
}
