// Flags references to person ids that are not defined under `people`; offers the closest id and "Add person".

import type { Fix } from '../core/finding';
import { replaceScalar } from '../model/edits';
import { closest } from '../core/suggest';
import { addPersonEdit } from './fixes';
import { isValidPersonId } from '../format/vocabulary';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'unknown-person',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: 'unsafe',
    sources: [],
    docs: {
      summary: 'Every person named in roles, partners and activities must be defined under `people` (or in the roster that covers the plan).',
      rationale:
        'A reference to an id that is not under `people` is usually a typo, and it silently leaves the role or activity without anyone: every other check treats an unknown id as nobody.',
      howToFix:
        'Correct the id (the quick-fix offers defined ids within two typing mistakes), or add the person under `people` with the "Add person" quick-fix and fill in their name.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdeo\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\n',
    },
  },
  check({ plan, model, report }) {
    const defined = plan.knownIds();
    const where = plan.hasRoster ? 'under `people` nor in the roster' : 'under `people`';
    for (const ref of plan.references) {
      if (plan.isDefined(ref.id)) continue;
      const suggestions = closest(ref.id, defined, 2);
      const fixes: Fix[] = suggestions.map((id, index) => ({
        title: plan.person(id)?.name ? `Change to '${id}' (${plan.person(id)!.name})` : `Change to '${id}'`,
        safety: 'unsafe',
        ...(index === 0 ? { preferred: true } : {}),
        edits: [replaceScalar(model, ref.range, id)],
      }));
      // Adding a person under an id the format rejects (`JDoe`, `toString`) would only trade one finding for another.
      const addable = isValidPersonId(ref.id);
      if (addable) {
        fixes.push({
          title: `Add person '${ref.id}' under people`,
          safety: 'unsafe',
          ...(suggestions.length === 0 ? { preferred: true } : {}),
          edits: [addPersonEdit(plan, ref.id, `${ref.id} (to be named)`)],
        });
      }
      const hint = suggestions.length > 0
        ? ` Did you mean \`${suggestions[0]}\`?`
        : addable ? ' Add them under `people` or correct the id.' : ' Ids are lower case (letters, digits, `.`, `_`, `-`): correct the id.';
      report({ range: ref.range, message: `\`${ref.id}\` is not defined ${where}.${hint}`, fixes });
    }
  },
});
