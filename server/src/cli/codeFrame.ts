// Renders a finding as a code frame with carets under its range: the CLI's `--format frame` and the test snapshots.

import type { Finding } from '../core/finding';
import type { YamlModel } from '../model/yamlModel';

/** `file:line:col severity rule-id message`, the source line(s), carets, related places and fixes. */
export function renderFrame(
  fileName: string, text: string, model: YamlModel, finding: Finding,
  /** The model of another file of the scope, for related places there. */
  modelOf?: (file: string) => YamlModel | undefined,
): string {
  const start = model.linePos(Math.min(finding.range.start, text.length));
  const end = model.linePos(Math.min(finding.range.end, text.length));
  const lines = text.split(/\r?\n/);
  const out: string[] = [`${fileName}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}`];
  const width = String(end.line + 1).length;
  for (let line = start.line; line <= end.line && line < lines.length; line++) {
    const source = lines[line] ?? '';
    out.push(`  ${String(line + 1).padStart(width)} | ${source}`);
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? end.character : source.length;
    out.push(`  ${' '.repeat(width)} | ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`);
  }
  for (const related of finding.related) {
    const other = related.file === undefined ? model : modelOf?.(related.file);
    const pos = other?.linePos(related.range.start);
    const where = `${related.file === undefined ? '' : related.file}${pos ? `${related.file === undefined ? '' : ':'}${pos.line + 1}:${pos.character + 1}` : ''}`;
    out.push(`  related ${where}: ${related.message}`);
  }
  for (const fix of finding.fixes) out.push(`  fix (${fix.safety}${fix.preferred ? ', preferred' : ''}): ${fix.title}`);
  return out.join('\n');
}
