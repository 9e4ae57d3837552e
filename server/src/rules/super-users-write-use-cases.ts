// Flags a plan that names no super-users, the people who write the business use cases.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'super-users-write-use-cases',
    category: 'technical',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'The plan names at least one super-user under `roles.superUsers`.',
      rationale:
        'Super-users are everyday users of the business process who turn what the business needs into concrete use cases; those use cases then drive the configuration and the functional tests. The article on the technical staffers (002) pairs them with the technical team: the super-users describe the business scenarios, while IT writes the load and administration criteria. Without named super-users, nobody is clearly on the hook for the business side of testing.',
      howToFix:
        'Add `superUsers` under `roles` and list one or more people from the departments that will use the tool every day. There is no quick-fix, because choosing them is up to the business owners.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  akim: { name: Alex Kim, department: customer-service }\nroles:\n  businessOwners: [msmith]\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  akim: { name: Alex Kim, department: customer-service }\nroles:\n  businessOwners: [msmith]\n  superUsers: [akim]\n',
    },
  },
  check({ plan, report }) {
    // An entry that names no person is invalid and counts as absent; an id that is not defined still names
    // someone (unknown-person reports the typo), so the list is not empty.
    const superUsers = plan.roles.lists.get('superUsers') ?? [];
    if (superUsers.some((a) => a.ref !== undefined)) return;
    // A misspelt `superUsers` (or `roles`) is the schema rule's one finding.
    if (plan.misspeltPath(['roles', 'superUsers'])) return;
    const listed = plan.model.pairAt(['roles', 'superUsers']) !== undefined;
    report({
      range: plan.anchor(['roles']),
      message: listed
        ? 'The `superUsers` list under `roles` names nobody. Super-users from the business write the use cases that capture what the tool must do; list at least one everyday user there.'
        : 'The plan names no super-users. Super-users from the business write the use cases that capture what the tool must do; add `superUsers` under `roles` with at least one everyday user.',
    });
  },
});
