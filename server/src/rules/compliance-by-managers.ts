// Flags a data-quality activity owned by IT or an outsider: only users' own managers can enforce data-entry discipline.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'compliance-by-managers',
    category: 'data-and-rollout',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['003'],
    docs: {
      summary: 'The owner of `dataQuality` (compliance with data-entry procedures) is neither on the IT side nor external.',
      rationale:
        'When reports come out wrong because users skip steps or enter data late, IT tends to get the blame, yet IT has no authority over how salespeople or agents do their work. The article on CRM and the IT department (003) says IT can explain the procedures and report who does not follow them, but only each user\'s own manager can really enforce them. This rule applies the same reasoning to outside parties, who have no authority over the users either.',
      howToFix:
        'Make an internal business manager the owner of `activities.dataQuality`, typically a business owner of the departments whose users enter the data. IT or the integrator can remain participants to publish procedures and report lapses. There is no quick-fix, because the right manager depends on whose users are concerned.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, title: VP Sales, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator }\nactivities:\n  dataQuality: { owner: plee, participants: [msmith] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, title: VP Sales, department: sales }\n  plee: { name: Pat Lee, affiliation: integrator }\nactivities:\n  dataQuality: { owner: msmith, participants: [plee] }\n',
    },
  },
  check({ plan, report }) {
    const owner = plan.activities.get('dataQuality')?.owner;
    if (!owner) return;
    const itSide = plan.isITSide(owner.id);
    const external = plan.isExternal(owner.id);
    if (!itSide && !external) return;
    const what = external ? 'is an outside party' : 'is on the IT side';
    report({
      range: owner.range,
      message: `${mention(plan, owner.id)} owns data quality but ${what}. IT and outside parties can publish procedures and report lapses, but only users' own managers can enforce data-entry discipline; make an internal business manager the owner.`,
    });
  },
});
