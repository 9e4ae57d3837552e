// Warns when an outside party (integrator, vendor, consultant) owns `toolSelection` or `requirements`: the company
// decides for itself which tool it takes and what its business needs.

import type { Plan, PersonRef } from '../plan/plan';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'integrator-not-decider',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['002', '001', '003'],
    docs: {
      summary: 'The owners of `toolSelection` and of `requirements` are internal people, not an integrator, vendor or consultant.',
      rationale:
        'An outside party does not know the company\'s systems and constraints the way its own staff do, and an integrator uses its tools every day, so every tool looks easy to them. The article on the technical staffers (002) says no integrator should make the tool decision for the company. The article on the place of IT in CRM initiatives (001) warns that business users who go it alone with vendors may be taken advantage of, and the article on CRM and the IT department (003) keeps the decisions that are not technical with the owners of the initiative. Defining what the business needs is such a decision. Outsiders can advise, as participants, but should not own either activity.',
      howToFix:
        'Make an internal person the owner: a business owner for `requirements`, and for `toolSelection` a business owner with IT taking part. The outside person can stay as a participant. There is no quick-fix: who owns the decision is for the project to decide.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  toolSelection: { owner: plee, participants: [msmith] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator, organization: Northwind }\nactivities:\n  toolSelection: { owner: msmith, participants: [plee] }\n',
    },
  },
  check({ plan, report }) {
    const owned: { ref: PersonRef | undefined; activity: 'toolSelection' | 'requirements'; what: string }[] = [
      { ref: plan.activities.get('toolSelection')?.owner, activity: 'toolSelection', what: 'should not make the tool decision for you' },
      { ref: plan.activities.get('requirements')?.owner, activity: 'requirements', what: 'should not decide what your business needs' },
    ];
    for (const { ref, activity, what } of owned) {
      if (!ref || !plan.isExternal(ref.id)) continue;
      report({
        range: ref.range,
        message: `${mention(plan, ref.id)} owns \`${activity}\` but ${outsider(plan, ref.id)}. An outside party does not know your business and systems as your own people do and ${what}; make an internal business owner the owner and keep the outside person as an adviser among the participants.`,
      });
    }
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
