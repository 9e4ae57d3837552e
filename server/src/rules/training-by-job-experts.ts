// Flags IT-side people who own training or are listed as trainers: users learn best from experts in their own job.

import type { PersonRef } from '../plan/plan';
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
      summary: 'Neither the owner of `training` nor anyone under `roles.trainers` is on the IT side.',
      rationale:
        'Users adopt a CRM tool when they see how it helps with their own daily work, not when they are walked through every feature. The article on IT\'s part in CRM (003) argues that a salesperson is better taught by someone who knows selling than by a software specialist, and that a tool which only IT can teach has a usability problem. IT still supports the trainers, but the training itself belongs to the business.',
      howToFix:
        'Make a business-side person the owner of `activities.training` and list business-side people under `roles.trainers`: super-users or experienced users from the departments being trained. IT people can stay on as participants in training to answer technical questions. There is no quick-fix, because the right trainers depend on who is being trained.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  jdoe: { name: John Doe, department: it }\nroles:\n  superUsers: [akim]\nactivities:\n  training: { owner: jdoe, participants: [akim] }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  akim: { name: Alex Kim, department: customer-service }\n  jdoe: { name: John Doe, department: it }\nroles:\n  superUsers: [akim]\nactivities:\n  training: { owner: akim, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    const offending: { ref: PersonRef; as: 'owner' | 'trainer' }[] = [];
    const owner = plan.activities.get('training')?.owner;
    if (owner && plan.isITSide(owner.id)) offending.push({ ref: owner, as: 'owner' });
    for (const assignment of plan.roles.lists.get('trainers') ?? []) {
      const ref = assignment.ref;
      if (ref && plan.isITSide(ref.id)) offending.push({ ref, as: 'trainer' });
    }
    offending.sort((a, b) => a.ref.range.start - b.ref.range.start);
    for (const { ref, as } of offending) {
      const role = as === 'owner' ? 'owns training' : 'is listed as a trainer';
      const instead = as === 'owner'
        ? 'make a business-side person (a super-user or an experienced user) the owner, and keep IT as a participant if needed'
        : 'list business-side people (super-users or experienced users) as trainers instead';
      report({
        range: ref.range,
        message: `${mention(plan, ref.id)} ${role} but is on the IT side. Users learn the tool best from someone who knows their job, not from software specialists; ${instead}.`,
      });
    }
  },
});
