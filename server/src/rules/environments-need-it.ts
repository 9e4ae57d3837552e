// Flags an `environments` activity (test and production setup) with no IT-side member; offers to add the IT owner.

import { reportActivityWithoutIT } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'environments-need-it',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['002'],
    docs: {
      summary: 'Someone from IT takes part in setting up the test and production environments.',
      rationale:
        'Whoever builds the test and production environments, the company\'s own IT staff will have to support them once the project is over, and they often control who may touch internal systems at all. The article on the technical staffers (002) asks IT to set up these environments, or at the very least to understand every part of the setup, even when the integrator helps.',
      howToFix:
        'Add the IT owner, or another internal IT person such as a system administrator, to the participants of `environments`. The quick-fix adds the IT owner when the plan names an internal one.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  itOwner: jdoe\nactivities:\n  environments: { owner: plee }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nroles:\n  itOwner: jdoe\nactivities:\n  environments: { owner: plee, participants: [jdoe] }\n',
    },
  },
  check(context) {
    reportActivityWithoutIT(
      context,
      'environments',
      'Your IT staff will support the test and production setup after the project, so they must build it or fully understand it',
      'an internal IT person (the IT owner or a system administrator)',
      'IT owner: IT will support this setup',
    );
  },

});



