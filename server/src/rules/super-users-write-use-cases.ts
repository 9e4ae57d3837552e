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
        'Super-users are experienced users of the business process who help turn what the business needs into concrete use cases. The article on the technical staffers (002) mentions them beside the technical team when it comes to testing: the super-users help write the use cases that describe what the business needs, while the technical staff set the load-testing criteria. Without named super-users, it is not clear who brings the business view to that work (this last point is our own advice).',
      howToFix:
        'Add `superUsers` under `roles` and list one or more people from the departments that will use the tool every day. There is no quick-fix, because choosing them is up to the business owners.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  akim: { name: Alex Kim, department: customer-service }\nroles:\n  businessOwners: [msmith]\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  akim: { name: Alex Kim, department: customer-service }\nroles:\n  businessOwners: [msmith]\n  superUsers: [akim]\n',
    },
  },
  check({ plan, report }) {
    // An entry that names no person is invalid and counts as absent; a list whose entries are all undefined ids counts
    // as empty (ARCHITECTURE.md, "Decided edge cases").
    if (plan.definedListMembers('superUsers').length > 0) return;
    // A misspelt `superUsers` (or `roles`) is the schema rule's one finding.
    if (plan.misspeltPath(['roles', 'superUsers'])) return;
    const listed = plan.model.pairAt(['roles', 'superUsers']) !== undefined;
    report({
      range: plan.anchor(['roles']),
      message: listed
        ? 'The `superUsers` list under `roles` names nobody defined under `people`. Super-users from the business help write the use cases that capture what the tool must do; list at least one everyday user there.'
        : 'The plan names no super-users. Super-users from the business help write the use cases that capture what the tool must do; add `superUsers` under `roles` with at least one everyday user.',
    });
  },
});
