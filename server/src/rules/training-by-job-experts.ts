// Flags a training owned by IT or by an outsider, and a trainers list without anyone from the business: users learn
// best from experts in their own job.

import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'training-by-job-experts',
    category: 'data-and-rollout',
    defaultSeverity: 'warning',
    fixable: 'none',
    sources: ['003'],
    docs: {
      summary: 'The owner of `training` is neither on the IT side nor external, and `roles.trainers`, when given, includes someone from the business.',
      rationale:
        'Users adopt a CRM tool when they see how it helps with their own daily work, not when they are walked through every feature. The author of the article on CRM and the IT department (003) believes training is best given by experts in the trainee\'s job rather than experts in the software, finds IT usually not the best choice, and sees a tool that needs an IT person to teach it as a usability problem. A vendor\'s trainer is a software expert too, whoever employs them. This rule therefore asks for training owned by the company\'s own business side, and for at least one business-side person among the trainers; a vendor or IT trainer beside them is fine. A sales-operations administrator (a business department listed as technical staff) is on the business side and a good trainer.',
      howToFix:
        'Make a business-side person the owner of `activities.training` and list business-side people under `roles.trainers`: super-users or experienced users from the departments being trained. IT people and the vendor\'s trainer can stay on as participants or extra trainers to answer questions about the software. There is no quick-fix, because the right trainers depend on who is being trained.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  jdoe: { name: John Doe, department: it }\nroles:\n  superUsers: [akim]\nactivities:\n  training: { owner: jdoe, participants: [akim] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  jdoe: { name: John Doe, department: it }\nroles:\n  superUsers: [akim]\nactivities:\n  training: { owner: akim, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    const owner = plan.activities.get('training')?.owner;
    if (owner && (plan.isITSide(owner.id) || plan.isExternal(owner.id))) {
      const what = plan.isExternal(owner.id) ? 'is from outside the company' : 'is on the IT side';
      report({
        range: owner.range,
        message: `${mention(plan, owner.id)} owns training but ${what}. Users usually learn the tool best from someone who knows their job rather than from a software expert; make a business-side person (a super-user or an experienced user) the owner and keep ${mention(plan, owner.id)} as a participant if needed.`,
      });
    }
    // Undefined ids count as nobody: a list whose entries are all undefined counts as empty (ARCHITECTURE.md, "Decided edge cases").
    const trainers = [...new Set(plan.definedListMembers('trainers'))];
    if (trainers.length === 0 || trainers.some((id) => plan.isBusinessSide(id))) return;
    report({
      range: plan.anchor(['roles', 'trainers']),
      message: `Nobody under \`trainers\` is from the business (${trainers.map((id) => mention(plan, id)).join(', ')}). Users usually learn the tool best from someone who knows their job rather than from a software expert; add a business-side trainer, such as a super-user, beside them.`,
    });
  },
});
