// Renders a finding as a code frame with carets under its range, for the rule snapshots (test/rules/<id>/invalid.snap).

import type { Finding } from '../../server/src/core/finding';
import type { LineIndex } from '../../server/src/core/lines';

/** `file:line:col severity rule-id message`, the source line(s), carets, related places and fixes. */
export function renderFrame(
  fileName: string, lines: LineIndex, finding: Finding,
  /** The line index of another file of the scope, for related places there. */
  linesOf?: (file: string) => LineIndex | undefined,
): string {
  const start = lines.position(finding.range.start);
  const end = lines.position(finding.range.end);
  const out: string[] = [`${fileName}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}`];
  const width = String(end.line + 1).length;
  for (let line = start.line; line <= end.line; line++) {
    const source = lines.lineText(line);
    out.push(`  ${String(line + 1).padStart(width)} | ${source}`);
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? end.character : source.length;
    out.push(`  ${' '.repeat(width)} | ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`);
  }
  for (const related of finding.related) {
    const other = related.file === undefined ? lines : linesOf?.(related.file);
    const pos = other?.position(related.range.start);
    const where = `${related.file === undefined ? '' : related.file}${pos ? `${related.file === undefined ? '' : ':'}${pos.line + 1}:${pos.character + 1}` : ''}`;
    out.push(`  related ${where}: ${related.message}`);
  }
  for (const fix of finding.fixes) out.push(`  fix (${fix.safety}${fix.preferred ? ', preferred' : ''}): ${fix.title}`);
  return out.join('\n');
}
