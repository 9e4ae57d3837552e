// Flags a testing activity whose load-testing criteria are set by nobody, or by someone who is not on the IT side.

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
      summary: 'When the plan has a `testing` activity, an internal IT-side person is named as its `loadTesting`.',
      rationale:
        'How much traffic and data the system must bear, and how to prove it, is a technical question: it depends on the servers, the network and the database that IT runs. The article on the technical staffers (002) gives the technical team the job of defining the load-testing criteria, in the same way that super-users define the business use cases. Naming that person in the plan makes sure the criteria exist before the tests are run.',
      howToFix:
        'Set `loadTesting` under `activities.testing` to an internal IT-side person: the IT owner, someone listed under `roles.technicalStaff`, or someone in the IT department. There is no quick-fix, because the right technical person is a choice for the team.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  testing: { owner: akim, participants: [tnguyen] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  tnguyen: { name: Thanh Nguyen, department: it }\nactivities:\n  testing: { owner: akim, participants: [tnguyen], loadTesting: tnguyen }\n',
    },
  },
  check({ plan, report }) {
    const testing = plan.activities.get('testing');
    if (!testing) return;
    const ref = testing.loadTesting;
    if (!ref) {
      report({
        range: testing.keyRange,
        message: 'Testing names nobody to set the load-testing criteria. The technical staff should define how much load the system must bear; add `loadTesting` with an internal IT person (the IT owner, technical staff or the IT department).',
      });
      return;
    }
    if (plan.isITSide(ref.id)) return;
    report({
      range: ref.range,
      message: `${mention(plan, ref.id)} sets the load-testing criteria but ${why(plan, ref.id)}. Load-testing criteria are a technical matter for the IT staff; name an internal IT person (the IT owner, technical staff or the IT department) as \`loadTesting\`.`,
    });
  },
});


function why(plan: Plan, id: string): string {
  if (!plan.isDefined(id)) return 'is not defined under `people`, so counts as nobody';
  if (plan.isExternal(id)) return 'is an outside party, not internal IT';
  return 'is not on the IT side';
}
