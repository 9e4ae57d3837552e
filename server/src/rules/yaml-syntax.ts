// Reports what the YAML parser could not read: syntax errors, duplicate keys, a second document, alias bombs.

import { defineRule } from './rule';

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
        'A plan that does not parse cannot be checked reliably: everything after a syntax error may be read differently from what the author meant. A duplicate key is worse, because YAML keeps only the last value and the first one silently disappears. The rest of the analysis still runs on whatever could be read, so fix these first.',
      howToFix:
        'Go to the position shown and correct the YAML: indent consistently with spaces, close brackets and quotes, and give each key once per mapping. Keep one document per file (no second `---`).',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  name: Demo again\npeople: {}\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople: {}\n',
    },
  },
  check({ model, report }) {
    for (const problem of model.problems) report({ range: problem.range, message: problem.message });
  },
});
