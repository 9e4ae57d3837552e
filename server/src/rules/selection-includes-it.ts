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
        'The business leads the choice, but IT is the one to check each candidate against the technical requirements and to estimate what closing any gap would cost. The article on the IT owner (000) gives that vetting to the IT owner, the article on the technical staffers (002) wants the IT staff to play an active part in the selection, and the article on CRM and the IT department (003) wants IT firmly in the selection, without being solely responsible for it.',
      howToFix: 'Add the IT owner, or another internal IT person, to the participants of `toolSelection`. The quick-fix adds the IT owner.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check(context) {
    reportActivityWithoutIT(
      context,
      'toolSelection',
      "The business leads the choice, but IT should check each candidate against the technical requirements",
      'an internal IT person (the IT owner or a technical staffer)',
      'IT owner',
    );
  },

});
