// Checks the plan against schemas/crmteam.schema.json (compiled at build time) and reports one plain-language
// finding per mistake, at the node the rule page names, with "Change to 'X'" fixes for near-miss keys and values.

import { isMap } from 'yaml';
import type { Fix, OffsetRange } from '../core/finding';
import { replaceScalar } from '../model/edits';
import type { Path, YamlModel } from '../model/yamlModel';
import validate from '../schema/generated/validate';
import { isPlanShaped, TOP_LEVEL_KEYS } from '../schema/planShape';
import { schemaIssues, type SchemaIssue } from '../schema/schemaIssues';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'schema',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'safe',
    sources: [],
    docs: {
      summary: 'The plan follows the `.crmteam.yaml` format: known keys, required keys, allowed values and valid ids.',
      rationale:
        'Every other check, and every hover and completion in the editor, reads the plan through its format. A misspelt key is silently ignored by everything that reads the file, so `itowner:` leaves the plan without an IT owner as surely as leaving the line out; a value outside the allowed list falls back to its default. Reporting these early keeps the plan saying what its authors meant.',
      howToFix:
        'Follow the message: rename an unknown key (the quick-fix offers allowed keys within two typing mistakes), add a missing required key, or pick one of the allowed values (the quick-fix offers the closest ones). A fix that only changes the letter case, such as `Medium` to `medium`, is safe and is applied by `--fix` and fix-all on save.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: Medium\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itowner: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  companySize: medium\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n',
    },
  },
  check({ model, plan, report }) {
    // Without a trustworthy value (an alias bomb, say) yaml-syntax has already explained why nothing can be checked.
    if (model.problems.some((p) => p.code === 'ALIAS_LIMIT' || p.code === 'VALUE_FAILED' || p.code === 'PARSE_FAILED')) return;
    const value = model.value === undefined ? null : model.value;
    if (value === null && model.doc?.contents == null) {
      report({
        range: model.firstKeyRange(),
        message: 'The file is empty. A team plan starts with `crmteam: 1`, then `project` (with a `name`) and `people`.',
      });
      return;
    }
    // A list or a lone value gets the schema's own finding (the file must be a mapping); unrelated keys get this one.
    if (isMap(model.root) && !isPlanShaped(model)) {
      report({
        range: model.firstKeyRange(),
        message: `This YAML is not a team plan: none of its top-level keys is ${listKeys(TOP_LEVEL_KEYS)}. A team plan starts with \`crmteam: 1\`, then \`project\` (with a \`name\`) and \`people\`.`,
      });
      return;
    }
    // A plan covered by a roster may leave out `people` (README, "Many plans"): the schema asks for it only without one.
    const checked = plan.hasRoster && isPlainObject(value) && !Object.prototype.hasOwnProperty.call(value, 'people')
      ? { ...value, people: {} }
      : value;
    if (validate(checked)) return;
    const brokenAt = model.brokenAt;
    for (const issue of schemaIssues(validate.errors ?? [], checked)) {
      // Past a YAML mistake nothing is certain, and a key that looks missing may only be hidden by it.
      if (brokenAt !== undefined && issue.missingKey) continue;
      const range = placeIssue(model, issue);
      if (brokenAt !== undefined && range.end > brokenAt) continue;
      report({ range, message: issue.message, fixes: replacementFixes(model, issue, range) });
    }
  },
});

/** The key or value the issue names; when that node is missing (aliases, merges), its nearest existing parent. */
export function placeIssue(model: YamlModel, issue: SchemaIssue): OffsetRange {
  let path: Path = issue.path;
  if (path.length === 0) return model.firstKeyRange();
  const first = issue.target === 'key' ? model.keyRange(path) : model.valueRange(path);
  if (first) return first;
  while (path.length > 0) {
    path = path.slice(0, -1);
    const range = model.keyRange(path);
    if (range) return range;
  }
  return model.firstKeyRange();
}

function replacementFixes(model: YamlModel, issue: SchemaIssue, range: OffsetRange): Fix[] {
  const current = model.text.slice(range.start, range.end).replace(/^["']|["']$/g, '');
  return issue.replacements.map((replacement, index) => ({
    title: `Change to '${replacement}'`,
    // Only a change of letter case is certain enough to apply without a person looking at it.
    safety: issue.replacements.length === 1 && replacement.toLowerCase() === current.toLowerCase() ? 'safe' : 'unsafe',
    ...(index === 0 ? { preferred: true } : {}),
    edits: [replaceScalar(model, range, replacement)],
  }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((k) => `\`${k}\``);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
