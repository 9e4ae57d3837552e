// Questions an integrator said to provide full support after rollout, an arrangement that seldom holds in practice.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'full-support-is-rare',
    category: 'data-and-rollout',
    defaultSeverity: 'info',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'Points out `partners.integrator.providesFullSupport: true`, so the team can confirm that the integrator really takes over all support after rollout.',
      rationale:
        'After go-live the system still has to be maintained, problems fixed and change requests handled. The article on the technical staffers (002) notes that an integrator who carries the whole support load after rollout is very rare, and that in every other case in-house support has to be planned, staffed and trained during the project. Claiming full support in the plan also switches off the check for a support plan, so it deserves a second look.',
      howToFix:
        'Confirm that the integrator\'s contract really covers all support and maintenance after rollout. If it does, suppress this finding with a comment that says where that is agreed. If it does not, remove `providesFullSupport: true` (or set it to `false`) and plan in-house support with `roles.supportTeam` and `activities.ongoingSupport`.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  plee: { name: Pat Lee, affiliation: integrator }\npartners:\n  integrator:\n    organization: Northwind Integrators\n    lead: plee\n    providesFullSupport: true\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  plee: { name: Pat Lee, affiliation: integrator }\npartners:\n  integrator:\n    organization: Northwind Integrators\n    lead: plee\n    providesFullSupport: false\n',
    },
  },
  check({ plan, report }) {
    const integrator = plan.integrator;
    if (!integrator?.providesFullSupport) return;
    const range = integrator.providesFullSupportRange ?? plan.model.valueRange([...integrator.path, 'providesFullSupport']) ?? integrator.keyRange;
    report({
      range,
      message: 'The plan counts on the integrator for full support after rollout. That is rarely how it works out: usually in-house staff must maintain the tool; confirm it is in the contract, or plan in-house support (`roles.supportTeam`, `activities.ongoingSupport`).',
    });
  },
});
