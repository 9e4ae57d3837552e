// Flags a tool selection with no IT-side member; offers to add the IT owner to its participants.

import { reportActivityWithoutIT } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'selection-includes-it',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['000', '002', '003'],
    docs: {
      summary: 'Someone from IT takes part in choosing the CRM tool.',
      rationale:
        'The business leads the choice, but only IT can check that a candidate tool fits the company\'s architecture, and estimate what closing the gaps would cost. The articles on the IT owner (000), the technical staffers (002) and the division of work between business and IT (003) all put IT in the selection.',
      howToFix: 'Add the IT owner, or another internal IT person, to the participants of `toolSelection`. The quick-fix adds the IT owner.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check(context) {
    reportActivityWithoutIT(
      context,
      'toolSelection',
      "The business leads the choice, but IT must check each candidate against the company's architecture",
      'an internal IT person (the IT owner or a technical staffer)',
      'IT owner',
    );
  },

});
