// Checks the configuration file (crmteam.config.yaml) and the roster against their formats: unknown keys, unknown
// rule ids, bad severities, a roster that does not exist. Findings are reported in those files themselves.

import { isMap, isScalar, type Node } from 'yaml';
import type { Fix, OffsetRange } from '../core/finding';
import { placeIssue } from './schema';
import { replaceScalar } from '../model/edits';
import { keyName, rangeOf, type YamlModel } from '../model/yamlModel';
import validateConfig from '../schema/generated/validateConfig';
import validateRoster from '../schema/generated/validateRoster';
import { schemaIssues } from '../schema/schemaIssues';
import type { SchemaNode } from '../schema/lookup';
import { closest } from '../core/suggest';
import configSchema from '../../../schemas/crmteam.config.schema.json';
import rosterSchema from '../../../schemas/crmteam.roster.schema.json';
import { defineSettingsRule } from './rule';

export default defineSettingsRule({
  meta: {
    id: 'config',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    sources: [],
    docs: {
      summary: 'The configuration file `crmteam.config.yaml` and the roster follow their formats: known keys and rule ids, valid severities, a roster that exists.',
      rationale:
        'The configuration decides how every plan under it is checked, in CI and in each editor alike. A misspelt ' +
        'rule id or key would be silently ignored, so the policy the team agreed on would not apply and nobody would ' +
        'notice; a roster path that leads nowhere would turn every shared person into an unknown one. A configuration ' +
        'that cannot be read at all never stops the checks: its plans are checked with the defaults.',
      howToFix:
        'Follow the message: correct the rule id or key (the quick-fix offers the closest known one), use one of ' +
        '`off`, `hint`, `info`, `warning` or `error`, or correct the roster path, which is relative to the configuration file.',
      bad: '# file: crmteam.config.yaml\ncrmteam-config: 1\nrules:\n  it-owner-ful-time: off\n  unused-person: loud\n',
      good: '# file: crmteam.config.yaml\ncrmteam-config: 1\nrules:\n  it-owner-full-time: off\n  unused-person: error\n',
    },
  },
  checkSettings({ kind, model, exists, knownRuleIds, report }) {
    for (const problem of model.problems) report({ range: problem.range, message: problem.message });
    if (model.problems.some((p) => p.code !== 'DUPLICATE_KEY')) return;
    const value = model.value === undefined || model.value === null ? {} : model.value;
    const validate = kind === 'config' ? validateConfig : validateRoster;
    const root = (kind === 'config' ? configSchema : rosterSchema) as unknown as SchemaNode;
    if (!validate(value)) {
      for (const issue of schemaIssues(validate.errors ?? [], value, root)) {
        const range = placeIssue(model, issue);
        report({ range, message: issue.message, fixes: replacementFixes(model, issue.replacements, range) });
      }
    }
    if (kind !== 'config' || !isMap(model.root)) return;
    const rules = model.nodeAt(['rules']);
    if (isMap(rules)) {
      for (const pair of rules.items) {
        const id = keyName(pair.key);
        const range = rangeOf(pair.key as Node);
        if (!range || knownRuleIds.includes(id)) continue;
        const suggestions = closest(id, knownRuleIds, 3);
        report({
          range,
          message: `\`${id}\` is not a rule id, so this line changes nothing.${suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : ' `crmteam rules` lists the rule ids.'}`,
          fixes: replacementFixes(model, suggestions, range),
        });
      }
    }
    const roster = model.nodeAt(['roster']);
    if (exists && isScalar(roster) && typeof roster.value === 'string' && roster.value.length > 0 && !exists(roster.value)) {
      report({
        range: rangeOf(roster) ?? model.firstKeyRange(),
        message: `The roster \`${roster.value}\` does not exist (the path is relative to this file), so the plans here cannot use its people. Correct the path or create the roster.`,
      });
    }
  },
});

function replacementFixes(model: YamlModel, replacements: readonly string[], range: OffsetRange): Fix[] {
  return replacements.map((replacement, index) => ({
    title: `Change to '${replacement}'`,
    safety: 'unsafe',
    ...(index === 0 ? { preferred: true } : {}),
    edits: [replaceScalar(model, range, replacement)],
  }));
}
