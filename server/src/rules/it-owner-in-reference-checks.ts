// Notes reference checks that leave out the IT owner; offers to add the IT owner to their participants.

import { addParticipantFix } from './fixes';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'it-owner-in-reference-checks',
    category: 'it-owner',
    defaultSeverity: 'info',
    fixable: 'safe',
    sources: ['000'],
    docs: {
      summary: 'When the plan has `referenceChecks`, the IT owner is one of its members.',
      rationale:
        'A vendor\'s reference customers are asked how the tool works out in practice, and the technical half of that answer is best heard between IT people. The article on the IT owner (000) notes that the IT owner often takes part in reference checks, and sees a talk between the IT owner and the reference customer\'s own IT owner as the best way to learn how the tool really fares technically. This is advice, not a requirement, hence the information level.',
      howToFix:
        'Add the IT owner to the participants of `activities.referenceChecks`, and arrange for them to speak with the IT owner of each reference customer. The quick-fix adds the IT owner.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  referenceChecks: { owner: msmith }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  msmith: { name: Maria Smith, department: sales }\n  jdoe: { name: John Doe, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  referenceChecks: { owner: msmith, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    // "There is an IT owner" means `itOwner` names a defined person (ARCHITECTURE.md, "Decided edge cases").
    const itOwner = plan.definedItOwnerId;
    const activity = plan.activities.get('referenceChecks');
    if (itOwner === undefined || !activity || activity.memberIds.has(itOwner)) return;
    report({
      range: activity.keyRange,
      message: `The IT owner ${mention(plan, itOwner)} takes no part in \`referenceChecks\`. IT owners often take part in reference checks, and a talk with the reference customer's own IT owner is the best way to learn how the tool fares technically; consider adding them to its participants.`,
      fixes: [addParticipantFix(plan, 'referenceChecks', itOwner, 'IT owner: hears the technical side of each reference')],
    });
  },
});
