// Reports suppression comments (or rule ids in them) that silenced no finding, and offers to remove them.

import type { Edit, Fix } from '../core/finding';
import type { Suppression } from '../model/suppressions';
import { removeComment } from '../model/edits';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: [],
    phase: 'after-suppressions',
    docs: {
      summary: 'Every rule id in a `crmteam-disable` or `crmteam-disable-next-line` comment must silence a finding.',
      rationale:
        'A suppression that silences nothing is noise at best. At worst it hides a future problem: once the plan changes, ' +
        'the stale comment will quietly swallow a finding nobody meant to accept. A misspelt rule id, or a comment that ' +
        'drifted away from the line it was written for, also shows up here.',
      howToFix:
        'Delete the rule id from the comment, or the whole comment when none of its ids is needed; check the spelling of ' +
        'the id and that the comment sits on the line right above the finding. The quick-fix removes the unused id, or ' +
        'the whole comment when every id in it is unused.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  # crmteam-disable-next-line it-owner-internal -- contractor for now\n  itOwner: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n',
    },
  },
  check({ model, unusedSuppressions, report }) {
    // How many of each comment's ids are unused: when all are, the fix removes the whole comment.
    const unusedCount = new Map<Suppression, number>();
    for (const u of unusedSuppressions) unusedCount.set(u.suppression, (unusedCount.get(u.suppression) ?? 0) + 1);

    for (const { suppression, ruleId } of unusedSuppressions) {
      const wholeComment = suppression.ruleIds.length === 0 || unusedCount.get(suppression) === suppression.ruleIds.length;
      const where = suppression.kind === 'file' ? 'anywhere in this file' : 'starting on the next line';
      let message: string;
      let edit: Edit | undefined;
      if (ruleId === undefined) {
        message = `This suppression comment names no rule, so it silences nothing. Add the rule ids to silence after \`crmteam-${suppression.kind === 'file' ? 'disable' : 'disable-next-line'}\`, or remove the comment.`;
        edit = removeComment(model.text, suppression.range);
      } else {
        message = `\`${ruleId}\` in this suppression comment silenced nothing: there is no \`${ruleId}\` finding ${where}. Remove it, or check the rule id and where the comment stands.`;
        edit = wholeComment ? removeComment(model.text, suppression.range) : removeIdEdit(suppression, ruleId);
      }
      const fixes: Fix[] = edit
        ? [{
          title: wholeComment ? 'Remove this suppression comment (it silences nothing)' : `Remove \`${ruleId}\` from this suppression comment (it silences nothing)`,
          safety: 'safe',
          preferred: true,
          edits: [edit],
        }]
        : [];
      report({ range: suppression.range, message, fixes });
    }
  },
});

/** Deletes one id and the separator before it (or after it, for the first id), keeping the rest of the comment. */
function removeIdEdit(suppression: Suppression, ruleId: string): Edit | undefined {
  const ids = suppression.ruleIds;
  const index = ids.findIndex((r) => r.id === ruleId);
  if (index < 0) return undefined;
  const id = ids[index]!;
  if (index > 0) return { start: ids[index - 1]!.range.end, end: id.range.end, text: '' };
  const next = ids[index + 1];
  return next ? { start: id.range.start, end: next.range.start, text: '' } : undefined;
}
