// Flags an `installation` with no IT-side member; offers to add the IT owner.

import { reportActivityWithoutIT } from './fixes';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'installation-needs-it',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'safe',
    sources: ['003', '002'],
    docs: {
      summary: 'Someone from IT takes part in installing the CRM tool.',
      rationale:
        'Whatever else is shared out, getting the software onto the company\'s machines and configured there falls to IT. The article on CRM and the IT department (003) counts installing and configuring the software among the things IT is simply expected to do, and the article on the technical staffers (002) notes that even the simplest project needs IT to provide the machine the tool runs on. An installation done only by the business or by outsiders leaves nobody inside IT who knows how the system was set up.',
      howToFix:
        'Add the IT owner, or another internal IT person such as a system administrator, to the participants of `installation`; the vendor or integrator can stay on to help. The quick-fix adds the IT owner when the plan names an internal one.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  vtc: { name: Val Torres, affiliation: vendor, organization: Contoso }\nroles:\n  itOwner: jdoe\nactivities:\n  installation: { owner: vtc }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  vtc: { name: Val Torres, affiliation: vendor, organization: Contoso }\nroles:\n  itOwner: jdoe\nactivities:\n  installation: { owner: vtc, participants: [jdoe] }\n',
    },
  },
  check(context) {
    reportActivityWithoutIT(
      context,
      'installation',
      'Installing and configuring the software is part of what IT is expected to do, even on a small project',
      'an internal IT person (the IT owner or a system administrator)',
      'IT owner: installing the software is IT work',
    );
  },
});
