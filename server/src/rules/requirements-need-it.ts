// Flags a `requirements` activity with no IT-side member; offers to add the IT owner to its participants.

import { reportActivityWithoutIT } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'requirements-need-it',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['000', '002'],
    docs: {
      summary: 'Someone from IT takes part in defining the requirements.',
      rationale:
        'The business states what the tool must do, but IT is the one that knows how it will fit into the existing systems, networks and security rules, and which questions about the infrastructure have to be settled for the project to succeed. The article on the IT owner (000) has the IT owner supply the technical requirements, and the article on the technical staffers (002) expects the IT staff to help shape the requirements.',
      howToFix:
        'Add the IT owner, or another internal IT person, to the participants of `requirements`. The quick-fix adds the IT owner when the plan names an internal one.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\nactivities:\n  requirements: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\nactivities:\n  requirements: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check(context) {
    reportActivityWithoutIT(
      context,
      'requirements',
      'IT knows how the tool must fit into the existing systems and infrastructure',
      'an internal IT person (the IT owner or a technical staffer)',
      'IT owner: brings the technical requirements',
    );
  },

});



