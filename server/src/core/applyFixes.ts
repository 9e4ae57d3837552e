// Applies fixes to a text: the one function behind `crmteam lint --fix` and the editor's fix-all.

import type { Edit, Finding, Fix } from './finding';

/** The safe fixes of these findings that do not overlap each other, each finding's first safe fix only. */
export function applicableSafeFixes(findings: readonly Finding[]): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.safety === 'safe');
    if (fix) fixes.push(fix);
  }
  return nonOverlapping(fixes);
}

/** Keeps fixes whose edits overlap no edit of an earlier kept fix (a fix is applied whole or not at all). */
export function nonOverlapping(fixes: readonly Fix[]): Fix[] {
  const kept: Fix[] = [];
  const taken: Edit[] = [];
  for (const fix of fixes) {
    // Identical fixes (the same edit offered for two findings) overlap too, so each is applied once.
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    kept.push(fix);
    taken.push(...fix.edits);
  }
  return kept;
}

/** Applies non-overlapping edits; insertions at the same offset keep their given order. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export function applyFixes(text: string, fixes: readonly Fix[]): string {
  return applyEdits(text, fixes.flatMap((f) => f.edits));
}

function overlaps(a: Edit, b: Edit): boolean {
  // Two insertions at the same offset would make the result depend on order: treat them as overlapping.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
