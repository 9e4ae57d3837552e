// Warns when an internal IT-side person owns `toolSelection`: the business people who will use the tool lead the choice.

import { itSideReason, mention } from '../plan/labels';
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'selection-led-by-business',
    category: 'leadership',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['003'],
    docs: {
      summary: 'The owner of `toolSelection` is not an internal IT person.',
      rationale:
        'Technical limits help narrow the list of candidate tools, but the winner should be the one that fits how the sales, marketing and service teams work and pays back the investment. Those teams keep the tool long after IT has moved on, and they resist a tool they feel was picked for them. The article on CRM and the IT department (003) therefore puts the daily users at the head of the selection, with IT taking part.',
      howToFix:
        'Make a business owner (or another business-side person who will use the tool) the owner of `toolSelection`, and keep the IT person among its participants. There is no quick-fix: who leads the selection is a decision for the project.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: jdoe, participants: [msmith] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  businessOwners: [msmith]\n  itOwner: jdoe\nactivities:\n  toolSelection: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    const owner = plan.activities.get('toolSelection')?.owner;
    // IT side already implies internal; both are checked to mirror the rule page.
    if (!owner || !plan.isInternal(owner.id) || !plan.isITSide(owner.id)) return;
    report({
      range: owner.range,
      message: `${mention(plan, owner.id)} owns \`toolSelection\` but ${itSideReason(plan, owner.id)}. The people who will use the tool every day should lead its selection, with IT checking the technical fit; make a business owner the owner and keep this IT person as a participant.`,
    });
  },
});
