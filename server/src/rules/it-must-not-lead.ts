// Warns when IT leads the project: the executive sponsor, the champion or the owner of `requirements` is on the IT side.

import type { PersonRef } from '../plan/plan';
import { itSideReason, mention } from '../plan/labels';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'it-must-not-lead',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['001', '003'],
    docs: {
      summary: 'The executive sponsor, the champion and the owner of `requirements` come from the business, not from IT.',
      rationale:
        'A CRM project lives or dies by whether the people who will use the tool want it. When IT holds the leading roles, the sales, marketing and service managers tend to step back and the users never adopt the result. The article on the place of IT in CRM initiatives (001) asks IT and the business to work as equals with the business in front, and the article on CRM and the IT department (003) warns against handing IT the non-technical decisions that belong to the owners of the initiative.',
      howToFix:
        'Give the role to someone from a business function (or, for the executive sponsor, an executive outside IT) and keep the IT person involved as a participant. There is no quick-fix: who leads is a decision for the project.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\n  champion: jdoe\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\n  champion: msmith\n',
    },
  },
  check({ plan, report }) {
    const leaders: { ref: PersonRef | undefined; role: string; advice: string }[] = [
      {
        ref: plan.roles.single.get('executiveSponsor')?.ref,
        role: 'the executive sponsor',
        advice: 'choose a sponsor from the business or the executive team',
      },
      {
        ref: plan.roles.single.get('champion')?.ref,
        role: 'the champion',
        advice: 'choose a champion from the business functions that will use the tool',
      },
      {
        ref: plan.activities.get('requirements')?.owner,
        role: 'the owner of `requirements`',
        advice: 'let a business owner own the requirements and keep IT among the participants',
      },
    ];
    for (const { ref, role, advice } of leaders) {
      if (!ref || !plan.isITSide(ref.id)) continue;
      report({
        range: ref.range,
        message: `${mention(plan, ref.id)} is ${role} but ${itSideReason(plan, ref.id)}. When IT leads, the business functions tend to disengage and the users do not take up the tool; ${advice}.`,
      });
    }
  },
});
