// Notes an IT owner who takes no part in rollout support or ongoing support; offers to add them as a participant.

import type { Fix } from '../core/finding';
import { addParticipantFix } from './fixes';
import { defineRule } from './rule';
import { mention } from '../plan/labels';

export default defineRule({
  meta: {
    id: 'it-owner-stays-involved',
    category: 'it-owner',
    defaultSeverity: 'info',
    fixable: 'safe',
    sources: ['000'],
    docs: {
      summary: 'The IT owner takes part in support after go-live: in `ongoingSupport` or `rolloutSupport`.',
      rationale:
        'The IT owner\'s job does not end on the go-live date. The article on the IT owner (000) has the IT owner, like ' +
        'the business owners, keep watching over the system after rollout, so that it is run, supported and maintained ' +
        'properly for as long as it is in use. A plan whose support activities leave the IT owner out hands the tool over ' +
        'without its technical owner.',
      howToFix:
        'Add the IT owner to the participants (or make them the owner) of `ongoingSupport`, or of `rolloutSupport` when ' +
        'the plan has no `ongoingSupport`. The quick-fix adds the IT owner to the participants of that activity.',
      bad: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  tnguyen: { name: Thanh Nguyen, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  ongoingSupport: { owner: tnguyen }\n',
      good: 'crmteam: 1\nproject:\n  name: Demo\npeople:\n  jdoe: { name: John Doe, department: it }\n  tnguyen: { name: Thanh Nguyen, department: it }\nroles:\n  itOwner: jdoe\nactivities:\n  ongoingSupport: { owner: tnguyen, participants: [jdoe] }\n',
    },
  },
  check({ plan, report }) {
    const itOwner = plan.definedItOwnerId;
    if (itOwner === undefined) return;
    const ongoing = plan.activities.get('ongoingSupport');
    const rollout = plan.activities.get('rolloutSupport');
    if (!ongoing && !rollout) return;
    if (ongoing?.memberIds.has(itOwner) || rollout?.memberIds.has(itOwner)) return;
    const activity = (ongoing ?? rollout)!;
    const fixes: Fix[] = [addParticipantFix(plan, activity.name, itOwner, 'the IT owner stays involved after rollout')];
    const where = ongoing && rollout ? 'takes part neither in `ongoingSupport` nor in `rolloutSupport`' : `takes no part in \`${activity.name}\``;
    report({
      range: activity.keyRange,
      message: `The IT owner ${mention(plan, itOwner)} ${where}. The IT owner stays responsible for how the tool is run and maintained after go-live; add them to the participants of \`${activity.name}\`.`,
      fixes,
    });
  },
});
