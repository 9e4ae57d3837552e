// Warns when an outside party (integrator, vendor, consultant) owns `toolSelection`: the company makes its own tool decision.

import type { Plan } from '../plan/plan';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'integrator-not-decider',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['002'],
    docs: {
      summary: 'The owner of `toolSelection` is an internal person, not an integrator, vendor or consultant.',
      rationale:
        'An outside party does not know the company\'s systems and constraints the way its own staff do, and an integrator works with its tools daily, so every tool looks simple to them. The article on the technical staffers (002) says the decision must stay with the company, with its own IT staff playing an active part; outsiders can advise but should not own the choice.',
      howToFix:
        'Make an internal business owner the owner of `toolSelection`; the outside person can stay as a participant. There is no quick-fix: who owns the decision is for the project to decide.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  toolSelection: { owner: plee, participants: [msmith] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  toolSelection: { owner: msmith, participants: [plee] }\n',
    },
  },
  check({ plan, report }) {
    const owner = plan.activities.get('toolSelection')?.owner;
    if (!owner || !plan.isExternal(owner.id)) return;
    report({
      range: owner.range,
      message: `${mention(plan, owner.id)} owns \`toolSelection\` but ${outsider(plan, owner.id)}. An outside party does not know your systems as your own staff do and should not make the tool decision for you; make an internal business owner the owner and keep the outside person as an adviser among the participants.`,
    });
  },
});


/** "they are from the integrator Northwind", "they are a consultant"… */
function outsider(plan: Plan, id: string): string {
  const person = plan.person(id);
  const organization = person?.organization ? ` ${person.organization}` : '';
  switch (person?.affiliation) {
    case 'integrator': return `is from the integrator${organization}`;
    case 'vendor': return `is from the vendor${organization}`;
    case 'consultant': return `is an outside consultant${organization ? ` (${person?.organization})` : ''}`;
    default: return 'is not internal';
  }
}
