// Flags a project that must integrate with other systems but has no `integration` activity with an IT-side member.

import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'integration-needs-it',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'When `project.integrations` lists systems, the `integration` activity exists and someone from IT takes part in it.',
      rationale:
        'Connecting the CRM tool to a legacy or back-office system needs people who know that system from the inside. The article on the technical staffers (002) notes that this expertise often comes from the company\'s own IT group, and that for integration these specialists teach the integrator\'s people instead of learning from them. This rule asks the plan to put at least one IT-side person in the work.',
      howToFix:
        'Add an `integration` activity under `activities` and put an internal IT person who knows the systems to integrate among its members (as owner or participant). There is no quick-fix: the right specialist depends on the systems listed.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\n  integrations: [ERP]\npeople:\n  dchen: { name: Dana Chen, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  integration: { owner: plee }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\n  integrations: [ERP]\npeople:\n  dchen: { name: Dana Chen, department: it }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  integration: { owner: plee, participants: [dchen] }\n',
    },
  },
  check({ plan, report }) {
    const systems = plan.project.integrations;
    if (systems.length === 0) return;
    const activity = plan.activities.get('integration');
    if (activity && [...activity.memberIds].some((id) => plan.isITSide(id))) return;
    // A misspelt `integration` (or `activities`) key is the schema rule's finding, not a missing activity.
    if (!activity && plan.misspeltPath(['activities', 'integration'])) return;
    const list = systems.map((s) => `\`${s}\``).join(', ');
    report({
      range: plan.anchor(['activities', 'integration'], ['project', 'integrations']),
      message: activity
        ? `Nobody from IT takes part in \`integration\`, yet the CRM must connect to ${list}. The knowledge of those systems often lies with your IT group; add an internal IT person who knows them to the activity.`
        : `The CRM must connect to ${list}, but the plan has no \`integration\` activity. The knowledge of those systems often lies with your IT group; add \`integration\` under \`activities\` with an internal IT person who knows them among its members.`,
    });
  },
});

