// The one place rule fixtures are analysed: findings of one rule rendered as frames, and fix application.

import { CST, Lexer } from 'yaml';
import { analyze, type Analysis } from '../../server/src/engine/analyze';
import { applyFixes, applicableSafeFixes } from '../../server/src/core/applyFixes';
import type { Edit, Finding, Fix } from '../../server/src/core/finding';
import { LineIndex } from '../../server/src/core/lines';
import { renderFrame } from './codeFrame';

export function findingsOf(analysis: Analysis, ruleId: string): Finding[] {
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

/**
 * One rule's findings as code frames, each offered fix followed by the lines it changes: `-` the lines before, `+`
 * the lines after, numbered in their own text. So the golden pins every fix's result, not only its title.
 */
export function snapshot(fileName: string, text: string, ruleId: string): string {
  const analysis = analyze(text);
  const findings = findingsOf(analysis, ruleId);
  return findings.map((f) => {
    const frame = renderFrame(fileName, analysis.lines, f).split('\n');
    // renderFrame ends with one line per fix, in order: each gets its changed lines below it.
    const head = frame.slice(0, frame.length - f.fixes.length);
    const fixes = f.fixes.flatMap((fix, i) => [frame[head.length + i]!, ...fixResult(text, fix)]);
    return [...head, ...fixes].join('\n');
  }).join('\n\n') + '\n';
}

/** A text's lines (without their breaks) and its line index. */
function linesOf(text: string) {
  const index = new LineIndex(text);
  return { index, lines: Array.from({ length: index.lineCount }, (_, i) => index.lineText(i)) };
}

/** The changed lines of one fix, hunk by hunk: `    - 12 | before`, then `    + 12 | after`. */
export function fixResult(text: string, fix: Fix): string[] {
  const after = applyFixes(text, [fix]);
  const before = linesOf(text);
  const result = linesOf(after);
  // Each edit's lines in the text before and after (edits in order; the shift is what earlier edits added).
  const spans: { from: [number, number]; to: [number, number] }[] = [];
  let shift = 0;
  const edits: Edit[] = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const edit of edits) {
    const from: [number, number] = [before.index.lineOf(edit.start), before.index.lineOf(edit.end)];
    const to: [number, number] = [result.index.lineOf(edit.start + shift), result.index.lineOf(edit.start + shift + edit.text.length)];
    shift += edit.text.length - (edit.end - edit.start);
    const last = spans[spans.length - 1];
    if (last && from[0] <= last.from[1]) {
      last.from[1] = Math.max(last.from[1], from[1]);
      last.to[1] = Math.max(last.to[1], to[1]);
    } else spans.push({ from, to });
  }
  const show = (lines: readonly string[], sign: string, i: number) => `    ${sign} ${String(i + 1).padStart(3)} | ${lines[i]!}`;
  const out: string[] = [];
  for (const { from, to } of spans) {
    let [a0, a1] = from;
    let [b0, b1] = to;
    // Lines the edit touched but left as they were (an insertion at a line start, a deletion up to one) are not shown.
    while (a0 <= a1 && b0 <= b1 && before.lines[a0] === result.lines[b0]) { a0++; b0++; }
    while (a1 >= a0 && b1 >= b0 && before.lines[a1] === result.lines[b1]) { a1--; b1--; }
    for (let i = a0; i <= a1; i++) out.push(show(before.lines, '-', i));
    for (let i = b0; i <= b1; i++) out.push(show(result.lines, '+', i));
  }
  return out;
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

/** Tokens of `yaml`'s lexer that mark a place and take no characters of the source. */
const MARKERS = new Set(['doc-mode', 'scalar', 'flow-error-end']);

/**
 * Every comment of a YAML text, in order, as the YAML lexer sees it: `# text` for a comment on a line of its own,
 * `… # text` for one at the end of a line with content before it. A `#` inside a quoted or block scalar is not a
 * comment. A fix must keep every one of them, in its place.
 */
export function comments(text: string): string[] {
  const found: string[] = [];
  let lineHasContent = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type && MARKERS.has(type)) continue;
    if (type === 'comment') found.push(`${lineHasContent ? '… ' : ''}${token.trimEnd()}`);
    else if (token.endsWith('\n') || token.endsWith('\r')) lineHasContent = false;
    else if (type !== 'space' && type !== 'byte-order-mark' && token.trim() !== '') lineHasContent = true;
  }
  return found;
}

/** Whether a comment (as `comments` gives it) is a suppression comment. */
export function isSuppression(comment: string): boolean {
  return /^(… )?#\s*crmteam-disable/.test(comment);
}
