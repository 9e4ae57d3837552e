// Reports what the YAML parser could not read, one finding per mistake (model/yamlErrors.ts): syntax errors, duplicate
// keys, a second document, alias bombs; at most MAX_SHOWN, then one that says how many more there are.

import { defineRule } from './rule';

/** The most `yaml-syntax` mistakes listed per file; one more finding says how many were left out. */
export const MAX_SHOWN = 10;

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'none',
    sources: [],
    docs: {
      summary: 'The file must be one well-formed YAML document without duplicate keys.',
      rationale:
        'A plan that does not parse cannot be checked reliably: after a syntax error, the rest of the file may be read quite differently from what its authors meant, and a role that looks missing may only be hidden by the error. So while the file has a syntax error, no other check runs (only format findings before the error are shown), and each mistake is reported once, where it starts. A duplicate key is reported too, because YAML keeps only the last value and the first one silently disappears; the other checks still run on such a file, as on a file with a second document, of which only the first is read.',
      howToFix:
        'Go to the position shown and correct the YAML: close the quote or bracket opened there, indent with spaces and line keys up with their siblings, quote values that contain `: ` or start with a special character, and give each key once per mapping. Keep one document per file (no second `---`). Fix the first mistake first: the others may disappear with it.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  name: Demo again\npeople: {}\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople: {}\n',
    },
  },
  check({ model, report }) {
    const shown = model.problems.slice(0, MAX_SHOWN);
    for (const problem of shown) report({ range: problem.range, message: problem.message });
    const hidden = model.problems.length - shown.length;
    if (hidden > 0) {
      report({
        range: model.problems[MAX_SHOWN]!.range,
        message: `${hidden} more YAML ${hidden === 1 ? 'mistake follows' : 'mistakes follow'} from here and ${hidden === 1 ? 'is' : 'are'} not listed. Fix the ones above first: the rest may go away with them.`,
      });
    }
  },
});
