// Flags an IT owner from outside the company (integrator, vendor, consultant): the role needs someone from in-house IT.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'it-owner-internal',
    category: 'it-owner',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['000', '002'],
    docs: {
      summary: 'The IT owner is one of the company\'s own people, not someone from the integrator, the vendor or a consultancy.',
      rationale:
        'The IT owner has to know the company\'s systems, architecture and IT plans, line up internal IT people, and make ' +
        'sure the tool is looked after once the outside parties have gone home. The article on the IT owner (000) builds ' +
        'the role on that knowledge of the in-house landscape, and the article on the technical staffers (002) warns that ' +
        'an outside firm can never know your environment as well as your own IT group does.',
      howToFix:
        'Name an internal IT person as `roles.itOwner`, typically a business applications manager. The outside expert can ' +
        'stay on the project as integrator lead or as a participant in the activities where they help.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  itOwner: plee\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  itOwner: jdoe\npartners:\n  integrator: { organization: Northwind, lead: plee }\n',
    },
  },
  check({ plan, report }) {
    const ref = plan.itOwner?.ref;
    if (!ref || !plan.isExternal(ref.id)) return;
    const person = plan.person(ref.id)!;
    const from = person.organization ? `${person.affiliation}, ${person.organization}` : person.affiliation;
    report({
      range: ref.range,
      message: `The IT owner ${mention(plan, ref.id)} is from outside the company (${from}). The role needs someone who knows your own IT landscape and stays after the project; name an internal IT person as IT owner.`,
    });
  },
});
