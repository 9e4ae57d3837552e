// The invariants every input must keep when it goes through the engine, whatever the input: no throw, no crashed
// rule, every range and every edit inside the document, safe fixes apply, and (when asked) every quick-fix keeps the
// YAML readable and every comment in place. Each check returns problems as text instead of throwing at the
// first, so one run over a corpus lists every failing input.

import { analyze, INTERNAL_ERROR, MAX_ANALYSED_LENGTH, type Analysis } from '../../../server/src/engine/analyze';
import { applicableSafeFixes, applyFixes } from '../../../server/src/core/applyFixes';
import type { Edit, Finding, OffsetRange } from '../../../server/src/core/finding';
import { RULES_BY_ID } from '../../../server/src/rules/index';
import { comments, isSuppression } from '../../harness/check';

export interface CheckOptions {
  /** Also apply every fix (safe or not) alone and check the YAML still parses and comment lines survive. */
  readonly everyFix?: boolean;
  /** Per-input budget for the first analysis, in milliseconds. */
  readonly budgetMs?: number;
}

export interface CheckResult {
  readonly problems: string[];
  readonly findings: number;
  readonly ms: number;
}

export function checkEngine(text: string, options: CheckOptions = {}): CheckResult {
  const problems: string[] = [];
  const started = performance.now();
  let analysis: Analysis;
  try {
    analysis = analyze(text);
  } catch (error) {
    return { problems: [`analyze threw: ${describe(error)}`], findings: 0, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  if (options.budgetMs !== undefined && ms > options.budgetMs) problems.push(`analysis took ${ms.toFixed(0)} ms, over ${options.budgetMs} ms`);
  problems.push(...checkFindings(text, analysis.findings));

  const lines = lineCount(text);
  try {
    for (const f of analysis.findings) {
      const { line } = analysis.model.linePos(f.range.start);
      if (text.length <= MAX_ANALYSED_LENGTH && (line < 0 || line >= lines)) problems.push(`${f.ruleId}: linePos gives line ${line} of ${lines}`);
    }
  } catch (error) {
    problems.push(`linePos threw: ${describe(error)}`);
  }

  try {
    const fixed = applyFixes(text, applicableSafeFixes(analysis.findings));
    if (typeof fixed !== 'string') problems.push('applying the safe fixes gave no text');
    else if (fixed !== text) {
      try {
        problems.push(...checkFindings(fixed, analyze(fixed).findings).map((p) => `after the safe fixes: ${p}`));
      } catch (error) {
        problems.push(`analyze threw on the text after the safe fixes: ${describe(error)}`);
      }
    }
  } catch (error) {
    problems.push(`applying the safe fixes threw: ${describe(error)}`);
  }

  if (options.everyFix) problems.push(...checkEveryFix(text, analysis));
  return { problems, findings: analysis.findings.length, ms };
}

/** Ranges, related places and fix edits inside the document; known rule ids; no crashed rule. */
export function checkFindings(text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const inside = (r: OffsetRange) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length;
  for (const f of findings) {
    const where = `${f.ruleId} "${f.message.slice(0, 80)}"`;
    if (!RULES_BY_ID.has(f.ruleId) && f.ruleId !== INTERNAL_ERROR) problems.push(`unknown rule id ${f.ruleId}`);
    if (f.ruleId === INTERNAL_ERROR && text.length <= MAX_ANALYSED_LENGTH) problems.push(`a rule crashed: ${f.message}`);
    if (!inside(f.range)) problems.push(`${where}: range ${f.range.start}-${f.range.end} outside 0-${text.length}`);
    for (const r of f.related) if (!inside(r.range)) problems.push(`${where}: related range ${r.range.start}-${r.range.end} outside 0-${text.length}`);
    if (typeof f.message !== 'string' || f.message.length === 0) problems.push(`${f.ruleId}: empty message`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        if (!inside(e) || typeof e.text !== 'string') problems.push(`${where}: fix "${fix.title}" edit ${e.start}-${e.end} outside 0-${text.length}`);
      }
      if (overlapping(fix.edits)) problems.push(`${where}: fix "${fix.title}" has overlapping edits`);
    }
  }
  return problems;
}

/** Every fix alone: the result analyses cleanly, has no more yaml-syntax findings, and keeps every comment. */
export function checkEveryFix(text: string, analysis: Analysis): string[] {
  const problems: string[] = [];
  const syntaxBefore = countSyntax(analysis.findings);
  const commentsBefore = countLines(comments(text));
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes) {
      const where = `${finding.ruleId} fix "${fix.title}"`;
      let after: string;
      try {
        after = applyFixes(text, [fix]);
      } catch (error) {
        problems.push(`${where} threw when applied: ${describe(error)}`);
        continue;
      }
      let findings: readonly Finding[];
      try {
        findings = analyze(after).findings;
      } catch (error) {
        problems.push(`${where}: analyze threw on the fixed text: ${describe(error)}`);
        continue;
      }
      problems.push(...checkFindings(after, findings).map((p) => `after ${where}: ${p}`));
      const syntaxAfter = countSyntax(findings);
      if (syntaxAfter > syntaxBefore) problems.push(`${where} broke the YAML (${syntaxBefore} → ${syntaxAfter} yaml-syntax findings)`);
      const commentsAfter = countLines(comments(after));
      for (const [line, count] of commentsBefore) {
        // A fix may remove a suppression comment it makes pointless (unused-suppression); it keeps every other one.
        if (finding.ruleId === 'unused-suppression' && isSuppression(line)) continue;
        if ((commentsAfter.get(line) ?? 0) < count) problems.push(`${where} lost or moved the comment ${JSON.stringify(line)}`);
      }
    }
  }
  return problems;
}

function countSyntax(findings: readonly Finding[]): number {
  return findings.filter((f) => f.ruleId === 'yaml-syntax').length;
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

function overlapping(edits: readonly Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return true;
  return false;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
