// Flags a testing activity, on a project that is more than minimal, whose load-testing criteria are set by nobody or
// by someone who is not technical.

import type { Plan } from '../plan/plan';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'load-testing-owner',
    category: 'technical',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'Unless `complexity` is `minimal`, the `testing` activity names a technical person as its `loadTesting`.',
      rationale:
        'How much traffic and data the system must bear, and how to prove it, is a technical question: it depends on the servers, the network and the database. The article on the technical staffers (002) gives the technical staff the job of setting the load-testing criteria, as the super-users write the business use cases, and it allows technical work to be farmed out. So anyone technical counts: the IT owner, an IT-department person, or anyone listed under `roles.technicalStaff`, an outside specialist included. A `minimal` project, where IT mostly provides a machine, is not asked for load-testing criteria.',
      howToFix:
        'Set `loadTesting` under `activities.testing` to a technical person: the IT owner, someone listed under `roles.technicalStaff`, or someone in the IT department. There is no quick-fix, because the right technical person is a choice for the team.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  testing: { owner: akim, participants: [tnguyen] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  testing: { owner: akim, participants: [tnguyen], loadTesting: tnguyen }\n',
    },
  },
  check({ plan, report }) {
    if (plan.project.complexity === 'minimal') return;
    const testing = plan.activities.get('testing');
    if (!testing) return;
    const ref = testing.loadTesting;
    if (!ref) {
      report({
        range: testing.keyRange,
        message: 'Testing names nobody to set the load-testing criteria. Technical staff should define how much load the system must bear; add `loadTesting` with a technical person (the IT owner, someone on the technical staff or in the IT department).',
      });
      return;
    }
    if (plan.isTechnical(ref.id)) return;
    report({
      range: ref.range,
      message: `${mention(plan, ref.id)} sets the load-testing criteria but ${why(plan, ref.id)}. Load-testing criteria are a job for the technical staff; name a technical person (the IT owner, someone on the technical staff or in the IT department) as \`loadTesting\`.`,
    });
  },
});


function why(plan: Plan, id: string): string {
  if (!plan.isDefined(id)) return 'is not defined under `people`, so counts as nobody';
  if (plan.isExternal(id)) return 'is an outside party who is not listed under `roles.technicalStaff`';
  return 'is neither on the IT side nor listed under `roles.technicalStaff`';
}
