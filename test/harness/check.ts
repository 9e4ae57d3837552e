// The one place rule fixtures are analysed: findings of one rule rendered as frames, and fix application.

import { analyze, type Analysis } from '../../server/src/engine/analyze';
import { applyFixes, applicableSafeFixes } from '../../server/src/core/applyFixes';
import type { Finding } from '../../server/src/core/finding';
import { renderFrame } from './codeFrame';

export function findingsOf(analysis: Analysis, ruleId: string): Finding[] {
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

export function snapshot(fileName: string, text: string, ruleId: string): string {
  const analysis = analyze(text);
  const findings = findingsOf(analysis, ruleId);
  return findings.map((f) => renderFrame(fileName, analysis.lines, f)).join('\n\n') + '\n';
}

/** The text after applying the safe fixes of one rule's findings, repeated until none is left (as `--fix` does). */
export function fixedText(text: string, ruleId: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = applicableSafeFixes(findingsOf(analyze(current), ruleId));
    if (fixes.length === 0) break;
    current = applyFixes(current, fixes);
  }
  return current;
}

/** Comment lines of a text, trimmed: a fix must keep every one of them. */
export function commentLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('#'));
}
