// Flags an IT owner who is also a business owner: the two roles are counterparts and need two different people.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'it-owner-not-business-owner',
    category: 'it-owner',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['000', '001'],
    docs: {
      summary: 'The IT owner is not also one of the business owners.',
      rationale:
        'The business owners speak for the people who will use the tool; the IT owner speaks for the systems it has to ' +
        'live in. The article on the IT owner (000) describes the two as counterparts, and the article on the place of IT ' +
        'in CRM initiatives (001) wants business and IT working as partners of equal weight, each in their own field. One ' +
        'person in both seats removes that balance (the worry behind this rule, not a claim of the articles, is that the business voice fades).',
      howToFix:
        'Keep the person in the role that matches their job, and name someone else for the other: a manager of a ' +
        'department that uses the tool as business owner, or an internal IT person as IT owner.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [jdoe]\n  itOwner: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  msmith: { name: Maria Smith, department: sales }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\n',
    },
  },
  check({ plan, report }) {
    const ref = plan.itOwner?.ref;
    // An undefined id is nobody: `unknown-person` reports it.
    if (!ref || !plan.isDefined(ref.id)) return;
    const entries = plan.businessOwners().flatMap((a) => (a.ref?.id === ref.id ? [a.ref] : []));
    if (entries.length === 0) return;
    report({
      range: ref.range,
      message: `${mention(plan, ref.id)} is both the IT owner and a business owner. The two roles balance each other, business needs against technical ones, so they need two people; name someone else for one of them.`,
      related: entries.map((entry) => ({ range: entry.range, message: 'business owner entry' })),
    });
  },
});
