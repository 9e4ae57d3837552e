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
        'A CRM project depends on the people who will use the tool wanting it. The article on the place of IT in CRM initiatives (001) argues that IT should not try to drive such a project, because it cannot succeed without strong, direct sponsorship, guidance and feedback from the business users; IT and the business should work as equal partners, each in its own field, and for enterprise-wide projects the author fears that the functional owners disengage if IT leads. The article on CRM and the IT department (003) adds that decisions which are not technical should stay with those who own the initiative, not with IT. The champion, the executive sponsor and whoever owns the requirements are the visible leaders of the project, so this rule asks that they come from the business. A business-department person who also does technical work (a sales-operations CRM administrator, say) counts as business, not IT.',
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
        message: `${mention(plan, ref.id)} is ${role} but ${itSideReason(plan, ref.id)}. IT should not drive a CRM project: it needs the business users' sponsorship and buy-in; ${advice}.`,
      });
    }
  },
});
