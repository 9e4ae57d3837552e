// Flags a person whose stated allocations across all their roles add up to more than their whole working time.

import { describeRefContext, mention } from '../plan/labels';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'over-allocated',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: [],
    docs: {
      summary: 'The allocations stated for one person, across all their roles, add up to at most 100%.',
      rationale:
        'An allocation is the share of a person\'s working time a role takes. When the shares of one person add up to ' +
        'more than a full week, the plan counts on work nobody can do: some role will quietly get less than planned, ' +
        'usually the one with the least visible deadline. Catching it in the plan is cheaper than discovering it mid-project.',
      howToFix:
        'Lower one or more of the person\'s allocations, or move one of their roles to someone with room to spare. The ' +
        'finding lists every allocation that counts towards the total. There is no quick-fix, because deciding which role ' +
        'gives way is a planning choice.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 80% }\n  technicalStaff:\n    systemAdministration:\n      - { person: jdoe, allocation: 40% }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: { person: jdoe, allocation: 60% }\n  technicalStaff:\n    systemAdministration:\n      - { person: jdoe, allocation: 40% }\n',
    },
  },
  check({ plan, report }) {
    for (const id of plan.knownIds()) {
      const assignments = plan.allocatedAssignmentsOf(id);
      const allocations = assignments.map((a) => a.allocation!);
      const total = allocations.reduce((sum, a) => sum + a.percent, 0);
      if (total <= 100) continue;
      const parts = allocations.map((a) => `${a.percent}%`).join(' + ');
      // A roster person is defined in another file: the finding goes to their first allocation in this one.
      const person = plan.people.get(id);
      report({
        range: person ? person.keyRange : assignments[0]!.allocation!.range,
        message: `${mention(plan, id)} is allocated ${total}% of their time in total (${parts}), more than a full working week. Lower an allocation or hand one of their roles to someone else.`,
        related: assignments.map((a) => ({ range: a.allocation!.range, message: `${a.allocation!.percent}% as ${describeRefContext(a.ref!.context)}` })),
      });
    }
  },
});

/** The role each stated allocation belongs to, keyed by the allocation's start offset. */
